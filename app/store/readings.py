"""Stored OCR readings: what an engine read on an image blob, keyed by the blob's sha256 and
the engine's name. The GUI saves one after each OCR run and loads them when a draft opens,
so mismatch highlights come back without running OCR again.

A reading holds names and ID numbers like the draft itself: it stays in the user's database
and is never logged. It is dropped with the last draft image that references its blob (a
trigger of schema v3), and one is only saved while such a reference exists.
"""

from __future__ import annotations

import json
from typing import Any

from app.store.db import Store, write
from app.store.records import now_iso


def save_reading(store: Store, sha256: str, engine: str, result_json: dict[str, Any]) -> bool:
    """Store (or replace) the reading of blob `sha256` by `engine`. Returns False, storing
    nothing, when no draft image references the blob any more (removed while it was read)."""
    text = json.dumps(result_json, ensure_ascii=False)
    with write(store.db) as db:
        cursor = db.execute(
            "INSERT INTO ocr_readings (sha256, engine, result_json, read_at)"
            " SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM draft_images WHERE sha256 = ?)"
            " ON CONFLICT (sha256, engine) DO UPDATE SET"
            " result_json = excluded.result_json, read_at = excluded.read_at",
            (sha256, engine, text, now_iso(), sha256))
        return cursor.rowcount > 0


def load_reading(store: Store, sha256: str, engine: str) -> dict[str, Any] | None:
    """The stored reading of blob `sha256` by `engine`, or None when it was never read
    (or the stored text is unreadable: reading again is always safe)."""
    row = store.db.execute("SELECT result_json FROM ocr_readings WHERE sha256 = ? AND engine = ?",
                           (sha256, engine)).fetchone()
    if row is None:
        return None
    try:
        data = json.loads(row[0])
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
