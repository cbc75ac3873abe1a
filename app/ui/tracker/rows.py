"""What the tracker shows for one stored qualification, computed without Qt.

The store keeps the API's review state and the expiry of the three validity ranges as of the
last sync. The badge the admin needs is one word: an approved qualification whose documents
run out shows *expiring soon* / *expired* instead of *approved*. The lead time is a setting,
so the expiry is recomputed here from the stored end date rather than trusted as stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.cloud.expiry import DOCUMENT_LABELS
from app.cloud.masking import mask_record
from app.core.dates import Expiry, expiry_of, parse_iso
from app.core.text import Text

EXPIRY_STATES = ("expiring_soon", "expired")
# Every badge the tracker can show, in filter order.
BADGE_STATES = ("reviewing", "approved", "expiring_soon", "expired", "rejected",
                "needs_supplement", "withdrawn", "unknown")


def document_label(document: str | None) -> Text | None:
    """'business licence', 'administrator's ID', … (the sync's document names)."""
    if not document:
        return None
    return DOCUMENT_LABELS.get(document, Text(document, document))


def detail_of(row: dict[str, Any]) -> dict[str, Any]:
    """The stored detail (QuerySingleSmsQualification `Data`) as a dict; {} when absent."""
    detail = row.get("detail")
    if isinstance(detail, dict):
        return detail
    raw = row.get("detail_json")
    if isinstance(raw, str) and raw:
        try:
            parsed = json.loads(raw)
        except ValueError:
            return {}
        return parsed if isinstance(parsed, dict) else {}
    return {}


@dataclass(frozen=True)
class TrackedRow:
    raw: dict[str, Any]  # the store's row, unmasked
    detail: dict[str, Any]
    badge: str  # one of BADGE_STATES
    expiry: Expiry | None
    expiry_document: str | None
    # The list's name columns as shown: (plain, masked). Computed with the row — on the
    # loader's worker thread — so toggling protection on 1000 rows costs the GUI nothing.
    views: tuple[dict[str, Any], dict[str, Any]] = ({}, {})

    @property
    def group_id(self) -> int:
        return int(self.raw["group_id"])

    def shown(self, masked: bool) -> dict[str, Any]:
        """The row's texts as displayed: names masked by the one masking function when asked."""
        return self.views[1] if masked else self.views[0]


def _views(row: dict[str, Any], detail: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    plain = {
        "name": row.get("name") or detail.get("QualificationName") or "",
        "company": row.get("company") or detail.get("CompanyName") or "",
        "legal_person": row.get("legal_person") or detail.get("LegalPersonName") or "",
        "admin_name": detail.get("AdminName") or "",
    }
    return plain, mask_record(plain)


def tracked_row(row: dict[str, Any], today: date, lead_days: int) -> TrackedRow:
    state = row.get("state") or "unknown"
    if state not in BADGE_STATES:
        state = "unknown"
    end = parse_iso(row.get("expiry_end"))
    expiry = expiry_of(end, today, lead_days) if end else None
    badge = state
    if state == "approved" and expiry is not None and expiry.state in EXPIRY_STATES:
        badge = expiry.state
    detail = detail_of(row)
    return TrackedRow(row, detail, badge, expiry, row.get("expiry_document"), _views(row, detail))


def expiry_text(row: TrackedRow) -> Text:
    """'12 days left · business licence', 'expired 3 days ago · …', 'long-term', or ''."""
    if row.expiry is None:
        return Text("", "")
    if row.expiry.is_long_term:
        return Text("长期有效", "Long-term")
    days = row.expiry.days_left
    if days < 0:
        when = Text(f"已过期 {-days} 天", f"Expired {-days} day{'s' if days != -1 else ''} ago")
    elif days == 0:
        when = Text("今天到期", "Ends today")
    else:
        when = Text(f"剩余 {days} 天", f"{days} day{'s' if days != 1 else ''} left")
    label = document_label(row.expiry_document)
    if label is None:
        return when
    return Text(f"{when.zh} · {label.zh}", f"{when.en} · {label.en}")
