"""Synthetic document images for OCR tests and benchmarks (see `cards.py`)."""

from tests.synth.cards import KINDS, Sample, Variation, find_cjk_font, make_sample, write_samples

__all__ = ["KINDS", "Sample", "Variation", "find_cjk_font", "make_sample", "write_samples"]
