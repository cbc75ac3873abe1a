"""Drafts in the store: autosave, images by hash, duplicate, trash, the list, threads."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core.draft import completeness
from app.core.rules import check_draft
from app.core.text import UserError
from app.store import (
    Store,
    attach_image,
    create_draft,
    delete_draft,
    duplicate_draft,
    garbage_collect,
    get_draft,
    import_draft,
    link_qualification,
    list_drafts,
    load_draft,
    open_store,
    purge_trash,
    remove_image,
    resolve_id,
    restore_draft,
    set_current_step,
    update_field,
)
from app.store.paths import data_dir
from tests.factories import TODAY, general_values, make_draft, write_image


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store() as s:
        yield s


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_data_folder_comes_from_qualdesk_home_and_is_private(store: Store) -> None:
    assert store.home == data_dir() == Path(os.environ["QUALDESK_HOME"])
    assert store.db_path.is_file()
    if os.name == "posix":
        assert store.home.stat().st_mode & 0o777 == 0o700


def test_connection_is_wal_with_foreign_keys(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_update_field_persists_each_edit_and_clears_with_none(store: Store) -> None:
    draft_id = create_draft(store, "general", {"enterprise_name": "甲公司"})
    update_field(store, draft_id, "remarks", "语音通知")
    update_field(store, draft_id, "reuse_across_products", True)
    update_field(store, draft_id, "enterprise_name", None)
    with open_store() as other:  # another connection sees the committed values
        d = get_draft(other, draft_id)
    assert d.values == {"remarks": "语音通知", "reuse_across_products": True}
    assert d.revision == 3 and d.updated_at > d.created_at


def test_update_field_rejects_unknown_and_image_fields_without_writing(store: Store) -> None:
    draft_id = create_draft(store, "number400")
    before = get_draft(store, draft_id)
    with pytest.raises(UserError, match="no field admin_name"):
        update_field(store, draft_id, "admin_name", "x")  # a general-form field
    with pytest.raises(UserError, match="image field"):
        update_field(store, draft_id, "legal_rep_id_front_image", "/tmp/x.jpg")
    with pytest.raises(UserError, match="No draft"):
        update_field(store, "deadbeef", "remarks", "x")
    assert get_draft(store, draft_id).revision == before.revision


def test_attached_image_survives_deleting_the_original(store: Store, tmp_path: Path) -> None:
    original = write_image(tmp_path / "身份证 正面.JPG")
    digest = sha(original)
    draft_id = create_draft(store, "general")
    ref = attach_image(store, draft_id, "legal_rep_id_front_image", original)
    original.unlink()
    d = get_draft(store, draft_id)
    [stored] = d.images["legal_rep_id_front_image"]
    assert stored.original_name == "身份证 正面.JPG"
    assert stored.path == ref.path == store.blobs_dir / digest[:2] / f"{digest}.jpg"
    assert sha(stored.path) == digest


def test_blob_extension_comes_from_the_real_format(store: Store, tmp_path: Path) -> None:
    png_named_jpg = write_image(tmp_path / "scan.jpg", "PNG")
    draft_id = create_draft(store, "general")
    assert attach_image(store, draft_id, "admin_holding_id_image", png_named_jpg).ext == ".png"


def test_same_image_is_stored_once_and_single_image_fields_replace(store: Store,
                                                                  tmp_path: Path) -> None:
    a = write_image(tmp_path / "a.jpg", color=(1, 1, 1))
    b = write_image(tmp_path / "b.jpg", color=(250, 250, 250))
    d1, d2 = create_draft(store, "general"), create_draft(store, "general")
    attach_image(store, d1, "admin_id_front_image", a)
    attach_image(store, d2, "admin_id_front_image", a)
    assert len(list(store.blobs_dir.glob("*/*"))) == 1
    attach_image(store, d1, "admin_id_front_image", b)
    assert [r.sha256 for r in get_draft(store, d1).images["admin_id_front_image"]] == [sha(b)]


def test_image_list_appends_and_removes_by_index(store: Store, tmp_path: Path) -> None:
    files = [write_image(tmp_path / f"{i}.png", "PNG", color=(i, 0, 0)) for i in range(3)]
    draft_id = create_draft(store, "general")
    for f in files:
        attach_image(store, draft_id, "additional_attachments", f)
    remove_image(store, draft_id, "additional_attachments", index=1)
    refs = get_draft(store, draft_id).images["additional_attachments"]
    assert [r.sha256 for r in refs] == [sha(files[0]), sha(files[2])]
    with pytest.raises(UserError, match="no image field"):
        attach_image(store, draft_id, "remarks", files[0])
    with pytest.raises(UserError, match="not found"):
        attach_image(store, draft_id, "additional_attachments", tmp_path / "gone.png")


def test_imported_draft_checks_like_the_file_it_came_from(store: Store, tmp_path: Path) -> None:
    data = make_draft(tmp_path, "general")
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    from app.core.draft import load_draft_file

    draft_id = import_draft(store, load_draft_file(path))
    stored = load_draft(store, draft_id)
    assert check_draft(stored, TODAY) == check_draft(load_draft_file(path), TODAY) == []
    assert completeness(stored.form, stored.values) == 1.0
    # Image values are absolute paths of blob files, not the user's originals.
    assert all(Path(stored.values[f]).is_relative_to(store.blobs_dir)
               for f in ("business_certificate_image", "admin_holding_id_image"))


def test_list_reports_completeness_errors_and_refreshes_after_an_edit(store: Store,
                                                                     tmp_path: Path) -> None:
    from app.core.draft import parse_draft

    draft_id = import_draft(store, parse_draft(make_draft(tmp_path, "general"), tmp_path))
    empty_id = create_draft(store, "number400")
    rows = {r.id: r for r in list_drafts(store, today=TODAY)}
    assert (rows[draft_id].completeness, rows[draft_id].error_count) == (1.0, 0)
    assert rows[draft_id].enterprise_name == "杭州云声科技有限公司"
    assert rows[empty_id].completeness < 0.2 and rows[empty_id].error_count > 0
    update_field(store, draft_id, "legal_rep_id_number", "123")  # bad checksum/length
    update_field(store, draft_id, "remarks", "second edit")
    rows = list_drafts(store, today=TODAY)
    assert rows[0].id == draft_id  # most recently edited first
    assert rows[0].error_count == 1


def test_duplicate_copies_values_and_images_but_not_the_update_link(store: Store,
                                                                    tmp_path: Path) -> None:
    draft_id = create_draft(store, "general", general_values())
    attach_image(store, draft_id, "business_certificate_image", write_image(tmp_path / "l.jpg"))
    set_current_step(store, draft_id, 3)
    link_qualification(store, draft_id, 42, {"values": {"enterprise_name": "x"}})
    copy_id = duplicate_draft(store, draft_id)
    src, copy = get_draft(store, draft_id), get_draft(store, copy_id)
    assert copy_id != draft_id
    assert copy.values == src.values and copy.images == src.images
    assert copy.current_step == 3
    assert (copy.linked_group_id, copy.update_of) == (None, None)
    assert (src.linked_group_id, src.update_of) == (42, {"values": {"enterprise_name": "x"}})


def test_trash_restore_and_purge_after_30_days(store: Store, tmp_path: Path) -> None:
    image = write_image(tmp_path / "only.jpg", color=(9, 9, 9))
    keep, old = create_draft(store, "general"), create_draft(store, "general")
    attach_image(store, old, "business_certificate_image", image)
    delete_draft(store, keep)
    delete_draft(store, old)
    assert list_drafts(store) == []
    assert {r.id for r in list_drafts(store, trash=True)} == {keep, old}
    with pytest.raises(UserError, match="in the trash"):
        update_field(store, keep, "remarks", "x")
    restore_draft(store, keep)
    assert [r.id for r in list_drafts(store)] == [keep]
    # 29 days on nothing goes; 31 days on the trashed draft and (once old) its blob go.
    assert purge_trash(store, now=datetime.now(UTC) + timedelta(days=29)) == 0
    assert purge_trash(store, now=datetime.now(UTC) + timedelta(days=31)) == 1
    assert {r.id for r in list_drafts(store, trash=True)} == set()
    blob = next(store.blobs_dir.glob("*/*"))
    assert garbage_collect(store) == 0  # still inside the grace period
    assert garbage_collect(store, grace_s=0) == 1 and not blob.exists()


def test_garbage_collection_keeps_blobs_of_trashed_drafts(store: Store, tmp_path: Path) -> None:
    draft_id = create_draft(store, "general")
    ref = attach_image(store, draft_id, "admin_id_back_image", write_image(tmp_path / "x.jpg"))
    delete_draft(store, draft_id)
    assert garbage_collect(store, grace_s=0) == 0 and ref.path.exists()


def test_ids_resolve_from_a_unique_prefix(store: Store) -> None:
    draft_id = create_draft(store, "general")
    assert resolve_id(store, draft_id[:5].upper()) == draft_id
    with pytest.raises(UserError):
        resolve_id(store, "no such id")


def test_worker_threads_autosave_concurrently(store: Store) -> None:
    ids = [create_draft(store, "general") for _ in range(4)]

    def edit(draft_id: str) -> None:
        for i in range(50):
            update_field(store, draft_id, "remarks", str(i))

    threads = [threading.Thread(target=edit, args=(i,)) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {get_draft(store, i).values["remarks"] for i in ids} == {"49"}
    assert all(get_draft(store, i).revision == 50 for i in ids)
