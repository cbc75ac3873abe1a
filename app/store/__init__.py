"""Local storage (no Qt): drafts with their images, tracked qualifications, the submission pack.

`open_store()` returns a `Store`; every function takes it first and runs one short
transaction on the calling thread's own connection, so worker threads may share a store.
"""

from app.store.db import SCHEMA_VERSION, Store, open_store
from app.store.drafts import (
    attach_image,
    create_draft,
    duplicate_draft,
    get_draft,
    import_draft,
    link_qualification,
    load_draft,
    remove_image,
    resolve_id,
    set_current_step,
    update_field,
)
from app.store.listing import list_drafts
from app.store.paths import data_dir
from app.store.readings import load_reading, save_reading
from app.store.records import DraftNotFound, DraftSummary, ImageRef, StoredDraft
from app.store.trash import delete_draft, garbage_collect, purge_trash, restore_draft

__all__ = [
    "SCHEMA_VERSION", "DraftNotFound", "DraftSummary", "ImageRef", "Store", "StoredDraft",
    "attach_image", "create_draft", "data_dir", "delete_draft", "duplicate_draft",
    "garbage_collect", "get_draft", "import_draft", "link_qualification", "list_drafts",
    "load_draft", "load_reading", "open_store", "purge_trash", "remove_image", "resolve_id",
    "restore_draft", "save_reading", "set_current_step", "update_field",
]
