"""Status tracking through dysmsapi: the SDK client, listing, sync, states, masking and the
local simulator. Qt-free: the GUI and the CLI both call into this package."""
