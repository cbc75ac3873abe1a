"""Render resources/icons/qualdesk.svg into the app icon files: PNG sizes, .ico, .icns.

Qt's SVG renderer draws the master at 1024 px; Pillow downsamples it and writes the Windows
.ico and the macOS .icns, so the icons come from one source on any OS. Run after editing the
SVG: `python packaging/make_icons.py`.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "qualdesk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_svg(svg: Path, size: int) -> Image.Image:
    """Draw the SVG into a transparent size x size RGBA image."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def write_icons(master: Image.Image, folder: Path) -> list[Path]:
    """Write qualdesk-N.png for every size, qualdesk.ico and qualdesk.icns into folder."""
    written = []
    for size in PNG_SIZES:
        path = folder / f"qualdesk-{size}.png"
        master.resize((size, size), Image.Resampling.LANCZOS).save(path, optimize=True)
        written.append(path)
    ico = folder / "qualdesk.ico"
    master.save(ico, sizes=[(s, s) for s in ICO_SIZES])
    icns = folder / "qualdesk.icns"
    master.save(icns)  # Pillow writes every ICNS size from the 1024 px master
    return [*written, ico, icns]


def main() -> int:
    for path in write_icons(render_svg(SOURCE, 1024), ICONS):
        print(f"wrote {path.relative_to(ICONS.parent.parent)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
