"""ACS3-HMAC-SHA256 verification, done the way the real gateway does it: rebuild the
canonical request from what arrived (method, path, query, the signed headers, the payload
hash) and compare signatures in constant time."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

ALGORITHM = "ACS3-HMAC-SHA256"
_AUTH = re.compile(
    r"^ACS3-HMAC-SHA256\s+Credential=(?P<key>[^,\s]+)\s*,\s*SignedHeaders=(?P<headers>[^,\s]+)"
    r"\s*,\s*Signature=(?P<sig>[0-9a-f]{64})$")


@dataclass(frozen=True)
class Authorization:
    access_key_id: str
    signed_headers: list[str]
    signature: str


def parse_authorization(value: str | None) -> Authorization | None:
    match = _AUTH.match((value or "").strip())
    if not match:
        return None
    return Authorization(match["key"], match["headers"].split(";"), match["sig"])


def canonical_query(query: Mapping[str, str]) -> str:
    return "&".join(f"{quote(k, safe='~')}={quote(v, safe='~')}" for k, v in sorted(query.items()))


def canonical_request(method: str, path: str, query: Mapping[str, str],
                      headers: Mapping[str, str], signed: list[str], payload_hash: str) -> str:
    """`headers` keys are lower-case; only the signed ones count, in their sorted order."""
    canonical_headers = "".join(f"{name}:{headers.get(name, '').strip()}\n" for name in signed)
    return "\n".join([method, path or "/", canonical_query(query), canonical_headers,
                      ";".join(signed), payload_hash])


def signature(secret: str, canonical: str) -> str:
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    string_to_sign = f"{ALGORITHM}\n{digest}"
    return hmac.new(secret.encode("utf-8"), string_to_sign.encode("utf-8"),
                    hashlib.sha256).hexdigest()


def signature_matches(secret: str, auth: Authorization, method: str, path: str,
                      query: Mapping[str, str], headers: Mapping[str, str],
                      payload_hash: str) -> bool:
    expected = signature(secret, canonical_request(method, path, query, headers,
                                                   auth.signed_headers, payload_hash))
    return hmac.compare_digest(expected, auth.signature)
