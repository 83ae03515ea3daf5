"""The guides we ship: all valid, complete, and written for the people who read them."""

from __future__ import annotations

from collections import Counter

import pytest

from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.language import LanguageMatcher
from sdm_facilitator.domain.vocabulary import CONTEXTS, MECHANISMS, MEETING_KINDS, STAGES
from sdm_facilitator.guides.loader import (
    GuideLibrary,
    load_guide_file,
    load_language_hints,
    load_library,
)
from sdm_facilitator.guides.validate import MAX_PROMPT_CHARS
from sdm_facilitator.paths import bundled_guides_dir

BUNDLED_IDS = {"fgc", "cp-conference", "cin-family-unity", "family-unity", "review"}

# Minimum number of steps per (stage, mechanism) cell, for every context a
# guide serves. Preparation and follow-up need at least two per adult
# mechanism; the meeting and family time need at least one per mechanism;
# children's participation needs a step at every stage.
MINIMUMS: dict[tuple[str, str], int] = {}
for _stage in STAGES:
    for _mechanism in MECHANISMS:
        if _mechanism == "child":
            MINIMUMS[(_stage, _mechanism)] = 1
        elif _stage in ("preparation", "follow_up"):
            MINIMUMS[(_stage, _mechanism)] = 2
        else:
            MINIMUMS[(_stage, _mechanism)] = 1


@pytest.fixture(scope="module")
def library() -> GuideLibrary:
    return load_library(None)


def guide_contexts(guide: Guide) -> set[str]:
    return {c for step in guide.steps for c in step.contexts}


def test_bundled_guides_folder_has_the_five_guides_and_the_data_files_beside_them() -> None:
    names = {p.name for p in bundled_guides_dir().glob("*.toml")}
    assert names == {
        "fgc.toml",
        "cp-conference.toml",
        "cin-family-unity.toml",
        "family-unity.toml",
        "review.toml",
        "language.toml",
        "plan-checks.toml",
        "terms.toml",
        "conference-wording.toml",
        "child-plan-wording.toml",
        "network-finding.toml",
        "risk-warnings.toml",
    }


@pytest.mark.parametrize("name", ["fgc", "cp-conference", "cin-family-unity", "family-unity", "review"])
def test_each_bundled_guide_validates(name: str) -> None:
    guide, problems = load_guide_file(bundled_guides_dir() / f"{name}.toml", bundled=True)
    assert problems == []
    assert guide is not None
    assert guide.id == name
    assert guide.bundled


def test_library_loads_every_bundled_guide_with_nothing_unusable(library: GuideLibrary) -> None:
    assert set(library.guides) == BUNDLED_IDS
    assert library.unusable == {}
    assert library.overridden == {}
    assert library.language_problems == []
    assert library.notices() == []


def test_every_meeting_kind_has_a_guide(library: GuideLibrary) -> None:
    expected = {
        "fgc": "fgc",
        "fgdm": "fgc",
        "cp-conference": "cp-conference",
        "cin-meeting": "cin-family-unity",
        "family-unity": "family-unity",
        "review": "review",
    }
    assert set(expected) == set(MEETING_KINDS)
    for kind, guide_id in expected.items():
        guide = library.for_kind(kind)
        assert guide is not None and guide.id == guide_id, kind


def test_contexts_follow_the_research(library: GuideLibrary) -> None:
    assert guide_contexts(library.guides["cp-conference"]) == {"statutory"}
    assert guide_contexts(library.guides["cin-family-unity"]) == {"voluntary"}
    assert guide_contexts(library.guides["fgc"]) == set(CONTEXTS)
    assert guide_contexts(library.guides["review"]) == set(CONTEXTS)
    # Family unity meetings are used in statutory child welfare too.
    assert guide_contexts(library.guides["family-unity"]) == set(CONTEXTS)


def coverage(guide: Guide, context: str) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for step in guide.steps:
        if context in step.contexts:
            for mechanism in step.mechanisms:
                counts[(step.stage, mechanism)] += 1
    return counts


def coverage_gaps(guide: Guide) -> list[str]:
    """Cells below their minimum; a guide without private family time has no family-time cells."""
    gaps = []
    for context in sorted(guide_contexts(guide)):
        counts = coverage(guide, context)
        for (stage, mechanism), minimum in MINIMUMS.items():
            if stage == "family_time" and not guide.private_family_time:
                if counts[(stage, mechanism)]:
                    gaps.append(f"{guide.id} ({context}): has family_time steps but no private family time")
                continue
            if counts[(stage, mechanism)] < minimum:
                gaps.append(
                    f"{guide.id} ({context}): {stage} x {mechanism} has "
                    f"{counts[(stage, mechanism)]} step(s), needs {minimum}"
                )
    return gaps


@pytest.mark.parametrize("guide_id", sorted(BUNDLED_IDS))
def test_every_stage_and_mechanism_is_covered(library: GuideLibrary, guide_id: str) -> None:
    assert coverage_gaps(library.guides[guide_id]) == []


def test_family_unity_has_no_private_family_time_and_says_the_facilitator_stays(
    library: GuideLibrary,
) -> None:
    guide = library.guides["family-unity"]
    assert guide.private_family_time is False
    assert guide.private_phase is None
    assert not guide.steps_for("family_time")
    assert "facilitator stays" in guide.facilitator_note
    assert [p.id for p in guide.phases] == ["welcome", "concerns", "strengths", "options", "plan"]
    assert guide.step("fum-meet-facilitator-present") is not None
    # Every other bundled guide keeps its private family time and needs no such note.
    for other in library.guides.values():
        if other.id != "family-unity":
            assert (
                other.private_family_time and other.private_phase is not None and not other.facilitator_note
            )


def test_coverage_check_flags_family_time_steps_in_a_guide_without_it(library: GuideLibrary) -> None:
    import dataclasses

    fgc = library.guides["fgc"]
    broken = dataclasses.replace(library.guides["family-unity"], steps=fgc.steps)
    assert any("has family_time steps but no private family time" in gap for gap in coverage_gaps(broken))


def test_coverage_check_fails_when_a_cell_drops_below_its_minimum(library: GuideLibrary) -> None:
    """The coverage check itself must be able to fail."""
    import dataclasses

    guide = library.guides["fgc"]
    without_child_follow_up = dataclasses.replace(
        guide,
        steps=tuple(s for s in guide.steps if not (s.stage == "follow_up" and "child" in s.mechanisms)),
    )
    gaps = coverage_gaps(without_child_follow_up)
    assert "fgc (statutory): follow_up x child has 0 step(s), needs 1" in gaps
    assert "fgc (voluntary): follow_up x child has 0 step(s), needs 1" in gaps
    trust_prep = [s for s in guide.steps if s.stage == "preparation" and "trust" in s.mechanisms]
    thin = dataclasses.replace(guide, steps=tuple(s for s in guide.steps if s not in trust_prep[1:]))
    assert any("preparation x trust has 1 step(s), needs 2" in gap for gap in coverage_gaps(thin))


def test_statutory_and_voluntary_differ_where_the_research_says(library: GuideLibrary) -> None:
    fgc = library.guides["fgc"]
    statutory_only = {s.id for s in fgc.steps if s.contexts == ("statutory",)}
    voluntary_only = {s.id for s in fgc.steps if s.contexts == ("voluntary",)}
    # More time to build trust, more care with information, legal advice.
    assert {"prep-statutory-extra-time", "prep-sensitive-information", "prep-legal-advice"} <= statutory_only
    assert "prep-independent-advice" in voluntary_only
    for step_id in ("prep-statutory-extra-time", "prep-sensitive-information"):
        assert "trust" in fgc.step(step_id).mechanisms


def test_fgc_holds_the_content_the_issue_asks_for(library: GuideLibrary) -> None:
    fgc = library.guides["fgc"]
    assert fgc.kinds == ("fgc", "fgdm")
    for step_id in (
        "prep-referral-consent",
        "prep-bottom-lines",
        "prep-independent-coordinator",
        "prep-each-participant",
        "prep-professionals",
        "prep-family-decides-who-is-family",
        "prep-family-chooses-arrangements",
        "prep-information-before-the-day",
        "prep-legal-advice",
        "prep-child-advocate",
        "fu-named-people",
        "fu-review-meeting",
        "fu-earlier-review",
    ):
        assert fgc.step(step_id) is not None, step_id
    assert [p.id for p in fgc.phases] == [
        "introductions",
        "information",
        "private-family-time",
        "family-plan",
        "agreement",
    ]
    assert fgc.private_phase is not None and fgc.private_phase.id == "private-family-time"
    assert fgc.step("fu-review-meeting").days_after == 90  # about three months on
    assert "bottom line" in fgc.step("prep-bottom-lines").why


def test_cp_conference_holds_the_content_the_issue_asks_for(library: GuideLibrary) -> None:
    cp = library.guides["cp-conference"]
    for step_id in (
        "cp-prep-share-reports",
        "cp-prep-chair-meets-child",
        "cp-meet-three-columns",
        "cp-meet-scale",
        "cp-ft-time-alone",
    ):
        assert cp.step(step_id) is not None, step_id
    prompts = " ".join(p.text for phase in cp.phases for p in phase.prompts)
    assert "0 to 10" in prompts
    assert "what is working well" in prompts
    assert cp.private_phase is not None


def test_review_holds_the_content_the_issue_asks_for(library: GuideLibrary) -> None:
    review = library.guides["review"]
    text = " ".join(f"{s.title} {s.why}" for s in review.steps).lower()
    for phrase in ("without blame", "promised", "ups and downs", "change the plan"):
        assert phrase in text, phrase


@pytest.mark.parametrize("guide_id", sorted(BUNDLED_IDS))
def test_guides_are_readable_at_a_glance(library: GuideLibrary, guide_id: str) -> None:
    guide = library.guides[guide_id]
    # A child protection conference follows the statutory order: seven parts, and family time if offered.
    most = 8 if "cp-conference" in guide.kinds else 6
    assert 4 <= len(guide.phases) <= most
    assert sum(p.private for p in guide.phases) == (1 if guide.private_family_time else 0)
    for phase in guide.phases:
        assert 2 <= len(phase.prompts) <= 5
        assert all(len(p.text) <= MAX_PROMPT_CHARS for p in phase.prompts)
    prep_steps = guide.steps_for("preparation")
    with_timing = [s for s in prep_steps if s.days_before is not None]
    assert len(with_timing) >= 0.8 * len(prep_steps)
    for step in guide.steps:
        # A "why" of one to three sentences a busy worker will read.
        sentences = [s for s in step.why.replace("?", ".").split(". ") if s.strip()]
        assert 1 <= len(sentences) <= 3, step.id
        assert len(step.why) <= 420, step.id
        assert len(step.title) <= 80, step.id
    assert len(guide.family_questions) >= 5
    assert len(guide.follow_up_prompts) >= 4
    assert {p.mechanism for p in guide.follow_up_prompts} >= {"trust", "participation", "child"}


def test_family_questions_use_no_jargon_or_blaming_words(library: GuideLibrary) -> None:
    matcher = LanguageMatcher(library.language_hints)
    found = []
    for guide in library.guides.values():
        for question in guide.family_questions:
            for match in matcher.find(f"{question.text} {question.hint}"):
                found.append((guide.id, question.text, match.text))
    assert found == []


def test_language_file_has_at_least_40_hints_in_every_category() -> None:
    hints, problems = load_language_hints(bundled_guides_dir() / "language.toml")
    assert problems == []
    assert len(hints) >= 40
    categories = Counter(h.category for h in hints)
    assert set(categories) == {"blaming", "stigmatising", "excluding", "jargon"}
    phrases = {h.phrase for h in hints}
    assert {"failed to engage", "non-compliant", "hard to reach", "LAC"} <= phrases
    assert all(h.alternatives and h.why for h in hints)


def test_the_conference_follows_the_statutory_order(library: GuideLibrary) -> None:
    """Reports and views, the family's contribution, the agencies' views, the decision, the plan, the dates."""
    guide = library.guides["cp-conference"]
    assert [p.id for p in guide.phases] == [
        "welcome",
        "information",
        "contributions",
        "agency-views",
        "decision",
        "family-time",
        "decision-plan",
        "next-steps",
    ]
    asked = "What do you want everyone to know before a decision is made?"
    contribution = next(p for p in guide.phases if p.id == "contributions")
    assert any(asked.lower() in prompt.text.lower() for prompt in contribution.prompts)
    # Family time comes after the decision, for the outline plan: its questions do not ask about the decision.
    assert not any("before a decision" in q.text for q in guide.family_questions)
    private = [p.id for p in guide.phases if p.private]
    assert private == ["family-time"]
    ids = [p.id for p in guide.phases]
    assert ids.index("decision") < ids.index("family-time") < ids.index("decision-plan")


def test_every_bundled_guide_words_the_scale_question_once_and_the_same() -> None:
    from sdm_facilitator.domain.guide import scale_question
    from sdm_facilitator.guides.loader import load_library

    library = load_library(None)
    assert len(library.guides) >= 5
    questions = {scale_question(g) for g in library.guides.values()}
    assert len(questions) == 1
    (question,) = questions
    assert "0 to 10" in question and "step back" in question
