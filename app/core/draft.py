"""Draft values: a flat `{"form", "values"}` object, as DESIGN.md fixes it.

Reading a draft is strict about structure (not JSON, unknown form, unknown field → a
`DraftError` that the CLI turns into exit 2) and lenient about values: a wrong value is a
rule finding, not a refusal, so the user sees every problem at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.spec import FORM_IDS, FormSpec, load_form
from app.core.text import Text, UserError


class DraftError(UserError):
    """The draft cannot be read at all (as opposed to a draft with findings)."""


@dataclass
class Draft:
    form: FormSpec
    values: dict[str, Any]
    # Folder that relative image paths are resolved against (the draft file's folder).
    base_dir: Path = field(default_factory=Path.cwd)
    # Update-expired mode: the locked values of the tracked qualification being updated.
    update_of: dict[str, Any] | None = None

    def image_path(self, value: Any) -> Path | None:
        if not isinstance(value, str) or not value.strip():
            return None
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.base_dir / path

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"form": self.form.id, "values": self.values}
        if self.update_of is not None:
            data["update_of"] = self.update_of
        return data


def parse_draft(data: Any, base_dir: Path | None = None) -> Draft:
    if not isinstance(data, dict):
        raise DraftError(Text("草稿必须是 JSON 对象：{\"form\": ..., \"values\": {...}}",
                              'A draft must be a JSON object: {"form": ..., "values": {...}}'))
    form_id = data.get("form")
    if form_id not in FORM_IDS:
        raise DraftError(Text(f"未知的表单“{form_id}”，应为 general 或 number400",
                              f"Unknown form '{form_id}': expected general or number400"))
    form = load_form(form_id)
    values = data.get("values", {})
    if not isinstance(values, dict):
        raise DraftError(Text("“values”必须是对象", '"values" must be an object'))
    unknown = sorted(k for k in values if not form.has_field(k))
    if unknown:
        names = ", ".join(unknown)
        raise DraftError(Text(f"表单 {form_id} 没有这些字段：{names}",
                              f"Form {form_id} has no fields named: {names}"))
    extra = sorted(set(data) - {"form", "values", "update_of"})
    if extra:
        names = ", ".join(extra)
        raise DraftError(Text(f"草稿中有未知的键：{names}", f"Unknown keys in the draft: {names}"))
    update_of = data.get("update_of")
    if update_of is not None and not isinstance(update_of, dict):
        raise DraftError(Text("“update_of”必须是对象", '"update_of" must be an object'))
    return Draft(form, dict(values), base_dir or Path.cwd(), update_of)


def load_draft_file(path: str | Path) -> Draft:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DraftError(Text(f"找不到草稿文件：{path}", f"Draft file not found: {path}")) from None
    except OSError as exc:
        raise DraftError(Text(f"无法读取草稿文件 {path}：{exc.strerror}",
                              f"Cannot read draft file {path}: {exc.strerror}")) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise DraftError(Text(f"草稿文件不是有效的 JSON{where}：{path}",
                              f"The draft file is not valid JSON{where}: {path}")) from None
    return parse_draft(data, path.resolve().parent)


def is_filled(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(is_filled(v) for v in value)
    return True


def completeness(form: FormSpec, values: dict[str, Any]) -> float:
    """Share of the fields required right now (required-when included) that are filled."""
    required = [f for f in form.fields if form.is_required(f, values)]
    if not required:
        return 1.0
    filled = sum(1 for f in required if is_filled(form.value(values, f.id)))
    return filled / len(required)
