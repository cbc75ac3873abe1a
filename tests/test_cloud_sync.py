"""Sync into a real SQLite store from the simulator: details only when needed, state history,
expiry, and errors that keep the rest of the work."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.cloud.client import DysmsApi, RetryPolicy
from app.cloud.credentials import Credentials
from app.cloud.endpoint import parse_endpoint
from app.cloud.errors import SignatureMismatch
from app.cloud.simulator import DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, Simulator
from app.cloud.simulator import running_simulator as start
from app.cloud.sync import sync
from app.core.tasks import Cancelled
from app.store import open_store
from app.store.tracked import get_qualification, list_qualifications, state_history

TODAY = date(2025, 6, 1)
DEMO = Credentials(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, "session")


@pytest.fixture()
def sim() -> Iterator[Simulator]:
    with start(records=64, today=TODAY) as server:
        yield server


def _api(sim: Simulator, creds: Credentials = DEMO) -> DysmsApi:
    return DysmsApi(creds, parse_endpoint(sim.endpoint),
                    retry=RetryPolicy(attempts=4, base_delay_s=0.01, max_delay_s=0.05))


def test_first_sync_stores_everything_with_details_and_expiry(sim: Simulator,
                                                             tmp_path: Path) -> None:
    store = open_store(tmp_path)
    report = sync(_api(sim), store, today=TODAY)
    assert report.total == 64 and len(report.new) == 64 and report.details_fetched == 64
    stored = {q["group_id"]: q for q in list_qualifications(store)}
    assert set(stored) == {r.group_id for r in sim.records}
    for rec in sim.records:
        q = stored[rec.group_id]
        assert q["state_raw"] == rec.state and q["detail"]["QualificationGroupId"] == rec.group_id
        ends = sorted(r.split("~")[1] for r in (rec.license_range, rec.legal_id_range,
                                               rec.admin_id_range))
        assert q["expiry_end"] == ends[0]
        days = (date.fromisoformat(ends[0]) - TODAY).days
        expected = "expired" if days < 0 else "expiring_soon" if days <= 7 else "valid"
        assert (q["expiry_state"], q["expiry_days_left"]) == (expected, days)
    assert {"expired", "expiring_soon", "valid"} <= {q["expiry_state"] for q in stored.values()}
    assert sorted(report.expiring) == sorted(
        g for g, q in stored.items() if q["expiry_state"] != "valid")


def test_resync_fetches_details_only_for_changes_and_records_history(sim: Simulator,
                                                                    tmp_path: Path) -> None:
    store = open_store(tmp_path)
    api = _api(sim)
    sync(api, store, today=TODAY)
    again = sync(api, store, today=TODAY)
    assert again.details_fetched == 0 and len(again.unchanged) == 64

    reviewing = next(r for r in sim.records if r.state == "INIT")
    sim.set_state(reviewing.group_id, "NOT_PASS", "请提供外呼话术模板及使用场景")
    added = sim.add_records(2)
    third = sync(api, store, today=TODAY)
    assert third.changed == [reviewing.group_id]
    assert sorted(third.new) == sorted(r.group_id for r in added)
    assert third.details_fetched == 3
    history = state_history(store, reviewing.group_id)
    assert [h["state"] for h in history] == ["reviewing", "rejected"]
    assert [h["state_raw"] for h in history] == ["INIT", "NOT_PASS"]
    q = get_qualification(store, reviewing.group_id)
    assert q is not None and q["audit_remark"] == "请提供外呼话术模板及使用场景"
    assert q["detail"]["State"] == "FAILED"


def test_refused_credentials_stop_the_sync_without_writing(sim: Simulator,
                                                         tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with pytest.raises(SignatureMismatch):
        sync(_api(sim, Credentials(DEMO_ACCESS_KEY_ID, "wrong", "session")), store)
    assert list_qualifications(store) == []


def test_cancel_keeps_what_was_done(sim: Simulator, tmp_path: Path) -> None:
    store = open_store(tmp_path)
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 20

    with pytest.raises(Cancelled):
        sync(_api(sim), store, today=TODAY, max_in_flight=1, cancelled=cancelled)
    kept = list_qualifications(store)
    assert 0 < len(kept) < 64
    report = sync(_api(sim), store, today=TODAY)
    assert len(report.new) == 64 - len(kept) and len(list_qualifications(store)) == 64
