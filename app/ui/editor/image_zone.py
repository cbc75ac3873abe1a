"""An image field: drop or pick a file, see a thumbnail (click for full size), what intake
did to the file, its quality warnings and, while OCR runs, a busy bar. Replace and remove.

The zone only displays and asks; the editor attaches files and runs OCR (off the GUI thread).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.spec import FieldSpec
from app.ui.i18n import pick
from app.ui.widgets.marks import COLORS
from app.ui.widgets.thumbnail import ImageViewer, Thumbnail

IMAGE_FILTER = "Images (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp *.heic);;All files (*)"


def _muted(text: str = "", color: str = COLORS["muted"]) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {color};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ImageZone(QFrame):
    """`fileChosen(path)` when the user picks one file; `filesChosen(paths)` when several
    are dropped or picked at once (all of them, in one signal, for an image_list: the editor
    attaches them in one job); `removeRequested(index)`."""

    fileChosen = Signal(str)
    filesChosen = Signal(list)
    removeRequested = Signal(int)

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.multiple = spec.type == "image_list"
        self.setObjectName("imageZone")
        self.setAcceptDrops(True)
        self.paths: list[Path] = []
        self.read_only = False
        self.thumbs_box = QHBoxLayout()
        self.thumbs_box.setSpacing(8)
        self.name = QLabel()
        self.name.setStyleSheet("font-weight: 600;")
        self.name.setWordWrap(True)
        self.hint = _muted(self.tr("Drop an image here or choose a file (JPG, PNG or GIF, at most 5 MB)."))
        self.notes = _muted()
        self.warnings = _muted(color=COLORS["warning"])
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumHeight(10)
        self.busy_bar.setTextVisible(False)
        self.busy_note = _muted()
        self.choose = QPushButton()
        self.choose.clicked.connect(self.pick_file)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(lambda: self.removeRequested.emit(0))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        side = QVBoxLayout()
        side.setSpacing(4)
        for w in (self.name, self.hint, self.notes, self.warnings, self.busy_note, self.busy_bar):
            side.addWidget(w)
        side.addLayout(buttons)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(12)
        if self.multiple:
            column = QVBoxLayout()
            column.addLayout(self.thumbs_box)
            column.addLayout(side)
            layout.addLayout(column, 1)
        else:
            self.thumb = Thumbnail()
            self.thumb.clicked.connect(lambda: self.view(0))
            layout.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(side, 1)
        self.set_busy(False)
        self.show_images([], [])
        self.show_intake([], [])

    # ---------------------------------------------------------------- display
    def show_images(self, paths: list[str | Path], names: list[str]) -> None:
        """The attached files (blob paths) and the user's original file names."""
        self.paths = [Path(p) for p in paths]
        has = bool(self.paths)
        if self.multiple:
            self._rebuild_thumbs(names)
            self.name.setText(self.tr("%n file(s) attached", "", len(self.paths)) if has else "")
            self.choose.setText(self.tr("Add a file…"))
            self.remove.hide()
        else:
            self.thumb.show_path(self.paths[0] if has else None)
            self.name.setText(names[0] if has and names else "")
            self.choose.setText(self.tr("Replace…") if has else self.tr("Choose a file…"))
            self.remove.setVisible(has and not self.read_only)
        self.name.setVisible(has)
        self.hint.setVisible(not has)

    def _rebuild_thumbs(self, names: list[str]) -> None:
        while self.thumbs_box.count():
            item = self.thumbs_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for index, path in enumerate(self.paths):
            cell = QWidget()
            grid = QGridLayout(cell)
            grid.setContentsMargins(0, 0, 0, 0)
            thumb = Thumbnail(QSize(112, 80))
            thumb.show_path(path)
            thumb.setToolTip(names[index] if index < len(names) else path.name)
            thumb.clicked.connect(lambda i=index: self.view(i))
            drop = QPushButton(self.tr("Remove"))
            drop.setEnabled(not self.read_only)
            drop.clicked.connect(lambda _=False, i=index: self.removeRequested.emit(i))
            grid.addWidget(thumb, 0, 0)
            grid.addWidget(drop, 1, 0)
            self.thumbs_box.addWidget(cell)
        self.thumbs_box.addStretch(1)

    def show_intake(self, notes: list[str], warnings: list[str]) -> None:
        """What intake changed (converted, recompressed, rotated) and quality warnings."""
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))

    def set_busy(self, busy: bool, note: str = "") -> None:
        self.busy_bar.setVisible(busy)
        self.busy_note.setText(note)
        self.busy_note.setVisible(busy and bool(note))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.setAcceptDrops(not read_only)
        self.choose.setEnabled(not read_only)
        self.remove.setVisible(bool(self.paths) and not read_only and not self.multiple)

    # ---------------------------------------------------------------- input
    def pick_file(self) -> None:
        if self.multiple:
            paths, _ = QFileDialog.getOpenFileNames(self, pick(self.spec.label), "", IMAGE_FILTER)
            if paths:
                self.filesChosen.emit(paths)
            return
        path, _ = QFileDialog.getOpenFileName(self, pick(self.spec.label), "", IMAGE_FILTER)
        if path:
            self.fileChosen.emit(path)

    def view(self, index: int) -> None:
        if 0 <= index < len(self.paths):
            ImageViewer(self.paths[index], pick(self.spec.label), self).exec()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if not self.read_only and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if self.multiple and files:
            self.filesChosen.emit(files)
        elif files:
            self.fileChosen.emit(files[0])
        event.acceptProposedAction()
