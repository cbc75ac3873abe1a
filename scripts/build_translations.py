"""Update the Qt Linguist sources and compile them: `pyside6-lupdate` collects every
`self.tr("…")` in app/ui into resources/i18n/qualdesk_zh_CN.ts (keeping the translations
already there), `pyside6-lrelease` compiles it to the .qm the app loads.

Usage: python scripts/build_translations.py [--check]
  --check  fail (exit 1) when a string has no translation yet, without changing anything.
Translate new strings with Qt Linguist (`pyside6-linguist`) or by editing the .ts, then rerun.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "i18n"
LOCALES = ("zh_CN",)


def ui_sources() -> list[Path]:
    return sorted(p for p in (ROOT / "app" / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: it ships with PySide6 (pip install pyside6)")
    return found


def lupdate(ts: Path) -> None:
    files = [str(p.relative_to(ROOT)) for p in ui_sources()]
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *files,
                    "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def lrelease(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   stdout=subprocess.DEVNULL)
    return qm


def unfinished(ts: Path) -> list[str]:
    """Source texts whose translation is missing or marked unfinished."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        numerus = translation is not None and len(translation.findall("numerusform")) > 0
        empty = translation is None or (not numerus and not (translation.text or "").strip())
        if empty or (translation is not None and translation.get("type") == "unfinished"):
            missing.append(message.findtext("source") or "")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    status = 0
    for locale in LOCALES:
        ts = TS_DIR / f"qualdesk_{locale}.ts"
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:  # update a copy, leave the tree alone
                copy = Path(tmp) / ts.name
                if ts.exists():
                    shutil.copy(ts, copy)
                files = [str(p) for p in ui_sources()]
                subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", *files, "-ts",
                                str(copy)], check=True, stdout=subprocess.DEVNULL)
                missing = unfinished(copy)
        else:
            TS_DIR.mkdir(parents=True, exist_ok=True)
            lupdate(ts)
            missing = unfinished(ts)
            print(lrelease(ts).relative_to(ROOT))
        for text in missing:
            print(f"{locale}: untranslated: {text}", file=sys.stderr)
        if missing:
            status = 1 if args.check else status
            print(f"{locale}: {len(missing)} string(s) to translate", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
