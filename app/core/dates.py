"""Dates as the forms use them: ISO `YYYY-MM-DD`, long-term as 2099-12-31, expiry windows."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

LONG_TERM = date(2099, 12, 31)
LONG_TERM_ISO = LONG_TERM.isoformat()
EXPIRY_LEAD_DAYS = 7
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso(value: object) -> date | None:
    """A `date` for a well-formed ISO date string, else None."""
    if not isinstance(value, str) or not ISO_DATE.match(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def add_months(day: date, months: int) -> date:
    """Calendar-month arithmetic, clamping to the month's last day (Mar 31 - 1 → Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


ExpiryState = Literal["valid", "expiring_soon", "expired"]


@dataclass(frozen=True)
class Expiry:
    state: ExpiryState
    days_left: int  # negative once expired

    @property
    def is_long_term(self) -> bool:
        return self.days_left >= (LONG_TERM - date(2090, 1, 1)).days


def expiry_of(end: date, today: date, lead_days: int = EXPIRY_LEAD_DAYS) -> Expiry:
    """A document valid *through* `end`: expired from the day after, expiring within lead."""
    days_left = (end - today).days
    if days_left < 0:
        return Expiry("expired", days_left)
    if days_left <= lead_days:
        return Expiry("expiring_soon", days_left)
    return Expiry("valid", days_left)


def now_iso() -> str:
    """The one timestamp format of the store: UTC, ISO 8601, microseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")
