"""Helpers shared by the sub-commands: language choice, JSON output, user-facing errors."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from app.core.text import LANGS, UserError, default_lang


def iso_day(value: str) -> date:
    """argparse type for `--today YYYY-MM-DD`."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help="message language (default: from the system locale)")


def lang_of(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or default_lang()


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, default=str))


def fail(error: UserError, lang: str, code: int = 2) -> int:
    """Print a user error to stderr and return the exit code; never a traceback."""
    print(f"qualdesk: {error.message(lang)}", file=sys.stderr)
    return code
