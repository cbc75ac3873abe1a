"""Drafts: create, read, autosave one field, images, duplicate, import.

Each public function is one short transaction on the calling thread's connection, so the GUI
can autosave every edit and a crash loses at most the edit in flight.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.core.dates import now_iso
from app.core.draft import Draft
from app.core.spec import FieldSpec, FormSpec, load_form
from app.core.text import Text, UserError
from app.store.blobs import Blob, blob_path, store_blob
from app.store.db import Store, write
from app.store.records import ImageRef, StoredDraft, draft_from_row, not_found

ID_BYTES = 4  # 8 hex characters: short enough to type, plenty for one person's drafts


def _to_json(value: Any, what: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        raise UserError(Text(f"{what} 的值无法保存", f"The value of {what} cannot be stored")) from None


def _value_field(form: FormSpec, field_id: str) -> FieldSpec:
    if not form.has_field(field_id):
        raise UserError(Text(f"表单 {form.id} 没有字段 {field_id}",
                             f"Form {form.id} has no field {field_id}"))
    f = form.field(field_id)
    if f.is_image:
        raise UserError(Text(f"{field_id} 是图片字段，请附加图片文件",
                             f"{field_id} is an image field: attach an image file instead"))
    return f


def _insert_draft(store: Store, form_id: str, values: dict[str, Any], *, current_step: int = 0,
                  linked_group_id: int | None = None, update_of: dict[str, Any] | None = None,
                  images: Sequence[tuple[str, int, Blob, str]] = ()) -> str:
    """Insert a draft and its image rows in one transaction; returns the new id."""
    values_json = _to_json(values, "values")
    update_json = None if update_of is None else _to_json(update_of, "update_of")
    stamp = now_iso()
    db = store.db
    for _ in range(10):
        draft_id = secrets.token_hex(ID_BYTES)
        try:
            with write(db):
                db.execute(
                    "INSERT INTO drafts (id, form, values_json, current_step, linked_group_id,"
                    " update_of_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (draft_id, form_id, values_json, current_step, linked_group_id, update_json,
                     stamp, stamp))
                db.conn.executemany(
                    "INSERT INTO draft_images (draft_id, field_id, position, sha256, ext,"
                    " original_name) VALUES (?, ?, ?, ?, ?, ?)",
                    [(draft_id, fid, pos, b.sha256, b.ext, name) for fid, pos, b, name in images])
            return draft_id
        except sqlite3.IntegrityError:
            continue  # id collision: draw another
    raise RuntimeError("could not allocate a draft id")


def create_draft(store: Store, form_id: str, values: dict[str, Any] | None = None, *,
                 linked_group_id: int | None = None,
                 update_of: dict[str, Any] | None = None) -> str:
    """A new draft of `form_id` with optional non-image values; returns its id."""
    form = load_form(form_id)
    # Empty image values ("", [], None) are harmless: images come through `attach_image`.
    values = {k: v for k, v in (values or {}).items()
              if not (form.has_field(k) and form.field(k).is_image and v in (None, "", []))}
    for field_id in values:
        _value_field(form, field_id)
    return _insert_draft(store, form.id, values, linked_group_id=linked_group_id,
                         update_of=update_of)


def get_draft(store: Store, draft_id: str) -> StoredDraft:
    db = store.db
    row = next(db.query("SELECT * FROM drafts WHERE id = ?", (draft_id,)), None)
    if row is None:
        raise not_found(draft_id)
    images = list(db.query("SELECT * FROM draft_images WHERE draft_id = ?", (draft_id,)))
    return draft_from_row(row, images, store.blobs_dir)


def load_draft(store: Store, draft_id: str) -> Draft:
    """The stored draft as a core `Draft` (image values are absolute blob paths)."""
    return get_draft(store, draft_id).to_draft()


def _live_form(db: Any, draft_id: str) -> tuple[FormSpec, str]:
    row = db.execute("SELECT form, values_json, deleted_at FROM drafts WHERE id = ?",
                     (draft_id,)).fetchone()
    if row is None:
        raise not_found(draft_id)
    if row[2] is not None:
        raise UserError(Text(f"草稿 {draft_id} 在回收站中，请先恢复",
                             f"Draft {draft_id} is in the trash: restore it first"))
    return load_form(row[0]), row[1]


def _touch(db: Any, draft_id: str) -> None:
    """Mark an edit: new time, new revision, cached error count invalid."""
    db.execute("UPDATE drafts SET updated_at = ?, revision = revision + 1, error_count = NULL"
               " WHERE id = ?", (now_iso(), draft_id))


def update_field(store: Store, draft_id: str, field_id: str, value: Any) -> None:
    """Autosave one non-image field (None clears it) in its own short transaction."""
    db = store.db
    with write(db):
        form, values_json = _live_form(db, draft_id)
        _value_field(form, field_id)
        values = json.loads(values_json)
        if value is None:
            values.pop(field_id, None)
        else:
            values[field_id] = value
        db.execute("UPDATE drafts SET values_json = ? WHERE id = ?",
                   (_to_json(values, field_id), draft_id))
        _touch(db, draft_id)


def set_current_step(store: Store, draft_id: str, step: int) -> None:
    """Remember the GUI's step; not an edit, so the last-edited time stays."""
    with write(store.db) as db:
        if db.execute("UPDATE drafts SET current_step = ? WHERE id = ?",
                      (int(step), draft_id)).rowcount == 0:
            raise not_found(draft_id)


def link_qualification(store: Store, draft_id: str, group_id: int | None,
                       update_of: dict[str, Any] | None) -> None:
    """Set (or clear, with None) the update-expired link and its locked values."""
    update_json = None if update_of is None else _to_json(update_of, "update_of")
    with write(store.db) as db:
        _live_form(db, draft_id)
        db.execute("UPDATE drafts SET linked_group_id = ?, update_of_json = ? WHERE id = ?",
                   (group_id, update_json, draft_id))
        _touch(db, draft_id)


def _image_field(form: FormSpec, field_id: str) -> FieldSpec:
    if not form.has_field(field_id) or not form.field(field_id).is_image:
        raise UserError(Text(f"表单 {form.id} 没有图片字段 {field_id}",
                             f"Form {form.id} has no image field {field_id}"))
    return form.field(field_id)


def attach_image(store: Store, draft_id: str, field_id: str, source: str | Path) -> ImageRef:
    """Copy `source` into the blob folder and attach it: replaces an `image` field's picture,
    appends to an `image_list`. The original may be moved or deleted afterwards."""
    source = Path(source)
    _image_field(_live_form(store.db, draft_id)[0], field_id)  # fail before copying
    blob = store_blob(store.blobs_dir, source)  # outside the transaction: may be slow
    with write(store.db) as db:
        form, _ = _live_form(db, draft_id)
        f = _image_field(form, field_id)
        if f.type == "image":
            db.execute("DELETE FROM draft_images WHERE draft_id = ? AND field_id = ?",
                       (draft_id, field_id))
            position = 0
        else:
            position = db.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM draft_images"
                " WHERE draft_id = ? AND field_id = ?", (draft_id, field_id)).fetchone()[0]
        db.execute("INSERT INTO draft_images (draft_id, field_id, position, sha256, ext,"
                   " original_name) VALUES (?, ?, ?, ?, ?, ?)",
                   (draft_id, field_id, position, blob.sha256, blob.ext, source.name))
        _touch(db, draft_id)
    return ImageRef(blob.sha256, blob.ext, source.name,
                    blob_path(store.blobs_dir, blob.sha256, blob.ext))


def remove_image(store: Store, draft_id: str, field_id: str, index: int | None = None) -> None:
    """Detach the field's image (`index` picks one of an image_list; None removes all)."""
    with write(store.db) as db:
        form, _ = _live_form(db, draft_id)
        _image_field(form, field_id)
        rows = db.execute("SELECT position FROM draft_images WHERE draft_id = ? AND field_id = ?"
                          " ORDER BY position", (draft_id, field_id)).fetchall()
        doomed = [p for i, (p,) in enumerate(rows) if index is None or i == index]
        db.conn.executemany("DELETE FROM draft_images WHERE draft_id = ? AND field_id = ?"
                            " AND position = ?", [(draft_id, field_id, p) for p in doomed])
        _touch(db, draft_id)


def duplicate_draft(store: Store, draft_id: str) -> str:
    """A copy with exactly the same values and images (to prepare a second enterprise from a
    first). The copy is a new application, so the update-expired link is not copied."""
    src = get_draft(store, draft_id)
    images = [(fid, pos, Blob(r.sha256, r.ext), r.original_name)
              for fid, refs in src.images.items() for pos, r in enumerate(refs)]
    return _insert_draft(store, src.form.id, src.values, current_step=src.current_step,
                         images=images)


def _image_sources(draft: Draft, f: FieldSpec) -> list[Path]:
    raw = draft.values.get(f.id)
    if raw is None or raw == "" or raw == []:
        return []
    items = raw if f.type == "image_list" and isinstance(raw, list) else [raw]
    if not all(isinstance(v, str) for v in items):
        raise UserError(Text(f"图片字段 {f.id} 的值必须是文件路径",
                             f"Image field {f.id} must hold a file path"))
    return [p for v in items if v.strip() and (p := draft.image_path(v)) is not None]


def import_draft(store: Store, draft: Draft) -> str:
    """Store a draft read from a file: image paths (relative to the draft file) are copied
    into the blob folder. Every image is checked first, so a missing one writes nothing."""
    sources = {f.id: _image_sources(draft, f) for f in draft.form.fields if f.is_image}
    missing = [str(p) for paths in sources.values() for p in paths if not p.is_file()]
    if missing:
        names = "\n  ".join(missing)
        raise UserError(Text(f"找不到这些图片文件，未导入：\n  {names}",
                             f"These image files are missing; nothing was imported:\n  {names}"))
    images = [(fid, pos, store_blob(store.blobs_dir, p), p.name)
              for fid, paths in sources.items() for pos, p in enumerate(paths)]
    values = {k: v for k, v in draft.values.items() if not draft.form.field(k).is_image}
    return _insert_draft(store, draft.form.id, values, update_of=draft.update_of, images=images)


def resolve_id(store: Store, text: str) -> str:
    """A draft id from the id or a unique prefix of it (at least 4 characters)."""
    text = text.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{4,32}", text):
        raise not_found(text)
    rows = store.db.execute("SELECT id FROM drafts WHERE id = ? OR id LIKE ? LIMIT 3",
                            (text, text + "%")).fetchall()
    ids = {r[0] for r in rows}
    if text in ids:
        return text
    if len(ids) == 1:
        return ids.pop()
    if not ids:
        raise not_found(text)
    raise UserError(Text(f"编号 {text} 对应多个草稿，请输入更多字符",
                         f"Several drafts start with {text}: type more of the id"))
