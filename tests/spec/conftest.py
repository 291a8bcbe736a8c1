"""Fixtures for knowledge and engine behaviour tests."""

from __future__ import annotations

import datetime as dt

import pytest

from twitchcare.kb import KnowledgeBase, load_kb

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()
