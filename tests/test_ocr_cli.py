"""`qualdesk ocr` and `qualdesk check --ocr` end to end, plus the mismatch logic on
precomputed results (what the GUI does)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.draft import parse_draft
from app.ocr.mismatch import mismatch_findings
from app.ocr.reader import OcrResult
from tests.factories import LEGAL_REP_ID, make_draft
from tests.synth import Variation, find_cjk_font, make_sample

ROOT = Path(__file__).resolve().parent.parent
needs_font = pytest.mark.skipif(find_cjk_font() is None, reason="no CJK font (install fonts-noto-cjk)")


def qualdesk(*args: str, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


@needs_font
@pytest.mark.slow
def test_ocr_json_lines_and_a_bad_image(tmp_path: Path) -> None:
    card = make_sample("id_portrait", 11, Variation(stamp=True))
    emblem = make_sample("id_emblem", 11, Variation())
    (tmp_path / "card.jpg").write_bytes(card.jpeg_bytes())
    (tmp_path / "emblem.jpg").write_bytes(emblem.jpeg_bytes())
    (tmp_path / "broken.jpg").write_bytes(b"%PDF-1.4\n")
    out = qualdesk("ocr", str(tmp_path / "card.jpg"), str(tmp_path / "broken.jpg"),
                   str(tmp_path / "emblem.jpg"), "--json", "--lang", "en")
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert [Path(r["image"]).name for r in rows] == ["card.jpg", "broken.jpg", "emblem.jpg"]
    first, bad, last = rows
    assert set(first) == {"image", "kind", "fields", "confidence", "seconds"}
    assert first["kind"] == "id_portrait" and last["kind"] == "id_emblem"
    # One image is no accuracy measure (test_ocr_accuracy is): the key fields must be exact.
    for key in ("name", "id_number", "birth_date"):
        assert first["fields"][key] == card.truth[key]
    assert last["fields"]["valid_to"] == emblem.truth["valid_to"]
    assert "PDF" in bad["error"]


def test_ocr_unknown_engine_and_missing_file_are_clear(tmp_path: Path) -> None:
    out = qualdesk("ocr", str(tmp_path / "nope.jpg"), "--engine", "nonsense")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    out = qualdesk("ocr", str(tmp_path / "nope.jpg"), "--lang", "en")
    assert out.returncode == 1 and "cannot be found" in out.stderr and "Traceback" not in out.stderr


def _draft_with_licence(folder: Path, **typed: str) -> tuple[Path, dict[str, str]]:
    licence = make_sample("business_license", 21, Variation(stamp=True))
    path = folder / "img" / "licence.jpg"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(licence.jpeg_bytes())
    t = licence.truth
    values = dict(enterprise_name=t["enterprise_name"], organization_code=t["credit_code"],
                  enterprise_type=t["enterprise_type"], enterprise_address=t["address"],
                  business_term_start=t["term_start"], business_term_end=t["term_end"],
                  legal_rep_name=t["legal_rep_name"], business_certificate_image=str(path))
    values.update(typed)
    draft = make_draft(folder, "general", **values)
    draft_path = folder / "draft.json"
    draft_path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    return draft_path, t


@needs_font
@pytest.mark.slow
def test_check_ocr_flags_an_enterprise_name_that_differs_from_the_licence(tmp_path: Path) -> None:
    draft_path, truth = _draft_with_licence(tmp_path, enterprise_name="杭州某某科技有限公司")
    out = qualdesk("check", str(draft_path), "--ocr", "--json", "--lang", "en", "--today", "2026-11-23")
    assert out.returncode == 1, out.stderr
    findings = json.loads(out.stdout)["findings"]
    ocr = [f for f in findings if f["code"] == "ocr_mismatch"]
    assert [f["field"] for f in ocr] == ["enterprise_name"], ocr
    assert ocr[0]["severity"] == "error" and truth["enterprise_name"] in ocr[0]["message"]
    # Without --ocr the same draft has no OCR findings: the flag is what adds them.
    plain = json.loads(qualdesk("check", str(draft_path), "--json", "--today", "2026-11-23").stdout)
    assert not [f for f in plain["findings"] if f["code"] == "ocr_mismatch"]


def _result(kind: str, **fields: str) -> OcrResult:
    return OcrResult("x.jpg", kind, kind, dict(fields), {k: 0.99 for k in fields})


def test_mismatch_findings_from_precomputed_results(tmp_path: Path) -> None:
    data = make_draft(tmp_path, "general", legal_rep_name="王建国", business_term_end="2099-12-31",
                      enterprise_type="有限责任公司（自然人投资或控股）")
    draft = parse_draft(data, tmp_path)
    results = {
        # Same values, written differently: no finding.
        "business_certificate_image": _result("business_license", legal_rep_name="王建国",
                                              term_end="长期", enterprise_type="有限责任公司(自然人投资或控股)"),
        "legal_rep_id_back_image": _result("id_portrait", name="王建华", id_number=LEGAL_REP_ID),
        "legal_rep_id_front_image": _result("id_portrait", name="王建国"),  # wrong side uploaded
        "commitment_letter_image": _result("commitment_letter", date="2026-10-30"),
    }
    findings = mismatch_findings(draft, results)
    got = sorted((f.field, f.code, f.severity) for f in findings)
    assert got == sorted([
        ("legal_rep_name", "ocr_mismatch", "error"),  # typed 王建国, ID card reads 王建华
        ("legal_rep_name", "ocr_mismatch", "error"),  # licence and ID card disagree
        ("legal_rep_id_front_image", "ocr_wrong_document", "warning"),
        ("commitment_letter_date", "ocr_mismatch", "error"),
    ])
    cross = [f for f in findings if "disagree" in f.message.en]
    assert len(cross) == 1 and "王建华" in cross[0].message.zh and "王建国" in cross[0].message.zh


def test_unsure_readings_do_not_accuse(tmp_path: Path) -> None:
    draft = parse_draft(make_draft(tmp_path, "general"), tmp_path)
    unsure = OcrResult("x.jpg", "id_portrait", "id_portrait", {"name": "李小江"}, {"name": 0.2})
    assert mismatch_findings(draft, {"admin_id_back_image": unsure}) == []


def test_number400_uses_its_own_mapping(tmp_path: Path) -> None:
    draft = parse_draft(make_draft(tmp_path, "number400"), tmp_path)
    result = _result("business_license", credit_code="91110108MA01ABCD1Y", term_start="2015-06-01")
    findings = mismatch_findings(draft, {"three_in_one_license_image": result})
    assert [(f.field, f.code) for f in findings] == [("unified_social_credit_code", "ocr_mismatch")]
