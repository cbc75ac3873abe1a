"""The main window: it only assembles pages."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from app import __version__


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(f"QualDesk {__version__}")
        self.setCentralWidget(QLabel("QualDesk"))
        self.resize(1100, 760)
