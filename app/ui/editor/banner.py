"""Update-expired mode: a banner that names the expired documents and says which fields are
locked and why."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.dates import expiry_of, parse_iso
from app.core.spec import FormSpec
from app.core.text import Text
from app.ui.editor.field_row import LOCK_REASON
from app.ui.i18n import pick
from app.ui.widgets.icons import lock_icon

EXPIRED_ITEM = Text("{document}（{end} 到期）", "{document} (ended {end})")


def expired_documents(form: FormSpec, values: dict[str, Any], update_of: dict[str, Any] | None,
                      today: date | None = None) -> list[Text]:
    """The documents that made the tracked qualification expire: judged on the original
    qualification's end dates (kept in `update_of`), else on the draft's."""
    today = today or date.today()
    original = (update_of or {}).get("values")
    original = original if isinstance(original, dict) else {}
    expired = []
    for v in form.validity:
        end = parse_iso(original.get(v.end)) or parse_iso(values.get(v.end))
        if end is not None and expiry_of(end, today).state == "expired":
            expired.append(EXPIRED_ITEM.format(document=v.label, end=end.isoformat()))
    return expired


class UpdateBanner(QFrame):
    def __init__(self, group_id: int | None, expired: list[Text],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateBanner")
        self.setStyleSheet("QFrame#updateBanner { background: #fff4e5; border: 1px solid #f0c36d;"
                           " border-radius: 4px; }")
        title = self.tr("Updating an expired qualification")
        if group_id is not None:
            title += f" (#{group_id})"
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: 600;")
        if expired:
            what = self.tr("Expired: ") + "; ".join(pick(t) for t in expired) + ". "
            what += self.tr("Upload the renewed documents and enter their new dates.")
        else:
            what = self.tr("Replace the expired documents and enter their new dates.")
        self.expired_label = QLabel(what)
        self.expired_label.setWordWrap(True)
        icon = QLabel()
        icon.setPixmap(lock_icon().pixmap(14, 14))
        lock = QLabel(pick(LOCK_REASON))
        lock.setWordWrap(True)
        lock_row = QHBoxLayout()
        lock_row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        lock_row.addWidget(lock, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(heading)
        layout.addWidget(self.expired_label)
        layout.addLayout(lock_row)
