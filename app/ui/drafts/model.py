"""The drafts table: enterprise, form, last edited, completeness, errors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.spec import load_form
from app.store.records import DraftSummary
from app.ui.i18n import pick
from app.ui.widgets.marks import COLORS
from app.ui.widgets.times import local_time

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole


class DraftsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[DraftSummary] = []
        self.trash = False

    def headers(self) -> list[str]:
        edited = self.tr("Deleted") if self.trash else self.tr("Last edited")
        return [self.tr("Enterprise"), self.tr("Form"), edited, self.tr("Complete"),
                self.tr("Errors")]

    def set_rows(self, rows: list[DraftSummary], trash: bool) -> None:
        self.beginResetModel()
        self.rows, self.trash = rows, trash
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                row.enterprise_name or self.tr("(no name yet)"),
                pick(load_form(row.form).title),
                local_time(row.deleted_at if self.trash else row.updated_at),
                f"{round(row.completeness * 100)} %",
                str(row.error_count) if row.error_count else "—",
            ][col]
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 0 and not row.enterprise_name:
                return QColor(COLORS["muted"])
            if col == 4:
                return QColor(COLORS["error"] if row.error_count else COLORS["ok"])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Draft %1").replace("%1", row.id)
        return None

    def id_at(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None
