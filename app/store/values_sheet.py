"""The values sheet: every field of a draft in form order, labelled in Chinese and English,
as an HTML page the admin copies from into the console. Everything is escaped."""

from __future__ import annotations

from html import escape
from typing import Any

from app.core.spec import FieldSpec, FormSpec

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .4em .6em; text-align: left; vertical-align: top; }
th { width: 30%; font-weight: normal; background: #f6f6f6; }
th .en { color: #666; font-size: .9em; }
td.value { user-select: all; white-space: pre-wrap; }  /* one click selects the whole value */
td.empty { color: #999; }
"""


def display_value(f: FieldSpec, value: Any, image_names: list[str]) -> str:
    """The text shown for a value: choice labels, 是/否 for booleans, pack file names."""
    if f.is_image:
        return "\n".join(image_names)
    if value is None or value == "":
        return ""
    if f.type == "bool":
        return "是 / Yes" if value else "否 / No"
    if f.type == "choice":
        label = f.choice_label(str(value))
        return f"{label.zh} / {label.en}" if label else str(value)
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


def render_values_sheet(form: FormSpec, values: dict[str, Any],
                        image_names: dict[str, list[str]], title: str = "") -> str:
    """`values` without images; `image_names` maps image fields to their file names in the pack."""
    parts = [
        "<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(title or form.title.zh)}</title>", f"<style>{STYLE}</style>", "</head>",
        "<body>", f"<h1>{escape(form.title.zh)} / {escape(form.title.en)}</h1>",
    ]
    if title:
        parts.append(f"<p>{escape(title)}</p>")
    for section in form.sections:
        fields = form.section_fields(section.id)
        if not fields:
            continue
        parts.append(f"<h2>{escape(section.label.zh)} / {escape(section.label.en)}</h2>")
        parts.append("<table>")
        for f in fields:
            text = display_value(f, form.value(values, f.id), image_names.get(f.id, []))
            cls = "value" if text else "value empty"
            shown = escape(text) if text else "—"
            parts.append(
                f'<tr id="{escape(f.id)}"><th>{escape(f.label.zh)}<br>'
                f'<span class="en">{escape(f.label.en)}</span></th>'
                f'<td class="{cls}">{shown}</td></tr>')
        parts.append("</table>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
