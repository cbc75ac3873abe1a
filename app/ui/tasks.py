"""Runs a slow core function off the GUI thread and delivers progress/result/error by signals.

The core function has the `app.core.tasks` signature: `fn(*, progress, cancelled)`. A
`TaskRunner` owns at most one live task: starting a new one cancels the stale one, whose late
result is then dropped (Orange3's TaskState, Anki's QueryOp). Signals are emitted from the
worker thread through a QObject that lives in the GUI thread, so slots always run there.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from app.core.tasks import Cancelled
from app.core.text import Text, UserError

log = logging.getLogger(__name__)

UNEXPECTED = Text("发生了意外错误：{detail}", "Something unexpected went wrong: {detail}")


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, token: int,
                 cancel_event: threading.Event) -> None:
        super().__init__()
        self.fn, self.relay, self.token, self.cancel_event = fn, relay, token, cancel_event
        self.setAutoDelete(True)

    def run(self) -> None:
        def emit(signal: Any, *args: Any) -> None:
            with contextlib.suppress(RuntimeError):  # the relay is gone (application exit)
                signal.emit(self.token, *args)

        def progress(fraction: float | None, note: str) -> None:
            if not self.cancel_event.is_set():
                emit(self.relay.progress, -1.0 if fraction is None else fraction, note)

        try:
            result = self.fn(progress=progress, cancelled=self.cancel_event.is_set)
        except Cancelled:
            pass  # nobody waits for a cancelled task's outcome
        except UserError as exc:
            emit(self.relay.failed, exc.text)
        except Exception as exc:  # a bug must reach the user as a message, not kill the app
            log.exception("background task failed")
            emit(self.relay.failed, UNEXPECTED.format(detail=type(exc).__name__))
        else:
            emit(self.relay.finished, result)
        finally:
            emit(self.relay.done)


class _Relay(QObject):
    """Lives in the GUI thread; cross-thread emits are queued to it. It belongs to the
    application, not to its runner: a page (and its runner) may be deleted while a job is
    still running, and the job must never emit on a deleted object. The relay deletes itself
    once its runner is gone and its last job has finished."""

    progress = Signal(int, float, str)
    finished = Signal(int, object)
    failed = Signal(int, object)
    done = Signal(int)

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.jobs = 0
        self.orphaned = False
        self.done.connect(self._job_done)

    def _job_done(self, _token: int) -> None:
        self.jobs -= 1
        self._maybe_retire()

    def orphan(self) -> None:
        self.orphaned = True
        self._maybe_retire()

    def _maybe_retire(self) -> None:
        if self.orphaned and self.jobs <= 0:
            self.deleteLater()


class TaskRunner(QObject):
    """One slot for background work. Signals carry only the current task's outcome.

    progress(fraction -1 when unknown, note) · finished(result) · failed(Text) · busyChanged(bool)
    """

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()
        self.destroyed.connect(self._relay.orphan)
        self._relay.progress.connect(self._on_progress)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._relay.done.connect(self._on_done)
        self._token = 0
        self._cancel: threading.Event | None = None
        self._running: set[int] = set()

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def start(self, fn: Callable[..., Any]) -> None:
        """Run `fn(progress=..., cancelled=...)` in the pool, cancelling any stale task."""
        self.cancel()
        self._token += 1
        self._cancel = threading.Event()
        self._running.add(self._token)
        self._relay.jobs += 1
        self._pool.start(_Job(fn, self._relay, self._token, self._cancel))
        self.busyChanged.emit(True)

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None
            self.busyChanged.emit(False)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until this runner's jobs are gone (for shutdown and tests)."""
        from PySide6.QtCore import QDeadlineTimer

        deadline = QDeadlineTimer(msecs)
        while self._running and not deadline.hasExpired():
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
        return not self._running

    def _current(self, token: int) -> bool:
        return token == self._token and self._cancel is not None

    def _on_progress(self, token: int, fraction: float, note: str) -> None:
        if self._current(token):
            self.progress.emit(fraction, note)

    def _on_finished(self, token: int, result: object) -> None:
        if self._current(token):
            self._cancel = None
            self.busyChanged.emit(False)
            self.finished.emit(result)

    def _on_failed(self, token: int, message: object) -> None:
        if self._current(token):
            self._cancel = None
            self.busyChanged.emit(False)
            self.failed.emit(message)

    def _on_done(self, token: int) -> None:
        self._running.discard(token)
