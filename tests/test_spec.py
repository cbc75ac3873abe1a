"""The form specs: every DESIGN.md field id, valid structure, strict loading."""

from __future__ import annotations

import pytest

from app.core.spec import FIELD_TYPES, SpecError, all_forms, load_form, parse_form

DESIGN_FIELDS = {
    "general": """reuse_across_products certificate_type business_certificate_image enterprise_name
        organization_code enterprise_type enterprise_address enterprise_province enterprise_city
        business_term_start business_term_end legal_rep_id_front_image legal_rep_id_back_image
        legal_rep_name legal_rep_id_number legal_rep_id_valid_from legal_rep_id_valid_to
        admin_id_front_image admin_id_back_image admin_holding_id_image admin_name admin_id_number
        admin_id_valid_from admin_id_valid_to admin_phone commitment_letter_image
        application_letter_image application_letter_date commitment_letter_date
        additional_attachments remarks qualification_name qualification_authorized""".split(),
    "number400": """carrier numbers_requested enterprise_name unified_social_credit_code
        enterprise_valid_from enterprise_valid_to registered_address three_in_one
        three_in_one_license_image business_license_image tax_registration_image
        organization_code_image legal_rep_name legal_rep_certificate_type legal_rep_id_number
        legal_rep_id_valid_from legal_rep_id_valid_to legal_rep_id_front_image
        legal_rep_id_back_image application_description""".split(),
}


@pytest.mark.parametrize("form_id", DESIGN_FIELDS)
def test_spec_has_exactly_the_design_fields_in_order(form_id: str) -> None:
    form = load_form(form_id)
    assert [f.id for f in form.fields] == DESIGN_FIELDS[form_id]


@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.id)
def test_every_field_is_fully_described(form) -> None:
    section_ids = [s.id for s in form.sections]
    for f in form.fields:
        assert f.type in FIELD_TYPES
        assert f.label.zh and f.label.en, f.id
        assert f.section in section_ids
        if f.type == "choice":
            assert f.choices and all(c.label.zh and c.label.en for c in f.choices), f.id
        if f.type == "image":
            assert f.document, f"{f.id} must say what document it holds"
    # every section has at least one field
    assert all(form.section_fields(s) for s in section_ids)


def test_design_enumerations() -> None:
    general, n400 = load_form("general"), load_form("number400")
    assert [c.value for c in general.field("certificate_type").choices] == [
        "business_license", "public_institution_certificate", "uscc_certificate"]
    assert [c.value for c in n400.field("carrier").choices] == ["400_ct"]
    assert [c.value for c in n400.field("legal_rep_certificate_type").choices] == [
        "identity_card", "passport", "home_return_permit", "taiwan_compatriot_permit",
        "residence_permit", "other"]
    assert (n400.field("numbers_requested").min, n400.field("numbers_requested").max) == (1, 5)


def test_emblem_and_portrait_sides_as_the_sdk_names_them() -> None:
    general = load_form("general")
    for who in ("legal_rep", "admin"):
        assert general.field(f"{who}_id_front_image").document == "id_emblem"
        assert general.field(f"{who}_id_back_image").document == "id_portrait"


def test_three_in_one_branch_is_required_when() -> None:
    form = load_form("number400")
    images = ("business_license_image", "tax_registration_image", "organization_code_image")
    assert form.is_required(form.field("three_in_one_license_image"), {"three_in_one": True})
    assert not any(form.is_required(form.field(i), {"three_in_one": True}) for i in images)
    assert all(form.is_required(form.field(i), {"three_in_one": False}) for i in images)
    assert not form.is_required(form.field("three_in_one_license_image"), {"three_in_one": False})


def test_update_locked_fields_are_the_seeds_five() -> None:
    locked = [f.id for f in load_form("general").fields if f.locked_on_update]
    assert locked == ["enterprise_name", "organization_code", "enterprise_type",
                      "qualification_name", "qualification_authorized"]


MINIMAL = {
    "id": "t", "title_zh": "t", "title_en": "t",
    "sections": [{"id": "s", "label_zh": "s", "label_en": "s"}],
}


def _form(**field) -> dict:
    base = {"id": "a", "section": "s", "type": "text", "label_zh": "a", "label_en": "a"}
    return {**MINIMAL, "fields": [{**base, **field}]}


@pytest.mark.parametrize("bad", [
    {"colour": "red"},                       # unknown key
    {"type": "slider"},                      # unknown type
    {"section": "nowhere"},                  # unknown section
    {"format": "telepathy"},                 # unknown rule family
    {"required_when": {"field": "ghost", "equals": True}},  # dangling reference
    {"label_en": None},                      # label in one language only
])
def test_strict_loading_refuses_a_broken_spec(bad: dict) -> None:
    field = {k: v for k, v in bad.items() if v is not None}
    data = _form(**field)
    if bad.get("label_en", 1) is None:
        del data["fields"][0]["label_en"]
    with pytest.raises(SpecError):
        parse_form(data)


def test_unknown_form_is_a_user_error() -> None:
    with pytest.raises(SpecError) as info:
        load_form("number800")
    assert "number800" in info.value.message("en")
