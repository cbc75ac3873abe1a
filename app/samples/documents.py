"""Draw fictional ID cards (both sides), business licences and signed letters with Pillow.

`make_sample(kind, seed)` is deterministic from the seed: the person or company on the
document and the photographic variations (rotation, blur, JPEG quality, scale, red stamp).
Each sample carries its ground truth under the DESIGN.md OCR field names, so OCR accuracy
tests compare directly. The `draw_*` functions take the identity to draw, so a kit of
documents about one enterprise and its people can be drawn consistently (see `kit.py`).
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from app.samples.fonts import font
from app.samples.identities import (
    BRAND,
    LONG_TERM,
    TRADE,
    CardValidity,
    Enterprise,
    Person,
    day_between,
    random_enterprise,
    random_person,
    random_validity,
)

KINDS = ("id_portrait", "id_emblem", "business_license", "commitment_letter", "application_letter")
CAPITALS = (100, 500, 1000, 3000)  # registered capital, 10k yuan
LETTER_BODY = {
    "commitment_letter": ("入网承诺书", ("本单位承诺所使用的语音通知业务真实合法，", "不发送违法违规内容，并对号码的使用承担责任。")),
    "application_letter": ("号码申请公函", ("我单位因业务需要申请开通语音通知号码，", "特此申请，请予办理。")),
}


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
        return encode_jpeg(self.image, self.variation.jpeg_quality)


def dotted(d: str) -> str:
    return d.replace("-", ".")


def cn_date(d: str, pad: bool = True) -> str:
    y, m, dd = d.split("-")
    if not pad:
        m, dd = str(int(m)), str(int(dd))
    return f"{y}年{m}月{dd}日"


def encode_jpeg(img: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


# ---------------------------------------------------------------- drawing helpers
def _canvas(size: tuple[int, int], tint: tuple[int, int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("RGB", size, tint)
    return img, ImageDraw.Draw(img)


def stamp(img: Image.Image, center: tuple[int, int], radius: int, text: str) -> None:
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
    face = font(max(12, radius // 5))
    chars = list(text)[:14]
    for i, ch in enumerate(chars):
        angle = math.radians(-160 + i * (140 / max(1, len(chars) - 1)))
        x, y = cx + radius * 0.72 * math.cos(angle), cy + radius * 0.72 * math.sin(angle)
        d.text((x, y), ch, font=face, fill=red, anchor="mm")
    img.paste(layer, (0, 0), layer)


def corner_stamp(img: Image.Image, text: str) -> None:
    """The seal in the bottom-right corner, where `make_sample` puts it."""
    w, h = img.size
    r = min(w, h) // 5
    stamp(img, (w - r - 60, h - r - 60), r, text)


def photograph(img: Image.Image, v: Variation) -> Image.Image:
    """Apply the variation: scale, small rotation on a desk-grey background, blur."""
    if v.scale != 1.0:
        img = img.resize((round(img.width * v.scale), round(img.height * v.scale)), Image.LANCZOS)
    if v.rotation:
        img = img.rotate(v.rotation, resample=Image.BICUBIC, expand=True, fillcolor=(120, 120, 118))
    if v.blur:
        img = img.filter(ImageFilter.GaussianBlur(v.blur))
    # Re-encoding at the variation's JPEG quality is what a camera or scanner does.
    return Image.open(io.BytesIO(encode_jpeg(img, v.jpeg_quality))).convert("RGB")


# ---------------------------------------------------------------- documents
def id_portrait_truth(p: Person) -> dict[str, str]:
    return {"name": p.name, "sex": p.sex, "ethnicity": p.ethnicity,
            "birth_date": p.birth_date.isoformat(), "address": p.address, "id_number": p.id_number}


def draw_id_portrait(p: Person, cut: int, portrait: bool = False) -> Image.Image:
    """The portrait side; the address breaks onto a second line after `cut` characters.
    `portrait` draws a head and shoulders in the photo box (a grey box otherwise)."""
    img, d = _canvas((1000, 630), (222, 234, 242))
    label, value = font(30), font(34)
    grey, ink = (90, 110, 130), (20, 20, 20)
    born = p.birth_date
    d.text((70, 70), "姓名", font=label, fill=grey)
    d.text((190, 66), p.name, font=value, fill=ink)
    d.text((70, 145), "性别", font=label, fill=grey)
    d.text((190, 141), p.sex, font=value, fill=ink)
    d.text((330, 145), "民族", font=label, fill=grey)
    d.text((450, 141), p.ethnicity, font=value, fill=ink)
    d.text((70, 220), "出生", font=label, fill=grey)
    d.text((190, 216), f"{born.year}  年  {born.month}  月  {born.day}  日", font=value, fill=ink)
    d.text((70, 295), "住址", font=label, fill=grey)
    d.text((190, 291), p.address[:cut], font=value, fill=ink)
    d.text((190, 341), p.address[cut:], font=value, fill=ink)
    d.text((70, 510), "公民身份号码", font=label, fill=grey)
    d.text((330, 504), p.id_number, font=font(40), fill=ink)
    d.rectangle((700, 70, 940, 380), fill=(205, 212, 218))  # photo box
    if portrait:
        d.ellipse((762, 115, 878, 245), fill=(120, 128, 138))  # head
        d.chord((715, 250, 925, 470), 180, 360, fill=(120, 128, 138))  # shoulders
        d.rectangle((700, 360, 940, 380), fill=(205, 212, 218))
    return img


def draw_id_emblem(card: CardValidity) -> Image.Image:
    img, d = _canvas((1000, 630), (226, 236, 244))
    ink, grey = (20, 20, 20), (90, 110, 130)
    d.ellipse((70, 60, 230, 220), outline=(190, 150, 60), width=8)  # emblem placeholder (gold)
    d.text((330, 80), "中华人民共和国", font=font(56, bold=True), fill=ink)
    d.text((300, 200), "居民身份证", font=font(80, bold=True), fill=ink)
    d.text((200, 430), "签发机关", font=font(30), fill=grey)
    d.text((360, 426), card.authority, font=font(34), fill=ink)
    d.text((200, 505), "有效期限", font=font(30), fill=grey)
    end = "长期" if card.valid_to == LONG_TERM else dotted(card.valid_to)
    d.text((360, 501), f"{dotted(card.valid_from.isoformat())}-{end}", font=font(34), fill=ink)
    return img


def license_truth(e: Enterprise) -> dict[str, str]:
    return {"enterprise_name": e.name, "credit_code": e.credit_code,
            "enterprise_type": e.enterprise_type, "legal_rep_name": e.legal_rep_name,
            "address": e.address, "established": e.established, "term_start": e.established,
            "term_end": e.term_end}


def draw_license(e: Enterprise, capital: int) -> Image.Image:
    img, d = _canvas((1400, 1000), (250, 248, 240))
    ink = (25, 25, 25)
    est, end = e.established, e.term_end
    d.rectangle((30, 30, 1370, 970), outline=(180, 60, 40), width=10)
    d.text((700, 130), "营业执照", font=font(90, bold=True), fill=ink, anchor="mm")
    d.text((110, 230), f"统一社会信用代码  {e.credit_code}", font=font(34), fill=ink)
    rows = (("名称", e.name), ("类型", e.enterprise_type), ("法定代表人", e.legal_rep_name),
            ("注册资本", f"{capital}万元人民币"), ("成立日期", cn_date(est)),
            ("营业期限", f"{cn_date(est)}至{'长期' if end == LONG_TERM else cn_date(end)}"),
            ("住所", e.address))
    for i, (label, value) in enumerate(rows):
        y = 330 + i * 78
        d.text((110, y), label, font=font(34), fill=ink)
        d.text((330, y), value, font=font(34), fill=ink)
    d.text((960, 880), "登记机关", font=font(30), fill=ink)
    return img


def draw_letter(kind: str, company: str, signed: str, pad: bool) -> Image.Image:
    """A commitment or application letter signed by `company` on `signed` (ISO date);
    `pad` writes 2025年03月07日 rather than 2025年3月7日."""
    title, body = LETTER_BODY[kind]
    img, d = _canvas((1240, 1754), (252, 252, 250))  # A4 at 150 dpi
    ink = (25, 25, 25)
    d.text((620, 160), title, font=font(64, bold=True), fill=ink, anchor="mm")
    for i, line in enumerate(body):
        d.text((140, 320 + i * 70), line, font=font(36), fill=ink)
    d.text((440, 1300), f"实际使用者名称：{company}", font=font(34), fill=ink)
    d.text((440, 1380), "实际使用者签章：", font=font(34), fill=ink)
    d.text((440, 1460), f"日期：{cn_date(signed, pad=pad)}", font=font(34), fill=ink)
    return img


def _random_document(kind: str, rng: random.Random) -> tuple[Image.Image, dict[str, str], str]:
    """A random document of `kind`: image, truth, the name on its seal ('' = generic)."""
    if kind == "id_portrait":
        person = random_person(rng)
        cut = rng.randint(9, 12)  # two-line address, as on the card
        return draw_id_portrait(person, cut), id_portrait_truth(person), ""
    if kind == "id_emblem":
        card = random_validity(rng)
        truth = {"issuing_authority": card.authority, "valid_from": card.valid_from.isoformat(),
                 "valid_to": card.valid_to}
        return draw_id_emblem(card), truth, ""
    if kind == "business_license":
        enterprise = random_enterprise(rng)
        img = draw_license(enterprise, rng.choice(CAPITALS))
        return img, license_truth(enterprise), enterprise.name
    signed = day_between(rng, date(2025, 1, 1), date(2026, 12, 31)).isoformat()
    company = f"{rng.choice(('杭州', '北京', '深圳'))}{rng.choice(BRAND)}{rng.choice(TRADE)}有限公司"
    return draw_letter(kind, company, signed, pad=rng.random() < 0.5), {"date": signed}, company


def make_sample(kind: str, seed: int, variation: Variation | None = None) -> Sample:
    """One document image of `kind`, deterministic from `seed` (variation drawn from it too)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind}")
    rng = random.Random(f"{kind}:{seed}")
    img, truth, seal = _random_document(kind, rng)
    v = variation or Variation.from_seed(rng)
    if v.stamp:
        corner_stamp(img, seal or "专用章")
    return Sample(kind, seed, truth, v, photograph(img, v))


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
