"""Update-expired mode: seed 000 forbids changing the identity of the qualification."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.core.rules.engine import ERROR, RuleContext, form_rule


def locked_values(ctx: RuleContext) -> dict[str, Any]:
    update_of = ctx.draft.update_of or {}
    values = update_of.get("values")
    return values if isinstance(values, dict) else {}


@form_rule("locked_field_changed", ERROR,
           "更新过期资质时不能修改“{label}”（应为原资质的值），否则审核可能失败。",
           "When updating an expired qualification, {label} must stay as it was; changing it may "
           "fail the review.")
def locked_field_changed(ctx: RuleContext) -> Iterator[tuple[str, dict[str, Any]]]:
    original = locked_values(ctx)
    for f in ctx.form.fields:
        if f.locked_on_update and f.id in original and ctx.value(f.id) != original[f.id]:
            yield f.id, {}
