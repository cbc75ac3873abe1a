"""The drafts page: new, list, duplicate, trash and restore, import, export; update mode."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

from app.store.drafts import create_draft, get_draft
from app.store.listing import list_drafts
from app.ui.context import AppContext
from app.ui.drafts.page import DraftsPage
from app.ui.main_window import MainWindow
from tests.factories import TODAY, general_values, write_draft, write_image


def _page(qtbot) -> tuple[DraftsPage, MainWindow]:
    page = DraftsPage(AppContext(), today=TODAY)
    window = MainWindow([page])
    qtbot.addWidget(window)
    window.show()
    return page, window


def _wait_listed(qtbot, page: DraftsPage, count: int) -> None:
    qtbot.waitUntil(lambda: not page.list_runner.busy and page.model.rowCount() == count,
                    timeout=10000)


def test_new_duplicate_trash_restore(qtbot) -> None:
    page, window = _page(qtbot)
    _wait_listed(qtbot, page, 0)
    assert not page.empty.isHidden()
    page.new_general.click()
    assert page.editor is not None and page.stack.currentWidget() is page.editor
    page.editor.rows["enterprise_name"].input.line.setText("杭州云声科技有限公司")
    page.editor.rows["enterprise_name"].input.edited.emit()
    page.editor.backRequested.emit()
    _wait_listed(qtbot, page, 1)
    assert page.model.rows[0].enterprise_name == "杭州云声科技有限公司"
    assert page.model.data(page.model.index(0, 1)) == "General qualification"

    page.table.selectRow(0)
    page.duplicate_button.click()
    _wait_listed(qtbot, page, 2)
    page.table.selectRow(0)
    page.delete_button.click()
    _wait_listed(qtbot, page, 1)
    assert "trash" in window.statusBar().currentMessage()
    page.trash_toggle.setChecked(True)
    _wait_listed(qtbot, page, 1)
    assert page.restore_button.isVisible() and not page.delete_button.isVisible()
    page.table.selectRow(0)
    page.restore_button.click()
    _wait_listed(qtbot, page, 0)
    page.trash_toggle.setChecked(False)
    _wait_listed(qtbot, page, 2)
    page.shutdown()


def test_import_opens_the_draft_and_export_writes_the_pack(qtbot, tmp_path) -> None:
    page, _window = _page(qtbot)
    path = write_draft(tmp_path, "general")
    page.import_file(str(path))
    qtbot.waitUntil(lambda: page.editor is not None, timeout=10000)
    assert page.editor.panel.ready
    draft_id = page.editor.draft_id
    page.close_editor()
    _wait_listed(qtbot, page, 1)
    assert page.model.data(page.model.index(0, 3)) == "100 %"
    out = tmp_path / "pack.zip"
    page.export_file(draft_id, str(out))
    qtbot.waitUntil(lambda: not page.export_runner.busy, timeout=10000)
    with zipfile.ZipFile(out) as pack:
        assert "draft.json" in pack.namelist()
    page.import_file(str(tmp_path / "missing.json"))  # a calm message, no traceback
    qtbot.waitUntil(lambda: not page.import_runner.busy, timeout=10000)
    assert "not found" in _window.statusBar().currentMessage()
    page.shutdown()


def test_update_expired_mode_locks_identity_and_names_expired_documents(qtbot) -> None:
    values = general_values()
    values.pop("additional_attachments")
    values["admin_id_valid_to"] = "2025-05-10"  # expired before TODAY
    page, _window = _page(qtbot)
    store = page.store
    draft_id = create_draft(store, "general", values, linked_group_id=4242,
                            update_of={"values": {k: values[k] for k in (
                                "enterprise_name", "organization_code", "enterprise_type",
                                "qualification_name", "qualification_authorized")}})
    editor = page.open_draft(draft_id)
    assert editor is not None and editor.banner is not None
    banner_text = editor.banner.expired_label.text()
    assert "administrator's ID card" in banner_text and "2025-05-10" in banner_text
    assert "business licence" not in banner_text
    name = editor.rows["enterprise_name"]
    assert name.locked and name.input.line.isReadOnly() and not name.lock.isHidden()
    assert "may fail the review" in name.lock.toolTip()
    assert editor.rows["qualification_authorized"].input.box.isEnabled() is False
    assert not editor.rows["admin_name"].locked
    # The renewed date clears the expiry error.
    assert any(f.code == "document_expired" for f in editor.findings)
    editor.set_field_value("admin_id_valid_to", "2045-05-10")
    editor.run_checks()
    assert not any(f.code == "document_expired" for f in editor.findings)
    assert get_draft(store, draft_id).values["enterprise_name"] == values["enterprise_name"]
    page.shutdown()


def test_language_switch_reopens_the_editor_on_the_same_step(qtbot) -> None:
    from app.ui.i18n import current_lang, language

    page, _window = _page(qtbot)
    draft_id = page.new_draft("general")
    page.editor.go_to_section(2)
    before = current_lang()
    try:
        language().set("zh" if before == "en" else "en")
        assert page.editor is not None and page.editor.draft_id == draft_id
        assert page.editor.current_section == 2
        expected = "法定代表人信息" if current_lang() == "zh" else "Legal representative"
        assert page.editor.section_list.item(2).text() == expected
    finally:
        language().set(before)
    page.shutdown()


def test_an_export_started_during_an_import_loses_neither(qtbot, tmp_path) -> None:
    page, window = _page(qtbot)
    existing = create_draft(page.store, "general", {"enterprise_name": "已有公司"})
    page.import_file(str(write_draft(tmp_path, "general")))
    out = tmp_path / "pack.zip"
    page.export_file(existing, str(out))  # while the import still runs
    assert page.import_button.text() == "Importing…" and not page.import_button.isEnabled()
    qtbot.waitUntil(lambda: not page.import_runner.busy and not page.export_runner.busy,
                    timeout=10000)
    assert page.editor is not None and page.editor.draft_id != existing  # the import opened
    assert out.is_file()
    assert len(list_drafts(page.store)) == 2
    assert page.import_button.isEnabled()
    page.shutdown()


@contextmanager
def locked_database(store) -> Iterator[None]:
    """Another process holding the write lock, and this connection giving up quickly."""
    store.db.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(store.db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_new_draft_on_a_locked_database_says_so_calmly(qtbot) -> None:
    page, window = _page(qtbot)
    _wait_listed(qtbot, page, 0)
    with locked_database(page.store):
        page.new_general.click()  # an uncaught error in the slot would fail the test
    assert page.editor is None
    assert "database" in window.statusBar().currentMessage().lower()
    page.new_general.click()  # works again once the lock is gone
    assert page.editor is not None
    page.shutdown()


def test_back_to_the_list_does_not_wait_for_a_running_attach(qtbot, tmp_path) -> None:
    page, _window = _page(qtbot)
    editor = page.open_draft(create_draft(page.store, "general"))
    big = write_image(tmp_path / "big.png", "PNG", size=(2400, 1800))
    editor.attach_file("admin_holding_id_image", str(big))
    runner = editor.runners["admin_holding_id_image"]
    editor.backRequested.emit()  # "← All drafts"
    assert page.editor is None and page.stack.currentIndex() == 0
    assert not runner.busy  # cancelled…
    assert runner in page.retired  # …and not waited for: the job had not even reported back
    page.shutdown()  # application exit waits for the cancelled job
    assert runner.wait(0)
