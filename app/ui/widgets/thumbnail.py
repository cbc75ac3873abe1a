"""Image thumbnails decoded at reduced size (cheap even for a 12-megapixel photo) and a
full-size viewer dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImageReader, QMouseEvent, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget


def load_scaled(path: str | Path, box: QSize) -> QPixmap:
    """Decode `path` scaled to fit `box` (JPEG decodes at reduced resolution); null if unreadable."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > box.width() or size.height() > box.height()):
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


class Thumbnail(QLabel):
    """A clickable preview; `clicked` asks for the full-size view."""

    clicked = Signal()

    def __init__(self, size: QSize | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        size = size or QSize(168, 112)
        self.box = size
        self.setFixedSize(size)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("QLabel { background: #f2f2f2; border: 1px solid #d0d0d0; color: #888; }")
        self.path: Path | None = None
        self.show_path(None)

    def show_path(self, path: str | Path | None) -> None:
        self.path = Path(path) if path else None
        pixmap = load_scaled(self.path, self.box - QSize(4, 4)) if self.path else QPixmap()
        if pixmap.isNull():
            self.setPixmap(QPixmap())
            self.setText(self.tr("No image") if self.path is None else self.tr("Cannot show"))
            self.setCursor(Qt.CursorShape.ArrowCursor)
        else:
            self.setPixmap(pixmap)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(self.tr("Click to see it at full size"))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self.path is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class ImageViewer(QDialog):
    """The image at full size (scaled down to the screen when larger), scrollable."""

    def __init__(self, path: str | Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        screen = QGuiApplication.primaryScreen().availableSize()
        box = QSize(int(screen.width() * 0.85), int(screen.height() * 0.85))
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = load_scaled(path, QSize(4000, 4000))
        label.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(label)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.resize(pixmap.size().boundedTo(box).expandedTo(QSize(320, 240)) + QSize(24, 24))
