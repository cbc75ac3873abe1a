"""OCR engines behind one small interface: `get_engine(name).read(image) -> list[Line]`.

RapidOCR (PP-OCR models bundled in the wheel, runs offline) is the default; Tesseract via
pytesseract is the alternative. Loading a model takes seconds and hundreds of MB, so each
engine is built lazily, once per process, and reused; the cache is guarded by a lock because
the GUI calls it from worker threads. Neither engine logs recognised text.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from PIL import Image, ImageOps

from app.core.text import Text, UserError
from app.ocr.tesseract_locate import locate_tesseract

ENGINES = ("rapidocr", "tesseract")
DEFAULT_ENGINE = "rapidocr"


@dataclass(frozen=True)
class Line:
    """One recognised text line: its text, the engine's confidence 0..1 and its box."""

    text: str
    confidence: float
    box: tuple[float, float, float, float]  # left, top, right, bottom in image pixels

    @property
    def center_y(self) -> float:
        return (self.box[1] + self.box[3]) / 2

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


class OcrEngine(Protocol):
    name: str

    def read(self, image: Image.Image) -> list[Line]: ...


class EngineUnavailable(UserError):
    """The engine cannot run here (binary or language data missing)."""


class RapidOcrEngine:
    name = "rapidocr"

    def __init__(self) -> None:
        from rapidocr import RapidOCR  # heavy import (onnxruntime, cv2): only when needed

        # "warning": its info log would print on every call. No line classifier: documents
        # are upright after EXIF, and it flipped short lines (a two-character name) by 180°.
        self._ocr = RapidOCR(params={"Global.log_level": "warning", "Global.use_cls": False})
        self._lock = threading.Lock()

    def read(self, image: Image.Image) -> list[Line]:
        # RapidOCR wants BGR like OpenCV; a PIL RGB array must be flipped.
        arr = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])
        with self._lock:  # one onnxruntime session per model; serialise callers
            out = self._ocr(arr)
        if not out.txts:
            return []
        return [Line(t, float(s), _bounds(b)) for t, s, b in zip(out.txts, out.scores, out.boxes, strict=False)]


def _bounds(points: Sequence[Sequence[float]]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))


TESSERACT_MISSING = Text(
    "找不到 Tesseract 程序。请安装它（含中文简体语言包 chi_sim）：Windows 用 "
    "winget install UB-Mannheim.TesseractOCR，macOS 用 brew install tesseract tesseract-lang，"
    "Debian/Ubuntu 用 apt-get install tesseract-ocr tesseract-ocr-chi-sim；或继续使用内置的 RapidOCR 引擎。",
    "The Tesseract program was not found. Install it with the Simplified Chinese language "
    "(chi_sim) — Windows: winget install UB-Mannheim.TesseractOCR; macOS: brew install tesseract "
    "tesseract-lang; Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim — or keep "
    "using the built-in RapidOCR engine.")
CHI_SIM_MISSING = Text(
    "Tesseract 缺少中文简体语言包 chi_sim（如 Debian/Ubuntu 的 tesseract-ocr-chi-sim），或改用 RapidOCR 引擎。",
    "Tesseract lacks the Simplified Chinese language data chi_sim (e.g. the Debian/Ubuntu "
    "package tesseract-ocr-chi-sim); install it or use the RapidOCR engine.")


class TesseractEngine:
    name = "tesseract"
    LANG = "chi_sim+eng"
    TARGET_SIDE = 2000

    def __init__(self) -> None:
        import pytesseract

        command = locate_tesseract()
        if command is None:
            raise EngineUnavailable(TESSERACT_MISSING)
        pytesseract.pytesseract.tesseract_cmd = command
        try:
            langs = set(pytesseract.get_languages(config=""))
        except (pytesseract.TesseractNotFoundError, OSError):
            raise EngineUnavailable(TESSERACT_MISSING) from None
        if "chi_sim" not in langs:
            raise EngineUnavailable(CHI_SIM_MISSING)
        self._tess = pytesseract

    def read(self, image: Image.Image) -> list[Line]:
        """Binarised at a fixed size, sparse-text mode: measured best on the project's
        synthetic cards (coloured backgrounds and separate label/value boxes)."""
        grey = ImageOps.autocontrast(image.convert("L"))
        factor = self.TARGET_SIDE / max(grey.size)
        grey = grey.resize((max(1, round(grey.width * factor)), max(1, round(grey.height * factor))),
                           Image.LANCZOS)
        data = self._tess.image_to_data(_binarise(grey), lang=self.LANG, config="--psm 11",
                                        output_type=self._tess.Output.DICT)
        return _tesseract_lines(data, 1 / factor)


def _binarise(grey: Image.Image) -> Image.Image:
    """Otsu's threshold: the grey level that best separates ink from paper."""
    a = np.asarray(grey)
    p = np.bincount(a.ravel(), minlength=256).astype(np.float64)
    p /= p.sum()
    omega, mu = np.cumsum(p), np.cumsum(p * np.arange(256))
    between = (mu[-1] * omega - mu) ** 2 / (omega * (1 - omega) + 1e-12)
    return Image.fromarray(((a > int(np.argmax(between))) * 255).astype(np.uint8))


def _tesseract_lines(data: dict[str, list], scale: float) -> list[Line]:
    """Group Tesseract's words into its own lines; confidence is the mean word confidence."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip() and float(data["conf"][i]) >= 0:
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            groups.setdefault(key, []).append(i)
    lines = []
    for idx in groups.values():
        text = " ".join(data["text"][i].strip() for i in idx)
        conf = sum(float(data["conf"][i]) for i in idx) / len(idx) / 100
        left = min(data["left"][i] for i in idx)
        top = min(data["top"][i] for i in idx)
        right = max(data["left"][i] + data["width"][i] for i in idx)
        bottom = max(data["top"][i] + data["height"][i] for i in idx)
        lines.append(Line(text, conf, (left * scale, top * scale, right * scale, bottom * scale)))
    return lines


UNKNOWN_ENGINE = Text("未知的 OCR 引擎“{name}”，可选：rapidocr、tesseract。",
                      "Unknown OCR engine '{name}': choose rapidocr or tesseract.")

_cache: dict[str, OcrEngine] = {}
_cache_lock = threading.Lock()


def get_engine(name: str = DEFAULT_ENGINE) -> OcrEngine:
    """The process-wide instance of an engine, built on first use."""
    if name not in ENGINES:
        raise EngineUnavailable(UNKNOWN_ENGINE.format(name=name))
    with _cache_lock:
        engine = _cache.get(name)
        if engine is None:
            engine = RapidOcrEngine() if name == "rapidocr" else TesseractEngine()
            _cache[name] = engine
        return engine
