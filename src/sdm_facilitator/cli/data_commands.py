"""Commands for a meeting's life and the data it leaves: ``close``, ``reopen``, ``delete``,
``retention``, ``locate`` and ``settings``."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from typing import Any

from sdm_facilitator.cli.context import CliContext, CliError
from sdm_facilitator.cli.library import guide_library
from sdm_facilitator.cli.unlock import open_store
from sdm_facilitator.domain.closure import close_meeting, reopen_meeting
from sdm_facilitator.domain.meeting import CLOSURE_REASON_CHOICES, CLOSURE_REASON_LABELS, Meeting
from sdm_facilitator.domain.outcomes import INDEX_BASES
from sdm_facilitator.domain.retention import past_retention
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.storage.codec import CodecError
from sdm_facilitator.storage.settings import (
    DEFAULT_CHALLENGE_WORDS,
    load_settings,
    save_settings,
    setting_problem,
)
from sdm_facilitator.storage.store import MeetingNotFound, StoreError, UnreadableMeetingError

DELETE_WORD = "delete"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommands about closing, retention, deletion and where data lives."""
    close = subparsers.add_parser(
        "close", help="close a meeting's work (it leaves the main list; reopen brings it back)"
    )
    close.add_argument("id", help="the meeting id (see list)")
    close.add_argument("--reason", required=True, choices=CLOSURE_REASON_CHOICES, help="why the work ended")
    close.add_argument("--note", help="a short note on the closing")
    close.add_argument("--on", metavar="YYYY-MM-DD", help="the day it closed (default: today)")
    close.set_defaults(handler=run_close)

    reopen = subparsers.add_parser("reopen", help="reopen a closed meeting")
    reopen.add_argument("id", help="the meeting id")
    reopen.set_defaults(handler=run_reopen)

    delete = subparsers.add_parser(
        "delete",
        help="remove a meeting for good: its file, copies, lock, temporary files and exports in the data folder",
    )
    delete.add_argument("id", help="the meeting id")
    delete.add_argument(
        "--yes", action="store_true", help="do not ask (for scripts); an open meeting still needs it"
    )
    delete.set_defaults(handler=run_delete)

    retention = subparsers.add_parser(
        "retention", help="closed meetings past the retention period, for review"
    )
    retention.add_argument(
        "--remove-all", action="store_true", help="remove every listed meeting (asks first)"
    )
    retention.add_argument("--yes", action="store_true", help="with --remove-all: do not ask")
    retention.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="count as if today were this day (to see what a policy will list)",
    )
    retention.add_argument("--json", action="store_true", help="print JSON")
    retention.set_defaults(handler=run_retention)

    locate = subparsers.add_parser("locate", help="print every folder and file the app uses")
    locate.add_argument("--json", action="store_true", help="print JSON")
    locate.set_defaults(handler=run_locate)

    settings = subparsers.add_parser(
        "settings",
        help="show or change the retention period, the idle lock, how parents can challenge a conference "
        "and the jurisdiction",
    )
    settings.add_argument(
        "--jurisdiction",
        metavar="ID",
        help="the jurisdiction profile whose law, timescales and names the guides use: england (default), "
        "wales, us, or an id of your own in jurisdictions/ in your guides folder",
    )
    settings.add_argument(
        "--retention-months", type=int, metavar="N", help="months a closed meeting is kept (default 24)"
    )
    settings.add_argument(
        "--idle-lock-minutes",
        type=int,
        metavar="N",
        help="lock an encrypted store after N idle minutes (default 15)",
    )
    settings.add_argument(
        "--challenge-words",
        metavar="TEXT",
        help="how parents can challenge a conference's decision or complain, as your area words it "
        "(the decision letter says it unless the chair wrote words for that conference)",
    )
    settings.add_argument(
        "--default-challenge-words",
        action="store_true",
        help="go back to the app's own sentence on challenging a decision",
    )
    settings.add_argument(
        "--small-number-threshold",
        type=int,
        metavar="N",
        help="the service report shows counts below N as 'fewer than N' (default 5; 1 shows every count)",
    )
    settings.add_argument(
        "--hourly-rate-pence",
        type=int,
        metavar="N",
        help="a coordinator's cost per hour in pence, salary and on-costs, for the cost per family (default 4000)",
    )
    settings.add_argument(
        "--outcome-index",
        metavar="BASIS",
        help=f"{' or '.join(INDEX_BASES)}: the date outcome points count from, the referral (default) "
        "or the letter before proceedings where one was sent, as the national trial counts",
    )
    settings.set_defaults(handler=run_settings)


def _parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option}: '{one_line(text, 40)}' is not a date such as 2026-03-01") from None


def _edit(ctx: CliContext, meeting_id: str, change) -> Meeting:  # type: ignore[no-untyped-def]
    """Open a meeting for editing, apply ``change``, save; every failure is one line.

    A store that must not be written is refused before the meeting is read: the
    reason (a folder made read-only, a missing key file) is what the person needs.
    """
    store = open_store(ctx)
    refused = store.writes_refused()
    if refused is not None:
        raise CliError(one_line(refused), exit_code=1)
    try:
        opened = store.open(meeting_id)
    except MeetingNotFound:
        raise CliError(
            f"no meeting with id '{one_line(meeting_id, 80)}' in {ctx.data_dir} (see: sdm-facilitator list)"
        ) from None
    except UnreadableMeetingError as error:
        raise CliError(f"cannot read {one_line(str(error.unreadable))}", exit_code=1) from None
    try:
        change(opened.meeting)
        store.save(opened)
    except StoreError as error:
        raise CliError(str(error), exit_code=1) from None
    except CodecError as error:
        # Too large to open again once saved (the message names the longest text), or a value
        # that cannot be written: the file on disk was not touched.
        raise CliError(
            f"the meeting was not saved, its file is as it was: {one_line(str(error))}", exit_code=1
        ) from None
    except OSError as error:
        # A full disk, a folder gone read-only: the atomic write leaves the old file whole.
        raise CliError(
            f"the meeting was not saved ({error.strerror or type(error).__name__}); its file is as it was",
            exit_code=1,
        ) from None
    finally:
        store.close(opened)
    return opened.meeting


def run_close(args: argparse.Namespace, ctx: CliContext) -> int:
    on = _parse_day(args.on, "--on") if args.on else date.today()
    meeting = _edit(ctx, args.id, lambda m: close_meeting(m, args.reason, on, args.note or ""))
    print(f"Closed {meeting.id} on {on.isoformat()}: {CLOSURE_REASON_LABELS[args.reason]}.", file=ctx.out)
    return 0


def run_reopen(args: argparse.Namespace, ctx: CliContext) -> int:
    meeting = _edit(ctx, args.id, reopen_meeting)
    print(f"Reopened {meeting.id}.", file=ctx.out)
    return 0


def _read_answer(ctx: CliContext, prompt: str) -> str:
    print(prompt, end=" ", file=ctx.err, flush=True)
    line = ctx.stdin.readline()
    return line.strip()


def _delete_one(ctx: CliContext, meeting_id: str) -> int:
    from sdm_facilitator.storage.deletion import delete_meeting
    from sdm_facilitator.storage.index import index_for

    store = open_store(ctx)
    try:
        report = delete_meeting(store, meeting_id, index_for(store, guide_library(ctx)))
    except StoreError as error:
        raise CliError(one_line(str(error)), exit_code=1) from None
    for path, why in report.failed:
        print(f"sdm-facilitator: could not remove {path.name}: {why}", file=ctx.err)
    return len(report.removed)


def _what_to_delete(ctx: CliContext, meeting_id: str) -> tuple[str, bool | None]:
    """The words naming the meeting, and whether its work is closed (None: its file cannot be read).

    A file that cannot be read (damaged, or not valid) can still be deleted by the id
    in its name: a person must be able to remove a child's record they cannot open.
    """
    from sdm_facilitator.cli.meeting_commands import load_meeting_or_fail

    store = open_store(ctx)
    try:
        meeting = store.open(meeting_id, lock=False).meeting
    except UnreadableMeetingError as error:
        return (
            f"the meeting in {error.unreadable.path.name}, which cannot be read ({error.unreadable.reason})",
            None,
        )
    except MeetingNotFound:
        meeting = load_meeting_or_fail(ctx, meeting_id)  # says why, in one line
    label = one_line(meeting.family_label or "(no family label)", 60)
    return f"the meeting for {label} ({meeting.id})", meeting.closure.is_closed


def run_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    what, closed = _what_to_delete(ctx, args.id)
    what = one_line(what, 240)
    if not args.yes:
        if closed:
            answer = _read_answer(ctx, f"Delete {what} for good? [y/N]")
            confirmed = answer.lower() in ("y", "yes")
        else:
            why = "is not closed" if closed is False else "may not be closed"
            answer = _read_answer(
                ctx, f"{what[0].upper()}{what[1:]} {why}. Type '{DELETE_WORD}' to remove it for good:"
            )
            confirmed = answer == DELETE_WORD
        if not confirmed:
            raise CliError("not deleted", exit_code=1)
    removed = _delete_one(ctx, args.id)
    print(f"Deleted {what}: {removed} files removed from {ctx.data_dir}.", file=ctx.out)
    print(
        "Copies made by a sync client or a backup, and papers saved elsewhere, are not reached.", file=ctx.out
    )
    return 0


def run_retention(args: argparse.Namespace, ctx: CliContext) -> int:
    settings, problems = load_settings(ctx.data_dir)
    for problem in problems:
        print(f"sdm-facilitator: {problem}", file=ctx.err)
    today = _parse_day(args.today, "--today") if args.today else date.today()
    listing = open_store(ctx).list_meetings()
    items = past_retention((m.meeting for m in listing.meetings), today, settings.retention_months)
    if args.json:
        from sdm_facilitator.export.json_export import to_json

        rows = [
            {
                "id": item.meeting.id,
                "family_label": item.meeting.family_label,
                "closed_on": item.closed_on.isoformat(),
                "reason": item.meeting.closure.reason,
                "due": item.due.isoformat(),
            }
            for item in items
        ]
        print(to_json({"retention_months": settings.retention_months, "past_retention": rows}), file=ctx.out)
    elif not items:
        print(
            f"No closed meeting is past the retention period ({settings.retention_months} months after closing).",
            file=ctx.out,
        )
    else:
        print(f"Closed more than {settings.retention_months} months ago (review, then remove):", file=ctx.out)
        for item in items:
            reason = CLOSURE_REASON_LABELS.get(item.meeting.closure.reason or "", "no reason given")
            print(
                f"  {item.meeting.id}  {one_line(item.meeting.family_label, 30)}  closed {item.closed_on.isoformat()} ({reason})",
                file=ctx.out,
            )
        print(
            "Remove one with: sdm-facilitator delete ID; all of them with: sdm-facilitator retention --remove-all",
            file=ctx.out,
        )
    if not args.remove_all or not items:
        return 0
    if not args.yes:
        answer = _read_answer(
            ctx, f"Remove all {len(items)} listed meetings for good? Type the number to confirm:"
        )
        if answer != str(len(items)):
            raise CliError("nothing was removed", exit_code=1)
    for item in items:
        _delete_one(ctx, item.meeting.id)
    print(f"Removed {len(items)} meetings.", file=ctx.out)
    return 0


def run_locate(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.storage.locations import data_locations, describe_locations

    if args.json:
        from sdm_facilitator.export.json_export import to_json

        places = data_locations(ctx.data_dir)
        rows = [{"what": what, "path": str(path), "exists": path.exists()} for what, path in places.items()]
        chosen, profile = jurisdiction_line(ctx)
        print(to_json({"locations": rows, "jurisdiction": {"id": chosen, "profile": profile}}), file=ctx.out)
        return 0
    for line in describe_locations(ctx.data_dir):
        print(line, file=ctx.out)
    chosen, profile = jurisdiction_line(ctx)
    print(f"jurisdiction: {chosen} ({profile})", file=ctx.out)
    return 0


def run_settings(args: argparse.Namespace, ctx: CliContext) -> int:
    settings, problems = load_settings(ctx.data_dir)
    for problem in problems:
        print(f"sdm-facilitator: {problem}", file=ctx.err)
    if args.challenge_words is not None and args.default_challenge_words:
        raise CliError("use --challenge-words or --default-challenge-words, not both")
    changes: dict[str, Any] = {
        "retention_months": args.retention_months,
        "idle_lock_minutes": args.idle_lock_minutes,
        "challenge_words": DEFAULT_CHALLENGE_WORDS if args.default_challenge_words else args.challenge_words,
        "jurisdiction": args.jurisdiction,
        "small_number_threshold": args.small_number_threshold,
        "hourly_rate_pence": args.hourly_rate_pence,
        "outcome_index": args.outcome_index,
    }
    changes = {name: value for name, value in changes.items() if value is not None}
    for name, value in changes.items():
        refused = setting_problem(name, value)
        if refused:
            raise CliError(f"--{name.replace('_', '-')}: {refused.split(' ', 1)[1]}")
    if args.jurisdiction is not None:
        _check_profile(ctx, args.jurisdiction)
    if changes:
        settings = replace(settings, **changes)
        try:
            save_settings(ctx.data_dir, settings)
        except OSError as error:
            raise CliError(f"could not save the settings: {error.strerror or error}") from None
    print(
        f"retention_months = {settings.retention_months}   (closed meetings listed for removal after this)",
        file=ctx.out,
    )
    print(
        f"idle_lock_minutes = {settings.idle_lock_minutes}   (an encrypted store locks after this idle time)",
        file=ctx.out,
    )
    print(
        f"challenge_words = {settings.challenge_words}   (the decision letter: how parents can challenge)",
        file=ctx.out,
    )
    print(
        f"jurisdiction = {settings.jurisdiction}   (the law, timescales and names the guides use)",
        file=ctx.out,
    )
    print(
        f"small_number_threshold = {settings.small_number_threshold}   (the report hides counts below this)",
        file=ctx.out,
    )
    print(
        f"hourly_rate_pence = {settings.hourly_rate_pence}   (coordinator time in the cost per family)",
        file=ctx.out,
    )
    print(f"outcome_index = {settings.outcome_index}   (the date outcome points count from)", file=ctx.out)
    return 0


def _check_profile(ctx: CliContext, profile_id: str) -> None:
    """Refuse a jurisdiction whose profile is missing or has problems, naming each problem."""
    from sdm_facilitator.guides.loader import load_profile_file, profile_paths
    from sdm_facilitator.paths import bundled_guides_dir, user_guides_dir

    paths = profile_paths(bundled_guides_dir(), user_guides_dir(ctx.data_dir))
    if profile_id not in paths:
        raise CliError(
            f"--jurisdiction: no profile '{one_line(profile_id, 40)}'; profiles: {', '.join(sorted(paths))}"
        )
    _, problems = load_profile_file(paths[profile_id])
    if problems:
        raise CliError(
            f"--jurisdiction: the profile '{profile_id}' cannot be used: "
            + "; ".join(one_line(str(p), 200) for p in problems[:3])
        )


def jurisdiction_line(ctx: CliContext) -> tuple[str, str]:
    """The chosen jurisdiction and the file its profile is read from (or why there is none)."""
    from sdm_facilitator.guides.loader import profile_paths
    from sdm_facilitator.paths import bundled_guides_dir, user_guides_dir

    chosen = load_settings(ctx.data_dir)[0].jurisdiction
    path = profile_paths(bundled_guides_dir(), user_guides_dir(ctx.data_dir)).get(chosen)
    return chosen, str(path) if path else "no such profile"
