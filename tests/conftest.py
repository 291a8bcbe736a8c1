"""Shared fixtures: every test runs against a throw-away data directory, never the user's diary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache folder for the test run (never the user's), with the food index built ahead so
    that only the tests about first use see the first-use notice."""
    from twitchcare.nutrition.search import write_index

    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(cache))
        write_index()
        yield cache


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point TWITCHCARE_DATA_DIR at a fresh folder and forget any configured database."""
    data_dir = tmp_path / "twitchcare-data"
    monkeypatch.setenv("TWITCHCARE_DATA_DIR", str(data_dir))
    monkeypatch.delenv("TWITCHCARE_DATABASE_URL", raising=False)
    yield data_dir


@pytest.fixture
def german() -> Iterator[None]:
    """The terminal, and the core's own sentences, in German for one test."""
    from twitchcare.catalogue import LANGUAGE
    from twitchcare.cli import i18n

    previous = i18n._language
    i18n.set_language("de")
    yield
    i18n._language = previous
    LANGUAGE.set(previous or "en")
