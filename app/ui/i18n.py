"""The GUI's current language. Core texts are bilingual (`Text`); widgets pick with `pick()`.

Qt Linguist translations (.ts/.qm in resources/) cover the strings written in app/ui; this
module is the one place that knows which language is active and tells widgets when it changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core.text import LANGS, Lang, Text, default_lang


class _Language(QObject):
    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.lang: Lang = default_lang()

    def set(self, lang: str) -> None:
        if lang in LANGS and lang != self.lang:
            self.lang = lang  # type: ignore[assignment]
            self.changed.emit(lang)


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
