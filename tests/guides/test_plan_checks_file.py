"""``plan-checks.toml``: the bundled words load, an organisation's lists replace theirs, mistakes are named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sdm_facilitator.domain.plan_check_words import WORD_LISTS
from sdm_facilitator.guides.loader import PLAN_CHECKS_FILE, load_library, load_plan_checks
from sdm_facilitator.paths import bundled_guides_dir
from support.cli_helpers import run


def test_bundled_file_gives_every_list_and_is_not_read_as_a_guide() -> None:
    library = load_library(None)
    assert library.plan_check_problems == []
    words = library.plan_check_words
    for lists in WORD_LISTS.values():
        for name in lists:
            assert getattr(words, name), name
    assert ("mum", "mother", "mam", "mom", "mummy", "mammy") in words.relationships
    assert not any(path.name == PLAN_CHECKS_FILE for path in library.unusable)


def test_an_organisations_list_replaces_the_bundled_one_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / PLAN_CHECKS_FILE).write_text(
        '[child_exploitation]\noutside_household = ["detached youth team", "Street Pastors"]\n',
        encoding="utf-8",
    )
    bundled = load_library(None).plan_check_words
    library = load_library(tmp_path)
    assert library.plan_check_problems == []
    assert library.plan_check_words.outside_household == ("detached youth team", "Street Pastors")
    assert library.plan_check_words.safety == bundled.safety


def test_mistakes_are_reported_with_file_line_and_key_and_the_bundled_list_stays(tmp_path: Path) -> None:
    (tmp_path / PLAN_CHECKS_FILE).write_text(
        "[domestic_abuse]\n"
        'safty = ["safe"]\n'
        "keep_away = []\n"
        'children = ["kids", 3]\n'
        "[substance_misuse]\n"
        'sober = ["sober", "Sober"]\n'
        "[relationships]\n"
        'mum = ["mum"]\n'
        'nan = ["gran", "mum"]\n',
        encoding="utf-8",
    )
    library = load_library(tmp_path)
    messages = [str(p) for p in library.plan_check_problems]
    assert messages == [
        "plan-checks.toml:2: domestic_abuse.safty: unknown key; did you mean 'safety'? allowed keys are "
        "care_for, carer_roles, children, keep_away, safety",
        "plan-checks.toml:4: domestic_abuse.children[2]: expected text in quotes, got a whole number (3)",
        "plan-checks.toml:3: domestic_abuse.keep_away: must list at least one item",
        "plan-checks.toml:6: substance_misuse.sober[2]: 'Sober' is listed twice",
        "plan-checks.toml:9: relationships.nan[2]: 'mum' is already listed under 'mum'",
    ]
    bundled = load_library(None).plan_check_words
    assert library.plan_check_words.keep_away == bundled.keep_away
    assert library.plan_check_words.sober == bundled.sober
    assert library.plan_check_words.relationships == bundled.relationships
    assert any("plan safety check" in note for note in library.notices())


def test_the_bundled_file_must_give_every_list(tmp_path: Path) -> None:
    partial = tmp_path / PLAN_CHECKS_FILE
    partial.write_text('[language]\nconditions = ["if"]\n', encoding="utf-8")
    _, problems = load_plan_checks(partial)
    assert "missing required key 'domestic_abuse'" in str(problems[0])


def test_guides_check_reads_plan_checks_files_given_by_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "guides", "check", str(bundled_guides_dir() / PLAN_CHECKS_FILE))
    assert (code, out.strip()) == (0, "1 file(s) checked: all valid.")
    mine = tmp_path / PLAN_CHECKS_FILE
    mine.write_text('[language]\nconditions = "if"\n', encoding="utf-8")
    code, out, _ = run(capsys, "guides", "check", str(mine))
    assert code == 1
    assert out.startswith("plan-checks.toml:2: language.conditions: expected a list of ")


def test_guides_list_names_plan_check_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    guides = tmp_path / "my-guides"
    guides.mkdir()
    (guides / PLAN_CHECKS_FILE).write_text('[domestic_abuse]\nsafety = "safe"\n', encoding="utf-8")
    monkeypatch.setenv("SDM_FACILITATOR_GUIDES_DIR", str(guides))
    monkeypatch.setenv("SDM_FACILITATOR_DATA_DIR", str(tmp_path / "data"))
    code, out, _ = run(capsys, "guides", "list")
    assert code == 0
    assert "\nPlan check words that could not all be used (see: sdm-facilitator guides check):" in out
    assert "plan-checks.toml:2: domestic_abuse.safety: expected a list of " in out
    code, out, _ = run(capsys, "guides", "list", "--json")
    assert json.loads(out)["plan_check_problems"][0].startswith("plan-checks.toml:2: domestic_abuse.safety")
    code, out, _ = run(capsys, "guides", "check")
    assert code == 1 and "plan-checks.toml:2: domestic_abuse.safety" in out
