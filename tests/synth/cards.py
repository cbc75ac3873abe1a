"""Draw synthetic ID cards (both sides), business licences and signed letters with Pillow.

Everything is deterministic from a seed: the person or company on the document and the
photographic variations (rotation, blur, JPEG quality, scale, red stamp). Each sample carries
its ground truth under the DESIGN.md OCR field names, so accuracy tests compare directly.
The data is fictional but well-formed: ID numbers and credit codes carry correct check digits.
"""

from __future__ import annotations

import glob
import io
import math
import random
import subprocess
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from stdnum.cn import ric, uscc

KINDS = ("id_portrait", "id_emblem", "business_license", "commitment_letter", "application_letter")
LONG_TERM = "2099-12-31"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国小红文博宇浩然子涵欣怡梓轩雨晨思远嘉豪志鹏海燕春梅秋菊玉兰德胜立新振华晓东永福"
ETHNICITIES = ("汉", "汉", "汉", "汉", "回", "满", "壮", "苗", "蒙古", "土家")
CITIES = (
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
class Variation:
    """How the 'photo' of the document differs from a perfect render."""

    rotation: float = 0.0  # degrees
    blur: float = 0.0  # Gaussian radius in px
    jpeg_quality: int = 92
    scale: float = 1.0
    stamp: bool = False

    @classmethod
    def from_seed(cls, rng: random.Random) -> Variation:
        return cls(rotation=round(rng.uniform(-2.0, 2.0), 2), blur=round(rng.uniform(0.0, 0.8), 2),
                   jpeg_quality=rng.randint(70, 95), scale=round(rng.uniform(0.85, 1.15), 2),
                   stamp=rng.random() < 0.5)


@dataclass
class Sample:
    kind: str
    seed: int
    truth: dict[str, str]
    variation: Variation
    image: Image.Image = field(repr=False)

    def jpeg_bytes(self) -> bytes:
        buf = io.BytesIO()
        self.image.save(buf, "JPEG", quality=self.variation.jpeg_quality)
        return buf.getvalue()


@cache
def find_cjk_font() -> str | None:
    """A Noto CJK font file, or None (tests then skip with a reason)."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK SC"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
        if out and "CJK" in out and Path(out).is_file():
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    for pattern in ("/usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc",
                    "/usr/share/fonts/**/NotoSansCJK*.tt[cf]", "/Library/Fonts/NotoSansCJK*",
                    "C:/Windows/Fonts/msyh.tt[cf]"):
        found = sorted(glob.glob(pattern, recursive=True))
        if found:
            return found[0]
    return None


@cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    path = find_cjk_font()
    if path is None:
        raise RuntimeError("no CJK font found")
    if bold and "Regular" in path and Path(path.replace("Regular", "Bold")).is_file():
        path = path.replace("Regular", "Bold")
    return ImageFont.truetype(path, size, index=2 if path.endswith(".ttc") else 0)  # SC face


# ---------------------------------------------------------------- fictional data
def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _id_number(rng: random.Random, area: str, born: date) -> str:
    body = f"{area}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return body + ric.calc_check_digit(body + "0")


def _credit_code(rng: random.Random, area: str) -> str:
    body = "91" + area + "".join(rng.choice(ORG_ALPHABET) for _ in range(9))
    return body + uscc.calc_check_digit(body + "0")


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _dotted(d: str) -> str:
    return d.replace("-", ".")


def _cn_date(d: str, pad: bool = True) -> str:
    y, m, dd = d.split("-")
    if not pad:
        m, dd = str(int(m)), str(int(dd))
    return f"{y}年{m}月{dd}日"


# ---------------------------------------------------------------- drawing helpers
def _canvas(size: tuple[int, int], tint: tuple[int, int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("RGB", size, tint)
    return img, ImageDraw.Draw(img)


def _stamp(img: Image.Image, center: tuple[int, int], radius: int, text: str) -> None:
    """A translucent red company seal: ring, star, the name around the top."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    red = (215, 25, 30, 170)
    cx, cy = center
    d.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=red, width=max(4, radius // 14))
    star = [(cx + radius * 0.28 * math.cos(math.radians(-90 + i * 36)) * (1 if i % 2 == 0 else 0.4),
             cy + radius * 0.28 * math.sin(math.radians(-90 + i * 36)) * (1 if i % 2 == 0 else 0.4))
            for i in range(10)]
    d.polygon(star, fill=red)
    font = _font(max(12, radius // 5))
    chars = list(text)[:14]
    for i, ch in enumerate(chars):
        angle = math.radians(-160 + i * (140 / max(1, len(chars) - 1)))
        x, y = cx + radius * 0.72 * math.cos(angle), cy + radius * 0.72 * math.sin(angle)
        d.text((x, y), ch, font=font, fill=red, anchor="mm")
    img.paste(layer, (0, 0), layer)


def _photograph(img: Image.Image, v: Variation) -> Image.Image:
    """Apply the variation: scale, small rotation on a desk-grey background, blur."""
    if v.scale != 1.0:
        img = img.resize((round(img.width * v.scale), round(img.height * v.scale)), Image.LANCZOS)
    if v.rotation:
        img = img.rotate(v.rotation, resample=Image.BICUBIC, expand=True, fillcolor=(120, 120, 118))
    if v.blur:
        img = img.filter(ImageFilter.GaussianBlur(v.blur))
    # Re-encoding at the variation's JPEG quality is what a camera or scanner does.
    return Image.open(io.BytesIO(_encode(img, v.jpeg_quality))).convert("RGB")


def _encode(img: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


# ---------------------------------------------------------------- documents
def _id_portrait(rng: random.Random) -> tuple[Image.Image, dict[str, str], str]:
    area, place, _ = rng.choice(CITIES)
    born = _day(rng, date(1955, 1, 1), date(2004, 12, 31))
    truth = {
        "name": _name(rng), "sex": rng.choice("男女"), "ethnicity": rng.choice(ETHNICITIES),
        "birth_date": born.isoformat(),
        "address": f"{place}{rng.choice(STREETS)}{rng.randint(1, 999)}号{rng.randint(1, 30)}幢{rng.randint(101, 2405)}室",
        "id_number": _id_number(rng, area, born),
    }
    img, d = _canvas((1000, 630), (222, 234, 242))
    label, value = _font(30), _font(34)
    grey, ink = (90, 110, 130), (20, 20, 20)
    d.text((70, 70), "姓名", font=label, fill=grey)
    d.text((190, 66), truth["name"], font=value, fill=ink)
    d.text((70, 145), "性别", font=label, fill=grey)
    d.text((190, 141), truth["sex"], font=value, fill=ink)
    d.text((330, 145), "民族", font=label, fill=grey)
    d.text((450, 141), truth["ethnicity"], font=value, fill=ink)
    d.text((70, 220), "出生", font=label, fill=grey)
    d.text((190, 216), f"{born.year}  年  {born.month}  月  {born.day}  日", font=value, fill=ink)
    d.text((70, 295), "住址", font=label, fill=grey)
    addr = truth["address"]
    cut = rng.randint(9, 12)  # two-line address, as on the card
    d.text((190, 291), addr[:cut], font=value, fill=ink)
    d.text((190, 341), addr[cut:], font=value, fill=ink)
    d.text((70, 510), "公民身份号码", font=label, fill=grey)
    d.text((330, 504), truth["id_number"], font=_font(40), fill=ink)
    d.rectangle((700, 70, 940, 380), fill=(205, 212, 218))  # photo placeholder
    return img, truth, ""


def _id_emblem(rng: random.Random) -> tuple[Image.Image, dict[str, str], str]:
    _, _, authority = rng.choice(CITIES)
    start = _day(rng, date(2008, 1, 1), date(2025, 12, 31))
    years = rng.choice((10, 20, 0))
    end = LONG_TERM if years == 0 else start.replace(year=start.year + years).isoformat()
    truth = {"issuing_authority": authority, "valid_from": start.isoformat(), "valid_to": end}
    img, d = _canvas((1000, 630), (226, 236, 244))
    ink, grey = (20, 20, 20), (90, 110, 130)
    d.ellipse((70, 60, 230, 220), outline=(190, 150, 60), width=8)  # emblem placeholder (gold)
    d.text((330, 80), "中华人民共和国", font=_font(56, bold=True), fill=ink)
    d.text((300, 200), "居民身份证", font=_font(80, bold=True), fill=ink)
    d.text((200, 430), "签发机关", font=_font(30), fill=grey)
    d.text((360, 426), authority, font=_font(34), fill=ink)
    d.text((200, 505), "有效期限", font=_font(30), fill=grey)
    valid = f"{_dotted(start.isoformat())}-{'长期' if years == 0 else _dotted(end)}"
    d.text((360, 501), valid, font=_font(34), fill=ink)
    return img, truth, ""


def _license(rng: random.Random) -> tuple[Image.Image, dict[str, str], str]:
    area, place, _ = rng.choice(CITIES)
    city = place[:3] if place.startswith(("北京", "上海")) else place[3:6]
    name = f"{city.rstrip('市')}{rng.choice(BRAND)}{rng.choice(TRADE)}有限公司"
    est = _day(rng, date(2000, 1, 1), date(2024, 12, 31)).isoformat()
    end = LONG_TERM if rng.random() < 0.5 else f"{int(est[:4]) + 30}{est[4:]}"
    truth = {
        "enterprise_name": name, "credit_code": _credit_code(rng, area),
        "enterprise_type": rng.choice(ENTERPRISE_TYPES), "legal_rep_name": _name(rng),
        "address": f"{place}{rng.choice(STREETS)}{rng.randint(1, 999)}号",
        "established": est, "term_start": est, "term_end": end,
    }
    img, d = _canvas((1400, 1000), (250, 248, 240))
    ink = (25, 25, 25)
    d.rectangle((30, 30, 1370, 970), outline=(180, 60, 40), width=10)
    d.text((700, 130), "营业执照", font=_font(90, bold=True), fill=ink, anchor="mm")
    d.text((110, 230), f"统一社会信用代码  {truth['credit_code']}", font=_font(34), fill=ink)
    rows = (("名称", name), ("类型", truth["enterprise_type"]), ("法定代表人", truth["legal_rep_name"]),
            ("注册资本", f"{rng.choice((100, 500, 1000, 3000))}万元人民币"),
            ("成立日期", _cn_date(est)),
            ("营业期限", f"{_cn_date(est)}至{'长期' if end == LONG_TERM else _cn_date(end)}"),
            ("住所", truth["address"]))
    for i, (label, value) in enumerate(rows):
        y = 330 + i * 78
        d.text((110, y), label, font=_font(34), fill=ink)
        d.text((330, y), value, font=_font(34), fill=ink)
    d.text((960, 880), "登记机关", font=_font(30), fill=ink)
    return img, truth, name


LETTER_BODY = {
    "commitment_letter": ("入网承诺书", ("本单位承诺所使用的语音通知业务真实合法，", "不发送违法违规内容，并对号码的使用承担责任。")),
    "application_letter": ("号码申请公函", ("我单位因业务需要申请开通语音通知号码，", "特此申请，请予办理。")),
}


def _letter(kind: str, rng: random.Random) -> tuple[Image.Image, dict[str, str], str]:
    signed = _day(rng, date(2025, 1, 1), date(2026, 12, 31)).isoformat()
    company = f"{rng.choice(('杭州', '北京', '深圳'))}{rng.choice(BRAND)}{rng.choice(TRADE)}有限公司"
    title, body = LETTER_BODY[kind]
    img, d = _canvas((1240, 1754), (252, 252, 250))  # A4 at 150 dpi
    ink = (25, 25, 25)
    d.text((620, 160), title, font=_font(64, bold=True), fill=ink, anchor="mm")
    for i, line in enumerate(body):
        d.text((140, 320 + i * 70), line, font=_font(36), fill=ink)
    d.text((440, 1300), f"实际使用者名称：{company}", font=_font(34), fill=ink)
    d.text((440, 1380), "实际使用者签章：", font=_font(34), fill=ink)
    d.text((440, 1460), f"日期：{_cn_date(signed, pad=rng.random() < 0.5)}", font=_font(34), fill=ink)
    return img, {"date": signed}, company


def make_sample(kind: str, seed: int, variation: Variation | None = None) -> Sample:
    """One document image of `kind`, deterministic from `seed` (variation drawn from it too)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind}")
    rng = random.Random(f"{kind}:{seed}")
    if kind == "id_portrait":
        img, truth, seal = _id_portrait(rng)
    elif kind == "id_emblem":
        img, truth, seal = _id_emblem(rng)
    elif kind == "business_license":
        img, truth, seal = _license(rng)
    else:
        img, truth, seal = _letter(kind, rng)
    v = variation or Variation.from_seed(rng)
    if v.stamp:
        w, h = img.size
        r = min(w, h) // 5
        _stamp(img, (w - r - 60, h - r - 60), r, seal or "专用章")
    return Sample(kind, seed, truth, v, _photograph(img, v))


def write_samples(folder: Path, kinds: tuple[str, ...] | list[str], count: int,
                  start_seed: int = 0) -> list[tuple[Path, Sample]]:
    """`count` samples of each kind as JPEG files in `folder`, with their truths."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for kind in kinds:
        for seed in range(start_seed, start_seed + count):
            sample = make_sample(kind, seed)
            path = folder / f"{kind}_{seed:03d}.jpg"
            path.write_bytes(sample.jpeg_bytes())
            out.append((path, sample))
    return out
