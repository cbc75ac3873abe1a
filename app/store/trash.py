"""Trash and clean-up: delete is reversible for 30 days; blobs nobody references go."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.core.dates import now_iso
from app.core.text import Text, UserError
from app.store.blobs import GC_GRACE_S, collect_garbage
from app.store.db import Store, write
from app.store.records import not_found

TRASH_DAYS = 30


def delete_draft(store: Store, draft_id: str) -> None:
    """Move a draft to the trash (its images stay until it is purged)."""
    with write(store.db) as db:
        row = db.execute("SELECT deleted_at FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise not_found(draft_id)
        if row[0] is None:
            db.execute("UPDATE drafts SET deleted_at = ? WHERE id = ?", (now_iso(), draft_id))


def restore_draft(store: Store, draft_id: str) -> None:
    with write(store.db) as db:
        row = db.execute("SELECT deleted_at FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise not_found(draft_id)
        if row[0] is None:
            raise UserError(Text(f"草稿 {draft_id} 不在回收站中", f"Draft {draft_id} is not in the trash"))
        db.execute("UPDATE drafts SET deleted_at = NULL WHERE id = ?", (draft_id,))


def purge_trash(store: Store, older_than_days: int = TRASH_DAYS,
                now: datetime | None = None) -> int:
    """Delete drafts trashed more than `older_than_days` ago, then unreferenced blobs.
    Returns the number of drafts purged."""
    cutoff = ((now or datetime.now(UTC)) - timedelta(days=older_than_days)).isoformat(
        timespec="microseconds")
    with write(store.db) as db:
        purged = db.execute("DELETE FROM drafts WHERE deleted_at IS NOT NULL AND deleted_at < ?",
                            (cutoff,)).rowcount
    garbage_collect(store)
    return purged


def garbage_collect(store: Store, grace_s: float = GC_GRACE_S) -> int:
    """Remove blob files no draft references (trashed drafts count as references).
    Blobs younger than `grace_s` are kept: an attach may be about to reference them."""
    referenced = {r[0] for r in store.db.execute("SELECT DISTINCT sha256 FROM draft_images")}
    return collect_garbage(store.blobs_dir, referenced, grace_s)
