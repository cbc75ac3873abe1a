"""Credential resolution: keyring first for an explicit AccessKey ID, then the standard
chain; a broken keyring is a clear error, never a plaintext fallback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from app.cloud.credentials import (
    KEYRING_SERVICE,
    forget_secret,
    load_secret,
    resolve_credentials,
    save_secret,
)
from app.cloud.errors import CredentialsMissing, KeyringUnavailable

ROOT = Path(__file__).resolve().parent.parent


def test_explicit_key_id_takes_its_secret_from_the_keyring(memory_keyring
                                                           ) -> None:
    save_secret("LTAIexplicit", "s3cret")
    assert memory_keyring.items == {(KEYRING_SERVICE, "LTAIexplicit"): "s3cret"}
    creds = resolve_credentials("LTAIexplicit")
    assert (creds.access_key_id, creds.access_key_secret, creds.source) == (
        "LTAIexplicit", "s3cret", "keyring")
    assert "s3cret" not in repr(creds)
    assert resolve_credentials("LTAIexplicit", "typed").source == "session"
    forget_secret("LTAIexplicit")
    forget_secret("LTAIexplicit")  # forgetting twice is fine
    assert load_secret("LTAIexplicit") is None
    with pytest.raises(CredentialsMissing) as err:
        resolve_credentials("LTAIexplicit")
    assert "LTAIexplicit" in err.value.message("zh")


def test_headless_keyring_is_a_clear_error() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        for call in (lambda: save_secret("LTAIx", "s"), lambda: load_secret("LTAIx"),
                     lambda: resolve_credentials("LTAIx")):
            with pytest.raises(KeyringUnavailable) as err:
                call()
            assert "keyring" in err.value.message("en") and "钥匙串" in err.value.message("zh")
        # the session secret still works without any keyring
        assert resolve_credentials("LTAIx", "typed").access_key_secret == "typed"
    finally:
        keyring.set_keyring(previous)


def _chain(env: dict[str, str], home: Path) -> subprocess.CompletedProcess[str]:
    """The chain reads the environment at import: resolve in a fresh interpreter."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("ALIBABA_CLOUD_", "QUALDESK_ACCESS"))}
    code = ("from app.cloud.credentials import resolve_credentials\n"
            "from app.core.text import UserError\n"
            "try:\n c = resolve_credentials(); print(c.access_key_id, c.source)\n"
            "except UserError as e: print('ERR', type(e).__name__, e.message('en'))\n")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={**clean, "HOME": str(home), **env})


def test_chain_reads_the_environment_and_reports_absence(tmp_path: Path) -> None:
    found = _chain({"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv",
                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "envsecret"}, tmp_path)
    assert found.stdout.split()[:1] == ["LTAIenv"] and "chain:" in found.stdout
    missing = _chain({}, tmp_path)
    assert missing.stdout.startswith("ERR CredentialsMissing")
    assert "ALIBABA_CLOUD_ACCESS_KEY_ID" in missing.stdout
    assert "Traceback" not in missing.stderr and missing.stderr.strip() == ""


def test_chain_reads_the_aliyun_cli_current_profile(tmp_path: Path) -> None:
    (tmp_path / ".aliyun").mkdir()
    (tmp_path / ".aliyun" / "config.json").write_text(
        '{"current": "work", "profiles": ['
        '{"name": "default", "mode": "AK", "access_key_id": "LTAIother", '
        '"access_key_secret": "x", "region_id": "cn-hangzhou"},'
        '{"name": "work", "mode": "AK", "access_key_id": "LTAIcli", '
        '"access_key_secret": "clisecret", "region_id": "cn-hangzhou"}]}', encoding="utf-8")
    found = _chain({}, tmp_path)
    assert found.stdout.split()[:1] == ["LTAIcli"], found.stdout + found.stderr
