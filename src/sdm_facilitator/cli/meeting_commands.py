"""Command-line commands on meetings: ``new``, ``list``, ``show`` and ``demo``."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sdm_facilitator.cli.context import CliContext, CliError
from sdm_facilitator.cli.library import guide_library
from sdm_facilitator.cli.progress import ReadingProgress
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.summary import MeetingSummary
from sdm_facilitator.domain.vocabulary import CONTEXTS, MEETING_KINDS, STAGE_LABELS
from sdm_facilitator.guides.loader import GuideLibrary
from sdm_facilitator.paths import DATA_DIR_ENV
from sdm_facilitator.storage.codec import CodecError
from sdm_facilitator.storage.index import index_for
from sdm_facilitator.storage.store import MeetingNotFound, MeetingStore, StoreError, UnreadableMeetingError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the meeting subcommands."""
    new = subparsers.add_parser("new", help="create a meeting and print its id")
    new.add_argument("--kind", required=True, choices=MEETING_KINDS, help="the kind of meeting")
    new.add_argument(
        "--family",
        required=True,
        metavar="LABEL",
        help="what you call the family (not necessarily a surname)",
    )
    new.add_argument(
        "--context",
        choices=CONTEXTS,
        help="statutory (child protection) or voluntary (child in need); default: statutory for cp-conference, else voluntary",
    )
    new.add_argument(
        "--date",
        metavar="WHEN",
        help="meeting date, as the app takes it: YYYY-MM-DD, DD/MM/YYYY, today or tomorrow; or YYYY-MM-DDTHH:MM",
    )
    new.set_defaults(handler=run_new)

    lst = subparsers.add_parser("list", help="list meetings, and files that could not be read")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.add_argument(
        "--closed", action="store_true", help="list the closed meetings instead of the open ones"
    )
    lst.set_defaults(handler=run_list)

    show = subparsers.add_parser("show", help="print one meeting as readable text or JSON")
    show.add_argument("id", help="the meeting id (see list)")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=run_show)

    demo = subparsers.add_parser(
        "demo", help="write fictional demo meetings into a folder, for trying things out"
    )
    demo.add_argument("dir", metavar="DIR", help="the data folder to write demo meetings into")
    demo.set_defaults(handler=run_demo, uses_data_folder=False)


def parse_when(text: str) -> datetime:
    """A meeting date from the command line, as local wall-clock time.

    A time given with a zone is converted to local time, because the meeting
    record keeps the family's chosen time as it reads on the clock.
    """
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        when = _day_as_the_app_takes_it(text)
    if when.tzinfo is not None:
        when = when.astimezone().replace(tzinfo=None)
    return when


def _day_as_the_app_takes_it(text: str) -> datetime:
    """A day typed as the new-meeting form takes it ("today", "tomorrow", 12/03/2026), with no time yet."""
    from sdm_facilitator.domain.dates import parse_date

    try:
        day = parse_date(text, date.today())
    except ValueError:
        day = None
    if day is None:
        raise CliError(
            f"--date: '{text}' is not a date such as 2026-03-01, 01/03/2026, today or 2026-03-01T10:00"
        ) from None
    # Midnight is how the app keeps "a day chosen, no time yet".
    return datetime.combine(day, time(0, 0))


def load_guides(ctx: CliContext) -> GuideLibrary:
    """The guide library, saying on stderr (one line per folder) which guide files were not read."""
    library = guide_library(ctx)
    for note in library.skipped:
        print(f"sdm-facilitator: note: {one_line(note)}", file=ctx.err)
    return library


def _store(ctx: CliContext) -> MeetingStore:
    from sdm_facilitator.cli.unlock import open_store

    return open_store(ctx)


def run_new(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.domain.meeting_factory import create_meeting

    label = args.family.strip()
    if not label:
        raise CliError("--family: give the label you use for this family")
    library = load_guides(ctx)
    meeting = create_meeting(
        library,
        kind=args.kind,
        context=args.context,
        family_label=label,
        when=parse_when(args.date) if args.date else None,
    )
    try:
        opened = _store(ctx).create(meeting)
    except (OSError, StoreError, CodecError) as error:
        raise CliError(f"could not create the meeting: {error}") from None
    _store(ctx).close(opened)
    print(meeting.id, file=ctx.out)
    if opened.sync_warning:
        # The meeting exists: exiting with an error would make a retry create a second one.
        print(f"sdm-facilitator: warning: {one_line(opened.sync_warning)}", file=ctx.err)
    return 0


def meeting_row(summary: MeetingSummary) -> dict[str, Any]:
    """The facts shown for one meeting in a list (the same "next due" as the home screen)."""
    return {
        "id": summary.id,
        "family_label": summary.family_label,
        "kind": summary.kind,
        "context": summary.context,
        "stage": summary.stage,
        "next_date": summary.next_date.isoformat() if summary.next_date else None,
        "next_item": summary.next_item,
        "updated": summary.updated.isoformat(),
    }


def missing_folder_note(ctx: CliContext) -> str | None:
    """Why there can be no meetings in the data folder, when it is missing.

    A mistyped ``--data-dir`` or ``SDM_FACILITATOR_DATA_DIR`` must not look
    like an empty store (or like lost meetings). A path that is a file is an
    error.
    """
    folder = _store(ctx).folder
    for path in (ctx.data_dir, folder):
        if path.exists() and not path.is_dir():
            raise CliError(
                f"{one_line(str(path))} is a file, not a folder; check --data-dir and ${DATA_DIR_ENV}"
            )
    if not ctx.data_dir.exists():
        return (
            f"The data folder {one_line(str(ctx.data_dir))} does not exist (it is created when the first "
            f"meeting is made). If you expected meetings there, check --data-dir and ${DATA_DIR_ENV}."
        )
    if not folder.exists():
        return f"No meetings yet: {one_line(str(folder))} does not exist (it is created when the first meeting is made)."
    return None


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    missing = missing_folder_note(ctx)
    guides = load_guides(ctx)
    # Without its summary index (a restored or copied-in store) every file is read: say so on stderr.
    progress = ReadingProgress(ctx.err)
    try:
        listing = index_for(_store(ctx), guides).listing(progress=progress)
    finally:
        progress.finish()
    shown = [summary for summary in listing.summaries if (summary.closed_on is not None) == args.closed]
    hidden_closed = 0 if args.closed else len(listing.summaries) - len(shown)
    rows = [meeting_row(summary) for summary in shown]
    unreadable = [{"file": u.path.name, "line": u.line, "reason": u.reason} for u in listing.unreadable]
    conflicts = [
        {"file": c.path.name, "meeting_id": c.meeting_id, "reason": c.reason} for c in listing.conflicts
    ]
    if args.json:
        from sdm_facilitator.export.json_export import to_json

        print(to_json({"meetings": rows, "unreadable": unreadable, "conflicts": conflicts}), file=ctx.out)
        if missing:
            print(f"sdm-facilitator: {missing}", file=ctx.err)
        return 0
    if missing:
        print(missing, file=ctx.out)
    elif not rows:
        print(
            f"No {'closed ' if args.closed else ''}meetings in {one_line(str(ctx.data_dir))}.", file=ctx.out
        )
    else:
        header = ("ID", "FAMILY", "KIND", "STAGE", "NEXT DATE")
        table = [
            (
                r["id"],
                one_line(r["family_label"], 30),
                r["kind"],
                STAGE_LABELS[r["stage"]],
                r["next_date"] or "-",
            )
            for r in rows
        ]
        widths = [max(len(str(row[i])) for row in [header, *table]) for i in range(len(header))]
        for row in [header, *table]:
            print(
                "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip(), file=ctx.out
            )
    if hidden_closed:
        which = "1 closed meeting is" if hidden_closed == 1 else f"{hidden_closed} closed meetings are"
        print(f"\n{which} not listed (see: sdm-facilitator list --closed).", file=ctx.out)
    if unreadable:
        print("\nFiles that could not be read (left untouched):", file=ctx.out)
        for u in listing.unreadable:
            print(f"  {one_line(str(u))}", file=ctx.out)
    if conflicts:
        print("\nConflict copies (kept; compare them with the meeting and remove by hand):", file=ctx.out)
        for c in listing.conflicts:
            print(f"  {one_line(c.path.name)}: {c.reason}", file=ctx.out)
    return 0


def load_meeting_or_fail(ctx: CliContext, meeting_id: str) -> Meeting:
    """Read one meeting without locking it, or raise a one-line ``CliError``."""
    try:
        return _store(ctx).open(meeting_id, lock=False).meeting
    except MeetingNotFound:
        missing = missing_folder_note(ctx)
        if missing:
            raise CliError(f"no meeting with id '{one_line(meeting_id, 80)}': {missing}") from None
        raise CliError(
            f"no meeting with id '{one_line(meeting_id, 80)}' in {one_line(str(ctx.data_dir))} (see: sdm-facilitator list)"
        ) from None
    except UnreadableMeetingError as error:
        raise CliError(f"cannot read {one_line(str(error.unreadable))}", exit_code=1) from None


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.domain.fidelity import fidelity_profile

    meeting = load_meeting_or_fail(ctx, args.id)
    library = load_guides(ctx)
    guide = library.get(meeting.guide_id)
    # A conference's review is due by the chosen jurisdiction profile's timescale.
    profile = fidelity_profile(meeting, guide, date.today(), library.profile_law().timescales)
    if args.json:
        from sdm_facilitator.export.fidelity_text import fidelity_to_dict
        from sdm_facilitator.export.json_export import meeting_to_json

        print(meeting_to_json(meeting, extra={"fidelity": fidelity_to_dict(profile)}), file=ctx.out)
    else:
        from sdm_facilitator.export.fidelity_text import fidelity_lines
        from sdm_facilitator.export.outcomes_text import outcome_lines
        from sdm_facilitator.export.record_text import meeting_to_text

        ctx.out.write(meeting_to_text(meeting, guide))
        from sdm_facilitator.domain.handover import handover_lines

        lines = [
            *outcome_lines(meeting),
            *fidelity_lines(profile),
            *map(one_line, handover_lines(meeting.handovers)),
        ]
        ctx.out.write("\n" + "\n".join(lines) + "\n")
    return 0


def run_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.demo import write_demo

    target = Path(args.dir).expanduser()
    try:
        ids = write_demo(target)
    except (OSError, StoreError) as error:
        raise CliError(f"could not write demo meetings into {target}: {error}") from None
    print(f"Wrote {len(ids)} fictional demo meetings into {target}:", file=ctx.out)
    for meeting_id in ids:
        print(f"  {meeting_id}", file=ctx.out)
    print(f"Try: sdm-facilitator --data-dir {target} list", file=ctx.out)
    return 0
