"""Presence and shape: required fields, value types, choices, ranges and lengths."""

from __future__ import annotations

from typing import Any

from app.core.draft import is_filled
from app.core.rules.engine import ERROR, RuleContext, field_rule, of_type
from app.core.spec import FieldSpec


@field_rule("required", ERROR, "请填写“{label}”。", "{label} is required.",
            applies=lambda ctx, f: ctx.form.is_required(f, ctx.values), on_empty=True)
def required(ctx: RuleContext, f: FieldSpec, value: Any) -> bool:
    return not is_filled(value)


def _wrong_type(f: FieldSpec, value: Any) -> bool:
    if f.type == "bool":
        return not isinstance(value, bool)
    if f.type == "int":
        return isinstance(value, bool) or not isinstance(value, int | str) or (
            isinstance(value, str) and not value.strip().isdigit())
    if f.type == "image_list":
        return not isinstance(value, list) or not all(isinstance(v, str) for v in value)
    return not isinstance(value, str)


@field_rule("wrong_type", ERROR, "“{label}”的值类型不正确（应为{expected_zh}）。",
            "{label} has a value of the wrong kind (expected {expected_en}).",
            applies=lambda ctx, f: True)
def wrong_type(ctx: RuleContext, f: FieldSpec, value: Any) -> dict[str, str] | None:
    if not _wrong_type(f, value):
        return None
    expected = {
        "bool": ("是/否", "true or false"), "int": ("整数", "a whole number"),
        "image_list": ("文件路径列表", "a list of file paths"),
    }.get(f.type, ("文本", "text"))
    return {"expected_zh": expected[0], "expected_en": expected[1]}


@field_rule("invalid_choice", ERROR, "“{label}”只能选择：{allowed_zh}。",
            "{label} must be one of: {allowed_en}.", applies=of_type("choice"))
def invalid_choice(ctx: RuleContext, f: FieldSpec, value: Any) -> dict[str, str] | None:
    if isinstance(value, str) and value in {c.value for c in f.choices}:
        return None
    return {"allowed_zh": "、".join(c.label.zh for c in f.choices),
            "allowed_en": ", ".join(c.label.en for c in f.choices)}


@field_rule("out_of_range", ERROR, "“{label}”须在 {min} 到 {max} 之间。",
            "{label} must be between {min} and {max}.",
            applies=lambda ctx, f: f.type == "int" and (f.min is not None or f.max is not None))
def out_of_range(ctx: RuleContext, f: FieldSpec, value: Any) -> dict[str, Any] | None:
    if _wrong_type(f, value):
        return None  # wrong_type reports it
    number = int(value)
    low = f.min if f.min is not None else number
    high = f.max if f.max is not None else number
    if low <= number <= high:
        return None
    return {"min": f.min if f.min is not None else "-∞", "max": f.max if f.max is not None else "∞"}


@field_rule("too_long", ERROR, "“{label}”最多 {max_length} 个字符（现在 {length} 个）。",
            "{label} takes at most {max_length} characters (now {length}).",
            applies=lambda ctx, f: f.max_length is not None)
def too_long(ctx: RuleContext, f: FieldSpec, value: Any) -> dict[str, int] | None:
    if isinstance(value, str) and f.max_length is not None and len(value) > f.max_length:
        return {"max_length": f.max_length, "length": len(value)}
    return None
