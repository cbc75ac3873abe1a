"""The rule engine: named rules with a stable code, a severity and a bilingual message.

A *field rule* looks at one field's value (the spec decides which fields it applies to);
a *form rule* looks at the whole draft (date ranges, update-expired locks). Rules are
registered by decorators in the sibling modules; `check_draft` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from app.core.draft import Draft, is_filled
from app.core.spec import FieldSpec, FormSpec
from app.core.text import Text

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"


@dataclass(frozen=True)
class Finding:
    field: str
    severity: Severity
    code: str
    message: Text

    def to_json(self, lang: str) -> dict[str, str]:
        return {"field": self.field, "severity": self.severity, "code": self.code,
                "message": self.message.get(lang)}


@dataclass
class RuleContext:
    draft: Draft
    today: date
    # Extra checks that need more than the draft (e.g. OCR of the attached images) plug in
    # here; each returns findings.
    extra: list[Callable[[RuleContext], Iterable[Finding]]] = field(default_factory=list)

    @property
    def form(self) -> FormSpec:
        return self.draft.form

    @property
    def values(self) -> dict[str, Any]:
        return self.draft.values

    def value(self, field_id: str) -> Any:
        return self.form.value(self.values, field_id)


# A field check returns None/False when the value is fine, True or a dict of message
# parameters when it is not.
FieldCheck = Callable[[RuleContext, FieldSpec, Any], "bool | dict[str, Any] | None"]
FormCheck = Callable[[RuleContext], Iterable[tuple[str, dict[str, Any]]]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    message: Text
    field_check: FieldCheck | None = None
    applies: Callable[[RuleContext, FieldSpec], bool] | None = None
    form_check: FormCheck | None = None
    # Field rules skip empty values (the `required` rule reports those) unless told not to.
    on_empty: bool = False

    def run(self, ctx: RuleContext) -> Iterator[Finding]:
        if self.form_check is not None:
            for field_id, params in self.form_check(ctx):
                yield self._finding(ctx.form.field(field_id), params)
            return
        assert self.field_check is not None and self.applies is not None
        for f in ctx.form.fields:
            if not self.applies(ctx, f):
                continue
            value = ctx.value(f.id)
            if not self.on_empty and not is_filled(value):
                continue
            result = self.field_check(ctx, f, value)
            if result:
                yield self._finding(f, result if isinstance(result, dict) else {})

    def _finding(self, f: FieldSpec, params: dict[str, Any]) -> Finding:
        return Finding(f.id, self.severity, self.code, self.message.format(label=f.label, **params))


RULES: list[Rule] = []


def field_rule(code: str, severity: Severity, zh: str, en: str, *,
               applies: Callable[[RuleContext, FieldSpec], bool], on_empty: bool = False,
               ) -> Callable[[FieldCheck], FieldCheck]:
    """Register a per-field check. `{label}` in the message is the field's label."""

    def register(check: FieldCheck) -> FieldCheck:
        RULES.append(Rule(code, severity, Text(zh, en), field_check=check, applies=applies,
                          on_empty=on_empty))
        return check

    return register


def form_rule(code: str, severity: Severity, zh: str, en: str) -> Callable[[FormCheck], FormCheck]:
    """Register a whole-draft check yielding `(field_id, message parameters)`."""

    def register(check: FormCheck) -> FormCheck:
        RULES.append(Rule(code, severity, Text(zh, en), form_check=check))
        return check

    return register


def rule_by_code(code: str) -> Rule:
    return next(r for r in RULES if r.code == code)


def has_format(name: str) -> Callable[[RuleContext, FieldSpec], bool]:
    return lambda ctx, f: f.format == name and ctx.form.format_applies(f, ctx.values)


def of_type(*types: str) -> Callable[[RuleContext, FieldSpec], bool]:
    return lambda ctx, f: f.type in types
