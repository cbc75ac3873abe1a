"""Stored OCR readings: what an engine read on an image blob, keyed by the blob's sha256 and
the engine's name. The GUI saves one after each OCR run and loads them when a draft opens,
so mismatch highlights come back without running OCR again.

A reading holds names and ID numbers like the draft itself: it stays in the user's database
and is never logged. It is dropped with the last draft image that references its blob (a
trigger of schema v3), and one is only saved while such a reference exists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from app.core.dates import now_iso
from app.core.spec import FieldSpec
from app.ocr.engines import DEFAULT_ENGINE, ENGINES
from app.ocr.extract import KINDS
from app.ocr.reader import OcrResult
from app.store.db import Store, write
from app.store.records import StoredDraft


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
        # a new reading can add or clear mismatches: the drafts list counts them again
        db.execute("UPDATE drafts SET error_count = NULL WHERE id IN"
                   " (SELECT draft_id FROM draft_images WHERE sha256 = ?)", (sha256,))
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


def readable(spec: FieldSpec) -> bool:
    """An image field whose document OCR can read into form fields."""
    return spec.type == "image" and bool(spec.ocr) and spec.document in KINDS


def stored_reading(store: Store, sha256: str, kind: str, engines: Iterable[str]) -> OcrResult | None:
    """The first stored reading of the blob by one of `engines` that was extracted as `kind`
    (the same photo in a field for another document must be read again)."""
    for engine in engines:
        data = load_reading(store, sha256, engine)
        if data is None:
            continue
        try:
            result = OcrResult.from_json(data)
        except (KeyError, TypeError, ValueError):
            continue  # an unreadable row: reading again is safe
        if result.kind == kind:
            return result
    return None


def draft_readings(store: Store, stored: StoredDraft,
                   engine: str = DEFAULT_ENGINE) -> dict[str, OcrResult]:
    """The stored readings of a draft's attached documents, by image field: `engine`'s
    first, another engine's otherwise. What `mismatch_findings` takes, without any OCR."""
    engines = [engine, *(e for e in ENGINES if e != engine)]
    found: dict[str, OcrResult] = {}
    for spec in stored.form.fields:
        refs = stored.images.get(spec.id)
        if refs and readable(spec):
            assert spec.document is not None
            result = stored_reading(store, refs[0].sha256, spec.document, engines)
            if result is not None:
                found[spec.id] = result
    return found
