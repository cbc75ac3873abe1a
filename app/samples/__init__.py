"""Fictional sample documents (ID cards, business licences, signed letters) drawn with Pillow:
for the OCR tests and benchmarks, the demo's kit of documents to attach, and
`scripts/make_samples.py`. Qt-free."""

from app.samples.documents import KINDS, Sample, Variation, make_sample, write_samples
from app.samples.fonts import find_cjk_font
from app.samples.kit import KIT_FILES, Kit, write_application_kit

__all__ = ["KINDS", "KIT_FILES", "Kit", "Sample", "Variation", "find_cjk_font", "make_sample",
           "write_application_kit", "write_samples"]
