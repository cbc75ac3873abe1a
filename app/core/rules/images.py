"""Image fields: the file exists, is JPG/PNG/GIF by content, decodes, and is at most 5 MB."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.core.rules.engine import ERROR, WARNING, RuleContext, form_rule
from app.images.probe import MAX_UPLOAD_BYTES, ImageProbe, probe_image


def _probes(ctx: RuleContext) -> Iterator[tuple[str, ImageProbe]]:
    for f in ctx.form.fields:
        if not f.is_image:
            continue
        value = ctx.values.get(f.id)
        items = value if isinstance(value, list) else [value]
        for item in items:
            path = ctx.draft.image_path(item)
            if path is not None:
                yield f.id, probe_image(path)


@form_rule("image_missing", ERROR, "找不到“{name}”这个文件。", "The file '{name}' cannot be found.")
def image_missing(ctx: RuleContext) -> Iterator[tuple[str, dict[str, Any]]]:
    for field_id, probe in _probes(ctx):
        if not probe.exists:
            yield field_id, {"name": probe.path.name}


@form_rule("image_format", ERROR,
           "“{name}”不是 JPG、PNG 或 GIF 图片（实际内容：{actual}），请转换后再上传。",
           "'{name}' is not a JPG, PNG or GIF image (its content is {actual}); convert it first.")
def image_format(ctx: RuleContext) -> Iterator[tuple[str, dict[str, Any]]]:
    for field_id, probe in _probes(ctx):
        if probe.exists and probe.format is not None and not probe.accepted_format:
            yield field_id, {"name": probe.path.name, "actual": probe.format}
        elif probe.exists and probe.problem == "not_image":
            yield field_id, {"name": probe.path.name, "actual": "?"}


@form_rule("image_unreadable", ERROR, "“{name}”无法解码（文件损坏、被截断或尺寸异常），请重新导出或拍摄。",
           "'{name}' cannot be decoded (damaged, truncated or absurdly large); export or take it again.")
def image_unreadable(ctx: RuleContext) -> Iterator[tuple[str, dict[str, Any]]]:
    for field_id, probe in _probes(ctx):
        if probe.problem in ("truncated", "unreadable", "bomb"):
            yield field_id, {"name": probe.path.name}


@form_rule("image_too_large", ERROR, "“{name}”有 {mb} MB，超过 5 MB 的上限。",
           "'{name}' is {mb} MB, over the 5 MB limit.")
def image_too_large(ctx: RuleContext) -> Iterator[tuple[str, dict[str, Any]]]:
    for field_id, probe in _probes(ctx):
        if probe.exists and probe.size_bytes > MAX_UPLOAD_BYTES:
            yield field_id, {"name": probe.path.name, "mb": f"{probe.size_bytes / 1048576:.1f}"}


@form_rule("image_extension_mismatch", WARNING,
           "“{name}”的扩展名与实际格式（{actual}）不符，上传前请改正扩展名。",
           "'{name}' has an extension that does not match its real format ({actual}); fix it before uploading.")
def image_extension_mismatch(ctx: RuleContext) -> Iterator[tuple[str, dict[str, Any]]]:
    for field_id, probe in _probes(ctx):
        if probe.decodes and probe.accepted_format and not probe.extension_matches:
            yield field_id, {"name": probe.path.name, "actual": probe.format}
