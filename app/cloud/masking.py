"""Masking of personal data: the one function every output path (CLI, GUI, logs) uses.

Rules (seed 000, "Protect sensitive information"): names keep the first character, ID
numbers the first 6 and last 4, phone numbers the first 3 and last 4, codes the first 4 and
last 4. A value that already contains `*` (the API masks some fields itself) is left alone.
"""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import urlsplit

MaskKind = Literal["name", "id_number", "phone", "code", "url"]
STAR = "*"
_KEEP: dict[str, tuple[int, int]] = {
    "name": (1, 0),
    "id_number": (6, 4),
    "phone": (3, 4),
    "code": (4, 4),
}
_PHONE_PREFIX = re.compile(r"^(\+86|0086|86|\+)(?=\d{11}$)")

# List rows: the fields that carry names (the qualification name embeds them too).
RECORD_NAME_FIELDS = ("company", "legal_person", "admin_name")
# The API's enterprise-type enumeration says nothing about anyone: shown as is.
COMPANY_TYPES = ("COMPANY", "NON_PROFIT_ORGANIZATION")
# Detail (QuerySingleSmsQualification Data): the fields the console's protection masks.
DETAIL_FIELDS: dict[str, MaskKind] = {
    "CompanyName": "name",
    "CompanyType": "name",
    "OrganizationCode": "code",
    "LegalPersonName": "name",
    "LegalPersonIDCardNo": "id_number",
    "AdminName": "name",
    "AdminIDCardNo": "id_number",
    "AdminPhoneNo": "phone",
    # Signed links to ID and licence photos: whoever holds one can open the picture.
    "AdminIDCardFrontFace": "url",
    "AdminIDCardPic": "url",
}


def _keep(value: str, head: int, tail: int) -> str:
    n = len(value)
    if n <= head + tail:  # too short to show that much: reveal at most a quarter each side
        head, tail = min(head, n // 4), min(tail, n // 4)
    return value[:head] + STAR * (n - head - tail) + (value[n - tail:] if tail else "")


def _mask_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}/{STAR * 3}"
    return STAR * 3


def mask(value: Any, kind: MaskKind) -> Any:
    """`value` with its private middle replaced by `*`; None and non-strings pass through."""
    if not isinstance(value, str) or not value.strip() or STAR in value:
        return value
    text = value.strip()
    if kind == "url":
        return _mask_url(text)
    if kind == "phone":
        digits = re.sub(r"[\s-]", "", text)
        prefix = _PHONE_PREFIX.match(digits)
        if prefix:
            return prefix.group(0) + _keep(digits[prefix.end():], 3, 4)
        return _keep(digits, 3, 4)
    if kind == "name" and len(text) == 1:
        return STAR
    head, tail = _KEEP[kind]
    return _keep(text, head, tail)


def _mask_embedded(text: Any, originals: list[Any]) -> Any:
    """Mask names embedded in a free text (e.g. a qualification named "公司-法人")."""
    if not isinstance(text, str):
        return text
    for original in sorted((o for o in originals if isinstance(o, str) and o.strip()),
                           key=len, reverse=True):
        if STAR not in original:
            text = text.replace(original, mask(original, "name"))
    return text


def mask_record(row: dict[str, Any]) -> dict[str, Any]:
    """A copy of a list row (or a stored qualification) with its names masked."""
    out = dict(row)
    names = [row.get(f) for f in RECORD_NAME_FIELDS]
    for field in RECORD_NAME_FIELDS:
        if field in out:
            out[field] = mask(out[field], "name")
    if "name" in out:
        out["name"] = _mask_embedded(out["name"], names)
    if isinstance(out.get("detail"), dict):
        out["detail"] = mask_detail(out["detail"])
    return out


def mask_detail(detail: dict[str, Any]) -> dict[str, Any]:
    """A copy of a QuerySingleSmsQualification `Data` map with the protected fields masked."""
    out = dict(detail)
    for field, kind in DETAIL_FIELDS.items():
        if field in out and not (field == "CompanyType" and out[field] in COMPANY_TYPES):
            out[field] = mask(out[field], kind)
    names = [detail.get("CompanyName"), detail.get("LegalPersonName"), detail.get("AdminName")]
    if "QualificationName" in out:
        out["QualificationName"] = _mask_embedded(out["QualificationName"], names)
    for key in ("BusinessLicensePics", "OtherFiles"):
        if isinstance(out.get(key), list):
            out[key] = [
                {**pic, "PicUrl": mask(pic.get("PicUrl"), "url")} if isinstance(pic, dict) else pic
                for pic in out[key]
            ]
    return out
