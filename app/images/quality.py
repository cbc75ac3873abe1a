"""Quality signals of a document photo: blur, too little resolution, missing red stamp.

Each is a warning (the user decides), with a stable code and a bilingual message. The
measures are cheap: everything runs on a downscaled copy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from app.core.text import Text

ANALYSIS_SIDE = 1000  # long side of the copy every measure is taken on
# Variance of the Laplacian on that copy: sharp document photos score in the hundreds or
# thousands; below this, small characters are smeared (calibrated on tests/synth cards).
BLUR_THRESHOLD = 60.0
MIN_LONG_SIDE, MIN_SHORT_SIDE = 800, 500
# A stamp: a roundish red blob between 8 % and 75 % of the short side across.
STAMP_MIN_SPAN, STAMP_MAX_SPAN = 0.08, 0.75
GREYSCALE_CHROMA = 5.0  # mean |R-G|+|G-B| below this: a black-and-white copy or scan


@dataclass(frozen=True)
class QualitySignal:
    code: str  # image_blurry | image_low_resolution | stamp_missing
    message: Text


@dataclass(frozen=True)
class QualityMeasures:
    width: int
    height: int
    sharpness: float
    has_red_stamp: bool
    greyscale: bool


def _analysis_copy(img: Image.Image) -> Image.Image:
    img = img.convert("RGB")
    scale = ANALYSIS_SIDE / max(img.size)
    if scale < 1:
        img = img.resize((max(1, round(img.width * scale)), max(1, round(img.height * scale))),
                         Image.BILINEAR)
    return img


def sharpness(grey: np.ndarray) -> float:
    """Variance of the 4-neighbour Laplacian."""
    g = grey.astype(np.float32)
    if g.shape[0] < 3 or g.shape[1] < 3:
        return 0.0
    lap = g[1:-1, :-2] + g[1:-1, 2:] + g[:-2, 1:-1] + g[2:, 1:-1] - 4 * g[1:-1, 1:-1]
    return float(lap.var())


def red_mask(rgb: Image.Image) -> np.ndarray:
    hsv = np.asarray(rgb.convert("HSV"), dtype=np.int16)
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    return ((h < 12) | (h > 242)) & (s > 80) & (v > 70)


def has_red_stamp(rgb: Image.Image) -> bool:
    """A red blob about as wide as tall, and not a page border (those span the whole page)."""
    import cv2  # opencv-python-headless, already required by RapidOCR

    mask = red_mask(rgb).astype(np.uint8) * 255
    short = min(mask.shape)
    mask = cv2.dilate(mask, np.ones((5, 5), np.uint8))  # join a ring's broken strokes
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    for i in range(1, count):
        _x, _y, w, h, area = stats[i]
        if not (STAMP_MIN_SPAN * short <= max(w, h) <= STAMP_MAX_SPAN * short):
            continue
        if 0.7 <= w / max(h, 1) <= 1.4 and area >= 0.08 * w * h:
            return True
    return False


def measure(img: Image.Image) -> QualityMeasures:
    small = _analysis_copy(img)
    arr = np.asarray(small, dtype=np.int16)
    chroma = float((np.abs(arr[..., 0] - arr[..., 1]) + np.abs(arr[..., 1] - arr[..., 2])).mean())
    return QualityMeasures(
        width=img.width, height=img.height,
        sharpness=sharpness(np.asarray(small.convert("L"))),
        has_red_stamp=has_red_stamp(small), greyscale=chroma < GREYSCALE_CHROMA)


BLURRY = Text("图片模糊（清晰度 {score:.0f}），审核可能无法辨认文字，建议重新拍摄清晰的彩色照片。",
              "The image is blurred (sharpness {score:.0f}); reviewers may not be able to read it. "
              "Retake a clear colour photo.")
LOW_RES = Text("图片分辨率太低（{width}×{height}），文字可能无法辨认；建议至少 {min_w}×{min_h}。",
               "The image resolution is too low ({width}×{height}) to read reliably; use at "
               "least {min_w}×{min_h}.")
NO_STAMP = Text("没有找到红色企业公章：复印件和黑白照片须加盖公章。",
                "No red company stamp found: copies and black-and-white photos must carry the company stamp.")
NO_STAMP_ALWAYS = Text("没有找到红色企业公章：这份材料必须加盖公章。",
                       "No red company stamp found: this document must carry the company stamp.")


def quality_signals(img: Image.Image | QualityMeasures, stamp: str = "never") -> list[QualitySignal]:
    """Warnings for a document image. `stamp` is the field's policy (never | copy | always):
    for 'copy', only an image that looks like a black-and-white copy needs the stamp."""
    m = img if isinstance(img, QualityMeasures) else measure(img)
    signals = []
    long_side, short_side = max(m.width, m.height), min(m.width, m.height)
    if long_side < MIN_LONG_SIDE or short_side < MIN_SHORT_SIDE:
        signals.append(QualitySignal("image_low_resolution", LOW_RES.format(
            width=m.width, height=m.height, min_w=MIN_LONG_SIDE, min_h=MIN_SHORT_SIDE)))
    if m.sharpness < BLUR_THRESHOLD:
        signals.append(QualitySignal("image_blurry", BLURRY.format(score=m.sharpness)))
    if not m.has_red_stamp and (stamp == "always" or (stamp == "copy" and m.greyscale)):
        signals.append(QualitySignal("stamp_missing", NO_STAMP_ALWAYS if stamp == "always" else NO_STAMP))
    return signals
