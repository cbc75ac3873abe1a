"""The `qualdesk` command: the GUI by default, sub-commands for headless work.

Sub-commands live in `app.commands.<name>`; this module only wires them, so a headless
command never imports Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys

from app import __version__
from app.commands import COMMANDS
from app.commands.common import fail, lang_of
from app.core.text import UserError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qualdesk",
        description="Prepare and track Alibaba Cloud qualifications (资质) locally.",
    )
    parser.add_argument("--version", action="version", version=f"qualdesk {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="GUI on a throw-away data folder with the local simulator as the API")
    parser.add_argument("--smoke-test", action="store_true",
                        help="show the main window, exit 0 after the first paint")
    parser.add_argument("--endpoint", help="API endpoint URL (also QUALDESK_ENDPOINT)")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"app.commands.{name}").register(sub)
    return parser


def _utf8_streams() -> None:
    """Windows consoles default to a legacy code page; JSON with Chinese must not crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        from app.ui.launch import run_gui  # Qt is imported only for the GUI

        return run_gui(demo=args.demo, smoke_test=args.smoke_test, endpoint=args.endpoint)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:  # a command that forgot to catch its own user error
        return fail(exc, lang_of(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `qualdesk ... | head`: the reader left, nothing more to say
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush does not raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
