"""Kept for the tests that import `tests.synth.cards`; the generator is `app.samples`."""

from app.samples import KINDS, Sample, Variation, find_cjk_font, make_sample, write_samples

__all__ = ["KINDS", "Sample", "Variation", "find_cjk_font", "make_sample", "write_samples"]
