"""`ocr_mismatch` findings: typed values that differ from what the attached documents say.

Driven entirely by the form spec: each image field names its `document` kind and an `ocr`
mapping (document field → form field). A typed value that disagrees with a document is an
error (the reviewer rejects it); two documents disagreeing about one form field (the
licence's legal representative vs the ID card's name) are reported too. Messages quote what
the document reads because they are shown to the user; they never go to a log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.draft import Draft, is_filled
from app.core.rules.engine import ERROR, WARNING, Finding, RuleContext
from app.core.spec import FieldSpec
from app.core.text import Text, UserError
from app.ocr.engines import EngineUnavailable
from app.ocr.normalize import comparison_key
from app.ocr.reader import OcrResult, read_document

# Below this the reading is too unsure to accuse the user of a typo.
MIN_CONFIDENCE = 0.5

TYPED_VS_DOCUMENT = Text("“{label}”与{document}上的内容不一致：图片上识别为“{read}”，请按证件原样填写。",
                         "{label} differs from the {document}, which reads '{read}'; "
                         "enter it exactly as on the document.")
DOCUMENTS_DISAGREE = Text("{document_a}（“{read_a}”）与{document_b}（“{read_b}”）上的“{label}”不一致，请核对材料。",
                          "The {document_a} ('{read_a}') and the {document_b} ('{read_b}') disagree "
                          "on {label}; check the documents.")
WRONG_DOCUMENT = Text("“{label}”中的图片看起来不是{expected}，而是{found}。",
                      "The image in {label} does not look like the {expected} but like the {found}.")

DOCUMENT_NAMES = {
    "id_portrait": Text("身份证人像面", "ID card (portrait side)"),
    "id_emblem": Text("身份证国徽面", "ID card (emblem side)"),
    "business_license": Text("营业执照", "business licence"),
    "commitment_letter": Text("入网承诺书", "commitment letter"),
    "application_letter": Text("号码申请公函", "application letter"),
}


@dataclass(frozen=True)
class _Reading:
    image_field: FieldSpec
    value: str


def _key_kind(form_field: FieldSpec) -> str:
    if form_field.type == "date":
        return "date"
    return "code" if form_field.format in ("credit_code", "cn_id_number") else "text"


def _document_label(image_field: FieldSpec) -> Text:
    """The image field's own label names the document precisely (法人身份证人像面)."""
    return image_field.label


def mismatch_findings(draft: Draft, results: dict[str, OcrResult]) -> list[Finding]:
    """Findings from precomputed OCR results keyed by image field id (the GUI passes the
    results it already has, so nothing is read twice)."""
    form = draft.form
    findings: list[Finding] = []
    readings: dict[str, list[_Reading]] = {}
    for image_field in form.fields:
        result = results.get(image_field.id)
        if result is None or not image_field.ocr or image_field.document is None:
            continue
        if result.detected_kind in DOCUMENT_NAMES and result.detected_kind != image_field.document:
            findings.append(Finding(image_field.id, WARNING, "ocr_wrong_document", WRONG_DOCUMENT.format(
                label=image_field.label, expected=DOCUMENT_NAMES.get(image_field.document, image_field.label),
                found=DOCUMENT_NAMES[result.detected_kind])))
            continue
        for doc_field, form_field_id in image_field.ocr.items():
            read = result.fields.get(doc_field)
            if not read or result.confidence.get(doc_field, 0.0) < MIN_CONFIDENCE:
                continue
            if not form.has_field(form_field_id):
                continue
            target = form.field(form_field_id)
            readings.setdefault(form_field_id, []).append(_Reading(image_field, read))
            typed = form.value(draft.values, form_field_id)
            if not is_filled(typed) or not isinstance(typed, str):
                continue
            kind = _key_kind(target)
            if comparison_key(typed, kind) != comparison_key(read, kind):
                findings.append(Finding(form_field_id, ERROR, "ocr_mismatch", TYPED_VS_DOCUMENT.format(
                    label=target.label, document=_document_label(image_field), read=read)))
    for form_field_id, items in readings.items():
        target = form.field(form_field_id)
        kind = _key_kind(target)
        first = items[0]
        for other in items[1:]:
            if comparison_key(first.value, kind) != comparison_key(other.value, kind):
                findings.append(Finding(form_field_id, ERROR, "ocr_mismatch", DOCUMENTS_DISAGREE.format(
                    label=target.label, document_a=_document_label(first.image_field), read_a=first.value,
                    document_b=_document_label(other.image_field), read_b=other.value)))
                break
    return findings


def read_attached(draft: Draft, engine: str = "rapidocr",
                  on_error: Callable[[str, UserError], None] | None = None) -> dict[str, OcrResult]:
    """OCR every attached image whose field maps document fields to form fields. Unusable
    files are skipped (the image rules already report them)."""
    results: dict[str, OcrResult] = {}
    for f in draft.form.fields:
        if not f.ocr or f.document is None or f.type != "image":
            continue
        path: Path | None = draft.image_path(draft.values.get(f.id))
        if path is None:
            continue
        try:
            results[f.id] = read_document(path, f.document, engine)
        except EngineUnavailable:
            raise
        except UserError as exc:
            if on_error is not None:
                on_error(f.id, exc)
    return results


def ocr_check(engine: str = "rapidocr") -> Callable[[RuleContext], Iterable[Finding]]:
    """A callable for `check_draft(extra=[...])` that OCRs the draft's attached documents."""

    def check(ctx: RuleContext) -> list[Finding]:
        return mismatch_findings(ctx.draft, read_attached(ctx.draft, engine))

    return check
