"""Enterprise name, qualification name and enterprise type, as the SDK and seed 000 fix them."""

from __future__ import annotations

import unicodedata
from typing import Any

from app.core.rules.engine import ERROR, RuleContext, field_rule, has_format
from app.core.spec import FieldSpec

ENTERPRISE_NAME_SYMBOLS = frozenset("·【】（）() ")
# Seed 000 / carrier rules: these entity types cannot hold a Voice Messaging qualification.
UNSUPPORTED_TYPES: tuple[tuple[str, str, str], ...] = (
    ("个体工商户", "个体工商户", "self-employed individual (个体工商户)"),
    ("个体户", "个体工商户", "self-employed individual (个体工商户)"),
    ("个人独资", "个人独资企业", "sole proprietorship (个人独资企业)"),
    ("自然人独资", "自然人独资公司", "individual-owned company (自然人独资)"),
    ("一人有限责任公司", "一人有限责任公司", "single-shareholder company (一人有限责任公司)"),
)


def _is_letter_or_digit(ch: str) -> bool:
    return unicodedata.category(ch)[0] in ("L", "N")


def _bad_symbols(value: str, allowed: frozenset[str]) -> str:
    bad = []
    for ch in value:
        if not _is_letter_or_digit(ch) and ch not in allowed and ch not in bad:
            bad.append(ch)
    return " ".join(repr(ch)[1:-1] if ch.isspace() else ch for ch in bad)


@field_rule("enterprise_name_symbols", ERROR,
            "“{label}”含有不允许的符号：{symbols}（只允许 ·【】（）() 和空格）。",
            "{label} contains symbols that are not allowed: {symbols} (only · 【】（）() and spaces).",
            applies=has_format("enterprise_name"))
def enterprise_name_symbols(ctx: RuleContext, f: FieldSpec, value: Any) -> dict[str, str] | None:
    if not isinstance(value, str):
        return None
    symbols = _bad_symbols(value, ENTERPRISE_NAME_SYMBOLS)
    return {"symbols": symbols} if symbols else None


@field_rule("qualification_name_symbols", ERROR,
            "“{label}”只能包含中文、英文字母和数字，发现：{symbols}。",
            "{label} may hold only Chinese, English letters and digits; found: {symbols}.",
            applies=has_format("qualification_name"))
def qualification_name_symbols(ctx: RuleContext, f: FieldSpec, value: Any) -> dict[str, str] | None:
    if not isinstance(value, str):
        return None
    symbols = _bad_symbols(value, frozenset())
    return {"symbols": symbols} if symbols else None


@field_rule("digits_only", ERROR, "“{label}”不能全为数字。", "{label} must not be digits only.",
            applies=lambda ctx, f: f.format in ("enterprise_name", "qualification_name"))
def digits_only(ctx: RuleContext, f: FieldSpec, value: Any) -> bool:
    return isinstance(value, str) and value.replace(" ", "").isdigit()


@field_rule("unsupported_enterprise_type", ERROR,
            "{type_zh}暂不支持申请语音服务资质，提交后会被驳回；需由其他类型的企业主体申请。",
            "The enterprise type {type_en} cannot hold a Voice Messaging qualification and would "
            "be rejected; another kind of entity must apply.",
            applies=has_format("enterprise_type"))
def unsupported_enterprise_type(ctx: RuleContext, f: FieldSpec, value: Any) -> dict[str, str] | None:
    if not isinstance(value, str):
        return None
    compact = value.replace(" ", "").replace("(", "（").replace(")", "）")
    for needle, type_zh, type_en in UNSUPPORTED_TYPES:
        if needle in compact:
            return {"type_zh": type_zh, "type_en": type_en}
    return None
