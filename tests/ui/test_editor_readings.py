"""OCR readings in the editor: one mismatch rule shared with `qualdesk check --ocr`, and
readings stored so a reopened draft shows its mismatches without running OCR again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import app.ui.editor.documents as documents
from app.ocr.reader import OcrResult
from app.store.db import open_store
from app.store.drafts import attach_image, create_draft, get_draft
from app.store.readings import save_reading
from app.ui.editor.editor import DraftEditor
from app.ui.widgets.marks import mark_of
from tests.factories import TODAY, write_image
from tests.synth import Variation, find_cjk_font, make_sample
from tests.ui.editing import attach

ROOT = Path(__file__).resolve().parents[2]
needs_font = pytest.mark.skipif(find_cjk_font() is None, reason="no CJK font (install fonts-noto-cjk)")


def _open(qtbot, store, draft_id: str) -> DraftEditor:
    editor = DraftEditor(store, draft_id, today=TODAY)
    qtbot.addWidget(editor)
    return editor


def _stored_card_reading(store, folder: Path, draft_id: str, name: str,
                         confidence: float = 0.97) -> None:
    """A card attached through the store with a reading stored for it, as an earlier
    session of the editor leaves it."""
    ref = attach_image(store, draft_id, "admin_id_back_image", write_image(folder / "card.jpg"))
    result = OcrResult(str(ref.path), "id_portrait", "id_portrait", {"name": name},
                       {"name": confidence})
    assert save_reading(store, ref.sha256, "rapidocr", result.to_json(detail=True))


@pytest.fixture
def count_ocr(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every OCR run the editor starts (the real `read_document` still does the work)."""
    calls: list[str] = []
    real = documents.read_document

    def counting(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(documents, "read_document", counting)
    return calls


def test_a_stored_reading_brings_the_mismatch_back_with_its_fix(qtbot, tmp_path, count_ocr) -> None:
    store = open_store()
    draft_id = create_draft(store, "general", {"admin_name": "李四"})
    _stored_card_reading(store, tmp_path, draft_id, "王小明")

    editor = _open(qtbot, store, draft_id)
    row = editor.rows["admin_name"]
    assert mark_of(row.input.line) == "mismatch"
    assert "王小明" in row.input.line.toolTip()
    assert not row.mismatch.isHidden() and not row.use_document.isHidden()
    found = [f for f in editor.findings if f.code == "ocr_mismatch"]
    assert [(f.field, f.severity) for f in found] == [("admin_name", "error")]
    assert editor.runners == {} and count_ocr == []  # nothing was read

    row.use_document.click()
    assert row.input.value() == "王小明"
    assert mark_of(row.input.line) is None and row.mismatch.isHidden()
    assert get_draft(store, draft_id).values["admin_name"] == "王小明"
    editor.shutdown()


def test_an_unsure_stored_reading_accuses_nobody(qtbot, tmp_path) -> None:
    store = open_store()
    draft_id = create_draft(store, "general", {"admin_name": "李四"})
    _stored_card_reading(store, tmp_path, draft_id, "王小明", confidence=0.2)
    editor = _open(qtbot, store, draft_id)
    assert mark_of(editor.rows["admin_name"].input.line) is None
    assert not [f for f in editor.findings if f.code.startswith("ocr_")]
    editor.shutdown()


def _sample(folder: Path, kind: str, seed: int) -> tuple[Path, dict[str, str]]:
    sample = make_sample(kind, seed, Variation())
    path = folder / f"{kind}-{seed}.jpg"
    path.write_bytes(sample.jpeg_bytes())
    return path, sample.truth


@needs_font
@pytest.mark.slow
def test_reopening_shows_the_mismatch_without_running_ocr(qtbot, tmp_path, count_ocr) -> None:
    store = open_store()
    draft_id = create_draft(store, "general", {"admin_name": "李四"})
    card, truth = _sample(tmp_path, "id_portrait", 5)
    editor = _open(qtbot, store, draft_id)
    attach(qtbot, editor, "admin_id_back_image", card)
    assert len(count_ocr) == 1
    assert mark_of(editor.rows["admin_name"].input.line) == "mismatch"
    assert editor.rows["admin_id_number"].input.value() == truth["id_number"]  # pre-filled
    editor.shutdown()
    editor.close()

    reopened = _open(qtbot, open_store(), draft_id)  # a fresh handle: only the database remembers
    row = reopened.rows["admin_name"]
    assert row.input.value() == "李四"
    assert mark_of(row.input.line) == "mismatch"
    assert truth["name"] in row.input.line.toolTip()
    assert not row.use_document.isHidden()
    assert reopened.runners == {} and len(count_ocr) == 1
    row.use_document.click()
    assert get_draft(store, draft_id).values["admin_name"] == truth["name"]

    # The same photo attached to another draft is not read again either.
    other = _open(qtbot, store, create_draft(store, "general"))
    attach(qtbot, other, "admin_id_back_image", card)
    assert len(count_ocr) == 1
    assert other.rows["admin_name"].input.value() == truth["name"]
    reopened.shutdown()
    other.shutdown()


@needs_font
@pytest.mark.slow
def test_the_editor_and_check_ocr_report_the_same_findings(qtbot, tmp_path) -> None:
    store = open_store()
    # The typed name agrees with neither document, and the documents disagree with each other.
    draft_id = create_draft(store, "general", {"legal_rep_name": "王建国",
                                               "enterprise_name": "杭州某某科技有限公司"})
    licence, licence_truth = _sample(tmp_path, "business_license", 3)
    card, card_truth = _sample(tmp_path, "id_portrait", 7)
    assert licence_truth["legal_rep_name"] != card_truth["name"]
    editor = _open(qtbot, store, draft_id)
    attach(qtbot, editor, "business_certificate_image", licence)
    attach(qtbot, editor, "legal_rep_id_back_image", card)
    gui = sorted(tuple(f.to_json("en").values()) for f in editor.findings
                 if f.code.startswith("ocr_"))
    editor.shutdown()
    assert {row[0] for row in gui} >= {"legal_rep_name", "enterprise_name"}

    stored = get_draft(store, draft_id)
    draft_path = tmp_path / "draft.json"
    draft_path.write_text(json.dumps({"form": "general", "values": stored.all_values()},
                                     ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "app", "check", str(draft_path), "--ocr", "--json",
                          "--lang", "en", "--today", TODAY.isoformat()],
                         cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert "Traceback" not in out.stderr, out.stderr
    cli = sorted(tuple(f.values()) for f in json.loads(out.stdout)["findings"]
                 if f["code"].startswith("ocr_"))
    assert cli == gui
