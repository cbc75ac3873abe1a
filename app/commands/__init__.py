"""Sub-commands of `qualdesk`. Each module exposes `register(subparsers)`, which adds its
parser and sets `func` (taking the parsed args, returning an exit code) as a default."""

COMMANDS = ("check", "drafts", "status", "simulator", "ocr")
