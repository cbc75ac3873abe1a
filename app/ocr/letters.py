"""The commitment letter and the application letter: the date of the signature block."""

from __future__ import annotations

from app.ocr.extract import Extraction
from app.ocr.layout import Row, after_label
from app.ocr.normalize import find_dates

DATE_LABELS = ("日期", "签署日期")


def signature_date(rows: list[Row], out: Extraction) -> None:
    """The signature block closes the letter, so its date is the last one on the page; a row
    labelled 日期 wins over any other."""
    labelled: tuple[str, float] | None = None
    last: tuple[str, float] | None = None
    for row in rows:
        dates = find_dates(row.text)
        if not dates:
            continue
        last = (dates[-1], row.confidence)
        rest = after_label(row.text, DATE_LABELS)
        if rest is not None and find_dates(rest):
            labelled = (find_dates(rest)[0], row.confidence)
    chosen = labelled or last
    if chosen:
        out.put("date", *chosen)
