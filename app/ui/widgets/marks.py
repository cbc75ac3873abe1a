"""Validation display in one place (like napari's preferences): a widget with a problem gets
a coloured border through a dynamic property and the message in its tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# Colours shared by borders, icons and the findings panel.
COLORS = {
    "error": "#c62828",
    "warning": "#b26a00",
    "mismatch": "#6a1b9a",
    "ok": "#2e7d32",
    "muted": "#6b6b6b",
    "incomplete": "#9e9e9e",
}

# Applied once to the editor: property selectors pick the border by state.
STYLE_SHEET = """
    QFrame#imageZone { border: 1px dashed #a0a0a0; border-radius: 4px; background: #fbfbfb; }
    QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] { background: #eeeeee; color: #555; }
    QToolButton#calendarButton::menu-indicator { image: none; width: 0; }
""" + "\n".join(
    f"""
    QLineEdit[mark="{state}"], QPlainTextEdit[mark="{state}"], QComboBox[mark="{state}"],
    QSpinBox[mark="{state}"], QFrame#imageZone[mark="{state}"] {{
        border: 2px solid {COLORS[state]}; border-radius: 3px;
    }}
    QCheckBox[mark="{state}"] {{ color: {COLORS[state]}; }}"""
    for state in ("error", "warning", "mismatch")
)


def mark(widget: QWidget, state: str | None, tooltip: str = "") -> None:
    """Show `state` ("error" | "warning" | "mismatch" | None) on `widget` with `tooltip`."""
    value = state or ""
    if widget.property("mark") != value:
        widget.setProperty("mark", value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.update()
    widget.setToolTip(tooltip)


def mark_of(widget: QWidget) -> str | None:
    return widget.property("mark") or None
