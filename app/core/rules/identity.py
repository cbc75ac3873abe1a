"""ID numbers (GB 11643), unified social credit codes (GB 32100) and mobile numbers.

Checksums come from python-stdnum. Its `cn.ric.validate` also rejects an ID whose area
code is missing from its table of birth places; real IDs issued under area codes newer than
that table (or than the birth year) exist, so we check length, birth date and check digit
ourselves and never the birth place. Messages never repeat the number itself.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric, uscc

from app.core.rules.engine import ERROR, RuleContext, field_rule, has_format
from app.core.spec import FieldSpec

ID_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")
MOBILE = re.compile(r"^(?:\+86|0086|86|\+)?1[3-9][0-9]{9}$")


def compact_id(value: str) -> str:
    return ric.compact(value)


def id_number_problem(value: str, today: date | None = None) -> str | None:
    """The first problem of a mainland ID number: 'not_ascii', 'format', 'birth_date',
    'checksum' or None."""
    if not value.isascii():  # stdnum would quietly fold full-width digits; the API will not
        return "not_ascii"
    number = compact_id(value)
    if not ID_SHAPE.match(number):
        return "format"
    try:
        born = ric.get_birth_date(number)
    except stdnum_errors.ValidationError:
        return "birth_date"
    if born.year < 1900 or born > (today or date.today()):
        return "birth_date"
    if ric.calc_check_digit(number) != number[-1]:
        return "checksum"
    return None


@field_rule("id_number_format", ERROR,
            "“{label}”应为 18 位：17 位数字加 1 位数字或 X。",
            "{label} must be 18 characters: 17 digits and a digit or X.",
            applies=has_format("cn_id_number"))
def id_number_format(ctx: RuleContext, f: FieldSpec, value: Any) -> bool:
    return isinstance(value, str) and id_number_problem(value, ctx.today) == "format"


@field_rule("id_birth_date", ERROR, "“{label}”中的出生日期（第 7–14 位）不是有效日期。",
            "{label} holds no valid birth date (characters 7–14).",
            applies=has_format("cn_id_number"))
def id_birth_date(ctx: RuleContext, f: FieldSpec, value: Any) -> bool:
    return isinstance(value, str) and id_number_problem(value, ctx.today) == "birth_date"


@field_rule("id_checksum", ERROR, "“{label}”的校验位不正确，请逐位核对证件。",
            "{label} has a wrong check digit; compare it with the card character by character.",
            applies=has_format("cn_id_number"))
def id_checksum(ctx: RuleContext, f: FieldSpec, value: Any) -> bool:
    return isinstance(value, str) and id_number_problem(value, ctx.today) == "checksum"


def credit_code_problem(value: str) -> str | None:
    """'not_ascii', 'format', 'checksum' or None for a unified social credit code."""
    if not value.isascii():
        return "not_ascii"
    try:
        uscc.validate(value)
    except stdnum_errors.InvalidChecksum:
        return "checksum"
    except stdnum_errors.ValidationError:
        return "format"
    return None


@field_rule("credit_code_format", ERROR,
            "“{label}”应为 18 位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V）。",
            "{label} must be an 18-character unified social credit code "
            "(digits and capitals, no I, O, Z, S or V).",
            applies=has_format("credit_code"))
def credit_code_format(ctx: RuleContext, f: FieldSpec, value: Any) -> bool:
    return isinstance(value, str) and credit_code_problem(value) == "format"


@field_rule("credit_code_checksum", ERROR, "“{label}”的校验码不正确，请与营业执照逐位核对。",
            "{label} has a wrong check character; compare it with the licence.",
            applies=has_format("credit_code"))
def credit_code_checksum(ctx: RuleContext, f: FieldSpec, value: Any) -> bool:
    return isinstance(value, str) and credit_code_problem(value) == "checksum"


def normalise_phone(value: str) -> str:
    return re.sub(r"[\s\-()]", "", value)


@field_rule("phone_invalid", ERROR,
            "“{label}”应为能接收短信验证码的手机号，可带 +86、0086 或 86 前缀。",
            "{label} must be a mobile number that receives SMS codes, "
            "optionally prefixed +86, 0086 or 86.",
            applies=has_format("mobile_phone"))
def phone_invalid(ctx: RuleContext, f: FieldSpec, value: Any) -> bool:
    return isinstance(value, str) and value.isascii() and not MOBILE.match(normalise_phone(value))


@field_rule("not_ascii", ERROR,
            "“{label}”含有全角或中文字符（如“１”“Ｘ”）；请切换到半角输入后重新填写。",
            "{label} contains full-width or Chinese characters (such as “１” or “Ｘ”); type it "
            "again with half-width input.",
            applies=lambda ctx, f: f.format in ("cn_id_number", "credit_code", "mobile_phone")
            and ctx.form.format_applies(f, ctx.values))
def not_ascii(ctx: RuleContext, f: FieldSpec, value: Any) -> bool:
    return isinstance(value, str) and not value.isascii()
