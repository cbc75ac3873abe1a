"""Exact-field accuracy of `read_document` on the project's generated documents.

Each engine loads once for the module. The sets are small for a 2-core machine; the bars
were set a little below what was measured (RapidOCR 100 %, Tesseract 68–75 %).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ocr import EngineUnavailable, get_engine, read_document
from tests.synth import KINDS, find_cjk_font, write_samples

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(find_cjk_font() is None, reason="no CJK font (install fonts-noto-cjk)")]

BARS = {"rapidocr": (4, 0.95), "tesseract": (2, 0.60)}  # images per kind, exact-field accuracy


def _engine_or_skip(name: str) -> None:
    try:
        get_engine(name)
    except EngineUnavailable as exc:
        pytest.skip(exc.message("en"))


@pytest.mark.parametrize("engine", sorted(BARS))
def test_generated_documents_are_read_at_the_bar(engine: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    _engine_or_skip(engine)
    per_kind, bar = BARS[engine]
    folder: Path = tmp_path_factory.mktemp(f"synth-{engine}")
    samples = write_samples(folder, KINDS, per_kind, start_seed=200)
    right = total = kinds_right = 0
    misses = []
    for path, sample in samples:
        result = read_document(path, engine=engine)  # kind detected automatically
        kinds_right += result.kind == sample.kind
        for name, truth in sample.truth.items():
            total += 1
            if result.fields.get(name) == truth:
                right += 1
            else:
                misses.append((path.name, name))
        assert set(result.confidence) == set(result.fields)
        assert all(0.0 <= c <= 1.0 for c in result.confidence.values())
    accuracy = right / total
    print(f"{engine}: {right}/{total} fields exact ({accuracy:.1%}), kinds {kinds_right}/{len(samples)}")
    assert accuracy >= bar, f"{engine} read {accuracy:.1%} of fields exactly; misses: {misses}"
    assert kinds_right / len(samples) >= bar


def test_engine_is_loaded_once_and_reused() -> None:
    assert get_engine("rapidocr") is get_engine("rapidocr")
