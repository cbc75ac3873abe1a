"""All findings of the draft in one list, errors first; activating one jumps to its field.
Above it, the verdict: "ready to submit" or how many errors remain."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.core.rules import Finding
from app.core.spec import FormSpec
from app.ui.i18n import pick
from app.ui.widgets.icons import status_icon
from app.ui.widgets.marks import COLORS

FIELD_ROLE = Qt.ItemDataRole.UserRole


class FindingsPanel(QWidget):
    jumpTo = Signal(str)  # field id

    def __init__(self, form: FormSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setMargin(8)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        title = QLabel(self.tr("Findings"))
        title.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        self.findings: list[Finding] = []

    @property
    def ready(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def show_findings(self, findings: list[Finding]) -> None:
        self.findings = list(findings)
        ordered = sorted(findings, key=lambda f: f.severity != "error")  # stable: form order
        self.list.clear()
        sections = {s.id: s for s in self.form.sections}
        for finding in ordered:
            spec = self.form.field(finding.field) if self.form.has_field(finding.field) else None
            where = pick(spec.label) if spec else finding.field
            section = pick(sections[spec.section].label) if spec else ""
            state = "mismatch" if finding.code == "ocr_mismatch" else finding.severity
            # Rule messages name their field, so the message alone reads well.
            item = QListWidgetItem(status_icon(state), pick(finding.message))
            item.setData(FIELD_ROLE, finding.field)
            item.setToolTip(f"{section} › {where}\n{pick(finding.message)}")
            self.list.addItem(item)
        errors = sum(1 for f in findings if f.severity == "error")
        warnings = len(findings) - errors
        if errors == 0:
            text = self.tr("Ready to submit")
            if warnings:
                text += " · " + self.tr("%n warning(s) to review", "", warnings)
            color, background = COLORS["ok"], "#e8f5e9"
        else:
            text = self.tr("%n error(s) to fix", "", errors)
            if warnings:
                text += " · " + self.tr("%n warning(s)", "", warnings)
            color, background = COLORS["error"], "#fdecea"
        self.verdict.setText(text)
        self.verdict.setStyleSheet(f"QLabel#verdict {{ color: {color}; background: {background};"
                                   " font-weight: 600; border-radius: 4px; }")

    def _activated(self, item: QListWidgetItem) -> None:
        self.jumpTo.emit(item.data(FIELD_ROLE))
