"""Masking, state normalisation, expiry and endpoint parsing: the pure parts of app.cloud."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.cloud.endpoint import parse_endpoint, read_timeout_from
from app.cloud.expiry import qualification_expiry
from app.cloud.masking import mask, mask_detail, mask_record
from app.cloud.states import (
    DETAIL_STATES,
    LIST_STATES,
    STATE_LABELS,
    list_state_filter,
    normalise_state,
)
from app.core.text import UserError


@pytest.mark.parametrize(("value", "kind", "expected"), [
    ("李华", "name", "李*"),
    ("欧阳娜娜", "name", "欧***"),
    ("杭州云帆科技有限公司", "name", "杭*********"),
    ("王", "name", "*"),
    ("110105199003071234", "id_number", "110105********1234"),
    ("13712345678", "phone", "137****5678"),
    ("+8613712345678", "phone", "+86137****5678"),
    ("91330106MA2AXXXX1K", "code", "9133**********XX1K"),
    ("12345678", "id_number", "12****78"),   # too short for 6+4: a quarter each side
    ("abc", "code", "***"),
])
def test_mask_rules(value: str, kind: str, expected: str) -> None:
    assert mask(value, kind) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, "", "   ", 42, "511391********5123", "137*******"])
def test_mask_leaves_empty_non_string_and_already_masked_alone(value: object) -> None:
    assert mask(value, "id_number") == value


def test_mask_record_masks_names_also_inside_the_qualification_name() -> None:
    row = {"group_id": 1, "name": "杭州云帆科技有限公司-李华", "company": "杭州云帆科技有限公司",
           "legal_person": "李华", "admin_name": "张伟", "state": "approved", "audit_remark": None}
    masked = mask_record(row)
    assert masked["company"] == "杭*********"
    assert masked["legal_person"] == "李*" and masked["admin_name"] == "张*"
    assert masked["name"] == "杭*********-李*"
    assert "云帆" not in str(masked) and "李华" not in str(masked)
    assert row["company"] == "杭州云帆科技有限公司"  # the input is not modified


def test_mask_detail_covers_the_fields_seed_000_lists() -> None:
    detail = {
        "QualificationName": "杭州云帆科技有限公司-李华", "CompanyName": "杭州云帆科技有限公司",
        "CompanyType": "COMPANY", "OrganizationCode": "91330106MA2AXXXX1K",
        "LegalPersonName": "李华", "LegalPersonIDCardNo": "110105199003071234",
        "AdminName": "张伟", "AdminIDCardNo": "110105198001011234", "AdminPhoneNo": "13712345678",
        "AdminIDCardPic": "https://b.oss.aliyuncs.com/1/p.jpg?Signature=abc",
        "BusinessLicensePics": [{"Type": "businessLicense", "PicUrl": "https://b.oss/x.png?s=1"}],
        "State": "PASSED",
    }
    masked = mask_detail(detail)
    for secret in ("云帆", "李华", "张伟", "19900307", "12345678", "MA2A", "Signature=abc", "x.png"):
        assert secret not in str(masked), secret
    assert masked["CompanyType"] == "COMPANY" and masked["State"] == "PASSED"
    assert masked["AdminIDCardNo"] == "110105********1234"


def test_every_raw_state_of_both_apis_normalises_and_has_labels() -> None:
    for raw, state in {**LIST_STATES, **DETAIL_STATES}.items():
        assert normalise_state(raw) == state
        assert normalise_state(raw.lower()) == state
        assert STATE_LABELS[state].zh and STATE_LABELS[state].en
    assert normalise_state("AUDITING") == "unknown"
    assert normalise_state(None) == "unknown"
    assert {normalise_state(r) for r in LIST_STATES} == {normalise_state(r) for r in DETAIL_STATES}


def test_state_filter_accepts_normalised_and_raw_values() -> None:
    assert list_state_filter("rejected") == "NOT_PASS"
    assert list_state_filter("PASSED") == "PASS"
    assert list_state_filter("init") == "INIT"
    with pytest.raises(UserError) as err:
        list_state_filter("sideways")
    assert "sideways" in err.value.message("en") and "sideways" in err.value.message("zh")


def test_expiry_reports_the_first_document_to_end() -> None:
    today = date(2025, 6, 1)
    soon = (today + timedelta(days=5)).isoformat()
    detail = {"EffTimeStr": "2020-01-01~2099-12-31",
              "LegalPersonIdCardEffTime": f"2015-01-01~{soon}",
              "AdminIDCardExpDate": "2019-01-01~2030-01-01"}
    expiry = qualification_expiry(detail, today)
    assert expiry is not None
    assert (expiry.state, expiry.document, expiry.days_left) == ("expiring_soon",
                                                                  "legal_person_id", 5)
    detail["AdminIDCardExpDate"] = "2010-01-01~2025-05-31"
    expiry = qualification_expiry(detail, today)
    assert expiry is not None and (expiry.state, expiry.document) == ("expired", "admin_id")
    assert expiry.days_left == -1
    assert qualification_expiry({"EffTimeStr": "garbage"}, today) is None


def test_endpoint_parsing() -> None:
    assert parse_endpoint(None).url == "https://dysmsapi.aliyuncs.com"
    assert parse_endpoint("http://127.0.0.1:8080").host == "127.0.0.1:8080"
    assert parse_endpoint("http://127.0.0.1:8080/").protocol == "http"
    assert parse_endpoint("example.com").url == "https://example.com"
    for bad in ("ftp://x", "http://", "http://h:99999", "http://h/path", "http://u@h"):
        with pytest.raises(UserError):
            parse_endpoint(bad)


def test_read_timeout_override(monkeypatch: pytest.MonkeyPatch) -> None:
    assert read_timeout_from(None) == 10.0
    monkeypatch.setenv("QUALDESK_READ_TIMEOUT", "1.5")
    assert read_timeout_from(None) == 1.5
    assert read_timeout_from(3) == 3
    for bad in ("0", "-1", "soon"):
        monkeypatch.setenv("QUALDESK_READ_TIMEOUT", bad)
        with pytest.raises(UserError):
            read_timeout_from(None)
