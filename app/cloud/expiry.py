"""Expiry of a qualification from its detail's three validity ranges (seed 000: it expires
when the business licence, the legal representative's ID or the administrator's ID does;
"expiring soon" 7 days before)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.core.dates import expiry_of, parse_iso
from app.core.text import Text

# Detail field -> document name, in the order to report ties.
VALIDITY_FIELDS = {
    "EffTimeStr": "business_license",
    "LegalPersonIdCardEffTime": "legal_person_id",
    "AdminIDCardExpDate": "admin_id",
}
DOCUMENT_LABELS = {
    "business_license": Text("营业执照", "business licence"),
    "legal_person_id": Text("法定代表人身份证", "legal representative's ID"),
    "admin_id": Text("管理员身份证", "administrator's ID"),
}


@dataclass(frozen=True)
class QualificationExpiry:
    state: str          # valid | expiring_soon | expired
    document: str       # the document that ends first
    end: date
    days_left: int      # negative once expired

    def to_json(self) -> dict[str, Any]:
        return {"state": self.state, "document": self.document, "end": self.end.isoformat(),
                "days_left": self.days_left}


def range_end(value: Any) -> date | None:
    """The end of a `YYYY-MM-DD~YYYY-MM-DD` range (a lone date counts as the end)."""
    if not isinstance(value, str) or not value.strip():
        return None
    return parse_iso(value.split("~")[-1].strip())


def qualification_expiry(detail: dict[str, Any], today: date) -> QualificationExpiry | None:
    """The earliest-ending document's expiry; None when no range can be read."""
    ends = [(end, doc) for field, doc in VALIDITY_FIELDS.items()
            if (end := range_end(detail.get(field))) is not None]
    if not ends:
        return None
    end, document = min(ends, key=lambda pair: pair[0])
    expiry = expiry_of(end, today)
    return QualificationExpiry(expiry.state, document, end, expiry.days_left)
