"""`qualdesk --demo`: a throw-away folder, the in-process simulator, every state seeded (an
expiring and an expired one included), drafts, and nothing left behind afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from app.store.db import open_store
from app.store.listing import list_drafts
from app.store.tracked import list_qualifications, state_history
from app.ui.context import AppContext
from app.ui.demo import start_demo
from app.ui.tracker.rows import BADGE_STATES, tracked_row


def test_demo_seeds_every_state_and_cleans_up(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("QUALDESK_HOME", os.environ["QUALDESK_HOME"])  # restored afterwards
    context = AppContext()
    session = start_demo(context)
    try:
        home = Path(context.home)
        assert home.is_dir() and home.name.startswith("qualdesk-demo-")
        assert os.environ["QUALDESK_HOME"] == str(home)
        assert context.endpoint == session.simulator.endpoint and context.demo
        store = open_store(home)
        rows = [tracked_row(r, date.today(), 7) for r in list_qualifications(store)]
        assert {r.badge for r in rows} >= set(BADGE_STATES) - {"unknown"}
        assert any(r.raw["audit_remark"] not in (None, "", "N/A") for r in rows
                   if r.badge == "rejected")
        histories = [state_history(store, r.group_id) for r in rows]
        assert any(len(h) == 2 for h in histories)  # reviewing → approved after a decision
        assert {d.form for d in list_drafts(store)} == {"general", "number400"}
        store.close()
    finally:
        session.close()
    assert not home.exists()


def test_demo_smoke_test_exits_cleanly(tmp_path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "app", "--demo", "--smoke-test"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("qualdesk-demo-*")), "the demo folder was left behind"
