"""The submission pack: ASCII image names, a values sheet, a draft.json that re-imports."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.core.draft import load_draft_file, parse_draft
from app.core.spec import load_form
from app.store import Store, create_draft, get_draft, import_draft, open_store, update_field
from app.store.pack import export_pack, pack_name
from app.store.values_sheet import render_values_sheet
from tests.factories import make_draft, write_image


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store() as s:
        yield s


class Cells(HTMLParser):
    """Collects (row id, value cell text) pairs of the values sheet."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, str] = {}
        self._row: str | None = None
        self._in_value = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "tr":
            self._row = a.get("id")
        self._in_value = tag == "td"

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_value = False

    def handle_data(self, data: str) -> None:
        if self._in_value and self._row:
            self.rows[self._row] = self.rows.get(self._row, "") + data


def test_pack_names_say_what_the_image_is() -> None:
    general = load_form("general")
    assert pack_name(general.field("legal_rep_id_front_image"), 0, ".jpg") == \
        "legal_rep_id_front_emblem_side.jpg"
    assert pack_name(general.field("admin_id_back_image"), 0, ".png") == \
        "admin_id_back_portrait_side.png"
    assert pack_name(general.field("additional_attachments"), 1, ".png") == \
        "additional_attachment_2.png"


def test_pack_round_trips_and_names_are_ascii(store: Store, tmp_path: Path) -> None:
    data = make_draft(tmp_path / "src", "general")
    # A Chinese file name and a PNG saved as .jpg: the pack must fix both.
    odd = write_image(tmp_path / "src" / "营业执照 扫描件.jpg", "PNG", color=(5, 6, 7))
    data["values"]["business_certificate_image"] = str(odd)
    data["values"]["additional_attachments"] = [str(write_image(tmp_path / "src" / "附件.gif",
                                                                "GIF"))]
    draft_id = import_draft(store, parse_draft(data, tmp_path))
    out = tmp_path / "out" / "pack.zip"
    names = export_pack(store, draft_id, out)
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == sorted(names)
        assert all(re.fullmatch(r"[A-Za-z0-9_./-]+", n) for n in names)
        assert "images/business_certificate.png" in names
        assert "images/additional_attachment_1.gif" in names
        zf.extractall(tmp_path / "unzipped")
    assert hashlib.sha256((tmp_path / "unzipped/images/business_certificate.png").read_bytes()
                          ).hexdigest() == hashlib.sha256(odd.read_bytes()).hexdigest()
    again = load_draft_file(tmp_path / "unzipped" / "draft.json")
    reimported = get_draft(store, import_draft(store, again))
    original = get_draft(store, draft_id)
    assert reimported.values == original.values
    assert {k: [r.sha256 for r in v] for k, v in reimported.images.items()} == \
        {k: [r.sha256 for r in v] for k, v in original.images.items()}


def test_values_sheet_lists_every_field_in_form_order_with_labels(store: Store,
                                                                  tmp_path: Path) -> None:
    draft_id = import_draft(store, parse_draft(make_draft(tmp_path, "number400"), tmp_path))
    update_field(store, draft_id, "application_description", '<script>alert("x")</script> & co')
    out = tmp_path / "p.zip"
    export_pack(store, draft_id, out)
    with zipfile.ZipFile(out) as zf:
        html = zf.read("values.html").decode("utf-8")
    form = load_form("number400")
    cells = Cells()
    cells.feed(html)
    assert list(cells.rows) == [f.id for f in form.fields]
    for f in form.fields:
        assert f.label.zh in html and f.label.en.replace("'", "&#x27;") in html
    assert "<script>" not in html
    assert cells.rows["application_description"] == '<script>alert("x")</script> & co'
    assert cells.rows["three_in_one"] == "是 / Yes"
    id_card = form.field("legal_rep_certificate_type").choice_label("identity_card")
    assert cells.rows["legal_rep_certificate_type"] == f"{id_card.zh} / {id_card.en}"
    assert cells.rows["legal_rep_id_front_image"] == "legal_rep_id_front_emblem_side.jpg"
    assert cells.rows["business_license_image"] == "—"  # empty values are marked


def test_sheet_shows_defaults_and_choice_labels() -> None:
    form = load_form("general")
    html = render_values_sheet(form, {"certificate_type": "uscc_certificate"}, {})
    cells = Cells()
    cells.feed(html)
    assert cells.rows["certificate_type"] == "统一社会信用代码证书 / Unified social credit code certificate"
    assert cells.rows["reuse_across_products"] == "否 / No"  # the spec's default


def test_export_of_a_draft_without_images_still_writes_a_pack(store: Store,
                                                              tmp_path: Path) -> None:
    draft_id = create_draft(store, "general", {"enterprise_name": "空公司"})
    export_pack(store, draft_id, tmp_path / "empty.zip")
    with zipfile.ZipFile(tmp_path / "empty.zip") as zf:
        draft = json.loads(zf.read("draft.json"))
    assert draft["values"]["enterprise_name"] == "空公司"
    assert draft["values"]["additional_attachments"] == []
