"""Build the one-folder QualDesk bundle with PyInstaller: `python packaging/build.py [--dist DIR]`.

The same command runs on Windows, macOS and Linux (the release workflow calls it); the spec
next to this file holds what goes into the bundle. `--check` then starts the built executable
from outside the source tree: `--version` and the GUI smoke test (offscreen).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "qualdesk.spec"


def executable(dist: Path) -> Path:
    """The console executable inside a built bundle."""
    name = "qualdesk.exe" if sys.platform == "win32" else "qualdesk"
    return dist / "qualdesk" / name


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, clean: bool = False) -> Path:
    """Run PyInstaller on the spec; return the console executable's path."""
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         *(["--clean"] if clean else []),
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        cwd=ROOT, check=True)
    exe = executable(dist)
    if not exe.exists():
        raise SystemExit(f"build finished but {exe} is missing")
    return exe


def smoke_env() -> dict[str, str]:
    """Environment for a headless start: offscreen Qt, a throw-away data folder."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["QUALDESK_HOME"] = tempfile.mkdtemp(prefix="qualdesk-smoke-")
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    return env


def check(exe: Path) -> None:
    """Start the bundle from a temporary folder (not the source tree) and fail loudly."""
    with tempfile.TemporaryDirectory() as cwd:
        for args in (["--version"], ["--smoke-test"]):
            started = time.perf_counter()
            done = subprocess.run([str(exe), *args], cwd=cwd, env=smoke_env(),
                                  capture_output=True, text=True, timeout=180)
            seconds = time.perf_counter() - started
            if done.returncode != 0:
                raise SystemExit(f"{exe.name} {' '.join(args)} exited {done.returncode}:\n"
                                 f"{done.stdout}{done.stderr}")
            print(f"ok  {exe.name} {' '.join(args)}  ({seconds:.1f} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="output folder (default: dist/); the bundle is DIST/qualdesk/")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    parser.add_argument("--clean", action="store_true",
                        help="empty PyInstaller's cache and work folder first")
    parser.add_argument("--check", action="store_true",
                        help="after building, run --version and --smoke-test from a temp folder")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    started = time.perf_counter()
    exe = build(dist, work, clean=args.clean)
    size = folder_size(dist / "qualdesk")
    print(f"built {exe} in {time.perf_counter() - started:.0f} s, "
          f"bundle {size / 2**20:.0f} MiB")
    if args.check:
        check(exe)
    return 0


if __name__ == "__main__":
    sys.exit(main())
