"""Every rule, negative and positive: a broken value is flagged on the right field with the
right code; the valid drafts of both forms are clean."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.core.draft import parse_draft
from app.core.rules import RULES, check_draft
from tests.factories import ADMIN_ID, CREDIT_CODE, TODAY, id_number, make_draft, write_image


def findings_for(tmp_path: Path, form: str = "general", **overrides: Any):
    draft = parse_draft(make_draft(tmp_path, form, **overrides), tmp_path)
    return check_draft(draft, TODAY)


def codes(findings) -> set[tuple[str, str]]:
    return {(f.field, f.code) for f in findings}


@pytest.mark.parametrize("form", ["general", "number400"])
def test_valid_drafts_are_clean(tmp_path: Path, form: str) -> None:
    assert findings_for(tmp_path, form) == []


# (form, overrides, field, code) — each breaks exactly one rule.
BROKEN: list[tuple[str, dict[str, Any], str, str]] = [
    ("general", {"enterprise_name": ""}, "enterprise_name", "required"),
    ("general", {"admin_phone": None}, "admin_phone", "required"),
    ("general", {"business_certificate_image": ""}, "business_certificate_image", "required"),
    ("number400", {"three_in_one": False}, "business_license_image", "required"),
    ("number400", {"three_in_one": False}, "tax_registration_image", "required"),
    ("number400", {"three_in_one": False}, "organization_code_image", "required"),
    ("number400", {"three_in_one_license_image": None}, "three_in_one_license_image", "required"),
    ("general", {"qualification_authorized": "yes"}, "qualification_authorized", "wrong_type"),
    ("general", {"additional_attachments": "a.jpg"}, "additional_attachments", "wrong_type"),
    ("general", {"certificate_type": "passport"}, "certificate_type", "invalid_choice"),
    ("number400", {"carrier": "400_cu"}, "carrier", "invalid_choice"),
    ("number400", {"legal_rep_certificate_type": "driving_licence"}, "legal_rep_certificate_type",
     "invalid_choice"),
    ("number400", {"numbers_requested": 6}, "numbers_requested", "out_of_range"),
    ("number400", {"numbers_requested": 0}, "numbers_requested", "out_of_range"),
    ("number400", {"numbers_requested": "many"}, "numbers_requested", "wrong_type"),
    ("general", {"enterprise_type": "个体工商户"}, "enterprise_type", "unsupported_enterprise_type"),
    ("general", {"enterprise_type": "个人独资企业"}, "enterprise_type", "unsupported_enterprise_type"),
    ("general", {"enterprise_type": "有限责任公司（自然人独资）"}, "enterprise_type",
     "unsupported_enterprise_type"),
    ("general", {"enterprise_type": "有限责任公司(自然人独资)"}, "enterprise_type",
     "unsupported_enterprise_type"),
    ("general", {"enterprise_type": "一人有限责任公司"}, "enterprise_type", "unsupported_enterprise_type"),
    ("general", {"legal_rep_id_number": "11010519491231002"}, "legal_rep_id_number", "id_number_format"),
    ("general", {"admin_id_number": "44030619900307123A"}, "admin_id_number", "id_number_format"),
    ("general", {"admin_id_number": id_number("44030619901307123")}, "admin_id_number", "id_birth_date"),
    ("general", {"admin_id_number": id_number("44030620990307123")}, "admin_id_number", "id_birth_date"),
    ("general", {"admin_id_number": ADMIN_ID[:-1] + ("1" if ADMIN_ID[-1] != "1" else "2")},
     "admin_id_number", "id_checksum"),
    ("number400", {"legal_rep_id_number": "110105194912310021"}, "legal_rep_id_number", "id_checksum"),
    ("general", {"organization_code": CREDIT_CODE[:-1] + ("A" if CREDIT_CODE[-1] != "A" else "B")},
     "organization_code", "credit_code_checksum"),
    ("number400", {"unified_social_credit_code": "91110108MA01ABCD"}, "unified_social_credit_code",
     "credit_code_format"),
    ("general", {"organization_code": "91110108MA01ABCDOI"}, "organization_code", "credit_code_format"),
    ("general", {"business_term_start": "2015/06/01"}, "business_term_start", "date_format"),
    ("general", {"admin_id_valid_to": "2040-02-30"}, "admin_id_valid_to", "date_format"),
    ("general", {"legal_rep_id_valid_from": "2037-01-01"}, "legal_rep_id_valid_to", "date_range_order"),
    ("general", {"business_term_end": "2026-11-22"}, "business_term_end", "document_expired"),
    ("general", {"legal_rep_id_valid_to": "2020-01-01"}, "legal_rep_id_valid_to", "document_expired"),
    ("general", {"admin_id_valid_to": "2026-10-01"}, "admin_id_valid_to", "document_expired"),
    ("number400", {"enterprise_valid_to": "2025-01-01"}, "enterprise_valid_to", "document_expired"),
    ("general", {"admin_id_valid_to": "2026-11-30"}, "admin_id_valid_to", "document_expiring_soon"),
    ("general", {"business_term_end": "2026-11-23"}, "business_term_end", "document_expiring_soon"),
    ("general", {"application_letter_date": "2026-11-24"}, "application_letter_date", "letter_date_future"),
    ("general", {"commitment_letter_date": "2026-08-22"}, "commitment_letter_date", "letter_date_too_old"),
    ("general", {"admin_phone": "1391234567"}, "admin_phone", "phone_invalid"),
    ("general", {"admin_phone": "１３９１２３４５６７８"}, "admin_phone", "not_ascii"),
    ("general", {"legal_rep_id_number": "１１０１０５１９４９１２３１００２X"}, "legal_rep_id_number",
     "not_ascii"),
    ("number400", {"unified_social_credit_code": CREDIT_CODE[:-2] + "０" + CREDIT_CODE[-1]},
     "unified_social_credit_code", "not_ascii"),
    ("general", {"certificate_type": ["business_license"]}, "certificate_type", "wrong_type"),
    ("number400", {"carrier": {"id": "400_ct"}}, "carrier", "wrong_type"),
    ("general", {"admin_phone": "01087654321"}, "admin_phone", "phone_invalid"),
    ("general", {"admin_phone": "+44 7700 900123"}, "admin_phone", "phone_invalid"),
    ("general", {"enterprise_name": "云声科技有限公司&合伙"}, "enterprise_name", "enterprise_name_symbols"),
    ("general", {"enterprise_name": "云声科技-有限公司"}, "enterprise_name", "enterprise_name_symbols"),
    ("number400", {"enterprise_name": "12345678"}, "enterprise_name", "digits_only"),
    ("general", {"enterprise_name": "云" * 151}, "enterprise_name", "too_long"),
    ("general", {"qualification_name": "云声 通知"}, "qualification_name", "qualification_name_symbols"),
    ("general", {"qualification_name": "云声_通知"}, "qualification_name", "qualification_name_symbols"),
    ("general", {"qualification_name": "20261123"}, "qualification_name", "digits_only"),
    ("general", {"qualification_name": "a" * 101}, "qualification_name", "too_long"),
    ("general", {"admin_name": "王" * 51}, "admin_name", "too_long"),
]


@pytest.mark.parametrize(("form", "overrides", "field", "code"), BROKEN,
                         ids=[f"{b[3]}-{b[2]}" for b in BROKEN])
def test_broken_value_is_flagged_on_its_field(tmp_path: Path, form: str, overrides: dict,
                                              field: str, code: str) -> None:
    found = codes(findings_for(tmp_path, form, **overrides))
    assert (field, code) in found
    # nothing else breaks from a single bad value (required-when may add its siblings)
    assert all(c == code or f == field for f, c in found), found


# Values close to the edge that must pass.
VALID: list[tuple[str, dict[str, Any]]] = [
    ("general", {"enterprise_name": "北京·云声【华北】科技（集团）有限公司 (Beijing)"}),
    ("general", {"enterprise_type": "有限责任公司（自然人投资或控股的法人独资）"}),
    ("general", {"enterprise_type": "股份有限公司（上市）"}),
    ("general", {"admin_phone": "13912345678"}),
    ("general", {"admin_phone": "008613912345678"}),
    ("general", {"admin_phone": "8613912345678"}),
    ("general", {"admin_phone": "139 1234 5678"}),
    ("general", {"qualification_name": "YunSheng2026语音通知"}),
    ("general", {"legal_rep_id_number": id_number("11010519491231002").lower()}),
    ("general", {"business_term_end": "2026-12-01"}),  # 8 days: no warning yet
    ("general", {"commitment_letter_date": "2026-08-23"}),  # exactly three months ago
    ("general", {"application_letter_date": "2026-11-23"}),  # today
    ("general", {"legal_rep_id_valid_to": "2099-09-01"}),  # the seed's other long-term example
    ("number400", {"numbers_requested": 5}),
    ("number400", {"numbers_requested": "3"}),
    ("number400", {"legal_rep_certificate_type": "passport", "legal_rep_id_number": "E12345678"}),
    ("number400", {"three_in_one": False, "three_in_one_license_image": None,
                   "business_license_image": "img/b.jpg", "tax_registration_image": "img/t.jpg",
                   "organization_code_image": "img/o.jpg"}),
]


@pytest.mark.parametrize(("form", "overrides"), VALID)
def test_edge_values_pass(tmp_path: Path, form: str, overrides: dict) -> None:
    for value in overrides.values():
        if isinstance(value, str) and value.startswith("img/"):
            write_image(tmp_path / value)
    assert findings_for(tmp_path, form, **overrides) == []


def test_id_with_area_code_newer_than_birth_year_is_valid(tmp_path: Path) -> None:
    """Area 469027 (乐东, created 1987-88 after Hainan became a province) for a 1950 birth:
    stdnum's birth-place table would reject it; the card is real and valid."""
    number = id_number("46902719500101123")
    assert findings_for(tmp_path, admin_id_number=number) == []


def test_findings_never_echo_the_id_number(tmp_path: Path) -> None:
    bad = "110105194912310021"
    for f in findings_for(tmp_path, legal_rep_id_number=bad, admin_id_number=bad):
        assert bad not in f.message.zh and bad not in f.message.en


# ---- images: real format by content, decodes, size


def test_image_rules(tmp_path: Path) -> None:
    folder = tmp_path / "img"
    folder.mkdir()
    (folder / "fake.jpg").write_bytes(b"%PDF-1.4\n%...\n")
    write_image(folder / "bmp.jpg", "BMP")
    good = write_image(folder / "trunc.jpg", size=(400, 300))
    (folder / "trunc.jpg").write_bytes(good.read_bytes()[:300])
    big = folder / "big.png"
    big.write_bytes(write_image(folder / "small.png", "PNG").read_bytes() + b"\0" * (5 * 1024 * 1024))
    write_image(folder / "png_named.jpg", "PNG")
    found = codes(findings_for(
        tmp_path,
        business_certificate_image="img/missing.jpg",
        legal_rep_id_front_image="img/fake.jpg",
        legal_rep_id_back_image="img/bmp.jpg",
        admin_id_front_image="img/trunc.jpg",
        admin_id_back_image="img/big.png",
        admin_holding_id_image="img/png_named.jpg",
        additional_attachments=["img/small.png", "img/missing2.gif"],
    ))
    assert ("business_certificate_image", "image_missing") in found
    assert ("legal_rep_id_front_image", "image_format") in found
    assert ("legal_rep_id_back_image", "image_format") in found
    assert ("admin_id_front_image", "image_unreadable") in found
    assert ("admin_id_back_image", "image_too_large") in found
    assert ("admin_holding_id_image", "image_extension_mismatch") in found
    assert ("additional_attachments", "image_missing") in found
    assert ("admin_holding_id_image", "image_format") not in found


# ---- update-expired mode


def test_update_expired_locks_identity_fields(tmp_path: Path) -> None:
    data = make_draft(tmp_path, enterprise_name="杭州云声科技股份有限公司",
                      qualification_authorized=False)
    data["update_of"] = {"group_id": 10000123, "values": {
        "enterprise_name": "杭州云声科技有限公司", "organization_code": CREDIT_CODE,
        "enterprise_type": "有限责任公司（自然人投资或控股）", "qualification_name": "云声科技语音通知",
        "qualification_authorized": True}}
    found = codes(check_draft(parse_draft(data, tmp_path), TODAY))
    assert found == {("enterprise_name", "locked_field_changed"),
                     ("qualification_authorized", "locked_field_changed")}


def test_every_rule_has_a_unique_code_and_bilingual_message() -> None:
    codes_ = [r.code for r in RULES]
    assert len(codes_) == len(set(codes_))
    for r in RULES:
        assert r.message.zh and r.message.en and r.severity in ("error", "warning")
