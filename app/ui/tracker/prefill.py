"""Draft values from a tracked qualification's detail (no Qt).

Two flows start from the tracker: *Prepare a corrected resubmission* (a rejected
qualification: a general-form draft pre-filled with what the API returned) and *Update expired
qualification* (a draft linked to the qualification whose identity fields are locked, as
seed 000 requires). The API masks some values itself (`511391********5123`); a masked value
is never copied into a draft — the admin types the real one.
"""

from __future__ import annotations

from typing import Any

from app.core.spec import load_form

# detail key -> general-form field id (plain copies)
_PLAIN = {
    "QualificationName": "qualification_name",
    "CompanyName": "enterprise_name",
    "OrganizationCode": "organization_code",
    "LegalPersonName": "legal_rep_name",
    "LegalPersonIDCardNo": "legal_rep_id_number",
    "AdminName": "admin_name",
    "AdminIDCardNo": "admin_id_number",
    "AdminPhoneNo": "admin_phone",
}
# detail key holding "start~end" -> (from field, to field)
_RANGES = {
    "EffTimeStr": ("business_term_start", "business_term_end"),
    "LegalPersonIdCardEffTime": ("legal_rep_id_valid_from", "legal_rep_id_valid_to"),
    "AdminIDCardExpDate": ("admin_id_valid_from", "admin_id_valid_to"),
}
# the sync's expiry document names -> the general form's validity documents
FORM_DOCUMENTS = {"business_license": "business_license", "legal_person_id": "legal_rep_id",
                  "admin_id": "admin_id"}
_CERTIFICATE_TYPES = {
    "businessLicense": "business_license",
    "socialCreditLicense": "uscc_certificate",
    "signLegalLicense": "public_institution_certificate",
}


def _usable(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and "*" not in value


def values_from_detail(detail: dict[str, Any]) -> dict[str, Any]:
    """General-form values recoverable from a QuerySingleSmsQualification `Data` map."""
    values: dict[str, Any] = {}
    for key, field_id in _PLAIN.items():
        if _usable(detail.get(key)):
            values[field_id] = detail[key].strip()
    for key, (start, end) in _RANGES.items():
        raw = detail.get(key)
        if _usable(raw) and "~" in raw:
            first, _, last = raw.partition("~")
            values[start], values[end] = first.strip(), last.strip()
    pics = detail.get("BusinessLicensePics")
    if isinstance(pics, list) and pics and isinstance(pics[0], dict):
        kind = _CERTIFICATE_TYPES.get(str(pics[0].get("Type")))
        if kind:
            values["certificate_type"] = kind
    if isinstance(detail.get("WhetherShare"), bool):  # shared with other products = authorised
        values["qualification_authorized"] = detail["WhetherShare"]
    form = load_form("general")
    return {k: v for k, v in values.items() if form.has_field(k)}


def update_of_from(row: dict[str, Any], detail: dict[str, Any]) -> dict[str, Any]:
    """The `update_of` record of an update-expired draft: which qualification, its original
    values — the identity fields the update must not change (the rules lock those) and the
    old validity end dates (the editor names the expired documents from them) — and the
    document that expired first."""
    form = load_form("general")
    values = values_from_detail(detail)
    kept = {f.id for f in form.fields if f.locked_on_update} | {v.end for v in form.validity}
    locked = {k: v for k, v in values.items() if k in kept}
    return {
        "group_id": row.get("group_id"),
        "work_order_id": row.get("work_order_id"),
        "values": locked,
        "expired_documents": [FORM_DOCUMENTS.get(doc, doc)] if (doc := row.get("expiry_document"))
        else [],
    }
