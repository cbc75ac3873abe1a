"""Background jobs of the tracker page (run through `TaskRunner`, never on the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.cloud.sync import SyncReport, sync
from app.core.tasks import CancelCheck, Progress
from app.store.db import Store
from app.store.tracked import list_qualifications
from app.ui.context import AppContext
from app.ui.settings.credentials import make_client
from app.ui.settings.values import AppSettings
from app.ui.tracker.rows import TrackedRow, tracked_row


def load_job(store: Store, today: date, lead_days: int) -> Callable[..., list[TrackedRow]]:
    """Read the store (the context's: one connection per thread) and prepare every row for
    display (badge, expiry, masked names)."""

    def run(*, progress: Progress, cancelled: CancelCheck) -> list[TrackedRow]:
        return [tracked_row(r, today, lead_days) for r in list_qualifications(store)]

    return run


def sync_job(context: AppContext, settings: AppSettings) -> Callable[..., SyncReport]:
    store = context.store()  # opened here, on the GUI thread; used by the worker's connection

    def run(*, progress: Progress, cancelled: CancelCheck) -> SyncReport:
        progress(None, "")
        client = make_client(context, settings)
        return sync(client, store, today=date.today(), progress=progress, cancelled=cancelled)

    return run
