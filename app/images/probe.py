"""What an image file really is, read from its content, never from its extension."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# Formats the console accepts (Pillow's names); everything else must be converted.
ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "GIF"})
EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "GIF": (".gif",)}
# Refuse anything over ~90 megapixels outright: a phone photo is 12–50.
MAX_PIXELS = 90_000_000


@dataclass(frozen=True)
class ImageProbe:
    path: Path
    exists: bool
    size_bytes: int = 0
    format: str | None = None  # Pillow's format name, None when not an image
    width: int = 0
    height: int = 0
    decodes: bool = False
    problem: str | None = None  # missing | not_image | bomb | truncated | unreadable

    @property
    def accepted_format(self) -> bool:
        return self.format in ACCEPTED_FORMATS

    @property
    def extension_matches(self) -> bool:
        return self.format is None or self.path.suffix.lower() in EXTENSIONS.get(self.format, ())


def probe_image(path: str | Path) -> ImageProbe:
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        return ImageProbe(path, exists=False, problem="missing")
    if not path.is_file():
        return ImageProbe(path, exists=False, problem="missing")
    return _probe_cached(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=256)
def _probe_cached(path: Path, size: int, _mtime_ns: int) -> ImageProbe:
    """Cached on (path, size, mtime): live checks re-run often, files rarely change."""
    if size == 0:
        return ImageProbe(path, True, 0, problem="not_image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                fmt, (width, height) = img.format, img.size
                if width * height > MAX_PIXELS:
                    return ImageProbe(path, True, size, fmt, width, height, problem="bomb")
                img.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return ImageProbe(path, True, size, problem="bomb")
    except Image.UnidentifiedImageError:
        return ImageProbe(path, True, size, problem="not_image")
    except (OSError, SyntaxError, ValueError) as exc:
        problem = "truncated" if "truncated" in str(exc).lower() else "unreadable"
        return ImageProbe(path, True, size, locals().get("fmt"), problem=problem)
    return ImageProbe(path, True, size, fmt, width, height, decodes=True)
