"""The business licence (营业执照), three-in-one style with the unified social credit code."""

from __future__ import annotations

from app.core.dates import LONG_TERM
from app.ocr.extract import Extraction
from app.ocr.layout import Row, after_label, continuation, find_after_label
from app.ocr.normalize import chinese_brackets, find_dates, fix_credit_code, windows

CODE = ("统一社会信用代码",)
NAME = ("名称",)
TYPE = ("类型",)
LEGAL_REP = ("法定代表人", "负责人", "执行事务合伙人")
ADDRESS = ("住所", "经营场所", "营业场所")
ESTABLISHED = ("成立日期", "注册日期")
TERM = ("营业期限", "经营期限")
CAPITAL = ("注册资本", "出资额")
LABELS = CODE + NAME + TYPE + LEGAL_REP + ADDRESS + ESTABLISHED + TERM + CAPITAL + ("经营范围", "登记机关")
INVALID_PENALTY = 0.4


def business_license(rows: list[Row], out: Extraction) -> None:
    _credit_code(rows, out)
    for key, labels in (("enterprise_name", NAME), ("enterprise_type", TYPE),
                        ("legal_rep_name", LEGAL_REP)):
        found = find_after_label(rows, labels)
        if found and found[0]:
            out.put(key, chinese_brackets(found[0]), found[1].confidence)
    found = find_after_label(rows, ADDRESS)
    if found and found[0]:
        rest, conf = continuation(rows, found[1], len(ADDRESS[0]), LABELS)
        out.put("address", chinese_brackets(found[0] + rest), min(found[1].confidence, conf))
    found = find_after_label(rows, ESTABLISHED)
    established = find_dates(found[0]) if found else []
    if found and established:
        out.put("established", established[0], found[1].confidence)
    found = find_after_label(rows, TERM)
    if found:
        dates = find_dates(found[0])
        if len(dates) >= 2:
            out.put("term_start", dates[0], found[1].confidence)
            out.put("term_end", dates[1], found[1].confidence)
        elif dates == [LONG_TERM.isoformat()] and established:
            # "营业期限 长期": the term runs from the founding date.
            out.put("term_start", established[0], found[1].confidence)
            out.put("term_end", dates[0], found[1].confidence)


def _credit_code(rows: list[Row], out: Extraction) -> None:
    fallback: tuple[str, float] | None = None
    for row in rows:
        labelled = after_label(row.text, CODE)
        text = (labelled if labelled is not None else row.text).upper()
        for candidate in windows(text, 18):
            code, valid = fix_credit_code(candidate)
            if valid:
                out.put("credit_code", code, row.confidence)
                return
            if fallback is None and labelled is not None:
                fallback = (code, row.confidence * INVALID_PENALTY)
    if fallback:
        out.put("credit_code", *fallback)
