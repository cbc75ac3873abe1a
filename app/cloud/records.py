"""From the APIs' JSON maps to QualDesk's rows, validating what later code relies on.

A list row has exactly the keys of DESIGN.md's `status list --json`; a detail stays the
API's own `Data` map (field names as the console and seed 000 use them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.cloud.errors import malformed
from app.cloud.states import normalise_state

RECORD_KEYS = ("group_id", "name", "company", "legal_person", "state", "state_raw",
               "work_order_id", "audit_remark", "audit_time", "created", "use_by_self")


@dataclass(frozen=True)
class Page:
    page_no: int
    page_size: int
    total: int
    records: list[dict[str, Any]]


def _int(value: Any, what: str, *, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool):
        raise malformed(what)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise malformed(what)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def record_from_item(item: Any) -> dict[str, Any]:
    """One `Data.List` item of QuerySmsQualificationRecord as a QualDesk row."""
    if not isinstance(item, dict):
        raise malformed("Data.List[]")
    state_raw = _str(item.get("StateName"))
    return {
        "group_id": _int(item.get("GroupId"), "Data.List[].GroupId"),
        "name": _str(item.get("QualificationGroupName")),
        "company": _str(item.get("CompanyName")),
        "legal_person": _str(item.get("LegalPersonName")),
        "state": normalise_state(state_raw),
        "state_raw": state_raw,
        "work_order_id": _int(item.get("WorkOrderId"), "Data.List[].WorkOrderId", optional=True),
        "audit_remark": _str(item.get("AuditRemark")),
        "audit_time": _str(item.get("AuditTime")),
        "created": _str(item.get("CreateDate")),
        "use_by_self": _bool(item.get("UseBySelf")),
    }


def page_from_body(body: Any, page_no: int, page_size: int) -> Page:
    """The `Data` of a QuerySmsQualificationRecord answer (Code already checked)."""
    data = body.get("Data") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise malformed("Data")
    total = _int(data.get("Total"), "Data.Total")
    items = data.get("List")
    if items is None and total == 0:
        items = []
    assert total is not None
    # The SDK maps a missing List to []: on page 1, Total > 0 with no rows is a broken answer.
    if not isinstance(items, list) or (page_no == 1 and total > 0 and not items):
        raise malformed("Data.List")
    return Page(page_no, page_size, total, [record_from_item(i) for i in items])


def detail_from_body(body: Any, group_id: int) -> dict[str, Any]:
    """The `Data` of a QuerySingleSmsQualification answer, with its id and state checked."""
    data = body.get("Data") if isinstance(body, dict) else None
    if not isinstance(data, dict) or not data:
        raise malformed("Data")
    got = _int(data.get("QualificationGroupId"), "Data.QualificationGroupId")
    if got != group_id:
        raise malformed("Data.QualificationGroupId")
    if not isinstance(data.get("State"), str):
        raise malformed("Data.State")
    return data
