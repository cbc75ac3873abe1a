"""Content-addressed image files: `<data>/blobs/<sha256[:2]>/<sha256><ext>`.

A draft keeps only the hash, so moving or deleting the user's original never loses an image,
and the same photo attached to ten drafts is stored once. Files are written to a temporary
name, fsynced and renamed, so a crash leaves either the whole file or none.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.core.text import Text, UserError
from app.images.probe import EXTENSIONS, probe_image

CHUNK = 1 << 20
# A blob younger than this is never collected: it may belong to an attach whose database row
# is not committed yet.
GC_GRACE_S = 3600.0


@dataclass(frozen=True)
class Blob:
    sha256: str
    ext: str  # ".jpg", ".png", … from the file's real format

    @property
    def name(self) -> str:
        return f"{self.sha256}{self.ext}"


def blob_path(blobs_dir: Path, sha256: str, ext: str) -> Path:
    return blobs_dir / sha256[:2] / f"{sha256}{ext}"


def real_extension(path: Path) -> str:
    """The extension of the file's real format; the original's (ASCII) suffix otherwise."""
    fmt = probe_image(path).format
    if fmt in EXTENSIONS:
        return EXTENSIONS[fmt][0]
    suffix = path.suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ".bin"


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def store_blob(blobs_dir: Path, source: Path) -> Blob:
    """Copy `source` into the blob folder (deduplicated by hash); the source is untouched."""
    source = Path(source)
    if not source.is_file():
        raise UserError(Text(f"找不到图片文件：{source}", f"Image file not found: {source}"))
    ext = real_extension(source)
    tmp: Path | None = None
    try:
        blobs_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=blobs_dir)
        tmp = Path(tmp_name)
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        blob = Blob(digest.hexdigest(), ext)
        final = blob_path(blobs_dir, blob.sha256, ext)
        if final.exists():
            os.utime(final)  # fresh mtime keeps it out of a concurrent garbage collection
            tmp.unlink()
        else:
            final.parent.mkdir(exist_ok=True)
            os.replace(tmp, final)
            _fsync_dir(final.parent)
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise UserError(Text(f"无法保存图片 {source.name}：{exc.strerror}",
                             f"Cannot store image {source.name}: {exc.strerror}")) from None
    return blob


def collect_garbage(blobs_dir: Path, referenced: set[str], grace_s: float = GC_GRACE_S) -> int:
    """Delete blob files whose hash is not in `referenced` (and stale temporaries)."""
    if not blobs_dir.is_dir():
        return 0
    removed = 0
    cutoff = time.time() - grace_s
    for path in blobs_dir.glob("*/*"):
        sha = path.name.split(".", 1)[0]
        if sha in referenced:
            continue
        with contextlib.suppress(FileNotFoundError):  # another process may collect it first
            if path.stat().st_mtime <= cutoff:
                path.unlink()
                removed += 1
    for tmp in blobs_dir.glob(".incoming-*"):
        with contextlib.suppress(FileNotFoundError):
            if tmp.stat().st_mtime <= cutoff:
                tmp.unlink()
    return removed
