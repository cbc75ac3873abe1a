"""`qualdesk status list|show|sync`: the account's qualifications, live from dysmsapi.

Output masks names, ID numbers and phones unless `--show-sensitive`. Exit codes: 0 ok,
2 bad input or credentials, 3 the API or the network failed.
"""

from __future__ import annotations

import argparse
import unicodedata
from typing import Any

from app.cloud.client import DysmsApi, ListFilters
from app.cloud.credentials import resolve_credentials
from app.cloud.endpoint import endpoint_from, read_timeout_from
from app.cloud.errors import CloudError, CredentialsMissing, KeyringUnavailable
from app.cloud.expiry import DOCUMENT_LABELS
from app.cloud.listing import list_all, show_qualification
from app.cloud.masking import mask_detail, mask_record
from app.cloud.records import RECORD_KEYS
from app.cloud.states import list_state_filter, state_label
from app.commands.common import add_lang_option, fail, iso_day, lang_of, print_json
from app.core.text import Text, UserError

API_FAILED = 3
HEADERS = {
    "group_id": Text("资质 ID", "Group ID"), "state": Text("状态", "State"),
    "name": Text("资质名称", "Name"), "legal_person": Text("法人", "Legal person"),
    "audit_time": Text("审核时间", "Audited"), "audit_remark": Text("审核意见", "Remark"),
}
NO_ROWS = Text("没有符合条件的资质。", "No qualifications match.")
EXPIRY_LINE = {
    "valid": Text("{doc} 有效至 {end}（剩余 {days} 天）", "{doc} valid until {end} ({days} days left)"),
    "expiring_soon": Text("{doc} 即将过期：{end}（剩余 {days} 天）",
                          "{doc} expires soon: {end} ({days} days left)"),
    "expired": Text("{doc} 已过期：{end}（已过 {days} 天）", "{doc} expired on {end} ({days} days ago)"),
}
SHOW_LABELS = {
    "state": Text("状态", "State"), "work_order_id": Text("工单号", "Work order"),
    "audit_remark": Text("驳回原因", "Rejection reason"), "expiry": Text("有效期", "Validity"),
}
NO_EXPIRY = Text("（无法读取有效期）", "(no validity dates)")


def _bool(value: str) -> bool:
    if value.lower() in ("true", "yes", "1"):
        return True
    if value.lower() in ("false", "no", "0"):
        return False
    raise argparse.ArgumentTypeError(f"not true/false: {value!r}")


def _positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return int(value)


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON")
    common.add_argument("--show-sensitive", action="store_true",
                        help="do not mask names, ID numbers and phone numbers")
    common.add_argument("--endpoint", dest="status_endpoint", metavar="URL",
                        help="API endpoint (default dysmsapi.aliyuncs.com; also QUALDESK_ENDPOINT)")
    common.add_argument("--access-key-id", metavar="ID",
                        help="AccessKey ID whose secret is in the OS keyring "
                             "(also QUALDESK_ACCESS_KEY_ID; default: the Alibaba Cloud chain)")
    common.add_argument("--read-timeout", type=float, metavar="SECONDS",
                        help="read timeout (default 10; also QUALDESK_READ_TIMEOUT)")
    add_lang_option(common)
    return common


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("status", help="qualifications of the account, live from the API")
    actions = p.add_subparsers(dest="status_action", metavar="ACTION", required=True)
    common = _common()
    ls = actions.add_parser("list", parents=[common], help="every qualification (all pages)")
    ls.add_argument("--state", help="reviewing|approved|rejected|needs_supplement|withdrawn "
                                    "or the API's INIT|PASS|NOT_PASS|NOT_FINISH|CANCEL")
    ls.add_argument("--company", help="company name")
    ls.add_argument("--name", help="qualification name")
    ls.add_argument("--work-order", type=_positive_int, help="work order id")
    ls.add_argument("--legal-person", help="legal representative's name")
    ls.add_argument("--use-by-self", type=_bool, metavar="true|false")
    ls.set_defaults(func=run_list)
    show = actions.add_parser("show", parents=[common], help="one qualification's detail")
    show.add_argument("group_id", type=_positive_int, help="qualification group id")
    show.add_argument("--today", type=iso_day, help="compute expiry as of this date")
    show.set_defaults(func=run_show)
    sy = actions.add_parser("sync", parents=[common], help="sync into the local store")
    sy.add_argument("--today", type=iso_day, help="compute expiry as of this date")
    sy.set_defaults(func=run_sync)


def _api(args: argparse.Namespace) -> DysmsApi:
    endpoint = endpoint_from(args.status_endpoint or getattr(args, "endpoint", None))
    timeout = read_timeout_from(args.read_timeout)
    return DysmsApi(resolve_credentials(args.access_key_id), endpoint, read_timeout_s=timeout)


def _run(args: argparse.Namespace, body: Any) -> int:
    lang = lang_of(args)
    try:
        return int(body(_api(args), lang) or 0)
    except (CredentialsMissing, KeyringUnavailable) as error:
        return fail(error, lang, 2)
    except CloudError as error:
        return fail(error, lang, API_FAILED)
    except UserError as error:
        return fail(error, lang, 2)


def run_list(args: argparse.Namespace) -> int:
    def body(api: DysmsApi, lang: str) -> int:
        filters = ListFilters(
            group_name=args.name, company=args.company,
            state=list_state_filter(args.state) if args.state else None,
            work_order_id=args.work_order, legal_person=args.legal_person,
            use_by_self=args.use_by_self)
        rows = list_all(api, filters)
        if not args.show_sensitive:
            rows = [mask_record(r) for r in rows]
        if args.json:
            print_json([{k: r[k] for k in RECORD_KEYS} for r in rows])
        else:
            print(format_table(rows, lang) if rows else NO_ROWS.get(lang))
        return 0
    return _run(args, body)


def run_show(args: argparse.Namespace) -> int:
    def body(api: DysmsApi, lang: str) -> int:
        shown = show_qualification(api, args.group_id, today=args.today)
        if not args.show_sensitive:
            shown["detail"] = mask_detail(shown["detail"])
        if args.json:
            print_json(shown)
        else:
            print(format_show(shown, lang))
        return 0
    return _run(args, body)


def run_sync(args: argparse.Namespace) -> int:
    def body(api: DysmsApi, lang: str) -> int:
        from app.cloud.sync import sync  # the store is only needed here
        from app.store import open_store

        report = sync(api, open_store(), today=args.today)
        if args.json:
            print_json(report.to_json(lang))
        else:
            print(report.summary().get(lang))
            for group_id, error in report.errors.items():
                print(f"  {group_id}: {error.message(lang)}")
        return 0
    return _run(args, body)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    while _width(text) > width:
        text = text[:-2] + "…"
    return text + " " * (width - _width(text))


def format_table(rows: list[dict[str, Any]], lang: str) -> str:
    """A plain-text table; the remark column only shows for rejected/needs-supplement."""
    columns = [("group_id", 10), ("state", 12), ("name", 40), ("legal_person", 10),
               ("audit_time", 19), ("audit_remark", 40)]
    lines = ["  ".join(_cell(HEADERS[c].get(lang), w) for c, w in columns).rstrip()]
    for row in rows:
        shown = dict(row, state=state_label(row["state"]).get(lang))
        if row["state"] not in ("rejected", "needs_supplement"):
            shown["audit_remark"] = ""
        lines.append("  ".join(_cell(shown.get(c), w) for c, w in columns).rstrip())
    return "\n".join(lines)


def expiry_text(expiry: dict[str, Any] | None, lang: str) -> str:
    if not expiry:
        return NO_EXPIRY.get(lang)
    doc = DOCUMENT_LABELS[expiry["document"]]
    return EXPIRY_LINE[expiry["state"]].format(
        doc=doc, end=expiry["end"], days=abs(expiry["days_left"])).get(lang)


def format_show(shown: dict[str, Any], lang: str) -> str:
    state = state_label(shown["state"]).get(lang)
    lines = [f"{shown['detail'].get('QualificationName') or shown['group_id']}",
             f"{SHOW_LABELS['state'].get(lang)}: {state} ({shown['state_raw']})",
             f"{SHOW_LABELS['work_order_id'].get(lang)}: {shown['work_order_id']}"]
    if shown["audit_remark"]:
        lines.append(f"{SHOW_LABELS['audit_remark'].get(lang)}: {shown['audit_remark']}")
    lines.append(f"{SHOW_LABELS['expiry'].get(lang)}: {expiry_text(shown['expiry'], lang)}")
    for key, value in shown["detail"].items():
        if isinstance(value, str | int | bool) and key not in ("QualificationName", "State"):
            lines.append(f"  {key}: {value}")
    return "\n".join(lines)
