"""``sdm-facilitator conflicts``: copies a sync engine (or a save conflict) left beside a meeting, compared and merged.

``conflicts`` lists them; ``conflicts FILE`` shows each field that differs
between the meeting and the copy, numbered; ``conflicts FILE --merge
--take-copy 2,4`` writes the meeting with the copy's values for those fields
(``all`` for every one; none given keeps the meeting file's) and removes the copy.
The app's home screen does the same with a dialog.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sdm_facilitator.cli.context import CliContext, CliError
from sdm_facilitator.cli.unlock import open_store
from sdm_facilitator.domain.safe_text import one_line


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``conflicts`` subcommand."""
    conflicts = subparsers.add_parser(
        "conflicts", help="list conflict copies of meetings (from a sync folder), compare one, merge it"
    )
    conflicts.add_argument(
        "file", nargs="?", metavar="FILE", help="a conflict copy's file name (see: conflicts)"
    )
    conflicts.add_argument(
        "--merge", action="store_true", help="write the meeting with the choices, remove the copy"
    )
    conflicts.add_argument(
        "--take-copy",
        metavar="N,N|all",
        default="",
        help="with --merge: the numbered differences whose value comes from the copy",
    )
    conflicts.set_defaults(handler=run_conflicts)


def _choices(text: str, count: int) -> list[bool]:
    if text.strip().lower() == "all":
        return [True] * count
    chosen = set()
    for part in filter(None, (p.strip() for p in text.split(","))):
        if not part.isdigit() or not 1 <= int(part) <= count:
            raise CliError(f"--take-copy: '{one_line(part, 20)}' is not a difference from 1 to {count}")
        chosen.add(int(part))
    return [number in chosen for number in range(1, count + 1)]


def run_conflicts(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.storage.conflict_merge import differences, read_copy, resolve_conflict, value_words
    from sdm_facilitator.storage.store import MeetingNotFound, StoreError, UnreadableMeetingError

    store = open_store(ctx)
    listing = store.list_meetings()
    if not args.file:
        if not listing.conflicts:
            print("No conflict copies.", file=ctx.out)
        for conflict in listing.conflicts:
            print(f"{one_line(conflict.path.name)}  meeting {conflict.meeting_id}", file=ctx.out)
        return 0
    chosen = next((c for c in listing.conflicts if c.path.name == Path(args.file).name), None)
    if chosen is None:
        raise CliError(
            f"'{one_line(args.file, 80)}' is not a conflict copy here (see: sdm-facilitator conflicts)"
        )
    try:
        copy = read_copy(store, chosen.path)
        meeting = store.open(copy.id, lock=False).meeting
        found = differences(meeting, copy)
        if args.merge:
            if store.writes_refused() is not None:
                raise CliError(one_line(store.writes_refused() or ""), exit_code=1)
            resolve_conflict(store, chosen.path, _choices(args.take_copy, len(found)))
            print(f"Merged {chosen.path.name} into {copy.id} and removed it.", file=ctx.out)
            return 0
    except (MeetingNotFound, UnreadableMeetingError, StoreError) as error:
        raise CliError(one_line(str(error)), exit_code=1) from None
    except OSError as error:
        raise CliError(f"the copy could not be removed ({error.strerror or error})", exit_code=1) from None
    if not found:
        print("The copy holds nothing the meeting does not: merge it to remove it.", file=ctx.out)
    for number, difference in enumerate(found, 1):
        print(
            f"{number}. {one_line(difference.label)}: meeting {value_words(difference.ours)!r}; "
            f"copy {value_words(difference.theirs)!r}",
            file=ctx.out,
        )
    return 0
