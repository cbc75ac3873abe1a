"""Fictional people and enterprises for the sample documents, drawn from a seeded RNG.

The data is fictional but well-formed: ID numbers and credit codes carry correct check
digits, birth dates match the ID number, the issuing authority matches the home city.
The order in which each function consumes the RNG is part of its contract: the OCR accuracy
tests compare against documents drawn from fixed seeds.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from stdnum.cn import ric, uscc

LONG_TERM = "2099-12-31"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国小红文博宇浩然子涵欣怡梓轩雨晨思远嘉豪志鹏海燕春梅秋菊玉兰德胜立新振华晓东永福"
ETHNICITIES = ("汉", "汉", "汉", "汉", "回", "满", "壮", "苗", "蒙古", "土家")
CITIES = (  # (area code, place, the police bureau that issues ID cards there)
    ("110105", "北京市朝阳区", "北京市公安局朝阳分局"),
    ("310104", "上海市徐汇区", "上海市公安局徐汇分局"),
    ("330106", "浙江省杭州市西湖区", "杭州市公安局西湖分局"),
    ("440305", "广东省深圳市南山区", "深圳市公安局南山分局"),
    ("320102", "江苏省南京市玄武区", "南京市公安局玄武分局"),
    ("510107", "四川省成都市武侯区", "成都市公安局武侯区分局"),
    ("420106", "湖北省武汉市武昌区", "武汉市公安局武昌分局"),
)
STREETS = ("文三路", "中山北路", "人民大道", "科技园南路", "建设路", "解放西路", "长江路", "学院路")
BRAND = ("云声", "智联", "恒信", "星河", "启明", "华拓", "远航", "蓝海", "博雅", "鼎盛", "和众", "凌云")
TRADE = ("科技", "信息技术", "网络科技", "通信技术", "电子商务", "软件")
ENTERPRISE_TYPES = (
    "有限责任公司（自然人投资或控股）", "有限责任公司（法人独资）", "股份有限公司（非上市）",
    "其他有限责任公司",
)
ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@dataclass(frozen=True)
class Person:
    """What the portrait side of a resident ID card says."""

    name: str
    sex: str
    ethnicity: str
    birth_date: date
    address: str
    id_number: str
    authority: str  # the bureau of the home city (what the emblem side of their card names)


@dataclass(frozen=True)
class CardValidity:
    """What the emblem side of an ID card says."""

    authority: str
    valid_from: date
    valid_to: str  # ISO date, or LONG_TERM


@dataclass(frozen=True)
class Enterprise:
    """What a business licence says."""

    name: str
    credit_code: str
    enterprise_type: str
    legal_rep_name: str
    address: str
    established: str  # ISO date; the term starts the same day
    term_end: str  # ISO date, or LONG_TERM

    @property
    def province(self) -> str:
        """The province of the address (北京市 for the municipalities), as forms ask for it."""
        return _place_of(self.address)[:3]

    @property
    def city(self) -> str:
        return city_of(_place_of(self.address))


def _place_of(address: str) -> str:
    return next((p for _, p, _ in CITIES if address.startswith(p)), address[:9])


def city_of(place: str) -> str:
    """杭州市 of 浙江省杭州市西湖区; 北京市 of 北京市朝阳区."""
    return place[:3] if place.startswith(("北京", "上海")) else place[3:6]


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def id_number(rng: random.Random, area: str, born: date) -> str:
    body = f"{area}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return body + ric.calc_check_digit(body + "0")


def credit_code(rng: random.Random, area: str) -> str:
    body = "91" + area + "".join(rng.choice(ORG_ALPHABET) for _ in range(9))
    return body + uscc.calc_check_digit(body + "0")


def day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def random_person(rng: random.Random, born_from: date = date(1955, 1, 1),
                  born_to: date = date(2004, 12, 31)) -> Person:
    area, place, authority = rng.choice(CITIES)
    born = day_between(rng, born_from, born_to)
    person_name, sex, ethnicity = name(rng), rng.choice("男女"), rng.choice(ETHNICITIES)
    address = (f"{place}{rng.choice(STREETS)}{rng.randint(1, 999)}号{rng.randint(1, 30)}幢"
               f"{rng.randint(101, 2405)}室")
    return Person(person_name, sex, ethnicity, born, address, id_number(rng, area, born), authority)


def random_validity(rng: random.Random) -> CardValidity:
    _, _, authority = rng.choice(CITIES)
    start = day_between(rng, date(2008, 1, 1), date(2025, 12, 31))
    years = rng.choice((10, 20, 0))
    end = LONG_TERM if years == 0 else start.replace(year=start.year + years).isoformat()
    return CardValidity(authority, start, end)


def random_enterprise(rng: random.Random) -> Enterprise:
    area, place, _ = rng.choice(CITIES)
    company = f"{city_of(place).rstrip('市')}{rng.choice(BRAND)}{rng.choice(TRADE)}有限公司"
    est = day_between(rng, date(2000, 1, 1), date(2024, 12, 31)).isoformat()
    end = LONG_TERM if rng.random() < 0.5 else f"{int(est[:4]) + 30}{est[4:]}"
    code, kind, rep = credit_code(rng, area), rng.choice(ENTERPRISE_TYPES), name(rng)
    address = f"{place}{rng.choice(STREETS)}{rng.randint(1, 999)}号"
    return Enterprise(company, code, kind, rep, address, est, end)
