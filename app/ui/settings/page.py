"""The settings page. Non-secret settings apply as soon as they change (QSettings); the secret
goes to the OS keyring (or this session's memory) only through "Save secret", and the secret
box is cleared afterwards so it never lingers on screen. "Test connection" runs off the GUI
thread and says plainly what worked or what to fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.cloud.endpoint import parse_endpoint
from app.core.text import Text, UserError
from app.ocr.engines import TESSERACT_MISSING
from app.ocr.tesseract_locate import locate_tesseract
from app.ui.context import AppContext
from app.ui.i18n import language, pick, resolve_lang
from app.ui.main_window import Page
from app.ui.settings.connection import connection_test
from app.ui.settings.credentials import SecretPlace, secret_place, store_secret
from app.ui.settings.values import (
    LANGUAGE_CHOICES,
    OCR_ENGINES,
    AppSettings,
    load_settings,
    save_settings,
    settings_hub,
)
from app.ui.tasks import TaskRunner

INVALID_STYLE = "QLineEdit { border: 1px solid #cf222e; background: #fff0f0; }"
OK_COLOUR, FAIL_COLOUR = "#1a7f37", "#cf222e"
SECRET_CHECK_DELAY_MS = 400  # a pause in typing the AccessKey ID before asking the keyring


class SettingsPage(Page):
    nav_text = Text("设置", "Settings")

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("settingsPage")
        self.context = context
        self.settings = load_settings()
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._test_finished)
        self.runner.failed.connect(self._test_failed)
        self.runner.busyChanged.connect(self._test_busy)
        # The keyring (Secret Service) can block or prompt: every call goes through a worker.
        self.secret_runner = TaskRunner(self)
        self.secret_runner.finished.connect(self._secret_checked)
        self.secret_runner.failed.connect(self._secret_failed)
        self.secret_runner.busyChanged.connect(self._secret_busy)
        self.secret_check = QTimer(self)
        self.secret_check.setSingleShot(True)
        self.secret_check.setInterval(SECRET_CHECK_DELAY_MS)
        self.secret_check.timeout.connect(self._check_secret)
        self._place: SecretPlace | None = None  # where the secret is, once the keyring said
        self._recheck = False  # the ID changed while the keyring was busy
        self._saving = False  # the running keyring job is a save (not just a status check)
        self._build()
        self._load_into_widgets()
        language().changed.connect(self.retranslate)
        self._live_signals = True
        self.retranslate()
        self._check_secret()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        page = QVBoxLayout(self)
        page.setContentsMargins(16, 12, 16, 12)
        column = QWidget()
        column.setMaximumWidth(880)  # a readable form, not fields stretched across the screen
        page.addWidget(column, 0, Qt.AlignmentFlag.AlignLeft)
        page.addStretch(1)
        outer = QVBoxLayout(column)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        outer.addWidget(self.title)

        self.cred_box = QGroupBox()
        cred = QFormLayout(self.cred_box)
        self.use_keyring = QRadioButton()
        self.use_chain = QRadioButton()
        self.source_group = QButtonGroup(self)
        self.source_group.addButton(self.use_keyring)
        self.source_group.addButton(self.use_chain)
        cred.addRow(self.use_keyring)
        self.key_id = QLineEdit()
        self.key_id.setObjectName("accessKeyId")
        self.key_id_label = QLabel()
        cred.addRow(self.key_id_label, self.key_id)
        self.secret = QLineEdit()
        self.secret.setObjectName("accessKeySecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.save_secret = QPushButton()
        self.save_secret.setObjectName("saveSecret")
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret, 1)
        secret_row.addWidget(self.save_secret)
        self.secret_label = QLabel()
        cred.addRow(self.secret_label, secret_row)
        self.secret_status = QLabel()
        self.secret_status.setObjectName("secretStatus")
        self.secret_status.setWordWrap(True)
        cred.addRow("", self.secret_status)
        cred.addRow(self.use_chain)
        self.chain_hint = QLabel()
        self.chain_hint.setWordWrap(True)
        self.chain_hint.setStyleSheet("color: #57606a;")
        cred.addRow("", self.chain_hint)
        outer.addWidget(self.cred_box)

        self.api_box = QGroupBox()
        api = QFormLayout(self.api_box)
        self.endpoint = QLineEdit()
        self.endpoint.setObjectName("endpoint")
        self.endpoint_label = QLabel()
        api.addRow(self.endpoint_label, self.endpoint)
        self.interval = QSpinBox()
        self.interval.setObjectName("syncInterval")
        self.interval.setRange(5, 24 * 60)
        self.interval_label = QLabel()
        api.addRow(self.interval_label, self.interval)
        self.lead = QSpinBox()
        self.lead.setObjectName("leadDays")
        self.lead.setRange(1, 90)
        self.lead_label = QLabel()
        api.addRow(self.lead_label, self.lead)
        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnection")
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        api.addRow("", test_row)
        outer.addWidget(self.api_box)

        self.app_box = QGroupBox()
        general = QFormLayout(self.app_box)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        self.language_label = QLabel()
        general.addRow(self.language_label, self.language_combo)
        self.ocr_combo = QComboBox()
        self.ocr_combo.setObjectName("ocrEngine")
        self.ocr_label = QLabel()
        general.addRow(self.ocr_label, self.ocr_combo)
        self.ocr_hint = QLabel()  # how to install Tesseract, when it is chosen but missing
        self.ocr_hint.setObjectName("ocrHint")
        self.ocr_hint.setWordWrap(True)
        self.ocr_hint.setStyleSheet(f"color: {FAIL_COLOUR};")
        general.addRow("", self.ocr_hint)
        self.mask_default = QCheckBox()
        self.mask_default.setObjectName("maskDefault")
        general.addRow("", self.mask_default)
        outer.addWidget(self.app_box)
        outer.addStretch(1)

        self.use_keyring.toggled.connect(self._source_changed)
        self.key_id.editingFinished.connect(self._key_id_changed)
        self.key_id.textEdited.connect(self.secret_check.start)  # debounced
        self.save_secret.clicked.connect(self._save_secret)
        self.endpoint.editingFinished.connect(self._endpoint_changed)
        self.interval.valueChanged.connect(lambda v: self._apply(sync_interval_min=v))
        self.lead.valueChanged.connect(lambda v: self._apply(lead_days=v))
        self.mask_default.toggled.connect(lambda v: self._apply(mask_sensitive=v))
        self.language_combo.activated.connect(self._language_changed)
        self.ocr_combo.activated.connect(
            lambda i: (self._apply(ocr_engine=self.ocr_combo.itemData(i)), self._show_ocr_hint()))
        self.test_button.clicked.connect(self.test_connection)

    def _load_into_widgets(self) -> None:
        s = self.settings
        (self.use_chain if s.credential_source == "chain" else self.use_keyring).setChecked(True)
        self.key_id.setText(s.access_key_id)
        self.endpoint.setText(s.endpoint)
        self.interval.setValue(s.sync_interval_min)
        self.lead.setValue(s.lead_days)
        self.mask_default.setChecked(s.mask_sensitive)
        self._source_changed()

    def retranslate(self, *_: object) -> None:
        self.title.setText(self.tr("Settings"))
        self.cred_box.setTitle(self.tr("Alibaba Cloud credentials"))
        self.use_keyring.setText(self.tr("AccessKey stored in the system keyring"))
        self.use_chain.setText(self.tr("Use the aliyun CLI profile / environment variables"))
        self.chain_hint.setText(self.tr(
            "Reads ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET or the "
            "aliyun CLI's current profile (~/.aliyun/config.json)."))
        self.key_id_label.setText(self.tr("AccessKey ID"))
        self.secret_label.setText(self.tr("AccessKey secret"))
        self.secret.setPlaceholderText(self.tr("Paste the secret, then Save secret"))
        self.save_secret.setText(self.tr("Save secret"))
        self.api_box.setTitle(self.tr("Service and sync"))
        self.endpoint_label.setText(self.tr("Endpoint"))
        self.endpoint.setPlaceholderText("https://dysmsapi.aliyuncs.com")
        self.interval_label.setText(self.tr("Automatic sync every"))
        self.interval.setSuffix(self.tr(" min"))
        self.lead_label.setText(self.tr("Warn before expiry"))
        self.lead.setSuffix(self.tr(" days"))
        self.test_button.setText(self.tr("Test connection"))
        self.app_box.setTitle(self.tr("Application"))
        self.language_label.setText(self.tr("Language"))
        self.ocr_label.setText(self.tr("OCR engine"))
        self.mask_default.setText(self.tr("Hide sensitive information by default"))
        names = {"system": self.tr("Follow the system"), "zh": "中文", "en": "English"}
        self._fill_combo(self.language_combo, [(c, names[c]) for c in LANGUAGE_CHOICES],
                         self.settings.language)
        engines = {"rapidocr": self.tr("RapidOCR (built in, recommended)"),
                   "tesseract": self.tr("Tesseract")}
        self._fill_combo(self.ocr_combo, [(e, engines[e]) for e in OCR_ENGINES],
                         self.settings.ocr_engine)
        self._show_ocr_hint()
        self._show_secret_status()  # the last answer, in the new language: no keyring call

    def _show_ocr_hint(self) -> None:
        """Tesseract chosen but not installed: say how to install it (RapidOCR, built in,
        keeps working). Only looks for the program: a few stat calls, no subprocess."""
        missing = self.settings.ocr_engine == "tesseract" and locate_tesseract() is None
        self.ocr_hint.setText(pick(TESSERACT_MISSING) if missing else "")
        self.ocr_hint.setVisible(missing)

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[str, str]], current: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        for value, label in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # -- changes --------------------------------------------------------------------------

    def _apply(self, **changes: object) -> None:
        for key, value in changes.items():
            setattr(self.settings, key, value)
        save_settings(self.settings)
        settings_hub().changed.emit(self.settings)

    def _source_changed(self, *_: object) -> None:
        keyring = self.use_keyring.isChecked()
        for w in (self.key_id, self.secret, self.save_secret):
            w.setEnabled(keyring)
        source = "keyring" if keyring else "chain"
        if source != self.settings.credential_source:
            self._apply(credential_source=source)

    def _key_id_changed(self) -> None:
        key_id = self.key_id.text().strip()
        if key_id != self.settings.access_key_id:
            self._apply(access_key_id=key_id)
            self.secret_check.start()

    def _save_secret(self) -> None:
        self._key_id_changed()
        key_id, secret = self.key_id.text().strip(), self.secret.text()
        if not key_id:
            self._status(self.tr("Enter the AccessKey ID first."), FAIL_COLOUR)
            return
        if not secret:
            self._status(self.tr("Paste the secret first."), FAIL_COLOUR)
            return
        self.secret_check.stop()  # the save answers where the secret is
        self._recheck = False
        self.secret.clear()  # never left on screen, even while the keyring works
        self._place = None
        self._status(self.tr("Saving the secret…"), "#57606a")
        context = self.context
        self.secret_runner.start(lambda *, progress, cancelled: store_secret(
            context, key_id, secret))
        self._saving = True  # after start(): it ends a status check (busyChanged False)
        self.save_secret.setEnabled(False)

    def _check_secret(self) -> None:
        """Ask the keyring (on a worker) whether the current ID has a secret; while a save
        runs, ask again once it is done instead (never read before the save has written)."""
        if self.secret_runner.busy:
            self._recheck = True
            return
        context, key_id = self.context, self.key_id.text()
        self.secret_runner.start(lambda *, progress, cancelled: secret_place(context, key_id))

    def _secret_busy(self, busy: bool) -> None:
        if not busy:
            self._saving = False
            self.save_secret.setEnabled(self.use_keyring.isChecked())
        if busy and self._place is None and not self.secret_status.text():
            self._status(self.tr("Checking the system keyring…"), "#57606a")

    def _secret_checked(self, place: object) -> None:
        self._place = place if place in ("keyring", "session", "none") else "none"
        self._show_secret_status()
        if self._recheck:
            self._recheck = False
            self._check_secret()

    def _secret_failed(self, message: object) -> None:
        self._place = None
        self._status(pick(message) if isinstance(message, Text) else str(message), FAIL_COLOUR)
        if self._recheck:
            self._recheck = False
            self._check_secret()

    def _show_secret_status(self) -> None:
        """Where the secret is, as last found out (no keyring call here)."""
        place = self._place
        if place is None:
            return
        texts = {
            "keyring": (self.tr("Secret stored in the system keyring."), OK_COLOUR),
            "session": (self.tr("No system keyring is available: the secret is kept for this "
                                "session only and will be asked for again next time."),
                        "#b35900"),
            "none": (self.tr("No secret saved for this AccessKey ID."), "#57606a"),
        }
        self._status(*texts[place])

    def _status(self, text: str, colour: str) -> None:
        self.secret_status.setText(text)
        self.secret_status.setStyleSheet(f"color: {colour};")

    def _endpoint_changed(self) -> None:
        value = self.endpoint.text().strip()
        try:
            parse_endpoint(value or None)
        except UserError as exc:
            self.endpoint.setStyleSheet(INVALID_STYLE)
            self.endpoint.setToolTip(exc.message(language().lang))
            return
        self.endpoint.setStyleSheet("")
        self.endpoint.setToolTip("")
        if value != self.settings.endpoint:
            self._apply(endpoint=value)

    def _language_changed(self, index: int) -> None:
        choice = self.language_combo.itemData(index)
        self._apply(language=choice)
        language().set(resolve_lang(choice))

    # -- test connection ------------------------------------------------------------------

    def test_connection(self) -> None:
        self._key_id_changed()
        self.test_result.setStyleSheet("color: #57606a;")
        self.test_result.setText(self.tr("Connecting…"))
        self.runner.start(connection_test(self.context, AppSettings(**vars(self.settings))))

    def _test_busy(self, busy: bool) -> None:
        self.test_button.setEnabled(not busy)

    def _test_finished(self, result: object) -> None:
        self.test_result.setStyleSheet(f"color: {OK_COLOUR};")
        self.test_result.setText(pick(result) if isinstance(result, Text) else str(result))

    def _test_failed(self, message: object) -> None:
        self.test_result.setStyleSheet(f"color: {FAIL_COLOUR};")
        self.test_result.setText(pick(message) if isinstance(message, Text) else str(message))

    def shutdown(self) -> None:
        if self._live_signals:  # shutdown may be called twice
            self._live_signals = False
            language().changed.disconnect(self.retranslate)
        self.secret_check.stop()
        for runner in (self.runner, self.secret_runner):
            runner.cancel()
        for runner in (self.runner, self.secret_runner):
            runner.wait()
