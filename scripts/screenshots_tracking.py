"""Render the tracking screens to docs/screenshots/ (offscreen, both languages):
tracker_<lang>.png, detail_masked_<lang>.png, detail_unmasked_<lang>.png, settings_<lang>.png.

Runs the real demo (throw-away data folder + in-process simulator), so the pictures show
what `qualdesk --demo` shows. Usage: python scripts/screenshots_tracking.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.ui.context import AppContext  # noqa: E402
from app.ui.demo import start_demo  # noqa: E402
from app.ui.i18n import language  # noqa: E402

CJK_FONT = "Noto Sans CJK SC"


def _settle(page: object) -> None:
    for _ in range(5):
        QCoreApplication.processEvents()
    loader = getattr(page, "loader", None)
    if loader is not None:
        loader.wait()
        QCoreApplication.processEvents()


def _select(tracker: object, state: str) -> None:
    proxy = tracker.proxy  # type: ignore[attr-defined]
    for r in range(proxy.rowCount()):
        index = proxy.index(r, 0)
        row = tracker.model.row_at(proxy.mapToSource(index).row())  # type: ignore[attr-defined]
        if row.badge == state and (state != "rejected" or "承诺书" in (row.raw.get("audit_remark") or "")
                                   or r == proxy.rowCount() - 1):
            tracker.table.selectRow(r)  # type: ignore[attr-defined]
            tracker.table.scrollTo(index)  # type: ignore[attr-defined]
            return
    for r in range(proxy.rowCount()):
        if tracker.model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).badge == state:  # type: ignore[attr-defined]
            tracker.table.selectRow(r)  # type: ignore[attr-defined]
            return


def render(out: Path) -> list[Path]:
    from app.ui.launch import build_pages
    from app.ui.main_window import MainWindow
    from app.ui.settings.page import SettingsPage
    from app.ui.tracker.page import TrackerPage

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("QualDesk")
    app.setApplicationName("QualDesk")
    if CJK_FONT in QFontDatabase.families():
        app.setFont(QFont(CJK_FONT, 10))
    context = AppContext()
    session = start_demo(context)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        for lang in ("zh", "en"):
            language().set(lang)
            language().install()
            window = MainWindow(build_pages(context))
            window.resize(1500, 860)
            window.show()
            tracker = next(p for p in window.pages if isinstance(p, TrackerPage))
            settings = next(p for p in window.pages if isinstance(p, SettingsPage))
            window.show_page(tracker)
            _settle(tracker)
            tracker.splitter.setSizes([900, 600])
            _select(tracker, "rejected")
            _settle(tracker)
            shots = {f"tracker_{lang}.png": window}
            for name, widget in shots.items():
                widget.grab().save(str(out / name))
                written.append(out / name)
            tracker.detail.resize(640, 860)
            tracker.detail.grab().save(str(out / f"detail_masked_{lang}.png"))
            tracker.set_masked(False)
            _settle(tracker)
            tracker.detail.grab().save(str(out / f"detail_unmasked_{lang}.png"))
            tracker.set_masked(True)
            written += [out / f"detail_masked_{lang}.png", out / f"detail_unmasked_{lang}.png"]
            window.show_page(settings)
            _settle(settings)
            window.grab().save(str(out / f"settings_{lang}.png"))
            written.append(out / f"settings_{lang}.png")
            for page in window.pages:
                page.shutdown()
            window.close()
            window.deleteLater()
            _settle(None)
    finally:
        session.close()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    for path in render(target):
        print(path)
