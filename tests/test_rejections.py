"""Common rejection remarks map to the right bilingual fix and flow; unknown ones to nothing."""

from __future__ import annotations

import pytest

from app.core.rejections import suggest_fixes


@pytest.mark.parametrize(("remark", "code", "action"), [
    ("营业执照复印件模糊，请重新上传", "blurred_or_unstamped", "resubmit"),
    ("身份证复印件未加盖公章", "blurred_or_unstamped", "resubmit"),
    ("Business licence copy is blurred", "blurred_or_unstamped", "resubmit"),
    ("法人姓名与证件不一致", "name_mismatch", "resubmit"),
    ("Company name does not match the licence", "name_mismatch", "resubmit"),
    ("管理员身份证已过期", "expired_documents", "update_expired"),
    ("实际使用者名称不正确", "actual_user_name", "resubmit"),
    ("The actual user name is incorrect", "actual_user_name", "resubmit"),
    ("请提供呼叫话术模板和使用场景", "call_templates", "resubmit"),
    ("Please provide call templates and use cases", "call_templates", "resubmit"),
    ("个体工商户暂不支持", "unsupported_type", "none"),
    ("证件复印件未加盖公章，请加盖红色公章后重新上传", "blurred_or_unstamped", "resubmit"),
    ("号码申请公函不完整，落款处需填写管理员姓名、身份证号、日期并加盖公章", "application_letter",
     "resubmit"),
    ("请补充业务场景说明", "call_templates", "resubmit"),
    ("请补充管理员手持身份证照片", "id_photos", "resubmit"),
])
def test_common_remarks_get_their_fix(remark: str, code: str, action: str) -> None:
    fixes = suggest_fixes(remark)
    assert fixes, remark
    assert fixes[0].code == code
    assert fixes[0].action == action
    assert fixes[0].fix.zh and fixes[0].fix.en and fixes[0].fix.zh != fixes[0].fix.en


def test_a_remark_with_two_reasons_gets_both() -> None:
    codes = {f.code for f in suggest_fixes("营业执照已过期，且法人身份证复印件模糊")}
    assert {"expired_documents", "blurred_or_unstamped"} <= codes


@pytest.mark.parametrize("remark", [None, "", "   ", "N/A", "审核通过"])
def test_no_suggestion_without_a_known_reason(remark: str | None) -> None:
    assert suggest_fixes(remark) == []


def test_a_stamp_requirement_in_a_letter_remark_is_not_an_unstamped_copy() -> None:
    codes = [f.code for f in suggest_fixes("号码申请公函不完整，落款处需加盖公章")]
    assert codes == ["application_letter"]
