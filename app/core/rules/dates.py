"""Date rules: ISO format, start ≤ end, expiry of the documents, letter dates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.core.dates import add_months, expiry_of, parse_iso
from app.core.rules.engine import (
    ERROR,
    WARNING,
    RuleContext,
    field_rule,
    form_rule,
    has_format,
    of_type,
)
from app.core.spec import FieldSpec


@field_rule("date_format", ERROR, "“{label}”应为有效日期，格式 YYYY-MM-DD（长期填 2099-12-31）。",
            "{label} must be a valid date as YYYY-MM-DD (2099-12-31 for long-term).",
            applies=of_type("date"))
def date_format(ctx: RuleContext, f: FieldSpec, value: Any) -> bool:
    return isinstance(value, str) and parse_iso(value) is None


def _ranges(ctx: RuleContext) -> Iterator[tuple[Any, Any, Any]]:
    """(validity spec, start date or None, end date or None) for each declared range."""
    for v in ctx.form.validity:
        yield v, parse_iso(ctx.value(v.start)), parse_iso(ctx.value(v.end))


@form_rule("date_range_order", ERROR, "{document_zh}的有效期开始日期晚于截止日期。",
           "The {document_en}'s validity starts after it ends.")
def date_range_order(ctx: RuleContext) -> Iterator[tuple[str, dict[str, Any]]]:
    for v, start, end in _ranges(ctx):
        if start and end and start > end:
            yield v.end, {"document_zh": v.label.zh, "document_en": v.label.en}


@form_rule("document_expired", ERROR, "{document_zh}已于 {end} 过期，请上传换发后的证件并更新日期。",
           "The {document_en} expired on {end}; upload the renewed document and update the dates.")
def document_expired(ctx: RuleContext) -> Iterator[tuple[str, dict[str, Any]]]:
    for v, _start, end in _ranges(ctx):
        if end and expiry_of(end, ctx.today).state == "expired":
            yield v.end, {"document_zh": v.label.zh, "document_en": v.label.en, "end": end}


@form_rule("document_expiring_soon", WARNING,
           "{document_zh}将在 {days} 天内（{end}）到期，资质随之过期；请尽快准备换发的证件。",
           "The {document_en} ends in {days} days ({end}); the qualification expires with it — "
           "prepare the renewed document.")
def document_expiring_soon(ctx: RuleContext) -> Iterator[tuple[str, dict[str, Any]]]:
    for v, _start, end in _ranges(ctx):
        if end is None:
            continue
        expiry = expiry_of(end, ctx.today)
        if expiry.state == "expiring_soon":
            yield v.end, {"document_zh": v.label.zh, "document_en": v.label.en,
                          "days": expiry.days_left, "end": end}


@field_rule("letter_date_future", ERROR, "“{label}”不能晚于今天。",
            "{label} cannot be in the future.", applies=has_format("letter_date"))
def letter_date_future(ctx: RuleContext, f: FieldSpec, value: Any) -> bool:
    day = parse_iso(value)
    return day is not None and day > ctx.today


@field_rule("letter_date_too_old", ERROR,
            "“{label}”须在最近三个自然月内（不早于 {earliest}）；请重新签署并盖章。",
            "{label} must lie within the last three calendar months (not before {earliest}); "
            "sign and stamp the letter again.",
            applies=has_format("letter_date"))
def letter_date_too_old(ctx: RuleContext, f: FieldSpec, value: Any) -> dict[str, Any] | None:
    day = parse_iso(value)
    earliest = add_months(ctx.today, -3)
    return {"earliest": earliest} if day is not None and day < earliest else None
