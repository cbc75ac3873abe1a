"""What every page needs from the application: where the data lives, which API endpoint to
use, whether this is the demo. Created once in `launch.py` and handed to each page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.store.db import Store


@dataclass
class AppContext:
    home: Path | None = None  # data folder; None = QUALDESK_HOME or the platform default
    endpoint: str | None = None  # API endpoint override (the simulator in demo mode)
    demo: bool = False
    # AccessKey ID -> secret typed for this session when the OS keyring is unavailable
    # (never persisted; see app/ui/settings/credentials).
    session_secrets: dict[str, str] = field(default_factory=dict, repr=False)
    # Opens a stored draft in the drafts page's editor (set by the drafts page once pages exist).
    open_draft: Callable[[str], None] | None = field(default=None, repr=False)
    _store: Store | None = field(default=None, repr=False)

    def store(self) -> Store:
        """The local store, opened (and migrated) on first use; one per context."""
        if self._store is None:
            from app.store.db import open_store

            self._store = open_store(self.home)
        return self._store
