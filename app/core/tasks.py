"""The contract of slow work (OCR, sync, big writes): a plain function that takes a progress
callback and a cancel check. The core stays Qt-free; the GUI's one small adapter runs such a
function on a thread pool and turns the callbacks into signals."""

from __future__ import annotations

from collections.abc import Callable

# progress(fraction 0..1, or None when unknown; short bilingual-neutral note such as "3/10")
Progress = Callable[[float | None, str], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """Raised by slow work when its cancel check returns True."""


def no_progress(_fraction: float | None, _note: str) -> None:
    """Default progress callback for headless callers."""


def never_cancelled() -> bool:
    return False


def check_cancelled(is_cancelled: CancelCheck) -> None:
    if is_cancelled():
        raise Cancelled()
