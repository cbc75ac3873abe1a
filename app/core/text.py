"""Bilingual text. Every user-visible message in the core carries both languages, so the CLI
and the GUI pick one at display time and nothing is translated twice."""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True)
class Text:
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def format(self, **params: object) -> Text:
        """Substitute `{name}` placeholders; a `Text` parameter is substituted per language."""

        def pick(lang: str) -> dict[str, object]:
            return {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in params.items()}

        return Text(self.zh.format(**pick("zh")), self.en.format(**pick("en")))

    def __str__(self) -> str:
        return self.get(default_lang())


def default_lang() -> Lang:
    """`QUALDESK_LANG`, else the user's locale: Chinese locales get zh, everything else en."""
    forced = os.environ.get("QUALDESK_LANG", "")
    if forced in LANGS:
        return forced  # type: ignore[return-value]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "zh" if loc.lower().startswith(("zh", "chinese")) else "en"


class UserError(Exception):
    """An error meant for the user: carries a bilingual message, never a traceback."""

    def __init__(self, message: Text):
        super().__init__(message.en)
        self.text = message

    def message(self, lang: str) -> str:
        return self.text.get(lang)
