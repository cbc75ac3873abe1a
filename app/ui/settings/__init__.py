"""The settings page: credentials (secret in the OS keyring only), endpoint, OCR engine,
language, sync interval, expiry lead time, masking default."""
