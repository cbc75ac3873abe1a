"""Normalising what OCR reads: width, spaces, dates, and the check-digit-guarded fixing of
ID numbers and credit codes. Also the comparison key the mismatch check uses."""

from __future__ import annotations

import itertools
import re
from datetime import date

from stdnum.cn import uscc

from app.core.dates import LONG_TERM
from app.core.rules.identity import id_number_problem

_FULL_TO_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
CJK = r"\u3400-\u9fff"


def halfwidth(text: str) -> str:
    """Full-width ASCII forms (ＡＢＣ１２３（）：) to their half-width twins."""
    return text.translate(_FULL_TO_HALF)


def compact(text: str) -> str:
    """Half-width, no whitespace at all (OCR spaces inside Chinese text mean nothing)."""
    return re.sub(r"\s+", "", halfwidth(text))


def chinese_brackets(text: str) -> str:
    """Chinese names and types are printed with full-width brackets: （自然人投资或控股）;
    OCR also reads them as angle brackets."""
    return text.translate(str.maketrans("(〈<)〉>", "（（（）））"))


# ---------------------------------------------------------------- dates
_CN_DIGITS = {"〇": 0, "零": 0, "O": 0, "o": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
NUMERIC_DATE = re.compile(r"(?<!\d)(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?")
CHINESE_DATE = re.compile(r"([〇零一二三四五六七八九Oo]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
COMPACT_DATE = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")


def _cn_number(text: str) -> int:
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _iso(y: int, m: int, d: int) -> str | None:
    if not 1900 <= y <= 2099:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[str]:
    """Every valid date in the text, in order, as YYYY-MM-DD (2026年11月2日, 2026.11.02,
    二〇二六年十一月二日, 20261102); 长期 counts as 2099-12-31."""
    text = halfwidth(text)
    found: list[tuple[int, str]] = []
    for m in NUMERIC_DATE.finditer(text):
        iso = _iso(int(m[1]), int(m[2]), int(m[3]))
        if iso:
            found.append((m.start(), iso))
    for m in CHINESE_DATE.finditer(text):
        iso = _iso(_cn_number(m[1]), _cn_number(m[2]), _cn_number(m[3]))
        if iso:
            found.append((m.start(), iso))
    if not found:
        for m in COMPACT_DATE.finditer(text):
            iso = _iso(int(m[1]), int(m[2]), int(m[3]))
            if iso:
                found.append((m.start(), iso))
    for m in re.finditer(r"长期", text):
        found.append((m.start(), LONG_TERM.isoformat()))
    return [iso for _, iso in sorted(found)]


def to_iso_date(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0] if dates else None


# ---------------------------------------------------------------- ID numbers and credit codes
# Letters OCR confuses with digits (and back). Only tried when the raw reading fails its check.
_AS_DIGIT = {"O": "0", "D": "0", "Q": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "B": "8", "G": "6"}
_AS_LETTER = {"0": "O", "1": "I", "2": "Z", "5": "S", "8": "B"}
MAX_FIXES = 3


def windows(text: str, length: int) -> list[str]:
    """Every `length`-character slice of each run of capitals and digits, most digit-rich
    first: OCR glues stray letters onto a number ("ARS110105…")."""
    out = []
    for run in re.findall(rf"[0-9A-Z]{{{length},}}", text):
        out += [run[i:i + length] for i in range(len(run) - length + 1)]
    return sorted(out, key=lambda w: -sum(c.isdigit() for c in w))


def id_number_valid(number: str) -> bool:
    """The rule engine's own check (shape, birth date, check digit; never the area code)."""
    return id_number_problem(number) is None


def credit_code_valid(code: str) -> bool:
    try:
        uscc.validate(code)
    except Exception:
        return False
    return True


def _variants(text: str, table: dict[str, str], positions: list[int]):
    """Every string with up to MAX_FIXES of the given positions swapped through `table`."""
    yield text
    for n in range(1, min(MAX_FIXES, len(positions)) + 1):
        for combo in itertools.combinations(positions, n):
            chars = list(text)
            for i in combo:
                chars[i] = table[chars[i]]
            yield "".join(chars)


def fix_id_number(raw: str) -> tuple[str, bool]:
    """(number, valid): letters read in digit positions are swapped only when the check
    digit then passes; otherwise the reading is returned as it was, marked invalid."""
    text = compact(raw).upper()
    if len(text) != 18:
        return text, False
    if id_number_valid(text):
        return text, True
    # The last character may be X legitimately; earlier ones must be digits.
    positions = [i for i, c in enumerate(text) if c in _AS_DIGIT and not (i == 17 and c == "X")]
    if len(positions) <= MAX_FIXES:
        for candidate in _variants(text, _AS_DIGIT, positions):
            if id_number_valid(candidate):
                return candidate, True
    return text, False


def fix_credit_code(raw: str) -> tuple[str, bool]:
    """(code, valid): the first 8 characters are digits; in the rest, characters outside the
    code alphabet (I O Z S V) or any digit/letter look-alike may be swapped — kept only when
    the GB 32100 check character then passes."""
    text = compact(raw).upper()
    if len(text) != 18:
        return text, False
    if credit_code_valid(text):
        return text, True
    head = [i for i in range(8) if text[i] in _AS_DIGIT]
    bad_tail = [i for i in range(8, 18) if text[i] in "IOZSV"]
    fixed = list(text)
    for i in head + bad_tail:
        fixed[i] = _AS_DIGIT.get(text[i], text[i])
    base = "".join(fixed)
    if credit_code_valid(base):
        return base, True
    # Remaining ambiguity: a digit or letter in the tail that may be its look-alike.
    swaps = {**_AS_DIGIT, **_AS_LETTER}
    tail = [i for i in range(8, 18) if base[i] in swaps and swaps[base[i]] not in "IOZSV"]
    if len(tail) <= 8:
        for n in range(1, 3):
            for combo in itertools.combinations(tail, n):
                chars = list(base)
                for i in combo:
                    chars[i] = swaps[chars[i]]
                candidate = "".join(chars)
                if credit_code_valid(candidate):
                    return candidate, True
    return text, False


# ---------------------------------------------------------------- comparison
def comparison_key(value: str, kind: str = "text") -> str:
    """What must be equal for a typed value and a document's to count as the same:
    width, whitespace and bracket style never matter; case never matters for codes; dates
    compare as ISO."""
    if kind == "date":
        iso = to_iso_date(value) or compact(value)
        return iso
    key = compact(value).replace("（", "(").replace("）", ")").replace("【", "[").replace("】", "]")
    return key.upper() if kind == "code" else key
