"""The drafts list: completeness and rule-error counts for every draft, kept snappy.

Checking a draft runs every rule (and probes its images), so the error count is cached in
the row with the day it was computed for; an edit clears it (see `drafts._touch`) and dates
make it stale the next day. The write-back only lands if the draft's revision is unchanged,
so a concurrent autosave is never overwritten by an old count.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from app.core.draft import completeness
from app.core.rules import ERROR, check_draft
from app.ocr.mismatch import mismatch_findings
from app.store.db import Store, write
from app.store.readings import draft_readings
from app.store.records import DraftSummary, StoredDraft, draft_from_row


def _stored_drafts(store: Store, trash: bool) -> list[StoredDraft]:
    db = store.db
    where = "deleted_at IS NOT NULL" if trash else "deleted_at IS NULL"
    rows = list(db.query(f"SELECT * FROM drafts WHERE {where} ORDER BY updated_at DESC"))
    images: dict[str, list[dict]] = defaultdict(list)
    for r in db.query("SELECT * FROM draft_images"):
        images[r["draft_id"]].append(r)
    return [draft_from_row(r, images[r["id"]], store.blobs_dir) for r in rows]


def _error_count(store: Store, stored: StoredDraft, today: date) -> int:
    """Errors as the editor counts them: every rule, plus mismatches between typed values
    and the stored readings of the attached documents (no OCR runs here)."""
    readings = draft_readings(store, stored)
    extra = [lambda ctx: mismatch_findings(ctx.draft, readings)] if readings else []
    return sum(1 for f in check_draft(stored.to_draft(), today, extra) if f.severity == ERROR)


def list_drafts(store: Store, trash: bool = False, today: date | None = None) -> list[DraftSummary]:
    """Live drafts (or the trash), most recently edited first."""
    today = today or date.today()
    day = today.isoformat()
    summaries: list[DraftSummary] = []
    fresh: list[tuple[int, str, str, int]] = []
    for d in _stored_drafts(store, trash):
        count = d.error_count
        if count is None or d.errors_checked_on != day:
            count = _error_count(store, d, today)
            fresh.append((count, day, d.id, d.revision))
        values = d.all_values()
        name = values.get("enterprise_name")
        summaries.append(DraftSummary(
            id=d.id, form=d.form.id, enterprise_name=name if isinstance(name, str) else "",
            created_at=d.created_at, updated_at=d.updated_at,
            completeness=completeness(d.form, values), error_count=count,
            deleted_at=d.deleted_at))
    if fresh:
        with write(store.db) as db:
            db.conn.executemany("UPDATE drafts SET error_count = ?, errors_checked_on = ?"
                                " WHERE id = ? AND revision = ?", fresh)
    return summaries
