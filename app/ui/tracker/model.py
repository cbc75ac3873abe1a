"""The tracked-qualifications table: a model over `TrackedRow`s and a filter/sort proxy.

Display texts go through the one masking function while protection is on; filtering and
sorting use the raw values (the admin searches for the company they know), and sorting by
expiry or audit time uses sort keys rather than the localised text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from app.ui.i18n import pick
from app.ui.tracker.badge import BADGE_ROLE, badge_colour
from app.ui.tracker.rows import BADGE_STATES, TrackedRow, expiry_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
COLUMNS = ("name", "company", "legal_person", "admin_name", "state", "expiry", "audit_time",
           "work_order_id")
NO_DATE_KEY = 10**9  # rows without an expiry sort after every dated one

Index = QModelIndex | QPersistentModelIndex


class QualificationModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TrackedRow] = []
        self.masked = True
        self.sort_column = COLUMNS.index("audit_time")
        self.sort_order = Qt.SortOrder.DescendingOrder

    def headers(self) -> list[str]:
        return [self.tr("Qualification"), self.tr("Enterprise"), self.tr("Legal rep."),
                self.tr("Admin"), self.tr("State"), self.tr("Expiry"),
                self.tr("Audit time"), self.tr("Work order")]

    def set_rows(self, rows: list[TrackedRow]) -> None:
        """Rows prepared by `tracked_row` (on a worker thread: see `jobs.load_job`)."""
        self.beginResetModel()
        self.rows = self._sorted(list(rows))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting lives here, in one Python `sorted` with a key, rather than in the proxy:
        the proxy's comparison sort would call back into Python ~20 000 times for 1000 rows
        and stall the event loop on every reload."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self.rows = self._sorted(self.rows)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[TrackedRow]) -> list[TrackedRow]:
        column = COLUMNS[self.sort_column]
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        keyed = sorted(((self._sort_key(r, column), i, r) for i, r in enumerate(rows)),
                       key=lambda t: (t[0], t[1]), reverse=descending)
        return [r for _, _, r in keyed]

    def set_masked(self, masked: bool) -> None:
        if masked != self.masked:
            self.masked = masked
            self._refresh_all()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._refresh_all()

    def _refresh_all(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def row_at(self, row: int) -> TrackedRow:
        return self.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == BADGE_ROLE:
            return row.badge if column == "state" else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "expiry" and row.expiry:
            if row.badge in ("expiring_soon", "expired"):
                return badge_colour(row.badge)
            return QColor("#57606a")
        if role == Qt.ItemDataRole.ToolTipRole and column == "state":
            return row.raw.get("state_raw") or ""
        return None

    def _display(self, row: TrackedRow, column: str) -> str:
        if column in ("name", "company", "legal_person", "admin_name"):
            return str(row.shown(self.masked).get(column) or "")
        if column == "state":
            return ""  # painted by the badge delegate
        if column == "expiry":
            return pick(expiry_text(row))
        value = row.raw.get(column)
        return "" if value is None else str(value)

    def _sort_key(self, row: TrackedRow, column: str) -> Any:
        if column == "state":
            return BADGE_STATES.index(row.badge)
        if column == "expiry":
            return row.expiry.days_left if row.expiry else NO_DATE_KEY
        if column == "work_order_id":
            try:
                return int(row.raw.get("work_order_id") or 0)
            except ValueError:
                return 0
        return self._display(row, column).casefold()


class QualificationFilter(QSortFilterProxyModel):
    """State (badge), free text over the raw values, and self-use filters. Sorting is passed
    on to the source model (see `QualificationModel.sort`); the proxy keeps its order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state: str | None = None
        self.text = ""
        self.use_by_self: bool | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, QualificationModel) and column >= 0:
            source.sort(column, order)

    def set_filters(self, *, state: str | None = None, text: str = "",
                    use_by_self: bool | None = None) -> None:
        self.beginFilterChange()
        self.state, self.text, self.use_by_self = state, text.strip().casefold(), use_by_self
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, QualificationModel):
            return True
        row = model.row_at(source_row)
        if self.state and row.badge != self.state:
            return False
        if self.use_by_self is not None and row.raw.get("use_by_self") is not self.use_by_self:
            return False
        if self.text:
            raw = row.raw
            haystack = " ".join(str(v) for v in (
                raw.get("name"), raw.get("company"), raw.get("legal_person"),
                row.detail.get("AdminName"), raw.get("work_order_id"), raw.get("group_id"),
            ) if v is not None).casefold()
            return self.text in haystack
        return True
