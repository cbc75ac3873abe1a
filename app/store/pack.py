"""The submission pack: a zip with `draft.json`, the images under ASCII names that say what
they are (the console's upload rejects Chinese file names) and `values.html`.

`draft.json` points at the images inside the pack, so the unzipped pack re-imports as is.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zipfile
from pathlib import Path

from app.core.spec import FieldSpec
from app.core.text import Text, UserError
from app.store.db import Store
from app.store.drafts import get_draft
from app.store.values_sheet import render_values_sheet

IMAGES_DIR = "images"
# Which side of an ID card a document kind is, named so nobody mixes them up.
SIDE_SUFFIX = {"id_emblem": "_emblem_side", "id_portrait": "_portrait_side"}


def pack_name(f: FieldSpec, index: int, ext: str) -> str:
    """ASCII file name for the `index`-th image of field `f`, e.g.
    `legal_rep_id_front_emblem_side.jpg`, `additional_attachment_2.png`."""
    base = f.id.removesuffix("_image") + SIDE_SUFFIX.get(f.document or "", "")
    if f.type == "image_list":
        return f"{base.removesuffix('s')}_{index + 1}{ext}"
    return f"{base}{ext}"


def export_pack(store: Store, draft_id: str, out: str | Path) -> list[str]:
    """Write the pack for `draft_id` to `out` (atomically); returns the names inside it."""
    out = Path(out)
    stored = get_draft(store, draft_id)
    form = stored.form
    values = dict(stored.values)
    image_names: dict[str, list[str]] = {}
    files: list[tuple[str, Path]] = []
    for f in form.fields:
        refs = stored.images.get(f.id, [])
        names = [pack_name(f, i, r.ext) for i, r in enumerate(refs)]
        for name, ref in zip(names, refs, strict=True):
            if not ref.path.is_file():
                raise UserError(Text(f"草稿的图片文件丢失：{ref.original_name}",
                                     f"The draft's image file is missing: {ref.original_name}"))
            files.append((f"{IMAGES_DIR}/{name}", ref.path))
        image_names[f.id] = names
        if f.type == "image_list":
            values[f.id] = [f"{IMAGES_DIR}/{n}" for n in names]
        elif f.is_image and names:
            values[f.id] = f"{IMAGES_DIR}/{names[0]}"
    draft_json: dict = {"form": form.id, "values": values}
    if stored.update_of is not None:
        draft_json["update_of"] = stored.update_of
    enterprise = values.get("enterprise_name")
    sheet = render_values_sheet(form, stored.values, image_names,
                                title=enterprise if isinstance(enterprise, str) else "")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".pack-", suffix=".zip", dir=out.parent)
        os.close(fd)
        try:
            with zipfile.ZipFile(tmp_name, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("draft.json", json.dumps(draft_json, ensure_ascii=False, indent=2))
                zf.writestr("values.html", sheet)
                for arcname, path in files:
                    zf.write(path, arcname, compress_type=zipfile.ZIP_STORED)  # already compressed
            os.replace(tmp_name, out)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
    except OSError as exc:
        raise UserError(Text(f"无法写入 {out}：{exc.strerror}",
                             f"Cannot write {out}: {exc.strerror}")) from None
    return ["draft.json", "values.html"] + [a for a, _ in files]
