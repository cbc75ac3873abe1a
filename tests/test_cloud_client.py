"""The real SDK over real HTTP against the local simulator: paging through faults, filters,
detail and rejection reason, credential and permission errors, the simulator's checks."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import requests
from alibabacloud_tea_openapi.utils import Utils as SdkUtils
from darabonba.request import DaraRequest

from app.cloud.client import DysmsApi, ListFilters, RetryPolicy
from app.cloud.credentials import Credentials
from app.cloud.endpoint import parse_endpoint
from app.cloud.errors import (
    ApiError,
    BadAccessKey,
    NotFound,
    PermissionDenied,
    ServiceUnavailable,
    SignatureMismatch,
    Throttled,
)
from app.cloud.listing import list_all, rejection_reason, show_qualification
from app.cloud.simulator import DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, Simulator
from app.cloud.simulator import running_simulator as start
from app.core.tasks import Cancelled

FAST_RETRY = RetryPolicy(attempts=4, base_delay_s=0.01, max_delay_s=0.05)
DEMO = Credentials(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, "session")


def api_for(sim: Simulator, creds: Credentials = DEMO, **kw: object) -> DysmsApi:
    kw.setdefault("retry", FAST_RETRY)
    return DysmsApi(creds, parse_endpoint(sim.endpoint), **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def sim() -> Iterator[Simulator]:
    with start(records=137) as server:
        yield server


def test_lists_every_page_through_injected_faults() -> None:
    with start(records=233, fail_rate=0.4) as faulty:
        api = api_for(faulty)
        rows = list_all(api)
        faults = sum(v for k, v in faulty.stats.items() if k.startswith("fault:"))
    assert sorted(r["group_id"] for r in rows) == sorted(r.group_id for r in faulty.records)
    assert faults > 0, "the simulator injected no fault: the retry path went untested"
    assert api.attempts_made == 5 + faults  # 5 pages of 50, each retried once per fault
    assert {r["state"] for r in rows} == {"reviewing", "approved", "rejected",
                                          "needs_supplement", "withdrawn"}
    by_id = {r.group_id: r for r in faulty.records}
    for row in rows:
        assert row["state_raw"] == by_id[row["group_id"]].state
        assert row["company"] == by_id[row["group_id"]].company


def test_rows_have_exactly_the_contract_keys(sim: Simulator) -> None:
    rows = list_all(api_for(sim), ListFilters(state="NOT_PASS"))
    assert rows and all(r["state"] == "rejected" and r["audit_remark"] for r in rows)
    assert set(rows[0]) == {"group_id", "name", "company", "legal_person", "state",
                            "state_raw", "work_order_id", "audit_remark", "audit_time",
                            "created", "use_by_self"}


def test_every_filter_reaches_the_service(sim: Simulator) -> None:
    api = api_for(sim)
    target = sim.records[7]
    cases = [
        (ListFilters(company=target.company), lambda r: target.company in r.company),
        (ListFilters(legal_person=target.legal_person),
         lambda r: target.legal_person in r.legal_person),
        (ListFilters(group_name=target.name), lambda r: target.name in r.name),
        (ListFilters(work_order_id=target.work_order_id),
         lambda r: r.work_order_id == target.work_order_id),
        (ListFilters(use_by_self=False), lambda r: not r.use_by_self),
        (ListFilters(state="CANCEL", use_by_self=True),
         lambda r: r.state == "CANCEL" and r.use_by_self),
    ]
    for filters, keep in cases:
        got = {r["group_id"] for r in list_all(api, filters)}
        expected = {r.group_id for r in sim.records if keep(r)}
        assert got == expected and got, filters


def test_show_rejected_gives_reason_from_the_list_api(sim: Simulator) -> None:
    rejected = next(r for r in sim.records if r.state == "NOT_PASS")
    shown = show_qualification(api_for(sim), rejected.group_id)
    assert shown["state"] == "rejected" and shown["state_raw"] == "FAILED"
    assert shown["audit_remark"] == rejected.audit_remark
    assert "AuditRemark" not in shown["detail"]  # the detail API has none
    assert shown["expiry"]["document"] in ("business_license", "legal_person_id", "admin_id")
    approved = next(r for r in sim.records if r.state == "PASS")
    shown = show_qualification(api_for(sim), approved.group_id)
    assert shown["state"] == "approved" and shown["audit_remark"] is None
    assert rejection_reason(api_for(sim), rejected.work_order_id) == rejected.audit_remark


def test_unknown_group_is_not_found(sim: Simulator) -> None:
    with pytest.raises(NotFound):
        api_for(sim).detail(1)


def test_page_size_is_validated_by_the_service(sim: Simulator) -> None:
    with pytest.raises(ApiError) as err:
        api_for(sim).list_page(ListFilters(), 1, 51)
    assert err.value.code == "InvalidParameter"


def test_wrong_secret_and_unknown_key_are_clear_and_not_retried(sim: Simulator) -> None:
    api = api_for(sim, Credentials(DEMO_ACCESS_KEY_ID, "not-the-secret", "session"))
    with pytest.raises(SignatureMismatch) as err:
        list_all(api)
    assert api.attempts_made == 1
    assert "secret" in err.value.message("en") and "Secret" in err.value.message("zh")
    with pytest.raises(BadAccessKey) as err2:
        list_all(api_for(sim, Credentials("LTAInobody", "x", "session")))
    assert "InvalidAccessKeyId.NotFound" in err2.value.message("en")


def test_permission_denied_names_the_ram_permission() -> None:
    denied = frozenset({"QuerySmsQualificationRecord"})
    with start(records=3, denied_actions=denied) as s, pytest.raises(PermissionDenied) as err:
        list_all(api_for(s))
    for lang in ("en", "zh"):
        assert "dysms:QuerySmsQualificationRecord" in err.value.message(lang)
        assert "AliyunDysmsReadOnlyAccess" in err.value.message(lang)


def test_throttling_that_outlasts_the_retries_is_reported() -> None:
    with start(records=3, fail_rate=1.0) as s:
        api = api_for(s, retry=RetryPolicy(attempts=2, base_delay_s=0.01, max_delay_s=0.02))
        with pytest.raises((Throttled, ServiceUnavailable)) as err:
            list_all(api)
    assert api.attempts_made == 2 and err.value.retryable


def test_cancel_stops_the_listing(sim: Simulator) -> None:
    with pytest.raises(Cancelled):
        list_all(api_for(sim), cancelled=lambda: True)


def test_progress_reaches_one(sim: Simulator) -> None:
    seen: list[float | None] = []
    list_all(api_for(sim), page_size=20, progress=lambda f, _note: seen.append(f))
    assert len(seen) == 7 and seen[-1] == 1.0


# -- the simulator checks signatures like the gateway: requests signed by the SDK's code ----

def _signed(sim: Simulator, query: dict[str, str], *, date: datetime | None = None,
            secret: str = DEMO_ACCESS_KEY_SECRET) -> tuple[str, dict[str, str]]:
    host = sim.endpoint.removeprefix("http://")
    request = DaraRequest()
    request.method, request.pathname, request.query = "POST", "/", dict(query)
    payload = hashlib.sha256(b"").hexdigest()
    request.headers = {
        "host": host, "x-acs-version": "2017-05-25", "x-acs-action": "QuerySmsQualificationRecord",
        "x-acs-date": (date or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "x-acs-signature-nonce": hashlib.md5(str(datetime.now()).encode()).hexdigest(),
        "x-acs-content-sha256": payload, "accept": "application/json",
    }
    request.headers["Authorization"] = SdkUtils.get_authorization(
        request, "ACS3-HMAC-SHA256", payload, DEMO_ACCESS_KEY_ID, secret)
    return f"{sim.endpoint}/", request.headers


def test_simulator_accepts_sdk_signed_requests_and_refuses_tampering(sim: Simulator) -> None:
    url, headers = _signed(sim, {"PageNo": "1", "PageSize": "5"})
    ok = requests.post(url, params={"PageNo": "1", "PageSize": "5"}, headers=headers, timeout=5)
    assert ok.status_code == 200 and len(ok.json()["Data"]["List"]) == 5
    replay = requests.post(url, params={"PageNo": "1", "PageSize": "5"}, headers=headers,
                           timeout=5)
    assert replay.json()["Code"] == "SignatureNonceUsed"
    url, headers = _signed(sim, {"PageNo": "1", "PageSize": "5"})
    tampered = requests.post(url, params={"PageNo": "2", "PageSize": "5"}, headers=headers,
                             timeout=5)
    assert (tampered.status_code, tampered.json()["Code"]) == (400, "SignatureDoesNotMatch")
    url, headers = _signed(sim, {"PageNo": "1"}, date=datetime.now(UTC) - timedelta(minutes=20))
    stale = requests.post(url, params={"PageNo": "1"}, headers=headers, timeout=5)
    assert stale.json()["Code"] == "InvalidTimeStamp.Expired"
    unsigned = requests.post(url, params={"PageNo": "1"}, timeout=5)
    assert unsigned.status_code == 400 and unsigned.json()["Code"] == "IncompleteSignature"
