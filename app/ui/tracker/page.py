"""The tracker page: the qualifications table with filters, the detail pane, "Sync now" with
progress and cancel, the automatic sync timer and expiry notices."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from app.cloud.sync import SyncReport
from app.core.text import Text
from app.store.drafts import create_draft
from app.store.tracked import state_history
from app.ui.context import AppContext
from app.ui.i18n import language, pick
from app.ui.main_window import Page
from app.ui.notify import ExpiryNotifier
from app.ui.settings.values import AppSettings, load_settings, settings_hub
from app.ui.tasks import TaskRunner
from app.ui.tracker.badge import BadgeDelegate, badge_text
from app.ui.tracker.detail import DetailPane
from app.ui.tracker.jobs import load_job, sync_job
from app.ui.tracker.model import COLUMNS, ROW_ROLE, QualificationFilter, QualificationModel
from app.ui.tracker.prefill import update_of_from, values_from_detail
from app.ui.tracker.rows import BADGE_STATES, TrackedRow
from app.ui.tracker.schedule import next_sync_delay_minutes
from app.ui.widgets.store_errors import guarded

COLUMN_WIDTHS = {"name": 170, "company": 130, "legal_person": 70, "admin_name": 64,
                 "state": 128, "expiry": 250, "audit_time": 140, "work_order_id": 90}
DRAFT_CREATED = Text("已创建草稿 {id}", "Draft {id} created")


class TrackerPage(Page):
    nav_text = Text("资质跟踪", "Tracker")

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("trackerPage")
        self.context = context
        self.settings = load_settings()
        self.masked = self.settings.mask_sensitive
        self.model = QualificationModel(self)
        self.model.masked = self.masked
        self.proxy = QualificationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.notifier = ExpiryNotifier(self)
        self.notifier.notice.connect(self._on_notice)
        self.loader = TaskRunner(self)
        self.loader.finished.connect(self._loaded)
        self.loader.failed.connect(self._failed)
        self.syncer = TaskRunner(self)
        self.syncer.progress.connect(self._sync_progress)
        self.syncer.finished.connect(self._synced)
        self.syncer.failed.connect(self._sync_failed)
        self.syncer.busyChanged.connect(self._sync_busy)
        self.auto_timer = QTimer(self)
        self.auto_timer.setSingleShot(True)
        self.auto_timer.timeout.connect(self.sync_now)
        self._selected_id: int | None = None
        self._build()
        language().changed.connect(self.retranslate)
        settings_hub().changed.connect(self._settings_changed)
        self._live_signals = True
        self.retranslate()
        self.reload()
        self.schedule_auto_sync()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("trackerSearch")
        self.search.setClearButtonEnabled(True)
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        self.use_filter = QComboBox()
        self.use_filter.setObjectName("useFilter")
        self.mask_button = QPushButton()  # the list's "sensitive information protection"
        self.mask_button.setObjectName("listMaskToggle")
        self.mask_button.setCheckable(True)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncNow")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelSync")
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setRange(0, 100)
        self.progress.hide()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.state_filter)
        bar.addWidget(self.use_filter)
        bar.addStretch(1)
        bar.addWidget(self.mask_button)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.sync_button)
        outer.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName("trackerTable")
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(COLUMNS.index("state"), BadgeDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("audit_time"), Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for i, column in enumerate(COLUMNS):
            self.table.setColumnWidth(i, COLUMN_WIDTHS[column])
        self.detail = DetailPane()
        self.detail.masked = self.masked
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        outer.addWidget(self.splitter, 1)
        self.status = QLabel()
        self.status.setObjectName("trackerStatus")
        outer.addWidget(self.status)

        self.search.textChanged.connect(self._filters_changed)
        self.state_filter.currentIndexChanged.connect(self._filters_changed)
        self.use_filter.currentIndexChanged.connect(self._filters_changed)
        self.mask_button.toggled.connect(self.set_masked)
        self.detail.maskToggled.connect(self.set_masked)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button.clicked.connect(self.cancel_sync)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail.updateExpiredRequested.connect(self.prepare_update_expired)
        self.detail.resubmitRequested.connect(self.prepare_resubmission)

    def retranslate(self, *_: object) -> None:
        self.search.setPlaceholderText(self.tr("Search name, enterprise, person, work order…"))
        self._fill(self.state_filter, [(None, self.tr("All states"))]
                   + [(s, badge_text(s)) for s in BADGE_STATES])
        self._fill(self.use_filter, [(None, self.tr("Self-use and others")),
                                     (True, self.tr("Self-use")), (False, self.tr("For others"))])
        self.sync_button.setText(self.tr("Sync now"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._mask_button_text()
        self.model.retranslate()
        self.detail.render()

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[object, str]]) -> None:
        current = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        for value, label in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, current))
        combo.blockSignals(False)

    def _mask_button_text(self) -> None:
        self.mask_button.blockSignals(True)
        self.mask_button.setChecked(self.masked)
        self.mask_button.blockSignals(False)
        self.mask_button.setText(self.tr("Sensitive information protection: on") if self.masked
                                 else self.tr("Sensitive information protection: off"))

    # -- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the store in the background (the table keeps showing the old rows)."""
        self.loader.start(load_job(self.context.store(), date.today(), self.settings.lead_days))

    def _loaded(self, rows: object) -> None:
        assert isinstance(rows, list)
        self.model.set_rows(rows)
        self._restore_selection()
        self.notifier.check(self.model.rows)

    def _restore_selection(self) -> None:
        target = self._selected_id
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            row = index.data(ROW_ROLE)
            if target is None or row.group_id == target:
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                return
        self.detail.show_row(None, [])

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        if not isinstance(row, TrackedRow):
            self.detail.show_row(None, [])
            return
        self._selected_id = row.group_id
        history = guarded(lambda: state_history(self.context.store(), row.group_id),
                          self._failed)  # one small query
        self.detail.show_row(row, history or [])

    def selected_row(self) -> TrackedRow | None:
        return self.detail.row

    def _filters_changed(self, *_: object) -> None:
        self.proxy.set_filters(state=self.state_filter.currentData(),
                               text=self.search.text(), use_by_self=self.use_filter.currentData())

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        self.model.set_masked(masked)
        self.detail.set_masked(masked)
        self._mask_button_text()

    def _settings_changed(self, settings: object) -> None:
        if not isinstance(settings, AppSettings):
            return
        lead_changed = settings.lead_days != self.settings.lead_days
        interval_changed = settings.sync_interval_min != self.settings.sync_interval_min
        self.settings = AppSettings(**vars(settings))
        if lead_changed:
            self.reload()
        if interval_changed:
            self.schedule_auto_sync()

    # -- sync -----------------------------------------------------------------------------

    def schedule_auto_sync(self, now: datetime | None = None) -> None:
        minutes = next_sync_delay_minutes(now or datetime.now(), self.settings.sync_interval_min)
        self.auto_timer.start(minutes * 60_000)

    def sync_now(self) -> None:
        if self.syncer.busy:
            return
        self._message(self.tr("Syncing with Alibaba Cloud…"))
        self.syncer.start(sync_job(self.context, AppSettings(**vars(self.settings))))

    def cancel_sync(self) -> None:
        if self.syncer.busy:
            self.syncer.cancel()
            self._message(self.tr("Sync cancelled; what was already fetched is kept."))
            self.reload()
            self.schedule_auto_sync()

    def _sync_busy(self, busy: bool) -> None:
        self.sync_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)  # unknown until the first page arrives

    def _sync_progress(self, fraction: float, note: str) -> None:
        if fraction < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(fraction * 100))
        self.progress.setFormat(note or "%p%")

    def _synced(self, report: object) -> None:
        if isinstance(report, SyncReport):
            self._message(pick(report.summary()))
        self.reload()
        self.schedule_auto_sync()

    def _sync_failed(self, message: object) -> None:
        text = pick(message) if isinstance(message, Text) else str(message)
        self._message(self.tr("Sync failed: %1").replace("%1", text), error=True)
        self.schedule_auto_sync()

    def _failed(self, message: object) -> None:
        self._message(pick(message) if isinstance(message, Text) else str(message), error=True)

    def _on_notice(self, title: str, message: str) -> None:
        self._message(message)

    def _message(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #cf222e;" if error else "")
        window = self.window()
        in_window = isinstance(window, QMainWindow)
        self.status.setVisible(not in_window)  # the window's status bar shows it on every page
        if in_window:
            window.statusBar().showMessage(text, 30000)

    # -- actions --------------------------------------------------------------------------

    def prepare_resubmission(self, group_id: int) -> str | None:
        """A general-form draft pre-filled from a rejected qualification's detail."""
        row = self._row_by_id(group_id)
        if row is None:
            return None
        draft_id = guarded(lambda: create_draft(self.context.store(), "general",
                                                values_from_detail(row.detail)), self._failed)
        if draft_id is not None:
            self._open_draft(draft_id)
        return draft_id

    def prepare_update_expired(self, group_id: int) -> str | None:
        """A draft linked to the qualification, its identity fields locked (update-expired)."""
        row = self._row_by_id(group_id)
        if row is None:
            return None
        draft_id = guarded(lambda: create_draft(
            self.context.store(), "general", values_from_detail(row.detail),
            linked_group_id=group_id, update_of=update_of_from(row.raw, row.detail)),
            self._failed)
        if draft_id is not None:
            self._open_draft(draft_id)
        return draft_id

    def _row_by_id(self, group_id: int) -> TrackedRow | None:
        return next((r for r in self.model.rows if r.group_id == group_id), None)

    def _open_draft(self, draft_id: str) -> None:
        self._message(pick(DRAFT_CREATED.format(id=draft_id)))
        if self.context.open_draft is not None:
            self.context.open_draft(draft_id)

    # -- lifecycle ------------------------------------------------------------------------

    def shutdown(self) -> None:
        # Global signals outlive the page: a late settings or language change must not start
        # new work on a page that is going away.
        if self._live_signals:  # shutdown may be called twice
            self._live_signals = False
            settings_hub().changed.disconnect(self._settings_changed)
            language().changed.disconnect(self.retranslate)
        self.auto_timer.stop()
        self.syncer.cancel()
        self.loader.cancel()
        self.syncer.wait()
        self.loader.wait()
