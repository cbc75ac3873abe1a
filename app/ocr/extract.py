"""Turning recognised lines into named fields: kind detection and dispatch to the per-kind
extractors (`id_card`, `license`, `letters`). Field names follow DESIGN.md."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.ocr.engines import Line
from app.ocr.layout import Row, group_rows
from app.ocr.normalize import compact

KINDS = ("id_portrait", "id_emblem", "business_license", "commitment_letter", "application_letter")
UNKNOWN = "unknown"

FIELDS = {
    "id_portrait": ("name", "sex", "ethnicity", "birth_date", "address", "id_number"),
    "id_emblem": ("issuing_authority", "valid_from", "valid_to"),
    "business_license": ("enterprise_name", "credit_code", "enterprise_type", "legal_rep_name",
                         "address", "established", "term_start", "term_end"),
    "commitment_letter": ("date",),
    "application_letter": ("date",),
}

# Words that give a document away, with weights; the highest total wins.
_KEYWORDS: dict[str, tuple[tuple[str, int], ...]] = {
    "id_portrait": (("公民身份号码", 3), ("姓名", 1), ("性别", 1), ("民族", 1), ("出生", 1), ("住址", 1)),
    "id_emblem": (("居民身份证", 2), ("签发机关", 3), ("有效期限", 2), ("中华人民共和国", 1)),
    "business_license": (("营业执照", 3), ("统一社会信用代码", 3), ("法定代表人", 1), ("成立日期", 1),
                         ("营业期限", 1), ("注册资本", 1), ("登记机关", 1)),
    "commitment_letter": (("承诺书", 4), ("承诺", 2), ("入网", 2), ("实际使用者", 1)),
    "application_letter": (("申请公函", 4), ("公函", 3), ("特此申请", 2), ("申请", 1), ("号码", 1)),
}


def detect_kind(lines: list[Line]) -> str:
    """The document kind the text reads like, or 'unknown' when nothing matches."""
    text = compact("".join(line.text for line in lines))
    scores = {kind: sum(w for word, w in words if word in text) for kind, words in _KEYWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 2 else UNKNOWN


@dataclass
class Extraction:
    fields: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)

    def put(self, name: str, value: str | None, confidence: float) -> None:
        if value and name not in self.fields:
            self.fields[name] = value
            self.confidence[name] = round(max(0.0, min(1.0, confidence)), 3)


Extractor = Callable[[list[Row], Extraction], None]


def extract(kind: str, lines: list[Line]) -> Extraction:
    """Fields of a document of `kind` from its lines; unknown kinds give no fields."""
    from app.ocr import id_card, letters, license  # the extractors import this module

    extractors: dict[str, Extractor] = {
        "id_portrait": id_card.portrait, "id_emblem": id_card.emblem,
        "business_license": license.business_license,
        "commitment_letter": letters.signature_date, "application_letter": letters.signature_date,
    }
    result = Extraction()
    if kind in extractors and lines:
        extractors[kind](group_rows(lines), result)
    return result
