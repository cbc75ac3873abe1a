"""Opening a user's image safely: refusals before any pixel is decoded where possible.

A decompression bomb is caught from the header alone (its declared size), a PDF from its
magic bytes, a truncated file when decoding stops short. Every refusal is an `ImageRefused`
carrying a bilingual message and a short `reason` code.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from app.core.text import Text, UserError
from app.images.probe import MAX_PIXELS

REFUSALS = {
    "missing": Text("找不到文件“{name}”。", "The file '{name}' cannot be found."),
    "empty": Text("“{name}”是空文件（0 字节）。", "'{name}' is empty (0 bytes)."),
    "pdf": Text("“{name}”是 PDF 文档，不是图片。请把相应页面导出为 JPG 或 PNG 后再添加。",
                "'{name}' is a PDF document, not an image. Export the page as JPG or PNG and add that."),
    "not_image": Text("“{name}”不是可识别的图片文件。", "'{name}' is not an image file this app can read."),
    "bomb": Text("“{name}”的尺寸异常巨大（{width}×{height} 像素），可能是恶意文件，已拒绝。",
                 "'{name}' declares an absurd size ({width}×{height} pixels) and was refused "
                 "as a possible decompression bomb."),
    "truncated": Text("“{name}”不完整（文件被截断或损坏），请重新导出或拍摄。",
                      "'{name}' is incomplete (truncated or damaged); export or take it again."),
    "unreadable": Text("无法读取“{name}”：{detail}", "Cannot read '{name}': {detail}"),
}


class ImageRefused(UserError):
    """A file that cannot become an upload-ready image; `reason` is one of REFUSALS."""

    def __init__(self, reason: str, path: Path, **params: object):
        super().__init__(REFUSALS[reason].format(name=path.name, **params))
        self.reason = reason


@dataclass
class LoadedImage:
    image: Image.Image  # decoded, first frame only, EXIF orientation not yet applied
    format: str  # Pillow's format name, by content
    frames: int
    size_bytes: int
    orientation: int  # EXIF orientation tag, 1 when upright or absent


def load_image(path: str | Path) -> LoadedImage:
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise ImageRefused("missing", path) from None
    except OSError as exc:
        raise ImageRefused("unreadable", path, detail=exc.strerror or str(exc)) from None
    if size == 0:
        raise ImageRefused("empty", path)
    if head.startswith(b"%PDF"):
        raise ImageRefused("pdf", path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                width, height = img.size
                if width * height > MAX_PIXELS:
                    raise ImageRefused("bomb", path, width=width, height=height)
                fmt = img.format or "?"
                frames = getattr(img, "n_frames", 1)
                orientation = int(img.getexif().get(ImageOps.ExifTags.Base.Orientation, 1) or 1)
                img.seek(0)
                img.load()
                first = img.copy()
    except ImageRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused("bomb", path, width="?", height="?") from None
    except Image.UnidentifiedImageError:
        raise ImageRefused("not_image", path) from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        if "truncated" in str(exc).lower() or isinstance(exc, EOFError):
            raise ImageRefused("truncated", path) from None
        raise ImageRefused("unreadable", path, detail=str(exc)) from None
    return LoadedImage(first, fmt, frames, size, orientation)


def upright_rgb(loaded: LoadedImage) -> Image.Image:
    """The picture as a person sees it: EXIF rotation applied, 8-bit RGB on white."""
    img = ImageOps.exif_transpose(loaded.image) if loaded.orientation != 1 else loaded.image
    return to_8bit_rgb(img)


def to_8bit_rgb(img: Image.Image) -> Image.Image:
    if img.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        img = to_8bit_grey(img)
    if img.mode == "P" and "transparency" in img.info:
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA"):
        background = Image.new("RGB", img.size, (255, 255, 255))
        background.paste(img.convert("RGBA"), mask=img.convert("RGBA").getchannel("A"))
        return background
    return img if img.mode == "RGB" else img.convert("RGB")


def to_8bit_grey(img: Image.Image) -> Image.Image:
    """16-bit (or 32-bit int) greyscale to 8-bit, scaled rather than clipped."""
    import numpy as np

    arr = np.asarray(img.convert("I") if img.mode != "I" else img, dtype=np.int64)
    top = 65535 if img.mode.startswith("I;16") or arr.max() > 255 else 255
    return Image.fromarray((arr * 255 // max(top, 1)).clip(0, 255).astype(np.uint8), "L")
