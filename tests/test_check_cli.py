"""`qualdesk check` through a real subprocess: JSON contract, exit codes, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import write_draft

ROOT = Path(__file__).resolve().parent.parent


def qualdesk(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=60,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("form", ["general", "number400"])
def test_correct_draft_passes_cleanly(tmp_path: Path, form: str) -> None:
    out = qualdesk("check", str(write_draft(tmp_path, form)), "--today", "2026-11-23", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"findings": []}


def test_errors_exit_1_with_the_findings_contract(tmp_path: Path) -> None:
    path = write_draft(tmp_path, enterprise_name="A&B", admin_id_valid_to="2026-11-25")
    out = qualdesk("check", str(path), "--today", "2026-11-23", "--json", "--lang", "en")
    assert out.returncode == 1
    findings = json.loads(out.stdout)["findings"]
    assert all(set(f) == {"field", "severity", "code", "message"} for f in findings)
    by_code = {f["code"]: f for f in findings}
    assert by_code["enterprise_name_symbols"]["field"] == "enterprise_name"
    assert by_code["enterprise_name_symbols"]["severity"] == "error"
    assert "&" in by_code["enterprise_name_symbols"]["message"]
    assert by_code["document_expiring_soon"]["severity"] == "warning"


def test_warnings_only_exit_0(tmp_path: Path) -> None:
    path = write_draft(tmp_path, admin_id_valid_to="2026-11-25")
    out = qualdesk("check", str(path), "--today", "2026-11-23", "--json")
    assert out.returncode == 0
    assert [f["code"] for f in json.loads(out.stdout)["findings"]] == ["document_expiring_soon"]


def test_today_option_moves_the_clock(tmp_path: Path) -> None:
    path = write_draft(tmp_path)
    out = qualdesk("check", str(path), "--today", "2036-03-02", "--json")
    assert out.returncode == 1
    codes = {(f["field"], f["code"]) for f in json.loads(out.stdout)["findings"]}
    assert ("legal_rep_id_valid_to", "document_expired") in codes
    assert ("commitment_letter_date", "letter_date_too_old") in codes


def test_messages_in_both_languages(tmp_path: Path) -> None:
    path = write_draft(tmp_path, admin_phone="12345")
    zh = json.loads(qualdesk("check", str(path), "--today", "2026-11-23", "--json", "--lang", "zh").stdout)
    en = json.loads(qualdesk("check", str(path), "--today", "2026-11-23", "--json", "--lang", "en").stdout)
    assert "手机号" in zh["findings"][0]["message"]
    assert "mobile number" in en["findings"][0]["message"]


def test_readable_text_output(tmp_path: Path) -> None:
    path = write_draft(tmp_path, admin_phone="12345")
    out = qualdesk("check", str(path), "--today", "2026-11-23", "--lang", "en")
    assert out.returncode == 1
    assert "Administrator's contact number [admin_phone] phone_invalid" in out.stdout
    assert "1 error(s), 0 warning(s)" in out.stdout


def test_relative_image_paths_resolve_against_the_draft_file(tmp_path: Path) -> None:
    """A draft with relative image paths checks the same from any working directory."""
    data = json.loads(write_draft(tmp_path).read_text(encoding="utf-8"))
    for key, value in data["values"].items():
        if isinstance(value, str) and value.startswith(str(tmp_path)):
            data["values"][key] = str(Path(value).relative_to(tmp_path))
    path = tmp_path / "relative.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = qualdesk("check", str(path), "--today", "2026-11-23", "--json", cwd=Path("/"))
    assert json.loads(out.stdout) == {"findings": []}


@pytest.mark.parametrize(("content", "expected"), [
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not valid JSON"),
    (b"[1, 2]", "JSON object"),
    (b'{"form": "number800", "values": {}}', "Unknown form"),
    (b'{"form": "general", "values": {"enterprise_nme": "x"}}', "enterprise_nme"),
    (b'{"form": "general", "values": []}', '"values" must be an object'),
])
def test_unreadable_draft_exits_2_with_a_clear_message(tmp_path: Path, content: bytes,
                                                        expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    out = qualdesk("check", str(path), "--json", "--lang", "en")
    assert out.returncode == 2
    assert expected in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""


def test_missing_file_exits_2(tmp_path: Path) -> None:
    out = qualdesk("check", str(tmp_path / "nope.json"), "--lang", "en")
    assert out.returncode == 2
    assert "not found" in out.stderr and "Traceback" not in out.stderr


def test_bad_today_is_a_usage_error(tmp_path: Path) -> None:
    out = qualdesk("check", str(write_draft(tmp_path)), "--today", "23/11/2026")
    assert out.returncode == 2
    assert "YYYY-MM-DD" in out.stderr
