"""Normalisation and field extraction on hand-made engine lines (no OCR engine needed)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from app.ocr.engines import Line
from app.ocr.extract import detect_kind, extract
from app.ocr.normalize import (
    comparison_key,
    find_dates,
    fix_credit_code,
    fix_id_number,
    halfwidth,
)
from tests.factories import ADMIN_ID, CREDIT_CODE, LEGAL_REP_ID


def line(text: str, left: float, top: float, conf: float = 0.99, height: float = 40) -> Line:
    return Line(text, conf, (left, top, left + 30 * len(text), top + height))


def test_dates_in_every_written_form() -> None:
    assert find_dates("日期：2026年11月2日") == ["2026-11-02"]
    assert find_dates("二〇二六年十一月二十日") == ["2026-11-20"]
    assert find_dates("2016.03.01-长期") == ["2016-03-01", "2099-12-31"]
    assert find_dates("２０１６．０３．０１—２０３６．０３．０１") == ["2016-03-01", "2036-03-01"]
    assert find_dates("19644年3月9日") == [], "no year 9644: a misread is not a date"
    assert find_dates("2026年2月30日") == []


def test_halfwidth() -> None:
    assert halfwidth("ＡＢＣ１２３（）：　") == "ABC123(): "


@pytest.mark.parametrize("number", [LEGAL_REP_ID, ADMIN_ID])
def test_id_confusions_fixed_only_when_the_check_digit_passes(number: str) -> None:
    misread = number[:17].replace("0", "O", 1).replace("1", "I", 1) + number[17]
    assert misread != number
    assert fix_id_number(misread) == (number, True)
    assert fix_id_number(number) == (number, True)
    wrong = number[:5] + str((int(number[5]) + 1) % 10) + number[6:]  # a real digit error
    fixed, valid = fix_id_number(wrong)
    assert not valid and fixed == wrong, "a wrong digit must never be 'corrected' into another number"


@given(st.integers(min_value=0, max_value=999), st.dates())
def test_any_valid_id_with_letter_lookalikes_is_recovered(seq: int, born) -> None:
    body = f"110105{born:%Y%m%d}{seq:03d}"
    if not date(1900, 1, 1) <= born <= date.today():  # the rule engine's birth-date range
        return
    number = body + ric.calc_check_digit(body + "0")
    misread = number[:14].replace("0", "O", 1).replace("1", "I", 1) + number[14:]
    assert fix_id_number(misread) == (number, True)


def test_credit_code_confusions() -> None:
    misread = CREDIT_CODE.replace("0", "O")  # 91110108MA01ABCD0.. with O for 0
    assert fix_credit_code(misread) == (CREDIT_CODE, True)
    assert fix_credit_code(CREDIT_CODE.lower()) == (CREDIT_CODE, True)
    assert fix_credit_code(CREDIT_CODE[:-1] + ("1" if CREDIT_CODE[-1] != "1" else "2"))[1] is False


def test_comparison_key_ignores_form_not_content() -> None:
    assert comparison_key("有限责任公司（自然人投资或控股）") == comparison_key("有限责任公司(自然人投资或控股)")
    assert comparison_key("文三路 100 号") == comparison_key("文三路100号")
    assert comparison_key("91110108ma01abcd0x", "code") == comparison_key("91110108MA01ABCD0X", "code")
    assert comparison_key("2099-12-31", "date") == comparison_key("长期", "date")
    assert comparison_key("杭州云声科技有限公司") != comparison_key("杭州云声信息有限公司")


def portrait_lines(number: str = LEGAL_REP_ID) -> list[Line]:
    return [
        line("姓名", 60, 70), line("王建国", 180, 66),
        line("性别", 60, 140), line("男", 180, 138), line("民族", 300, 140), line("汉", 420, 138),
        line("出生", 60, 210), line("1949 年 12 月 31 日", 180, 208),
        line("住址", 60, 280), line("浙江省杭州市西湖区文三", 180, 278),
        line("用", 720, 310),  # a stamp's letter between the two address lines
        line("路100号", 181, 330),
        line("公民身份号码", 60, 480), line(number, 300, 476),
    ]


def test_portrait_fields_and_two_line_address() -> None:
    lines = portrait_lines()
    assert detect_kind(lines) == "id_portrait"
    got = extract("id_portrait", lines)
    assert got.fields == {"name": "王建国", "sex": "男", "ethnicity": "汉", "birth_date": "1949-12-31",
                          "address": "浙江省杭州市西湖区文三路100号", "id_number": LEGAL_REP_ID}
    assert set(got.confidence) == set(got.fields) and all(0 <= c <= 1 for c in got.confidence.values())


def test_unfixable_id_number_is_kept_with_low_confidence() -> None:
    bad = LEGAL_REP_ID[:5] + str((int(LEGAL_REP_ID[5]) + 1) % 10) + LEGAL_REP_ID[6:]
    got = extract("id_portrait", portrait_lines(bad))
    assert got.fields["id_number"] == bad and got.confidence["id_number"] < 0.5


def test_emblem_long_term() -> None:
    lines = [line("中华人民共和国", 330, 80), line("居民身份证", 300, 200), line("签发机关", 200, 430),
             line("杭州市公安局西湖分局", 360, 426), line("有效期限", 200, 505), line("2016.03.01-长期", 360, 501)]
    assert detect_kind(lines) == "id_emblem"
    assert extract("id_emblem", lines).fields == {
        "issuing_authority": "杭州市公安局西湖分局", "valid_from": "2016-03-01", "valid_to": "2099-12-31"}


def test_licence_fields() -> None:
    lines = [line("营业执照", 550, 90), line(f"统一社会信用代码 {CREDIT_CODE.replace('0', 'O')}", 110, 230),
             line("名称", 110, 330), line("杭州云声科技有限公司", 330, 330),
             line("类型", 110, 408), line("有限责任公司(自然人投资或控股)", 330, 408),
             line("法定代表人", 110, 486), line("王建国", 330, 486),
             line("成立日期", 110, 564), line("2015年06月01日", 330, 564),
             line("营业期限", 110, 642), line("2015年06月01日至长期", 330, 642),
             line("住所", 110, 720), line("浙江省杭州市西湖区文三路100号", 330, 720)]
    assert detect_kind(lines) == "business_license"
    assert extract("business_license", lines).fields == {
        "credit_code": CREDIT_CODE, "enterprise_name": "杭州云声科技有限公司",
        "enterprise_type": "有限责任公司（自然人投资或控股）", "legal_rep_name": "王建国",
        "address": "浙江省杭州市西湖区文三路100号", "established": "2015-06-01",
        "term_start": "2015-06-01", "term_end": "2099-12-31"}


def test_letter_date_comes_from_the_signature_block() -> None:
    lines = [line("号码申请公函", 400, 100), line("根据2025年3月1日的通知，特此申请。", 100, 300),
             line("日期：2026年11月2日", 600, 1400)]
    assert detect_kind(lines) == "application_letter"
    assert extract("application_letter", lines).fields == {"date": "2026-11-02"}


def test_unrecognisable_text() -> None:
    lines = [line("今天天气很好", 10, 10)]
    assert detect_kind(lines) == "unknown"
    assert extract("unknown", lines).fields == {}
    assert extract("id_portrait", []).fields == {}
