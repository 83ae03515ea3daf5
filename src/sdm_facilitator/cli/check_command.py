"""``sdm-facilitator check ID``: what needs a look before the day, or before a paper goes out.

One line per finding, so it reads at a glance and greps well:

* ``stop:`` every stop-and-check blocker of readiness (always listed; the
  risk screen's missing specialist advice is one of these);
* ``check:`` every open readiness item of kind "check" (consent, people,
  the family's choices, children's participation: the things a coordinator
  confirms, not to-dos with a date);
* ``overdue:`` any other readiness item past its date (a step, a report to
  share, an action, the review);
* ``plan:`` every finding of the plan safety check.

Steps, reports and actions that are not yet due are left out: they are the
readiness panel's to-do list, not something to look at before a paper goes out.
Findings never change the exit code: it is 0 whenever the meeting could be
read, and non-zero only for an error (an unknown id, a store that cannot be
opened), with one line on stderr like every other command.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date

from sdm_facilitator.cli.context import CliContext
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.plan_check_words import PlanCheckWords
from sdm_facilitator.domain.readiness import SECTION_PLAN, ReadinessItem, readiness
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.guides.loader import GuideLibrary


@dataclass(frozen=True)
class CheckLine:
    """One thing that needs a look: its kind (stop, check, overdue, plan), words, section and reference."""

    kind: str
    text: str
    section: str
    ref: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "text": self.text, "section": self.section, "ref": self.ref}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``check`` subcommand."""
    check = subparsers.add_parser(
        "check",
        help="list what needs a look before the day or before a paper goes out",
        description=(
            "List, one line each, every stop-and-check item, every open check and overdue item of "
            "readiness, and every finding of the plan safety check (stop:, check:, overdue:, plan:). "
            "Findings are for the coordinator: the exit code is 0 whenever the meeting could be read."
        ),
    )
    check.add_argument("id", help="the meeting id (see list)")
    check.add_argument("--json", action="store_true", help="print a JSON list of {kind, text, section, ref}")
    check.set_defaults(handler=run_check)


def _readiness_kind(item: ReadinessItem, blockers: list[ReadinessItem]) -> str | None:
    """The line kind for a readiness item, or None when it is not listed.

    Blockers are whatever readiness counts as one (``Readiness.blockers``), so
    a new kind of blocker (the risk screen's missing advice) is listed without
    a change here.
    """
    if any(item is blocker for blocker in blockers):
        return "stop"
    if item.overdue:
        return "overdue"
    if item.kind == "check":
        return "check"
    return None


def check_lines(meeting: Meeting, library: GuideLibrary, today: date) -> list[CheckLine]:
    """Everything ``check`` lists for ``meeting``: readiness first (blockers first), then the plan."""

    lines: list[CheckLine] = []
    # What the chosen jurisdiction profile's law asks of the record (said to be missing where it gives nothing).
    ready = readiness(meeting, library.get(meeting.guide_id), today, library.profile_law())
    blockers = ready.blockers
    for item in ready.items:
        kind = _readiness_kind(item, blockers)
        if kind is not None:
            lines.append(CheckLine(kind, item.text, item.section, item.ref))
    lines += plan_lines(meeting, library.plan_check_words)
    return lines


def plan_lines(meeting: Meeting, words: PlanCheckWords) -> list[CheckLine]:
    """The plan safety check's findings as lines; ref is the action's id, or the part of the plan."""
    from sdm_facilitator.domain.plan_safety import plan_findings

    return [
        CheckLine(
            "plan",
            finding.text,
            SECTION_PLAN,
            finding.ref or ("" if finding.where == "plan" else finding.where),
        )
        for finding in plan_findings(meeting, words)
    ]


def run_check(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.cli.meeting_commands import load_guides, load_meeting_or_fail

    meeting = load_meeting_or_fail(ctx, args.id)
    library = load_guides(ctx)
    for problem in library.plan_check_problems[:1]:
        print(
            f"sdm-facilitator: note: the plan safety check's words could not all be used: {one_line(str(problem))}",
            file=ctx.err,
        )
    lines = check_lines(meeting, library, date.today())
    if args.json:
        from sdm_facilitator.export.json_export import to_json

        print(to_json([line.as_dict() for line in lines]), file=ctx.out)
        return 0
    if not lines:
        print(
            "Nothing needs a look: no stop-and-check items, open checks or overdue items, and no plan findings.",
            file=ctx.out,
        )
    for line in lines:
        print(f"{line.kind}: {one_line(line.text)}", file=ctx.out)
    return 0
