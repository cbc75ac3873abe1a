"""One input per field type, generated from the spec, behind a tiny common interface:
`value()`, `set_value()` (silent), `edited` (user edits only), `set_read_only()`, and
`mark_target` (the widget that shows the validation border)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from app.core.spec import FieldSpec
from app.ui.i18n import pick
from app.ui.widgets.date_field import DateField


class FieldInput(QObject):
    edited = Signal()

    def __init__(self, spec: FieldSpec, widget: QWidget) -> None:
        super().__init__(widget)
        self.spec = spec
        self.widget = widget
        self.mark_target: QWidget = widget
        self.focus_target: QWidget = widget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setEnabled(not read_only)


class TextInput(FieldInput):
    def __init__(self, spec: FieldSpec) -> None:
        self.line = QLineEdit()
        super().__init__(spec, self.line)
        self.line.setPlaceholderText(pick(spec.placeholder))
        if spec.max_length:
            # A little slack so an over-long paste is shown (and flagged), not cut silently.
            self.line.setMaxLength(spec.max_length + 20)
        self.line.textEdited.connect(self.edited)

    def value(self) -> str:
        return self.line.text()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.line.text() != text:
            self.line.setText(text)

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)


class LongTextInput(FieldInput):
    def __init__(self, spec: FieldSpec) -> None:
        self.edit = QPlainTextEdit()
        super().__init__(spec, self.edit)
        self.edit.setPlaceholderText(pick(spec.placeholder))
        self.edit.setFixedHeight(96)
        self.edit.setTabChangesFocus(True)
        self._setting = False
        self.edit.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._setting:
            self.edited.emit()

    def value(self) -> str:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.edit.toPlainText() != text:
            self._setting = True
            self.edit.setPlainText(text)
            self._setting = False

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class DateInput(FieldInput):
    def __init__(self, spec: FieldSpec, long_term: bool) -> None:
        self.field = DateField(long_term=long_term)
        super().__init__(spec, self.field)
        self.mark_target = self.field.line
        self.focus_target = self.field.line
        self.field.edited.connect(self.edited)

    def value(self) -> str:
        return self.field.value()

    def set_value(self, value: Any) -> None:
        if self.field.value() != (value or ""):
            self.field.set_value(value)

    def set_read_only(self, read_only: bool) -> None:
        self.field.set_read_only(read_only)


class BoolInput(FieldInput):
    def __init__(self, spec: FieldSpec) -> None:
        self.box = QCheckBox(pick(spec.label))
        super().__init__(spec, self.box)
        self.box.clicked.connect(self.edited)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ChoiceInput(FieldInput):
    def __init__(self, spec: FieldSpec) -> None:
        self.combo = QComboBox()
        super().__init__(spec, self.combo)
        self.combo.addItem("—", None)  # unset: the required rule says so, nothing is guessed
        for choice in spec.choices:
            self.combo.addItem(pick(choice.label), choice.value)
        self.combo.activated.connect(self.edited)

    def value(self) -> str | None:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))


class IntInput(FieldInput):
    def __init__(self, spec: FieldSpec) -> None:
        self.spin = QSpinBox()
        super().__init__(spec, self.spin)
        self.spin.setRange(spec.min if spec.min is not None else 0,
                           spec.max if spec.max is not None else 1_000_000)
        self.spin.setFixedWidth(90)
        self.spin.valueChanged.connect(self._changed)
        self._setting = False

    def _changed(self) -> None:
        if not self._setting:
            self.edited.emit()

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        self._setting = True
        self.spin.setValue(int(value) if isinstance(value, int) else self.spin.minimum())
        self._setting = False

    def set_read_only(self, read_only: bool) -> None:
        self.spin.setReadOnly(read_only)


def make_input(spec: FieldSpec, long_term: bool = False) -> FieldInput:
    """The input for a non-image field."""
    if spec.type == "long_text":
        return LongTextInput(spec)
    if spec.type == "date":
        return DateInput(spec, long_term)
    if spec.type == "bool":
        return BoolInput(spec)
    if spec.type == "choice":
        return ChoiceInput(spec)
    if spec.type == "int":
        return IntInput(spec)
    return TextInput(spec)
