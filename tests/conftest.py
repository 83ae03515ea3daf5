"""Shared fixtures: every test runs on its own data folder, never the user's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from support import hypothesis_budget


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow", action="store_true", default=False, help="also run the long fault and fuzz tests"
    )
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the exported papers' golden files from the current output (look at the diff before committing)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--slow"):
        hypothesis_budget.use_full_counts()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if sys.platform == "win32":
        skip_posix = pytest.mark.skip(
            reason="POSIX only: file modes, signals or flock that Windows does not have"
        )
        for item in items:
            if "posix_only" in item.keywords:
                item.add_marker(skip_posix)
    if config.getoption("--slow"):
        return
    skip_slow = pytest.mark.skip(reason="long run: use --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at a fresh folder and hide any user guides folder."""
    data = tmp_path / "data"
    monkeypatch.setenv("SDM_FACILITATOR_DATA_DIR", str(data))
    monkeypatch.delenv("SDM_FACILITATOR_GUIDES_DIR", raising=False)
    return data
