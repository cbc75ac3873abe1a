"""Tracked qualifications (as the API last showed them) and the history of their states.

Rows carry names and, in `detail`, ID numbers: they may live in the local database (the
user's own data, in a user-only folder) but must never be logged. The AccessKey secret is
never stored here.
"""

from __future__ import annotations

import json
from typing import Any

from app.store.db import Store, write

COLUMNS = ("group_id", "name", "company", "legal_person", "state", "state_raw", "work_order_id",
           "audit_remark", "audit_time", "created", "use_by_self", "detail", "expiry_state",
           "expiry_document", "expiry_end", "expiry_days_left")


def _to_db(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in COLUMNS:
        if key not in row:
            continue
        value = row[key]
        if key == "detail":
            out["detail_json"] = None if value is None else json.dumps(value, ensure_ascii=False)
        elif key == "use_by_self":
            out[key] = None if value is None else int(bool(value))
        else:
            out[key] = value
    return out


def _from_db(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: row[k] for k in COLUMNS if k not in ("detail", "use_by_self")}
    out["use_by_self"] = None if row["use_by_self"] is None else bool(row["use_by_self"])
    order = out["work_order_id"]  # TEXT column (schema v2); the API's ids are integers
    if isinstance(order, str) and order.isdigit():
        out["work_order_id"] = int(order)
    out["detail"] = json.loads(row["detail_json"]) if row["detail_json"] else None
    out["synced_at"] = row["synced_at"]
    return out


def upsert_qualification(store: Store, row: dict[str, Any], seen_at: str) -> bool:
    """Insert or update one qualification; keys missing from `row` keep their stored value.
    Appends to the state history (and returns True) when the row is new or its state differs
    from the last recorded one."""
    group_id = int(row["group_id"])
    values = _to_db(row)
    values["group_id"] = group_id
    values["synced_at"] = seen_at
    cols = list(values)
    with write(store.db) as db:
        db.execute(
            f"INSERT INTO tracked_qualifications ({', '.join(cols)})"
            f" VALUES ({', '.join('?' for _ in cols)})"
            f" ON CONFLICT(group_id) DO UPDATE SET"
            f" {', '.join(f'{c} = excluded.{c}' for c in cols if c != 'group_id')}",
            [values[c] for c in cols])
        last = db.execute("SELECT state FROM state_history WHERE group_id = ?"
                          " ORDER BY id DESC LIMIT 1", (group_id,)).fetchone()
        state, state_raw = db.execute(
            "SELECT state, state_raw FROM tracked_qualifications WHERE group_id = ?",
            (group_id,)).fetchone()
        if last is not None and last[0] == state:
            return False
        db.execute("INSERT INTO state_history (group_id, state, state_raw, seen_at)"
                   " VALUES (?, ?, ?, ?)", (group_id, state, state_raw, seen_at))
        return True


def get_qualification(store: Store, group_id: int) -> dict[str, Any] | None:
    row = next(store.db.query("SELECT * FROM tracked_qualifications WHERE group_id = ?",
                              (int(group_id),)), None)
    return None if row is None else _from_db(row)


def list_qualifications(store: Store) -> list[dict[str, Any]]:
    """Every tracked qualification, newest `created` first."""
    return [_from_db(r) for r in store.db.query(
        "SELECT * FROM tracked_qualifications ORDER BY created DESC, group_id DESC")]


def state_history(store: Store, group_id: int) -> list[dict[str, Any]]:
    """Each observed state with the time it was first seen, oldest first."""
    return list(store.db.query(
        "SELECT state, state_raw, seen_at FROM state_history WHERE group_id = ? ORDER BY id",
        (int(group_id),)))
