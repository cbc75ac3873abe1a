"""Synthetic document images for OCR tests and benchmarks: the generator now lives in the app
(`app.samples`, which the demo uses too); this re-export keeps the tests' imports working."""

from app.samples import KINDS, Sample, Variation, find_cjk_font, make_sample, write_samples

__all__ = ["KINDS", "Sample", "Variation", "find_cjk_font", "make_sample", "write_samples"]
