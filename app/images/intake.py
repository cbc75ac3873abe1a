"""Intake of a user's image file: from whatever they picked to an upload-ready file.

The console takes JPG, PNG and GIF up to 5 MB. Decisions, each recorded as a bilingual note:
- JPG/PNG/GIF that are upright, ≤ 5 MB and in an ordinary colour mode are copied without
  re-encoding (no needless recompression), minus location and camera metadata;
- other formats Pillow reads (BMP, TIFF, WebP, …) become JPEG; transparency is filled white;
- EXIF orientation is applied (the reviewer's viewer may ignore the tag);
- CMYK becomes RGB, 16-bit greyscale becomes 8-bit;
- an animated GIF keeps its first frame, saved as PNG: a document is a still page, and the
  reviewer sees exactly what OCR read;
- anything still over 5 MB is re-encoded as JPEG with falling quality, then smaller size,
  never below a long side of 1600 px when the source is at least that big.
Refusals (0 bytes, PDF, not an image, truncated, decompression bomb) raise `ImageRefused`.
"""

from __future__ import annotations

import io
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps

from app.core.tasks import CancelCheck, Progress, check_cancelled, never_cancelled, no_progress
from app.core.text import Text, UserError
from app.images.load import LoadedImage, load_image, to_8bit_grey, to_8bit_rgb
from app.images.metadata import strip_metadata
from app.images.probe import ACCEPTED_FORMATS, MAX_UPLOAD_BYTES
from app.images.quality import QualitySignal, quality_signals

MIN_LONG_SIDE = 1600
JPEG_QUALITIES = (90, 82, 75, 68, 60)
LAST_RESORT_QUALITIES = (50, 40)
EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif"}

NOTES = {
    "converted": Text("已将 {src} 格式转换为 {dst}。", "Converted from {src} to {dst}."),
    "metadata": Text("已移除照片中的位置、设备等元数据（图像本身未改动）。",
                     "Removed location and camera metadata (the picture itself is untouched)."),
    "rotated": Text("已按照片的 EXIF 方向信息旋转为正向。", "Rotated upright as its EXIF orientation says."),
    "cmyk": Text("已将 CMYK 颜色转换为 RGB。", "Converted CMYK colour to RGB."),
    "bit_depth": Text("已将 16 位图像转换为 8 位。", "Reduced the 16-bit image to 8 bits."),
    "first_frame": Text("动图共 {frames} 帧，只保留第一帧（PNG）。",
                        "Animated image with {frames} frames: kept the first frame (PNG)."),
    "recompressed": Text("已从 {before} MB 重新压缩为 {after} MB（{width}×{height}，JPEG 质量 {quality}）。",
                         "Recompressed from {before} MB to {after} MB ({width}×{height}, JPEG quality {quality})."),
}
TOO_BIG = Text("“{name}”无法在保持清晰的前提下压缩到 5 MB 以内，请裁掉多余部分后重试。",
               "'{name}' cannot be brought under 5 MB while staying legible; crop it and try again.")


@dataclass
class IntakeResult:
    path: Path  # the upload-ready file (a new file; the source is never modified)
    format: str  # JPEG | PNG | GIF
    width: int
    height: int
    size_bytes: int
    source_format: str
    notes: list[Text] = field(default_factory=list)
    signals: list[QualitySignal] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.notes)


def _mb(n: int) -> str:
    return f"{n / 1048576:.1f}"


def _safe_stem(path: Path) -> str:
    """Upload file names may not contain Chinese or special characters."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", path.stem).strip("_")
    return stem or "image"


def _prepare(loaded: LoadedImage, notes: list[Text]) -> tuple[Image.Image, str]:
    """The picture to write and its target format; appends what was changed to `notes`."""
    img, fmt = loaded.image, loaded.format
    target = fmt if fmt in ACCEPTED_FORMATS else "JPEG"
    if loaded.orientation != 1:
        img = ImageOps.exif_transpose(img)
        notes.append(NOTES["rotated"])
    if loaded.frames > 1:
        target = "PNG"
        notes.append(NOTES["first_frame"].format(frames=loaded.frames))
    if img.mode.startswith("I"):
        img = to_8bit_grey(img)
        notes.append(NOTES["bit_depth"])
    if img.mode == "CMYK":
        img = img.convert("RGB")
        notes.append(NOTES["cmyk"])
    if target == "JPEG" and img.mode not in ("RGB", "L"):
        img = to_8bit_rgb(img)
    if fmt not in ACCEPTED_FORMATS:
        notes.append(NOTES["converted"].format(src=fmt, dst=target))
    return img, target


def _encode(img: Image.Image, fmt: str, quality: int = 90) -> bytes:
    buf = io.BytesIO()
    if fmt == "JPEG":
        img.save(buf, "JPEG", quality=quality, optimize=True)
    else:
        img.save(buf, fmt, optimize=fmt == "PNG")
    return buf.getvalue()


def _fit_jpeg(img: Image.Image, name: str, cancelled: CancelCheck) -> tuple[bytes, Image.Image, int]:
    """Smallest change that fits: quality first, then size, never below 1600 px long side
    (unless the source is smaller); last-resort qualities before giving up."""
    img = img if img.mode in ("RGB", "L") else to_8bit_rgb(img)
    floor = min(MIN_LONG_SIDE, max(img.size))
    while True:
        for q in JPEG_QUALITIES:
            check_cancelled(cancelled)
            data = _encode(img, "JPEG", q)
            if len(data) <= MAX_UPLOAD_BYTES:
                return data, img, q
        if max(img.size) <= floor:
            break
        factor = max(0.5, min(0.9, (MAX_UPLOAD_BYTES / len(data)) ** 0.5))
        long_side = max(floor, round(max(img.size) * factor))
        ratio = long_side / max(img.size)
        img = img.resize((max(1, round(img.width * ratio)), max(1, round(img.height * ratio))),
                         Image.LANCZOS)
    for q in LAST_RESORT_QUALITIES:
        data = _encode(img, "JPEG", q)
        if len(data) <= MAX_UPLOAD_BYTES:
            return data, img, q
    raise UserError(TOO_BIG.format(name=name))


def intake_image(src: str | Path, out_dir: str | Path | None = None, *,
                 stamp: str = "never", progress: Progress = no_progress,
                 cancelled: CancelCheck = never_cancelled) -> IntakeResult:
    """Check and fix `src`, writing the upload-ready copy into `out_dir` (a new temporary
    folder when None). `stamp` is the field's stamp policy, for the stamp signal."""
    src = Path(src)
    progress(0.0, "load")
    loaded = load_image(src)
    check_cancelled(cancelled)
    notes: list[Text] = []
    img, target = _prepare(loaded, notes)
    progress(0.4, "convert")
    folder = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="qualdesk-intake-"))
    folder.mkdir(parents=True, exist_ok=True)
    if not notes and loaded.size_bytes <= MAX_UPLOAD_BYTES:
        out = folder / f"{_safe_stem(src)}{EXTENSION[target]}"
        original = src.read_bytes()
        cleaned = strip_metadata(original, target)
        if len(cleaned) != len(original):
            notes.append(NOTES["metadata"])
        out.write_bytes(cleaned)
    else:
        data = _encode(img, target) if target != "JPEG" else b""
        if target == "JPEG" or len(data) > MAX_UPLOAD_BYTES:
            before = max(loaded.size_bytes, len(data))
            data, img, quality = _fit_jpeg(img, src.name, cancelled)
            if target != "JPEG":
                notes.append(NOTES["converted"].format(src=target, dst="JPEG"))
            target = "JPEG"
            if before > MAX_UPLOAD_BYTES:
                notes.append(NOTES["recompressed"].format(
                    before=_mb(before), after=_mb(len(data)), width=img.width, height=img.height,
                    quality=quality))
        out = folder / f"{_safe_stem(src)}{EXTENSION[target]}"
        out.write_bytes(data)
    progress(0.8, "quality")
    check_cancelled(cancelled)
    signals = quality_signals(to_8bit_rgb(img), stamp)
    progress(1.0, "done")
    return IntakeResult(out, target, img.width, img.height, out.stat().st_size, loaded.format,
                        notes, signals)
