"""OCR of the documents a qualification needs: engines, field extractors, mismatch checks.

Entry points: `read_document` (one image → fields), `get_engine`, and in `app.ocr.mismatch`
`mismatch_findings` / `ocr_check` for the rule engine.
"""

from app.ocr.engines import ENGINES, EngineUnavailable, Line, get_engine
from app.ocr.extract import KINDS, detect_kind, extract
from app.ocr.reader import AUTO, OcrResult, read_document

__all__ = ["AUTO", "ENGINES", "KINDS", "EngineUnavailable", "Line", "OcrResult", "detect_kind",
           "extract", "get_engine", "read_document"]
