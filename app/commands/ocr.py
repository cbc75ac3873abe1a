"""`qualdesk ocr IMAGE... [--kind K] [--engine E] [--json]`: read documents into fields.

The engine loads once for all images. A file that cannot be read gets an error line (JSON)
or message and the others are still processed; the exit code is then 1. An engine that
cannot run at all (Tesseract missing) exits 2 before reading anything.
"""

from __future__ import annotations

import argparse
import sys

from app.commands.common import add_lang_option, fail, lang_of, print_json
from app.core.text import Text, UserError
from app.ocr.engines import DEFAULT_ENGINE, ENGINES, EngineUnavailable, get_engine
from app.ocr.extract import FIELDS, KINDS
from app.ocr.reader import AUTO, OcrResult, read_document

NOTHING = Text("（未识别出字段）", "(no fields recognised)")
KIND_NAMES = {"unknown": Text("无法判断的文档", "unrecognised document")}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ocr", help="read ID cards, business licences and letters into fields")
    p.add_argument("images", nargs="+", metavar="IMAGE", help="image files")
    p.add_argument("--kind", choices=(AUTO, *KINDS), default=AUTO,
                   help="document kind (default: detect from the text)")
    p.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE, help="OCR engine")
    p.add_argument("--json", action="store_true", help="one JSON object per line and image")
    add_lang_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    try:
        get_engine(args.engine)
    except EngineUnavailable as exc:
        return fail(exc, lang)
    status = 0
    for image in args.images:
        try:
            result = read_document(image, args.kind, args.engine)
        except UserError as exc:
            status = 1
            if args.json:
                print_json({"image": image, "error": exc.message(lang)})
            else:
                print(f"qualdesk: {exc.message(lang)}", file=sys.stderr)
            continue
        if args.json:
            print_json(result.to_json())
        else:
            print(format_result(result, lang))
        sys.stdout.flush()
    return status


def format_result(result: OcrResult, lang: str) -> str:
    kind = KIND_NAMES[result.kind].get(lang) if result.kind in KIND_NAMES else result.kind
    lines = [f"{result.image}  [{kind}, {result.seconds:.2f} s]"]
    order = FIELDS.get(result.kind, ())
    for name in sorted(result.fields, key=lambda n: order.index(n) if n in order else len(order)):
        lines.append(f"  {name:<18} {result.fields[name]}  ({result.confidence.get(name, 0):.2f})")
    if not result.fields:
        lines.append(f"  {NOTHING.get(lang)}")
    return "\n".join(lines)
