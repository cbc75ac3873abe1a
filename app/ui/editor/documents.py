"""The slow part of attaching a document, as one core-style function for a worker thread:
intake (format, size, orientation), store the file, and read it by OCR when its kind is
readable. Also the readings per image (kept for the session and stored in the database), so
live checks flag mismatches with the one rule of `app.ocr.mismatch` without reading again."""

from __future__ import annotations

import contextlib
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.rules import Finding, RuleContext
from app.core.spec import FormSpec
from app.core.tasks import CancelCheck, Progress, check_cancelled, no_progress
from app.core.text import Text, UserError
from app.images.intake import intake_image
from app.ocr import KINDS, OcrResult, read_document
from app.ocr.engines import DEFAULT_ENGINE
from app.ocr.mismatch import MIN_CONFIDENCE, mismatch_findings
from app.store.db import Store
from app.store.drafts import attach_image
from app.store.readings import draft_readings, save_reading, stored_reading
from app.store.records import StoredDraft

OCR_FAILED = Text("无法识别这份文件的文字：{reason}", "Could not read the document: {reason}")


@dataclass
class AttachOutcome:
    field_id: str
    path: str  # the stored copy (blob)
    name: str  # the user's file name
    notes: list[Text] = field(default_factory=list)  # what intake changed
    warnings: list[Text] = field(default_factory=list)  # quality warnings
    reading: OcrResult | None = None  # what the document says; None = not read
    ocr_problem: Text | None = None


@dataclass
class BatchOutcome:
    """What attaching several files to an image_list did: one outcome per attached file, and
    each file that could not be attached with the reason (the others are attached anyway)."""

    attached: list[AttachOutcome] = field(default_factory=list)
    problems: list[tuple[str, Text]] = field(default_factory=list)  # (file name, reason)


def attach_and_read(store: Store, draft_id: str, field_id: str, source: Path,
                    kind: str | None, stamp: str = "never", engine: str = DEFAULT_ENGINE,
                    guard: threading.Lock | None = None, *,
                    progress: Progress, cancelled: CancelCheck) -> AttachOutcome:
    """Intake `source` (convert, rotate, shrink; quality signals for the field's `stamp`
    policy), attach the upload-ready copy, then read it when `kind` is readable: from the
    stored reading of the same file and engine if there is one, else by OCR (then stored).

    `guard` is the field's lock, shared with the editor: the store write happens under it
    right after a last cancellation check, so once the editor has cancelled this job under
    the same lock (remove, replace, close), the job can no longer write a stale image."""
    progress(None, "intake")
    with tempfile.TemporaryDirectory(prefix="qualdesk-intake-") as folder:
        intake = intake_image(source, folder, stamp=stamp, cancelled=cancelled)
        with guard if guard is not None else contextlib.nullcontext():
            check_cancelled(cancelled)
            ref = attach_image(store, draft_id, field_id, intake.path)
    outcome = AttachOutcome(field_id, str(ref.path), ref.original_name, list(intake.notes),
                            [s.message for s in intake.signals])
    if kind not in KINDS:
        return outcome
    outcome.reading = stored_reading(store, ref.sha256, kind, [engine])
    if outcome.reading is not None:
        return outcome
    progress(None, "ocr")
    check_cancelled(cancelled)
    try:
        result = read_document(ref.path, kind, engine, cancelled=cancelled)
    except UserError as exc:
        outcome.ocr_problem = OCR_FAILED.format(reason=exc.text)
        return outcome
    save_reading(store, ref.sha256, result.engine, result.to_json(detail=True))
    outcome.reading = result
    return outcome


def attach_all(store: Store, draft_id: str, field_id: str, sources: Sequence[Path],
               stamp: str = "never", guard: threading.Lock | None = None, *,
               progress: Progress, cancelled: CancelCheck) -> BatchOutcome:
    """Attach several files to an image_list in order, in one job (documents in a list are
    not read by OCR). A file that fails intake is reported and the rest still attached."""
    batch = BatchOutcome()
    for number, source in enumerate(sources):
        progress(number / len(sources), "intake")
        try:
            batch.attached.append(attach_and_read(
                store, draft_id, field_id, Path(source), None, stamp, guard=guard,
                progress=no_progress, cancelled=cancelled))
        except UserError as exc:
            batch.problems.append((Path(source).name, exc.text))
    return batch


class Readings:
    """What each image field's document says (keyed by the stored file, so a replaced image
    never lends its old reading)."""

    def __init__(self) -> None:
        self._by_field: dict[str, tuple[str, OcrResult]] = {}

    def put(self, field_id: str, path: str, result: OcrResult) -> None:
        self._by_field[field_id] = (path, result)

    def drop(self, field_id: str) -> None:
        self._by_field.pop(field_id, None)

    def of(self, field_id: str, current_path: object) -> OcrResult | None:
        entry = self._by_field.get(field_id)
        return entry[1] if entry and entry[0] == current_path else None

    def current(self, values: dict[str, object]) -> dict[str, OcrResult]:
        """Readings whose image is still the one attached: what `mismatch_findings` takes."""
        return {fid: result for fid, (path, result) in self._by_field.items()
                if values.get(fid) == path}

    def restore(self, store: Store, stored: StoredDraft, engine: str) -> int:
        """Fill in the stored readings of the draft's attached documents (no OCR): the
        chosen engine's first, another engine's otherwise. Returns how many were restored."""
        restored = 0
        for field_id, result in draft_readings(store, stored, engine).items():
            path = str(stored.images[field_id][0].path)
            if self.of(field_id, path) is None:
                self.put(field_id, path, result)
                restored += 1
        return restored


def mismatch_check(readings: Readings) -> Callable[[RuleContext], Iterable[Finding]]:
    """An `extra` check for `check_draft`: the rule `qualdesk check --ocr` applies, on the
    readings already at hand."""

    def check(ctx: RuleContext) -> list[Finding]:
        return mismatch_findings(ctx.draft, readings.current(ctx.values))

    return check


def document_value(form: FormSpec, readings: Readings, values: dict[str, object],
                   field_id: str) -> str | None:
    """What an attached document says `field_id` should be (by the spec's `ocr` mapping;
    the first sure reading that differs from the typed value), if any."""
    typed = values.get(field_id)
    first: str | None = None
    for spec in form.fields:
        result = readings.of(spec.id, values.get(spec.id))
        if result is None:
            continue
        for doc_field, form_field in spec.ocr.items():
            read = result.fields.get(doc_field)
            if form_field != field_id or not read \
                    or result.confidence.get(doc_field, 0.0) < MIN_CONFIDENCE:
                continue
            if read != typed:
                return read
            first = first or read
    return first
