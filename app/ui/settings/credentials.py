"""The GUI's side of credentials: save a secret to the OS keyring, or — when the machine has
no usable keyring — keep it in memory for this session only (never in a file), and build the
API client from the settings.

The keyring calls themselves are `app.cloud.credentials`'; this module only decides where a
secret typed in the settings page goes and which client the tracker and "Test connection" use.
"""

from __future__ import annotations

import contextlib
from typing import Literal

from app.cloud.client import DysmsApi
from app.cloud.credentials import forget_secret, load_secret, resolve_credentials, save_secret
from app.cloud.endpoint import endpoint_from
from app.cloud.errors import KeyringUnavailable
from app.ui.context import AppContext
from app.ui.settings.values import AppSettings

SecretPlace = Literal["keyring", "session", "none"]


def store_secret(context: AppContext, key_id: str, secret: str) -> SecretPlace:
    """Save `secret` for `key_id`: the keyring if it works, else this session's memory."""
    key_id = key_id.strip()
    if not key_id or not secret:
        return "none"
    try:
        save_secret(key_id, secret)
    except KeyringUnavailable:
        context.session_secrets[key_id] = secret
        return "session"
    context.session_secrets.pop(key_id, None)
    return "keyring"


def secret_place(context: AppContext, key_id: str) -> SecretPlace:
    """Where the secret of `key_id` is available right now."""
    key_id = key_id.strip()
    if not key_id:
        return "none"
    if key_id in context.session_secrets:
        return "session"
    try:
        return "keyring" if load_secret(key_id) else "none"
    except KeyringUnavailable:
        return "none"


def clear_secret(context: AppContext, key_id: str) -> None:
    context.session_secrets.pop(key_id.strip(), None)
    with contextlib.suppress(KeyringUnavailable):  # nothing can be stored there either
        forget_secret(key_id.strip())


def endpoint_setting(context: AppContext, settings: AppSettings) -> str | None:
    """The endpoint in force: the command line / demo wins over the setting, which wins over
    QUALDESK_ENDPOINT (read by `endpoint_from`)."""
    return context.endpoint or settings.endpoint.strip() or None


def make_client(context: AppContext, settings: AppSettings) -> DysmsApi:
    """The API client for the current settings (raises a `UserError` when credentials or the
    endpoint are unusable). Touches the keyring: call it from a worker thread."""
    endpoint = endpoint_from(endpoint_setting(context, settings))
    if settings.credential_source == "chain":
        credentials = resolve_credentials(None)
    else:
        key_id = settings.access_key_id.strip()
        credentials = resolve_credentials(key_id or None, context.session_secrets.get(key_id))
    return DysmsApi(credentials, endpoint)
