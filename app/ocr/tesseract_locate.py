"""Find the Tesseract program where Windows and macOS installers put it.

An app started from the Start menu or Finder does not get the user's shell PATH, and the
UB-Mannheim Windows installer does not add itself to PATH, so `shutil.which` alone misses
most real installations.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def candidate_paths(platform: str = sys.platform, env: dict[str, str] | None = None) -> list[Path]:
    """The usual install places for `platform`, most specific first."""
    env = dict(os.environ) if env is None else env
    exe = "tesseract.exe" if platform == "win32" else "tesseract"
    places: list[Path] = []
    prefix = env.get("TESSDATA_PREFIX")
    if prefix:  # tessdata usually sits beside or below the program
        base = Path(prefix)
        places += [base / exe, base.parent / exe, base.parent / "bin" / exe,
                   base.parent.parent / "bin" / exe]
    if platform == "win32":
        for var, sub in (("ProgramFiles", ()), ("ProgramFiles(x86)", ()),
                         ("LOCALAPPDATA", ("Programs",))):
            if env.get(var):
                places.append(Path(env[var], *sub, "Tesseract-OCR", exe))
    elif platform == "darwin":
        places += [Path("/opt/homebrew/bin/tesseract"), Path("/usr/local/bin/tesseract"),
                   Path("/opt/local/bin/tesseract")]
    return places


def locate_tesseract(platform: str = sys.platform, env: dict[str, str] | None = None) -> str | None:
    """PATH first, then the usual install places; None when Tesseract is not installed."""
    found = shutil.which("tesseract", path=(env or os.environ).get("PATH"))
    if found:
        return found
    return next((str(p) for p in candidate_paths(platform, env) if p.is_file()), None)
