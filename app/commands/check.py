"""`qualdesk check DRAFT.json`: run every local rule; exit 1 on any error, 2 if unreadable."""

from __future__ import annotations

import argparse

from app.commands.common import add_lang_option, fail, iso_day, lang_of, print_json
from app.core.draft import DraftError, load_draft_file
from app.core.rules import Finding, check_draft, has_errors
from app.core.spec import FormSpec
from app.core.text import Text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check a draft against every rule")
    p.add_argument("draft", help="draft JSON file")
    p.add_argument("--today", type=iso_day, help="check as of this date (YYYY-MM-DD)")
    p.add_argument("--json", action="store_true", help="print findings as JSON")
    p.add_argument("--ocr", action="store_true",
                   help="also compare typed values with what the attached documents say")
    p.add_argument("--engine", choices=("rapidocr", "tesseract"), default="rapidocr",
                   help="OCR engine for --ocr")
    add_lang_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    try:
        draft = load_draft_file(args.draft)
    except DraftError as exc:
        return fail(exc, lang)
    extra = []
    if args.ocr:
        from app.ocr.engines import EngineUnavailable, get_engine  # heavy: only with --ocr
        from app.ocr.mismatch import ocr_check

        try:
            get_engine(args.engine)
        except EngineUnavailable as exc:
            return fail(exc, lang)
        extra.append(ocr_check(args.engine))
    findings = check_draft(draft, today=args.today, extra=extra)
    if args.json:
        print_json({"findings": [f.to_json(lang) for f in findings]})
    else:
        print(format_findings(draft.form, findings, lang))
    return 1 if has_errors(findings) else 0


SUMMARY = Text("{errors} 个错误，{warnings} 个警告", "{errors} error(s), {warnings} warning(s)")
CLEAN = Text("未发现问题，可以提交。", "No problems found: ready to submit.")


def format_findings(form: FormSpec, findings: list[Finding], lang: str) -> str:
    if not findings:
        return CLEAN.get(lang)
    lines = []
    for f in findings:
        mark = "✗" if f.severity == "error" else "!"
        label = form.field(f.field).label.get(lang) if form.has_field(f.field) else f.field
        lines.append(f"{mark} {label} [{f.field}] {f.code}: {f.message.get(lang)}")
    errors = sum(1 for f in findings if f.severity == "error")
    lines.append(SUMMARY.format(errors=errors, warnings=len(findings) - errors).get(lang))
    return "\n".join(lines)
