"""OCR pre-fill on real generated documents: empty fields filled, a typed value that differs
is highlighted with a one-click fix, and a replaced image cancels the stale reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store.db import open_store
from app.store.drafts import create_draft, get_draft
from app.ui.editor.editor import DraftEditor
from app.ui.widgets.marks import mark_of
from tests.factories import TODAY
from tests.synth import Variation, make_sample
from tests.ui.editing import wait_idle

pytestmark = pytest.mark.slow


def _sample(folder: Path, kind: str, seed: int) -> tuple[Path, dict[str, str]]:
    sample = make_sample(kind, seed, Variation())
    path = folder / f"{kind}-{seed}.jpg"
    path.write_bytes(sample.jpeg_bytes())
    return path, sample.truth


def test_licence_prefills_empty_fields_and_flags_a_differing_one(qtbot, tmp_path) -> None:
    store = open_store()
    draft_id = create_draft(store, "general", {"legal_rep_name": "王建国"})
    editor = DraftEditor(store, draft_id, today=TODAY)
    qtbot.addWidget(editor)
    licence, truth = _sample(tmp_path, "business_license", 3)
    zone = editor.rows["business_certificate_image"].zone

    zone.fileChosen.emit(str(licence))
    assert not zone.busy_bar.isHidden()  # busy at once; the work is on a worker thread
    wait_idle(qtbot, editor, "business_certificate_image")
    assert zone.busy_bar.isHidden()

    rows = editor.rows
    assert rows["enterprise_name"].input.value() == truth["enterprise_name"]
    assert rows["organization_code"].input.value() == truth["credit_code"]
    assert rows["business_term_start"].input.value() == truth["term_start"]
    assert "Filled from the document" in zone.notes.text()
    stored = get_draft(store, draft_id).values
    assert stored["enterprise_name"] == truth["enterprise_name"]  # pre-fill is autosaved too

    # The typed legal representative differs from the licence: highlighted, not overwritten.
    name_row = rows["legal_rep_name"]
    assert name_row.input.value() == "王建国"
    assert mark_of(name_row.input.line) == "mismatch"
    assert truth["legal_rep_name"] in name_row.input.line.toolTip()
    assert not name_row.mismatch.isHidden() and not name_row.use_document.isHidden()
    assert any(f.code == "ocr_mismatch" and f.field == "legal_rep_name" for f in editor.findings)

    name_row.use_document.click()
    assert name_row.input.value() == truth["legal_rep_name"]
    assert mark_of(name_row.input.line) is None
    assert name_row.mismatch.isHidden()
    assert get_draft(store, draft_id).values["legal_rep_name"] == truth["legal_rep_name"]
    editor.shutdown()


def test_replacing_an_image_drops_the_stale_reading(qtbot, tmp_path) -> None:
    store = open_store()
    draft_id = create_draft(store, "general")
    editor = DraftEditor(store, draft_id, today=TODAY)
    qtbot.addWidget(editor)
    first, _ = _sample(tmp_path, "id_portrait", 1)
    second, truth = _sample(tmp_path, "id_portrait", 2)
    zone = editor.rows["admin_id_back_image"].zone
    zone.fileChosen.emit(str(first))
    zone.fileChosen.emit(str(second))  # replaced before the first was read
    wait_idle(qtbot, editor, "admin_id_back_image")

    assert editor.rows["admin_name"].input.value() == truth["name"]
    assert editor.rows["admin_id_number"].input.value() == truth["id_number"]
    stored = get_draft(store, draft_id)
    assert [r.original_name for r in stored.images["admin_id_back_image"]] == ["id_portrait-2.jpg"]
    assert editor.readings.of("admin_id_back_image", str(stored.images["admin_id_back_image"][0].path))

    zone.removeRequested.emit(0)
    assert "admin_id_back_image" not in get_draft(store, draft_id).images
    assert editor.readings.of("admin_id_back_image", None) is None
    assert not any(f.code == "ocr_mismatch" for f in editor.findings)
    editor.shutdown()
