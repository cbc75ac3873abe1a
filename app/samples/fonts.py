"""Find a font that draws Simplified Chinese, on Linux, macOS and Windows.

The sample documents need one; without it they cannot be drawn (the demo then skips them and
the tests that need them skip with a reason).
"""

from __future__ import annotations

import glob
import os
import subprocess
from functools import cache
from pathlib import Path

from PIL import ImageFont

_WINDOWS_FONTS = os.environ.get("WINDIR", "C:/Windows").replace("\\", "/") + "/Fonts"
FONT_PATTERNS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc",
    "/usr/share/fonts/**/NotoSansCJK*.tt[cf]",
    "/Library/Fonts/NotoSansCJK*",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    f"{_WINDOWS_FONTS}/msyh.tt[cf]",
    f"{_WINDOWS_FONTS}/simhei.ttf",
)


@cache
def find_cjk_font() -> str | None:
    """A CJK font file (Noto Sans CJK preferred), or None when the system has none."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK SC"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
        if out and "CJK" in out and Path(out).is_file():
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    for pattern in FONT_PATTERNS:
        found = sorted(glob.glob(pattern, recursive=True))
        if found:
            return found[0]
    return None


@cache
def _face_index(path: str) -> int:
    """In a font collection, the Simplified Chinese face (Noto: 'Noto Sans CJK SC'; PingFang
    and STHeiti: '… SC'); the first face otherwise."""
    if not path.lower().endswith(".ttc"):
        return 0
    for index in range(32):
        try:
            family = ImageFont.truetype(path, 12, index=index).getname()[0] or ""
        except OSError:
            break
        if family.endswith((" SC", " GB")):
            return index
    return 0


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The CJK font at `size` px (the bold file of the family when there is one)."""
    path = find_cjk_font()
    if path is None:
        raise RuntimeError("no CJK font found")
    if bold and "Regular" in path and Path(path.replace("Regular", "Bold")).is_file():
        path = path.replace("Regular", "Bold")
    return ImageFont.truetype(path, size, index=_face_index(path))
