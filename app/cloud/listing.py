"""Every qualification of the account, one qualification's detail and its rejection reason.

Listing: page 1 gives `Total`; the remaining pages go out concurrently, at most
`max_in_flight` at a time (the SDK is synchronous, so threads; each thread has its own SDK
client). Rows come back in page order, each group once even if the list shifted meanwhile.
"""

from __future__ import annotations

import math
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from datetime import date
from typing import Any

from app.cloud.client import MAX_PAGE_SIZE, DysmsApi, ListFilters
from app.cloud.expiry import qualification_expiry
from app.cloud.records import Page
from app.cloud.states import normalise_state
from app.core.tasks import (
    CancelCheck,
    Progress,
    check_cancelled,
    never_cancelled,
    no_progress,
)

DEFAULT_IN_FLIGHT = 4


def list_all(api: DysmsApi, filters: ListFilters | None = None, *,
             page_size: int = MAX_PAGE_SIZE, max_in_flight: int = DEFAULT_IN_FLIGHT,
             progress: Progress = no_progress,
             cancelled: CancelCheck = never_cancelled) -> list[dict[str, Any]]:
    """All rows matching `filters`, across every page."""
    filters = filters or ListFilters()
    first = api.list_page(filters, 1, page_size, cancelled=cancelled)
    pages_total = max(1, math.ceil(first.total / page_size))
    pages: dict[int, Page] = {1: first}
    progress(1 / pages_total, f"1/{pages_total}")
    if pages_total > 1:
        _fetch_rest(api, filters, page_size, pages_total, max(1, max_in_flight), pages,
                    progress, cancelled)
    rows: list[dict[str, Any]] = []
    seen: set[int] = set()
    for number in sorted(pages):
        for row in pages[number].records:
            if row["group_id"] not in seen:
                seen.add(row["group_id"])
                rows.append(row)
    return rows


def _fetch_rest(api: DysmsApi, filters: ListFilters, page_size: int, pages_total: int,
                in_flight: int, pages: dict[int, Page], progress: Progress,
                cancelled: CancelCheck) -> None:
    todo = list(range(2, pages_total + 1))
    pool = ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="dysms-list")
    running: dict[Future[Page], int] = {}
    try:
        while todo or running:
            while todo and len(running) < in_flight:
                number = todo.pop(0)
                running[pool.submit(api.list_page, filters, number, page_size,
                                    cancelled=cancelled)] = number
            done, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
            check_cancelled(cancelled)
            for future in done:
                pages[running.pop(future)] = future.result()  # re-raises a CloudError
                progress(len(pages) / pages_total, f"{len(pages)}/{pages_total}")
    finally:  # on an error or a cancel: drop the queued pages, let running ones finish
        pool.shutdown(wait=False, cancel_futures=True)


def rejection_reason(api: DysmsApi, work_order_id: int | None, *,
                     cancelled: CancelCheck = never_cancelled) -> str | None:
    """The list API's `AuditRemark` for one work order (the detail API has none)."""
    if work_order_id is None:
        return None
    page = api.list_page(ListFilters(work_order_id=work_order_id), 1, MAX_PAGE_SIZE,
                         cancelled=cancelled)
    for row in page.records:
        if row["work_order_id"] == work_order_id:
            return row["audit_remark"]
    return None


def show_qualification(api: DysmsApi, group_id: int, *, today: date | None = None,
                       cancelled: CancelCheck = never_cancelled) -> dict[str, Any]:
    """Detail, normalised state, expiry and — when rejected — the reason, for one group."""
    detail = api.detail(group_id, cancelled=cancelled)
    state_raw = detail.get("State")
    state = normalise_state(state_raw)
    work_order = detail.get("WorkOrderId")
    work_order_id = work_order if isinstance(work_order, int) else None
    reason = (rejection_reason(api, work_order_id, cancelled=cancelled)
              if state == "rejected" else None)
    expiry = qualification_expiry(detail, today or date.today())
    return {
        "group_id": group_id,
        "state": state,
        "state_raw": state_raw,
        "work_order_id": work_order_id,
        "audit_remark": reason,
        "expiry": expiry.to_json() if expiry else None,
        "detail": detail,
    }
