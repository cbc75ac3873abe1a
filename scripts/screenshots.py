"""Render the README screenshots offscreen: `python scripts/screenshots.py [SCENE...]`.

Each scene is one function registered with `@scene("name")`: it receives a `Studio` (a
throw-away data folder, the store, the main window's size, helpers to wait for background
work) and returns the widget to photograph, saved as `docs/screenshots/<name>.png`.
Adding a screenshot is adding one such function.
"""

from __future__ import annotations

import atexit
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QUALDESK_LANG", "en")
os.environ.setdefault("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
OUT = ROOT / "docs" / "screenshots"
WINDOW_SIZE = (1280, 860)

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

Scene = Callable[["Studio"], QWidget]
SCENES: dict[str, Scene] = {}


def scene(name: str) -> Callable[[Scene], Scene]:
    """Register a screenshot: the decorated function returns the widget to grab."""

    def register(fn: Scene) -> Scene:
        SCENES[name] = fn
        return fn

    return register


@dataclass
class Studio:
    home: Path
    samples: Path
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    @property
    def store(self):  # noqa: ANN201 (late import: QUALDESK_HOME must be set first)
        from app.store.db import open_store

        return open_store(self.home)

    def context(self):  # noqa: ANN201
        from app.ui.context import AppContext

        return AppContext(home=self.home)

    def window(self, pages: list) -> QWidget:
        from app.ui.main_window import MainWindow

        window = MainWindow(pages)
        window.resize(*WINDOW_SIZE)
        window.show()
        self.cleanups.append(lambda: [p.shutdown() for p in window.pages])
        return window

    def wait(self, done: Callable[[], bool], seconds: float = 120) -> None:
        """Let the event loop run until `done()` (background work finished)."""
        deadline = QDeadlineTimer(int(seconds * 1000))
        while not done() and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)
        QCoreApplication.processEvents()

    def sample(self, kind: str, seed: int) -> Path:
        """A generated document image (tests/synth) — fictional people and companies."""
        from tests.synth import Variation, make_sample

        path = self.samples / f"{kind}-{seed}.jpg"
        if not path.exists():
            path.write_bytes(make_sample(kind, seed, Variation(stamp=True)).jpeg_bytes())
        return path


# ---------------------------------------------------------------- drafts and editor scenes
def _general_partial() -> dict:
    """A general draft half-way: typed by hand, before any document is attached."""
    return {"certificate_type": "business_license", "enterprise_province": "湖北省",
            "enterprise_city": "武汉市", "legal_rep_name": "曾胜利", "admin_phone": "1391234567",
            "qualification_name": "远航通信语音通知"}


def _drafts_window(studio: Studio) -> tuple[QWidget, object]:
    """The whole main window (every page in the navigation), showing the drafts page."""
    from app.ui.drafts.page import DraftsPage
    from app.ui.launch import build_pages

    window = studio.window(build_pages(studio.context()))
    page = next(p for p in window.pages if isinstance(p, DraftsPage))
    window.show_page(page)
    return window, page


def _open_editor(studio: Studio, draft_id: str, section: str) -> tuple[QWidget, object]:
    window, page = _drafts_window(studio)
    editor = page.open_draft(draft_id)
    index = [s.id for s in editor.form.sections].index(section)
    editor.go_to_section(index)
    return window, editor


def _attach(studio: Studio, editor, field_id: str, path: Path) -> None:
    editor.attach_file(field_id, str(path))
    studio.wait(lambda: not editor.runners[field_id].busy)


@scene("drafts")
def drafts_list(studio: Studio) -> QWidget:
    from app.core.draft import parse_draft
    from app.store.drafts import create_draft, import_draft
    from tests.factories import make_draft

    store = studio.store
    import_draft(store, parse_draft(make_draft(studio.samples, "number400")))
    import_draft(store, parse_draft(make_draft(studio.samples, "general")))
    create_draft(store, "general", {**_general_partial(), "enterprise_name": "武汉远航通信技术有限公司"})
    create_draft(store, "number400", {"numbers_requested": 3})
    window, page = _drafts_window(studio)
    page.on_shown()
    studio.wait(lambda: not page.list_runner.busy and page.model.rowCount() == 4)
    page.table.selectRow(0)
    return window


@scene("editor_prefill")
def editor_prefill(studio: Studio) -> QWidget:
    from app.store.drafts import create_draft

    draft_id = create_draft(studio.store, "general", _general_partial())
    window, editor = _open_editor(studio, draft_id, "enterprise")
    _attach(studio, editor, "business_certificate_image", studio.sample("business_license", 3))
    return window


@scene("editor_mismatch")
def editor_mismatch(studio: Studio) -> QWidget:
    from app.store.drafts import create_draft

    draft_id = create_draft(studio.store, "general", _general_partial())
    window, editor = _open_editor(studio, draft_id, "legal_rep")
    _attach(studio, editor, "business_certificate_image", studio.sample("business_license", 3))
    editor.jump_to_field("legal_rep_name")
    return window


@scene("editor_number400")
def editor_number400(studio: Studio) -> QWidget:
    from app.core.draft import parse_draft
    from app.store.drafts import import_draft
    from tests.factories import make_draft

    data = make_draft(studio.samples, "number400")
    data["values"].pop("three_in_one_license_image")
    data["values"]["enterprise_valid_to"] = "2026-01-31"
    draft_id = import_draft(studio.store, parse_draft(data))
    window, _editor = _open_editor(studio, draft_id, "enterprise")
    return window


@scene("editor_update_expired")
def editor_update_expired(studio: Studio) -> QWidget:
    from app.store.drafts import create_draft
    from tests.factories import general_values

    values = general_values()
    values.pop("additional_attachments")
    values["legal_rep_id_valid_to"] = "2025-03-01"
    locked = ("enterprise_name", "organization_code", "enterprise_type", "qualification_name",
              "qualification_authorized")
    draft_id = create_draft(studio.store, "general", values, linked_group_id=1048576,
                            update_of={"values": {k: values[k] for k in locked}})
    window, _editor = _open_editor(studio, draft_id, "enterprise")
    return window


# ---------------------------------------------------------------- tracking scenes (issue 7)
def _tracking(studio: Studio, lang: str, page_name: str = "tracker"):  # noqa: ANN202
    """The main window on the demo data (simulator + synced store), in `lang`, showing the
    tracker with a rejected qualification selected (or the settings page)."""
    from app.ui.demo import start_demo
    from app.ui.i18n import language
    from app.ui.launch import build_pages
    from app.ui.settings.page import SettingsPage
    from app.ui.tracker.page import TrackerPage

    previous = language().lang
    language().set(lang)
    language().install()
    context = studio.context()
    session = start_demo(context)
    window = studio.window(build_pages(context))
    # The demo folder must outlive the pages' last background reads: remove it at exit.
    atexit.register(session.close)
    studio.cleanups.append(lambda: (language().set(previous), language().install()))
    window.resize(1500, 860)
    tracker = next(p for p in window.pages if isinstance(p, TrackerPage))
    if page_name == "settings":
        window.show_page(next(p for p in window.pages if isinstance(p, SettingsPage)))
        return window, tracker
    window.show_page(tracker)
    studio.wait(lambda: not tracker.loader.busy and tracker.model.rowCount() > 0)
    tracker.splitter.setSizes([960, 540])
    proxy = tracker.proxy
    for r in range(proxy.rowCount()):  # a rejection with a clear fix
        row = tracker.model.row_at(proxy.mapToSource(proxy.index(r, 0)).row())
        if row.badge == "rejected" and "公章" in (row.raw.get("audit_remark") or ""):
            tracker.table.selectRow(r)
            tracker.table.scrollTo(proxy.index(r, 0))
            break
    return window, tracker


def _detail(studio: Studio, lang: str, masked: bool) -> QWidget:
    _window, tracker = _tracking(studio, lang)
    tracker.set_masked(masked)
    tracker.detail.resize(640, 860)
    return tracker.detail


for _lang in ("zh", "en"):
    scene(f"tracker_{_lang}")(lambda studio, lang=_lang: _tracking(studio, lang)[0])
    scene(f"detail_masked_{_lang}")(lambda studio, lang=_lang: _detail(studio, lang, True))
    scene(f"detail_unmasked_{_lang}")(lambda studio, lang=_lang: _detail(studio, lang, False))
    scene(f"settings_{_lang}")(
        lambda studio, lang=_lang: _tracking(studio, lang, "settings")[0])


def _font(app: QApplication) -> None:
    if "Noto Sans CJK SC" in QFontDatabase.families():
        app.setFont(QFont("Noto Sans CJK SC", 10))


def main(names: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("QualDeskScreenshots")
    _font(app)
    unknown = [n for n in names if n not in SCENES]
    if unknown:
        print(f"unknown scene(s): {', '.join(unknown)}; known: {', '.join(SCENES)}", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    for name in names or list(SCENES):
        with tempfile.TemporaryDirectory(prefix="qualdesk-shots-") as tmp:
            home, samples = Path(tmp) / "home", Path(tmp) / "samples"
            samples.mkdir()
            os.environ["QUALDESK_HOME"] = str(home)
            studio = Studio(home, samples)
            widget = SCENES[name](studio)
            studio.wait(lambda: False, seconds=0.3)  # let layouts and paints settle
            path = OUT / f"{name}.png"
            widget.grab().save(str(path))
            print(path.relative_to(ROOT))
            for cleanup in studio.cleanups:
                cleanup()
            widget.close()
            widget.deleteLater()
            QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
