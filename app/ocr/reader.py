"""`read_document`: one image in, named fields out — the function the GUI's worker and the
CLI call. Slow (seconds), so it takes the progress/cancel pair of `app.core.tasks`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from app.core.tasks import CancelCheck, Progress, check_cancelled, never_cancelled, no_progress
from app.core.text import Text, UserError
from app.images.load import load_image, upright_rgb
from app.ocr.engines import DEFAULT_ENGINE, Line, get_engine
from app.ocr.extract import KINDS, UNKNOWN, detect_kind, extract

AUTO = "auto"
# Engines gain nothing above this; bigger photos only cost time and memory.
MAX_OCR_SIDE = 2000

UNKNOWN_KIND = Text("未知的证件类型“{kind}”，可选：auto、{kinds}。",
                    "Unknown document kind '{kind}': choose auto, {kinds}.")


@dataclass
class OcrResult:
    image: str
    kind: str  # the kind the fields were extracted as (asked for, or detected)
    detected_kind: str  # what the text reads like, whatever was asked
    fields: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    engine: str = DEFAULT_ENGINE
    lines: list[Line] = field(default_factory=list, repr=False)

    def to_json(self, *, detail: bool = False) -> dict[str, Any]:
        """The `qualdesk ocr --json` line (DESIGN.md); `detail` adds what a stored reading
        needs to be judged again later (`detected_kind`, `engine`). Lines are not kept."""
        data: dict[str, Any] = {"image": self.image, "kind": self.kind, "fields": self.fields,
                                "confidence": self.confidence, "seconds": round(self.seconds, 3)}
        if detail:
            data.update(detected_kind=self.detected_kind, engine=self.engine)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OcrResult:
        """A result back from `to_json` (either shape; without `detected_kind` the document
        is taken to read like the kind it was extracted as)."""
        kind = str(data["kind"])
        return cls(image=str(data.get("image", "")), kind=kind,
                   detected_kind=str(data.get("detected_kind", kind)),
                   fields={str(k): str(v) for k, v in dict(data.get("fields", {})).items()},
                   confidence={str(k): float(v) for k, v in dict(data.get("confidence", {})).items()},
                   seconds=float(data.get("seconds", 0.0)),
                   engine=str(data.get("engine", DEFAULT_ENGINE)))


def ocr_image(image: Image.Image) -> Image.Image:
    """Downscale very large photos: the detector resizes anyway."""
    if max(image.size) > MAX_OCR_SIDE:
        image = image.copy()
        image.thumbnail((MAX_OCR_SIDE, MAX_OCR_SIDE), Image.LANCZOS)
    return image


def read_document(path: str | Path, kind: str = AUTO, engine: str = DEFAULT_ENGINE, *,
                  progress: Progress = no_progress,
                  cancelled: CancelCheck = never_cancelled) -> OcrResult:
    """OCR one image and extract the fields of `kind` ('auto' detects it from the text).
    Raises `ImageRefused` for an unusable file, `EngineUnavailable` when the engine cannot
    run, `Cancelled` when `cancelled()` turns true between steps."""
    if kind != AUTO and kind not in KINDS:
        raise UserError(UNKNOWN_KIND.format(kind=kind, kinds=", ".join(KINDS)))
    started = time.perf_counter()
    progress(0.0, "load")
    image = ocr_image(upright_rgb(load_image(path)))
    check_cancelled(cancelled)
    progress(0.1, "engine")
    ocr = get_engine(engine)
    check_cancelled(cancelled)
    progress(0.2, "ocr")
    lines = ocr.read(image)
    check_cancelled(cancelled)
    progress(0.9, "extract")
    detected = detect_kind(lines)
    use = detected if kind == AUTO else kind
    extraction = extract(use, lines) if use != UNKNOWN else None
    progress(1.0, "done")
    return OcrResult(
        image=str(path), kind=use, detected_kind=detected,
        fields=extraction.fields if extraction else {},
        confidence=extraction.confidence if extraction else {},
        seconds=time.perf_counter() - started, engine=ocr.name, lines=lines)
