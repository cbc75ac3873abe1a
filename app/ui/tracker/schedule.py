"""When the next automatic sync runs. Reviews happen 09:00–21:00 every day, so states change
only then: inside the window sync at the configured interval, outside it four times less
often (at least every two hours), but never sleep past the window's opening."""

from __future__ import annotations

from datetime import datetime, time, timedelta

WINDOW_OPEN = time(9, 0)
WINDOW_CLOSE = time(21, 0)
OFF_HOURS_FACTOR = 4
OFF_HOURS_MIN_MINUTES = 120


def in_audit_window(now: datetime) -> bool:
    return WINDOW_OPEN <= now.time() < WINDOW_CLOSE


def next_sync_delay_minutes(now: datetime, interval_min: int) -> int:
    """Minutes until the next automatic sync after one at `now`."""
    interval_min = max(1, interval_min)
    if in_audit_window(now):
        return interval_min
    relaxed = max(interval_min * OFF_HOURS_FACTOR, OFF_HOURS_MIN_MINUTES)
    opening = datetime.combine(now.date(), WINDOW_OPEN)
    if now >= opening:
        opening += timedelta(days=1)
    until_open = int((opening - now).total_seconds() // 60) + 1
    return max(1, min(relaxed, until_open))
