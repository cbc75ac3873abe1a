"""The editor on real widgets: fill a general form end to end, fix an error, reopen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.store.db import open_store
from app.store.drafts import create_draft, get_draft
from app.ui.editor.editor import DraftEditor
from app.ui.widgets.marks import mark_of
from tests.factories import GENERAL_IMAGES, general_values, write_image
from tests.ui.editing import attach, open_editor, type_text

TEXT_TYPES = ("text", "long_text")


def _fill(qtbot, editor: DraftEditor, values: dict) -> None:
    """Type every value through its widget, section by section, as a user would."""
    for index, section in enumerate(editor.form.sections):
        editor.go_to_section(index)
        for spec in editor.form.section_fields(section.id):
            if spec.id not in values or spec.is_image:
                continue
            value = values[spec.id]
            row_input = editor.rows[spec.id].input
            assert row_input is not None
            if spec.type in TEXT_TYPES:
                row_input.focus_target.setFocus()
                type_text(qtbot, row_input.focus_target, value)
            elif spec.type == "date":
                date_field = row_input.field
                if value == "2099-12-31" and date_field.long_term.isVisible():
                    qtbot.mouseClick(date_field.long_term, Qt.MouseButton.LeftButton)
                else:
                    qtbot.keyClicks(date_field.line, value)
            elif spec.type == "bool":
                if row_input.value() != value:
                    row_input.box.click()
            elif spec.type == "choice":
                combo = row_input.combo
                combo.setFocus()
                target = combo.findData(value)
                for _ in range(target - combo.currentIndex()):
                    qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_fill_general_form_end_to_end_then_reopen(qtbot, tmp_path) -> None:
    store = open_store()
    draft_id = create_draft(store, "general")
    editor = open_editor(qtbot, store, draft_id, show=True)
    assert not editor.panel.ready  # an empty draft has required fields missing
    values = {k: v for k, v in general_values().items() if k != "additional_attachments"}
    _fill(qtbot, editor, values)
    for field_id in GENERAL_IMAGES:
        attach(qtbot, editor, field_id, write_image(tmp_path / "img" / f"{field_id}.jpg"))
    attach(qtbot, editor, "additional_attachments", write_image(tmp_path / "extra.png", "PNG"))
    editor.run_checks()
    assert [f.code for f in editor.findings if f.severity == "error"] == []
    assert editor.panel.ready
    assert "Ready to submit" in editor.panel.verdict.text()
    assert all(editor.section_list.item(i).data(Qt.ItemDataRole.UserRole) == "ok"
               for i in range(editor.section_list.count()))

    # Everything typed was autosaved, without a save button.
    stored = get_draft(store, draft_id)
    for field_id, value in values.items():
        assert stored.values.get(field_id, editor.form.field(field_id).default) == value, field_id
    assert set(stored.images) == {*GENERAL_IMAGES, "additional_attachments"}

    editor.go_to_section(3)
    editor.shutdown()
    editor.close()

    reopened = open_editor(qtbot, store, draft_id, show=True)
    assert reopened.current_section == 3  # the step you were on
    assert reopened.rows["legal_rep_name"].input.value() == "王建国"
    assert reopened.rows["business_term_end"].input.field.long_term.isChecked()
    assert reopened.rows["certificate_type"].input.value() == "business_license"
    zone = reopened.rows["admin_id_back_image"].zone
    assert zone.paths and zone.paths[0].is_file()
    assert zone.name.text() == "admin_id_back_image.jpg"
    assert len(reopened.rows["additional_attachments"].zone.paths) == 1
    assert reopened.panel.ready
    reopened.shutdown()


def test_error_shows_at_field_and_in_panel_then_clears(qtbot) -> None:
    store = open_store()
    values = general_values()
    values.pop("additional_attachments")
    draft_id = create_draft(store, "general", values)
    editor = open_editor(qtbot, store, draft_id, show=True)
    phone = editor.rows["admin_phone"]
    assert mark_of(phone.input.line) is None

    phone.input.line.selectAll()
    qtbot.keyClicks(phone.input.line, "12345")
    # Debounced: the check runs after a pause, not on the keystroke.
    qtbot.waitUntil(lambda: mark_of(phone.input.line) == "error", timeout=3000)
    assert "mobile" in phone.input.line.toolTip()
    assert not phone.problem.isHidden()
    items = [editor.panel.list.item(i) for i in range(editor.panel.list.count())]
    phone_items = [i for i in items if i.data(Qt.ItemDataRole.UserRole) == "admin_phone"]
    assert phone_items

    editor.go_to_section(0)
    editor.panel.list.itemClicked.emit(phone_items[0])  # click → jump to the field
    assert editor.current_section == [s.id for s in editor.form.sections].index("admin")

    phone.input.line.selectAll()
    qtbot.keyClicks(phone.input.line, "+8613912345678")
    qtbot.waitUntil(lambda: mark_of(phone.input.line) is None, timeout=3000)
    assert phone.problem.isHidden()
    assert all(f.field != "admin_phone" for f in editor.findings)
    assert get_draft(store, draft_id).values["admin_phone"] == "+8613912345678"
    editor.shutdown()


def test_date_can_stay_empty_and_long_term_tick_sets_2099(qtbot) -> None:
    store = open_store()
    draft_id = create_draft(store, "general")
    editor = open_editor(qtbot, store, draft_id, show=True)
    end = editor.rows["legal_rep_id_valid_to"].input
    assert end.value() == ""
    end.field.long_term.click()
    assert get_draft(store, draft_id).values["legal_rep_id_valid_to"] == "2099-12-31"
    assert not end.field.line.isEnabled()
    end.field.long_term.click()
    assert "legal_rep_id_valid_to" not in get_draft(store, draft_id).values  # unset again
    assert not editor.rows["admin_id_valid_from"].input.field.long_term.isVisibleTo(editor)
    editor.shutdown()


def test_sections_move_with_keyboard_shortcuts(qtbot) -> None:
    store = open_store()
    editor = open_editor(qtbot, store, create_draft(store, "general"), show=True)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=3000)
    editor.rows["reuse_across_products"].focus_target.setFocus()
    qtbot.keyClick(editor.rows["reuse_across_products"].focus_target, Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section == 1
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert editor.current_section == 2
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section == 1
    editor.shutdown()


def test_intake_notes_and_quality_warnings_show_in_the_zone(qtbot, tmp_path) -> None:
    store = open_store()
    draft_id = create_draft(store, "general")
    editor = open_editor(qtbot, store, draft_id, show=True)
    bmp = write_image(tmp_path / "holding.bmp", "BMP", size=(80, 50), color=(90, 90, 90))
    attach(qtbot, editor, "admin_holding_id_image", bmp)
    zone = editor.rows["admin_holding_id_image"].zone
    assert "Converted from BMP to JPEG" in zone.notes.text()
    assert not zone.warnings.isHidden() and zone.warnings.text()  # tiny, grey, unstamped
    stored = get_draft(store, draft_id).images["admin_holding_id_image"][0]
    assert stored.ext == ".jpg" and stored.path.is_file()
    assert zone.thumb.path == stored.path
    zone.removeRequested.emit(0)
    assert zone.paths == [] and zone.notes.isHidden()
    assert any(f.field == "admin_holding_id_image" and f.code == "required" for f in editor.findings)
    editor.shutdown()


def test_a_file_that_is_not_an_image_gets_a_calm_message(qtbot, tmp_path) -> None:
    store = open_store()
    draft_id = create_draft(store, "general")
    editor = open_editor(qtbot, store, draft_id, show=True)
    messages: list[str] = []
    editor.message.connect(messages.append)
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4 not an image")
    attach(qtbot, editor, "commitment_letter_image", pdf)
    zone = editor.rows["commitment_letter_image"].zone
    assert zone.paths == [] and zone.warnings.text() and messages
    assert "commitment_letter_image" not in get_draft(store, draft_id).images
    editor.shutdown()
