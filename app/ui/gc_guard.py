"""Python's cyclic garbage collector runs in whichever thread happens to allocate. When that
is a worker thread and the garbage holds Qt objects, their C++ side is destroyed off the GUI
thread, which crashes (seen here as a segfault "Garbage-collecting" in a pool thread). So the
GUI disables automatic collection and collects on the GUI thread instead, as pyqtgraph's
GarbageCollector does."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadGarbageCollector(QObject):
    """Collects generation by generation on a GUI-thread timer once the thresholds are hit."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                break

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
