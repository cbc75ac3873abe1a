"""The tracker page against the real simulator over HTTP, with the real store: sync with
progress, every state's badge, masking exactly as seed 000 lists it, filters, sorting, the
detail with its rejection fix and history, the draft actions, cancel and clear failures."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from app.cloud.simulator import DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, running_simulator
from app.store.db import open_store
from app.store.drafts import get_draft
from app.store.paths import data_dir
from app.ui.context import AppContext
from app.ui.tracker.model import COLUMNS
from app.ui.tracker.page import TrackerPage
from app.ui.tracker.rows import BADGE_STATES

TODAY = date.today()


@pytest.fixture
def sim() -> Iterator:
    with running_simulator(30, today=TODAY) as simulator:
        start = (TODAY - timedelta(days=3650)).isoformat()
        approved = [r for r in simulator.records if r.state == "PASS"]
        approved[0].admin_id_range = f"{start}~{(TODAY + timedelta(days=2)).isoformat()}"
        approved[1].license_range = f"{start}~{(TODAY - timedelta(days=5)).isoformat()}"
        yield simulator


def make_context(sim, secret: str = DEMO_ACCESS_KEY_SECRET) -> AppContext:
    QSettings().setValue("settings/access_key_id", DEMO_ACCESS_KEY_ID)
    return AppContext(home=data_dir(), endpoint=sim.endpoint,
                      session_secrets={DEMO_ACCESS_KEY_ID: secret})


@pytest.fixture
def page(qtbot, sim) -> Iterator[TrackerPage]:
    tracker = TrackerPage(make_context(sim))
    qtbot.addWidget(tracker)
    tracker.resize(1400, 800)
    yield tracker
    tracker.shutdown()


def sync(qtbot, tracker: TrackerPage) -> None:
    with qtbot.waitSignal(tracker.syncer.finished, timeout=20000):
        qtbot.mouseClick(tracker.sync_button, Qt.MouseButton.LeftButton)
    assert tracker.loader.wait()
    qtbot.waitUntil(lambda: tracker.model.rowCount() > 0, timeout=5000)


def cell(tracker: TrackerPage, row: int, column: str) -> str:
    return tracker.proxy.index(row, COLUMNS.index(column)).data()


def select(qtbot, tracker: TrackerPage, predicate) -> int:
    for r in range(tracker.proxy.rowCount()):
        row = tracker.model.row_at(tracker.proxy.mapToSource(tracker.proxy.index(r, 0)).row())
        if predicate(row):
            tracker.table.selectRow(r)
            assert tracker.detail.row is row
            return r
    raise AssertionError("no such row")


def test_sync_fills_the_table_with_every_state_masked_by_default(qtbot, page, sim) -> None:
    assert page.model.rowCount() == 0
    sync(qtbot, page)
    assert page.model.rowCount() == 30
    badges = {r.badge for r in page.model.rows}
    assert set(BADGE_STATES) - {"unknown"} <= badges
    assert "条" in page.status.text() or "qualification" in page.status.text()
    # List masking (seed 000): enterprise, legal representative, administrator names.
    for r in range(page.proxy.rowCount()):
        raw = page.model.row_at(page.proxy.mapToSource(page.proxy.index(r, 0)).row())
        for column, value in (("company", raw.raw["company"]),
                              ("legal_person", raw.raw["legal_person"]),
                              ("admin_name", raw.detail["AdminName"])):
            shown = cell(page, r, column)
            assert shown != value and shown[0] == value[0] and "*" in shown
        assert raw.raw["company"] not in cell(page, r, "name")
    for path in Path(page.context.home).rglob("*"):  # the SQLite file, WAL, blobs
        assert not path.is_file() or DEMO_ACCESS_KEY_SECRET.encode() not in path.read_bytes()
    page.mask_button.click()
    assert not page.masked
    first = page.model.row_at(page.proxy.mapToSource(page.proxy.index(0, 0)).row())
    assert cell(page, 0, "company") == first.raw["company"]


def test_detail_masks_exactly_the_seed_fields_until_shown(qtbot, page) -> None:
    sync(qtbot, page)
    select(qtbot, page, lambda r: r.badge == "approved")
    row, labels = page.detail.row, page.detail.field_labels
    masked_keys = {"CompanyName", "OrganizationCode", "LegalPersonName", "LegalPersonIDCardNo",
                   "AdminName", "AdminIDCardNo", "AdminPhoneNo"}
    for key in masked_keys - {"OrganizationCode", "LegalPersonIDCardNo", "AdminIDCardNo",
                              "AdminPhoneNo"}:  # the API already masks numbers itself
        assert labels[key].text() != row.detail[key] and "*" in labels[key].text(), key
    assert labels["WorkOrderId"].text() == str(row.detail["WorkOrderId"])  # not sensitive
    assert row.detail["CompanyName"] not in page.detail.title.text()
    page.detail.mask_button.click()
    labels = page.detail.field_labels
    for key in ("CompanyName", "LegalPersonName", "AdminName"):
        assert labels[key].text() == row.detail[key]
    assert not page.masked and cell(page, 0, "company").count("*") == 0  # one switch for both


def test_filters_and_sorting(qtbot, page) -> None:
    sync(qtbot, page)
    rejected = sum(1 for r in page.model.rows if r.badge == "rejected")
    page.state_filter.setCurrentIndex(page.state_filter.findData("rejected"))
    assert page.proxy.rowCount() == rejected > 0
    page.state_filter.setCurrentIndex(0)
    target = page.model.rows[7]
    page.search.setText(target.raw["company"])
    assert 1 <= page.proxy.rowCount() < 30
    page.search.setText(str(target.raw["work_order_id"]))
    assert page.proxy.rowCount() == 1
    page.search.clear()
    page.use_filter.setCurrentIndex(page.use_filter.findData(False))
    assert page.proxy.rowCount() == sum(1 for r in page.model.rows if not r.raw["use_by_self"])
    page.use_filter.setCurrentIndex(0)
    page.table.sortByColumn(COLUMNS.index("expiry"), Qt.SortOrder.AscendingOrder)
    days = [page.model.row_at(page.proxy.mapToSource(page.proxy.index(r, 0)).row()).expiry
            for r in range(page.proxy.rowCount())]
    left = [d.days_left for d in days if d is not None]
    assert left == sorted(left) and left[0] < 0  # the expired come first


def test_rejection_fix_and_corrected_resubmission(qtbot, page) -> None:
    opened: list[str] = []
    page.context.open_draft = opened.append
    sync(qtbot, page)
    select(qtbot, page, lambda r: r.badge == "rejected" and "个体" not in r.raw["audit_remark"])
    row = page.detail.row
    assert page.detail.rejection.isVisibleTo(page)
    assert row.raw["audit_remark"] in page.detail.remark.text()
    assert "<li>" in page.detail.fixes.text()
    assert page.detail.resubmit_button.isVisibleTo(page)
    assert not page.detail.update_button.isVisibleTo(page)
    page.detail.resubmit_button.click()
    assert len(opened) == 1
    draft = get_draft(open_store(page.context.home), opened[0])
    assert draft.values["enterprise_name"] == row.detail["CompanyName"]
    assert draft.values["admin_name"] == row.detail["AdminName"]
    assert "admin_id_number" not in draft.values  # the API's masked number is never copied
    assert draft.linked_group_id is None


def test_update_expired_creates_a_linked_draft_with_locked_values(qtbot, page, sim) -> None:
    opened: list[str] = []
    page.context.open_draft = opened.append
    sync(qtbot, page)
    shaped = [r for r in sim.records if r.state == "PASS"][1]  # its licence ended 5 days ago
    select(qtbot, page, lambda r: r.group_id == shaped.group_id)
    assert page.detail.row.badge == "expired"
    row = page.detail.row
    assert page.detail.update_button.isVisibleTo(page)
    page.detail.update_button.click()
    draft = get_draft(open_store(page.context.home), opened[0])
    assert draft.linked_group_id == row.group_id
    assert draft.update_of["values"]["enterprise_name"] == row.detail["CompanyName"]
    assert draft.update_of["values"]["qualification_name"] == row.detail["QualificationName"]
    assert draft.update_of["expired_documents"] == ["business_license"]


def test_history_timeline_shows_each_state_change(qtbot, page, sim) -> None:
    sync(qtbot, page)
    reviewing = next(r for r in sim.records if r.state == "INIT")
    sim.set_state(reviewing.group_id, "NOT_PASS", "营业执照复印件模糊")
    sync(qtbot, page)
    select(qtbot, page, lambda r: r.group_id == reviewing.group_id)
    assert [h["state"] for h in page.detail.history] == ["reviewing", "rejected"]
    html = page.detail.timeline.text()
    assert html.index("Rejected" if "Rejected" in html else "未通过") < html.index(
        "Reviewing" if "Reviewing" in html else "审核中")  # newest first


def test_expiry_notice_once_when_entering(qtbot, page, sim) -> None:
    with qtbot.waitSignal(page.notifier.notice, timeout=20000) as notice:
        page.sync_now()
    assert "2" in notice.args[1] or "1" in notice.args[1]
    page.syncer.wait()
    page.loader.wait()
    with qtbot.assertNotEmitted(page.notifier.notice, wait=300):  # nothing new entered
        page.reload()
        page.loader.wait()


def test_wrong_secret_fails_calmly_and_cancel_stops(qtbot, sim) -> None:
    tracker = TrackerPage(make_context(sim, secret="wrong"))
    qtbot.addWidget(tracker)
    try:
        with qtbot.waitSignal(tracker.syncer.failed, timeout=20000):
            tracker.sync_now()
        assert "secret" in tracker.status.text().lower() or "密钥" in tracker.status.text()
        assert tracker.sync_button.isEnabled()
        assert tracker.auto_timer.isActive()  # automatic sync stays scheduled
    finally:
        tracker.shutdown()
    sim.latency_ms = 300
    tracker = TrackerPage(make_context(sim))
    qtbot.addWidget(tracker)
    try:
        tracker.sync_now()
        assert tracker.cancel_button.isVisibleTo(tracker)
        qtbot.mouseClick(tracker.cancel_button, Qt.MouseButton.LeftButton)
        assert not tracker.syncer.busy and tracker.sync_button.isEnabled()
        assert not tracker.cancel_button.isVisibleTo(tracker)
        assert tracker.syncer.wait(15000)
    finally:
        tracker.shutdown()


def test_tracker_actions_switch_to_the_drafts_page_with_the_editor(qtbot, sim) -> None:
    """As the app assembles them (launch.build_pages): the drafts page alone wires
    `context.open_draft`, and showing the new draft switches the window to it."""
    from app.ui.launch import build_pages
    from app.ui.main_window import MainWindow

    context = make_context(sim)
    window = MainWindow(build_pages(context))
    qtbot.addWidget(window)
    window.show()
    drafts, tracker = window.pages[0], window.pages[1]
    try:
        window.show_page(tracker)
        sync(qtbot, tracker)
        select(qtbot, tracker, lambda r: r.badge == "rejected")
        tracker.detail.resubmit_button.click()
        assert window.stack.currentWidget() is drafts
        assert drafts.editor is not None and drafts.stack.currentWidget() is drafts.editor
        first = drafts.editor.draft_id

        window.show_page(tracker)
        select(qtbot, tracker, lambda r: r.badge == "expired")
        tracker.detail.update_button.click()
        assert window.stack.currentWidget() is drafts
        assert drafts.editor is not None and drafts.editor.draft_id != first
        assert drafts.editor.update_mode
    finally:
        for page in window.pages:
            page.shutdown()


def test_a_locked_database_fails_the_draft_actions_calmly(qtbot, page) -> None:
    opened: list[str] = []
    page.context.open_draft = opened.append
    sync(qtbot, page)
    select(qtbot, page, lambda r: r.badge == "rejected")
    store = page.context.store()
    store.db.conn.execute("PRAGMA busy_timeout = 50")  # give up quickly
    other = sqlite3.connect(store.db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        page.detail.resubmit_button.click()  # an uncaught error in the slot fails the test
        assert page.prepare_update_expired(page.detail.row.group_id) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert opened == []
    assert "database" in page.status.text().lower() or "数据库" in page.status.text()
