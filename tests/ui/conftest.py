"""GUI test fixtures: a test fails if it leaves worker threads or timers running."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """As the app does (app/ui/gc_guard.py): no automatic collection, which could run in a
    worker thread and destroy Qt objects there; each test's teardown collects instead."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def no_leftover_work(qapp, tmp_path) -> Iterator[None]:  # noqa: ANN001 (pytest fixtures)
    from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    # Settings go to the test's own folder, never the developer's real QualDesk settings.
    QCoreApplication.setOrganizationName("QualDeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    # Every GUI test starts in English, whatever the machine's locale or the previous test chose.
    from app.ui.i18n import language

    language().set("en")
    yield
    pool = QThreadPool.globalInstance()
    for widget in QApplication.topLevelWidgets():
        widget.close()
    QCoreApplication.processEvents()
    # Work that is still running after the test has given up its widgets is a leak.
    leaked = pool.activeThreadCount()
    pool.waitForDone(10000)
    assert leaked == 0, f"{leaked} worker thread(s) still running after the test"
    timers = [t for w in QApplication.allWidgets() for t in w.findChildren(QTimer) if t.isActive()]
    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.processEvents()
    gc.collect()
    assert not timers, f"{len(timers)} active QTimer(s) left behind by the test"
