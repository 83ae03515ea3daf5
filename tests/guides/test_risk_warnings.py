"""The risk screen's warnings are data: the bundled file reads, and a wrong one is refused naming file and key."""

from __future__ import annotations

import pytest

from sdm_facilitator.guides.risk_warnings import (
    RiskWarningsError,
    bundled_warnings,
    parse_warnings,
    warnings_for,
)


def test_the_forced_marriage_warning_gives_the_unit_s_number_and_999() -> None:
    assert bundled_warnings()
    (warning,) = warnings_for("forced-marriage", "present")
    assert "020 7008 0151" in warning.text and "999" in warning.text
    assert warnings_for("forced-marriage", "not-known") == [warning]
    assert warnings_for("forced-marriage", "not-present") == []
    assert warnings_for("domestic-abuse", "present") == []


GOOD = {"kind": "forced-marriage", "statuses": ["present"], "title": "T", "text": "X"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"kind": "forced-marage"},
            "w.toml: warnings[1].kind: unknown risk kind 'forced-marage'; expected one of ",
        ),
        ({"statuses": ["maybe"]}, "w.toml: warnings[1].statuses: expected a list of statuses from "),
        ({"text": "  "}, "w.toml: warnings[1].text: expected text in quotes"),
        (
            {"titel": "T"},
            "w.toml: warnings[1].titel: unknown key; allowed keys are kind, statuses, text, title",
        ),
    ],
)
def test_a_wrong_warning_is_refused_with_file_and_key(change: dict[str, object], message: str) -> None:
    with pytest.raises(RiskWarningsError) as caught:
        parse_warnings({"warnings": [{**GOOD, **change}]}, "w.toml")
    assert str(caught.value).startswith(message)
    assert parse_warnings({"warnings": [GOOD]}, "w.toml")[0].kind == "forced-marriage"
