"""Schema versions: a database from the first version upgrades with its data intact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.text import UserError
from app.store import (
    SCHEMA_VERSION,
    get_draft,
    list_drafts,
    load_reading,
    open_store,
    remove_image,
    save_reading,
)
from app.store.db import MIGRATIONS, connect, migrate, schema_version
from app.store.paths import DB_NAME
from app.store.tracked import list_qualifications, upsert_qualification


def test_upgrade_from_version_1_keeps_drafts(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    v1 = connect(home / DB_NAME)
    migrate(v1, target=1)
    assert schema_version(v1) == 1
    assert "tracked_qualifications" not in v1.table_names()
    v1.execute("INSERT INTO drafts (id, form, values_json, created_at, updated_at)"
               " VALUES ('0a1b2c3d', 'general', ?, '2025-01-01T00:00:00+00:00',"
               " '2025-01-02T00:00:00+00:00')",
               (json.dumps({"enterprise_name": "旧版公司", "remarks": "v1"}, ensure_ascii=False),))
    v1.execute("INSERT INTO draft_images VALUES ('0a1b2c3d', 'business_certificate_image', 0,"
               " 'ab' || printf('%062d', 0), '.jpg', 'licence.jpg')")
    v1.conn.close()

    with open_store(home) as store:
        assert schema_version(store.db) == SCHEMA_VERSION == len(MIGRATIONS)
        d = get_draft(store, "0a1b2c3d")
        assert d.values == {"enterprise_name": "旧版公司", "remarks": "v1"}
        assert d.images["business_certificate_image"][0].original_name == "licence.jpg"
        assert [r.enterprise_name for r in list_drafts(store)] == ["旧版公司"]
        # The tables of later versions work.
        assert upsert_qualification(store, {"group_id": 7, "state": "reviewing"}, "2025-02-01")
        assert [q["group_id"] for q in list_qualifications(store)] == [7]
        sha = d.images["business_certificate_image"][0].sha256
        assert save_reading(store, sha, "rapidocr", {"kind": "business_license", "fields": {}})
        assert load_reading(store, sha, "rapidocr") == {"kind": "business_license", "fields": {}}


def test_upgrade_from_version_2_adds_readings_that_follow_the_images(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    v2 = connect(home / DB_NAME)
    migrate(v2, target=2)
    assert "ocr_readings" not in v2.table_names()
    v2.execute("INSERT INTO drafts (id, form, created_at, updated_at)"
               " VALUES ('1a2b3c4d', 'general', '2025-01-01T00:00:00+00:00',"
               " '2025-01-01T00:00:00+00:00')")
    sha = "cd" + "0" * 62
    v2.execute("INSERT INTO draft_images VALUES ('1a2b3c4d', 'admin_id_back_image', 0, ?,"
               " '.jpg', 'card.jpg')", (sha,))
    v2.execute("INSERT INTO tracked_qualifications (group_id, state) VALUES (3, 'approved')")
    v2.conn.close()

    with open_store(home) as store:
        assert schema_version(store.db) == SCHEMA_VERSION
        assert [q["group_id"] for q in list_qualifications(store)] == [3]
        assert get_draft(store, "1a2b3c4d").images["admin_id_back_image"][0].sha256 == sha
        assert save_reading(store, sha, "tesseract", {"kind": "id_portrait"})
        remove_image(store, "1a2b3c4d", "admin_id_back_image")
        assert load_reading(store, sha, "tesseract") is None


def test_migrating_twice_is_a_no_op(tmp_path: Path) -> None:
    db = connect(tmp_path / DB_NAME)
    migrate(db)
    tables = sorted(db.table_names())
    migrate(db)
    assert sorted(db.table_names()) == tables and schema_version(db) == SCHEMA_VERSION


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    db = connect(tmp_path / DB_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(UserError, match="newer QualDesk"):
        migrate(db)
