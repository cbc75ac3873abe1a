"""Expiry notices fire when a qualification *enters* expiring-soon or expired — once, across
restarts — and again if it is renewed and later expires again. No names in the notice."""

from __future__ import annotations

from datetime import date

from app.ui.notify import ExpiryNotifier
from app.ui.tracker.rows import tracked_row

TODAY = date(2026, 3, 10)


def rows(**ends: str) -> list:
    return [tracked_row({"group_id": int(gid[1:]), "state": "approved", "expiry_end": end,
                         "expiry_document": "admin_id", "name": "杭州某某科技有限公司-王伟",
                         "company": "杭州某某科技有限公司", "legal_person": "王伟"}, TODAY, 7)
            for gid, end in ends.items()]


def test_notice_on_entering_only(qtbot) -> None:
    notifier = ExpiryNotifier(use_tray=False)
    seen: list[tuple[str, str]] = []
    notifier.notice.connect(lambda title, message: seen.append((title, message)))
    first = notifier.check(rows(g1="2026-03-12", g2="2026-03-01", g3="2027-01-01"))
    assert sorted(r.group_id for r in first) == [1, 2]
    assert len(seen) == 1 and "1" in seen[0][1]
    assert "王伟" not in seen[0][1] and "杭州" not in seen[0][1]

    restarted = ExpiryNotifier(use_tray=False)  # state survives in QSettings
    assert restarted.check(rows(g1="2026-03-12", g2="2026-03-01", g3="2027-01-01")) == []
    # g1 moves on from expiring soon to expired: that is a new notice.
    assert [r.group_id for r in restarted.check(rows(g1="2026-03-09", g2="2026-03-01"))] == [1]
    # g2 is renewed, then expires again later: announced again.
    assert restarted.check(rows(g1="2026-03-09", g2="2030-01-01")) == []
    assert [r.group_id for r in restarted.check(rows(g1="2026-03-09", g2="2026-03-02"))] == [2]
