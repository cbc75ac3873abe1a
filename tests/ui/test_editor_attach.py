"""Attaching images with the real store: several dropped files all land (in order), a
removal names the image on screen, and a remove or replace while an attach is still writing
leaves the store and the screen in agreement (checked by reopening the draft)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

import app.ui.editor.documents as documents
from app.store.db import open_store
from app.store.drafts import create_draft, get_draft
from tests.factories import write_image
from tests.ui.editing import open_editor, wait_idle

LIST_FIELD = "additional_attachments"
IMAGE_FIELD = "admin_holding_id_image"


def _images(folder: Path, *names: str) -> list[Path]:
    return [write_image(folder / name, color=(40 * i, 90, 200 - 30 * i))
            for i, name in enumerate(names)]


def _drop(zone, paths: list[Path]) -> None:
    """What the window system delivers when files are dropped on the zone."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    zone.dropEvent(event)


def _stored_names(store, draft_id: str, field_id: str) -> list[str]:
    return [r.original_name for r in get_draft(store, draft_id).images.get(field_id, [])]


def test_dropping_several_files_attaches_them_all_then_removes_the_one_clicked(
        qtbot, tmp_path) -> None:
    store = open_store()
    draft_id = create_draft(store, "general")
    editor = open_editor(qtbot, store, draft_id)
    zone = editor.rows[LIST_FIELD].zone
    _drop(zone, _images(tmp_path, "a.jpg", "b.jpg", "c.jpg"))
    _drop(zone, _images(tmp_path / "more", "d.jpg"))  # dropped while the first batch runs
    wait_idle(qtbot, editor, LIST_FIELD)
    assert _stored_names(store, draft_id, LIST_FIELD) == ["a.jpg", "b.jpg", "c.jpg", "d.jpg"]
    assert len(zone.paths) == 4
    assert "4" in zone.name.text()

    zone.removeRequested.emit(1)  # the "Remove" under b.jpg
    assert _stored_names(store, draft_id, LIST_FIELD) == ["a.jpg", "c.jpg", "d.jpg"]
    assert [str(p) for p in zone.paths] == editor.values[LIST_FIELD]
    assert len(zone.paths) == 3
    editor.shutdown()


def test_a_bad_file_in_a_drop_is_reported_and_the_others_attached(qtbot, tmp_path) -> None:
    store = open_store()
    draft_id = create_draft(store, "general")
    editor = open_editor(qtbot, store, draft_id)
    messages: list[str] = []
    editor.message.connect(messages.append)
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 not an image")
    first, last = _images(tmp_path, "first.jpg", "last.jpg")
    zone = editor.rows[LIST_FIELD].zone
    _drop(zone, [first, bad, last])
    wait_idle(qtbot, editor, LIST_FIELD)
    assert _stored_names(store, draft_id, LIST_FIELD) == ["first.jpg", "last.jpg"]
    assert len(zone.paths) == 2
    assert "scan.pdf" in zone.warnings.text() and messages
    editor.shutdown()


class _SlowWrite:
    """Holds the next image write until a timer releases it: the job is then inside the
    store's attach while the user acts (the real store writes once released)."""

    def __init__(self, monkeypatch, hold_s: float) -> None:
        self.entered, self.release = threading.Event(), threading.Event()
        self.hold_s, self.armed = hold_s, True
        real = documents.attach_image

        def attach(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 (passes through)
            if self.armed:
                self.armed = False
                self.entered.set()
                self.release.wait(10)
            return real(*args, **kwargs)

        monkeypatch.setattr(documents, "attach_image", attach)

    def wait_inside(self) -> None:
        assert self.entered.wait(10), "the attach never reached the store"
        threading.Timer(self.hold_s, self.release.set).start()


def test_remove_while_the_attach_is_writing_stays_removed_after_reopening(
        qtbot, tmp_path, monkeypatch) -> None:
    store = open_store()
    draft_id = create_draft(store, "general")
    editor = open_editor(qtbot, store, draft_id)
    old, new = _images(tmp_path, "old.jpg", "new.jpg")
    editor.attach_file(IMAGE_FIELD, str(old))
    wait_idle(qtbot, editor, IMAGE_FIELD)
    slow = _SlowWrite(monkeypatch, hold_s=0.3)
    editor.attach_file(IMAGE_FIELD, str(new))
    slow.wait_inside()
    editor.rows[IMAGE_FIELD].zone.removeRequested.emit(0)  # the "Remove" under old.jpg
    assert editor.rows[IMAGE_FIELD].zone.paths == []
    editor.shutdown()
    assert all(runner.wait() for runner in editor.runners.values())
    assert _stored_names(store, draft_id, IMAGE_FIELD) == []

    reopened = open_editor(qtbot, store, draft_id)
    assert reopened.rows[IMAGE_FIELD].zone.paths == []
    reopened.shutdown()


def test_replace_while_the_attach_is_writing_keeps_the_last_file(
        qtbot, tmp_path, monkeypatch) -> None:
    store = open_store()
    draft_id = create_draft(store, "general")
    editor = open_editor(qtbot, store, draft_id)
    first, second = _images(tmp_path, "first.jpg", "second.jpg")
    slow = _SlowWrite(monkeypatch, hold_s=1.0)
    editor.attach_file(IMAGE_FIELD, str(first))
    slow.wait_inside()
    editor.attach_file(IMAGE_FIELD, str(second))  # the user replaces it at once
    wait_idle(qtbot, editor, IMAGE_FIELD)
    zone = editor.rows[IMAGE_FIELD].zone
    assert zone.name.text() == "second.jpg"
    assert _stored_names(store, draft_id, IMAGE_FIELD) == ["second.jpg"]
    editor.shutdown()

    reopened = open_editor(qtbot, store, draft_id)
    assert reopened.rows[IMAGE_FIELD].zone.name.text() == "second.jpg"
    assert reopened.rows[IMAGE_FIELD].zone.paths == zone.paths
    reopened.shutdown()
