"""Intake removes GPS and camera metadata from photos it otherwise copies untouched."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, PngImagePlugin

from app.images.intake import intake_image
from app.images.metadata import strip_metadata

GPS_IFD = 0x8825


def _photo_with_gps(path: Path) -> Path:
    img = Image.radial_gradient("L").convert("RGB").resize((640, 480))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 1  # upright
    exif[GPS_IFD] = {1: "N", 2: (30.0, 15.0, 0.0), 3: "E", 4: (120.0, 10.0, 0.0)}
    img.save(path, "JPEG", quality=92, exif=exif, icc_profile=b"")
    return path


def test_jpeg_gps_is_removed_and_pixels_are_untouched(tmp_path: Path) -> None:
    src = _photo_with_gps(tmp_path / "card.jpg")
    with Image.open(src) as before:
        assert before.getexif().get_ifd(GPS_IFD)  # the fixture really carries a location
    result = intake_image(src, tmp_path / "out")
    with Image.open(result.path) as after, Image.open(src) as before:
        assert not after.getexif().get_ifd(GPS_IFD)
        assert 0x010F not in after.getexif()
        assert ImageChops.difference(after.convert("RGB"), before.convert("RGB")).getbbox() is None
    assert any("metadata" in n.en for n in result.notes)
    # not re-encoded: the compressed scan data is byte for byte the original's
    scan = src.read_bytes().index(b"\xff\xda")
    assert result.path.read_bytes().endswith(src.read_bytes()[scan:])


def test_png_text_chunks_are_removed(tmp_path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "shot at home, 30.25N 120.17E")
    src = tmp_path / "scan.png"
    Image.new("RGB", (300, 200), "white").save(src, "PNG", pnginfo=info)
    cleaned = strip_metadata(src.read_bytes(), "PNG")
    assert b"120.17E" in src.read_bytes() and b"120.17E" not in cleaned
    out = tmp_path / "clean.png"
    out.write_bytes(cleaned)
    with Image.open(out) as img:
        img.load()
        assert img.size == (300, 200)


def test_a_clean_photo_gets_no_note(tmp_path: Path) -> None:
    src = tmp_path / "plain.jpg"
    Image.new("RGB", (640, 480), (200, 40, 40)).save(src, "JPEG")
    result = intake_image(src, tmp_path / "out")
    assert result.notes == [] and result.path.read_bytes() == src.read_bytes()


def test_malformed_container_is_left_alone() -> None:
    assert strip_metadata(b"\xff\xd8\x00garbage", "JPEG") == b"\xff\xd8\x00garbage"
