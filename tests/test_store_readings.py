"""Stored OCR readings: keyed by blob and engine, kept only while a draft image references
the blob, and an `OcrResult` survives the round trip through the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.ocr.reader import OcrResult
from app.store import (
    attach_image,
    create_draft,
    delete_draft,
    duplicate_draft,
    load_reading,
    open_store,
    purge_trash,
    remove_image,
    save_reading,
)
from tests.factories import write_image

FIELD = "admin_id_back_image"


def _reading(name: str, engine: str = "rapidocr") -> OcrResult:
    return OcrResult("card.jpg", "id_portrait", "id_portrait", {"name": name, "id_number": "X1"},
                     {"name": 0.98, "id_number": 0.61}, seconds=1.23456, engine=engine)


def _draft_with_card(store, folder: Path, color=(200, 30, 30)) -> tuple[str, str]:
    draft_id = create_draft(store, "general")
    ref = attach_image(store, draft_id, FIELD, write_image(folder / f"card{color}.jpg", color=color))
    return draft_id, ref.sha256


def test_a_reading_round_trips_per_engine_and_is_replaced(tmp_path: Path) -> None:
    store = open_store()
    _, sha = _draft_with_card(store, tmp_path)
    assert load_reading(store, sha, "rapidocr") is None
    assert save_reading(store, sha, "rapidocr", _reading("王小明").to_json(detail=True))
    assert save_reading(store, sha, "tesseract", _reading("王小朋", "tesseract").to_json(detail=True))

    back = OcrResult.from_json(load_reading(store, sha, "rapidocr"))
    assert (back.kind, back.detected_kind, back.engine) == ("id_portrait", "id_portrait", "rapidocr")
    assert back.fields == {"name": "王小明", "id_number": "X1"}
    assert back.confidence == {"name": 0.98, "id_number": 0.61}
    assert load_reading(store, sha, "tesseract")["fields"]["name"] == "王小朋"

    save_reading(store, sha, "rapidocr", _reading("王大明").to_json(detail=True))
    assert load_reading(store, sha, "rapidocr")["fields"]["name"] == "王大明"
    # Another process (a fresh handle) sees it: it is in the database, not in memory.
    assert load_reading(open_store(), sha, "rapidocr")["fields"]["name"] == "王大明"


def test_the_cli_line_keeps_its_shape_and_still_loads() -> None:
    line = _reading("王小明").to_json()
    assert set(line) == {"image", "kind", "fields", "confidence", "seconds"}
    back = OcrResult.from_json(line)
    assert back.detected_kind == "id_portrait" and back.fields["name"] == "王小明"
    detected = OcrResult.from_json({**line, "detected_kind": "id_emblem"})
    assert detected.kind == "id_portrait" and detected.detected_kind == "id_emblem"


def test_no_reading_is_kept_for_an_image_nobody_references(tmp_path: Path) -> None:
    store = open_store()
    draft_id, sha = _draft_with_card(store, tmp_path)
    remove_image(store, draft_id, FIELD)
    # Removed while OCR was running: the late result is not stored.
    assert not save_reading(store, sha, "rapidocr", _reading("王小明").to_json(detail=True))
    assert load_reading(store, sha, "rapidocr") is None


def test_a_reading_goes_with_the_last_reference_to_its_image(tmp_path: Path) -> None:
    store = open_store()
    draft_id, sha = _draft_with_card(store, tmp_path)
    copy_id = duplicate_draft(store, draft_id)  # the same blob, referenced twice
    save_reading(store, sha, "rapidocr", _reading("王小明").to_json(detail=True))

    remove_image(store, draft_id, FIELD)
    assert load_reading(store, sha, "rapidocr") is not None  # the copy still shows it

    delete_draft(store, copy_id)  # in the trash: still referenced, still restorable
    assert load_reading(store, sha, "rapidocr") is not None
    purge_trash(store, now=datetime.now(UTC) + timedelta(days=31))
    assert load_reading(store, sha, "rapidocr") is None


def test_an_unreadable_row_counts_as_not_read(tmp_path: Path) -> None:
    store = open_store()
    _, sha = _draft_with_card(store, tmp_path)
    save_reading(store, sha, "rapidocr", {"kind": "id_portrait"})
    store.db.execute("UPDATE ocr_readings SET result_json = 'not json{'")
    assert load_reading(store, sha, "rapidocr") is None


def test_the_drafts_list_counts_mismatches_with_stored_readings(tmp_path: Path) -> None:
    """The list's error count is the editor's: a stored reading that disagrees with the typed
    name adds an `ocr_mismatch` error, and saving a reading refreshes the cached count."""
    from app.store import list_drafts, update_field

    store = open_store()
    draft_id, sha = _draft_with_card(store, tmp_path)
    update_field(store, draft_id, "admin_name", "王小明")

    def errors() -> int:
        return next(d.error_count for d in list_drafts(store) if d.id == draft_id)

    before = errors()
    save_reading(store, sha, "rapidocr", _reading("王小朋").to_json(detail=True))
    assert errors() == before + 1  # cached count dropped by the save, mismatch counted
    save_reading(store, sha, "rapidocr", _reading("王小明").to_json(detail=True))
    assert errors() == before
