"""The GUI's current language. Core texts are bilingual (`Text`); widgets pick with `pick()`.

Qt Linguist translations (`resources/i18n/qualdesk_zh_CN.ts`, compiled to `.qm` by
`scripts/build_translations.py`) cover the strings written in app/ui with `self.tr()` in English
source text. This module is the one place that knows which language is active: `set()` swaps
the installed QTranslator and emits `changed`, on which widgets re-set their texts.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from app.core.text import LANGS, Lang, Text, default_lang
from app.resources import resource_path

log = logging.getLogger(__name__)

# Our language code -> the Qt locale name of its translation file (English is the source).
QT_LOCALES: dict[str, str] = {"zh": "zh_CN"}


def translation_file(lang: str) -> str:
    """Path of the compiled translation for `lang` ('' for English, the source language)."""
    locale = QT_LOCALES.get(lang)
    return str(resource_path("resources", "i18n", f"qualdesk_{locale}.qm")) if locale else ""


class _Language(QObject):
    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.lang: Lang = default_lang()
        self._translators: list[QTranslator] = []

    def set(self, lang: str) -> None:
        if lang in LANGS and lang != self.lang:
            self.lang = lang  # type: ignore[assignment]
            self.install()
            self.changed.emit(lang)

    def install(self) -> None:
        """Install the translators of the current language into the running application."""
        app = QCoreApplication.instance()
        if app is None:
            return
        for old in self._translators:
            app.removeTranslator(old)
        self._translators = []
        path = translation_file(self.lang)
        if path:
            ours = QTranslator(self)
            if ours.load(path):
                app.installTranslator(ours)
                self._translators.append(ours)
            else:
                log.warning("translation %s not found; showing English source strings", path)
            qt_base = QTranslator(self)  # Qt's own dialogs (QMessageBox buttons…)
            from PySide6.QtCore import QLibraryInfo

            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_base.load(QLocale(QT_LOCALES[self.lang]), "qtbase", "_", qt_dir):
                app.installTranslator(qt_base)
                self._translators.append(qt_base)


_language: _Language | None = None


def language() -> _Language:
    global _language
    if _language is None:
        _language = _Language()
    return _language


def current_lang() -> Lang:
    return language().lang


def pick(text: Text) -> str:
    return text.get(current_lang())


def resolve_lang(setting: str | None) -> Lang:
    """The language for a settings value: 'zh' / 'en', or anything else = follow the system."""
    return setting if setting in LANGS else default_lang()  # type: ignore[return-value]

