"""``sdm-facilitator export``: the papers people take away, to stdout or a file.

The family's plan is the default paper a coordinator sends; writing it to a
file also records the day it was sent (when none is recorded yet). Language
hints found in a family paper are listed on stderr and never stop the export.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from sdm_facilitator.cli.context import CliContext, CliError
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.plan_check_words import PlanCheckWords
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.export.paper_catalogue import PAPER_FORMATS, PAPERS, Exported

_OPTION_PAPERS = {
    "include_notes": ("--include-notes", ("plan", "network")),
    "child": ("--child", ("child-plan",)),
    "names": ("--names", ("calendar",)),
    "actions": ("--actions", ("calendar",)),
}


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
        "--names",
        action="store_true",
        help="calendar: put the family's name and the actions' words in the entries "
        "(by default they are left out: a phone calendar is seen by others)",
    )
    export.add_argument(
        "--actions", action="store_true", help="calendar: add each action's due date as an all-day entry"
    )
    export.set_defaults(handler=run_export)


def _check_options(args: argparse.Namespace) -> None:
    for attribute, (flag, kinds) in _OPTION_PAPERS.items():
        if getattr(args, attribute) not in (None, False) and args.kind not in kinds:
            raise CliError(f"{flag} is for --as {' or '.join(kinds)}, not --as {args.kind}")


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


def _record_sent(ctx: CliContext, meeting_id: str, today: date) -> str:
    """Record today as the day the plan was sent; return one line saying what happened."""
    from sdm_facilitator.cli.unlock import open_store
    from sdm_facilitator.domain.plan_rules import mark_plan_sent
    from sdm_facilitator.storage.codec import CodecError
    from sdm_facilitator.storage.store import StoreError

    store = open_store(ctx)
    try:
        opened = store.open(meeting_id)
    except (StoreError, OSError):
        return "The day the plan was sent could not be recorded: the meeting could not be opened."
    try:
        if opened.read_only_reason:
            return f"The day the plan was sent was not recorded: {opened.read_only_reason}"
        if not mark_plan_sent(opened.meeting.plan, today):
            return ""
        store.save(opened)
        return f"Recorded {today.isoformat()} as the day the plan was sent."
    except (StoreError, CodecError, OSError) as error:
        return f"The day the plan was sent could not be recorded: {one_line(str(error), 200)}"
    finally:
        store.close(opened)


def _say_left_out(ctx: CliContext, exported: Exported) -> None:
    """What the paper left out (the venue of a calendar; details of someone at risk), on stderr."""
    if not exported.note:
        return
    undo = " Use --names to put the venue in." if exported.names_would_add else ""
    print(f"{one_line(exported.note)}{undo}", file=ctx.err)


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
    from sdm_facilitator.guides.loader import load_library
    from sdm_facilitator.paths import user_guides_dir

    _check_options(args)
    output = Path(args.output).expanduser() if args.output else None
    meeting = load_meeting_or_fail(ctx, args.id)
    library = load_library(user_guides_dir(ctx.data_dir))
    options = ExportOptions(
        include_notes=args.include_notes,
        child=args.child,
        names=args.names,
        actions=args.actions,
        conference_wording=library.conference_wording,
        challenge_words=_challenge_words(ctx) if args.kind in ("decision-letter", "record") else "",
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
        f"Wrote {paper_name(meeting, exported.kind)} to {output}. "
        "It is personal data outside the app now: it is yours to keep safe.",
        file=ctx.err,
    )
    _say_left_out(ctx, exported)
    if exported.is_family_plan and not args.include_notes:
        note = _record_sent(ctx, meeting.id, date.today())
        if note:
            print(note, file=ctx.err)
    return 0
