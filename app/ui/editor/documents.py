"""The slow part of attaching a document, as one core-style function for a worker thread:
intake (format, size, orientation), store the file, and read it by OCR when its kind is
readable. Also the in-memory readings per image, so live checks can flag mismatches without
running OCR again."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.core.rules import WARNING, Finding, RuleContext
from app.core.spec import FieldSpec
from app.core.tasks import CancelCheck, Progress, check_cancelled
from app.core.text import Text, UserError
from app.images.intake import intake_image
from app.ocr.engines import DEFAULT_ENGINE, get_engine
from app.ocr.extract import KINDS as OCR_KINDS
from app.ocr.normalize import comparison_key
from app.store.db import Store
from app.store.drafts import attach_image

OCR_FAILED = Text("无法识别这份文件的文字：{reason}", "Could not read the document: {reason}")


@dataclass
class AttachOutcome:
    field_id: str
    path: str  # the stored copy (blob)
    name: str  # the user's file name
    notes: list[Text] = field(default_factory=list)  # what intake changed
    warnings: list[Text] = field(default_factory=list)  # quality warnings
    reading: dict[str, str] | None = None  # OCR fields by DESIGN.md name; None = not read
    ocr_problem: Text | None = None


def attach_and_read(store: Store, draft_id: str, field_id: str, source: Path,
                    kind: str | None, stamp: str = "never", engine: str = DEFAULT_ENGINE, *, progress: Progress, cancelled: CancelCheck,
                    ) -> AttachOutcome:
    """Intake `source` (convert, rotate, shrink; quality signals for the field's `stamp`
    policy), attach the upload-ready copy, then OCR it when `kind` is readable."""
    progress(None, "intake")
    with tempfile.TemporaryDirectory(prefix="qualdesk-intake-") as folder:
        intake = intake_image(source, folder, stamp=stamp, cancelled=cancelled)
        check_cancelled(cancelled)
        ref = attach_image(store, draft_id, field_id, intake.path)
    outcome = AttachOutcome(field_id, str(ref.path), ref.original_name, list(intake.notes),
                            [s.message for s in intake.signals])
    if kind in OCR_KINDS:
        progress(None, "ocr")
        check_cancelled(cancelled)
        try:
            outcome.reading = read_fields(ref.path, kind, engine, cancelled=cancelled)
        except UserError as exc:
            outcome.ocr_problem = OCR_FAILED.format(reason=exc.text)
    return outcome


def read_fields(path: Path, kind: str, engine: str = DEFAULT_ENGINE, *,
                cancelled: CancelCheck) -> dict[str, str]:
    """The document's fields (DESIGN.md names) as read by `engine`."""
    from PIL import Image

    from app.ocr.extract import extract

    with Image.open(path) as img:
        lines = get_engine(engine).read(img)
    check_cancelled(cancelled)
    return dict(extract(kind, lines).fields)


class Readings:
    """What each image field's document says, kept for the session (keyed by the stored
    file, so a replaced image never lends its old reading)."""

    def __init__(self) -> None:
        self._by_field: dict[str, tuple[str, dict[str, str]]] = {}

    def put(self, field_id: str, path: str, fields: dict[str, str]) -> None:
        self._by_field[field_id] = (path, fields)

    def drop(self, field_id: str) -> None:
        self._by_field.pop(field_id, None)

    def of(self, field_id: str, current_path: object) -> dict[str, str] | None:
        entry = self._by_field.get(field_id)
        return entry[1] if entry and entry[0] == current_path else None

    def current(self, values: dict[str, object]) -> dict[str, dict[str, str]]:
        """Readings whose image is still the one attached."""
        return {fid: fields for fid, (path, fields) in self._by_field.items()
                if values.get(fid) == path}


MISMATCH = Text("“{label}”与{document}上识别到的“{reading}”不一致。",
                "{label} differs from the {document}, which reads '{reading}'.")


def _comparison_kind(spec: FieldSpec) -> str:
    if spec.type == "date":
        return "date"
    return "code" if spec.format in ("credit_code", "cn_id_number") else "text"


def mismatch_check(readings: Readings) -> Callable[[RuleContext], Iterable[Finding]]:
    """An `extra` check for `check_draft`: a filled field that differs from what an attached
    document reads becomes an `ocr_mismatch` warning (empty fields are pre-filled instead)."""

    def check(ctx: RuleContext) -> Iterator[Finding]:
        current = readings.current(ctx.values)
        for image in ctx.form.fields:
            reading = current.get(image.id)
            if not reading:
                continue
            for doc_field, form_field in image.ocr.items():
                read, typed = reading.get(doc_field), ctx.values.get(form_field)
                if not read or not isinstance(typed, str) or not typed.strip():
                    continue
                spec = ctx.form.field(form_field)
                kind = _comparison_kind(spec)
                if comparison_key(typed, kind) != comparison_key(read, kind):
                    yield Finding(form_field, WARNING, "ocr_mismatch",
                                  MISMATCH.format(label=spec.label, document=image.label, reading=read))

    return check
