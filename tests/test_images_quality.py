"""Quality signals on generated document photos: blur, low resolution, the red stamp."""

from __future__ import annotations

import pytest
from PIL import Image

from app.images.quality import measure, quality_signals
from tests.synth import Variation, find_cjk_font, make_sample

pytestmark = pytest.mark.skipif(find_cjk_font() is None, reason="no CJK font (install fonts-noto-cjk)")


def codes(img: Image.Image, stamp: str = "never") -> set[str]:
    return {s.code for s in quality_signals(img, stamp)}


@pytest.mark.parametrize("kind", ["id_portrait", "business_license", "commitment_letter"])
def test_sharp_stamped_document_raises_no_signal(kind: str) -> None:
    img = make_sample(kind, 1, Variation(stamp=True, jpeg_quality=90)).image
    assert codes(img, "always") == set()


@pytest.mark.parametrize("kind", ["id_portrait", "business_license"])
def test_blurred_document_is_flagged(kind: str) -> None:
    sharp = make_sample(kind, 2, Variation(blur=0.3)).image
    blurred = make_sample(kind, 2, Variation(blur=2.5)).image
    assert "image_blurry" not in codes(sharp)
    assert "image_blurry" in codes(blurred)
    assert measure(blurred).sharpness < measure(sharp).sharpness


def test_low_resolution_is_flagged() -> None:
    small = make_sample("id_portrait", 3, Variation(scale=0.4)).image
    assert "image_low_resolution" in codes(small)
    assert "image_low_resolution" not in codes(make_sample("id_portrait", 3, Variation()).image)


@pytest.mark.parametrize("kind", ["id_portrait", "id_emblem", "business_license", "application_letter"])
def test_red_stamp_is_found_only_when_present(kind: str) -> None:
    assert measure(make_sample(kind, 4, Variation(stamp=True)).image).has_red_stamp
    # The licence's red-brown frame spans the page: not a stamp.
    assert not measure(make_sample(kind, 4, Variation(stamp=False)).image).has_red_stamp


def test_stamp_policy() -> None:
    colour = make_sample("business_license", 5, Variation()).image
    copy = colour.convert("L").convert("RGB")  # a black-and-white photocopy
    assert "stamp_missing" in codes(colour, "always")
    assert "stamp_missing" not in codes(colour, "copy"), "a colour original needs no stamp"
    assert "stamp_missing" in codes(copy, "copy")
    assert "stamp_missing" not in codes(copy, "never")
    signal = next(s for s in quality_signals(copy, "copy") if s.code == "stamp_missing")
    assert signal.message.zh and signal.message.en
