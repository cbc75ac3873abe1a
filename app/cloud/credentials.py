"""Where the AccessKey comes from, in order:

1. an explicit AccessKey ID (the GUI's settings, `--access-key-id`, `QUALDESK_ACCESS_KEY_ID`)
   with its secret from the OS keyring (service "QualDesk") — or a secret the user typed for
   this session only;
2. the standard Alibaba Cloud chain (`ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET`, the aliyun CLI
   profile, `~/.alibabacloud/credentials.ini`) through alibabacloud-credentials.

A secret lives only in memory and the keyring: never in SQLite, settings files or logs, and
never written to plaintext as a fallback when the keyring is unavailable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

# Before the credentials library is imported: on a desktop, a failed ECS metadata probe
# would start a background thread that prints tracebacks.
os.environ.setdefault("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")

import keyring  # noqa: E402
from alibabacloud_credentials.client import Client as CredentialClient  # noqa: E402
from alibabacloud_credentials.exceptions import CredentialException  # noqa: E402
from keyring.errors import KeyringError, PasswordDeleteError  # noqa: E402

from app.cloud.errors import CredentialsMissing, KeyringUnavailable  # noqa: E402
from app.core.text import Text  # noqa: E402

KEYRING_SERVICE = "QualDesk"
ACCESS_KEY_ID_ENV = "QUALDESK_ACCESS_KEY_ID"

NO_CREDENTIALS = Text(
    "没有找到阿里云 AccessKey：请在设置中填写 AccessKey ID 并保存密钥，或设置环境变量 "
    "ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET，或配置 aliyun CLI。",
    "No Alibaba Cloud AccessKey found: enter the AccessKey ID in the settings and save its "
    "secret, or set ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET, or "
    "configure the aliyun CLI.")
NO_KEYRING = Text(
    "无法使用系统钥匙串保存或读取密钥（{reason}）。请在本次会话中输入 AccessKey Secret，"
    "或改用环境变量。",
    "The system keyring cannot store or read the secret ({reason}). Enter the AccessKey "
    "secret for this session, or use the environment variables.")
NO_SECRET = Text(
    "系统钥匙串中没有 AccessKey {key_id} 的密钥。请在设置中保存密钥。",
    "The keyring holds no secret for AccessKey {key_id}. Save the secret in the settings.")


@dataclass(frozen=True)
class Credentials:
    """What the SDK client needs. `chain` is set when the default chain supplied the key, so
    the SDK can refresh temporary (STS) credentials itself."""

    access_key_id: str
    access_key_secret: str = field(repr=False)
    source: str  # "keyring" | "session" | "chain:<provider>"
    chain: CredentialClient | None = field(default=None, repr=False, compare=False)


def _keyring_reason(exc: Exception) -> str:
    return type(exc).__name__


def load_secret(access_key_id: str) -> str | None:
    """The keyring's secret for this AccessKey ID, None when none is stored."""
    try:
        return keyring.get_password(KEYRING_SERVICE, access_key_id)
    except KeyringError as exc:
        raise KeyringUnavailable(NO_KEYRING.format(reason=_keyring_reason(exc)),
                                 "KeyringUnavailable") from None


def save_secret(access_key_id: str, secret: str) -> None:
    try:
        keyring.set_password(KEYRING_SERVICE, access_key_id, secret)
    except KeyringError as exc:
        raise KeyringUnavailable(NO_KEYRING.format(reason=_keyring_reason(exc)),
                                 "KeyringUnavailable") from None


def forget_secret(access_key_id: str) -> None:
    try:
        keyring.delete_password(KEYRING_SERVICE, access_key_id)
    except PasswordDeleteError:
        pass  # nothing stored: already forgotten
    except KeyringError as exc:
        raise KeyringUnavailable(NO_KEYRING.format(reason=_keyring_reason(exc)),
                                 "KeyringUnavailable") from None


def resolve_credentials(access_key_id: str | None = None,
                        session_secret: str | None = None) -> Credentials:
    """The credentials to use, by the order in the module docstring.

    `access_key_id` comes from the caller's settings (GUI: QSettings; CLI: flag or
    `QUALDESK_ACCESS_KEY_ID`); `session_secret` is a secret typed for this session only.
    """
    key_id = (access_key_id or os.environ.get(ACCESS_KEY_ID_ENV) or "").strip()
    if key_id:
        if session_secret:
            return Credentials(key_id, session_secret, "session")
        secret = load_secret(key_id)
        if not secret:
            raise CredentialsMissing(NO_SECRET.format(key_id=key_id), "NoSecret")
        return Credentials(key_id, secret, "keyring")
    try:
        chain = CredentialClient()
        found = chain.get_credential()
    except (CredentialException, OSError, ValueError):
        raise CredentialsMissing(NO_CREDENTIALS, "NoCredentials") from None
    if not found.access_key_id or not found.access_key_secret:
        raise CredentialsMissing(NO_CREDENTIALS, "NoCredentials")
    return Credentials(found.access_key_id, found.access_key_secret,
                       f"chain:{found.provider_name or found.type}", chain)
