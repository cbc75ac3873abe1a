"""Background jobs of the tracker page (run through `TaskRunner`, never on the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.cloud.sync import SyncReport, sync
from app.core.tasks import CancelCheck, Progress
from app.store.db import open_store
from app.store.tracked import list_qualifications
from app.ui.context import AppContext
from app.ui.settings.credentials import make_client
from app.ui.settings.values import AppSettings
from app.ui.tracker.rows import TrackedRow, tracked_row


def load_job(home: Path | None, today: date, lead_days: int) -> Callable[..., list[TrackedRow]]:
    """Read the store and prepare every row for display (badge, expiry, masked names)."""

    def run(*, progress: Progress, cancelled: CancelCheck) -> list[TrackedRow]:
        return [tracked_row(r, today, lead_days) for r in list_qualifications(open_store(home))]

    return run


def sync_job(context: AppContext, settings: AppSettings) -> Callable[..., SyncReport]:
    def run(*, progress: Progress, cancelled: CancelCheck) -> SyncReport:
        progress(None, "")
        client = make_client(context, settings)
        return sync(client, open_store(context.home), today=date.today(), progress=progress,
                    cancelled=cancelled)

    return run
