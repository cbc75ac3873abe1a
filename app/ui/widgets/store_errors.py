"""Store writes made directly in GUI slots (one short write each) can still fail: a
`UserError` (draft gone, bad value) or an SQLite/OS error (database locked, disk full,
permissions). `guarded` turns either into the calm bilingual message the page shows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

from app.core.text import Text, UserError

T = TypeVar("T")

STORE_FAILED = Text("本地数据库出错：{detail}", "Local database error: {detail}")
STORE_ERRORS = (UserError, sqlite3.Error, OSError)


def store_problem(exc: Exception) -> Text:
    """What to tell the user about one of `STORE_ERRORS`."""
    if isinstance(exc, UserError):
        return exc.text
    # sqlite's and the OS's messages ("database is locked") carry no user data
    return STORE_FAILED.format(detail=str(exc) or type(exc).__name__)


def guarded(action: Callable[[], T], report: Callable[[Text], None]) -> T | None:
    """`action()`, or None after `report`ing why it failed (never a slot traceback)."""
    try:
        return action()
    except STORE_ERRORS as exc:
        report(store_problem(exc))
    return None
