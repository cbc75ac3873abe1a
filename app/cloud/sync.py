"""Sync the account's qualifications into the local store.

Lists everything, fetches a detail only for a new record, a changed state or audit time, or
one whose detail is still missing (the detail call is the expensive part); recomputes expiry
for every record each time (days left change daily); writes each record as soon as it is
ready, so a cancel or a failure keeps what was already done. State changes land in the
store's history table (`upsert_qualification` records them).
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.cloud.client import DysmsApi, ListFilters
from app.cloud.errors import (
    BadAccessKey,
    CloudError,
    CredentialsMissing,
    PermissionDenied,
    SignatureMismatch,
)
from app.cloud.expiry import qualification_expiry
from app.cloud.listing import DEFAULT_IN_FLIGHT, list_all
from app.core.dates import now_iso
from app.core.tasks import (
    CancelCheck,
    Progress,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from app.core.text import Text
from app.store.db import Store
from app.store.tracked import list_qualifications, upsert_qualification

# Errors that would fail every other call too: stop instead of recording each one.
FATAL = (BadAccessKey, SignatureMismatch, PermissionDenied, CredentialsMissing)
SUMMARY = Text(
    "共 {total} 条：新增 {new}，状态变化 {changed}，未变化 {unchanged}，错误 {errors}"
    "（获取详情 {details} 次）",
    "{total} qualification(s): {new} new, {changed} changed, {unchanged} unchanged, "
    "{errors} error(s) ({details} detail call(s))")


@dataclass
class SyncReport:
    total: int = 0
    new: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)     # state change recorded
    unchanged: list[int] = field(default_factory=list)
    details_fetched: int = 0
    errors: dict[int, CloudError] = field(default_factory=dict)  # group_id -> detail error
    expiring: list[int] = field(default_factory=list)   # expiring_soon or expired

    def summary(self) -> Text:
        return SUMMARY.format(total=self.total, new=len(self.new), changed=len(self.changed),
                              unchanged=len(self.unchanged), errors=len(self.errors),
                              details=self.details_fetched)

    def to_json(self, lang: str) -> dict[str, Any]:
        return {"total": self.total, "new": self.new, "changed": self.changed,
                "unchanged": len(self.unchanged), "details_fetched": self.details_fetched,
                "expiring": self.expiring,
                "errors": [{"group_id": gid, "code": e.code, "message": e.message(lang)}
                           for gid, e in self.errors.items()]}


def _needs_detail(row: dict[str, Any], stored: dict[str, Any] | None) -> bool:
    return (stored is None or stored.get("detail") is None
            or stored.get("state_raw") != row["state_raw"]
            or stored.get("audit_time") != row["audit_time"])


def _with_expiry(row: dict[str, Any], detail: dict[str, Any] | None, today: date
                 ) -> dict[str, Any]:
    out = dict(row)
    expiry = qualification_expiry(detail, today) if detail else None
    out["expiry_state"] = expiry.state if expiry else None
    out["expiry_document"] = expiry.document if expiry else None
    out["expiry_end"] = expiry.end.isoformat() if expiry else None
    out["expiry_days_left"] = expiry.days_left if expiry else None
    return out


def sync(api: DysmsApi, store: Store, *, today: date | None = None,
         max_in_flight: int = DEFAULT_IN_FLIGHT, progress: Progress = no_progress,
         cancelled: CancelCheck = never_cancelled) -> SyncReport:
    """Bring the store up to date with the account; raises `CloudError` if listing fails
    or the credentials are refused, `Cancelled` on cancel (work done so far is kept)."""
    today = today or date.today()
    report = SyncReport()

    def list_progress(fraction: float | None, note: str) -> None:
        progress(None if fraction is None else fraction * 0.4, note)

    rows = list_all(api, ListFilters(), max_in_flight=max_in_flight,
                    progress=list_progress, cancelled=cancelled)
    report.total = len(rows)
    stored = {q["group_id"]: q for q in list_qualifications(store)}

    def record(row: dict[str, Any], detail: dict[str, Any] | None) -> None:
        previous = stored.get(row["group_id"])
        full = _with_expiry(row, detail if detail is not None else
                            (previous or {}).get("detail"), today)
        if detail is not None:
            full["detail"] = detail
        state_changed = upsert_qualification(store, full, now_iso())
        bucket = (report.new if previous is None else
                  report.changed if state_changed else report.unchanged)
        bucket.append(row["group_id"])
        if full["expiry_state"] in ("expiring_soon", "expired"):
            report.expiring.append(row["group_id"])

    pending = [r for r in rows if _needs_detail(r, stored.get(r["group_id"]))]
    for row in rows:
        if not _needs_detail(row, stored.get(row["group_id"])):
            record(row, None)
    _fetch_details(api, pending, max_in_flight, record, report, progress, cancelled)
    progress(1.0, f"{report.total}/{report.total}")
    return report


def _fetch_details(api: DysmsApi, rows: list[dict[str, Any]], in_flight: int,
                   record: Any, report: SyncReport, progress: Progress,
                   cancelled: CancelCheck) -> None:
    todo = list(rows)
    pool = ThreadPoolExecutor(max_workers=max(1, in_flight), thread_name_prefix="dysms-detail")
    running: dict[Future[dict[str, Any]], dict[str, Any]] = {}
    done_count = 0
    try:
        while todo or running:
            while todo and len(running) < in_flight:
                row = todo.pop(0)
                running[pool.submit(api.detail, row["group_id"], cancelled=cancelled)] = row
            finished, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
            check_cancelled(cancelled)
            for future in finished:
                row = running.pop(future)
                done_count += 1
                try:
                    detail = future.result()
                except FATAL:
                    raise
                except CloudError as error:
                    report.errors[row["group_id"]] = error
                    record(row, None)  # keep the list's view; the detail is retried next time
                else:
                    report.details_fetched += 1
                    record(row, detail)
                progress(0.4 + 0.6 * done_count / max(1, len(rows)),
                         f"{done_count}/{len(rows)}")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
