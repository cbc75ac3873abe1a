"""Coloured state badges: one colour per state, drawn as a rounded pill in the table and
shown as a styled label in the detail pane."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.cloud.states import state_label
from app.ui.i18n import pick

BADGE_ROLE = Qt.ItemDataRole.UserRole + 2

COLOURS: dict[str, str] = {
    "reviewing": "#1f6feb",
    "approved": "#1a7f37",
    "expiring_soon": "#b35900",
    "expired": "#a40e26",
    "rejected": "#cf222e",
    "needs_supplement": "#8250df",
    "withdrawn": "#6e7781",
    "unknown": "#57606a",
    "draft": "#57606a",
}


def badge_colour(state: str) -> QColor:
    return QColor(COLOURS.get(state, COLOURS["unknown"]))


def badge_text(state: str) -> str:
    return pick(state_label(state))


class BadgeDelegate(QStyledItemDelegate):
    """Paints the state column's badge (text from `BADGE_ROLE`, localised at paint time)."""

    PAD_X, PAD_Y = 8, 3

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        state = index.data(BADGE_ROLE)
        if not state:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:  # selection background, focus
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        text = badge_text(state)
        metrics = QFontMetrics(option.font)
        width = metrics.horizontalAdvance(text) + 2 * self.PAD_X
        height = metrics.height() + 2 * self.PAD_Y
        rect = QRect(option.rect.left() + 6, option.rect.center().y() - height // 2 + 1,
                     min(width, option.rect.width() - 8), height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(badge_colour(state))
        painter.drawRoundedRect(QRectF(rect), height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.setFont(option.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        state = index.data(BADGE_ROLE)
        if not state:
            return super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        return QSize(metrics.horizontalAdvance(badge_text(state)) + 2 * self.PAD_X + 14,
                     metrics.height() + 2 * self.PAD_Y + 6)


class BadgeLabel(QLabel):
    """A badge as a label (detail header, timeline)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = ""

    def set_state(self, state: str) -> None:
        self.state = state
        self.setText(badge_text(state))
        self.setStyleSheet(f"QLabel {{ background: {badge_colour(state).name()}; color: white;"
                           " border-radius: 9px; padding: 2px 10px; }")
