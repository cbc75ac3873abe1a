"""One place that finds the project's data folders (forms/, resources/) from source, from an
installed wheel and from a PyInstaller bundle, so no module hard-codes a path."""

from __future__ import annotations

import sys
from pathlib import Path


def _roots() -> list[Path]:
    roots: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen))
    roots.append(Path(__file__).resolve().parent.parent)  # source checkout / editable install
    roots.append(Path(sys.prefix) / "share" / "qualdesk")  # wheel data-files
    return roots


def resource_path(*parts: str) -> Path:
    """Return the first existing `<root>/<parts>`; the source location when none exists."""
    for root in _roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return _roots()[0].joinpath(*parts)


def forms_dir() -> Path:
    return resource_path("forms")
