"""The Drafts page: a table of local drafts with their actions, and the editor for one.

Listing (which runs the rules over every uncached draft), import and export run on worker
threads; creating, duplicating, deleting and restoring are single short writes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.draft import load_draft_file
from app.core.text import Text
from app.store.drafts import create_draft, duplicate_draft, import_draft
from app.store.listing import list_drafts
from app.store.pack import export_pack
from app.store.trash import delete_draft, restore_draft
from app.ui.context import AppContext
from app.ui.drafts.model import DraftsModel
from app.ui.editor.editor import DraftEditor
from app.ui.i18n import language, pick
from app.ui.main_window import Page
from app.ui.tasks import TaskRunner
from app.ui.widgets.marks import COLORS
from app.ui.widgets.store_errors import STORE_ERRORS, guarded, store_problem

EXPORTED = Text("已导出提交材料包：{path}", "Submission pack written: {path}")
TRASHED = Text("已移到回收站，30 天内可在“回收站”中恢复。",
               "Moved to the trash; you can restore it from the trash for 30 days.")


class DraftsPage(Page):
    nav_text = Text("草稿", "Drafts")

    def __init__(self, context: AppContext, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.today = context, today
        self.store = context.store()
        self.editor: DraftEditor | None = None
        self.model = DraftsModel(self)
        self.list_runner = TaskRunner(self)
        self.list_runner.finished.connect(self._listed)
        self.list_runner.failed.connect(self._failed)
        # One runner per file operation: an export started during an import must not
        # cancel the import's result (the draft would be imported but never opened).
        self.import_runner = TaskRunner(self)
        self.import_runner.finished.connect(self._imported)
        self.import_runner.failed.connect(self._failed)
        self.import_runner.busyChanged.connect(self._update_buttons)
        self.export_runner = TaskRunner(self)
        self.export_runner.finished.connect(self._exported)
        self.export_runner.failed.connect(self._failed)
        self.export_runner.busyChanged.connect(self._update_buttons)
        # Runners of closed editors whose cancelled jobs have not ended yet (waited for at exit).
        self.retired: list[TaskRunner] = []
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_list())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        context.open_draft = self.open_draft
        language().changed.connect(self.retranslate)

    def _build_list(self) -> QWidget:
        self.new_general = QPushButton(self.tr("New general qualification"))
        self.new_400 = QPushButton(self.tr("New 400-number qualification"))
        self.open_button = QPushButton(self.tr("Open"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Move to trash"))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.import_button = QPushButton(self.tr("Import draft file…"))
        self.export_button = QPushButton(self.tr("Export submission pack…"))
        self.trash_toggle = QCheckBox(self.tr("Show trash"))
        self.new_general.clicked.connect(partial(self.new_draft, "general"))
        self.new_400.clicked.connect(partial(self.new_draft, "number400"))
        self.open_button.clicked.connect(self._open_selected)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.import_button.clicked.connect(self._ask_import)
        self.export_button.clicked.connect(self._ask_export)
        self.trash_toggle.toggled.connect(self.refresh)
        self.new_general.setDefault(True)
        top = QHBoxLayout()
        for w in (self.new_general, self.new_400):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.import_button)
        actions = QHBoxLayout()
        for w in (self.open_button, self.duplicate_button, self.export_button,
                  self.delete_button, self.restore_button):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(self.trash_toggle)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda index: self.open_draft(self.model.id_at(index.row())))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No drafts yet. Start a new qualification, or import a draft file."))
        self.empty.setStyleSheet(f"color: {COLORS['muted']}; padding: 24px;")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Drafts"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        if (hint := self._samples_hint()) is not None:
            layout.addWidget(hint)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._update_buttons()
        return page

    def _samples_hint(self) -> QWidget | None:
        """In the demo: where the generated sample documents to attach are, with a button
        that opens the folder in the file manager."""
        if not self.context.demo:
            return None
        from app.ui.demo import sample_documents_folder

        folder = sample_documents_folder(self.context)
        if folder is None:
            return None
        self.samples_label = QLabel(self.tr("Sample documents to try are in {folder}")
                                    .format(folder=folder))
        self.samples_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.samples_label.setWordWrap(True)
        self.open_samples = QPushButton(self.tr("Open folder"))
        self.open_samples.clicked.connect(lambda: self._open_folder(folder))
        hint = QWidget()
        hint.setObjectName("samplesHint")
        hint.setStyleSheet("QWidget#samplesHint { background: #e8f0fe; border-radius: 4px; }")
        row = QHBoxLayout(hint)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.samples_label, 1)
        row.addWidget(self.open_samples)
        return hint

    def _open_folder(self, folder: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.say(self.tr("Could not open the folder {folder}").format(folder=folder))

    def retranslate(self) -> None:
        """Rebuild the texts in the new language: the list is rebuilt and an open editor is
        reopened on the same step (everything, OCR readings included, is in the store)."""
        trash = self.trash_toggle.isChecked()
        old = self.stack.widget(0)
        self.stack.insertWidget(0, self._build_list())
        self.stack.removeWidget(old)
        old.deleteLater()
        self.trash_toggle.setChecked(trash)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self.editor is not None:
            self.open_draft(self.editor.draft_id)
        else:
            self.stack.setCurrentIndex(0)
            self.refresh()

    # ---------------------------------------------------------------- list
    def on_shown(self) -> None:
        if self.editor is None:
            self.refresh()

    def refresh(self) -> None:
        trash = self.trash_toggle.isChecked()
        store, today = self.store, self.today
        self.list_runner.start(lambda *, progress, cancelled: (
            list_drafts(store, trash=trash, today=today), trash))

    def _listed(self, result: tuple) -> None:
        rows, trash = result
        selected = self.selected_id()
        self.model.set_rows(rows, trash)
        for row, summary in enumerate(rows):
            if summary.id == selected:
                self.table.selectRow(row)
        self.empty.setVisible(not rows and not trash)
        self._update_buttons()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_: object) -> None:
        has, trash = self.selected_id() is not None, self.trash_toggle.isChecked()
        for button in (self.open_button, self.duplicate_button, self.export_button,
                       self.delete_button):
            button.setEnabled(has and not trash)
            button.setVisible(not trash)
        # A second import or export waits for the first (it would replace its result).
        importing, exporting = self.import_runner.busy, self.export_runner.busy
        self.import_button.setEnabled(not importing)
        self.import_button.setText(self.tr("Importing…") if importing
                                   else self.tr("Import draft file…"))
        self.export_button.setEnabled(has and not trash and not exporting)
        self.export_button.setText(self.tr("Exporting…") if exporting
                                   else self.tr("Export submission pack…"))
        self.restore_button.setVisible(trash)
        self.restore_button.setEnabled(has and trash)

    # ---------------------------------------------------------------- actions
    def new_draft(self, form_id: str) -> str | None:
        draft_id = guarded(lambda: create_draft(self.store, form_id), self._failed)
        if draft_id is not None:
            self.open_draft(draft_id)
        return draft_id

    def _open_selected(self) -> None:
        if (draft_id := self.selected_id()) is not None:
            self.open_draft(draft_id)

    def duplicate_selected(self) -> None:
        if (draft_id := self.selected_id()) is not None:
            self._guard(lambda: duplicate_draft(self.store, draft_id))
            self.refresh()

    def delete_selected(self) -> None:
        if (draft_id := self.selected_id()) is not None:
            if self._guard(lambda: delete_draft(self.store, draft_id)):
                self.say(pick(TRASHED))
            self.refresh()

    def restore_selected(self) -> None:
        if (draft_id := self.selected_id()) is not None:
            self._guard(lambda: restore_draft(self.store, draft_id))
            self.refresh()

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a draft file"), "",
                                              self.tr("Draft files (*.json)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Import a draft JSON file (its images are copied) on a worker, then open it."""
        if self.import_runner.busy:
            return
        store = self.store
        self.import_runner.start(lambda *, progress, cancelled: (
            import_draft(store, load_draft_file(path))))

    def _ask_export(self) -> None:
        draft_id = self.selected_id()
        if draft_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the submission pack"),
                                              f"qualdesk-{draft_id}.zip", "Zip (*.zip)")
        if path:
            self.export_file(draft_id, path)

    def export_file(self, draft_id: str, path: str) -> None:
        if self.export_runner.busy:
            return
        store = self.store
        self.export_runner.start(lambda *, progress, cancelled: (
            export_pack(store, draft_id, Path(path)) and path))

    def _imported(self, draft_id: str) -> None:
        self.open_draft(draft_id)

    def _exported(self, path: str) -> None:
        self.say(pick(EXPORTED.format(path=path)))

    def _guard(self, action: Callable[[], object]) -> bool:
        """Run one short store write; False after a calm message when it failed."""
        try:
            action()
        except STORE_ERRORS as exc:
            self._failed(store_problem(exc))
            return False
        return True

    def _failed(self, problem: Text) -> None:
        self.say(pick(problem))

    def say(self, message: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 10000)

    # ---------------------------------------------------------------- editor
    def open_draft(self, draft_id: str | None) -> DraftEditor | None:
        """Show the editor for `draft_id` (part 2 calls this for update-expired drafts)."""
        if draft_id is None:
            return None
        self.close_editor(refresh=False)
        try:
            editor = DraftEditor(self.store, draft_id, today=self.today)  # readings: from the store
        except STORE_ERRORS as exc:
            self._failed(store_problem(exc))
            return None
        editor.backRequested.connect(self.close_editor)
        editor.message.connect(self.say)
        self.editor = editor
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        window = self.window()
        if hasattr(window, "show_page") and self in getattr(window, "pages", []):
            window.show_page(self)
        return editor

    def close_editor(self, refresh: bool = True) -> None:
        """Back to the list at once: the editor's work is cancelled, not waited for (OCR
        may take a while to notice); its runners are kept until their jobs end."""
        if self.editor is not None:
            self.editor.shutdown(wait=False)
            self.retired = [r for r in self.retired if not r.wait(0)]
            for runner in self.editor.running():
                runner.setParent(self)  # outlives the editor; cancelled, it emits nothing more
                self.retired.append(runner)
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
        self.stack.setCurrentIndex(0)
        if refresh:
            self.refresh()

    def shutdown(self) -> None:
        """Application exit: cancel everything, then wait for the jobs to end."""
        if self.editor is not None:
            self.editor.shutdown(wait=True)
        for runner in (self.list_runner, self.import_runner, self.export_runner):
            runner.cancel()
        for runner in (self.list_runner, self.import_runner, self.export_runner, *self.retired):
            runner.wait()
