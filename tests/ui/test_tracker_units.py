"""The tracker's Qt-free pieces: auto-sync schedule, badge/expiry per row, draft pre-fill."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.ui.tracker.prefill import update_of_from, values_from_detail
from app.ui.tracker.rows import expiry_text, tracked_row
from app.ui.tracker.schedule import next_sync_delay_minutes

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(("now", "interval", "expected"), [
    (datetime(2026, 3, 10, 10, 0), 30, 30),     # audit window: the configured interval
    (datetime(2026, 3, 10, 20, 59), 30, 30),
    (datetime(2026, 3, 10, 23, 0), 30, 120),    # night: four times less often, ≥ 2 h
    (datetime(2026, 3, 10, 22, 0), 60, 240),
    (datetime(2026, 3, 11, 8, 30), 30, 31),     # but not past the window's opening
    (datetime(2026, 3, 10, 21, 0), 30, 120),
])
def test_auto_sync_is_rarer_outside_the_audit_window(now: datetime, interval: int,
                                                      expected: int) -> None:
    assert next_sync_delay_minutes(now, interval) == expected


def _row(state: str, end: str | None, document: str = "admin_id") -> dict:
    return {"group_id": 1, "state": state, "expiry_end": end, "expiry_document": document}


def test_badge_shows_expiry_of_approved_with_the_configured_lead_time() -> None:
    assert tracked_row(_row("approved", "2026-03-15"), TODAY, 7).badge == "expiring_soon"
    assert tracked_row(_row("approved", "2026-03-15"), TODAY, 3).badge == "approved"
    assert tracked_row(_row("approved", "2026-03-09"), TODAY, 7).badge == "expired"
    assert tracked_row(_row("rejected", "2026-03-09"), TODAY, 7).badge == "rejected"
    assert tracked_row(_row("reviewing", None), TODAY, 7).badge == "reviewing"
    assert tracked_row(_row("SOMETHING", None), TODAY, 7).badge == "unknown"


def test_expiry_text_names_days_and_document() -> None:
    soon = expiry_text(tracked_row(_row("approved", "2026-03-15"), TODAY, 7))
    assert soon.en == "5 days left · administrator's ID" and "5" in soon.zh
    gone = expiry_text(tracked_row(_row("approved", "2026-03-09", "business_license"), TODAY, 7))
    assert gone.en.startswith("Expired 1 day ago") and "营业执照" in gone.zh
    assert expiry_text(tracked_row(_row("approved", "2099-12-31"), TODAY, 7)).en == "Long-term"


DETAIL = {
    "QualificationName": "杭州云帆科技有限公司语音",
    "CompanyName": "杭州云帆科技有限公司",
    "CompanyType": "COMPANY",
    "OrganizationCode": "9133********1234",
    "LegalPersonName": "王伟",
    "LegalPersonIDCardNo": "330106********1234",
    "LegalPersonIdCardEffTime": "2020-01-01~2040-01-01",
    "AdminName": "李娜",
    "AdminPhoneNo": "13812345678",
    "AdminIDCardExpDate": "2016-01-01~2026-03-12",
    "EffTimeStr": "2019-05-21~2099-12-31",
    "BusinessLicensePics": [{"Type": "socialCreditLicense"}],
    "WhetherShare": True,
}


def test_prefill_copies_what_the_api_gave_but_never_a_masked_value() -> None:
    values = values_from_detail(DETAIL)
    assert values["enterprise_name"] == "杭州云帆科技有限公司"
    assert values["admin_phone"] == "13812345678"
    assert (values["admin_id_valid_from"], values["admin_id_valid_to"]) == ("2016-01-01",
                                                                         "2026-03-12")
    assert values["business_term_end"] == "2099-12-31"
    assert values["certificate_type"] == "uscc_certificate"
    assert values["qualification_authorized"] is True
    assert "organization_code" not in values and "legal_rep_id_number" not in values


def test_update_of_locks_identity_fields_and_names_the_expired_document() -> None:
    record = {"group_id": 7, "work_order_id": "99", "expiry_document": "legal_person_id"}
    update = update_of_from(record, DETAIL)
    assert update["group_id"] == 7 and update["expired_documents"] == ["legal_rep_id"]
    assert update["values"] == {"enterprise_name": "杭州云帆科技有限公司",
                                "qualification_name": "杭州云帆科技有限公司语音",
                                "qualification_authorized": True,
                                "business_term_end": "2099-12-31",
                                "legal_rep_id_valid_to": "2040-01-01",
                                "admin_id_valid_to": "2026-03-12"}


def test_the_editor_names_the_expired_document_from_update_of() -> None:
    from app.core.spec import load_form
    from app.ui.editor.banner import expired_documents

    update = update_of_from({"group_id": 7}, DETAIL)
    expired = expired_documents(load_form("general"), {}, update, date(2026, 3, 20))
    assert [t.en for t in expired] and "administrator" in expired[0].en
