"""Packaging files stay consistent with each other and with the app: spec, installer scripts,
Info.plist, release workflow, icons, licence notices and the frozen resource lookup.

These are fast static checks; tests/test_bundle.py builds and starts the real bundle.
"""

from __future__ import annotations

import ast
import configparser
import os
import plistlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from PIL import Image

import app

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
SPEC = PACKAGING / "qualdesk.spec"
ISS = PACKAGING / "windows" / "qualdesk.iss"


def _spec_constant(name: str) -> object:
    """A literal top-level constant of the spec, read without running PyInstaller."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not found in the spec")


def _spec_regex(name: str) -> re.Pattern[str]:
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            call = node.value
            assert isinstance(call, ast.Call)
            flags = re.I if any("re.I" in ast.unparse(a) for a in call.args[1:]) else 0
            return re.compile(ast.literal_eval(call.args[0]), flags)
    raise AssertionError(f"{name} not found in the spec")


def _qt_modules_used_by_app() -> set[str]:
    used = set()
    for path in (ROOT / "app").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return used


def test_spec_parses_and_names_files_that_exist() -> None:
    text = SPEC.read_text(encoding="utf-8")
    ast.parse(text)
    for rel in ("qualdesk_main.py", "windows/version_info.template", "macos/Info.plist"):
        assert rel.split("/")[-1] in text, rel
        assert (PACKAGING / rel).is_file(), rel
    for icon in ("qualdesk.ico", "qualdesk.icns"):
        assert icon in text and (ICONS / icon).is_file()
    assert 'collect_data_files("rapidocr")' in text  # else default_models.yaml is missing
    assert 'collect_submodules("app")' in text  # sub-commands are imported by name


def test_spec_does_not_exclude_qt_modules_the_app_imports() -> None:
    excluded = set(_spec_constant("QT_UNUSED"))  # type: ignore[arg-type]
    used = _qt_modules_used_by_app()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert not used & excluded, f"the spec excludes Qt modules the app uses: {used & excluded}"
    dropped_files = _spec_regex("UNUSED_QT_FILES")
    for module in used:
        for name in (f"libQt6{module[2:]}.so.6", f"Qt6{module[2:]}.dll", f"{module}.framework/x"):
            assert not dropped_files.search(f"PySide6/Qt/lib/{name}"), name
    assert dropped_files.search("PySide6/Qt/lib/libQt6Quick.so.6")
    assert dropped_files.search("PySide6/Qt/plugins/imageformats/qpdf.dll")


def test_frozen_entry_runs_the_cli_and_loads_onnxruntime_first_on_windows() -> None:
    tree = ast.parse((PACKAGING / "qualdesk_main.py").read_text(encoding="utf-8"))
    body = [ast.unparse(n) for n in tree.body]
    ort = next(i for i, line in enumerate(body) if "import onnxruntime" in line)
    cli = next(i for i, line in enumerate(body) if "from app.cli import main" in line)
    assert ort < cli and "win32" in body[ort]


def test_windows_version_info_renders_to_a_python_expression() -> None:
    template = (PACKAGING / "windows" / "version_info.template").read_text(encoding="utf-8")
    rendered = template.format(version="1.2.3", version_tuple=(1, 2, 3, 0),
                               version_dotted="1.2.3.0")
    tree = ast.parse(rendered, mode="eval")  # PyInstaller evaluates the file as one expression
    assert isinstance(tree.body, ast.Call) and ast.unparse(tree.body.func) == "VSVersionInfo"
    assert "filevers=(1, 2, 3, 0)" in rendered and "'ProductVersion', '1.2.3'" in rendered


def _iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections[current] = []
        else:
            sections.setdefault(current, []).append(line)
    return sections


def test_inno_setup_script_is_a_per_user_installer_with_shortcut_and_version() -> None:
    sections = _iss_sections()
    assert {"Setup", "Files", "Icons", "Languages"} <= set(sections)
    setup = configparser.ConfigParser(interpolation=None)
    setup.optionxform = str  # type: ignore[assignment,method-assign]
    setup.read_string("[Setup]\n" + "\n".join(sections["Setup"]))
    s = setup["Setup"]
    assert s["PrivilegesRequired"] == "lowest"
    assert s["DefaultDirName"].startswith("{autopf}")
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", s["AppId"])
    assert s["VersionInfoVersion"] == "{#AppVersion}"
    assert s["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    icon = (ISS.parent / s["SetupIconFile"].replace("\\", "/")).resolve()
    assert icon == (ICONS / "qualdesk.ico").resolve() and icon.is_file()
    assert any("{autoprograms}" in line for line in sections["Icons"])
    assert "Uninstallable" not in s or s["Uninstallable"] == "yes"
    # The shortcut starts the windowed executable the spec builds next to the console one.
    gui_exe = re.search(r'#define GuiExe "([^"]+)"', ISS.read_text(encoding="utf-8")).group(1)
    assert gui_exe == "qualdesk-gui.exe" and '"qualdesk-gui"' in SPEC.read_text(encoding="utf-8")
    default_version = re.search(r'#define AppVersion "([^"]+)"', ISS.read_text(encoding="utf-8"))
    assert default_version.group(1) == app.__version__


def test_info_plist_has_bundle_id_version_keys_and_high_dpi() -> None:
    info = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert info["CFBundleIdentifier"] == "cn.qualdesk.app"
    assert info["NSHighResolutionCapable"] is True
    assert info["CFBundlePackageType"] == "APPL"
    assert {"CFBundleShortVersionString", "CFBundleVersion"} <= set(info)


def test_dmg_script_is_valid_bash_using_hdiutil() -> None:
    script = PACKAGING / "macos" / "make_dmg.sh"
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0
    text = script.read_text(encoding="utf-8")
    assert "hdiutil create" in text and "QualDesk.app" in text


def test_release_workflow_builds_both_platforms_and_uploads() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert triggers["push"]["tags"] == ["v*"] and "workflow_dispatch" in triggers
    build = workflow["jobs"]["build"]
    assert set(build["strategy"]["matrix"]["os"]) == {"windows-latest", "macos-latest"}
    steps = build["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    uses = [step.get("uses", "") for step in steps]
    assert "python packaging/build.py" in runs and ".[package]" in runs
    assert "qualdesk.iss" in runs and "make_dmg.sh" in runs
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["python-version"] == "3.11"
    assert "actions/upload-artifact@v4" in uses
    release_uses = [s.get("uses", "") for s in workflow["jobs"]["release"]["steps"]]
    assert any(u.startswith("softprops/action-gh-release@") for u in release_uses)


def test_icon_pngs_have_their_stated_sizes_and_a_transparent_margin() -> None:
    pngs = sorted(ICONS.glob("qualdesk-*.png"))
    assert len(pngs) >= 6
    for path in pngs:
        size = int(path.stem.split("-")[1])
        with Image.open(path) as img:
            assert img.format == "PNG" and img.size == (size, size) and img.mode == "RGBA"
            if size >= 64:
                assert img.getpixel((0, 0))[3] == 0  # rounded tile, transparent corner
                assert img.getpixel((size // 2, size // 2))[3] == 255


def test_ico_and_icns_hold_the_sizes_windows_and_macos_need() -> None:
    with Image.open(ICONS / "qualdesk.ico") as ico:
        assert ico.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "qualdesk.icns") as icns:
        assert icns.format == "ICNS"
        assert {(16, 16), (32, 32), (128, 128), (256, 256), (512, 512)} <= {s[:2] for s in icns.info["sizes"]}
    ET.parse(ICONS / "qualdesk.svg")  # the source is well-formed XML


def test_icon_generator_renders_the_svg_into_every_format(tmp_path: Path) -> None:
    """In a subprocess: the generator creates a QGuiApplication, and one left in the test
    process would make every later QWidget abort ("Must construct a QApplication")."""
    script = (
        "import sys; from pathlib import Path\n"
        f"sys.path.insert(0, {str(PACKAGING)!r})\n"
        "import make_icons\n"
        "master = make_icons.render_svg(make_icons.SOURCE, 256)\n"
        "assert master.size == (256, 256) and master.getpixel((128, 128))[3] == 255\n"
        f"written = make_icons.write_icons(master, Path({str(tmp_path)!r}))\n"
        "print(' '.join(sorted(p.name for p in written)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert set(out.stdout.split()) >= {"qualdesk.ico", "qualdesk.icns", "qualdesk-16.png"}
    with Image.open(tmp_path / "qualdesk.icns") as icns:
        assert icns.format == "ICNS"


def test_rapidocr_model_licence_and_attribution_ship_with_the_app() -> None:
    rapidocr = pytest.importorskip("rapidocr")
    licenses = ROOT / "resources" / "licenses"
    notices = (licenses / "THIRD_PARTY_NOTICES.txt").read_text(encoding="utf-8")
    assert "Apache License" in (licenses / "RapidOCR-LICENSE.txt").read_text(encoding="utf-8")
    models = sorted(p.name for p in (Path(rapidocr.__file__).parent / "models").glob("*.onnx"))
    assert models, "rapidocr ships no models?"
    for model in models:  # a rapidocr upgrade that changes models must update the notice
        assert model in notices, model
    assert "PaddleOCR" in notices and "Baidu" in notices


def test_resource_path_finds_forms_in_a_frozen_layout(tmp_path: Path) -> None:
    """Like a PyInstaller bundle: sys._MEIPASS holds forms/ and resources/, cwd elsewhere."""
    bundle = tmp_path / "_internal"
    shutil.copytree(ROOT / "forms", bundle / "forms")
    (bundle / "resources" / "icons").mkdir(parents=True)
    shutil.copy(ICONS / "qualdesk-32.png", bundle / "resources" / "icons" / "qualdesk-32.png")
    code = (
        "import sys\n"
        f"sys._MEIPASS = {str(bundle)!r}\n"
        "from app.resources import forms_dir, resource_path\n"
        "from app.core.spec import load_form\n"
        "print(forms_dir())\n"
        "print(resource_path('resources', 'icons', 'qualdesk-32.png'))\n"
        "print(len(load_form('general').fields), len(load_form('number400').fields))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, timeout=60, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert out.returncode == 0, out.stderr
    forms, icon, counts = out.stdout.splitlines()
    assert Path(forms) == bundle / "forms"
    assert Path(icon) == bundle / "resources" / "icons" / "qualdesk-32.png"
    assert all(int(n) > 5 for n in counts.split())
