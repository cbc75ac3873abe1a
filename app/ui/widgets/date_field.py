"""A date entry that may stay empty: an ISO line edit, a calendar pop-up and, for validity
ends, a "long-term" tick that stands for 2099-12-31. (QDateEdit cannot be empty.)"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from app.core.dates import LONG_TERM_ISO, parse_iso


class DateField(QWidget):
    """`value()` is the text as typed ("" when unset); the rule engine judges its format."""

    edited = Signal()

    def __init__(self, long_term: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText("YYYY-MM-DD")
        self.line.setMaxLength(10)
        self.line.setFixedWidth(130)
        self.line.textEdited.connect(self._typed)
        self.calendar_button = QToolButton()
        self.calendar_button.setObjectName("calendarButton")
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Pick a date"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self.calendar_button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.calendar_button.setMenu(menu)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.long_term = QCheckBox(self.tr("Long-term"))
        self.long_term.setToolTip(self.tr("Valid indefinitely (长期): stored as 2099-12-31"))
        self.long_term.setVisible(long_term)
        self.long_term.toggled.connect(self._long_term_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.calendar_button)
        layout.addSpacing(12)
        layout.addWidget(self.long_term)
        layout.addStretch(1)
        self.setFocusProxy(self.line)
        self._has_long_term = long_term
        self._setting = False

    def value(self) -> str:
        return self.line.text().strip()

    def set_value(self, value: object) -> None:
        """Show a stored value without emitting `edited`."""
        self._setting = True
        try:
            text = value if isinstance(value, str) else ""
            self.line.setText(text)
            is_long = self._has_long_term and text == LONG_TERM_ISO
            self.long_term.setChecked(is_long)
            self.line.setEnabled(not is_long)
            self.calendar_button.setEnabled(not is_long and not self.line.isReadOnly())
        finally:
            self._setting = False

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)
        self.calendar_button.setEnabled(not read_only)
        self.long_term.setEnabled(not read_only)

    def _typed(self, _text: str) -> None:
        self.edited.emit()

    def _sync_calendar(self) -> None:
        day = parse_iso(self.value())
        if day is not None:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, day: QDate) -> None:
        self.line.setText(day.toString("yyyy-MM-dd"))
        self.calendar_button.menu().hide()
        self.edited.emit()

    def _long_term_toggled(self, checked: bool) -> None:
        if self._setting:
            return
        self.line.setEnabled(not checked)
        self.calendar_button.setEnabled(not checked)
        self.line.setText(LONG_TERM_ISO if checked else "")
        self.edited.emit()
