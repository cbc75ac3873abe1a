"""From engine lines to reading-order rows, and label matching that survives OCR slips.

Engines split a card's "姓名   王建国" into separate boxes (or not), so extractors work on
rows: lines whose vertical centres agree, left to right.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ocr.engines import Line
from app.ocr.normalize import compact


@dataclass
class Row:
    lines: list[Line]

    @property
    def text(self) -> str:
        """The row compacted: half-width, no spaces."""
        return compact("".join(line.text for line in self.lines))

    @property
    def confidence(self) -> float:
        return min(line.confidence for line in self.lines)

    @property
    def top(self) -> float:
        return min(line.box[1] for line in self.lines)


def group_rows(lines: list[Line]) -> list[Row]:
    rows: list[Row] = []
    for line in sorted(lines, key=lambda ln: ln.center_y):
        if rows:
            last = rows[-1]
            ref = last.lines[-1]
            if abs(line.center_y - ref.center_y) < 0.5 * min(line.height, ref.height):
                last.lines.append(line)
                continue
        rows.append(Row([line]))
    for row in rows:
        row.lines.sort(key=lambda ln: ln.box[0])
    return rows


def _close(a: str, b: str) -> bool:
    """Equal, or (for labels of 4+ characters) off by one character."""
    if len(a) != len(b):
        return False
    diffs = sum(x != y for x, y in zip(a, b, strict=True))
    return diffs == 0 or (len(b) >= 4 and diffs <= 1)


def after_label(text: str, labels: tuple[str, ...]) -> str | None:
    """The rest of `text` when it starts with one of `labels` (tolerating one wrong character
    in a long label and stray punctuation after it), else None."""
    for label in labels:
        for start in range(0, 2):  # allow one stray leading character ("“签发机关")
            head = text[start:start + len(label)]
            if _close(head, label):
                return text[start + len(label):].lstrip(":：;；,，.。、\"'“”·")
    return None


def find_after_label(rows: list[Row], labels: tuple[str, ...]) -> tuple[str, Row] | None:
    for row in rows:
        rest = after_label(row.text, labels)
        if rest is not None:
            return rest, row
    return None


def _value_left(row: Row, label_chars: int) -> float:
    """Where the value column starts: the second box, or inside a box holding label+value."""
    if len(row.lines) > 1:
        return row.lines[1].box[0]
    line = row.lines[0]
    chars = max(len(compact(line.text)), 1)
    return line.box[0] + (line.box[2] - line.box[0]) * min(label_chars, chars) / chars


def continuation(rows: list[Row], row: Row, label_chars: int,
                 stop_labels: tuple[str, ...]) -> tuple[str, float]:
    """Text of the lines below `row` that start in its value column (a two-line address), up
    to the next labelled row. Lines elsewhere (a stamp's letters) are ignored."""
    left = _value_left(row, label_chars)
    height = max(max(ln.height for ln in row.lines), 1.0)
    parts: list[str] = []
    conf = 1.0
    index = rows.index(row)
    for below in rows[index + 1:index + 4]:
        if after_label(below.text, stop_labels) is not None:
            break
        if below.top - row.top > 2.2 * height * (len(parts) + 1):
            break
        same_column = [ln for ln in below.lines if abs(ln.box[0] - left) < 1.2 * height]
        if not same_column:
            continue  # e.g. a stamp's stray letter between the two address lines
        parts.append(compact("".join(ln.text for ln in same_column)))
        conf = min(conf, *(ln.confidence for ln in same_column))
    return "".join(parts), conf
