"""Remove location and camera metadata from an image without re-encoding it.

Phone photos of ID cards carry EXIF GPS coordinates, the device and often a thumbnail; none
of that belongs in a qualification upload. Intake copies upright, small-enough files
unchanged (no needless recompression), so the metadata is cut out at the container level:
JPEG APP1 (EXIF, XMP), APP13 (IPTC) and COM segments; PNG eXIf and text chunks. The pixels,
the JFIF header, the colour profile (APP2) and Adobe's colour-transform marker (APP14) stay.
"""

from __future__ import annotations

import struct

JPEG_DROP = {0xE1, 0xED, 0xFE}  # APP1, APP13, COM
PNG_DROP = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def strip_metadata(data: bytes, fmt: str) -> bytes:
    """`data` without its metadata; unchanged when the format has none we strip or the
    container looks malformed (intake has already decoded the file, so that is rare)."""
    try:
        if fmt == "JPEG":
            return _strip_jpeg(data)
        if fmt == "PNG":
            return _strip_png(data)
    except (IndexError, struct.error, ValueError):
        return data
    return data


def _strip_jpeg(data: bytes) -> bytes:
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    out, pos = [data[:2]], 2
    while pos < len(data):
        if data[pos] != 0xFF:
            raise ValueError("lost marker sync")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xDA or 0xD0 <= marker <= 0xD9:  # start of scan: the rest is image data
            out.append(data[pos:])
            break
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        segment = data[pos:pos + 2 + length]
        if marker not in JPEG_DROP:
            out.append(segment)
        pos += 2 + length
    return b"".join(out)


def _strip_png(data: bytes) -> bytes:
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG")
    out, pos = [PNG_SIGNATURE], len(PNG_SIGNATURE)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        chunk = data[pos:pos + 12 + length]
        if kind not in PNG_DROP:
            out.append(chunk)
        pos += 12 + length
        if kind == b"IEND":
            break
    return b"".join(out)
