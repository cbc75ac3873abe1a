"""TaskRunner: results arrive on the GUI thread, a new task cancels the stale one."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QThread, QThreadPool

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


def test_a_job_outliving_its_runner_finishes_quietly(qtbot) -> None:
    """A page (and its runner) deleted mid-task: the job still emits on a live relay, and the
    relay goes away once the job is done."""
    from PySide6.QtCore import QCoreApplication

    release = threading.Event()
    runner = TaskRunner()

    def slow(*, progress, cancelled):
        release.wait(5)
        progress(1.0, "late")
        return "late result"

    runner.start(slow)
    relay = runner._relay
    shiboken6.delete(runner)  # the page and its runner are gone; the job is still running
    assert shiboken6.isValid(relay), "the job's relay must outlive its runner"
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(relay), timeout=3000)  # then it retires
    QCoreApplication.processEvents()
