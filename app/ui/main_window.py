"""The main window: it only assembles pages — a navigation list, a page stack, a status bar —
and remembers its geometry. Pages own their models and views."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.core.text import Text
from app.ui.i18n import language, pick


class Page(QWidget):
    """A page of the main window. `nav_text` labels it in the navigation."""

    nav_text = Text("页面", "Page")

    def on_shown(self) -> None:
        """Called each time the page becomes visible (refresh cheap views here)."""

    def shutdown(self) -> None:
        """Called on close: cancel background work, flush pending writes."""


class MainWindow(QMainWindow):
    def __init__(self, pages: list[Page] | None = None) -> None:
        super().__init__()
        self.setWindowTitle(f"QualDesk {__version__}")
        self.pages: list[Page] = []
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding-left: 12px; }")
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._show_page)
        for page in pages or []:
            self.add_page(page)
        language().changed.connect(self._retranslate)
        self.statusBar()
        self._restore_geometry()

    def add_page(self, page: Page) -> None:
        self.pages.append(page)
        self.stack.addWidget(page)
        item = QListWidgetItem(pick(page.nav_text))
        item.setSizeHint(QSize(0, 36))
        self.nav.addItem(item)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def show_page(self, page: Page) -> None:
        self.nav.setCurrentRow(self.pages.index(page))

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.pages[row].on_shown()

    def _retranslate(self) -> None:
        for row, page in enumerate(self.pages):
            self.nav.item(row).setText(pick(page.nav_text))

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 800)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        for page in self.pages:
            page.shutdown()
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)

