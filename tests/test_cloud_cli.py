"""`qualdesk status` and `qualdesk simulator` through real subprocesses, credentials in the
environment, the simulator (or a dead/hung endpoint) behind `--endpoint`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cloud.simulator import DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, Simulator
from app.cloud.simulator import running_simulator as start

ROOT = Path(__file__).resolve().parent.parent
KEYS = ["group_id", "name", "company", "legal_person", "state", "state_raw", "work_order_id",
        "audit_remark", "audit_time", "created", "use_by_self"]


@pytest.fixture(scope="module")
def sim() -> Iterator[Simulator]:
    with start(records=120, fail_rate=0.2) as server:
        yield server


def qualdesk(*args: str, secret: str = DEMO_ACCESS_KEY_SECRET, **env: str
             ) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ALIBABA_CLOUD_ACCESS")}
    clean.update({"ALIBABA_CLOUD_ACCESS_KEY_ID": DEMO_ACCESS_KEY_ID,
                  "ALIBABA_CLOUD_ACCESS_KEY_SECRET": secret, "PYTHONIOENCODING": "utf-8", **env})
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=90, env=clean)


def test_list_json_all_pages_normalised_and_masked(sim: Simulator) -> None:
    out = qualdesk("status", "list", "--json", "--endpoint", sim.endpoint)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert sorted(r["group_id"] for r in rows) == sorted(r.group_id for r in sim.records)
    assert all(list(r) == KEYS for r in rows)
    assert {r["state"] for r in rows} == {"reviewing", "approved", "rejected",
                                          "needs_supplement", "withdrawn"}
    for rec in sim.records:  # no full name anywhere in the output
        assert rec.legal_person not in out.stdout and rec.company not in out.stdout
    row = next(r for r in rows if r["group_id"] == sim.records[0].group_id)
    assert row["legal_person"] == sim.records[0].legal_person[0] + "*" * (
        len(sim.records[0].legal_person) - 1)


def test_list_filters_and_show_sensitive(sim: Simulator) -> None:
    out = qualdesk("--endpoint", sim.endpoint, "status", "list", "--json", "--state",
                   "rejected", "--use-by-self", "true", "--show-sensitive")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    expected = {r.group_id: r for r in sim.records if r.state == "NOT_PASS" and r.use_by_self}
    assert {r["group_id"] for r in rows} == set(expected) and rows
    assert all(r["company"] == expected[r["group_id"]].company for r in rows)


def test_list_table_is_readable(sim: Simulator) -> None:
    out = qualdesk("status", "list", "--endpoint", sim.endpoint, "--lang", "zh")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("资质 ID") and len(lines) == len(sim.records) + 1
    assert "未通过" in out.stdout and "审核中" in out.stdout


def test_show_rejected_gives_reason_and_masks_the_detail(sim: Simulator) -> None:
    rejected = next(r for r in sim.records if r.state == "NOT_PASS")
    out = qualdesk("status", "show", str(rejected.group_id), "--json", "--endpoint",
                   sim.endpoint)
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout)
    assert shown["state"] == "rejected" and shown["audit_remark"] == rejected.audit_remark
    assert shown["expiry"]["state"] in ("valid", "expiring_soon", "expired")
    assert shown["detail"]["AdminName"].endswith("*")
    assert rejected.admin_name not in out.stdout and rejected.legal_person not in out.stdout
    text = qualdesk("status", "show", str(rejected.group_id), "--endpoint", sim.endpoint,
                    "--lang", "en")
    assert f"Rejection reason: {rejected.audit_remark}" in text.stdout


def test_wrong_secret_is_a_clear_error(sim: Simulator) -> None:
    out = qualdesk("status", "list", "--endpoint", sim.endpoint, "--lang", "en",
                   secret="not-it")
    assert out.returncode == 3
    assert "secret is wrong" in out.stderr and "Traceback" not in out.stderr
    assert "not-it" not in out.stderr + out.stdout


def test_dead_endpoint_is_a_clear_error() -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    out = qualdesk("status", "list", "--endpoint", f"http://127.0.0.1:{port}", "--lang", "zh")
    assert out.returncode == 3
    assert "连接被拒绝" in out.stderr and "Traceback" not in out.stderr


def test_hung_endpoint_times_out_with_a_clear_error() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        out = qualdesk("status", "show", "10000001", "--endpoint",
                       f"http://127.0.0.1:{listener.getsockname()[1]}", "--lang", "en",
                       QUALDESK_READ_TIMEOUT="1")
    finally:
        listener.close()
    assert out.returncode == 3
    assert "did not answer within 1 s" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("args", [
    ["status", "list", "--state", "sideways"],
    ["status", "list", "--endpoint", "ftp://nowhere"],
    ["status", "show", "abc"],
    ["status", "list", "--use-by-self", "maybe"],
])
def test_bad_input_exits_2_without_traceback(args: list[str]) -> None:
    out = qualdesk(*args, "--lang", "en")
    assert out.returncode == 2 and out.stderr.strip() and "Traceback" not in out.stderr


def test_sync_command_fills_the_store(sim: Simulator, tmp_path: Path) -> None:
    out = qualdesk("status", "sync", "--json", "--endpoint", sim.endpoint,
                   QUALDESK_HOME=str(tmp_path))
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["total"] == len(sim.records) == len(report["new"])
    again = qualdesk("status", "sync", "--endpoint", sim.endpoint, "--lang", "en",
                     QUALDESK_HOME=str(tmp_path))
    assert f"0 new, 0 changed, {len(sim.records)} unchanged" in again.stdout


def test_simulator_command_serves_the_status_commands() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "simulator", "--port", "0", "--records", "60",
         "--lang", "en"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        endpoint = first.split(" at ")[1].split()[0]
        out = qualdesk("status", "list", "--json", "--endpoint", endpoint)
        assert out.returncode == 0, out.stderr
        assert len(json.loads(out.stdout)) == 60
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
