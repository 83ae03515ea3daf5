"""The plan safety check: who carries the risk in the family's plan, read against the risk screen.

Warnings for the coordinator, never blocks, and never a change to the family's
words: each finding says in plain words which people and which words in the
plan made it, so the coordinator can take it back to the family or the
adviser. Trigger words come from ``guides/plan-checks.toml``
(``PlanCheckWords``), so an organisation can adapt them.

A risk "not known yet" is checked as if it were present, and the finding says
so: the screen not being finished is no reason to send a plan that puts the
burden on the person at risk.

How each rule reads the plan (people are found by ``plan_names``):

* **Who acts.** In an action, the people named in "who"; when "who" names
  nobody, the first person named in "what". In the contingency, each sentence
  is read without its condition ("If Mark can't leave, Kerry takes the
  children" is Kerry acting): the first person named, not as a possessive
  ("Sue's" is a place), is the one who acts.
* **Domestic abuse.** (1) The person at risk is the only one acting in the
  contingency, or in an action with a safety word ("safe", "leave", "police").
  (2) The person thought to cause harm acts as a carer or contact for the
  children: a carer role ("babysit", "emergency contact"), or a caring word
  ("look after", "pick up") with a child named in the same words; or they are
  the one keeping an eye on the plan. (3) An action (or a contingency
  sentence) relies on that person keeping away ("stay away", "go to his") and
  names nobody else: no other person in it and no help from anyone.
* **Parental substance misuse.** (1) No action or contingency mentions a
  relapse ("drinking again", "using again"). (2) No action or contingency
  sentence names an adult from the family network (not a child, not a
  professional, not the person whose use is the worry) with a sober word
  ("sober", "not drinking", "in charge") and an every-night word ("every
  night", "overnight"): one night of the week does not cover each night.
* **Child exploitation.** No action or contingency names anyone outside the
  household (school, youth worker, police...), in its words or through a
  person whose relationship is such a role.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sdm_facilitator.domain.labels import RISK_KIND_LABELS
from sdm_facilitator.domain.meeting import Action, Meeting
from sdm_facilitator.domain.plan_check_words import PlanCheckWords
from sdm_facilitator.domain.plan_names import FoldedText, Mention, PeopleNames, Phrases, fold, people_in
from sdm_facilitator.domain.risks import Risk
from sdm_facilitator.domain.safe_text import one_line

#: The risks the plan is checked against, in the order findings are listed.
CHECKED_KINDS: tuple[str, ...] = ("domestic-abuse", "substance-misuse", "child-exploitation")

#: The risks' names where there is room for one line only.
_SHORT_LABELS: dict[str, str] = {
    "domestic-abuse": "Domestic abuse",
    "substance-misuse": "Drink or drugs",
    "child-exploitation": "Exploitation",
}

#: Longest quote of the family's words inside a finding.
_QUOTE = 70
_SENTENCE_END = re.compile(r"[.;!?\n]+")


@dataclass(frozen=True)
class PlanFinding:
    """One warning about the plan, in plain words, and the part of the plan it is about."""

    risk_kind: str
    #: A stable name for the rule, for tests and for anyone counting findings.
    rule: str
    text: str
    #: "contingency", "action", "family-keeper" or "plan" (the plan as a whole).
    where: str
    #: The action's id, for a finding about one action.
    ref: str = ""
    #: The finding in a few words, for a place with room for one line (the export dialog).
    short: str = ""


@dataclass(frozen=True)
class _Screen:
    """The risks of one kind merged: everyone at risk, everyone thought to cause harm."""

    kind: str
    at_risk: frozenset[str]
    causing_harm: frozenset[str]
    known: bool

    def prefix(self) -> str:
        label = RISK_KIND_LABELS.get(self.kind, self.kind)
        return label if self.known else f"{label} (not known yet, so checked as if present)"

    def short(self, words: str) -> str:
        label = _SHORT_LABELS.get(self.kind, self.kind)
        return f"{label}{'' if self.known else ' (not known yet)'}: {words}"


@dataclass(frozen=True)
class _Part:
    """One piece of the plan that can name people: a contingency sentence or an action."""

    where: str
    ref: str
    label: str
    quote: str
    #: The words read for "who acts", and the people in them (in order, not as possessives).
    actors: tuple[str, ...]
    actor_words: tuple[str, ...]
    #: Every text of the part, folded, as (text, start, end), and every person named in it.
    spans: tuple[tuple[FoldedText, int, int], ...]
    acting: tuple[FoldedText, int, int]
    mentioned: tuple[Mention, ...]
    #: Whether anyone is asked to help (an action's "help from").
    helped: bool


class _Reader:
    """The meeting's names and the compiled word lists, read once per check."""

    def __init__(self, meeting: Meeting, words: PlanCheckWords) -> None:
        self.meeting = meeting
        self.names = PeopleNames(meeting, words)
        self.conditions = Phrases(words.conditions)
        self.safety = Phrases(words.safety)
        self.carer_roles = Phrases(words.carer_roles)
        self.care_for = Phrases(words.care_for)
        self.children = Phrases(words.children)
        self.keep_away = Phrases(words.keep_away)
        self.relapse = Phrases(words.relapse)
        self.sober = Phrases(words.sober)
        self.nights = Phrases(words.nights)
        self.outside = Phrases(words.outside_household)

    def acting_span(self, folded: FoldedText, start: int, end: int) -> tuple[int, int]:
        """The part of a sentence that says what happens, without its condition.

        "If Mark can't leave, Kerry takes..." acts after the comma (or "then");
        "Kerry takes the children to Sue's if Mark can't leave" acts before "if".
        """
        text = folded.text
        lead = start + len(text[start:end]) - len(text[start:end].lstrip(" \"'(“"))
        first = self.conditions.first(folded, start, end)
        if first is None:
            return start, end
        cond_start, cond_end = first
        if cond_start == lead:
            rest = text[cond_end:end]
            split = re.search(r",|\bthen\b", rest)
            return (cond_end + split.end(), end) if split else (start, end)
        return start, cond_start

    def parts(self) -> Iterator[_Part]:
        """The contingency sentence by sentence, then each action, in plan order."""
        plan = self.meeting.plan
        folded = fold(plan.contingency)
        position = 0
        for match in [*_SENTENCE_END.finditer(folded.text), None]:
            end = match.start() if match else len(folded.text)
            if folded.text[position:end].strip():
                start, stop = self.acting_span(folded, position, end)
                acting_mentions = self.names.mentions(folded, start, stop)
                actors = people_in(acting_mentions)[:1]
                yield _Part(
                    "contingency",
                    "",
                    "the contingency",
                    folded.typed(position, end).strip(),
                    tuple(actors),
                    tuple(m.typed for m in acting_mentions if m.person_id in actors)[:1],
                    ((folded, position, end),),
                    (folded, start, stop),
                    tuple(self.names.mentions(folded, position, end)),
                    False,
                )
            position = match.end() if match else len(folded.text)
        for index, action in enumerate(plan.actions, 1):
            yield self._action_part(index, action)

    def _action_part(self, index: int, action: Action) -> _Part:
        who, what, help_from = fold(action.who), fold(action.what), fold(action.support_from)
        who_mentions = [m for m in self.names.mentions(who) if not m.possessive]
        start, stop = self.acting_span(what, 0, len(what.text))
        if who_mentions:
            actors = people_in(who_mentions)
            typed = tuple(m.typed for m in who_mentions)
        else:
            what_mentions = self.names.mentions(what, start, stop)
            actors = people_in(what_mentions)[:1]
            typed = tuple(m.typed for m in what_mentions if m.person_id in actors)[:1]
        mentioned = [*self.names.mentions(who), *self.names.mentions(what), *self.names.mentions(help_from)]
        return _Part(
            "action",
            action.id,
            f"action {index}",
            action.what.strip() or action.who.strip(),
            tuple(actors),
            typed,
            tuple((text, 0, len(text.text)) for text in (what, who, help_from)),
            (what, 0, len(what.text)),
            tuple(mentioned),
            bool(action.support_from.strip()),
        )


def _quote(text: str) -> str:
    return f"“{one_line(text.strip(), _QUOTE)}”"


def _words(found: list[str] | tuple[str, ...]) -> str:
    unique = list(dict.fromkeys(one_line(w, 30) for w in found if w.strip()))
    return ", ".join(f"“{w}”" for w in unique)


def _screens(meeting: Meeting) -> list[_Screen]:
    """One merged screen per checked kind that is present or not known."""
    screens: list[_Screen] = []
    for kind in CHECKED_KINDS:
        risks: list[Risk] = [r for r in meeting.risks if r.kind == kind and r.needs_advice]
        if not risks:
            continue
        screens.append(
            _Screen(
                kind,
                frozenset(pid for r in risks for pid in r.at_risk),
                frozenset(pid for r in risks for pid in r.causing_harm),
                any(r.status == "present" for r in risks),
            )
        )
    return screens


def plan_findings(meeting: Meeting, words: PlanCheckWords) -> list[PlanFinding]:
    """Every warning about the family's plan given the meeting's risk screen.

    Empty when no checked risk is present or not known, or when no word lists
    could be read (the guides problems say why).
    """
    if words.empty:
        return []
    screens = _screens(meeting)
    if not screens:
        return []
    reader = _Reader(meeting, words)
    parts = list(reader.parts())
    findings: list[PlanFinding] = []
    for screen in screens:
        if screen.kind == "domestic-abuse":
            findings += _domestic_abuse(reader, screen, parts)
        elif screen.kind == "substance-misuse":
            findings += _substance_misuse(reader, screen, parts)
        else:
            findings += _exploitation(reader, screen, parts)
    return findings


# ------------------------------------------------------------------ domestic abuse


def _domestic_abuse(reader: _Reader, screen: _Screen, parts: list[_Part]) -> list[PlanFinding]:
    found: list[PlanFinding] = []
    names = reader.names
    for part in parts:
        where = f"{part.label} ({_quote(part.quote)})"
        acting, start, stop = part.acting
        actors = set(part.actors)
        # (1) The person at risk is the one who must act to keep everyone safe.
        safety_words = reader.safety.find(acting, start, stop)
        if actors and actors <= screen.at_risk and (part.where == "contingency" or safety_words):
            people = " and ".join(names.name(pid) for pid in part.actors)
            found.append(
                PlanFinding(
                    screen.kind,
                    "at-risk-acts",
                    f"{screen.prefix()}: in {where}, {people}, at risk, is the one who must act "
                    f"(words: {_words([*part.actor_words, *safety_words])}). A safety plan should not "
                    "rest on the person at risk: who else acts?",
                    part.where,
                    part.ref,
                    short=screen.short(f"{part.label} rests on {people}, at risk"),
                )
            )
        harmful = [pid for pid in part.actors if pid in screen.causing_harm]
        if not harmful:
            continue
        people = " and ".join(names.name(pid) for pid in harmful)
        # (2) The person thought to cause harm cares for, or is in contact with, the children.
        care_words = _care_words(reader, acting, start, stop)
        if care_words:
            found.append(
                PlanFinding(
                    screen.kind,
                    "harm-cares",
                    f"{screen.prefix()}: {where} names {people}, thought to cause harm, to look after "
                    f"or be in contact with the children (words: {_words([*part.actor_words, *care_words])}). "
                    "Check it with the adviser before the plan goes out.",
                    part.where,
                    part.ref,
                    short=screen.short(
                        f"{part.label} has {people} caring for or in contact with the children"
                    ),
                )
            )
        # (3) The plan relies on that person keeping away, with nobody else to act or check.
        away = reader.keep_away.find(acting, start, stop)
        others = {m.person_id for m in part.mentioned if not m.possessive} - screen.causing_harm
        if away and not others and not part.helped:
            found.append(
                PlanFinding(
                    screen.kind,
                    "harm-keeps-away",
                    f"{screen.prefix()}: {where} relies on {people}, thought to cause harm, keeping away "
                    f"(words: {_words([*part.actor_words, *away])}) and names nobody else to act or check. "
                    "Who will know if it does not happen, and what will they do?",
                    part.where,
                    part.ref,
                    short=screen.short(f"{part.label} relies on {people} keeping away alone"),
                )
            )
    keeper = fold(reader.meeting.plan.family_keeper)
    keeper_mentions = [m for m in names.mentions(keeper) if not m.possessive]
    harmful_keepers = [m for m in keeper_mentions if m.person_id in screen.causing_harm]
    if harmful_keepers:
        people = " and ".join(dict.fromkeys(names.name(m.person_id) for m in harmful_keepers))
        found.append(
            PlanFinding(
                screen.kind,
                "harm-keeps-plan",
                f"{screen.prefix()}: {people}, thought to cause harm, is named to keep an eye on the plan "
                f"(words: {_words([m.typed for m in harmful_keepers])}). Someone else in the family should.",
                "family-keeper",
                short=screen.short(f"{people} (may cause harm) keeps the plan"),
            )
        )
    return found


def _care_words(reader: _Reader, folded: FoldedText, start: int, stop: int) -> list[str]:
    """Carer roles, or caring words with a child named in the same words; empty when neither."""
    roles = reader.carer_roles.find(folded, start, stop)
    if roles:
        return roles
    caring = reader.care_for.find(folded, start, stop)
    if not caring:
        return []
    children = reader.children.find(folded, start, stop)
    children += [
        m.typed for m in reader.names.mentions(folded, start, stop) if m.person_id in reader.names.child_ids
    ]
    return [*caring, *children] if children else []


# ------------------------------------------------------------------ substance misuse


def _substance_misuse(reader: _Reader, screen: _Screen, parts: list[_Part]) -> list[PlanFinding]:
    found: list[PlanFinding] = []
    if not any(reader.relapse.find(*span) for part in parts for span in part.spans):
        found.append(
            PlanFinding(
                screen.kind,
                "no-relapse-plan",
                f"{screen.prefix()}: no action or contingency says what happens if someone starts drinking "
                "or using again. Ask the family what they will do then, and who they will tell.",
                "plan",
                short=screen.short("no plan for a relapse"),
            )
        )
    if not any(_names_sober_adult(reader, screen, part) for part in parts):
        found.append(
            PlanFinding(
                screen.kind,
                "no-sober-adult",
                f"{screen.prefix()}: no action or contingency names a sober adult in charge each night "
                "(a family or network adult, with words such as “sober” or “in charge” and "
                "“every night” or “overnight”).",
                "plan",
                short=screen.short("no sober adult named for each night"),
            )
        )
    return found


def _names_sober_adult(reader: _Reader, screen: _Screen, part: _Part) -> bool:
    sober = any(reader.sober.find(*span) for span in part.spans)
    nightly = any(reader.nights.find(*span) for span in part.spans)
    if not (sober and nightly):
        return False
    people = {p.id: p for p in reader.meeting.people}
    return any(
        not m.possessive
        and m.person_id in people
        and not people[m.person_id].is_professional
        and m.person_id not in screen.causing_harm
        for m in part.mentioned
    )


# ------------------------------------------------------------------ exploitation


def _exploitation(reader: _Reader, screen: _Screen, parts: list[_Part]) -> list[PlanFinding]:
    if any(reader.outside.find(*span) for part in parts for span in part.spans):
        return []
    for part in parts:
        for mention in part.mentioned:
            if not mention.possessive and reader.outside.find(
                fold(reader.names.relationships.get(mention.person_id, ""))
            ):
                return []
    children = [child.name.strip() for child in reader.meeting.children if child.id in screen.at_risk]
    who = " and ".join(one_line(name, 30) for name in children if name) or "the child"
    return [
        PlanFinding(
            screen.kind,
            "no-outside-help",
            f"{screen.prefix()}: the plan names no one outside the household (such as school, youth work "
            f"or the police) for the places where {who} is at risk.",
            "plan",
            short=screen.short(f"nobody outside the household named for {who}"),
        )
    ]
