"""One field on a section page: label, input (or image zone), the spec's help, the field's
findings, and — when a document reads differently — the reading with a one-click fix."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.rules import Finding
from app.core.spec import FieldSpec
from app.core.text import Text
from app.ui.editor.image_zone import ImageZone
from app.ui.editor.inputs import FieldInput, make_input
from app.ui.i18n import pick
from app.ui.widgets.icons import lock_icon, status_icon
from app.ui.widgets.marks import COLORS, mark

LOCK_REASON = Text(
    "更新过期资质时不要修改企业名称、组织机构代码、企业类型、资质名称或资质授权，否则审核可能失败。",
    "When updating an expired qualification, do not change the enterprise name, organization "
    "code, enterprise type, qualification name or qualification authorization: such changes may "
    "fail the review.")


class FieldRow(QWidget):
    """`useDocumentValue(field_id, value)` when the user accepts the document's reading."""

    useDocumentValue = Signal(str, object)

    def __init__(self, spec: FieldSpec, required: bool, long_term: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.input: FieldInput | None = None
        self.zone: ImageZone | None = None
        self.locked = False
        self.document_value: object = None
        self.label = QLabel()
        self.label.setStyleSheet("font-weight: 600;")
        self.label.setWordWrap(True)
        self.lock = QLabel()
        self.lock.setPixmap(lock_icon().pixmap(14, 14))
        self.lock.setToolTip(pick(LOCK_REASON))
        self.lock.hide()
        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(self.lock)
        head.addWidget(self.label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(4)
        if spec.type != "bool":  # a tick carries its own label
            layout.addLayout(head)
        if spec.is_image:
            self.zone = ImageZone(spec)
            self.focus_target: QWidget = self.zone.choose
            self.mark_target: QWidget = self.zone
            layout.addWidget(self.zone)
        else:
            self.input = make_input(spec, long_term)
            self.focus_target = self.input.focus_target
            self.mark_target = self.input.mark_target
            if spec.type == "bool":
                row = QHBoxLayout()
                row.addWidget(self.input.widget)
                row.addWidget(self.lock)
                row.addStretch(1)
                layout.addLayout(row)
            else:
                layout.addWidget(self.input.widget)
        self.help = QLabel(pick(spec.help))
        self.help.setWordWrap(True)
        self.help.setStyleSheet(f"color: {COLORS['muted']};")
        self.help.setVisible(bool(spec.help.en))
        layout.addWidget(self.help)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.mismatch = QWidget()
        bar = QHBoxLayout(self.mismatch)
        bar.setContentsMargins(0, 0, 0, 0)
        icon = QLabel()
        icon.setPixmap(status_icon("mismatch").pixmap(16, 16))
        self.mismatch_text = QLabel()
        self.mismatch_text.setWordWrap(True)
        self.mismatch_text.setStyleSheet(f"color: {COLORS['mismatch']};")
        self.use_document = QPushButton(self.tr("Use the document's value"))
        self.use_document.clicked.connect(
            lambda: self.useDocumentValue.emit(self.spec.id, self.document_value))
        bar.addWidget(icon)
        bar.addWidget(self.mismatch_text, 1)
        bar.addWidget(self.use_document)
        self.mismatch.hide()
        layout.addWidget(self.mismatch)
        self.set_required(required)

    def set_required(self, required: bool) -> None:
        text = pick(self.spec.label)
        self.label.setText(f"{text} <span style='color:{COLORS['error']}'>*</span>"
                           if required else text)

    def set_locked(self, locked: bool) -> None:
        """Update-expired mode: the value may not change; say why."""
        self.locked = locked
        self.lock.setVisible(locked)
        if self.input is not None:
            self.input.set_read_only(locked)
        if self.zone is not None:
            self.zone.set_read_only(locked)

    def show_findings(self, findings: list[Finding], document_value: object = None) -> None:
        """Border, tooltip and a short line for this field's findings; the mismatch bar when
        a document reads differently (`document_value` is its reading)."""
        mismatches = [f for f in findings if f.code == "ocr_mismatch"]
        others = [f for f in findings if f.code != "ocr_mismatch"]
        errors = [f for f in others if f.severity == "error"]
        state = "error" if errors else "mismatch" if mismatches else "warning" if others else None
        lines = [pick(f.message) for f in errors + [f for f in others if f not in errors] + mismatches]
        if self.locked:
            lines.append(pick(LOCK_REASON))
        mark(self.mark_target, state, "\n".join(lines))
        if others:
            color = COLORS["error"] if errors else COLORS["warning"]
            self.problem.setStyleSheet(f"color: {color};")
            self.problem.setText("\n".join(pick(f.message) for f in others))
        self.problem.setVisible(bool(others))
        self.document_value = document_value
        if mismatches:
            self.mismatch_text.setText(pick(mismatches[0].message))
            self.mismatch_text.setToolTip(pick(mismatches[0].message))
        show_bar = bool(mismatches)
        self.mismatch.setVisible(show_bar)
        self.use_document.setVisible(show_bar and document_value is not None and not self.locked)
