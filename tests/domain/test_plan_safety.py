"""The plan safety check: each rule with a plan that should warn and a close one that should not."""

from __future__ import annotations

import copy

import pytest

from sdm_facilitator.domain.meeting import Action, Child, Meeting, Person
from sdm_facilitator.domain.plan_check_words import PlanCheckWords
from sdm_facilitator.domain.plan_safety import PlanFinding, plan_findings
from sdm_facilitator.domain.risks import Risk
from support.guide_library import bundled_library

WORDS = bundled_library().plan_check_words

KERRY, MARK, SUE, PRIYA, JO = "p-kerry", "p-mark", "p-sue", "p-priya", "p-jo"
LEO, RUBY = "c-leo", "c-ruby"


def family(*risks: Risk) -> Meeting:
    """A family like the demo's Hollins: Kerry (mum), Mark (dad), Sue (aunt), two professionals."""
    m = Meeting(family_label="Test family")
    m.people = [
        Person(id=KERRY, name="Kerry Hollins", role="parent", relationship="mum"),
        Person(id=MARK, name="Mark Hollins", role="parent", relationship="dad"),
        Person(id=SUE, name="Sue Barnes", role="wider-family", relationship="aunt (mum's sister)"),
        Person(id=PRIYA, name="Priya Nair", role="professional", relationship="social worker"),
        Person(id=JO, name="Jo Price", role="professional", relationship="youth worker"),
    ]
    m.children = [Child(id=LEO, name="Leo", age=13), Child(id=RUBY, name="Ruby", age=6)]
    m.risks = list(risks)
    return m


def abuse(status: str = "present") -> Risk:
    return Risk(kind="domestic-abuse", status=status, at_risk=[KERRY], causing_harm=[MARK])


def rules_of(meeting: Meeting) -> list[str]:
    return [f.rule for f in plan_findings(meeting, WORDS)]


def only(meeting: Meeting) -> PlanFinding:
    (finding,) = plan_findings(meeting, WORDS)
    return finding


# ------------------------------------------------------------------ domestic abuse: who acts


def test_person_at_risk_acting_in_the_contingency_warns_with_names_and_words() -> None:
    m = family(abuse())
    m.plan.contingency = "If Mark can't leave, Kerry takes the children to Sue's."
    finding = only(m)
    assert finding.rule == "at-risk-acts" and finding.where == "contingency"
    assert finding.text.startswith("Domestic abuse: in the contingency")
    assert "Kerry Hollins, at risk, is the one who must act" in finding.text
    assert "“If Mark can't leave, Kerry takes the children to Sue's”" in finding.text
    assert "“Kerry”" in finding.text


def test_someone_else_acting_in_the_contingency_does_not_warn() -> None:
    m = family(abuse())
    m.plan.contingency = "If Mark can't leave, Sue comes and takes Kerry and the children to hers."
    assert rules_of(m) == []


def test_the_actor_before_a_trailing_condition_is_read() -> None:
    m = family(abuse())
    m.plan.contingency = "Mum will take the kids to her sister's if Mark won't go."
    assert rules_of(m) == ["at-risk-acts"]
    m.plan.contingency = "Sue will take the kids to hers if Mark won't go."
    assert rules_of(m) == []


def test_person_at_risk_alone_in_a_safety_action_warns() -> None:
    m = family(abuse())
    m.plan.actions = [Action(id="a-1", what="Ring the police if Mark turns up drunk", who="Kerry")]
    finding = only(m)
    assert (finding.rule, finding.where, finding.ref) == ("at-risk-acts", "action", "a-1")
    assert "action 1" in finding.text and "“police”" in finding.text


def test_safety_action_shared_with_someone_else_does_not_warn() -> None:
    m = family(abuse())
    m.plan.actions = [Action(what="Ring the police if Mark turns up drunk", who="Kerry and Sue")]
    assert rules_of(m) == []


def test_person_at_risk_in_an_action_that_is_not_about_safety_does_not_warn() -> None:
    m = family(abuse())
    m.plan.actions = [Action(what="Go to the parenting course on Tuesdays", who="Kerry")]
    assert rules_of(m) == []


# ------------------------------------------------------------------ domestic abuse: carer or contact


def test_person_causing_harm_as_a_carer_for_a_named_child_warns() -> None:
    m = family(abuse())
    m.plan.actions = [Action(id="a-2", what="Pick Leo up from football on Saturdays", who="Dad")]
    finding = only(m)
    assert finding.rule == "harm-cares" and finding.ref == "a-2"
    assert "Mark Hollins, thought to cause harm" in finding.text
    assert "“Dad”" in finding.text and "“Pick”" in finding.text and "“Leo”" in finding.text


def test_person_causing_harm_as_emergency_contact_warns() -> None:
    m = family(abuse())
    m.plan.actions = [Action(what="Mark is the school's emergency contact")]
    assert rules_of(m) == ["harm-cares"]


def test_someone_else_caring_for_the_children_does_not_warn() -> None:
    m = family(abuse())
    m.plan.actions = [Action(what="Pick Leo up from football on Saturdays", who="Sue")]
    assert rules_of(m) == []


def test_person_causing_harm_doing_something_not_about_the_children_does_not_warn() -> None:
    m = family(abuse())
    m.plan.actions = [Action(what="Pick up his tools from the garage", who="Mark")]
    assert rules_of(m) == []


def test_person_causing_harm_keeping_an_eye_on_the_plan_warns() -> None:
    m = family(abuse())
    m.plan.family_keeper = "Mark"
    assert rules_of(m) == ["harm-keeps-plan"]
    m.plan.family_keeper = "Sue Barnes (Mark's sister-in-law)"
    assert rules_of(m) == []


# ------------------------------------------------------------------ domestic abuse: keeping away


def test_plan_relying_on_the_person_causing_harm_keeping_away_alone_warns() -> None:
    m = family(abuse())
    m.plan.actions = [Action(id="a-3", what="Stay away from the house when he has been drinking", who="Mark")]
    finding = only(m)
    assert finding.rule == "harm-keeps-away" and finding.ref == "a-3"
    assert "names nobody else to act or check" in finding.text and "“Stay away”" in finding.text


def test_keeping_away_with_someone_else_checking_does_not_warn() -> None:
    m = family(abuse())
    m.plan.actions = [
        Action(what="Stay away from the house; Sue rings Kerry every evening to check", who="Mark")
    ]
    assert rules_of(m) == []
    m.plan.actions = [Action(what="Stay away from the house", who="Mark", support_from="probation, weekly")]
    assert rules_of(m) == []


def test_no_domestic_abuse_on_the_screen_means_no_warning() -> None:
    m = family(Risk(kind="domestic-abuse", status="not-present", at_risk=[KERRY], causing_harm=[MARK]))
    m.plan.contingency = "If Mark can't leave, Kerry takes the children to Sue's."
    m.plan.actions = [Action(what="Stay away from the house", who="Mark")]
    assert rules_of(m) == []


def test_not_known_counts_as_present_and_says_so() -> None:
    m = family(abuse("not-known"))
    m.plan.contingency = "If Mark can't leave, Kerry takes the children to Sue's."
    finding = only(m)
    assert finding.text.startswith("Domestic abuse (not known yet, so checked as if present): ")


# ------------------------------------------------------------------ substance misuse


def misuse(status: str = "present") -> Risk:
    return Risk(kind="substance-misuse", status=status, at_risk=[LEO, RUBY], causing_harm=[MARK])


def test_substance_misuse_without_relapse_plan_or_sober_adult_warns_twice() -> None:
    m = family(misuse())
    m.plan.actions = [Action(what="Go to the alcohol service every week", who="Mark")]
    assert rules_of(m) == ["no-relapse-plan", "no-sober-adult"]


def test_substance_misuse_with_relapse_plan_and_sober_adult_each_night_does_not_warn() -> None:
    m = family(misuse())
    m.plan.actions = [
        Action(what="Stay sober and in charge of the children every night", who="Sue"),
        Action(what="Go to the alcohol service every week", who="Mark"),
    ]
    m.plan.contingency = "If Dad starts drinking again, Sue has the children and rings Priya."
    assert rules_of(m) == []


def test_one_night_a_week_or_the_drinking_parent_is_not_a_sober_adult_each_night() -> None:
    m = family(misuse())
    m.plan.contingency = "If Dad starts drinking again, Sue has the children."
    m.plan.actions = [Action(what="Sue stays sober and has the children on Friday night")]
    assert rules_of(m) == ["no-sober-adult"]
    m.plan.actions = [Action(what="Stay sober every night", who="Mark")]
    assert rules_of(m) == ["no-sober-adult"]
    m.plan.actions = [Action(what="Stay sober every night", who="Priya Nair")]
    assert rules_of(m) == ["no-sober-adult"]


def test_relapse_plan_alone_leaves_only_the_sober_adult_warning() -> None:
    m = family(misuse("not-known"))
    m.plan.contingency = "If Mark relapses, Kerry rings Sue."
    (finding,) = plan_findings(m, WORDS)
    assert finding.rule == "no-sober-adult" and "not known yet" in finding.text


# ------------------------------------------------------------------ exploitation


def exploitation() -> Risk:
    return Risk(kind="child-exploitation", status="present", at_risk=[LEO])


def test_exploitation_with_nobody_outside_the_household_warns_naming_the_child() -> None:
    m = family(exploitation())
    m.plan.actions = [Action(what="Leo is home by 8pm every night", who="Kerry")]
    finding = only(m)
    assert finding.rule == "no-outside-help" and "places where Leo is at risk" in finding.text


def test_exploitation_with_school_named_does_not_warn() -> None:
    m = family(exploitation())
    m.plan.actions = [
        Action(what="Leo is home by 8pm", who="Kerry", support_from="School: Mr Hale checks in daily")
    ]
    assert rules_of(m) == []


def test_exploitation_with_a_youth_worker_from_the_people_list_does_not_warn() -> None:
    m = family(exploitation())
    m.plan.actions = [Action(what="Meet Leo after college on Thursdays", who="Jo")]
    assert rules_of(m) == []


# ------------------------------------------------------------------ general


def test_findings_never_change_the_plan() -> None:
    m = family(abuse(), misuse(), exploitation())
    m.plan.contingency = "If Mark can't leave, Kerry takes the children to Sue's."
    m.plan.actions = [Action(what="Stay away", who="Mark")]
    m.plan.family_keeper = "Mark"
    before = copy.deepcopy(m)
    findings = plan_findings(m, WORDS)
    assert {f.rule for f in findings} == {
        "at-risk-acts",
        "harm-keeps-away",
        "harm-keeps-plan",
        "no-relapse-plan",
        "no-sober-adult",
        "no-outside-help",
    }
    # Every finding has a one-line form too, for the export dialog.
    assert all(f.short and len(f.short) <= 66 for f in findings)
    assert m == before


def test_without_word_lists_there_are_no_findings() -> None:
    m = family(abuse())
    m.plan.contingency = "If Mark can't leave, Kerry takes the children to Sue's."
    assert plan_findings(m, PlanCheckWords()) == []


@pytest.mark.parametrize(
    "contingency",
    ["If Mark can't leave, Kerry takes the children to Sue's.", "IF MARK CAN’T LEAVE, KERRY TAKES THE KIDS."],
)
def test_case_and_curly_apostrophes_do_not_matter(contingency: str) -> None:
    m = family(abuse())
    m.plan.contingency = contingency
    assert rules_of(m) == ["at-risk-acts"]


def test_an_ambiguous_first_name_stands_for_nobody() -> None:
    m = family(abuse())
    m.people.append(Person(id="p-kerry2", name="Kerry Jones", role="wider-family", relationship="friend"))
    m.plan.contingency = "If Mark can't leave, Kerry takes the children to Sue's."
    assert rules_of(m) == []
    m.plan.contingency = "If Mark can't leave, Kerry Hollins takes the children to Sue's."
    assert rules_of(m) == ["at-risk-acts"]


def test_a_sober_adult_each_night_is_read_within_one_sentence_of_the_contingency() -> None:
    m = family(misuse())
    m.plan.actions = [Action(what="If Dad drinks again he rings Priya", who="Mark")]
    m.plan.contingency = "Sue stays sober. Mark is home every night."
    assert rules_of(m) == ["no-sober-adult"]
    m.plan.contingency = "Sue stays sober and is there every night."
    assert rules_of(m) == []
