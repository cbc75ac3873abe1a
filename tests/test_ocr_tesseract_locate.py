"""Tesseract is found where the Windows and macOS installers put it, not only on PATH."""

from __future__ import annotations

import stat
from pathlib import Path

from app.ocr.tesseract_locate import candidate_paths, locate_tesseract


def _fake_program(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_windows_program_files_without_path(tmp_path: Path) -> None:
    program = _fake_program(tmp_path / "pf" / "Tesseract-OCR" / "tesseract.exe")
    env = {"PATH": str(tmp_path / "empty"), "ProgramFiles": str(tmp_path / "pf")}
    assert locate_tesseract("win32", env) == str(program)


def test_windows_per_user_install(tmp_path: Path) -> None:
    program = _fake_program(tmp_path / "local" / "Programs" / "Tesseract-OCR" / "tesseract.exe")
    env = {"PATH": "", "LOCALAPPDATA": str(tmp_path / "local")}
    assert locate_tesseract("win32", env) == str(program)


def test_tessdata_prefix_points_near_the_program(tmp_path: Path) -> None:
    program = _fake_program(tmp_path / "tess" / "bin" / "tesseract")
    env = {"PATH": "", "TESSDATA_PREFIX": str(tmp_path / "tess" / "share")}
    assert locate_tesseract("linux", env) == str(program)


def test_macos_homebrew_places_are_candidates() -> None:
    places = [str(p) for p in candidate_paths("darwin", {})]
    assert "/opt/homebrew/bin/tesseract" in places and "/usr/local/bin/tesseract" in places


def test_nothing_installed_gives_none(tmp_path: Path) -> None:
    assert locate_tesseract("win32", {"PATH": str(tmp_path)}) is None


def test_path_wins(tmp_path: Path) -> None:
    program = _fake_program(tmp_path / "bin" / "tesseract")
    assert locate_tesseract("linux", {"PATH": str(tmp_path / "bin")}) == str(program)
