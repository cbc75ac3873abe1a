"""Driving the draft editor as a user would, shared by the GUI tests."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.editor.editor import DraftEditor
from tests.factories import TODAY

OCR_TIMEOUT_MS = 90000  # the first read loads the model; the machine may be busy


def open_editor(qtbot, store, draft_id: str, *, read_documents: bool = False,  # noqa: ANN001
                show: bool = False) -> DraftEditor:
    editor = DraftEditor(store, draft_id, today=TODAY, read_documents=read_documents)
    qtbot.addWidget(editor)
    if show:
        editor.resize(1200, 800)
        editor.show()
    return editor


def wait_idle(qtbot, editor: DraftEditor, field_id: str,  # noqa: ANN001 (qtbot)
              timeout_ms: int = OCR_TIMEOUT_MS) -> None:
    """Until the field's background attach (intake, store, OCR) has ended."""
    qtbot.waitUntil(lambda: not editor.runners[field_id].busy, timeout=timeout_ms)
    assert all(runner.wait() for runner in editor.runners.values())


def attach(qtbot, editor: DraftEditor, field_id: str, path: Path,  # noqa: ANN001 (qtbot)
           timeout_ms: int = OCR_TIMEOUT_MS) -> None:
    """What a drop or the file dialog does, then wait for the result."""
    zone = editor.rows[field_id].zone
    assert zone is not None
    zone.fileChosen.emit(str(path))
    wait_idle(qtbot, editor, field_id, timeout_ms)


def type_text(qtbot, widget: QWidget, text: str) -> None:  # noqa: ANN001 (qtbot)
    """Keys for ASCII, an input-method commit for Chinese (as a pinyin IME delivers it;
    QTest cannot synthesise keys outside Latin-1)."""
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)
