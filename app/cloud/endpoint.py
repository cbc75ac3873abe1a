"""The API endpoint and timeouts: defaults, `--endpoint` / `QUALDESK_ENDPOINT`, and the
`QUALDESK_READ_TIMEOUT` override (seconds) that tests use to keep a hung server short."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.core.text import Text, UserError

DEFAULT_HOST = "dysmsapi.aliyuncs.com"
ENDPOINT_ENV = "QUALDESK_ENDPOINT"
READ_TIMEOUT_ENV = "QUALDESK_READ_TIMEOUT"
CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 10.0

BAD_ENDPOINT = Text(
    "接入地址无效：{value}（示例：https://dysmsapi.aliyuncs.com 或 http://127.0.0.1:8080）",
    "Invalid endpoint: {value} (e.g. https://dysmsapi.aliyuncs.com or http://127.0.0.1:8080)")
BAD_TIMEOUT = Text("超时时间无效：{value}（应为正数，单位秒）",
                   "Invalid timeout: {value} (a positive number of seconds)")


@dataclass(frozen=True)
class Endpoint:
    protocol: str  # "http" | "https"
    host: str      # host[:port], as the SDK's Config.endpoint wants it

    @property
    def url(self) -> str:
        return f"{self.protocol}://{self.host}"


def parse_endpoint(value: str | None) -> Endpoint:
    """`https://host[:port]`, `http://host:port` or a bare host (HTTPS); None → the default."""
    text = (value or "").strip()
    if not text:
        return Endpoint("https", DEFAULT_HOST)
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        raise UserError(BAD_ENDPOINT.format(value=value)) from None
    if (parts.scheme not in ("http", "https") or not parts.hostname
            or parts.path not in ("", "/") or parts.query or parts.username):
        raise UserError(BAD_ENDPOINT.format(value=value))
    host = parts.hostname if port is None else f"{parts.hostname}:{port}"
    if ":" in parts.hostname:  # IPv6 literal
        host = f"[{parts.hostname}]" + (f":{port}" if port is not None else "")
    return Endpoint(parts.scheme, host)


def endpoint_from(flag: str | None) -> Endpoint:
    return parse_endpoint(flag or os.environ.get(ENDPOINT_ENV))


def read_timeout_from(flag: float | None = None) -> float:
    raw: object = flag if flag is not None else os.environ.get(READ_TIMEOUT_ENV)
    if raw is None or raw == "":
        return READ_TIMEOUT_S
    try:
        seconds = float(raw)  # type: ignore[arg-type]
    except ValueError:
        raise UserError(BAD_TIMEOUT.format(value=raw)) from None
    if not seconds > 0:
        raise UserError(BAD_TIMEOUT.format(value=raw))
    return seconds
