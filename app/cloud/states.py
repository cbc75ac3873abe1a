"""One state vocabulary for both query APIs and the local store.

The list API (`StateName`) and the detail API (`State`) name the same review states
differently (PASS vs PASSED, INIT vs INT); everything past the call site uses DESIGN.md's
normalised names, and keeps the raw value alongside so an unknown state is never lost.
"""

from __future__ import annotations

from app.core.text import Text, UserError

# Raw list-API value -> normalised state (QuerySmsQualificationRecord.StateName).
LIST_STATES: dict[str, str] = {
    "INIT": "reviewing",
    "PASS": "approved",
    "NOT_PASS": "rejected",
    "NOT_FINISH": "needs_supplement",
    "CANCEL": "withdrawn",
}
# Raw detail-API value -> normalised state (QuerySingleSmsQualification.State).
DETAIL_STATES: dict[str, str] = {
    "INT": "reviewing",
    "PASSED": "approved",
    "FAILED": "rejected",
    "NOT_FINISH": "needs_supplement",
    "CANCELED": "withdrawn",
}
UNKNOWN = "unknown"
REVIEW_STATES = ("reviewing", "approved", "rejected", "needs_supplement", "withdrawn")

STATE_LABELS: dict[str, Text] = {
    "draft": Text("草稿", "Draft"),
    "reviewing": Text("审核中", "Reviewing"),
    "approved": Text("已通过", "Approved"),
    "rejected": Text("未通过", "Rejected"),
    "needs_supplement": Text("待补充材料", "Needs supplement"),
    "withdrawn": Text("已撤回", "Withdrawn"),
    "expiring_soon": Text("即将过期", "Expiring soon"),
    "expired": Text("已过期", "Expired"),
    UNKNOWN: Text("未知状态", "Unknown"),
}


def normalise_state(raw: object) -> str:
    """The normalised state of a raw value from either API; `unknown` for anything else."""
    if not isinstance(raw, str):
        return UNKNOWN
    key = raw.strip().upper()
    return LIST_STATES.get(key) or DETAIL_STATES.get(key) or UNKNOWN


def state_label(state: str) -> Text:
    return STATE_LABELS.get(state, STATE_LABELS[UNKNOWN])


BAD_STATE = Text("未知的状态：{value}（可用：{choices}）",
                 "Unknown state: {value} (use one of: {choices})")


def list_state_filter(value: str) -> str:
    """The list API's raw `State` filter for a normalised or raw (either vocabulary) value."""
    key = value.strip()
    if key.upper() in LIST_STATES:
        return key.upper()
    normalised = key.lower() if key.lower() in REVIEW_STATES else normalise_state(key)
    for raw, state in LIST_STATES.items():
        if state == normalised:
            return raw
    choices = ", ".join(REVIEW_STATES + tuple(LIST_STATES))
    raise UserError(BAD_STATE.format(value=value, choices=choices))
