"""The SQLite database: one file, WAL, foreign keys, versioned forward migrations.

Durability: every write is its own `BEGIN IMMEDIATE … COMMIT`. In WAL mode with
`synchronous=NORMAL`, a commit appends the transaction to the WAL file through the OS before
`COMMIT` returns; the WAL is fsynced only at checkpoints. A killed *process* therefore never
loses a committed transaction (the data is in the OS page cache, which outlives the process)
and never corrupts the file; only a power loss or OS crash can lose the last few commits
(still without corruption). That is the trade the autosave needs: a commit costs well under
a millisecond instead of an fsync per keystroke.

Threads: the GUI and the cloud sync call the store from worker threads, so a `Store` hands
each thread its own connection (`store.db`). Processes (GUI + CLI) share the file through
WAL and a busy timeout.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from app.core.text import Text, UserError
from app.store.paths import BLOBS_DIR, DB_NAME, data_dir, ensure_private_dir

BUSY_TIMEOUT_S = 10.0


def _v1_drafts(db: sqlite_utils.Database) -> None:
    """Drafts and their image references (images themselves live in the blob folder)."""
    db.execute("""
        CREATE TABLE drafts (
            id TEXT PRIMARY KEY,
            form TEXT NOT NULL,
            values_json TEXT NOT NULL DEFAULT '{}',
            current_step INTEGER NOT NULL DEFAULT 0,
            linked_group_id INTEGER,
            update_of_json TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,
            revision INTEGER NOT NULL DEFAULT 0,
            error_count INTEGER,
            errors_checked_on TEXT
        )""")
    db.execute("""
        CREATE TABLE draft_images (
            draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            field_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            ext TEXT NOT NULL,
            original_name TEXT NOT NULL,
            PRIMARY KEY (draft_id, field_id, position)
        )""")
    db.execute("CREATE INDEX draft_images_sha256 ON draft_images(sha256)")
    db.execute("CREATE INDEX drafts_deleted_at ON drafts(deleted_at)")


def _v2_tracked(db: sqlite_utils.Database) -> None:
    """Qualifications seen through the API and every state each was seen in."""
    db.execute("""
        CREATE TABLE tracked_qualifications (
            group_id INTEGER PRIMARY KEY,
            name TEXT, company TEXT, legal_person TEXT,
            state TEXT, state_raw TEXT, work_order_id TEXT,
            audit_remark TEXT, audit_time TEXT, created TEXT,
            use_by_self INTEGER,
            detail_json TEXT,
            expiry_state TEXT, expiry_document TEXT, expiry_end TEXT, expiry_days_left INTEGER,
            synced_at TEXT
        )""")
    db.execute("""
        CREATE TABLE state_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            group_id INTEGER NOT NULL
                REFERENCES tracked_qualifications(group_id) ON DELETE CASCADE,
            state TEXT, state_raw TEXT,
            seen_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX state_history_group ON state_history(group_id, id)")


def _v3_ocr_readings(db: sqlite_utils.Database) -> None:
    """What OCR read on each stored image, so reopening a draft shows mismatches without
    reading again. Keyed by content, not draft: one photo in ten drafts is read once. A
    reading goes with the last reference to its image (it holds names and ID numbers)."""
    db.execute("""
        CREATE TABLE ocr_readings (
            sha256 TEXT NOT NULL,
            engine TEXT NOT NULL,
            result_json TEXT NOT NULL,
            read_at TEXT NOT NULL,
            PRIMARY KEY (sha256, engine)
        )""")
    db.execute("""
        CREATE TRIGGER ocr_readings_follow_images AFTER DELETE ON draft_images
        WHEN NOT EXISTS (SELECT 1 FROM draft_images WHERE sha256 = OLD.sha256)
        BEGIN
            DELETE FROM ocr_readings WHERE sha256 = OLD.sha256;
        END""")


# Forward migrations: MIGRATIONS[i] takes the schema from version i to i + 1. Append only.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1_drafts, _v2_tracked,
                                                              _v3_ocr_readings]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, target: int = SCHEMA_VERSION) -> None:
    """Apply the missing migrations, each in its own transaction with its version bump."""
    with write(db):
        current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise UserError(Text(
            f"数据库（版本 {current}）由更新的 QualDesk 创建，请升级 QualDesk",
            f"The database (schema {current}) was written by a newer QualDesk: please upgrade"))
    for version in range(current, target):
        with write(db):
            if schema_version(db) != version:  # another process migrated meanwhile
                continue
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")


def connect(path: Path) -> sqlite_utils.Database:
    """A connection with the pragmas every QualDesk connection needs."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                           check_same_thread=False)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


@contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One short write transaction. IMMEDIATE takes the write lock up front, so a
    read-then-write never fails half-way with SQLITE_BUSY when another process writes."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


class Store:
    """The data folder and its database, with one connection per thread."""

    def __init__(self, home: Path):
        self.home = ensure_private_dir(home)
        self.blobs_dir = self.home / BLOBS_DIR
        self.db_path = self.home / DB_NAME
        self._local = threading.local()
        self._all: list[sqlite_utils.Database] = []
        self._lock = threading.Lock()

    @property
    def db(self) -> sqlite_utils.Database:
        """This thread's connection (opened on first use)."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = connect(self.db_path)
            self._local.db = db
            with self._lock:
                self._all.append(db)
        return db

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                db.conn.close()
            self._all.clear()
        self._local = threading.local()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_prepared: set[Path] = set()
_prepared_lock = threading.Lock()


def open_store(home: Path | None = None) -> Store:
    """The store of `home` (default: the data folder). Cheap after the first call per folder
    in a process: migrations and the trash purge run once."""
    store = Store(home or data_dir())
    key = store.db_path.resolve()
    with _prepared_lock:
        if key not in _prepared or not store.db_path.exists():
            migrate(store.db)
            from app.store.trash import purge_trash  # late: trash imports this module

            purge_trash(store)
            _prepared.add(key)
    return store
