"""GUI entry point: builds the QApplication, the context and the main window's pages."""

from __future__ import annotations

import sys

from app.ui.context import AppContext


def build_pages(context: AppContext) -> list:
    """The main window's pages, in navigation order."""
    return []


def run_gui(demo: bool = False, smoke_test: bool = False, endpoint: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("QualDesk")
    app.setOrganizationName("QualDesk")
    context = AppContext(endpoint=endpoint, demo=demo)
    window = MainWindow(build_pages(context))
    window.show()
    if smoke_test:
        # Exit once the event loop has run, i.e. after the first paint has been delivered.
        QTimer.singleShot(0, lambda: (window.repaint(), app.exit(0)))
    return app.exec()
