"""Languages: the zh_CN translation is complete and compiled; switching at run time changes
Qt strings (Linguist) and core `Text` (state badges, rejection fixes) together."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTranslator

from app.cloud.simulator import DEMO_ACCESS_KEY_ID
from app.store.paths import data_dir
from app.ui.context import AppContext
from app.ui.i18n import language, translation_file
from app.ui.tracker.badge import badge_text
from app.ui.tracker.page import TrackerPage

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_string_has_a_chinese_translation() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py"),
                             "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    translator = QTranslator()
    assert translator.load(translation_file("zh")), "run scripts/build_translations.py"
    assert translator.translate("TrackerPage", "Sync now") == "立即同步"
    assert translator.translate("SettingsPage", "Test connection") == "测试连接"


def test_switching_language_retranslates_the_tracker(qtbot) -> None:
    before = language().lang
    page = TrackerPage(AppContext(home=data_dir(), endpoint="http://127.0.0.1:9",
                                  session_secrets={DEMO_ACCESS_KEY_ID: "x"}))
    qtbot.addWidget(page)
    try:
        language().set("en")
        assert page.sync_button.text() == "Sync now"
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Qualification"
        language().set("zh")
        assert page.sync_button.text() == "立即同步"
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "资质名称"
        assert page.state_filter.itemText(page.state_filter.findData("expired")) == "已过期"
        assert badge_text("rejected") == "未通过"
        assert page.search.placeholderText().startswith("搜索")
        language().set("en")
        assert page.sync_button.text() == "Sync now" and badge_text("rejected") == "Rejected"
    finally:
        page.shutdown()
        language().set(before)
