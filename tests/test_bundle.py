"""The PyInstaller bundle, built once per session with packaging/build.py, works on its own.

Every command runs the frozen executable from a folder outside the source tree, with no
PYTHONPATH: the GUI smoke test (offscreen), a rule check of a draft (forms/ bundled), the
dysmsapi SDK against the bundled simulator, and OCR of a synthetic ID card (RapidOCR models
and onnxruntime bundled). The build takes ~30-70 s here; skipped when PyInstaller is missing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from pathlib import Path

import pytest

import app
from tests.factories import write_draft

pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e .[package])")

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("qualdesk_build", ROOT / "packaging" / "build.py")
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)  # packaging/build.py, not PyPA's `build` package

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def exe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    return build.build(out / "dist", out / "work")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A working folder far from the source tree."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def run(exe: Path, *args: str, cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 180) -> subprocess.CompletedProcess[str]:
    environment = build.smoke_env()
    environment.update(env or {})
    return subprocess.run([str(exe), *args], cwd=cwd, env=environment, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)


def test_bundle_carries_forms_resources_models_and_licences(exe: Path) -> None:
    internal = exe.parent / "_internal"
    assert (internal / "forms" / "general.toml").is_file()
    assert (internal / "forms" / "number400.toml").is_file()
    assert (internal / "resources" / "icons" / "qualdesk.svg").is_file()
    assert (internal / "resources" / "licenses" / "THIRD_PARTY_NOTICES.txt").is_file()
    assert (internal / "rapidocr" / "default_models.yaml").is_file()
    assert list((internal / "rapidocr" / "models").glob("*.onnx"))
    assert not list(internal.rglob("*Qt6Quick*")) and not list(internal.rglob("*WebEngine*"))


def test_smoke_test_and_version_from_outside_the_source_tree(exe: Path, outside: Path) -> None:
    done = run(exe, "--smoke-test", cwd=outside)
    assert done.returncode == 0, done.stderr
    version = run(exe, "--version", cwd=outside)
    assert version.returncode == 0 and version.stdout.split() == ["qualdesk", app.__version__]


def test_check_reads_a_draft_with_the_bundled_forms(exe: Path, outside: Path) -> None:
    good = run(exe, "check", str(write_draft(outside / "good")), "--today", "2026-11-23",
               "--json", cwd=outside)
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["findings"] == []
    bad = run(exe, "check", str(write_draft(outside / "bad", enterprise_name="")),
              "--today", "2026-11-23", "--json", "--lang", "en", cwd=outside)
    assert bad.returncode == 1
    assert any(f["field"] == "enterprise_name" and f["severity"] == "error"
               for f in json.loads(bad.stdout)["findings"])


def test_frozen_sdk_lists_qualifications_from_the_frozen_simulator(exe: Path, outside: Path) -> None:
    from app.cloud.simulator import DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET

    env = build.smoke_env()
    sim = subprocess.Popen([str(exe), "simulator", "--port", "0", "--records", "7", "--lang", "en"],
                           cwd=outside, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    try:
        banner = sim.stdout.readline() if sim.stdout else ""
        assert " at http://" in banner, sim.stderr.read() if sim.stderr else banner
        endpoint = banner.split(" at ")[1].split()[0]
        listed = run(exe, "status", "list", "--endpoint", endpoint, "--json", cwd=outside,
                     env={"ALIBABA_CLOUD_ACCESS_KEY_ID": DEMO_ACCESS_KEY_ID,
                          "ALIBABA_CLOUD_ACCESS_KEY_SECRET": DEMO_ACCESS_KEY_SECRET})
    finally:
        sim.terminate()
        sim.wait(timeout=30)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 7 and all(row["group_id"] and row["state"] for row in rows)


def test_ocr_reads_a_synthetic_id_card_from_outside_the_source_tree(exe: Path, outside: Path) -> None:
    from tests.synth import Variation, find_cjk_font, make_sample

    if find_cjk_font() is None:
        pytest.skip("no CJK font to draw the card (fonts-noto-cjk)")
    sample = make_sample("id_portrait", 3, Variation())
    card = outside / "card.jpg"
    card.write_bytes(sample.jpeg_bytes())
    done = run(exe, "ocr", card.name, "--kind", "id_portrait", "--json", cwd=outside,
               env={"OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "2")})
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[0])
    assert result["kind"] == "id_portrait"
    assert result["fields"]["id_number"] == sample.truth["id_number"]
    assert result["fields"]["name"] == sample.truth["name"]
