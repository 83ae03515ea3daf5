"""The property tests' example counts follow the run: a quarter by default, the full count under --slow."""

from __future__ import annotations

import pytest

from support import hypothesis_budget


def test_the_count_follows_the_slow_option(request: pytest.FixtureRequest) -> None:
    full = request.config.getoption("--slow")
    assert hypothesis_budget.examples(400) == (400 if full else 100)
    assert hypothesis_budget.examples(20) == (20 if full else 10), "never fewer than ten"
    assert hypothesis_budget.examples(5) == 5, "never more than the property was written with"
