"""What the store hands out: a stored draft with its image references, and list rows."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.draft import Draft
from app.core.spec import FormSpec, load_form
from app.core.text import Text, UserError


class DraftNotFound(UserError):
    pass


def not_found(draft_id: str) -> DraftNotFound:
    return DraftNotFound(Text(f"没有编号为 {draft_id} 的草稿", f"No draft with id {draft_id}"))


@dataclass(frozen=True)
class ImageRef:
    sha256: str
    ext: str
    original_name: str  # the user's file name, shown in the GUI; never used on disk
    path: Path  # the blob file


@dataclass
class StoredDraft:
    id: str
    # Not in repr: values carry names and ID numbers, and a repr may end up in a log.
    form: FormSpec = field(repr=False)
    values: dict[str, Any] = field(repr=False)  # everything except images
    images: dict[str, list[ImageRef]] = field(repr=False)  # image field -> refs, in order
    current_step: int = 0
    linked_group_id: int | None = None
    update_of: dict[str, Any] | None = field(default=None, repr=False)
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    revision: int = 0
    error_count: int | None = None  # cached rule-error count (None: not computed since the edit)
    errors_checked_on: str | None = None  # the day the cached count was computed for

    def all_values(self) -> dict[str, Any]:
        """Values with images as absolute blob paths (a path for `image`, a list for
        `image_list`): what the rule engine and the GUI read."""
        merged = dict(self.values)
        for f in self.form.fields:
            refs = self.images.get(f.id, [])
            if f.type == "image_list":
                merged[f.id] = [str(r.path) for r in refs]
            elif f.type == "image" and refs:
                merged[f.id] = str(refs[0].path)
        return merged

    def to_draft(self) -> Draft:
        """The core `Draft`, so `check_draft` and `completeness` work on stored drafts."""
        return Draft(self.form, self.all_values(), Path.cwd(), self.update_of)


def draft_from_row(row: dict[str, Any], image_rows: list[dict[str, Any]],
                   blobs_dir: Path) -> StoredDraft:
    images: dict[str, list[ImageRef]] = {}
    for r in sorted(image_rows, key=lambda r: (r["field_id"], r["position"])):
        path = blobs_dir / r["sha256"][:2] / f"{r['sha256']}{r['ext']}"
        images.setdefault(r["field_id"], []).append(
            ImageRef(r["sha256"], r["ext"], r["original_name"], path))
    update_of = row["update_of_json"]
    return StoredDraft(
        id=row["id"], form=load_form(row["form"]), values=json.loads(row["values_json"]),
        images=images, current_step=row["current_step"], linked_group_id=row["linked_group_id"],
        update_of=json.loads(update_of) if update_of else None, created_at=row["created_at"],
        updated_at=row["updated_at"], deleted_at=row["deleted_at"], revision=row["revision"],
        error_count=row["error_count"], errors_checked_on=row["errors_checked_on"])


@dataclass(frozen=True)
class DraftSummary:
    """One row of the drafts list."""

    id: str
    form: str
    enterprise_name: str = field(repr=False)  # masked in the console; keep it out of logs
    created_at: str = ""
    updated_at: str = ""
    completeness: float = 0.0  # 0..1, required fields filled
    error_count: int = 0  # rule errors as of today
    deleted_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "form": self.form, "enterprise_name": self.enterprise_name,
                "created_at": self.created_at, "updated_at": self.updated_at,
                "completeness": round(self.completeness, 4), "error_count": self.error_count,
                "deleted_at": self.deleted_at}
