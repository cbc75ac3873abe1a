"""The tracker page: tracked qualifications (table + detail), sync, expiry notices."""
