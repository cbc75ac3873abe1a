"""Timestamps as the GUI shows them (the drafts list and the tracker's history)."""

from __future__ import annotations

from datetime import datetime


def local_time(stamp: str | None) -> str:
    """An ISO timestamp (UTC from the store) as local 'YYYY-MM-DD HH:MM'; a naive one is
    taken as local already, text that is not a timestamp is shown as it is."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")
