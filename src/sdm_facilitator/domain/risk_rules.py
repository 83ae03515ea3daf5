"""The risk screen's rules: what it still needs, what blocks the meeting, and which conditions are met.

Pure Python over ``domain.risks``, so readiness, the risk screen section, the
Steps section and the command line all ask the same questions and agree.

The rules, decided here and tested in ``tests/domain/test_risk_rules.py``:

* **Screened.** Each of the eight kinds is screened once it has an entry
  (whatever its status). A kind with no entry is a gap; a meeting with no
  entry at all shows one item, "Risk screen not done", not eight.
* **Advice.** A risk present or not known needs specialist advice. Advice is
  *recorded* with who gave it, when and what it was (``RiskAdvice.recorded``)
  and *complete* when, besides, "go ahead with conditions" lists at least one
  condition and "do not go ahead" says what happens instead. Until it is
  complete the meeting waits (a blocker); no key press stands in for it.
* **Do not go ahead.** Complete advice not to go ahead is a blocker for as long
  as it stands: the meeting should not happen; it says what happens instead.
* **Conditions.** Each condition of advice to go ahead becomes a check that
  ticks from the record where the record can show it:
  ``not-in-room`` is met when every person it names (or, when it names nobody,
  every person thought to cause harm) is not invited or has declined, or,
  once attendance on the day is recorded, is recorded absent; a person no
  longer on the people list, or nobody named at all, leaves it unmet.
  ``no-address-on-papers`` is met by the app itself: papers for the family
  leave out the addresses of people at risk. ``separate-arrival``,
  ``safe-contact``, ``family-time-check-in`` and ``other`` are met only when
  the coordinator ticks them (``met = true``): only a person can know.
* **Record problems** (in plain words, never a crash): kind "other" present
  or not known without a name ("other" screened not present means no other
  harm was found, and needs none), people at risk or causing harm who are no longer on the people list.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdm_facilitator.domain.labels import CONDITION_KIND_LABELS, RISK_KIND_LABELS
from sdm_facilitator.domain.meeting import Meeting, Person
from sdm_facilitator.domain.risks import RISK_KINDS, AdviceCondition, Risk, RiskAdvice
from sdm_facilitator.domain.safe_text import one_line

#: Conditions only a person can say are met (the coordinator ticks them).
TICKED_BY_HAND: tuple[str, ...] = ("separate-arrival", "safe-contact", "family-time-check-in", "other")

#: Said wherever the app itself meets the "no address on papers" condition.
APP_LEAVES_OUT_ADDRESSES = "Met by the app: papers for the family leave out the addresses of people at risk."

_NOT_THERE = ("not-invited", "declined")


def risk_title(risk: Risk) -> str:
    """The harm in words: the kind's label, or the coordinator's own name for "other"."""
    if risk.kind == "other":
        if risk.status == "not-present" and not risk.name.strip():
            return "Any other harm"
        return one_line(risk.name.strip(), 40) or "Another risk (not named yet)"
    return RISK_KIND_LABELS.get(risk.kind, risk.kind)


def risks_of_kind(meeting: Meeting, kind: str) -> list[Risk]:
    """Every entry of ``kind`` (usually one; "other" may have several)."""
    return [risk for risk in meeting.risks if risk.kind == kind]


def unscreened_kinds(meeting: Meeting) -> list[str]:
    """The kinds with no entry yet, in the screen's order."""
    screened = {risk.kind for risk in meeting.risks}
    return [kind for kind in RISK_KINDS if kind not in screened]


def screen_gap_words(meeting: Meeting) -> str | None:
    """One open item for the kinds not screened yet, or None when every kind has an entry."""
    gaps = unscreened_kinds(meeting)
    if not gaps:
        return None
    if len(gaps) == len(RISK_KINDS):
        return "Risk screen not done: screen each kind of harm before the meeting"
    names = ", ".join(RISK_KIND_LABELS[k].split(" (")[0] for k in gaps)
    return f"Risk screen not finished: not screened yet: {names}"


def advice_gap(advice: RiskAdvice) -> str | None:
    """What the advice record still lacks, in words, or None when it is complete."""
    missing = []
    if not advice.by.strip():
        missing.append("who advised")
    if advice.on is None:
        missing.append("when")
    if advice.outcome is None:
        missing.append("what they advised")
    if missing:
        return "record " + _and(missing)
    if advice.outcome == "go-ahead-with-conditions" and not advice.conditions:
        return "the advice is to go ahead with conditions: list at least one condition"
    if advice.outcome == "do-not-go-ahead" and not advice.instead.strip():
        return "the advice is not to go ahead: record what happens instead"
    return None


def advice_complete(advice: RiskAdvice) -> bool:
    """Recorded (by, on, outcome) and, where the outcome needs them, its conditions or what happens instead."""
    return advice.recorded and advice_gap(advice) is None


def waits_for_advice(risk: Risk) -> bool:
    """Present or not known, and the advice is not complete: the meeting waits."""
    return risk.needs_advice and not advice_complete(risk.advice)


def advised_not_to_go_ahead(risk: Risk) -> bool:
    """Complete advice says the meeting must not go ahead."""
    return risk.needs_advice and advice_complete(risk.advice) and risk.advice.outcome == "do-not-go-ahead"


def kind_cleared(meeting: Meeting, kind: str) -> bool:
    """Whether the risk screen has dealt with ``kind``: the test a stop-and-check step is done by.

    Cleared when the kind has at least one entry and every entry is screened
    not present, or present / not known with complete advice.
    """
    entries = risks_of_kind(meeting, kind)
    return bool(entries) and all(not waits_for_advice(risk) for risk in entries)


def status_words(risk: Risk) -> str:
    """Where one risk stands, in a few words for a narrow row."""
    if risk.status == "not-present":
        return "✓ not present"
    if waits_for_advice(risk):
        return "■ needs advice" if risk.status == "present" else "■ not known: advice"
    if advised_not_to_go_ahead(risk):
        return "■ do not go ahead"
    if risk.advice.outcome == "go-ahead-with-conditions":
        return "✓ go ahead, conditions"
    return "✓ go ahead"


def blocker_words(risk: Risk) -> str | None:
    """Why this risk stops the meeting going ahead, in plain words, or None."""
    title = risk_title(risk)
    if waits_for_advice(risk):
        which = "is present" if risk.status == "present" else "is not known yet"
        gap = advice_gap(risk.advice)
        if not risk.advice.recorded:
            return f"{title} {which}: record specialist advice before the meeting goes ahead"
        return f"{title} {which}: {gap}"
    if advised_not_to_go_ahead(risk):
        instead = one_line(" ".join(risk.advice.instead.split()), 100)
        return f"{title}: the specialist advised that the meeting should not go ahead. Instead: {instead}"
    return None


@dataclass(frozen=True)
class ConditionCheck:
    """Whether one condition is met, and how the app knows."""

    met: bool
    # "record" (the people list or the day), "app" (the app does it), "coordinator" (ticked by hand).
    by: str
    # Plain words on how it ticks, or what is still missing.
    says: str


def condition_people(risk: Risk, condition: AdviceCondition) -> list[str]:
    """The people a "not-in-room" condition is about: those it names, else those thought to cause harm."""
    return list(condition.people) or list(risk.causing_harm)


def _kept_out(person: Person) -> bool:
    if person.attendance is not None:
        return person.attendance == "absent"
    return person.invitation in _NOT_THERE


def check_condition(meeting: Meeting, risk: Risk, condition: AdviceCondition) -> ConditionCheck:
    """Whether ``condition`` is met, from the record where it can show it (see the module's rules)."""
    if condition.kind == "no-address-on-papers":
        return ConditionCheck(True, "app", APP_LEAVES_OUT_ADDRESSES)
    if condition.kind == "not-in-room":
        ids = condition_people(risk, condition)
        if not ids:
            return ConditionCheck(False, "record", "name who must not be in the room")
        people = {p.id: p for p in meeting.people}
        missing = [i for i in ids if i not in people]
        if missing:
            return ConditionCheck(False, "record", "someone it names is no longer on the people list")
        still = [people[i] for i in ids if not _kept_out(people[i])]
        if still:
            names = _and([p.name.strip() or "(no name yet)" for p in still])
            return ConditionCheck(
                False,
                "record",
                f"ticks when {names} is marked not invited or declined (or absent on the day)",
            )
        return ConditionCheck(True, "record", "ticked from the people list")
    if condition.met:
        return ConditionCheck(True, "coordinator", "ticked by the coordinator")
    return ConditionCheck(False, "coordinator", "tick it in the risk screen once it is arranged")


def condition_title(condition: AdviceCondition) -> str:
    """The condition in words: its kind, and what the adviser said if anything."""
    label = CONDITION_KIND_LABELS.get(condition.kind, condition.kind)
    what = " ".join(condition.what.split())
    if condition.kind == "other" and what:
        return what
    return f"{label}: {what}" if what else label


def unmet_conditions(meeting: Meeting, risk: Risk) -> list[tuple[AdviceCondition, ConditionCheck]]:
    """The conditions of complete advice to go ahead that are not met yet."""
    if not risk.needs_advice or not advice_complete(risk.advice) or advised_not_to_go_ahead(risk):
        return []
    found = []
    for condition in risk.advice.conditions:
        check = check_condition(meeting, risk, condition)
        if not check.met:
            found.append((condition, check))
    return found


def record_problems(meeting: Meeting, risk: Risk) -> list[str]:
    """What is wrong with one risk's record, in plain words (never raises)."""
    problems = []
    if risk.kind == "other" and not risk.name.strip() and risk.status != "not-present":
        problems.append("Another risk is listed without a name: say what the harm is")
    known = {p.id for p in meeting.people}
    title = risk_title(risk)
    # A child is often the one at risk: the children's list counts for "at risk" (not for "causing harm").
    if any(i not in known and meeting.child(i) is None for i in risk.at_risk):
        problems.append(f"{title}: someone named as at risk is no longer on the people or children list")
    if any(i not in known for i in risk.causing_harm):
        problems.append(f"{title}: someone named as thought to cause harm is no longer on the people list")
    return problems


def people_words(meeting: Meeting, ids: list[str]) -> str:
    """Names for person ids, a removed person said as such (never a crash)."""
    named = {p.id: p.name for p in meeting.people} | {c.id: c.name for c in meeting.children}
    names = [
        (named[i].strip() or "(no name yet)") if i in named else "(removed from the people list)" for i in ids
    ]
    return ", ".join(names) if names else "nobody named"


def _and(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
