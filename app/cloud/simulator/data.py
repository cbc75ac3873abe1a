"""Deterministic sample qualifications for the simulator (and the GUI's demo).

Same `seed` and `today` → the same records. Every state of both vocabularies appears
(list `StateName` and its detail `State` twin); ID numbers, phones and organisation codes are
masked in the answer, as the real API masks them (seed 002: `511391********5123`); some
documents expire within 7 days of `today` and some have expired; rejection reasons are the
common ones from the help pages and appear only in the list API's `AuditRemark`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from stdnum.cn import ric

from app.core.dates import LONG_TERM

# list StateName -> detail State
STATE_PAIRS = {"INIT": "INT", "PASS": "PASSED", "NOT_PASS": "FAILED",
               "NOT_FINISH": "NOT_FINISH", "CANCEL": "CANCELED"}
STATE_WEIGHTS = {"PASS": 5, "INIT": 2, "NOT_PASS": 2, "NOT_FINISH": 1, "CANCEL": 1}

CITIES = [("杭州", "330106"), ("上海", "310104"), ("北京", "110105"), ("深圳", "440305"),
          ("成都", "510107"), ("南京", "320106"), ("武汉", "420106"), ("西安", "610113")]
BRANDS = ["云帆", "星河", "青禾", "远舟", "锦程", "恒信", "博睿", "启明", "长风", "瑞丰",
          "嘉和", "鼎新", "华域", "润泽", "蓝湾", "金穗"]
TRADES = ["科技", "信息技术", "网络科技", "电子商务", "物流", "医疗器械", "教育咨询", "文化传媒"]
SUFFIXES = ["有限公司", "股份有限公司", "有限责任公司"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英",
         "建华", "晓东", "海燕", "志强", "丽娟", "国庆"]
PHONE_PREFIXES = ["137", "138", "139", "150", "186", "188", "159", "133"]
REJECTIONS = [
    "企业类型不支持：个体工商户、个人独资企业、自然人独资企业暂不支持申请",
    "填写信息与证件不一致，请按证件内容修改后重新提交",
    "营业执照已过期，请上传有效期内的证件",
    "入网承诺书中实际使用者名称有误，应填写营业执照上的企业名称",
    "号码申请公函不完整，落款处需填写管理员姓名、身份证号、日期并加盖公章",
    "请提供外呼话术模板及使用场景",
    "管理员手持身份证照片不清晰或为镜像，请重新拍摄",
    "证件复印件未加盖公章，请加盖红色公章后重新上传",
]
SUPPLEMENTS = ["请补充管理员手持身份证照片", "请补充号码申请公函", "请补充业务场景说明"]


def mask_middle(value: str, head: int, tail: int) -> str:
    """How the real API returns ID numbers, phones and codes (stars in the middle)."""
    return value[:head] + "*" * max(0, len(value) - head - tail) + value[len(value) - tail:]


@dataclass
class SimRecord:
    """One qualification as the service holds it; `list_item()` and `detail()` render the
    two APIs' views of it."""

    group_id: int
    work_order_id: int
    name: str
    company: str
    company_type: str
    organization_code: str
    legal_person: str
    legal_id: str
    admin_name: str
    admin_id: str
    admin_phone: str
    state: str  # list vocabulary
    audit_remark: str
    audit_time: datetime
    created: datetime
    use_by_self: bool
    license_range: str
    legal_id_range: str
    admin_id_range: str
    extra: dict[str, Any] = field(default_factory=dict)

    def list_item(self) -> dict[str, Any]:
        return {
            "GroupId": self.group_id,
            "QualificationGroupName": self.name,
            "CompanyName": self.company,
            "LegalPersonName": self.legal_person,
            "WorkOrderId": self.work_order_id,
            "StateName": self.state,
            "AuditRemark": self.audit_remark,
            "AuditTime": self.audit_time.strftime("%Y-%m-%d %H:%M:%S"),
            "CreateDate": self.created.strftime("%Y-%m-%d %H:%M:%S"),
            "UseBySelf": self.use_by_self,
        }

    def detail(self) -> dict[str, Any]:
        oss = f"https://dysms-qualification.oss-cn-hangzhou.aliyuncs.com/{self.group_id}"
        return {
            "QualificationGroupId": self.group_id,
            "QualificationName": self.name,
            "CompanyName": self.company,
            "CompanyType": self.company_type,
            "OrganizationCode": mask_middle(self.organization_code, 4, 4),
            "LegalPersonName": self.legal_person,
            "LegalPersonIDCardType": "identityCard",
            "LegalPersonIDCardNo": mask_middle(self.legal_id, 6, 4),
            "LegalPersonIdCardEffTime": self.legal_id_range,
            "AdminName": self.admin_name,
            "AdminPhoneNo": mask_middle(self.admin_phone, 3, 0),
            "AdminIDCardType": "identityCard",
            "AdminIDCardNo": mask_middle(self.admin_id, 6, 4),
            "AdminIDCardExpDate": self.admin_id_range,
            "AdminIDCardFrontFace": f"{oss}/admin_front.jpg?Expires=1&Signature=sim",
            "AdminIDCardPic": f"{oss}/admin_back.jpg?Expires=1&Signature=sim",
            "BusinessType": "dysms",
            "BusinessLicensePics": [{
                "Type": "businessLicense", "LicensePic": f"{self.group_id}/license.png",
                "PicUrl": f"{oss}/license.png?Expires=1&Signature=sim"}],
            "OtherFiles": [],
            "EffTimeStr": self.license_range,
            "UseBySelf": self.use_by_self,
            "WhetherShare": False,
            "WorkOrderId": self.work_order_id,
            "State": STATE_PAIRS.get(self.state, self.state),
            "Remark": "N/A",
        }


def _id_number(rng: random.Random, region: str) -> str:
    born = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 35))
    body = f"{region}{born:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return body + ric.calc_check_digit(body)


def _range(rng: random.Random, today: date, kind: str) -> str:
    """A validity range; `kind` is valid | soon (ends within 7 days) | expired | long."""
    if kind == "soon":
        end = today + timedelta(days=rng.randrange(0, 8))
    elif kind == "expired":
        end = today - timedelta(days=rng.randrange(1, 200))
    elif kind == "long":
        end = LONG_TERM
    else:
        end = today + timedelta(days=rng.randrange(120, 3650))
    start = (end if end != LONG_TERM else today) - timedelta(days=3650)
    return f"{start.isoformat()}~{end.isoformat()}"


def _credit_code(rng: random.Random, region: str) -> str:
    tail = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return f"91{region}{tail}"


def generate_records(count: int, seed: int = 20250501, today: date | None = None
                     ) -> list[SimRecord]:
    today = today or date.today()
    rng = random.Random(seed)
    states = list(STATE_WEIGHTS)
    records = []
    for i in range(count):
        # The first five cover every state, so even a tiny data set shows them all.
        state = states[i] if i < len(states) else rng.choices(
            states, weights=list(STATE_WEIGHTS.values()))[0]
        city, region = CITIES[rng.randrange(len(CITIES))]
        company = (f"{city}{rng.choice(BRANDS)}{rng.choice(TRADES)}"
                   f"{rng.choice(SUFFIXES)}")
        legal = rng.choice(SURNAMES) + rng.choice(GIVEN)
        admin = legal if rng.random() < 0.3 else rng.choice(SURNAMES) + rng.choice(GIVEN)
        created = datetime(2024, 1, 1, 9) + timedelta(minutes=rng.randrange(0, 60 * 24 * 480))
        audited = created + timedelta(hours=rng.randrange(2, 60))
        audited = audited.replace(hour=9 + audited.hour % 12)  # reviews run 09:00-21:00
        # Expiry: mostly valid; ~10% expiring within a week, ~10% expired (one document).
        kinds = ["valid", rng.choice(["valid", "long"]), "long"]
        roll = rng.random()
        if roll < 0.1 or i == 1:
            kinds[rng.randrange(3)] = "soon"
        elif roll < 0.2 or i == 2:
            kinds[rng.randrange(3)] = "expired"
        if state == "NOT_PASS":
            remark = rng.choice(REJECTIONS)
        elif state == "NOT_FINISH":
            remark = rng.choice(SUPPLEMENTS)
        else:
            remark = "N/A"
        records.append(SimRecord(
            group_id=10000001 + i,
            work_order_id=20010001 + i * 7,
            name=f"{company}-{legal}",
            company=company,
            company_type="COMPANY" if rng.random() < 0.9 else "NON_PROFIT_ORGANIZATION",
            organization_code=_credit_code(rng, region),
            legal_person=legal,
            legal_id=_id_number(rng, region),
            admin_name=admin,
            admin_id=_id_number(rng, region),
            admin_phone=rng.choice(PHONE_PREFIXES) + f"{rng.randrange(0, 10**8):08d}",
            state=state,
            audit_remark=remark,
            audit_time=audited,
            created=created,
            use_by_self=rng.random() < 0.8,
            license_range=_range(rng, today, kinds[0]),
            legal_id_range=_range(rng, today, kinds[1]),
            admin_id_range=_range(rng, today, kinds[2]),
        ))
    return records
