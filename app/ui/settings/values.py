"""Non-secret settings, persisted in QSettings. The AccessKey secret is never here: it lives in
the OS keyring (or, when there is none, in memory for the session) — see `credentials.py`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from app.core.dates import EXPIRY_LEAD_DAYS

GROUP = "settings"
CREDENTIAL_SOURCES = ("keyring", "chain")  # our keyring entry | environment / aliyun CLI profile
LANGUAGE_CHOICES = ("system", "zh", "en")
OCR_ENGINES = ("rapidocr", "tesseract")


@dataclass
class AppSettings:
    access_key_id: str = ""
    credential_source: str = "keyring"
    endpoint: str = ""  # empty = the public dysmsapi endpoint (or QUALDESK_ENDPOINT)
    ocr_engine: str = "rapidocr"
    language: str = "system"
    sync_interval_min: int = 30
    lead_days: int = EXPIRY_LEAD_DAYS
    mask_sensitive: bool = True


def _coerce(default: Any, raw: Any) -> Any:
    """QSettings' INI backend hands back strings; bring them back to the default's type."""
    if raw is None:
        return default
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            return default
    return str(raw)


def _valid(s: AppSettings) -> AppSettings:
    defaults = AppSettings()
    if s.credential_source not in CREDENTIAL_SOURCES:
        s.credential_source = defaults.credential_source
    if s.language not in LANGUAGE_CHOICES:
        s.language = defaults.language
    if s.ocr_engine not in OCR_ENGINES:
        s.ocr_engine = defaults.ocr_engine
    s.sync_interval_min = min(max(s.sync_interval_min, 5), 24 * 60)
    s.lead_days = min(max(s.lead_days, 1), 90)
    return s


def load_settings() -> AppSettings:
    qs = QSettings()
    defaults = AppSettings()
    values = {f.name: _coerce(getattr(defaults, f.name), qs.value(f"{GROUP}/{f.name}"))
              for f in fields(AppSettings)}
    return _valid(AppSettings(**values))


def save_settings(settings: AppSettings) -> None:
    qs = QSettings()
    for name, value in asdict(_valid(settings)).items():
        qs.setValue(f"{GROUP}/{name}", value)
    qs.sync()


class _SettingsHub(QObject):
    """Tells pages that settings changed (the tracker re-reads interval, lead time, masking)."""

    changed = Signal(object)  # AppSettings


_hub: _SettingsHub | None = None


def settings_hub() -> _SettingsHub:
    global _hub
    if _hub is None:
        _hub = _SettingsHub()
    return _hub
