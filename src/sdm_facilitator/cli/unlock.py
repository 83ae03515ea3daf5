"""Getting a passphrase on the command line, and opening the (possibly encrypted) store.

The passphrase comes from ``SDM_FACILITATOR_PASSPHRASE`` (for scripts, and for
tests) or else from a prompt that does not echo. Without a terminal and
without the variable, the command stops with a message saying both ways.
"""

from __future__ import annotations

import getpass
import os

from sdm_facilitator.cli.context import CliContext, CliError
from sdm_facilitator.storage.keyfile import new_passphrase_problem
from sdm_facilitator.storage.store import MeetingStore

PASSPHRASE_ENV = "SDM_FACILITATOR_PASSPHRASE"
NEW_PASSPHRASE_ENV = "SDM_FACILITATOR_NEW_PASSPHRASE"
RECOVERY_KEY_ENV = "SDM_FACILITATOR_RECOVERY_KEY"


def _prompt(ctx: CliContext, prompt: str, env: str) -> str:
    from_env = os.environ.get(env)
    if from_env is not None:
        return from_env
    if not ctx.stdin.isatty():
        raise CliError(f"{prompt.rstrip(': ').lower()} needed: run this in a terminal, or set {env}")
    try:
        return getpass.getpass(prompt, stream=ctx.err)
    except EOFError:
        raise CliError("no passphrase given") from None


def ask_secret(ctx: CliContext, prompt: str, env: str) -> str:
    """A secret from ``env``, else typed at a prompt that does not echo (a handover file's passphrase)."""
    return _prompt(ctx, prompt, env)


def ask_passphrase(ctx: CliContext) -> str:
    return _prompt(ctx, "Passphrase: ", PASSPHRASE_ENV)


def ask_recovery_key(ctx: CliContext) -> str:
    return _prompt(ctx, "Recovery key: ", RECOVERY_KEY_ENV)


def ask_new_passphrase(ctx: CliContext, env: str = PASSPHRASE_ENV) -> str:
    """A new passphrase, typed twice at a prompt (once in the environment variable)."""
    if os.environ.get(env) is not None:
        passphrase = os.environ[env]
    else:
        passphrase = _prompt(ctx, "New passphrase: ", env)
        if _prompt(ctx, "The same passphrase again: ", env) != passphrase:
            raise CliError("the two passphrases differ; nothing was changed")
    problem = new_passphrase_problem(passphrase)
    if problem is not None:
        raise CliError(f"{problem}; nothing was changed")
    return passphrase


def unlock(ctx: CliContext, *, recovery: bool = False) -> tuple[bytes, object]:
    """The data key and the loaded key file, from the passphrase or the recovery key."""
    from sdm_facilitator.storage.crypto import EncryptionUnavailable
    from sdm_facilitator.storage.keyfile import KeyFile, KeyFileError, WrongPassphrase

    try:
        key_file = KeyFile.load(ctx.data_dir)
        if recovery:
            return key_file.unlock_with_recovery_key(ask_recovery_key(ctx)), key_file
        return key_file.unlock(ask_passphrase(ctx)), key_file
    except WrongPassphrase as error:
        raise CliError(f"{error}; the store stays locked and nothing was changed", exit_code=1) from None
    except (KeyFileError, EncryptionUnavailable) as error:
        raise CliError(str(error), exit_code=1) from None


def open_store(ctx: CliContext) -> MeetingStore:
    """The meeting store; an encrypted one is unlocked (asking once per run).

    A store its owner made read-only is opened read-only: commands that read
    still work, a command that would write says why in one line, and not even
    the summary index is written. A store of encrypted files whose key file is
    gone refuses each write itself (``MeetingStore.missing_key_problem``, looked
    at only when something is about to be written: it reads every file's start).
    """
    if ctx.unlocked_store is not None:
        return ctx.unlocked_store  # type: ignore[no-any-return]
    store = MeetingStore(ctx.data_dir)
    refused = store.owner_read_only_problem()
    if refused is not None:
        store.refuse_writes(refused[0].upper() + refused[1:])
    elif store.encrypted:
        from sdm_facilitator.storage.crypto import FileCipher

        store.cipher = FileCipher(unlock(ctx)[0])
    ctx.unlocked_store = store
    return store
