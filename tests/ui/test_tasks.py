"""TaskRunner: results arrive on the GUI thread, a new task cancels the stale one."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from app.core.tasks import check_cancelled
from app.core.text import Text, UserError
from app.ui.tasks import TaskRunner


def test_result_and_progress_arrive_in_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    seen: list[tuple[str, bool]] = []
    gui = QThread.currentThread()
    runner.progress.connect(lambda f, note: seen.append((note, QThread.currentThread() is gui)))

    def work(*, progress, cancelled):
        assert QThread.currentThread() is not gui
        progress(0.5, "half")
        return 42

    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.start(work)
    assert blocker.args == [42]
    assert seen == [("half", True)]
    assert runner.wait()
    assert not runner.busy


def test_new_task_cancels_the_stale_one(qtbot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    stale_saw_cancel = threading.Event()

    def slow(*, progress, cancelled):
        started.set()
        for _ in range(500):
            if cancelled():
                stale_saw_cancel.set()
            check_cancelled(cancelled)
            time.sleep(0.01)
        return "stale"

    results: list[object] = []
    runner.finished.connect(results.append)
    runner.start(slow)
    assert started.wait(5)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(lambda *, progress, cancelled: "fresh")
    assert runner.wait()
    assert stale_saw_cancel.is_set()
    assert results == ["fresh"]


def test_user_error_becomes_failed_signal(qtbot) -> None:
    runner = TaskRunner()

    def broken(*, progress, cancelled):
        raise UserError(Text("坏了", "broken"))

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(broken)
    assert blocker.args[0] == Text("坏了", "broken")
    assert runner.wait()
