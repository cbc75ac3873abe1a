"""`qualdesk --demo`: everything a newcomer needs to see QualDesk work, without an account.

A throw-away data folder (deleted on exit) with its own settings file, the local dysmsapi
simulator started in-process on a free port, tracked qualifications synced from it so every
state appears — an expiring and an expired one included, one with a state history of two
steps — and two drafts. The user's real data and settings are never touched. A kit of
generated sample documents of one fictional enterprise (`app.samples`) is written to
`sample-documents/` so a newcomer has consistent files to attach.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from app.cloud.simulator import DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, Simulator
from app.samples import Kit, find_cjk_font, write_application_kit
from app.store.db import open_store
from app.store.drafts import create_draft
from app.ui.context import AppContext

DEMO_RECORDS = 40
DEMO_SEED = 20250501
SAMPLE_DOCUMENTS = "sample-documents"  # the kit's folder inside the demo's data folder
log = logging.getLogger(__name__)

GENERAL_DRAFT = {
    "certificate_type": "business_license",
    "enterprise_name": "杭州云帆网络科技有限公司",
    "enterprise_type": "有限责任公司（自然人投资或控股）",
    "enterprise_address": "浙江省杭州市西湖区文三路 100 号",
    "enterprise_province": "浙江省",
    "enterprise_city": "杭州市",
    "legal_rep_name": "王伟",
    "qualification_name": "杭州云帆网络科技有限公司语音资质",
}
NUMBER400_DRAFT = {
    "carrier": "400_ct",
    "numbers_requested": 1,
    "enterprise_name": "上海星河信息技术有限公司",
    "registered_address": "上海市徐汇区漕溪北路 88 号",
    "three_in_one": True,
    "legal_rep_name": "李娜",
}


@dataclass
class DemoSession:
    home: Path
    simulator: Simulator
    restore_settings: Callable[[], None] | None = None
    samples: Kit | None = None  # None when no CJK font could draw them

    def close(self) -> None:
        """Stop the simulator, point settings back where they were, delete the folder."""
        self.simulator.stop()
        if self.restore_settings is not None:
            self.restore_settings()
        with contextlib.suppress(OSError):
            shutil.rmtree(self.home)


def _shape_records(sim: Simulator, today: date) -> list[int]:
    """Make sure the tracker shows an approved qualification expiring within days and one
    already expired (the generator spreads expiry randomly over all states)."""
    approved = [r for r in sim.records if r.state == "PASS"]
    soon, gone = approved[0], approved[1]
    start = (today - timedelta(days=3650)).isoformat()
    soon.admin_id_range = f"{start}~{(today + timedelta(days=3)).isoformat()}"
    gone.license_range = f"{start}~{(today - timedelta(days=12)).isoformat()}"
    return [soon.group_id, gone.group_id]


def _use_demo_settings(home: Path) -> Callable[[], None]:
    """Point QSettings at the demo folder, so the demo never changes the user's settings;
    returns the function that points them back (so a late write cannot recreate the folder)."""
    from PySide6.QtCore import QSettings

    ini, user = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    previous_format = QSettings.defaultFormat()
    previous_root = Path(QSettings(ini, user, "QualDesk", "QualDesk").fileName()).parent.parent

    def restore() -> None:
        QSettings().sync()
        QSettings.setPath(ini, user, str(previous_root))
        QSettings.setDefaultFormat(previous_format)

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    settings = QSettings()
    settings.setValue("settings/access_key_id", DEMO_ACCESS_KEY_ID)
    settings.setValue("settings/credential_source", "keyring")
    settings.sync()
    return restore


def start_demo(context: AppContext, records: int = DEMO_RECORDS,
               today: date | None = None) -> DemoSession:
    """Prepare the demo: data folder, simulator, synced qualifications, drafts. Fills
    `context` (home, endpoint, the simulator's secret for this session only)."""
    from app.cloud.client import DysmsApi
    from app.cloud.credentials import Credentials
    from app.cloud.endpoint import parse_endpoint
    from app.cloud.sync import sync

    today = today or date.today()
    home = Path(tempfile.mkdtemp(prefix="qualdesk-demo-"))
    os.environ["QUALDESK_HOME"] = str(home)  # pages that open the default store use it too
    sim = Simulator(records, seed=DEMO_SEED, today=today)
    _shape_records(sim, today)
    sim.start()
    context.home, context.endpoint, context.demo = home, sim.endpoint, True
    context.session_secrets[DEMO_ACCESS_KEY_ID] = DEMO_ACCESS_KEY_SECRET
    restore_settings = _use_demo_settings(home)

    store = open_store(home)
    api = DysmsApi(Credentials(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, "session"),
                   parse_endpoint(sim.endpoint))
    sync(api, store, today=today)
    # A review decision after the first sync: its history shows reviewing → approved.
    reviewing = next(r for r in sim.records if r.state == "INIT")
    sim.set_state(reviewing.group_id, "PASS")
    sync(api, store, today=today)
    create_draft(store, "general", GENERAL_DRAFT)
    create_draft(store, "number400", NUMBER400_DRAFT)
    return DemoSession(home, sim, restore_settings, _write_samples(home, today))


def _write_samples(home: Path, today: date) -> Kit | None:
    """The sample documents to attach (about 0.1 s for the eight images)."""
    if find_cjk_font() is None:
        log.info("No CJK font found: the demo has no sample documents to attach.")
        return None
    return write_application_kit(home / SAMPLE_DOCUMENTS, DEMO_SEED, today)


def sample_documents_folder(context: AppContext) -> Path | None:
    """The demo's sample documents folder, when this is the demo and it was written."""
    if not context.demo or context.home is None:
        return None
    folder = Path(context.home) / SAMPLE_DOCUMENTS
    return folder if folder.is_dir() else None
