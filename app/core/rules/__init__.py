"""The local rule set. Importing this package registers every rule; `check_draft` runs them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from app.core.draft import Draft
from app.core.rules import basic, dates, identity, images, names, update  # noqa: F401 (registers)
from app.core.rules.engine import ERROR, RULES, WARNING, Finding, Rule, RuleContext

__all__ = ["ERROR", "RULES", "WARNING", "Finding", "Rule", "RuleContext", "check_draft", "has_errors"]

SEVERITY_ORDER = {ERROR: 0, WARNING: 1}


def check_draft(draft: Draft, today: date | None = None,
                extra: Iterable[Callable[[RuleContext], Iterable[Finding]]] = ()) -> list[Finding]:
    """Every finding for the draft, in form order, errors before warnings within a field."""
    ctx = RuleContext(draft, today or date.today(), list(extra))
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule.run(ctx))
    for check in ctx.extra:
        findings.extend(check(ctx))
    order = {f.id: i for i, f in enumerate(draft.form.fields)}
    findings.sort(key=lambda x: (order.get(x.field, len(order)), SEVERITY_ORDER[x.severity]))
    return findings


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
