"""`qualdesk drafts …` end to end through the real command line."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from app.store.paths import DB_NAME
from tests.factories import write_draft, write_image

ROOT = Path(__file__).resolve().parent.parent


def qualdesk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args, "--lang", "en"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def home() -> Path:
    return Path(os.environ["QUALDESK_HOME"])  # the test's private folder (conftest)


def draft_count(folder: Path) -> int:
    db = folder / DB_NAME
    if not db.exists():
        return 0
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT COUNT(*) FROM drafts").fetchone()[0]


def test_import_export_round_trip_survives_deleting_the_originals(tmp_path: Path) -> None:
    src = tmp_path / "src"
    extra = [str(write_image(src / "img" / "补充 1.png", "PNG", color=(0, 90, 0)))]
    draft_file = write_draft(src, "general", additional_attachments=extra)
    # Relative image paths resolve against the draft file's folder.
    data = json.loads(draft_file.read_text(encoding="utf-8"))
    data["values"]["admin_holding_id_image"] = "img/admin_holding_id_image.jpg"
    draft_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    digests = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (src / "img").iterdir()}

    imported = qualdesk("drafts", "import", str(draft_file), "--json")
    assert imported.returncode == 0, imported.stderr
    draft_id = json.loads(imported.stdout)["id"]
    shutil.rmtree(src)

    listed = qualdesk("drafts", "list", "--json")
    [row] = json.loads(listed.stdout)
    assert row["id"] == draft_id and row["completeness"] == 1.0
    assert row["enterprise_name"] == "杭州云声科技有限公司"

    pack = tmp_path / "pack.zip"
    exported = qualdesk("drafts", "export", draft_id, str(pack), "--json")
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(pack) as zf:
        zf.extractall(tmp_path / "unzipped")
    unzipped = json.loads((tmp_path / "unzipped" / "draft.json").read_text(encoding="utf-8"))
    assert {k: v for k, v in unzipped["values"].items() if "image" not in k
            and k != "additional_attachments"} == \
        {k: v for k, v in data["values"].items() if "image" not in k
         and k != "additional_attachments"}
    packed = {hashlib.sha256(p.read_bytes()).hexdigest()
              for p in (tmp_path / "unzipped" / "images").iterdir()}
    assert packed == set(digests.values())
    # The pack is itself a valid draft: it checks clean and re-imports.
    check = qualdesk("check", str(tmp_path / "unzipped" / "draft.json"), "--today", "2026-11-23")
    assert check.returncode == 0, check.stdout + check.stderr
    again = qualdesk("drafts", "import", str(tmp_path / "unzipped" / "draft.json"), "--json")
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ('{"form": "sms", "values": {}}', "Unknown form"),
    ('{"form": "general", "values": {"favourite_colour": "red"}}', "favourite_colour"),
])
def test_bad_draft_files_write_nothing(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = qualdesk("drafts", "import", str(bad))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (home() / DB_NAME).exists()  # not even an empty database


def test_missing_image_file_writes_nothing(tmp_path: Path) -> None:
    draft_file = write_draft(tmp_path, "number400")
    (tmp_path / "img" / "legal_rep_id_back_image.jpg").unlink()
    result = qualdesk("drafts", "import", str(draft_file))
    assert result.returncode == 2
    assert "legal_rep_id_back_image.jpg" in result.stderr and "nothing was imported" in result.stderr
    assert draft_count(home()) == 0
    assert not any((home() / "blobs").glob("*/*"))  # no image was copied either


def test_delete_restore_and_unknown_ids(tmp_path: Path) -> None:
    draft_id = json.loads(qualdesk("drafts", "new", "--form", "number400", "--json").stdout)["id"]
    assert qualdesk("drafts", "delete", draft_id, "--json").returncode == 0
    assert json.loads(qualdesk("drafts", "list", "--json").stdout) == []
    [trashed] = json.loads(qualdesk("drafts", "list", "--trash", "--json").stdout)
    assert trashed["id"] == draft_id and trashed["deleted_at"]
    restored = qualdesk("drafts", "restore", draft_id, "--json")
    assert json.loads(restored.stdout) == {"id": draft_id, "deleted": False}
    assert [r["id"] for r in json.loads(qualdesk("drafts", "list", "--json").stdout)] == [draft_id]
    missing = qualdesk("drafts", "export", "ffff0000", str(tmp_path / "x.zip"))
    assert missing.returncode == 2 and "No draft with id ffff0000" in missing.stderr
    assert not (tmp_path / "x.zip").exists()
