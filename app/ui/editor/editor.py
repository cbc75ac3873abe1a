"""The draft editor: section list (with each section's status), the section pages, and the
findings panel. Every edit is saved at once (one short store write) and checked after a
short pause; attaching a document runs intake and OCR on a worker thread."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.draft import Draft, is_filled
from app.core.rules import Finding, check_draft
from app.core.spec import FieldSpec
from app.core.text import Text, UserError
from app.store.db import Store
from app.store.drafts import get_draft, set_current_step, update_field
from app.ui.editor.attachments import Attachments
from app.ui.editor.banner import UpdateBanner, expired_documents
from app.ui.editor.documents import Readings, document_value, mismatch_check
from app.ui.editor.field_row import FieldRow
from app.ui.editor.findings_panel import FindingsPanel
from app.ui.editor.section_page import SectionPage
from app.ui.i18n import pick
from app.ui.settings.values import load_settings
from app.ui.tasks import TaskRunner
from app.ui.widgets.icons import status_icon
from app.ui.widgets.marks import COLORS, STYLE_SHEET

CHECK_DELAY_MS = 250
SECTION_STATE_TEXT = {
    "error": Text("有错误", "has errors"), "warning": Text("有警告", "has warnings"),
    "ok": Text("已完成", "complete"), "incomplete": Text("未填完", "not complete"),
}


class DraftEditor(QWidget):
    """Edits one stored draft. `backRequested` asks the page to show the list again;
    `message(str)` is a short status for the status bar."""

    backRequested = Signal()
    message = Signal(str)

    def __init__(self, store: Store, draft_id: str, readings: Readings | None = None,
                 today: date | None = None, read_documents: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.draft_id, self.today = store, draft_id, today
        self.read_documents = read_documents  # OCR attached documents (off in some tests)
        stored = get_draft(store, draft_id)
        self.form = stored.form
        self.update_of = stored.update_of
        self.update_mode = stored.update_of is not None or stored.linked_group_id is not None
        self.values: dict[str, Any] = stored.all_values()
        self.names = {fid: [r.original_name for r in refs] for fid, refs in stored.images.items()}
        self.readings = readings if readings is not None else Readings()
        # Stored readings bring mismatch highlights back without running OCR again.
        self.readings.restore(store, stored, load_settings().ocr_engine)
        self.findings: list[Finding] = []
        self.rows: dict[str, FieldRow] = {}
        self.attachments = Attachments(self)
        self.setStyleSheet(STYLE_SHEET)
        self._build(stored.linked_group_id)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_checks)
        self._load_values()
        self.run_checks()
        self.go_to_section(min(max(stored.current_step, 0), len(self.pages) - 1), remember=False)

    # ---------------------------------------------------------------- building
    def _build(self, group_id: int | None) -> None:
        long_term = {v.end for v in self.form.validity}
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.saved = QLabel()
        self.saved.setObjectName("savedIndicator")
        back = QPushButton(self.tr("← All drafts"))
        back.clicked.connect(self.backRequested)
        head = QHBoxLayout()
        head.addWidget(back)
        head.addSpacing(12)
        head.addWidget(self.title, 1)
        head.addWidget(self.saved)
        self.section_list = QListWidget()
        self.section_list.setObjectName("sections")
        self.section_list.setIconSize(QSize(16, 16))
        self.stack = QStackedWidget()
        self.pages: list[SectionPage] = []
        sections = self.form.sections
        for index, section in enumerate(sections):
            rows = []
            for spec in self.form.section_fields(section.id):
                row = FieldRow(spec, self.form.is_required(spec, self.values), spec.id in long_term)
                self._connect(row)
                self.rows[spec.id] = row
                rows.append(row)
            page = SectionPage(section, rows, index == 0, index == len(sections) - 1)
            page.back.clicked.connect(lambda _=False, i=index: self.go_to_section(i - 1))
            page.next.clicked.connect(lambda _=False, i=index: self.go_to_section(i + 1))
            self.pages.append(page)
            self.stack.addWidget(page)
            item = QListWidgetItem(pick(section.label))
            item.setSizeHint(QSize(0, 34))
            self.section_list.addItem(item)
        widest = max(self.section_list.fontMetrics().horizontalAdvance(pick(s.label))
                     for s in sections)
        self.section_list.setFixedWidth(min(max(widest + 56, 180), 300))
        self.section_list.currentRowChanged.connect(self._section_clicked)
        # Tab order follows the form, section by section.
        targets = [r.focus_target for r in self.rows.values()]
        for first, second in zip(targets, targets[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.panel = FindingsPanel(self.form)
        self.panel.jumpTo.connect(self.jump_to_field)
        self.panel.setMinimumWidth(260)
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([700, 320])
        body = QHBoxLayout()
        body.addWidget(self.section_list)
        body.addWidget(splitter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        if self.update_mode:
            expired = expired_documents(self.form, self.values, self.update_of, self.today)
            self.banner: UpdateBanner | None = UpdateBanner(group_id, expired)
            layout.addWidget(self.banner)
        else:
            self.banner = None
        layout.addLayout(body, 1)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1), ("Alt+Down", 1), ("Alt+Up", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(partial(self.step_section, step))

    def _connect(self, row: FieldRow) -> None:
        fid = row.spec.id
        if row.input is not None:
            row.input.edited.connect(partial(self._edited, fid))
        if row.zone is not None:
            row.zone.fileChosen.connect(partial(self.attach_file, fid))
            row.zone.filesChosen.connect(partial(self.attach_files, fid))
            row.zone.removeRequested.connect(partial(self.remove_file, fid))
        row.useDocumentValue.connect(self.use_document_value)

    def _load_values(self) -> None:
        for row in self.rows.values():
            row.set_locked(self.update_mode and row.spec.locked_on_update)
            self._show_value(row)
        self._show_title()
        self.show_saved(None)

    def _show_value(self, row: FieldRow) -> None:
        spec = row.spec
        if row.input is not None:
            row.input.set_value(self.form.value(self.values, spec.id))
        elif row.zone is not None:
            value = self.values.get(spec.id)
            paths = value if isinstance(value, list) else [value] if value else []
            row.zone.show_images(paths, self.names.get(spec.id, []))

    def _show_title(self) -> None:
        name = self.values.get("enterprise_name") or self.tr("(no enterprise name yet)")
        self.title.setText(f"{pick(self.form.title)} · {name}")

    # ---------------------------------------------------------------- editing
    def _edited(self, field_id: str) -> None:
        row = self.rows[field_id]
        assert row.input is not None
        self._save(field_id, row.input.value())

    def use_document_value(self, field_id: str, value: Any) -> None:
        """The one-click fix of a mismatch: take the document's reading, re-check at once."""
        self.set_field_value(field_id, value)
        self.run_checks()

    def set_field_value(self, field_id: str, value: Any) -> None:
        """Set a value as if typed (used by "use the document's value" and pre-fill)."""
        row = self.rows[field_id]
        if row.locked or row.input is None:
            return
        row.input.set_value(value)
        self._save(field_id, row.input.value())

    def _save(self, field_id: str, value: Any) -> None:
        stored = value if is_filled(value) or isinstance(value, bool | int) else None
        try:
            update_field(self.store, self.draft_id, field_id, stored)
        except UserError as exc:
            self.show_saved(exc.text)
            return
        if stored is None:
            self.values.pop(field_id, None)
        else:
            self.values[field_id] = stored
        self.show_saved(None)
        if field_id == "enterprise_name":
            self._show_title()
        self.check_timer.start()  # debounce: restarts on every keystroke

    def show_saved(self, problem: Text | None) -> None:
        if problem is None:
            stamp = datetime.now().strftime("%H:%M:%S")
            self.saved.setText(self.tr("✓ All changes saved") + f" · {stamp}")
            self.saved.setStyleSheet(f"color: {COLORS['ok']};")
            self.saved.setToolTip(self.tr("Every edit is saved as you type."))
        else:
            self.saved.setText(self.tr("Not saved"))
            self.saved.setStyleSheet(f"color: {COLORS['error']}; font-weight: 600;")
            self.saved.setToolTip(pick(problem))
            self.message.emit(pick(problem))

    # ---------------------------------------------------------------- images
    @property
    def runners(self) -> dict[str, TaskRunner]:
        return self.attachments.runners

    def attach_file(self, field_id: str, source: str) -> None:
        self.attachments.attach(field_id, [source])

    def attach_files(self, field_id: str, sources: list[str]) -> None:
        self.attachments.attach(field_id, sources)

    def remove_file(self, field_id: str, index: int) -> None:
        self.attachments.remove(field_id, index)

    def attached(self, field_id: str, notes: list[str], warnings: list[str]) -> None:
        """An attach (or remove) finished: show what changed and check again."""
        zone = self.rows[field_id].zone
        assert zone is not None
        zone.show_intake(notes, warnings)
        self.show_saved(None)
        self.run_checks()

    def show_stored_images(self, field_id: str) -> None:
        """Show the field's images as the store has them: the store is the truth, whatever
        background jobs did or did not write."""
        try:
            refs = get_draft(self.store, self.draft_id).images.get(field_id, [])
        except UserError as exc:
            self.show_saved(exc.text)
            return
        if self.form.field(field_id).type == "image_list":
            self.values[field_id] = [str(r.path) for r in refs]
        elif refs:
            self.values[field_id] = str(refs[0].path)
        else:
            self.values.pop(field_id, None)
        self.names[field_id] = [r.original_name for r in refs]
        self._show_value(self.rows[field_id])

    def prefill(self, spec: FieldSpec, reading: dict[str, str]) -> list[str]:
        """Fill the empty fields this document maps to; typed values are never overwritten."""
        filled = []
        for doc_field, form_field in spec.ocr.items():
            value = reading.get(doc_field)
            row = self.rows[form_field]
            if value and not is_filled(self.values.get(form_field)) and not row.locked:
                self.set_field_value(form_field, value)
                filled.append(form_field)
        return filled

    # ---------------------------------------------------------------- checks
    def current_draft(self) -> Draft:
        return Draft(self.form, dict(self.values), Path.cwd(), self.update_of)

    def run_checks(self) -> None:
        """Run every rule (plus document mismatches) and show the findings everywhere."""
        self.check_timer.stop()
        findings = check_draft(self.current_draft(), self.today,
                               extra=[mismatch_check(self.readings)])
        self.findings = findings
        by_field: dict[str, list[Finding]] = {}
        for finding in findings:
            by_field.setdefault(finding.field, []).append(finding)
        for fid, row in self.rows.items():
            row.set_required(self.form.is_required(row.spec, self.values))
            row.show_findings(by_field.get(fid, []), self.document_value(fid))
        self.panel.show_findings(findings)
        self._show_section_states(by_field)

    def document_value(self, field_id: str) -> str | None:
        """What an attached document says this field should be, if any document was read."""
        return document_value(self.form, self.readings, self.values, field_id)

    def section_state(self, section_id: str, by_field: dict[str, list[Finding]]) -> str:
        fields = self.form.section_fields(section_id)
        found = [f for spec in fields for f in by_field.get(spec.id, [])]
        if any(f.severity == "error" for f in found):
            return "error"
        if found:
            return "warning"
        missing = [s for s in fields if self.form.is_required(s, self.values)
                   and not is_filled(self.form.value(self.values, s.id))]
        return "incomplete" if missing else "ok"

    def _show_section_states(self, by_field: dict[str, list[Finding]]) -> None:
        for index, section in enumerate(self.form.sections):
            state = self.section_state(section.id, by_field)
            item = self.section_list.item(index)
            item.setIcon(status_icon(state))
            item.setData(Qt.ItemDataRole.UserRole, state)
            item.setToolTip(f"{pick(section.label)}: {pick(SECTION_STATE_TEXT[state])}")

    # ---------------------------------------------------------------- navigation
    def go_to_section(self, index: int, remember: bool = True) -> None:
        if not 0 <= index < len(self.pages):
            return
        self.section_list.blockSignals(True)
        self.section_list.setCurrentRow(index)
        self.section_list.blockSignals(False)
        self.stack.setCurrentIndex(index)
        if remember:
            try:
                set_current_step(self.store, self.draft_id, index)
            except UserError as exc:
                self.message.emit(pick(exc.text))

    def step_section(self, step: int) -> None:
        self.go_to_section(self.stack.currentIndex() + step)
        row = self.pages[self.stack.currentIndex()].rows
        if row:
            row[0].focus_target.setFocus()

    def _section_clicked(self, index: int) -> None:
        self.go_to_section(index)

    def jump_to_field(self, field_id: str) -> None:
        row = self.rows.get(field_id)
        if row is None:
            return
        index = next(i for i, s in enumerate(self.form.sections) if s.id == row.spec.section)
        self.go_to_section(index)
        self.pages[index].ensureWidgetVisible(row, 0, 40)
        row.focus_target.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def current_section(self) -> int:
        return self.stack.currentIndex()

    # ---------------------------------------------------------------- lifetime
    def shutdown(self, wait: bool = True) -> None:
        """Stop the check timer (a pending check only refreshes the display: every edit is
        already saved) and cancel background work; a cancelled attach never writes after
        this. `wait` blocks until the jobs are gone (application exit, tests); closing the
        editor passes False so leaving never waits for OCR to notice the cancel."""
        self.check_timer.stop()
        self.attachments.cancel_all()
        if wait:
            self.wait()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every background job of this editor has ended (exit and tests)."""
        return all([runner.wait(msecs) for runner in self.runners.values()])

    def running(self) -> list[TaskRunner]:
        """The runners whose (possibly cancelled) jobs are still on a worker thread."""
        return [runner for runner in self.runners.values() if not runner.wait(0)]
