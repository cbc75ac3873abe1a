"""GUI entry point: builds the QApplication and the main window."""

from __future__ import annotations

import sys


def run_gui(demo: bool = False, smoke_test: bool = False, endpoint: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("QualDesk")
    app.setOrganizationName("QualDesk")
    window = MainWindow()
    window.show()
    if smoke_test:
        # Exit once the event loop has run, i.e. after the first paint has been delivered.
        QTimer.singleShot(0, lambda: (window.repaint(), app.exit(0)))
    return app.exec()
