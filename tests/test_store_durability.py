"""The kill test: a writer is SIGKILLed at random moments; every confirmed write survives."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from app.store import get_draft, list_drafts, open_store

ROOT = Path(__file__).resolve().parent.parent
RUNS = 40

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX only)"),
]


def run_and_kill(home: Path, image: Path, start_seq: int, rng: random.Random) -> list[str]:
    """Start a writer, kill it at a random moment, return the lines it confirmed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.kill_writer", str(home), str(image), str(start_seq)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        bufsize=0)  # unbuffered: readline must not swallow lines communicate() should see
    if rng.random() < 0.15:
        time.sleep(rng.uniform(0.0, 0.4))  # sometimes during start-up and migrations
    else:
        assert proc.stdout is not None
        assert proc.stdout.readline() == b"ready\n", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.005, 0.25))
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err.decode("utf-8", "replace")
    # A line without its newline was not confirmed; "ready" is not a write.
    lines = out.decode("utf-8").splitlines(keepends=True)
    return [line for line in lines if line.endswith("\n") and line != "ready\n"]


def test_confirmed_writes_survive_sigkill(tmp_path: Path) -> None:
    home = tmp_path / "home"
    rng = random.Random(int.from_bytes(os.urandom(4)))
    created: dict[str, int] = {}  # draft id -> seq of its creation
    latest: dict[str, int] = {}  # draft id -> highest confirmed remarks seq
    attached: dict[str, set[str]] = {}  # draft id -> confirmed blob hashes
    for run in range(RUNS):
        for line in run_and_kill(home, tmp_path / f"img{run}.png", run * 1_000_000, rng):
            kind, draft_id, value = line.split()
            if kind == "created":
                created[draft_id] = latest[draft_id] = int(value)
            elif kind == "updated":
                latest[draft_id] = max(latest[draft_id], int(value))
            elif kind == "attached":
                attached.setdefault(draft_id, set()).add(value)
    assert len(created) >= RUNS // 2 and sum(latest.values()) > 0

    with closing(sqlite3.connect(home / "qualdesk.sqlite3")) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    with open_store(home) as store:
        for draft_id, seq in created.items():
            d = get_draft(store, draft_id)
            assert d.values["enterprise_name"] == f"企业{seq}"
            # The writer may have committed one more edit than it could confirm: never fewer.
            assert int(d.values["remarks"]) >= latest[draft_id]
        for draft_id, hashes in attached.items():
            refs = get_draft(store, draft_id).images["additional_attachments"]
            assert hashes <= {r.sha256 for r in refs}
            for r in refs:
                assert hashlib.sha256(r.path.read_bytes()).hexdigest() == r.sha256
        assert len(list_drafts(store)) >= len(created)
