"""Expiry notices: a desktop notification (system tray) when a qualification *enters*
expiring-soon or expired.

"Enters" is remembered across runs in QSettings by group id and state (ids only, no names),
so a restart does not repeat yesterday's notice, and a qualification that is renewed and
later expires again is announced again. Where the platform has no tray (headless, some Linux
desktops) the notice is still emitted as a signal; the tracker shows it in the status bar.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from app.ui.tracker.rows import EXPIRY_STATES, TrackedRow

KEY = "notified_expiry"


class ExpiryNotifier(QObject):
    """`check(rows)` after each load or sync; emits `notice(title, message)` per new event."""

    notice = Signal(str, str)

    def __init__(self, parent: QObject | None = None, use_tray: bool = True) -> None:
        super().__init__(parent)
        self._tray: QSystemTrayIcon | None = None
        self._use_tray = use_tray

    def _seen(self) -> dict[str, str]:
        raw = QSettings().value(KEY)
        if not isinstance(raw, dict):
            return {}
        return {str(k): str(v) for k, v in raw.items()}

    def check(self, rows: Iterable[TrackedRow]) -> list[TrackedRow]:
        """Rows that entered an expiry state since the last check (and announce them)."""
        seen = self._seen()
        current: dict[str, str] = {}
        entered: list[TrackedRow] = []
        for row in rows:
            if row.badge not in EXPIRY_STATES:
                continue
            key = str(row.group_id)
            current[key] = row.badge
            if seen.get(key) != row.badge:
                entered.append(row)
        QSettings().setValue(KEY, current)  # a renewed one drops out, so it can re-enter later
        if entered:
            self._announce(entered)
        return entered

    def _announce(self, rows: list[TrackedRow]) -> None:
        expired = sum(1 for r in rows if r.badge == "expired")
        soon = len(rows) - expired
        title = self.tr("QualDesk: qualification expiry")
        parts = []
        if expired:
            parts.append(self.tr("%n qualification(s) expired.", "", expired))
        if soon:
            parts.append(self.tr("%n qualification(s) expiring soon.", "", soon))
        parts.append(self.tr("Open the tracker to update them."))
        message = " ".join(parts)
        self.notice.emit(title, message)
        tray = self._tray_icon()
        if tray is not None:
            tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, 10000)

    def _tray_icon(self) -> QSystemTrayIcon | None:
        if not self._use_tray or not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        if self._tray is None:
            app = QApplication.instance()
            icon = QIcon()
            if isinstance(app, QApplication):
                icon = app.windowIcon()
                if icon.isNull():
                    icon = app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.show()
        return self._tray
