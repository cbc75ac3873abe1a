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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or — when `only` names the command being run — one that imports just
    that command's module (the others get empty placeholders). Importing every command pulls
    in the Alibaba SDK, sqlite-utils and OCR: ~0.5 s that neither the GUI nor a quick
    `qualdesk check` should pay."""
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
        if only is None or name == only:
            importlib.import_module(f"app.commands.{name}").register(sub)
        else:
            sub.add_parser(name)
    return parser


def _command_in(argv: list[str]) -> str | None:
    """The sub-command named on the command line, "" for none; None when help is asked for."""
    for arg in argv:
        if arg in ("-h", "--help"):
            return None
        if arg in COMMANDS:
            return arg
    return ""


def _utf8_streams() -> None:
    """Windows consoles default to a legacy code page; JSON with Chinese must not crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    _utf8_streams()
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(_command_in(argv)).parse_args(argv)
    if args.command is not None and not hasattr(args, "func"):
        args = build_parser().parse_args(argv)  # the guess was wrong (an option's value)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.verbose:
        # Only QualDesk's own loggers: libraries such as urllib3 log request URLs, whose query
        # strings carry filter values (names) — PII that must not reach a log.
        logging.getLogger("app").setLevel(logging.DEBUG)
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
