"""Valid drafts of both forms and small real image files, for tests of every layer.

The values are realistic and pass every rule as of `TODAY`; a test breaks one value at a
time and expects exactly that finding.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from PIL import Image
from stdnum.cn import ric, uscc

TODAY = date(2026, 11, 23)


def id_number(body17: str) -> str:
    return body17 + ric.calc_check_digit(body17 + "0")


def credit_code(body17: str) -> str:
    return body17 + uscc.calc_check_digit(body17 + "0")


LEGAL_REP_ID = id_number("11010519491231002")  # ends in X
ADMIN_ID = id_number("44030619900307123")
CREDIT_CODE = credit_code("91110108MA01ABCD0")


def write_image(path: Path, fmt: str = "JPEG", size: tuple[int, int] = (64, 40),
                color: tuple[int, int, int] = (200, 30, 30)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path, fmt)
    return path


GENERAL_IMAGES = (
    "business_certificate_image", "legal_rep_id_front_image", "legal_rep_id_back_image",
    "admin_id_front_image", "admin_id_back_image", "admin_holding_id_image",
    "commitment_letter_image", "application_letter_image",
)
NUMBER400_IMAGES = ("three_in_one_license_image", "legal_rep_id_front_image", "legal_rep_id_back_image")


def general_values() -> dict[str, Any]:
    return {
        "reuse_across_products": False,
        "certificate_type": "business_license",
        "enterprise_name": "杭州云声科技有限公司",
        "organization_code": CREDIT_CODE,
        "enterprise_type": "有限责任公司（自然人投资或控股）",
        "enterprise_address": "浙江省杭州市西湖区文三路 100 号",
        "enterprise_province": "浙江省",
        "enterprise_city": "杭州市",
        "business_term_start": "2015-06-01",
        "business_term_end": "2099-12-31",
        "legal_rep_name": "王建国",
        "legal_rep_id_number": LEGAL_REP_ID,
        "legal_rep_id_valid_from": "2016-03-01",
        "legal_rep_id_valid_to": "2036-03-01",
        "admin_name": "李小红",
        "admin_id_number": ADMIN_ID,
        "admin_id_valid_from": "2020-05-10",
        "admin_id_valid_to": "2040-05-10",
        "admin_phone": "+8613912345678",
        "application_letter_date": "2026-11-02",
        "commitment_letter_date": "2026-11-02",
        "additional_attachments": [],
        "remarks": "验证码和订单通知语音外呼",
        "qualification_name": "云声科技语音通知",
        "qualification_authorized": True,
    }


def number400_values() -> dict[str, Any]:
    return {
        "carrier": "400_ct",
        "numbers_requested": 2,
        "enterprise_name": "杭州云声科技有限公司",
        "unified_social_credit_code": CREDIT_CODE,
        "enterprise_valid_from": "2015-06-01",
        "enterprise_valid_to": "2099-12-31",
        "registered_address": "浙江省杭州市西湖区文三路 100 号",
        "three_in_one": True,
        "legal_rep_name": "王建国",
        "legal_rep_certificate_type": "identity_card",
        "legal_rep_id_number": LEGAL_REP_ID,
        "legal_rep_id_valid_from": "2016-03-01",
        "legal_rep_id_valid_to": "2036-03-01",
        "application_description": "售后服务热线，客户来电咨询订单和退换货",
    }


def make_draft(folder: Path, form: str = "general", **overrides: Any) -> dict[str, Any]:
    """A complete, valid draft dict with its images written under `folder/img/`."""
    values = general_values() if form == "general" else number400_values()
    for field_id in GENERAL_IMAGES if form == "general" else NUMBER400_IMAGES:
        values[field_id] = str(write_image(folder / "img" / f"{field_id}.jpg"))
    values.update(overrides)
    return {"form": form, "values": values}


def write_draft(folder: Path, form: str = "general", **overrides: Any) -> Path:
    path = folder / f"{form}.json"
    path.write_text(json.dumps(make_draft(folder, form, **overrides), ensure_ascii=False),
                    encoding="utf-8")
    return path
