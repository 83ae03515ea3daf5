"""Handing a family to a colleague: ``handover``, ``import`` and ``handover-key``.

One encrypted file (``storage/handover_file.py``) carries the meeting, and
its review meetings if asked, to the colleague's laptop; ``import`` shows what
it holds and asks before adding it. The passphrase comes from
``SDM_FACILITATOR_HANDOVER_PASSPHRASE`` (scripts and tests) or a prompt that
does not echo; it is not the store's own passphrase and should reach the
colleague another way than the file (a phone call, not the same e-mail).
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from pathlib import Path

from sdm_facilitator.cli.context import CliContext, CliError
from sdm_facilitator.cli.unlock import ask_secret, open_store
from sdm_facilitator.domain.handover import describe_handover
from sdm_facilitator.domain.labels import MEETING_KIND_LABELS
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.storage.crypto import EncryptionUnavailable
from sdm_facilitator.storage.keyfile import new_passphrase_problem

HANDOVER_PASSPHRASE_ENV = "SDM_FACILITATOR_HANDOVER_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the handover subcommands."""
    handover = subparsers.add_parser(
        "handover",
        help="write one encrypted file handing a meeting to a colleague (this copy then becomes read-only)",
    )
    handover.add_argument("id", help="the meeting id (see list)")
    handover.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the file to write (or a folder: the app names it)",
    )
    handover.add_argument(
        "--with-reviews", action="store_true", help="hand over the meeting's review meetings with it"
    )
    handover.add_argument(
        "--recipient",
        metavar="KEYFILE",
        help="seal it for a colleague's public key (from their handover-key) instead of a passphrase",
    )
    handover.add_argument("--to", metavar="NAME", help="the colleague it goes to (default: the key's owner)")
    handover.add_argument("--by", metavar="NAME", help="who hands it over (default: your login name)")
    handover.set_defaults(handler=run_handover)

    receive = subparsers.add_parser(
        "import", help="add the meetings of a handover file (shows what it holds and asks first)"
    )
    receive.add_argument("file", metavar="FILE", help="the handover file")
    receive.add_argument(
        "--keep-both",
        action="store_true",
        help="a meeting already here with the same id: add the arriving one as a second meeting",
    )
    receive.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    receive.set_defaults(handler=run_import)

    key = subparsers.add_parser(
        "handover-key",
        help="make this laptop's handover key and write its public half for colleagues to seal files for you",
    )
    key.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the public key")
    key.add_argument("--owner", metavar="NAME", help="your name, shown to colleagues (default: login name)")
    key.add_argument("--show", action="store_true", help="write the existing key's public half again")
    key.set_defaults(handler=run_handover_key)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _new_handover_passphrase(ctx: CliContext) -> str:
    import os

    if os.environ.get(HANDOVER_PASSPHRASE_ENV) is not None:
        passphrase = os.environ[HANDOVER_PASSPHRASE_ENV]
    else:
        passphrase = ask_secret(ctx, "Passphrase for the handover file: ", HANDOVER_PASSPHRASE_ENV)
        if ask_secret(ctx, "The same passphrase again: ", HANDOVER_PASSPHRASE_ENV) != passphrase:
            raise CliError("the two passphrases differ; nothing was written")
    problem = new_passphrase_problem(passphrase)
    if problem is not None:
        raise CliError(f"{problem}; nothing was written")
    return passphrase


def _sealer(ctx: CliContext, args: argparse.Namespace) -> tuple[Callable[[bytes], bytes], str]:
    """How the file is sealed, and who it goes to."""
    from sdm_facilitator.storage import handover_file
    from sdm_facilitator.storage.handover_key import HandoverKeyError, read_public_key

    if args.recipient:
        try:
            public = read_public_key(Path(args.recipient).expanduser())
        except HandoverKeyError as error:
            raise CliError(f"--recipient: {one_line(str(error))}; nothing was written", exit_code=1) from None
        to = args.to or public.owner
        if not to:
            raise CliError("--to: say who the meeting goes to (the key file names nobody)")
        return (lambda plain: handover_file.seal_for_recipient(plain, public.raw)), to
    if not args.to:
        raise CliError("--to: say who the meeting goes to (their name is recorded in the meeting)")
    passphrase = _new_handover_passphrase(ctx)
    return (lambda plain: handover_file.seal_with_passphrase(plain, passphrase)), args.to


def run_handover(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.storage.handover import HandoverError, hand_over, linked_reviews
    from sdm_facilitator.storage.store import MeetingNotFound, StoreError, UnreadableMeetingError

    store = open_store(ctx)
    refused = store.writes_refused()
    if refused is not None:
        raise CliError(one_line(refused), exit_code=1)
    try:
        store.open(args.id, lock=False)
        ids = [args.id, *(linked_reviews(store, args.id) if args.with_reviews else [])]
    except MeetingNotFound:
        raise CliError(
            f"no meeting with id '{one_line(args.id, 80)}' in {ctx.data_dir} (see: sdm-facilitator list)"
        ) from None
    except UnreadableMeetingError as error:
        raise CliError(f"cannot read {one_line(str(error.unreadable))}", exit_code=1) from None
    seal, to = _sealer(ctx, args)
    try:
        result = hand_over(
            store,
            ids,
            by=args.by or _login_name(),
            to=to,
            output=Path(args.output).expanduser(),
            seal=seal,
        )
    except (HandoverError, StoreError) as error:
        raise CliError(one_line(str(error)), exit_code=1) from None
    except EncryptionUnavailable as error:
        raise CliError(str(error), exit_code=1) from None
    count = len(result.meeting_ids)
    what = "1 meeting" if count == 1 else f"{count} meetings"
    print(f"Wrote {result.path} ({what}, encrypted) for {one_line(to, 60)}.", file=ctx.out)
    print(
        "The copy here is now read-only. Once your colleague has imported it, delete it with: "
        f"sdm-facilitator delete {args.id}",
        file=ctx.out,
    )
    if not args.recipient:
        print(
            "Tell your colleague the passphrase another way than the file (a call, not the same e-mail).",
            file=ctx.out,
        )
    return 0


def _open_file(ctx: CliContext, path: Path) -> bytes:
    from sdm_facilitator.storage import handover_file
    from sdm_facilitator.storage.files import read_small_file

    try:
        data = read_small_file(path, handover_file.MAX_HANDOVER_BYTES)
    except FileNotFoundError:
        raise CliError(f"no file {one_line(str(path))}", exit_code=1) from None
    except OSError as error:
        raise CliError(
            f"{one_line(path.name)} cannot be read ({error.strerror or type(error).__name__})", exit_code=1
        ) from None
    try:
        header = handover_file.read_header(data)
        if header.mode == "passphrase":
            import os

            passphrase = os.environ.get(HANDOVER_PASSPHRASE_ENV)
            if passphrase is None:
                passphrase = ask_secret(ctx, "Passphrase of the handover file: ", HANDOVER_PASSPHRASE_ENV)
            return handover_file.open_with_passphrase(header, passphrase)
        from sdm_facilitator.storage.handover_key import HandoverKeyError, load_private_key

        try:
            private = load_private_key(open_store(ctx))
        except HandoverKeyError as error:
            raise CliError(f"{one_line(str(error))}; nothing was added", exit_code=1) from None
        return handover_file.open_with_private_key(header, private)
    except handover_file.HandoverFileError as error:
        raise CliError(one_line(str(error)), exit_code=1) from None
    except EncryptionUnavailable as error:
        raise CliError(str(error), exit_code=1) from None


def _describe_contents(ctx: CliContext, contents: object) -> None:
    from sdm_facilitator.storage.handover import HandoverContents

    assert isinstance(contents, HandoverContents)
    count = len(contents.meetings)
    print(f"This handover file holds {'1 meeting' if count == 1 else f'{count} meetings'}:", file=ctx.out)
    for meeting in contents.meetings:
        kind = MEETING_KIND_LABELS.get(meeting.kind, meeting.kind)
        when = f", {meeting.meeting_date.isoformat()}" if meeting.meeting_date else ""
        review = " (a review)" if meeting.reviews_meeting_id else ""
        print(
            f"  {meeting.id}  {one_line(meeting.family_label or '(no family label)', 50)}: {kind}{review}{when}; "
            f"{_children(len(meeting.children))}, {'1 person' if len(meeting.people) == 1 else f'{len(meeting.people)} people'}",
            file=ctx.out,
        )
    last = (
        contents.meetings[0].handovers[-1] if contents.meetings and contents.meetings[0].handovers else None
    )
    if last is not None:
        print(f"{one_line(describe_handover(last), 200)}.", file=ctx.out)


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.storage.handover import HandoverError, add_meetings, duplicates, read_contents
    from sdm_facilitator.storage.store import StoreError

    path = Path(args.file).expanduser()
    store = open_store(ctx)
    refused = store.writes_refused()
    if refused is not None:
        raise CliError(one_line(refused), exit_code=1)
    plaintext = _open_file(ctx, path)
    try:
        contents = read_contents(plaintext, path.name)
    except HandoverError as error:
        raise CliError(one_line(str(error)), exit_code=1) from None
    _describe_contents(ctx, contents)
    taken = duplicates(store, contents)
    if taken and not args.keep_both:
        raise CliError(
            f"a meeting with id {', '.join(taken)} is already here (the sender's own copy, or imported before); "
            "nothing was added. Use --keep-both to add it as a second meeting",
            exit_code=1,
        )
    if not args.yes:
        print(
            f"Add {'it' if len(contents.meetings) == 1 else 'them'} to {ctx.data_dir}? [y/N]",
            end=" ",
            file=ctx.err,
            flush=True,
        )
        if ctx.stdin.readline().strip().lower() not in ("y", "yes"):
            raise CliError("nothing was added", exit_code=1)
    try:
        ids = add_meetings(store, contents, keep_both=args.keep_both)
    except (HandoverError, StoreError) as error:
        raise CliError(one_line(str(error)), exit_code=1) from None
    print(f"Added {', '.join(ids)}.", file=ctx.out)
    return 0


def run_handover_key(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.storage.atomic import atomic_write_bytes
    from sdm_facilitator.storage.handover_key import (
        HandoverKeyError,
        create_key_pair,
        load_private_key,
        public_key_text,
        public_of,
    )
    from sdm_facilitator.storage.store import StoreError

    store = open_store(ctx)
    owner = args.owner or _login_name()
    target = Path(args.output).expanduser()
    if target.exists():
        raise CliError(f"{one_line(str(target))} already exists; choose a new file name", exit_code=1)
    try:
        if args.show:
            public = public_of(load_private_key(store), owner)
        else:
            refused = store.writes_refused()
            if refused is not None:
                raise CliError(one_line(refused), exit_code=1)
            public = create_key_pair(store, owner)
        atomic_write_bytes(target, public_key_text(public).encode("utf-8"), mode=0o644)
    except (HandoverKeyError, StoreError) as error:
        raise CliError(one_line(str(error)), exit_code=1) from None
    except EncryptionUnavailable as error:
        raise CliError(str(error), exit_code=1) from None
    except OSError as error:
        raise CliError(
            f"could not write {one_line(str(target))} ({error.strerror or error})", exit_code=1
        ) from None
    print(f"Wrote the public key {public.fingerprint} to {target}.", file=ctx.out)
    print(
        "Give this file to colleagues: they seal handover files for you with --recipient FILE.", file=ctx.out
    )
    return 0


def _children(count: int) -> str:
    return "1 child" if count == 1 else f"{count} children"
