"""`qualdesk drafts list|import|export|delete|restore|new`: the local drafts, headless."""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable

from app.commands.common import add_lang_option, fail, lang_of, print_json
from app.core.draft import load_draft_file
from app.core.spec import FORM_IDS
from app.core.text import Text, UserError
from app.store import (
    create_draft,
    delete_draft,
    import_draft,
    list_drafts,
    open_store,
    resolve_id,
    restore_draft,
)
from app.store.db import Store
from app.store.pack import export_pack


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("drafts", help="list, import, export and trash local drafts")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_text: str, func: Callable[[Store, argparse.Namespace, str], int]
               ) -> argparse.ArgumentParser:
        a = actions.add_parser(name, help=help_text)
        a.add_argument("--json", action="store_true", help="print JSON")
        add_lang_option(a)
        a.set_defaults(func=run, action_func=func)
        return a

    action("list", "list the drafts", _list).add_argument(
        "--trash", action="store_true", help="show the trash instead")
    action("import", "store a draft file (its images are copied in)", _import).add_argument(
        "file", help="draft JSON file")
    exp = action("export", "write the submission pack (zip)", _export)
    exp.add_argument("id", help="draft id (or a unique prefix)")
    exp.add_argument("out", help="the .zip to write")
    action("delete", "move a draft to the trash", _delete).add_argument("id")
    action("restore", "bring a draft back from the trash", _restore).add_argument("id")
    action("new", "create an empty draft", _new).add_argument(
        "--form", choices=FORM_IDS, default="general")


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    try:
        # Reading the draft file first: a bad file must not even create the data folder.
        if args.action == "import":
            args.draft = load_draft_file(args.file)
        with open_store() as store:
            return args.action_func(store, args, lang)
    except UserError as exc:
        return fail(exc, lang)
    except (sqlite3.Error, OSError) as exc:  # disk full, permissions, a damaged file
        return fail(UserError(Text(f"本地数据库出错：{exc}", f"Local database error: {exc}")),
                    lang, 1)


FORM_NAMES = {"general": Text("通用", "general"), "number400": Text("400", "400")}


def _list(store: Store, args: argparse.Namespace, lang: str) -> int:
    rows = list_drafts(store, trash=args.trash)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    if not rows:
        print(Text("回收站为空。", "The trash is empty.").get(lang) if args.trash
              else Text("还没有草稿。", "No drafts yet.").get(lang))
        return 0
    head = Text("编号      表单     完成度  错误  最后编辑             企业名称",
                "ID        form     done    errors  last edited          enterprise")
    print(head.get(lang))
    for r in rows:
        when = (r.deleted_at if args.trash else r.updated_at)[:19].replace("T", " ")
        print(f"{r.id:<9} {FORM_NAMES[r.form].get(lang):<8} {r.completeness:>5.0%}  "
              f"{r.error_count:>5}  {when}  {r.enterprise_name or '—'}")
    return 0


def _import(store: Store, args: argparse.Namespace, lang: str) -> int:
    draft_id = import_draft(store, args.draft)
    _done(args, {"id": draft_id}, Text(f"已导入草稿 {draft_id}", f"Imported draft {draft_id}"), lang)
    return 0


def _export(store: Store, args: argparse.Namespace, lang: str) -> int:
    draft_id = resolve_id(store, args.id)
    files = export_pack(store, draft_id, args.out)
    _done(args, {"id": draft_id, "path": args.out, "files": files},
          Text(f"已导出提交包：{args.out}", f"Wrote the submission pack: {args.out}"), lang)
    return 0


def _delete(store: Store, args: argparse.Namespace, lang: str) -> int:
    draft_id = resolve_id(store, args.id)
    delete_draft(store, draft_id)
    _done(args, {"id": draft_id, "deleted": True},
          Text(f"草稿 {draft_id} 已移到回收站（30 天后清除）",
               f"Moved draft {draft_id} to the trash (purged after 30 days)"), lang)
    return 0


def _restore(store: Store, args: argparse.Namespace, lang: str) -> int:
    draft_id = resolve_id(store, args.id)
    restore_draft(store, draft_id)
    _done(args, {"id": draft_id, "deleted": False},
          Text(f"已恢复草稿 {draft_id}", f"Restored draft {draft_id}"), lang)
    return 0


def _new(store: Store, args: argparse.Namespace, lang: str) -> int:
    draft_id = create_draft(store, args.form)
    _done(args, {"id": draft_id}, Text(f"已创建草稿 {draft_id}", f"Created draft {draft_id}"), lang)
    return 0


def _done(args: argparse.Namespace, data: dict, message: Text, lang: str) -> None:
    if args.json:
        print_json(data)
    else:
        print(message.get(lang))
