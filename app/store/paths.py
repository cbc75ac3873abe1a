"""Where QualDesk keeps its local data: `QUALDESK_HOME`, else the platform's user data folder.

The folder holds drafts with ID numbers and ID card photos, so it is created user-only
(0700 on POSIX); Windows' per-user profile folders are already private.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "QualDesk"
DB_NAME = "qualdesk.sqlite3"
BLOBS_DIR = "blobs"


def data_dir() -> Path:
    """The data folder (not created); `QUALDESK_HOME` wins so tests and `--demo` stay apart."""
    home = os.environ.get("QUALDESK_HOME", "").strip()
    if home:
        return Path(home).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) user-only; tighten a folder that already exists too loosely."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path
