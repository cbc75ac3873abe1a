"""Both sides of the mainland resident ID card."""

from __future__ import annotations

import re

from app.ocr.extract import Extraction
from app.ocr.layout import Row, after_label, continuation, find_after_label
from app.ocr.normalize import (
    chinese_brackets,
    find_dates,
    fix_id_number,
    id_number_valid,
    to_iso_date,
    windows,
)

NAME = ("姓名",)
SEX = ("性别", "性別")
ETHNICITY = ("民族",)
BIRTH = ("出生",)
ADDRESS = ("住址",)
ID_NUMBER = ("公民身份号码", "公民身份证号码")
PORTRAIT_LABELS = NAME + SEX + ETHNICITY + BIRTH + ADDRESS + ID_NUMBER
INVALID_PENALTY = 0.4  # confidence kept by a value that fails its own check


def portrait(rows: list[Row], out: Extraction) -> None:
    found = find_after_label(rows, NAME)
    if found and found[0]:
        out.put("name", found[0], found[1].confidence)
    for row in rows:
        text = row.text
        m = re.search(r"性[别別]?([男女])", text)
        if m:
            out.put("sex", m[1], row.confidence)
        m = re.search(r"民族([\u3400-\u9fff]{1,6})", text)
        if m:
            out.put("ethnicity", m[1], row.confidence)
    _id_number(rows, out)
    found = find_after_label(rows, BIRTH)
    read = to_iso_date(found[0]) if found else None
    number = out.fields.get("id_number", "")
    from_id = f"{number[6:10]}-{number[10:12]}-{number[12:14]}" if id_number_valid(number) else None
    if read and found and (from_id is None or read == from_id):
        out.put("birth_date", read, found[1].confidence)
    elif from_id:
        # Unreadable or contradicted birth line: a checked ID number carries the date.
        out.put("birth_date", from_id, 0.6)
    if from_id and "sex" not in out.fields:
        # A lone character is what detectors miss most; digit 17 is odd for men.
        out.put("sex", "男" if int(number[16]) % 2 else "女", 0.6)
    found = find_after_label(rows, ADDRESS)
    if found:
        rest, conf = continuation(rows, found[1], len(ADDRESS[0]), PORTRAIT_LABELS)
        out.put("address", chinese_brackets(found[0] + rest), min(found[1].confidence, conf))


def _id_number(rows: list[Row], out: Extraction) -> None:
    """The 18-character number: preferably one whose check digit passes (after fixing
    look-alike letters), else the best-looking reading with a low confidence."""
    fallback: tuple[str, float] | None = None
    for row in rows:
        text = after_label(row.text, ID_NUMBER) or row.text
        for candidate in windows(text.upper(), 18):
            number, valid = fix_id_number(candidate)
            if valid:
                out.put("id_number", number, row.confidence)
                return
            if fallback is None and sum(c.isdigit() for c in candidate) >= 14:
                fallback = (number, row.confidence * INVALID_PENALTY)
    if fallback:
        out.put("id_number", *fallback)


AUTHORITY = ("签发机关",)
VALIDITY = ("有效期限",)


def emblem(rows: list[Row], out: Extraction) -> None:
    found = find_after_label(rows, AUTHORITY)
    if found and found[0]:
        out.put("issuing_authority", found[0], found[1].confidence)
    found = find_after_label(rows, VALIDITY)
    candidates = [found[1]] if found else []
    candidates += [r for r in rows if r not in candidates]
    for row in candidates:
        dates = find_dates(row.text)
        if len(dates) >= 2:
            out.put("valid_from", dates[0], row.confidence)
            out.put("valid_to", dates[1], row.confidence)
            return
