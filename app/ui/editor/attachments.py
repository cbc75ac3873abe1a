"""The editor's image fields: attaching runs intake, storage and OCR on a worker thread, one
runner per field; what is shown always comes back from the store.

Per field there is also a lock under which a job writes its image and the editor cancels it,
so a cancelled job never writes afterwards, and the files an image_list has yet to attach
(chosen while an earlier batch was still being attached).
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from app.core.text import Text, UserError
from app.store.drafts import remove_image
from app.store.readings import readable
from app.ui.editor.documents import AttachOutcome, BatchOutcome, attach_all, attach_and_read
from app.ui.i18n import pick
from app.ui.settings.values import load_settings
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.editor.editor import DraftEditor

PREFILLED = Text("已根据文件填写：{fields}", "Filled from the document: {fields}")


class Attachments(QObject):
    def __init__(self, editor: DraftEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.runners: dict[str, TaskRunner] = {}
        self.locks: dict[str, threading.Lock] = {}
        self.pending: dict[str, list[str]] = {}

    def attach(self, field_id: str, sources: list[str]) -> None:
        """Attach files to an image field. An image_list appends every file, in one job;
        files chosen while a batch runs wait for it (an append is never cancelled). An image
        keeps the last file: attaching again cancels the stale job, under the field's lock,
        so it cannot write after this."""
        if not sources:
            return
        editor = self.editor
        spec = editor.form.field(field_id)
        runner = self._runner(field_id)
        if spec.type == "image_list":
            self.pending.setdefault(field_id, []).extend(sources)
            if not runner.busy:
                self._attach_pending(field_id)
            return
        kind = spec.document if editor.read_documents and readable(spec) else None
        lock = self._lock(field_id)
        with lock:
            runner.start(partial(attach_and_read, editor.store, editor.draft_id, field_id,
                                 Path(sources[-1]), kind, spec.stamp,
                                 load_settings().ocr_engine, lock))

    def remove(self, field_id: str, index: int) -> None:
        """Remove an image. An image field's running attach is cancelled under the field's
        lock first (it then cannot write the removed image back); an image_list's running
        batch goes on (it only appends, so `index` still names the image on screen)."""
        editor = self.editor
        spec = editor.form.field(field_id)
        runner = self.runners.get(field_id)
        try:
            with self._lock(field_id):
                if spec.type != "image_list" and runner is not None:
                    runner.cancel()
                remove_image(editor.store, editor.draft_id, field_id,
                             index if spec.type == "image_list" else None)
        except UserError as exc:
            editor.show_saved(exc.text)
            return
        if spec.type != "image_list":
            editor.readings.drop(field_id)
        editor.show_stored_images(field_id)
        editor.attached(field_id, [], [])

    def cancel_all(self) -> None:
        self.pending.clear()
        for field_id, runner in self.runners.items():
            with self._lock(field_id):
                runner.cancel()

    # ---------------------------------------------------------------- jobs
    def _attach_pending(self, field_id: str) -> None:
        sources = self.pending.pop(field_id, [])
        if sources:
            editor = self.editor
            self._runner(field_id).start(partial(
                attach_all, editor.store, editor.draft_id, field_id, [Path(p) for p in sources],
                editor.form.field(field_id).stamp, self._lock(field_id)))

    def _runner(self, field_id: str) -> TaskRunner:
        runner = self.runners.get(field_id)
        if runner is None:
            runner = TaskRunner(self)
            runner.finished.connect(partial(self._finished, field_id))
            runner.failed.connect(partial(self._failed, field_id))
            runner.progress.connect(partial(self._progress, field_id))
            runner.busyChanged.connect(partial(self._busy, field_id))
            self.runners[field_id] = runner
        return runner

    def _lock(self, field_id: str) -> threading.Lock:
        return self.locks.setdefault(field_id, threading.Lock())

    def _zone(self, field_id: str):  # noqa: ANN202 (ImageZone)
        zone = self.editor.rows[field_id].zone
        assert zone is not None
        return zone

    def _busy(self, field_id: str, busy: bool) -> None:
        self._zone(field_id).set_busy(busy, QCoreApplication.translate("DraftEditor", "Checking the image…") if busy else "")

    def _progress(self, field_id: str, _fraction: float, note: str) -> None:
        if note == "ocr":
            self._zone(field_id).set_busy(True, QCoreApplication.translate(
                "DraftEditor", "Reading the document (OCR)…"))

    def _failed(self, field_id: str, problem: Text) -> None:
        self.editor.show_stored_images(field_id)
        self._zone(field_id).show_intake([], [pick(problem)])
        self.editor.message.emit(pick(problem))
        self._attach_pending(field_id)

    def _finished(self, field_id: str, outcome: AttachOutcome | BatchOutcome) -> None:
        if isinstance(outcome, BatchOutcome):
            self._batch_finished(field_id, outcome)
            return
        editor = self.editor
        spec = editor.form.field(field_id)
        editor.readings.drop(field_id)
        editor.show_stored_images(field_id)
        notes = [pick(t) for t in outcome.notes]
        warnings = [pick(t) for t in outcome.warnings]
        if outcome.ocr_problem is not None:
            warnings.append(pick(outcome.ocr_problem))
        if outcome.reading is not None and editor.values.get(field_id) == outcome.path:
            editor.readings.put(field_id, outcome.path, outcome.reading)
            filled = editor.prefill(spec, outcome.reading.fields)
            if filled:
                labels = "、".join(pick(editor.form.field(f).label) for f in filled)
                notes.append(pick(PREFILLED.format(fields=labels)))
        editor.attached(field_id, notes, warnings)

    def _batch_finished(self, field_id: str, batch: BatchOutcome) -> None:
        self.editor.show_stored_images(field_id)
        many = len(batch.attached) + len(batch.problems) > 1
        notes = [f"{o.name}: {pick(t)}" if many else pick(t)
                 for o in batch.attached for t in o.notes]
        warnings = [f"{o.name}: {pick(t)}" if many else pick(t)
                    for o in batch.attached for t in o.warnings]
        problems = [f"{name}: {pick(reason)}" for name, reason in batch.problems]
        if problems:
            self.editor.message.emit("\n".join(problems))
        self.editor.attached(field_id, notes, warnings + problems)
        self._attach_pending(field_id)
