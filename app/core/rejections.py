"""Suggested fixes for common rejection reasons (`AuditRemark`).

The review's remark is free text, usually Chinese, sometimes English. The admin needs to know
what to do next, so each common reason from the VMS/SMS help pages maps to a bilingual fix and
to the flow that fixes it: edit and resubmit, update the expired documents, or nothing (another
entity must apply). Matching is by keywords in either language; a remark matching nothing gets
no suggestion rather than a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from app.core.text import Text

Action = Literal["resubmit", "update_expired", "none"]


@dataclass(frozen=True)
class RejectionFix:
    code: str
    reason: Text  # what the reviewer objected to, in plain words
    fix: Text  # what to do about it
    action: Action  # which flow fixes it


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    fix: RejectionFix


def _p(pattern: str, fix: RejectionFix) -> _Pattern:
    return _Pattern(re.compile(pattern, re.IGNORECASE), fix)


# Order matters only for the order suggestions are shown in; every match is reported.
_PATTERNS: tuple[_Pattern, ...] = (
    _p(r"个体工商户|个人独资|自然人独资|self[- ]employed|sole proprietor|individual[- ]owned"
       r"|不支持的?企业类型|unsupported (enterprise|company) type",
       RejectionFix("unsupported_type",
                    Text("企业类型不受支持（个体工商户、个人独资企业、自然人独资）",
                         "Unsupported enterprise type (self-employed, sole proprietorship, "
                         "individual-owned company)"),
                    Text("无法通过修改解决：需由其他符合条件的企业主体申请。",
                         "Cannot be fixed by editing: another eligible entity must apply."),
                    "none")),
    _p(r"实际使用者|actual user",
       RejectionFix("actual_user_name",
                    Text("入网承诺书中的实际使用者名称不正确", "The actual user name in the "
                         "commitment letter is incorrect"),
                    Text("在入网承诺书签字栏的“实际使用者名称”处填写与营业执照完全一致的企业名称"
                         "（不是个人姓名），并加盖公章后重新上传。",
                         "In the commitment letter's signature block, enter the enterprise name "
                         "exactly as on the licence (not a person's name) as the actual user, "
                         "stamp it and upload it again."),
                    "resubmit")),
    _p(r"话术|模板.{0,6}(场景|案例)|使用场景|业务场景|call (script|template)|use cases?",
       RejectionFix("call_templates",
                    Text("缺少呼叫话术模板和使用场景", "Call templates and use cases missing"),
                    Text("在备注中写明呼叫话术（外呼内容）和业务场景，说明号码的用途后重新提交。",
                         "Describe the call script and the business scenario in the remarks, "
                         "saying what the numbers are for, then resubmit."),
                    "resubmit")),
    _p(r"过期|到期|失效|expired|out of date",
       RejectionFix("expired_documents",
                    Text("证件已过期（营业执照、法人身份证或管理员身份证）",
                         "A document has expired (business licence, legal representative ID or "
                         "administrator ID)"),
                    Text("上传更新后的证件并重新提交（使用“更新过期资质”）。",
                         "Upload the renewed document and resubmit (use “Update expired "
                         "qualification”)."),
                    "update_expired")),
    _p(r"模糊|不清晰|看不清|未盖章|未加盖|没有盖章|无公章|缺少公章|blur|unclear|illegible"
       r"|not stamped|unstamped|no stamp|missing stamp",
       RejectionFix("blurred_or_unstamped",
                    Text("证件照片模糊或复印件未加盖公章", "Blurred photo or unstamped copy"),
                    Text("重新拍摄原件的清晰彩色照片，或在复印件上加盖红色公章后拍照上传。",
                         "Retake a clear colour photo of the original, or put the red company "
                         "stamp on the copy and photograph it."),
                    "resubmit")),
    _p(r"不一致|不符|不匹配|mismatch|does not match|do not match|inconsistent|differs?",
       RejectionFix("name_mismatch",
                    Text("填写的信息与证件不一致", "The entered details differ from the documents"),
                    Text("逐项核对自动识别的内容，将字段改为与证件上完全一致（名称、证件号、有效期）。",
                         "Check every auto-filled value and correct it to match the document "
                         "exactly (names, ID numbers, validity dates)."),
                    "resubmit")),
    _p(r"公函|申请函|application letter",
       RejectionFix("application_letter",
                    Text("号码申请公函不完整", "The application letter is incomplete"),
                    Text("公函签字栏需填写管理员姓名、身份证号、日期并加盖公章，管理员须与表单一致。",
                         "The letter's signature block needs the administrator's name, ID number, "
                         "the date and the company stamp; the administrator must match the form."),
                    "resubmit")),
    _p(r"手持|holding",
       RejectionFix("id_photos",
                    Text("身份证照片不符合要求", "ID photos not acceptable"),
                    Text("上传管理员身份证正反面及清晰、未镜像的手持身份证照片，所有复印件加盖公章。",
                         "Upload both sides of the administrator's ID and a clear, unmirrored photo "
                         "of the administrator holding it; stamp every copy."),
                    "resubmit")),
)


def suggest_fixes(remark: str | None) -> list[RejectionFix]:
    """Every known reason found in `remark`, most decisive first; empty when none matches."""
    if not remark or not remark.strip():
        return []
    return [p.fix for p in _PATTERNS if p.regex.search(remark)]
