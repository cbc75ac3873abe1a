"""Status icons drawn at run time (no image files): a coloured disc with a glyph."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from app.ui.widgets.marks import COLORS

GLYPHS = {"error": "!", "warning": "!", "mismatch": "≠", "ok": "✓", "incomplete": "", "lock": ""}


@cache
def status_icon(state: str, size: int = 16) -> QIcon:
    """An icon for a field/section state: error, warning, mismatch, ok, incomplete."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x so it stays crisp on HiDPI
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(COLORS.get(state, COLORS["muted"]))
    rect = QRectF(2, 2, size * 2 - 4, size * 2 - 4)
    if state == "incomplete":
        painter.setPen(color)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(2, 2, -2, -2))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(rect)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 1.3))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, GLYPHS.get(state, ""))
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)


@cache
def lock_icon(size: int = 16) -> QIcon:
    """A padlock: body and shackle."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(COLORS["muted"])
    s = size * 2
    pen = painter.pen()
    pen.setColor(color)
    pen.setWidthF(s * 0.1)
    painter.setPen(pen)
    painter.drawArc(QRectF(s * 0.28, s * 0.08, s * 0.44, s * 0.5), 0, 180 * 16)
    painter.drawLine(int(s * 0.28), int(s * 0.33), int(s * 0.28), int(s * 0.45))
    painter.drawLine(int(s * 0.72), int(s * 0.33), int(s * 0.72), int(s * 0.45))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(s * 0.18, s * 0.45, s * 0.64, s * 0.48), 3, 3)
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)
