"""Commands that make a store encrypted or plain: ``init``, ``encrypt``, ``decrypt``, ``passphrase``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, TextIO

from sdm_facilitator.cli.context import CliContext, CliError
from sdm_facilitator.cli.unlock import NEW_PASSPHRASE_ENV, ask_new_passphrase, unlock
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.storage.conversion_state import clear_conversion, conversion_direction
from sdm_facilitator.storage.store import MeetingStore, StoreError

#: For scripts: a new file to keep the recovery key in, instead of typing part of it back.
RECOVERY_KEY_FILE_ENV = "SDM_FACILITATOR_RECOVERY_KEY_FILE"
CONFIRM_TRIES = 3
LOST_PASSPHRASE_WARNING = (
    "Keep the passphrase, and this recovery key, somewhere safe and apart from the laptop. "
    "Without one of them nobody (not the app's makers, not your IT team) can read these meetings again."
)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the encryption subcommands."""
    init = subparsers.add_parser("init", help="create the data folder (with --encrypt: an encrypted store)")
    init.add_argument("--encrypt", action="store_true", help="encrypt every meeting file with a passphrase")
    init.set_defaults(handler=run_init)

    encrypt = subparsers.add_parser(
        "encrypt", help="encrypt an existing store in place (safe to interrupt; run again to carry on)"
    )
    encrypt.set_defaults(handler=run_encrypt)

    decrypt = subparsers.add_parser("decrypt", help="turn an encrypted store back into plain files, in place")
    decrypt.add_argument("--recovery-key", action="store_true", help="unlock with the recovery key instead")
    decrypt.set_defaults(handler=run_decrypt)

    passphrase = subparsers.add_parser("passphrase", help="change the passphrase of an encrypted store")
    passphrase.add_argument(
        "--recovery-key", action="store_true", help="unlock with the recovery key (passphrase forgotten)"
    )
    passphrase.add_argument(
        "--new-recovery-key",
        action="store_true",
        help="make a new recovery key instead (the old one stops working)",
    )
    passphrase.set_defaults(handler=run_passphrase)


def _progress(out: TextIO, verb: str):  # type: ignore[no-untyped-def]
    def show(done: int, total: int) -> None:
        if done == total or done % 25 == 0:
            print(f"  {verb} {done} of {total} files", file=out, flush=True)

    return show


def _print_recovery_key(ctx: CliContext, recovery: str, *, intro: str | None = None) -> None:
    print(
        intro or "\nRecovery key (write it down or print it, and keep it apart from the laptop):",
        file=ctx.out,
    )
    print(f"\n    {recovery}\n", file=ctx.out)
    print(LOST_PASSPHRASE_WARNING, file=ctx.out, flush=True)


def _keep_in_file(ctx: CliContext, recovery: str, target: str) -> None:
    """For scripts: the recovery key into a new file readable only by this user (never over another)."""
    from sdm_facilitator.storage.atomic import atomic_write_bytes
    from sdm_facilitator.storage.files import read_small_file

    path = Path(target).expanduser()
    text = f"{recovery}\n"
    try:
        if path.exists():
            if read_small_file(path, 4096) == text.encode("ascii"):
                return  # a resumed run, same key, same file
            raise CliError(
                f"{one_line(str(path))} already exists; {RECOVERY_KEY_FILE_ENV} must name a new file. "
                "Nothing was changed"
            )
        atomic_write_bytes(path, text.encode("ascii"))
    except OSError as error:
        raise CliError(
            f"the recovery key could not be written to {one_line(str(path))} "
            f"({error.strerror or type(error).__name__}); nothing was changed"
        ) from None
    print(f"The recovery key is also in {one_line(str(path))}.", file=ctx.out, flush=True)


def confirm_recovery_key(ctx: CliContext, recovery: str, *, intro: str | None = None) -> None:
    """Show the recovery key and have the person type back its last group, before anything is converted.

    Shown after the last file, a kill during the conversion lost it for good.
    For scripts, ``SDM_FACILITATOR_RECOVERY_KEY_FILE`` names a new file to
    keep it in instead of typing. Raises ``CliError`` (nothing changed) when
    it is not confirmed.
    """
    _print_recovery_key(ctx, recovery, intro=intro)
    target = os.environ.get(RECOVERY_KEY_FILE_ENV)
    if target:
        _keep_in_file(ctx, recovery, target)
        return
    last_group = recovery.rsplit("-", 1)[-1]
    for _ in range(CONFIRM_TRIES):
        print(
            "To show it is written down, type the last group of the recovery key "
            "(the characters after the last dash): ",
            end="",
            file=ctx.err,
            flush=True,
        )
        try:
            line = ctx.stdin.readline()
        except (OSError, ValueError):
            line = ""
        if not line:
            raise CliError(
                "the recovery key was not confirmed, so nothing was changed: run this in a terminal "
                f"and type its last group when asked, or set {RECOVERY_KEY_FILE_ENV} to a new file to keep it in"
            )
        typed = "".join(c for c in line.upper() if c.isalnum())
        if typed == last_group:
            print("Thank you: the recovery key is confirmed.", file=ctx.err, flush=True)
            return
        print(f"That is not the last group ({len(last_group)} characters after the last dash).", file=ctx.err)
    raise CliError("the recovery key was not confirmed, so nothing was changed; run this again")


def run_init(args: argparse.Namespace, ctx: CliContext) -> int:
    store = MeetingStore(ctx.data_dir)
    if store.encrypted:
        print(f"{ctx.data_dir} is already an encrypted store.", file=ctx.out)
        return 0
    if args.encrypt and store.folder.is_dir() and any(store.folder.glob("*.toml")):
        raise CliError(
            "this data folder already has meetings: encrypt them in place with 'sdm-facilitator encrypt'"
        )
    try:
        store.ensure()
    except OSError as error:
        raise CliError(f"could not create {ctx.data_dir}: {error.strerror or error}") from None
    if not args.encrypt:
        print(f"Data folder ready: {ctx.data_dir}", file=ctx.out)
        return 0
    return run_encrypt(args, ctx)


def run_encrypt(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.storage.conversion import ConversionBlocked, encrypt_store, pending_recovery_key
    from sdm_facilitator.storage.crypto import EncryptionUnavailable, FileCipher
    from sdm_facilitator.storage.keyfile import KeyFile

    store = MeetingStore(ctx.data_dir)
    recovery: str | None = None
    try:
        if store.encrypted:
            data_key, _ = unlock(ctx)
            cipher = FileCipher(data_key)
            create = None
            if conversion_direction(ctx.data_dir) == "encrypt":
                recovery = _resumed_recovery_key(ctx, pending_recovery_key(ctx.data_dir, cipher))
        else:
            passphrase = ask_new_passphrase(ctx)
            print("Deriving the key from the passphrase (about half a second)...", file=ctx.err, flush=True)
            key_file, data_key, recovery = KeyFile.create(passphrase)
            cipher = FileCipher(data_key)
            # Before the first file is touched: a kill later can no longer take the key with it.
            confirm_recovery_key(ctx, recovery)

            def create() -> None:
                key_file.save(ctx.data_dir)

        result = encrypt_store(
            ctx.data_dir,
            cipher,
            create_key_file=create,
            recovery_key=recovery,
            progress=_progress(ctx.err, "encrypted"),
        )
    except EncryptionUnavailable as error:
        raise CliError(str(error), exit_code=1) from None
    except ConversionBlocked as error:
        raise CliError(f"{error}; nothing more was changed", exit_code=1) from None
    except (OSError, StoreError) as error:
        raise CliError(
            f"encryption stopped ({getattr(error, 'strerror', None) or error}); every file is whole: "
            "run 'sdm-facilitator encrypt' again to carry on",
            exit_code=1,
        ) from None
    print(
        f"The store in {ctx.data_dir} is encrypted: {result.converted} files encrypted now, "
        f"{result.already_done} already were.",
        file=ctx.out,
    )
    return _report_skipped(ctx, result.skipped, "NOT encrypted")


def _resumed_recovery_key(ctx: CliContext, pending: str | None) -> str | None:
    """A resumed encryption shows its recovery key again (confirmed again), or says how to make a new one."""
    if pending is not None:
        confirm_recovery_key(
            ctx,
            pending,
            intro="\nThis store's encryption was interrupted; carrying on. Its recovery key, again "
            "(the same one as before; write it down if you have not):",
        )
        return pending
    print(
        "sdm-facilitator: this store's encryption was interrupted and its recovery key cannot be shown "
        "again. If you did not write it down, make a new one after this finishes: "
        "sdm-facilitator passphrase --new-recovery-key (the old one then stops working).",
        file=ctx.err,
        flush=True,
    )
    return None


def _report_skipped(ctx: CliContext, skipped: tuple[Any, ...], what: str) -> int:
    """One line per file left as it was; exit 1 so a script notices, 0 when there were none."""
    for item in skipped:
        print(
            f"sdm-facilitator: {one_line(item.path.name)} was left as it was, {what}: it {item.reason}. "
            "It cannot be a meeting: move it out of the meetings folder.",
            file=ctx.err,
        )
    return 1 if skipped else 0


def run_decrypt(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.storage.conversion import ConversionBlocked, decrypt_store
    from sdm_facilitator.storage.crypto import FileCipher

    store = MeetingStore(ctx.data_dir)
    if not store.encrypted:
        direction = conversion_direction(ctx.data_dir)
        if direction == "decrypt":  # stopped after the key file went: every file is plain already
            clear_conversion(ctx.data_dir)
            print(f"The store in {ctx.data_dir} is no longer encrypted.", file=ctx.out)
            return 0
        if direction == "encrypt":
            raise CliError(
                "an encryption was interrupted before the key file was written: run 'sdm-facilitator encrypt'"
            )
        raise CliError("this store is not encrypted")
    data_key, _ = unlock(ctx, recovery=args.recovery_key)
    try:
        result = decrypt_store(ctx.data_dir, FileCipher(data_key), progress=_progress(ctx.err, "decrypted"))
    except ConversionBlocked as error:
        raise CliError(str(error), exit_code=1) from None
    except (OSError, StoreError) as error:
        raise CliError(
            f"decryption stopped ({getattr(error, 'strerror', None) or error}); every file is whole: "
            "run 'sdm-facilitator decrypt' again to carry on",
            exit_code=1,
        ) from None
    print(
        f"The store in {ctx.data_dir} is no longer encrypted: {result.converted} files decrypted. "
        "Its files are now readable by anyone who can read this folder.",
        file=ctx.out,
    )
    return _report_skipped(ctx, result.skipped, "not decrypted")


def run_passphrase(args: argparse.Namespace, ctx: CliContext) -> int:
    if not MeetingStore(ctx.data_dir).encrypted:
        raise CliError("this store is not encrypted (see: sdm-facilitator encrypt)")
    data_key, key_file = unlock(ctx, recovery=args.recovery_key)
    try:
        if args.new_recovery_key:
            renewed, recovery = key_file.with_new_recovery_key(data_key)  # type: ignore[attr-defined]
            # Confirmed before it replaces the old one: saved first, a kill lost both.
            confirm_recovery_key(
                ctx, recovery, intro="\nNew recovery key (the old one stops working once you confirm):"
            )
            renewed.save(ctx.data_dir)
            print("The new recovery key is saved; the old one no longer works.", file=ctx.out)
            return 0
        new = ask_new_passphrase(ctx, NEW_PASSPHRASE_ENV)
        key_file.rewrapped(data_key, new).save(ctx.data_dir)  # type: ignore[attr-defined]
    except OSError as error:
        raise CliError(
            f"the key file could not be written ({error.strerror or error}); the old passphrase still works"
        ) from None
    print(
        "The passphrase is changed. The meetings were not rewritten; the recovery key still works.",
        file=ctx.out,
    )
    return 0
