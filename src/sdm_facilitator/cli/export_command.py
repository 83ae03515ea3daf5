"""``sdm-facilitator export``: the papers people take away, to stdout or a file.

Writing a paper records nothing about sending it: only ``--sent`` (the
coordinator saying it went out) adds it to the meeting's list of who got which
paper, with ``--to`` and ``--by`` (``domain.distribution``). Language hints
found in a family paper are listed on stderr and never stop the export.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sdm_facilitator.cli.context import CliContext, CliError
from sdm_facilitator.cli.library import guide_library
from sdm_facilitator.domain.child_plan_wording import BANDS
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.plan_check_words import PlanCheckWords
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, PAPERS, TRANSLATED_PAPERS, Exported

if TYPE_CHECKING:
    from sdm_facilitator.guides.library import GuideLibrary

_OPTION_PAPERS = {
    "include_notes": ("--include-notes", ("plan", "network")),
    "child": ("--child", ("child-plan",)),
    "band": ("--band", ("child-plan",)),
    "person": ("--person", ("invitation",)),
    "names": ("--names", ("calendar",)),
    "actions": ("--actions", ("calendar",)),
}
#: Options that only mean something with --sent.
_SENT_DETAILS = {"to": "--to", "by": "--by", "sent_on": "--sent-on"}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``export`` subcommand."""
    kinds = "; ".join(f"{kind}: {what}" for kind, what in PAPERS.items())
    export = subparsers.add_parser(
        "export",
        help="write a paper to take away: the family's plan, a child's plan, the agenda, the record, a calendar",
        description=f"Write one paper for a meeting, to stdout or to a file. Papers ({kinds}).",
    )
    export.add_argument("id", help="the meeting id (see list)")
    export.add_argument(
        "--as",
        dest="kind",
        required=True,
        choices=tuple(PAPERS),
        metavar="KIND",
        help=f"the paper: {', '.join(PAPERS)}",
    )
    export.add_argument(
        "--format",
        choices=PAPER_FORMATS,
        help="md, html or txt (default: from the file's suffix, else md); "
        "a calendar is always .ics and json always JSON",
    )
    export.add_argument(
        "--lang",
        choices=("en", "cy", "cy+en"),
        help="the paper's language: en, cy (Welsh) or cy+en (Welsh and English side by side); "
        "default: the family's language choice for the meeting. "
        f"Papers in Welsh: {', '.join(TRANSLATED_PAPERS)}",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: print to stdout)")
    export.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    export.add_argument(
        "--include-notes",
        action="store_true",
        help="plan: the professionals' version (bottom lines, reasons, progress); "
        "network: everyone, with invitations, reasons and who might be missing",
    )
    export.add_argument(
        "--child", metavar="NAME", help="child-plan: only this child (name or id); default: every child"
    )
    export.add_argument(
        "--band",
        choices=BANDS,
        help="child-plan: write it for this age band (under-8, 8-12, 13-plus); "
        "default: each child's own, from their age",
    )
    export.add_argument(
        "--person",
        metavar="NAME",
        help="invitation: only this person's (name or id); default: one a page for each person invited",
    )
    export.add_argument(
        "--names",
        action="store_true",
        help="calendar: put the family's name and the actions' words in the entries "
        "(by default they are left out: a phone calendar is seen by others)",
    )
    export.add_argument(
        "--actions", action="store_true", help="calendar: add each action's due date as an all-day entry"
    )
    _register_sent(export)
    export.set_defaults(handler=run_export)


def _register_sent(export: argparse.ArgumentParser) -> None:
    """``--sent`` and its details: writing a file never counts as sending it."""
    from sdm_facilitator.domain.distribution import SENT_HOW_CHOICES, THE_FAMILY

    export.add_argument(
        "--sent",
        action="store_true",
        help="record that this paper was sent (default: nothing is recorded; writing a file is not sending it)",
    )
    export.add_argument(
        "--to",
        metavar="WHO",
        help="with --sent: who it went to, a person's name or id from the people list or any words "
        f"(default for a family paper: the plan's family keeper, else '{THE_FAMILY}')",
    )
    export.add_argument("--by", choices=SENT_HOW_CHOICES, help="with --sent: how it went (default: email)")
    export.add_argument(
        "--sent-on",
        metavar="DATE",
        help="with --sent: the day it went, YYYY-MM-DD or 'today' (default: today)",
    )


def _check_options(args: argparse.Namespace) -> None:
    for attribute, (flag, kinds) in _OPTION_PAPERS.items():
        if getattr(args, attribute) not in (None, False) and args.kind not in kinds:
            raise CliError(f"{flag} is for --as {' or '.join(kinds)}, not --as {args.kind}")
    for attribute, flag in _SENT_DETAILS.items():
        if getattr(args, attribute) is not None and not args.sent:
            raise CliError(f"{flag} says how a paper was sent: add --sent to record that it was")


def _requested_format(args: argparse.Namespace, output: Path | None) -> str | None:
    from sdm_facilitator.export.paper_catalogue import FIXED_FORMATS, format_from_suffix

    chosen: str | None = args.format
    if chosen or output is None or args.kind in FIXED_FORMATS:
        return chosen
    if output.suffix.lower() == ".pdf":
        raise CliError(
            "a PDF is made by printing the HTML paper from a browser: use --format html (or a .html file)"
        )
    found = format_from_suffix(output.suffix)
    return found if found in PAPER_FORMATS else None


def _write_stdout(ctx: CliContext, data: bytes) -> None:
    """Bytes as they are (a calendar's CRLF line ends too), through the text stream when there is no buffer."""
    buffer = getattr(ctx.out, "buffer", None)
    if buffer is not None:
        ctx.out.flush()
        buffer.write(data)
        buffer.flush()
    else:
        ctx.out.write(data.decode("utf-8"))


@dataclass(frozen=True)
class SentDetails:
    """What ``--sent`` records: which paper, to whom, how and when."""

    paper: str
    person_id: str
    recipient: str
    how: str
    on: date


def _sent_details(args: argparse.Namespace, meeting: Meeting, today: date) -> SentDetails | None:
    """The entry ``--sent`` asks for, checked before anything is written; None without ``--sent``."""
    from sdm_facilitator.domain.dates import parse_date
    from sdm_facilitator.domain.distribution import THE_FAMILY, DistributionError, find_recipient
    from sdm_facilitator.export.paper_catalogue import FAMILY_PAPERS

    if not args.sent:
        return None
    who: str | None = args.to
    if who is None:
        if args.kind not in FAMILY_PAPERS or args.include_notes:
            raise CliError("--sent: say who it went to with --to (a name from the people list, or any words)")
        who = meeting.plan.family_keeper.strip() or THE_FAMILY
    try:
        on = parse_date(args.sent_on, today) if args.sent_on else today
        person_id, words = find_recipient(meeting.people, who)
    except (ValueError, DistributionError) as error:
        raise CliError(f"--sent: {error}") from None
    if on is None:
        raise CliError("--sent-on: give the day it went, or leave it out for today")
    paper = "plan-notes" if args.kind == "plan" and args.include_notes else args.kind
    return SentDetails(paper, person_id, words, args.by or "email", on)


def _record_sent(ctx: CliContext, meeting_id: str, sent: SentDetails) -> str:
    """Add the paper to the meeting's list of who got which paper; return one line saying what happened."""
    from sdm_facilitator.cli.unlock import open_store
    from sdm_facilitator.domain.distribution import how_label, paper_label, recipient_words, record_sent
    from sdm_facilitator.storage.codec import CodecError
    from sdm_facilitator.storage.store import StoreError

    not_recorded = "That it was sent was not recorded"
    store = open_store(ctx)
    try:
        opened = store.open(meeting_id)
    except (StoreError, OSError):
        return f"{not_recorded}: the meeting could not be opened."
    try:
        if opened.read_only_reason:
            return f"{not_recorded}: {opened.read_only_reason}"
        meeting = opened.meeting
        entry = record_sent(
            meeting.papers_sent,
            sent.paper,
            sent.on,
            sent.how,
            person_id=sent.person_id,
            recipient=sent.recipient,
        )
        store.save(opened)
        who = one_line(recipient_words(entry, meeting.people), 80)
        return (
            f"Recorded: {paper_label(entry.paper).lower()} sent to {who}, "
            f"{how_label(entry.how).lower()}, on {sent.on.isoformat()}."
        )
    except (StoreError, CodecError, OSError) as error:
        return f"{not_recorded}: {one_line(str(error), 200)}"
    finally:
        store.close(opened)


def _say_left_out(ctx: CliContext, exported: Exported) -> None:
    """What the paper left out (the venue of a calendar; details of someone at risk), on stderr."""
    if not exported.note:
        return
    undo = " Use --names to put the venue in." if exported.names_would_add else ""
    print(f"{one_line(exported.note)}{undo}", file=ctx.err)


def _say_wording_not_used(ctx: CliContext, kind: str, library: GuideLibrary) -> None:
    """A paper written in the bundled words because the organisation's wording file could not be used says so."""
    from sdm_facilitator.guides.library import data_file_kind_for_paper

    words = data_file_kind_for_paper(kind)
    if words is not None and words.problems(library):
        print(
            f"{one_line(words.notice(library), 400)} Run 'sdm-facilitator guides check' to see every problem.",
            file=ctx.err,
        )


def _print_plan_findings(ctx: CliContext, meeting: Meeting, words: PlanCheckWords) -> None:
    """The plan safety check's findings on stderr before a paper goes out; they never stop it."""
    from sdm_facilitator.domain.plan_safety import plan_findings

    findings = plan_findings(meeting, words)
    if not findings:
        return
    print("The plan safety check found (warnings for you; the paper is written as it is):", file=ctx.err)
    for finding in findings:
        print(f"  plan: {one_line(finding.text)}", file=ctx.err)


def _challenge_words(ctx: CliContext) -> str:
    """The area's sentence on challenging a conference's decision; a bad setting is named, the default used."""
    from sdm_facilitator.storage.settings import load_settings

    settings, problems = load_settings(ctx.data_dir)
    for problem in problems:
        print(f"sdm-facilitator: {problem}", file=ctx.err)
    return settings.challenge_words


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.cli.meeting_commands import load_meeting_or_fail
    from sdm_facilitator.export.files import ExportFileExists, write_export
    from sdm_facilitator.export.paper_catalogue import (
        ExportOptions,
        PaperError,
        describe_hint,
        export_meeting,
        paper_name,
    )
    from sdm_facilitator.paths import user_guides_dir

    _check_options(args)
    output = Path(args.output).expanduser() if args.output else None
    meeting = load_meeting_or_fail(ctx, args.id)
    sent = _sent_details(args, meeting, date.today())
    library = guide_library(ctx)
    options = ExportOptions(
        include_notes=args.include_notes,
        child=args.child,
        band=args.band,
        person=args.person,
        names=args.names,
        actions=args.actions,
        conference_wording=library.conference_wording,
        child_wording=library.child_plan_wording,
        network_finding=library.network_finding,
        law=library.profile_law(),
        challenge_words=_challenge_words(ctx) if args.kind in ("decision-letter", "record") else "",
        lang=args.lang,
        translations_dir=user_guides_dir(ctx.data_dir),
    )
    try:
        exported = export_meeting(
            meeting,
            library.get(meeting.guide_id),
            args.kind,
            _requested_format(args, output),
            options,
            library.language_hints,
        )
    except PaperError as error:
        raise CliError(str(error), exit_code=1) from None
    _print_plan_findings(ctx, meeting, library.plan_check_words)
    _say_wording_not_used(ctx, args.kind, library)
    if exported.language_note:
        print(one_line(exported.language_note, 600), file=ctx.err)
    if exported.hints:
        print(
            "Language hints in this paper (it is written as it is; change the words in the app if you wish):",
            file=ctx.err,
        )
        for match in exported.hints:
            print(f"  {describe_hint(match)}", file=ctx.err)
    if output is None:
        _write_stdout(ctx, exported.data)
        _say_left_out(ctx, exported)
        _say_sent(ctx, meeting.id, sent)
        return 0
    try:
        write_export(output, exported.data, replace=args.force, record_for=(ctx.data_dir, meeting.id))
    except ExportFileExists:
        raise CliError(
            f"{output} already exists; choose another name, or use --force to replace it", 1
        ) from None
    except OSError as error:
        raise CliError(f"could not write {output}: {error.strerror or error}", 1) from None
    print(
        f"Wrote {paper_name(meeting, exported.kind, include_notes=args.include_notes)} to {output}. "
        "It is personal data outside the app now: it is yours to keep safe.",
        file=ctx.err,
    )
    _say_left_out(ctx, exported)
    _say_sent(ctx, meeting.id, sent)
    return 0


def _say_sent(ctx: CliContext, meeting_id: str, sent: SentDetails | None) -> None:
    """Record the paper as sent when ``--sent`` asked, and say so on stderr."""
    if sent is not None:
        print(_record_sent(ctx, meeting_id, sent), file=ctx.err)
