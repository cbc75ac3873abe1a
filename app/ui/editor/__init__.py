"""The form editor, generated from `forms/*.toml`: sections as steps, one row per field."""
