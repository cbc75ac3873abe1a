"""Shared test set-up: headless Qt, a private data folder, no network credentials."""

from __future__ import annotations

import os

# Before anything imports Qt: no display here or in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own QUALDESK_HOME, so nothing touches the user's real data."""
    monkeypatch.setenv("QUALDESK_HOME", str(tmp_path_factory.mktemp("qualdesk-home")))


@pytest.fixture
def memory_keyring():  # noqa: ANN201 (Iterator[MemoryKeyring])
    """The OS keyring replaced by an in-memory one for the test."""
    import keyring

    from tests.helpers.keyrings import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
