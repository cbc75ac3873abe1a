"""Settings: non-secret values persist in QSettings; the secret goes to the keyring (or this
session's memory when there is none) and never into the settings file or the database;
"Test connection" runs off the GUI thread against the real simulator and says what happened."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import QSettings

from app.cloud.simulator import DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, running_simulator
from app.store.db import open_store
from app.store.drafts import create_draft
from app.store.paths import data_dir
from app.ui.context import AppContext
from app.ui.i18n import language
from app.ui.settings.page import SettingsPage
from app.ui.settings.values import load_settings
from tests.helpers.keyrings import MemoryKeyring

SECRET = "s3cr3t-Value-that-must-not-leak"


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


def make_page(qtbot, context: AppContext | None = None) -> SettingsPage:
    page = SettingsPage(context or AppContext(home=data_dir()))
    qtbot.addWidget(page)
    return page


def files_contain(folder: Path, needle: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def settle(qtbot, page: SettingsPage) -> None:
    """Wait for the keyring work, which runs on a worker thread."""
    qtbot.waitUntil(lambda: not page.secret_check.isActive() and not page.secret_runner.busy,
                    timeout=10000)
    assert page.secret_runner.wait()


def enter_secret(qtbot, page: SettingsPage, key_id: str, secret: str) -> None:
    page.key_id.setText(key_id)
    page.key_id.editingFinished.emit()
    page.secret.setText(secret)
    page.save_secret.click()
    assert page.secret.text() == ""  # cleared at once, before the keyring answers
    settle(qtbot, page)


def test_secret_goes_to_the_keyring_and_nowhere_else(qtbot, memory_keyring, tmp_path) -> None:
    context = AppContext(home=data_dir())
    create_draft(open_store(context.home), "general", {"enterprise_name": "测试公司"})
    page = make_page(qtbot, context)
    enter_secret(qtbot, page, "LTAIkeyForTest", SECRET)
    assert memory_keyring.items[("QualDesk", "LTAIkeyForTest")] == SECRET
    assert page.secret.text() == ""  # not left on screen
    assert "keyring" in page.secret_status.text() or "钥匙串" in page.secret_status.text()
    QSettings().sync()
    assert load_settings().access_key_id == "LTAIkeyForTest"
    assert not files_contain(tmp_path / "settings", SECRET)
    assert list((tmp_path / "settings").rglob("*.ini")), "settings were written"
    assert not files_contain(Path(context.home), SECRET)  # the SQLite data folder


def test_without_a_keyring_the_secret_stays_in_memory_for_the_session(qtbot, no_keyring,
                                                                       tmp_path) -> None:
    context = AppContext(home=data_dir())
    page = make_page(qtbot, context)
    enter_secret(qtbot, page, "LTAIkeyForTest", SECRET)
    assert context.session_secrets == {"LTAIkeyForTest": SECRET}
    assert "session" in page.secret_status.text() or "会话" in page.secret_status.text()
    QSettings().sync()
    assert not files_contain(tmp_path / "settings", SECRET)
    assert not files_contain(Path(context.home), SECRET)


def test_settings_persist_and_a_bad_endpoint_turns_red(qtbot) -> None:
    page = make_page(qtbot)
    page.interval.setValue(45)
    page.lead.setValue(14)
    page.mask_default.setChecked(False)
    page.endpoint.setText("ftp://nowhere")
    page.endpoint.editingFinished.emit()
    assert "cf222e" in page.endpoint.styleSheet() and page.endpoint.toolTip()
    page.endpoint.setText("http://127.0.0.1:9")
    page.endpoint.editingFinished.emit()
    assert page.endpoint.styleSheet() == ""
    page.use_chain.setChecked(True)
    saved = load_settings()
    assert (saved.sync_interval_min, saved.lead_days, saved.mask_sensitive) == (45, 14, False)
    assert saved.endpoint == "http://127.0.0.1:9" and saved.credential_source == "chain"
    assert not page.key_id.isEnabled()


def test_test_connection_reports_success_and_clear_failures(qtbot, no_keyring) -> None:
    with running_simulator(12) as sim:
        context = AppContext(home=data_dir(), endpoint=sim.endpoint)
        page = make_page(qtbot, context)
        enter_secret(qtbot, page, DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET)
        with qtbot.waitSignal(page.runner.finished, timeout=15000):
            page.test_button.click()
            assert not page.test_button.isEnabled()  # busy while the worker runs
        assert "12" in page.test_result.text() and sim.endpoint in page.test_result.text()
        assert page.test_button.isEnabled()

        enter_secret(qtbot, page, DEMO_ACCESS_KEY_ID, "wrong-secret")
        with qtbot.waitSignal(page.runner.failed, timeout=15000):
            page.test_button.click()
        text = page.test_result.text()
        assert "SignatureDoesNotMatch" in text and "cf222e" in page.test_result.styleSheet()
        page.shutdown()
    context.endpoint = "http://127.0.0.1:9"  # nothing listens there
    with qtbot.waitSignal(page.runner.failed, timeout=15000):
        page.test_button.click()
    assert "127.0.0.1:9" in page.test_result.text()
    page.shutdown()


def test_switching_language_retranslates_the_page(qtbot) -> None:
    page = make_page(qtbot)
    before = language().lang
    try:
        page.language_combo.setCurrentIndex(page.language_combo.findData("zh"))
        page.language_combo.activated.emit(page.language_combo.currentIndex())
        assert language().lang == "zh" and load_settings().language == "zh"
        assert page.test_button.text() == "测试连接"
        page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
        page.language_combo.activated.emit(page.language_combo.currentIndex())
        assert page.test_button.text() == "Test connection"
    finally:
        language().set(before)


class SlowKeyring(MemoryKeyring):
    """A keyring that answers only when released, like Secret Service waiting on an unlock
    prompt; counts the lookups."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.lookups: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.lookups.append(username)
        self.release.wait(10)
        return super().get_password(service, username)


@pytest.fixture
def slow_keyring() -> Iterator[SlowKeyring]:
    previous = keyring.get_keyring()
    backend = SlowKeyring()
    keyring.set_keyring(backend)
    yield backend
    backend.release.set()
    keyring.set_keyring(previous)


def test_a_slow_keyring_never_blocks_the_page(qtbot, slow_keyring) -> None:
    QSettings().setValue("settings/access_key_id", "LTAIfirst")
    fallback = threading.Timer(5, slow_keyring.release.set)  # never hang the suite
    fallback.start()
    try:
        page = make_page(qtbot)  # asks the keyring about LTAIfirst, on a worker
        assert not slow_keyring.release.is_set(), "the page waited for the keyring"
        assert "keyring" in page.secret_status.text() or "钥匙串" in page.secret_status.text()
        language().changed.emit(language().lang)  # retranslating asks nothing new
        for text in ("L", "LT", "LTAIsecond"):  # typing the ID: one lookup after the pause
            page.key_id.setText(text)
            page.key_id.textEdited.emit(text)
        slow_keyring.release.set()
        settle(qtbot, page)
    finally:
        fallback.cancel()
    assert slow_keyring.lookups == ["LTAIfirst", "LTAIsecond"]
    assert "No secret saved" in page.secret_status.text() or "未保存" in page.secret_status.text()
    page.shutdown()


def test_choosing_tesseract_when_it_is_missing_says_how_to_install_it(qtbot, tmp_path,
                                                                      monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract anywhere this page looks
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    language().set("en")
    page = make_page(qtbot)
    assert page.ocr_hint.isHidden()  # RapidOCR, the default, needs nothing
    page.ocr_combo.setCurrentIndex(page.ocr_combo.findData("tesseract"))
    page.ocr_combo.activated.emit(page.ocr_combo.currentIndex())
    assert load_settings().ocr_engine == "tesseract"
    assert not page.ocr_hint.isHidden()
    assert "winget install UB-Mannheim.TesseractOCR" in page.ocr_hint.text()
    assert "RapidOCR" in page.ocr_hint.text()
    page.ocr_combo.setCurrentIndex(page.ocr_combo.findData("rapidocr"))
    page.ocr_combo.activated.emit(page.ocr_combo.currentIndex())
    assert page.ocr_hint.isHidden()
