"""Broken guides: one exact, kind message per problem, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdm_facilitator.guides.loader import (
    MAX_FILE_BYTES,
    GuideProblem,
    load_guide_file,
    load_language_hints,
)
from sdm_facilitator.guides.validate import Locator, format_key

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid_minimal.toml"

# fixture file -> every message expected from it, exactly.
EXPECTED: dict[str, list[str]] = {
    "syntax_error": [
        "syntax_error.toml:23: TOML syntax error: Expected '=' after a key in a key/value pair (column 7)",
    ],
    "wrong_type": [
        'wrong_type.toml:16: steps[1].days_before: expected a whole number, got text ("35")',
    ],
    "bool_for_number": [
        "bool_for_number.toml:30: phases[1].minutes: expected a whole number, got true",
    ],
    "unknown_stage": [
        "unknown_stage.toml:20: steps[2].stage: unknown stage 'prep'; "
        "expected one of preparation, meeting, family_time, follow_up",
    ],
    "unknown_mechanism": [
        "unknown_mechanism.toml:21: steps[2].mechanisms[2]: unknown mechanism 'empowerment'; "
        "expected one of collaboration, trust, participation, child",
    ],
    "unknown_context": [
        "unknown_context.toml:22: steps[2].contexts[1]: unknown context 'court'; "
        "expected one of statutory, voluntary",
    ],
    "unknown_kind": [
        "unknown_kind.toml:6: guide.kinds[2]: unknown meeting kind 'case-conference'; "
        "expected one of fgc, fgdm, family-unity, cp-conference, cin-meeting, review",
    ],
    "duplicate_step_id": [
        "duplicate_step_id.toml:19: steps[2].id: duplicate step id 'prep-consent'; "
        "it is already used by steps[1]",
    ],
    "missing_field": [
        "missing_field.toml:18: steps[2]: missing required key 'why': "
        "expected one to three sentences in quotes",
    ],
    "unknown_key": [
        "unknown_key.toml:20: steps[2].stge: unknown key; did you mean 'stage'? allowed keys are "
        "contexts, days_after, days_before, evidence, evidence_says, how, id, judgement, mechanisms, risk, "
        "stage, stop_and_check, title, when_risk, why",
        "unknown_key.toml:18: steps[2]: missing required key 'stage': expected a stage",
    ],
    "prompt_too_long": [
        "prompt_too_long.toml:35: phases[1].prompts[2].text: prompt is 98 characters long; "
        "keep it to 90 or fewer so a chair can read it at a glance",
    ],
    "no_private_phase": [
        "no_private_phase.toml:27: phases: one phase must be private family time: add private = true to it",
    ],
    "too_few_prompts": [
        "too_few_prompts.toml:31: phases[1].prompts: a phase needs 2 to 5 prompts; found 1",
    ],
    "timing_on_wrong_stage": [
        "timing_on_wrong_stage.toml:25: steps[2].days_before: days_before is only for preparation "
        "steps; this step's stage is 'follow_up'",
    ],
    "bad_id": [
        "bad_id.toml:10: steps[1].id: 'Prep_Consent' is not a usable id; use lowercase letters, "
        "digits and single hyphens, such as 'prep-consent'",
    ],
    "empty_list": [
        "empty_list.toml:22: steps[2].contexts: must list at least one context",
    ],
    "wrong_table_type": [
        "wrong_table_type.toml:2: family_questions: expected [[family_questions]] tables, "
        'got text ("What needs to happen?")',
    ],
    "unknown_risk_kind": [
        "unknown_risk_kind.toml:24: steps[2].when_risk[2]: unknown risk kind 'domestic-violence'; "
        "expected one of domestic-abuse, forced-marriage, sexual-abuse, child-exploitation, "
        "substance-misuse, mental-health, learning-disability",
    ],
    "stop_step_with_when_risk": [
        "stop_step_with_when_risk.toml:16: steps[1].when_risk: a stop_and_check step must show on every "
        "meeting until someone has checked; when_risk would hide it where the risk screen is not done: "
        "remove when_risk",
    ],
    "risk_prompt_problems": [
        "risk_prompt_problems.toml:64: risk_prompts[2].phase: unknown phase 'information'; "
        "this guide's phases are introductions, family-time",
        "risk_prompt_problems.toml:71: risk_prompts[3].when_risk[1]: unknown risk kind 'gangs'; "
        "expected one of domestic-abuse, forced-marriage, sexual-abuse, child-exploitation, "
        "substance-misuse, mental-health, learning-disability",
    ],
    "too_many_risk_prompts": [
        "too_many_risk_prompts.toml:75: risk_prompts[4]: more than 3 prompts for 'mental-health' in phase "
        "'introductions'; a chair reads them on top of the phase's own, so keep the few that matter most",
    ],
}


def test_the_minimal_fixture_is_valid() -> None:
    guide, problems = load_guide_file(VALID, bundled=False)
    assert problems == []
    assert guide is not None
    assert guide.id == "mini"
    assert [s.id for s in guide.steps] == ["prep-consent", "follow-up-review"]
    assert guide.steps[0].days_before == 35
    assert guide.steps[0].mechanisms == ("collaboration", "trust")
    assert guide.private_phase is not None and guide.private_phase.id == "family-time"
    assert guide.review_after_days == 90
    assert guide.source == VALID
    assert guide.bundled is False


def test_there_is_a_fixture_for_every_expected_message() -> None:
    broken = {p.stem for p in FIXTURES.glob("*.toml")} - {"valid_minimal", "broken_language"}
    assert broken == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_fixture_gives_exact_messages(name: str) -> None:
    guide, problems = load_guide_file(FIXTURES / f"{name}.toml", bundled=False)
    assert guide is None
    assert [str(p) for p in problems] == EXPECTED[name]
    for problem in problems:
        assert problem.file == FIXTURES / f"{name}.toml"


def test_problem_without_a_line_omits_it() -> None:
    problem = GuideProblem(Path("/x/fgc.toml"), "steps[3].stage", None, "unknown stage 'prep'")
    assert str(problem) == "fgc.toml: steps[3].stage: unknown stage 'prep'"
    assert str(GuideProblem(Path("a.toml"), "", 4, "bad")) == "a.toml:4: bad"


def test_many_problems_are_all_reported_at_once(tmp_path: Path) -> None:
    text = VALID.read_text()
    text = text.replace('stage = "follow_up"', 'stage = "later"')
    text = text.replace('mechanism = "trust"', 'mechanism = "hope"', 1)
    text = text.replace('version = "1.0"', "version = 1.0")
    path = tmp_path / "several.toml"
    path.write_text(text)
    guide, problems = load_guide_file(path, bundled=False)
    assert guide is None
    assert [str(p) for p in problems] == [
        'several.toml:5: guide.version: expected a version in quotes, such as "1.0", '
        "got a decimal number (1.0)",
        "several.toml:20: steps[2].stage: unknown stage 'later'; "
        "expected one of preparation, meeting, family_time, follow_up",
        "several.toml:33: phases[1].prompts[1].mechanism: unknown mechanism 'hope'; "
        "expected one of collaboration, trust, participation, child",
    ]


def test_a_wrong_choice_typed_over_several_lines_is_named_on_one_line(tmp_path: Path) -> None:
    """Found by the mutation test: a value with a line break put a raw line break in the message."""
    text = VALID.read_text().replace('mechanism = "trust"', 'mechanism = """tr\nust"""', 1)
    path = tmp_path / "broken.toml"
    path.write_text(text)
    _guide, problems = load_guide_file(path, bundled=False)
    (problem,) = [str(p) for p in problems]
    assert "unknown mechanism 'tr ust'" in problem and "\n" not in problem


def test_missing_top_level_tables(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_text("# nothing here yet\n")
    guide, problems = load_guide_file(path, bundled=False)
    assert guide is None
    assert [str(p) for p in problems] == [
        "empty.toml: missing required key 'guide': expected a [guide] table",
        "empty.toml: missing required key 'steps': expected [[steps]] tables",
        "empty.toml: missing required key 'phases': expected [[phases]] tables",
    ]


def test_two_private_phases(tmp_path: Path) -> None:
    text = VALID.read_text().replace("minutes = 15\n", "minutes = 15\nprivate = true\n")
    path = tmp_path / "two.toml"
    path.write_text(text)
    _, problems = load_guide_file(path, bundled=False)
    assert [str(p) for p in problems] == [
        "two.toml:43: phases[2].private: only one phase can be private family time (private = true)"
    ]


def test_byte_order_mark_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.read_bytes())
    guide, problems = load_guide_file(path, bundled=False)
    assert problems == []
    assert guide is not None and guide.id == "mini"


def test_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(VALID.read_bytes().replace(b"Minimal", b"Minimal \xe9"))
    guide, problems = load_guide_file(path, bundled=False)
    assert guide is None
    assert len(problems) == 1
    assert str(problems[0]).startswith("latin1.toml: file is not UTF-8 text (unexpected byte at position ")
    assert str(problems[0]).endswith("save it as UTF-8")


def test_file_over_one_megabyte(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(VALID.read_bytes() + b"#" * MAX_FILE_BYTES)
    guide, problems = load_guide_file(path, bundled=False)
    assert guide is None
    assert [str(p) for p in problems] == [
        "huge.toml: file is larger than 1 MB; a guide file should be a short text file"
    ]


def test_deep_nesting_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 50_000 + "]" * 50_000 + "\n")
    guide, problems = load_guide_file(path, bundled=False)
    assert guide is None
    assert len(problems) >= 1
    assert all(p.file == path for p in problems)


def test_unreadable_path_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    guide, problems = load_guide_file(folder, bundled=False)
    assert guide is None
    assert str(problems[0]).startswith("folder.toml: could not read the file: ")


def test_text_is_folded_onto_one_line(tmp_path: Path) -> None:
    text = VALID.read_text().replace('why = "Consent comes first."', 'why = """Consent comes\n   first."""')
    path = tmp_path / "wrapped.toml"
    path.write_text(text)
    guide, problems = load_guide_file(path, bundled=False)
    assert problems == []
    assert guide is not None and guide.steps[0].why == "Consent comes first."


# ------------------------------------------------------------------ language files


def test_broken_language_file_keeps_the_good_hints() -> None:
    hints, problems = load_language_hints(FIXTURES / "broken_language.toml")
    assert [h.phrase for h in hints] == ["failed to engage", "LAC"]
    assert [str(p) for p in problems] == [
        "broken_language.toml:12: hints[2].category: unknown category 'rude'; "
        "expected one of blaming, stigmatising, excluding, jargon",
        "broken_language.toml:15: hints[3]: missing required key 'alternatives': "
        "expected a list of plainer alternatives in quotes",
        "broken_language.toml:21: hints[4].phrase: 'Failed-to engage' is already listed at hints[1]",
        "broken_language.toml:28: hints[5].colour: unknown key; allowed keys are alternatives, "
        "category, not_matching, not_near, phrase, variants, when_near, when_risk, why",
    ]


# ------------------------------------------------------------------ line finding


def test_locator_finds_keys_in_the_right_block() -> None:
    locator = Locator(VALID.read_text())
    assert locator.line_for(("guide", "kinds")) == 6
    assert locator.line_for(("steps", 1, "why")) == 24
    assert locator.line_for(("steps", 1)) == 18
    assert locator.line_for(("phases", 1, "prompts", 1, "mechanism")) == 48
    assert locator.line_for(("phases", 0, "prompts", 0)) == 31
    assert locator.line_for(("follow_up_prompts", 0, "text")) == 54
    assert locator.line_for(("steps", 7, "why")) is None
    assert locator.line_for(("nothing",)) is None


def test_locator_ignores_headers_inside_multiline_strings() -> None:
    text = '[guide]\nsummary = """\n[[steps]]\n"""\n\n[[steps]]\nid = "a"\n'
    assert Locator(text).line_for(("steps", 0, "id")) == 7


def test_format_key_counts_from_one() -> None:
    assert format_key(("steps", 2, "mechanisms", 0)) == "steps[3].mechanisms[1]"
    assert format_key(()) == ""


# ------------------------------------------------------------------ never crashes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_guides_never_raise(tmp_path: Path, data: st.DataObject) -> None:
    original = VALID.read_bytes()
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, min(len(original), start + 40)))
    insert = data.draw(
        st.one_of(
            st.binary(max_size=20),
            st.sampled_from([b"[[steps]]\n", b"= 1", b'"', b"[", b"]]", b"true", b"-1", b"\n[guide]\n"]),
        )
    )
    path = tmp_path / "mutated.toml"
    path.write_bytes(original[:start] + insert + original[end:])
    guide, problems = load_guide_file(path, bundled=False)
    assert (guide is None) == bool(problems)
    for problem in problems:
        assert str(problem).startswith("mutated.toml")
        assert "\n" not in str(problem).replace("\\n", "")


def test_absurdly_dotted_keys_are_refused_quickly(tmp_path: Path) -> None:
    """tomllib is quadratic in dotted key parts: a 1 MB key must not freeze the app."""
    import time

    path = tmp_path / "dots.toml"
    path.write_text("[guide]\n" + "a" + ".a" * 400_000 + " = 1\n")
    started = time.process_time()
    guide, problems = load_guide_file(path, bundled=False)
    assert time.process_time() - started < 2.0
    assert guide is None
    assert [str(p) for p in problems] == [
        "dots.toml:2: a key or table name has more than 32 dotted parts; guide keys need at most two"
    ]


def test_many_dots_inside_text_are_fine(tmp_path: Path) -> None:
    text = (
        VALID.read_text()
        .replace('why = "Consent comes first."', 'why = "Consent comes first' + "." * 60 + '"')
        .replace('summary = "A small guide used by the tests."', 'summary = """A. b.\n' + ". " * 50 + '"""')
    )
    path = tmp_path / "dotty.toml"
    path.write_text(text)
    guide, problems = load_guide_file(path, bundled=False)
    assert problems == []
    assert guide is not None and guide.steps[0].why.endswith("." * 60)
