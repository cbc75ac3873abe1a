"""GUI entry point: builds the QApplication, the context and the main window's pages."""

from __future__ import annotations

import sys

from app.ui.context import AppContext


def build_pages(context: AppContext) -> list:
    """The main window's pages, in navigation order."""
    from app.ui.drafts.page import DraftsPage
    from app.ui.settings.page import SettingsPage
    from app.ui.tracker.page import TrackerPage

    # The drafts page sets `context.open_draft` (it shows itself with the editor), which the
    # tracker's "Update expired" and "Prepare a corrected resubmission" call.
    pages: list = [DraftsPage(context), TrackerPage(context), SettingsPage(context)]
    return pages


def run_gui(demo: bool = False, smoke_test: bool = False, endpoint: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("QualDesk")
    app.setOrganizationName("QualDesk")
    from app.ui.gc_guard import MainThreadGarbageCollector
    from app.ui.i18n import language, resolve_lang

    collector = MainThreadGarbageCollector(app)
    from app.ui.settings.values import load_settings

    context = AppContext(endpoint=endpoint, demo=demo)
    demo_session = None
    if demo:
        from app.ui.demo import start_demo

        demo_session = start_demo(context)  # before settings: the demo has its own
    lang = language()
    lang.set(resolve_lang(load_settings().language))
    lang.install()
    window = MainWindow(build_pages(context))
    window.show()
    if smoke_test:
        # Exit once the event loop has run, i.e. after the first paint has been delivered.
        QTimer.singleShot(0, lambda: (window.repaint(), app.exit(0)))
    try:
        return app.exec()
    finally:
        if window.isVisible():  # quit without a close event (smoke test, app.exit)
            for page in window.pages:
                page.shutdown()
        if demo_session is not None:
            demo_session.close()
        collector.stop()
