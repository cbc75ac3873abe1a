"""One section of the form as a scrollable page of field rows, with back/next buttons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.spec import SectionSpec
from app.ui.editor.field_row import FieldRow
from app.ui.i18n import pick
from app.ui.widgets.marks import COLORS

CONTENT_WIDTH = 720  # readable line length for labels and help


class SectionPage(QScrollArea):
    def __init__(self, section: SectionSpec, rows: list[FieldRow], first: bool, last: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.rows = rows
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        body.setMaximumWidth(CONTENT_WIDTH)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        title = QLabel(pick(section.label))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(title)
        if section.help.en:
            help_label = QLabel(pick(section.help))
            help_label.setWordWrap(True)
            help_label.setStyleSheet(f"color: {COLORS['muted']}; background: #f4f6f8;"
                                     " padding: 6px; border-radius: 4px;")
            layout.addWidget(help_label)
        for row in rows:
            layout.addWidget(row)
        self.back = QPushButton(self.tr("← Previous section"))
        self.next = QPushButton(self.tr("Next section →"))
        self.back.setVisible(not first)
        self.next.setVisible(not last)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.next)
        layout.addSpacing(8)
        layout.addLayout(nav)
        layout.addStretch(1)
        outer = QWidget()
        outer_layout = QHBoxLayout(outer)
        outer_layout.setContentsMargins(0, 0, 0, 0)
        outer_layout.addWidget(body, 1)
        outer_layout.addStretch(0)
        self.setWidget(outer)
