"""The demo's kit of generated sample documents: one fictional enterprise told consistently
across its licence, ID cards and letters, so a newcomer can prepare complete applications
without touching a file by hand. Real RapidOCR on the real images (six reads in all)."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from app.core.draft import parse_draft
from app.core.rules import check_draft
from app.images.probe import probe_image
from app.ocr import read_document
from app.ocr.mismatch import mismatch_findings
from app.samples import KIT_FILES, Kit, find_cjk_font, write_application_kit
from app.store.drafts import get_draft
from app.ui.context import AppContext
from app.ui.demo import sample_documents_folder, start_demo
from app.ui.drafts.page import DraftsPage
from app.ui.editor.editor import DraftEditor
from tests.factories import TODAY
from tests.ui.editing import OCR_TIMEOUT_MS, type_text

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(find_cjk_font() is None, reason="no CJK font (install fonts-noto-cjk)")]
KIT_TO_400 = {  # number400 image field -> kit document
    "three_in_one_license_image": "business_license",
    "legal_rep_id_front_image": "legal_rep_id_emblem",
    "legal_rep_id_back_image": "legal_rep_id_portrait",
}


def general_values(kit: Kit) -> dict[str, object]:
    """A complete general application: the kit's truth where the documents say it, the
    kit's images for every image field, a few choices only the applicant can make."""
    e, rep, admin = kit.enterprise, kit.legal_rep, kit.admin
    return {
        "reuse_across_products": False, "certificate_type": "business_license",
        "business_certificate_image": str(kit.path("business_license")),
        "enterprise_name": e.name, "organization_code": e.credit_code,
        "enterprise_type": e.enterprise_type, "enterprise_address": e.address,
        "enterprise_province": e.province, "enterprise_city": e.city,
        "business_term_start": e.established, "business_term_end": e.term_end,
        "legal_rep_id_front_image": str(kit.path("legal_rep_id_emblem")),
        "legal_rep_id_back_image": str(kit.path("legal_rep_id_portrait")),
        "legal_rep_name": rep.name, "legal_rep_id_number": rep.id_number,
        "legal_rep_id_valid_from": kit.legal_rep_card.valid_from.isoformat(),
        "legal_rep_id_valid_to": kit.legal_rep_card.valid_to,
        "admin_id_front_image": str(kit.path("admin_id_emblem")),
        "admin_id_back_image": str(kit.path("admin_id_portrait")),
        "admin_holding_id_image": str(kit.path("admin_holding_id")),
        "admin_name": admin.name, "admin_id_number": admin.id_number,
        "admin_id_valid_from": kit.admin_card.valid_from.isoformat(),
        "admin_id_valid_to": kit.admin_card.valid_to, "admin_phone": kit.admin_phone,
        "commitment_letter_image": str(kit.path("commitment_letter")),
        "application_letter_image": str(kit.path("application_letter")),
        "commitment_letter_date": kit.commitment_date.isoformat(),
        "application_letter_date": kit.application_date.isoformat(),
        "qualification_name": f"{e.name}语音通知", "qualification_authorized": True,
    }


def test_kit_documents_tell_one_consistent_story(tmp_path: Path) -> None:
    kit = write_application_kit(tmp_path / "kit", seed=5, today=TODAY)
    assert sorted(p.name for p in kit.folder.iterdir()) == sorted(KIT_FILES.values())
    assert all(probe_image(path).problem is None for path in kit.files)
    assert kit.enterprise.legal_rep_name == kit.legal_rep.name
    assert kit.admin.name != kit.legal_rep.name and kit.admin.id_number != kit.legal_rep.id_number
    for card in (kit.legal_rep_card, kit.admin_card):
        assert card.valid_from < TODAY and card.valid_to > (TODAY + timedelta(days=3 * 365)).isoformat()
    for signed in (kit.commitment_date, kit.application_date):
        assert TODAY - timedelta(days=21) <= signed < TODAY  # a couple of weeks ago

    portrait = read_document(kit.path("legal_rep_id_portrait"), engine="rapidocr")
    commitment = read_document(kit.path("commitment_letter"), engine="rapidocr")
    application = read_document(kit.path("application_letter"), engine="rapidocr")
    assert portrait.kind == "id_portrait" and portrait.fields["name"] == kit.enterprise.legal_rep_name
    assert portrait.fields["id_number"] == kit.legal_rep.id_number
    assert commitment.kind == "commitment_letter"
    assert commitment.fields["date"] == kit.commitment_date.isoformat()
    assert application.kind == "application_letter"
    assert application.fields["date"] == kit.application_date.isoformat()

    # The kit makes a complete general application: every rule passes, and what the
    # documents say agrees with the typed values (the `qualdesk check --ocr` rule).
    draft = parse_draft({"form": "general", "values": general_values(kit)}, tmp_path)
    assert [f.code for f in check_draft(draft, today=TODAY) if f.severity == "error"] == []
    readings = {"legal_rep_id_back_image": portrait, "commitment_letter_image": commitment,
                "application_letter_image": application}
    assert mismatch_findings(draft, readings) == []


class _UrlCatcher(QObject):
    """Stands in for the desktop's file manager (Qt's own URL-handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def _section(editor: DraftEditor, section_id: str) -> None:
    editor.go_to_section([s.id for s in editor.form.sections].index(section_id))


def _fill_400_from_kit(qtbot, editor: DraftEditor, kit: Kit) -> None:  # noqa: ANN001
    """Attach the kit's licence and the legal representative's ID sides (OCR fills what they
    say), then type what only the applicant knows."""
    for field_id, document in KIT_TO_400.items():
        editor.rows[field_id].zone.fileChosen.emit(str(kit.path(document)))  # a drop
        qtbot.waitUntil(lambda f=field_id: not editor.runners[f].busy, timeout=OCR_TIMEOUT_MS)
        assert editor.runners[field_id].wait()
    _section(editor, "number")
    spin = editor.rows["numbers_requested"].input.spin
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    _section(editor, "legal_rep")
    combo = editor.rows["legal_rep_certificate_type"].input.combo
    combo.setFocus()
    step = Qt.Key.Key_Down if combo.currentIndex() < combo.findData("identity_card") else Qt.Key.Key_Up
    for _ in range(abs(combo.findData("identity_card") - combo.currentIndex())):
        qtbot.keyClick(combo, step)
    _section(editor, "description")
    description = editor.rows["application_description"].input.focus_target
    description.setFocus()
    type_text(qtbot, description, "订单发货通知，例如：您好，您的订单 A123 已发货。")


def test_400_application_from_the_demo_kit_through_the_gui(qtbot, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("QUALDESK_HOME", os.environ["QUALDESK_HOME"])  # the demo changes it
    today = date.today()
    context = AppContext()
    session = start_demo(context, today=today)
    page = None
    try:
        kit = session.samples
        assert kit is not None and kit.folder == sample_documents_folder(context)
        page = DraftsPage(context, today=today)
        qtbot.addWidget(page)
        page.resize(1280, 860)
        page.show()
        assert str(kit.folder) in page.samples_label.text()
        catcher = _UrlCatcher()
        QDesktopServices.setUrlHandler("file", catcher, "open")
        try:
            qtbot.mouseClick(page.open_samples, Qt.MouseButton.LeftButton)
        finally:
            QDesktopServices.unsetUrlHandler("file")
        assert catcher.urls == [QUrl.fromLocalFile(str(kit.folder))]

        qtbot.mouseClick(page.new_400, Qt.MouseButton.LeftButton)
        editor = page.editor
        assert editor is not None and editor.form.id == "number400"
        draft_id = editor.draft_id
        assert not editor.panel.ready
        _fill_400_from_kit(qtbot, editor, kit)

        # The licence and the ID card read by RapidOCR name the same legal representative.
        readings = editor.readings.current(editor.values)
        licence, portrait = (readings["three_in_one_license_image"],
                             readings["legal_rep_id_back_image"])
        assert licence.fields["legal_rep_name"] == portrait.fields["name"] == kit.legal_rep.name
        values = get_draft(page.store, draft_id).values
        e, card = kit.enterprise, kit.legal_rep_card
        expected = {
            "enterprise_name": e.name, "unified_social_credit_code": e.credit_code,
            "registered_address": e.address, "enterprise_valid_from": e.established,
            "enterprise_valid_to": e.term_end, "legal_rep_name": kit.legal_rep.name,
            "legal_rep_id_number": kit.legal_rep.id_number,
            "legal_rep_id_valid_from": card.valid_from.isoformat(),
            "legal_rep_id_valid_to": card.valid_to, "numbers_requested": 2,
            "application_description": "订单发货通知，例如：您好，您的订单 A123 已发货。",
        }
        assert {k: values.get(k) for k in expected} == expected
        assert editor.rows["legal_rep_certificate_type"].input.value() == "identity_card"
        qtbot.waitUntil(lambda: editor.panel.ready, timeout=5000)
        assert [f.code for f in editor.findings if f.severity == "error"] == []
        assert not any(f.code == "ocr_mismatch" for f in editor.findings)
        assert "Ready to submit" in editor.panel.verdict.text()

        # Back to the list, then open the draft again: still complete.
        editor.backRequested.emit()
        assert page.editor is None
        qtbot.waitUntil(lambda: draft_id in [page.model.id_at(r) for r in range(page.model.rowCount())],
                        timeout=10000)
        row = next(r for r in range(page.model.rowCount()) if page.model.id_at(r) == draft_id)
        page.table.selectRow(row)
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        reopened = page.editor
        assert reopened is not None and reopened.draft_id == draft_id
        qtbot.waitUntil(lambda: reopened.panel.ready and bool(reopened.panel.verdict.text()),
                        timeout=5000)
        assert [f.code for f in reopened.findings if f.severity == "error"] == []
        assert all(reopened.rows[f].zone.paths for f in KIT_TO_400)
        assert reopened.rows["legal_rep_name"].input.value() == kit.legal_rep.name
    finally:
        if page is not None:
            page.shutdown()
        session.close()
