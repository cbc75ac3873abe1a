"""The declarative form specs in `forms/*.toml` as typed objects.

A field is described once, in its TOML file; the GUI, the rule engine and the CLI all read
these objects. Loading is strict (an unknown key is an error) so a typo in a spec fails the
test suite instead of silently dropping a rule.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal

from app.core.text import Text, UserError
from app.resources import forms_dir

FieldType = Literal["text", "long_text", "date", "bool", "choice", "int", "image", "image_list"]
FIELD_TYPES: tuple[str, ...] = FieldType.__args__  # type: ignore[attr-defined]
IMAGE_TYPES = ("image", "image_list")
# Formats understood by the rule engine (app/core/rules); a spec may name only these.
FORMATS = (
    "cn_id_number", "credit_code", "mobile_phone", "enterprise_name", "qualification_name",
    "enterprise_type", "letter_date",
)
DOCUMENT_KINDS = (
    "id_portrait", "id_emblem", "business_license", "commitment_letter", "application_letter",
    "holding_id", "other",
)


@dataclass(frozen=True)
class Condition:
    """`{field = "x", equals = v}`: true when the draft's value of x (or its default) is v."""

    field: str
    equals: Any

    def holds(self, values: dict[str, Any], form: FormSpec) -> bool:
        return form.value(values, self.field) == self.equals


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True)
class FieldSpec:
    id: str
    section: str
    type: FieldType
    label: Text
    help: Text = Text("", "")
    placeholder: Text = Text("", "")
    required: bool = False
    required_when: Condition | None = None
    choices: tuple[Choice, ...] = ()
    default: Any = None
    format: str | None = None
    format_when: Condition | None = None
    max_length: int | None = None
    min: int | None = None
    max: int | None = None
    document: str | None = None  # which kind of document an image field holds (OCR kind)
    ocr: dict[str, str] = field(default_factory=dict)  # document field -> form field it fills
    stamp: Literal["never", "copy", "always"] = "never"
    locked_on_update: bool = False
    sensitive: bool = False

    @property
    def is_image(self) -> bool:
        return self.type in IMAGE_TYPES

    def choice_label(self, value: str) -> Text | None:
        return next((c.label for c in self.choices if c.value == value), None)


@dataclass(frozen=True)
class SectionSpec:
    id: str
    label: Text
    help: Text = Text("", "")


@dataclass(frozen=True)
class ValiditySpec:
    """A document's validity range: expiry is computed from `end`, order from both."""

    document: str
    label: Text
    start: str
    end: str


@dataclass(frozen=True)
class FormSpec:
    id: str
    title: Text
    sections: tuple[SectionSpec, ...]
    fields: tuple[FieldSpec, ...]
    validity: tuple[ValiditySpec, ...]

    def field(self, field_id: str) -> FieldSpec:
        return self._by_id[field_id]

    def has_field(self, field_id: str) -> bool:
        return field_id in self._by_id

    @cached_property
    def _by_id(self) -> dict[str, FieldSpec]:
        return {f.id: f for f in self.fields}

    def section_fields(self, section_id: str) -> list[FieldSpec]:
        return [f for f in self.fields if f.section == section_id]

    def value(self, values: dict[str, Any], field_id: str) -> Any:
        """The draft's value, or the spec's default when the draft leaves it unset."""
        value = values.get(field_id)
        return self.field(field_id).default if value is None else value

    def is_required(self, f: FieldSpec, values: dict[str, Any]) -> bool:
        if f.required_when is not None:
            return f.required_when.holds(values, self)
        return f.required

    def format_applies(self, f: FieldSpec, values: dict[str, Any]) -> bool:
        return f.format is not None and (f.format_when is None or f.format_when.holds(values, self))


class SpecError(UserError):
    pass


def _text(raw: dict[str, Any], key: str, where: str, required: bool = True) -> Text:
    zh, en = raw.pop(f"{key}_zh", None), raw.pop(f"{key}_en", None)
    if zh is None and en is None and not required:
        return Text("", "")
    if not isinstance(zh, str) or not isinstance(en, str):
        raise SpecError(Text(f"{where}: 缺少 {key}_zh / {key}_en", f"{where}: needs {key}_zh and {key}_en"))
    return Text(zh.strip(), en.strip())


def _condition(raw: Any, where: str) -> Condition | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {"field", "equals"}:
        raise SpecError(Text(f"{where}: 条件格式错误", f"{where}: a condition is {{field, equals}}"))
    return Condition(raw["field"], raw["equals"])


def _no_leftovers(raw: dict[str, Any], where: str) -> None:
    if raw:
        keys = ", ".join(sorted(raw))
        raise SpecError(Text(f"{where}: 未知的键 {keys}", f"{where}: unknown keys {keys}"))


def _field(raw: dict[str, Any], sections: set[str]) -> FieldSpec:
    raw = dict(raw)
    fid = raw.pop("id")
    where = f"field {fid}"
    ftype = raw.pop("type")
    if ftype not in FIELD_TYPES:
        raise SpecError(Text(f"{where}: 未知类型 {ftype}", f"{where}: unknown type {ftype}"))
    section = raw.pop("section")
    if section not in sections:
        raise SpecError(Text(f"{where}: 未知分区 {section}", f"{where}: unknown section {section}"))
    choices = tuple(
        Choice(c["value"], _text(dict(c), "label", f"{where} choice")) for c in raw.pop("choices", [])
    )
    fmt = raw.pop("format", None)
    if fmt is not None and fmt not in FORMATS:
        raise SpecError(Text(f"{where}: 未知格式 {fmt}", f"{where}: unknown format {fmt}"))
    document = raw.pop("document", None)
    if document is not None and document not in DOCUMENT_KINDS:
        raise SpecError(Text(f"{where}: 未知文档类型", f"{where}: unknown document {document}"))
    spec = FieldSpec(
        id=fid,
        section=section,
        type=ftype,
        label=_text(raw, "label", where),
        help=_text(raw, "help", where, required=False),
        placeholder=_text(raw, "placeholder", where, required=False),
        required=bool(raw.pop("required", False)),
        required_when=_condition(raw.pop("required_when", None), where),
        choices=choices,
        default=raw.pop("default", None),
        format=fmt,
        format_when=_condition(raw.pop("format_when", None), where),
        max_length=raw.pop("max_length", None),
        min=raw.pop("min", None),
        max=raw.pop("max", None),
        document=document,
        ocr=dict(raw.pop("ocr", {})),
        stamp=raw.pop("stamp", "never"),
        locked_on_update=bool(raw.pop("locked_on_update", False)),
        sensitive=bool(raw.pop("sensitive", False)),
    )
    _no_leftovers(raw, where)
    return spec


def parse_form(data: dict[str, Any]) -> FormSpec:
    data = dict(data)
    form_id = data.pop("id")
    title = _text(data, "title", f"form {form_id}")
    sections = []
    for raw in data.pop("sections"):
        raw = dict(raw)
        sid = raw.pop("id")
        sections.append(SectionSpec(sid, _text(raw, "label", f"section {sid}"),
                                    _text(raw, "help", f"section {sid}", required=False)))
        _no_leftovers(raw, f"section {sid}")
    section_ids = {s.id for s in sections}
    fields = tuple(_field(raw, section_ids) for raw in data.pop("fields"))
    ids = [f.id for f in fields]
    if len(ids) != len(set(ids)):
        raise SpecError(Text(f"form {form_id}: 字段重复", f"form {form_id}: duplicate field ids"))
    validity = []
    for raw in data.pop("validity", []):
        raw = dict(raw)
        doc = raw.pop("document")
        validity.append(ValiditySpec(doc, _text(raw, "label", f"validity {doc}"),
                                     raw.pop("start"), raw.pop("end")))
        _no_leftovers(raw, f"validity {doc}")
    _no_leftovers(data, f"form {form_id}")
    form = FormSpec(form_id, title, tuple(sections), fields, tuple(validity))
    _check_references(form)
    return form


def _check_references(form: FormSpec) -> None:
    """Every field a condition, a validity range or an OCR mapping names must exist."""
    named: list[str] = []
    for f in form.fields:
        for cond in (f.required_when, f.format_when):
            if cond is not None:
                named.append(cond.field)
        named.extend(f.ocr.values())
    for v in form.validity:
        named.extend((v.start, v.end))
    missing = sorted({n for n in named if not form.has_field(n)})
    if missing:
        names = ", ".join(missing)
        raise SpecError(Text(f"form {form.id}: 引用了不存在的字段 {names}",
                             f"form {form.id}: references unknown fields {names}"))


FORM_IDS = ("general", "number400")


@cache
def load_form(form_id: str, directory: Path | None = None) -> FormSpec:
    if form_id not in FORM_IDS:
        raise SpecError(Text(f"未知的表单“{form_id}”（应为 general 或 number400）",
                             f"Unknown form '{form_id}' (expected general or number400)"))
    path = (directory or forms_dir()) / f"{form_id}.toml"
    with path.open("rb") as fh:
        return parse_form(tomllib.load(fh))


def all_forms() -> list[FormSpec]:
    return [load_form(form_id) for form_id in FORM_IDS]
