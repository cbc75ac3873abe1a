"""What every page needs from the application: where the data lives, which API endpoint to
use, whether this is the demo. Created once in `launch.py` and handed to each page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class AppContext:
    home: Path | None = None  # data folder; None = QUALDESK_HOME or the platform default
    endpoint: str | None = None  # API endpoint override (the simulator in demo mode)
    demo: bool = False
