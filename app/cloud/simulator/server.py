"""A local dysmsapi: the two query actions over the RPC wire format tea-openapi sends
(POST /?<params>, `x-acs-action` / `x-acs-version` headers, ACS3-HMAC-SHA256 signature),
with realistic data, signature checks like the real gateway, and injected faults.

Faults: each request fails with probability `fail_rate` (half `Throttling.User` HTTP 400,
half `ServiceUnavailable` HTTP 503), but never more than `MAX_CONSECUTIVE_FAULTS` times in a
row for the same request, so a client that retries gets through and demos stay reproducible.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from app.cloud.simulator.data import SimRecord, generate_records
from app.cloud.simulator.signing import parse_authorization, signature_matches

DEMO_ACCESS_KEY_ID = "LTAIdemoQualDeskSim0001"
DEMO_ACCESS_KEY_SECRET = "demo-secret"
VERSION = "2017-05-25"
ACTIONS = ("QuerySmsQualificationRecord", "QuerySingleSmsQualification")
REQUIRED_SIGNED = ("host", "x-acs-action", "x-acs-content-sha256", "x-acs-date",
                   "x-acs-signature-nonce", "x-acs-version")
MAX_SKEW = timedelta(minutes=15)
MAX_CONSECUTIVE_FAULTS = 2
LIST_STATES = ("INIT", "PASS", "NOT_PASS", "NOT_FINISH", "CANCEL")


class ApiFault(Exception):
    """An error answer: HTTP status, error code, message."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(code)
        self.status, self.code, self.message = status, code, message


class Simulator:
    """The service's state: records, accounts, fault settings and counters."""

    def __init__(self, records: int = 120, *, seed: int = 20250501, today: date | None = None,
                 latency_ms: float = 0, fail_rate: float = 0.0,
                 access_key_id: str = DEMO_ACCESS_KEY_ID,
                 access_key_secret: str = DEMO_ACCESS_KEY_SECRET,
                 denied_actions: frozenset[str] = frozenset()):
        self.seed, self.today = seed, today or date.today()
        self.records: list[SimRecord] = generate_records(records, seed, self.today)
        self.accounts = {access_key_id: access_key_secret}
        self.latency_ms, self.fail_rate = latency_ms, fail_rate
        self.denied_actions = set(denied_actions)
        self.stats: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._rng = random.Random(seed)
        self._nonces: set[str] = set()
        self._fault_streak: Counter[str] = Counter()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- changing the data (tests, demo) --------------------------------------------------

    def record(self, group_id: int) -> SimRecord:
        return next(r for r in self.records if r.group_id == group_id)

    def set_state(self, group_id: int, state: str, remark: str = "N/A") -> None:
        """A review decision: new list state, remark, and a fresh audit time."""
        with self._lock:
            rec = self.record(group_id)
            rec.state, rec.audit_remark = state, remark
            rec.audit_time = max(rec.audit_time + timedelta(minutes=1),
                                 datetime.now().replace(microsecond=0))

    def add_records(self, count: int) -> list[SimRecord]:
        """Newly submitted qualifications, continuing the deterministic sequence."""
        with self._lock:
            more = generate_records(len(self.records) + count, self.seed, self.today)
            added = more[len(self.records):]
            self.records.extend(added)
            return added

    # -- serving --------------------------------------------------------------------------

    def start(self, host: str = "127.0.0.1", port: int = 0) -> Simulator:
        server = ThreadingHTTPServer((host, port), _make_handler(self))
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, args=(0.05,),
                                        name="dysms-simulator", daemon=True)
        self._thread.start()
        return self

    def wait(self) -> None:
        """Block until stopped; joins in slices so Ctrl-C reaches the caller."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(0.5)

    @property
    def port(self) -> int:
        assert self._server is not None, "not started"
        return int(self._server.server_address[1])

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    # -- one request ----------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes
               ) -> tuple[int, dict[str, Any]]:
        self.stats["requests"] += 1
        if self.latency_ms:
            time.sleep(self.latency_ms / 1000)
        try:
            url = urlsplit(target)
            query = dict(parse_qsl(url.query, keep_blank_values=True))
            self._authenticate(method, url.path or "/", query, headers, body)
            params = dict(query)
            if headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
                params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
            action = headers.get("x-acs-action", "")
            if action in self.denied_actions:
                raise ApiFault(403, "Forbidden.RAM",
                               f"User not authorized to operate on the specified resource "
                               f"(dysms:{action}).")
            self._maybe_fault(action, params)
            data = self._dispatch(action, params)
            self.stats[f"ok:{action}"] += 1
            return 200, {"Code": "OK", "Message": "OK", "Success": True, **data}
        except ApiFault as fault:
            self.stats[f"fault:{fault.code}"] += 1
            return fault.status, {"Code": fault.code, "Message": fault.message}

    def _authenticate(self, method: str, path: str, query: dict[str, str],
                      headers: dict[str, str], body: bytes) -> None:
        auth = parse_authorization(headers.get("authorization"))
        if auth is None:
            raise ApiFault(400, "IncompleteSignature", "The Authorization header is missing "
                           "or is not ACS3-HMAC-SHA256.")
        missing = [h for h in REQUIRED_SIGNED if h not in auth.signed_headers]
        if missing:
            raise ApiFault(400, "IncompleteSignature", f"Headers must be signed: {missing}")
        secret = self.accounts.get(auth.access_key_id)
        if secret is None:
            raise ApiFault(404, "InvalidAccessKeyId.NotFound", "Specified access key is not "
                           "found.")
        payload_hash = hashlib.sha256(body).hexdigest()
        if headers.get("x-acs-content-sha256") != payload_hash:
            raise ApiFault(400, "ContentSHA256NotMatch", "The payload hash does not match.")
        if not signature_matches(secret, auth, method, path, query, headers, payload_hash):
            raise ApiFault(400, "SignatureDoesNotMatch", "Specified signature does not match "
                           "our calculation.")
        try:
            sent = datetime.strptime(headers.get("x-acs-date", ""), "%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            raise ApiFault(400, "InvalidTimeStamp.Format", "Bad x-acs-date.") from None
        if abs(datetime.now(UTC).replace(tzinfo=None) - sent) > MAX_SKEW:
            raise ApiFault(400, "InvalidTimeStamp.Expired", "Specified time stamp or date "
                           "value is expired.")
        nonce = headers.get("x-acs-signature-nonce", "")
        with self._lock:
            if nonce in self._nonces:
                raise ApiFault(400, "SignatureNonceUsed", "Specified signature nonce was "
                               "used already.")
            self._nonces.add(nonce)
        if headers.get("x-acs-version") != VERSION:
            raise ApiFault(400, "InvalidVersion", "Specified parameter Version is not valid.")

    def _maybe_fault(self, action: str, params: dict[str, str]) -> None:
        if not self.fail_rate:
            return
        key = action + json.dumps(sorted(params.items()), ensure_ascii=False)
        with self._lock:
            fail = (self._fault_streak[key] < MAX_CONSECUTIVE_FAULTS
                    and self._rng.random() < self.fail_rate)
            self._fault_streak[key] = self._fault_streak[key] + 1 if fail else 0
            throttle = self._rng.random() < 0.5
        if fail and throttle:
            raise ApiFault(400, "Throttling.User", "Request was denied due to user flow "
                           "control.")
        if fail:
            raise ApiFault(503, "ServiceUnavailable", "The request has failed due to a "
                           "temporary failure of the server.")

    def _dispatch(self, action: str, params: dict[str, str]) -> dict[str, Any]:
        if action == "QuerySmsQualificationRecord":
            return self._list(params)
        if action == "QuerySingleSmsQualification":
            return self._single(params)
        raise ApiFault(404, "InvalidAction.NotFound", f"Specified api is not found: {action}")

    def _list(self, params: dict[str, str]) -> dict[str, Any]:
        page_no = _int_param(params, "PageNo", 1)
        page_size = _int_param(params, "PageSize", 20)
        if not 1 <= page_size <= 50:
            raise ApiFault(400, "InvalidParameter", "PageSize must be between 1 and 50.")
        if page_no < 1:
            raise ApiFault(400, "InvalidParameter", "PageNo must be 1 or more.")
        state = params.get("State")
        if state and state not in LIST_STATES:
            raise ApiFault(400, "InvalidParameter", "State is not valid.")
        use = params.get("UseBySelf", "").lower()
        work_order = _int_param(params, "WorkOrderId", None)
        with self._lock:
            rows = [r for r in sorted(self.records, key=lambda r: r.group_id, reverse=True)
                    if (not state or r.state == state)
                    and params.get("QualificationGroupName", "") in r.name
                    and params.get("CompanyName", "") in r.company
                    and params.get("LegalPersonName", "") in r.legal_person
                    and (work_order is None or r.work_order_id == work_order)
                    and (use not in ("true", "false") or r.use_by_self == (use == "true"))]
            start = (page_no - 1) * page_size
            items = [r.list_item() for r in rows[start:start + page_size]]
        return {"Data": {"PageNo": page_no, "PageSize": page_size, "Total": len(rows),
                         "List": items}}

    def _single(self, params: dict[str, str]) -> dict[str, Any]:
        group_id = _int_param(params, "QualificationGroupId", None)
        if group_id is None:
            raise ApiFault(400, "MissingQualificationGroupId",
                           "QualificationGroupId is mandatory for this action.")
        with self._lock:
            found = [r for r in self.records if r.group_id == group_id]
            detail = found[0].detail() if found else None
        if detail is None:  # a business error: HTTP 200 with an error Code, as dysmsapi does
            raise ApiFault(200, "QualificationNotExist", "The qualification does not exist.")
        return {"Data": detail}


def _int_param(params: dict[str, str], name: str, default: int | None) -> Any:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ApiFault(400, "InvalidParameter", f"{name} is not a number.") from None


def _make_handler(sim: Simulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: the SDK's connection pool reuses sockets
        server_version = "QualDeskSimulator"
        disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stall

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, payload = sim.handle(self.command, self.path, headers, body)
            data = json.dumps({"RequestId": str(uuid.uuid4()).upper(), **payload},
                              ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("content-type", "application/json;charset=utf-8")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_POST = do_GET = _serve  # noqa: N815 - http.server's naming

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet: request lines carry filter values (names)."""

    return Handler


@contextlib.contextmanager
def running_simulator(records: int = 120, **options: Any) -> Iterator[Simulator]:
    """A simulator on a free local port for the duration of the block."""
    sim = Simulator(records, **options).start()
    try:
        yield sim
    finally:
        sim.stop()
