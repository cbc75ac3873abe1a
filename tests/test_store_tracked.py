"""Tracked qualifications and their state history (the interface the cloud sync uses)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.store import Store, open_store
from app.store.tracked import (
    get_qualification,
    list_qualifications,
    state_history,
    upsert_qualification,
)


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store() as s:
        yield s


def row(group_id: int = 101, **changes: object) -> dict:
    base = {"group_id": group_id, "name": "云声语音", "company": "杭州云声科技有限公司",
            "legal_person": "王建国", "state": "reviewing", "state_raw": "INIT",
            "work_order_id": "WO-1", "audit_remark": None, "audit_time": None,
            "created": "2026-10-01 10:00:00", "use_by_self": True, "detail": None,
            "expiry_state": None, "expiry_document": None, "expiry_end": None,
            "expiry_days_left": None}
    return base | changes


def test_new_row_is_stored_and_starts_the_history(store: Store) -> None:
    assert upsert_qualification(store, row(), "2026-10-01T10:05:00+00:00") is True
    q = get_qualification(store, 101)
    assert q == row() | {"synced_at": "2026-10-01T10:05:00+00:00"}
    assert state_history(store, 101) == [
        {"state": "reviewing", "state_raw": "INIT", "seen_at": "2026-10-01T10:05:00+00:00"}]


def test_history_grows_only_when_the_state_changes(store: Store) -> None:
    upsert_qualification(store, row(), "t1")
    assert upsert_qualification(store, row(), "t2") is False
    assert upsert_qualification(store, row(state="rejected", state_raw="NOT_PASS",
                                            audit_remark="证件模糊"), "t3") is True
    assert upsert_qualification(store, row(state="reviewing", state_raw="INIT"), "t4") is True
    assert [(h["state"], h["seen_at"]) for h in state_history(store, 101)] == [
        ("reviewing", "t1"), ("rejected", "t3"), ("reviewing", "t4")]
    assert get_qualification(store, 101)["synced_at"] == "t4"


def test_missing_keys_keep_their_stored_values(store: Store) -> None:
    detail = {"legal_person_id": "11010519491231002X", "pics": [1, 2]}
    upsert_qualification(store, row(detail=detail, expiry_state="expiring_soon",
                                    expiry_end="2026-11-28", expiry_days_left=5), "t1")
    upsert_qualification(store, {"group_id": 101, "state": "approved", "state_raw": "PASS"}, "t2")
    q = get_qualification(store, 101)
    assert q["detail"] == detail and q["expiry_days_left"] == 5 and q["use_by_self"] is True
    assert (q["state"], q["company"]) == ("approved", "杭州云声科技有限公司")


def test_list_is_newest_created_first_and_unknown_is_none(store: Store) -> None:
    upsert_qualification(store, row(1, created="2025-01-01 00:00:00"), "t")
    upsert_qualification(store, row(2, created="2026-06-01 00:00:00", use_by_self=False), "t")
    rows = list_qualifications(store)
    assert [r["group_id"] for r in rows] == [2, 1]
    assert rows[0]["use_by_self"] is False
    assert get_qualification(store, 999) is None and state_history(store, 999) == []
