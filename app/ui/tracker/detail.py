"""The detail pane: every field of one qualification, its rejection reason with suggested
fixes, its state history as a timeline, and the actions that start a draft from it.

Sensitive fields are masked by `app.cloud.masking.mask_detail` — the fields seed 000 lists for
the console's details page — until the user clicks *Show sensitive information*.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.cloud.masking import mask_detail
from app.core.rejections import suggest_fixes
from app.core.text import Text
from app.ui.i18n import pick
from app.ui.tracker.badge import BadgeLabel, badge_colour, badge_text
from app.ui.tracker.rows import TrackedRow, expiry_text
from app.ui.widgets.times import local_time

# QuerySingleSmsQualification keys in display order, with their labels.
DETAIL_FIELDS: tuple[tuple[str, Text], ...] = (
    ("QualificationGroupId", Text("资质 ID", "Qualification ID")),
    ("CompanyName", Text("企业名称", "Enterprise name")),
    ("CompanyType", Text("企业类型", "Enterprise type")),
    ("OrganizationCode", Text("组织机构代码", "Organization code")),
    ("EffTimeStr", Text("企业证件有效期", "Business licence validity")),
    ("LegalPersonName", Text("法定代表人姓名", "Name (legal representative)")),
    ("LegalPersonIDCardType", Text("证件类型", "Certificate type")),
    ("LegalPersonIDCardNo", Text("证件号码", "Certificate number")),
    ("LegalPersonIdCardEffTime", Text("法人证件有效期", "Legal representative ID validity")),
    ("AdminName", Text("管理员姓名", "Administrator name")),
    ("AdminIDCardType", Text("管理员证件类型", "Administrator ID type")),
    ("AdminIDCardNo", Text("管理员身份证号码", "Administrator ID number")),
    ("AdminIDCardExpDate", Text("管理员证件有效期", "Administrator ID validity")),
    ("AdminPhoneNo", Text("管理员联系电话", "Administrator contact number")),
    ("BusinessType", Text("业务类型", "Business type")),
    ("UseBySelf", Text("自用", "Self-use")),
    ("WhetherShare", Text("资质授权", "Qualification authorization")),
    ("WorkOrderId", Text("工单号", "Work order")),
    ("State", Text("接口状态", "API state")),
    ("Remark", Text("备注", "Remark")),
    ("BusinessLicensePics", Text("企业证件图片", "Certificate images")),
    ("OtherFiles", Text("其他附件", "Other files")),
)
SKIPPED = {"QualificationName", "AdminIDCardFrontFace", "AdminIDCardPic"}  # header / photo links
YES_NO = (Text("是", "Yes"), Text("否", "No"))
# API enumerations shown in words
VALUE_LABELS: dict[str, Text] = {
    "COMPANY": Text("企业", "Enterprise"),
    "NON_PROFIT_ORGANIZATION": Text("政府机关或事业单位", "Government body or public institution"),
    "identityCard": Text("身份证", "ID card"),
    "passport": Text("护照", "Passport"),
    "homeReturnPermit": Text("港澳居民来往内地通行证", "Home return permit"),
    "TaiwanCompatriotPermit": Text("台湾居民来往大陆通行证", "Taiwan compatriot permit"),
    "residencePermit": Text("外国人永久居留身份证", "Residence permit"),
    "other": Text("其他", "Other"),
    "businessLicense": Text("营业执照", "business licence"),
    "socialCreditLicense": Text("统一社会信用代码证书", "USCC certificate"),
    "signLegalLicense": Text("事业单位法人证书", "public institution certificate"),
    "otherLicense": Text("其他证件", "other certificate"),
    "dysms": Text("短信/语音服务（dysms）", "SMS / voice (dysms)"),
}


def _format(value: Any) -> str:
    if isinstance(value, bool):
        return pick(YES_NO[0] if value else YES_NO[1])
    if isinstance(value, list):
        kinds = [_format(v.get("Type")) for v in value if isinstance(v, dict) and v.get("Type")]
        return f"{len(value)}" + (f" ({', '.join(kinds)})" if kinds else "")
    if value is None or value == "":
        return "—"
    if isinstance(value, str) and value in VALUE_LABELS:
        return pick(VALUE_LABELS[value])
    return str(value)


class DetailPane(QScrollArea):
    """Shows one qualification; emits the actions' requests with its group id."""

    updateExpiredRequested = Signal(int)
    resubmitRequested = Signal(int)
    maskToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.row: TrackedRow | None = None
        self.history: list[dict[str, Any]] = []
        self.masked = True
        body = QWidget()
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(12, 8, 12, 12)

        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.badge = BadgeLabel()
        self.mask_button = QPushButton()
        self.mask_button.setObjectName("detailMaskToggle")
        self.mask_button.clicked.connect(lambda: self.maskToggled.emit(not self.masked))
        header.addWidget(self.title, 1)
        header.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.mask_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        self.expiry = QLabel()
        outer.addWidget(self.expiry)

        self.rejection = QGroupBox()
        rejection_layout = QVBoxLayout(self.rejection)
        self.remark = QLabel()
        self.remark.setWordWrap(True)
        self.remark.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fixes = QLabel()
        self.fixes.setObjectName("rejectionFixes")
        self.fixes.setWordWrap(True)
        rejection_layout.addWidget(self.remark)
        rejection_layout.addWidget(self.fixes)
        outer.addWidget(self.rejection)

        actions = QHBoxLayout()
        self.update_button = QPushButton()
        self.update_button.setObjectName("updateExpired")
        self.update_button.clicked.connect(self._request_update)
        self.resubmit_button = QPushButton()
        self.resubmit_button.setObjectName("prepareResubmission")
        self.resubmit_button.clicked.connect(self._request_resubmit)
        actions.addWidget(self.update_button)
        actions.addWidget(self.resubmit_button)
        actions.addStretch(1)
        outer.addLayout(actions)

        self.history_box = QGroupBox()
        history_layout = QVBoxLayout(self.history_box)
        self.timeline = QLabel()
        self.timeline.setObjectName("timeline")
        self.timeline.setTextFormat(Qt.TextFormat.RichText)
        history_layout.addWidget(self.timeline)
        outer.addWidget(self.history_box)

        self.fields_box = QGroupBox()
        self.form = QFormLayout(self.fields_box)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        outer.addWidget(self.fields_box)
        outer.addStretch(1)
        self.field_labels: dict[str, QLabel] = {}
        self.render()

    # -- inputs ---------------------------------------------------------------------------

    def show_row(self, row: TrackedRow | None, history: list[dict[str, Any]]) -> None:
        self.row, self.history = row, history
        self.render()

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        self.render()

    def _request_update(self) -> None:
        if self.row is not None:
            self.updateExpiredRequested.emit(self.row.group_id)

    def _request_resubmit(self) -> None:
        if self.row is not None:
            self.resubmitRequested.emit(self.row.group_id)

    # -- output ---------------------------------------------------------------------------

    def render(self) -> None:
        """(Re)build every text from the current row, mask state and language."""
        row = self.row
        self.mask_button.setText(self.tr("Show sensitive information") if self.masked
                                 else self.tr("Hide sensitive information"))
        self.rejection.setTitle(self.tr("Rejection reason"))
        self.fields_box.setTitle(self.tr("Details"))
        self.history_box.setTitle(self.tr("State history"))
        self.update_button.setText(self.tr("Update expired qualification"))
        self.resubmit_button.setText(self.tr("Prepare a corrected resubmission"))
        for w in (self.badge, self.mask_button, self.rejection, self.fields_box,
                  self.history_box, self.update_button, self.resubmit_button, self.expiry):
            w.setVisible(row is not None)
        if row is None:
            self.title.setText(self.tr("Select a qualification to see its details."))
            return
        detail = mask_detail(row.detail) if self.masked else dict(row.detail)
        shown = row.shown(self.masked)
        self.title.setText(str(detail.get("QualificationName") or shown["name"]
                               or row.group_id))
        self.badge.set_state(row.badge)
        expiry = pick(expiry_text(row))
        self.expiry.setText(self.tr("Expiry: %1").replace("%1", expiry) if expiry else "")
        self.expiry.setVisible(bool(expiry))
        if row.badge in ("expiring_soon", "expired"):
            self.expiry.setStyleSheet(f"color: {badge_colour(row.badge).name()};")
        else:
            self.expiry.setStyleSheet("")
        self._render_rejection(row)
        self._render_fields(row, detail, shown)
        self._render_history()
        self.update_button.setVisible(row.badge in ("expiring_soon", "expired"))
        self.resubmit_button.setVisible(row.badge in ("rejected", "needs_supplement"))

    def _render_rejection(self, row: TrackedRow) -> None:
        remark = str(row.raw.get("audit_remark") or "").strip()
        rejected = row.badge in ("rejected", "needs_supplement")
        self.rejection.setVisible(rejected)
        if not rejected:
            return
        self.remark.setText(remark or self.tr("The review gave no reason."))
        fixes = suggest_fixes(remark)
        if not fixes:
            self.fixes.setText(self.tr("No suggestion for this reason: read it carefully, "
                                       "correct the draft and resubmit."))
            return
        items = "".join(f"<li><b>{html.escape(pick(f.reason))}</b><br>{html.escape(pick(f.fix))}"
                        "</li>" for f in fixes)
        heading = html.escape(self.tr("Suggested fix:"))
        self.fixes.setText(f"<p>{heading}</p><ul style='margin-left: -20px'>{items}</ul>")

    def _render_fields(self, row: TrackedRow, detail: dict[str, Any],
                       shown: dict[str, Any]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.field_labels = {}
        if not detail:  # not fetched yet: what the list API gave
            detail = {"CompanyName": shown["company"], "LegalPersonName": shown["legal_person"],
                      "WorkOrderId": row.raw.get("work_order_id"),
                      "UseBySelf": row.raw.get("use_by_self")}
        known = {key for key, _ in DETAIL_FIELDS}
        entries = [(key, pick(label)) for key, label in DETAIL_FIELDS if key in detail]
        entries += [(key, key) for key in detail if key not in known and key not in SKIPPED]
        entries.append(("_audit_time", self.tr("Audit time")))
        entries.append(("_created", self.tr("Created")))
        extra = {"_audit_time": row.raw.get("audit_time"), "_created": row.raw.get("created")}
        for key, label in entries:
            value = QLabel(_format(extra[key] if key in extra else detail.get(key)))
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.field_labels[key] = value
            self.form.addRow(label, value)

    def _render_history(self) -> None:
        if not self.history:
            self.timeline.setText(html.escape(self.tr("No state seen yet.")))
            return
        lines = []
        for entry in reversed(self.history):  # newest first
            state = str(entry.get("state") or "unknown")
            colour = badge_colour(state).name()
            lines.append(
                f"<tr><td style='color:{colour}; font-size:16px; padding-right:6px'>●</td>"
                f"<td style='padding-right:12px'><b>{html.escape(badge_text(state))}</b></td>"
                f"<td style='color:#57606a'>{html.escape(local_time(entry.get('seen_at')))}"
                "</td></tr>")
        self.timeline.setText("<table>" + "".join(lines) + "</table>")
