"""What every command-line handler needs, passed explicitly so tests can swap it."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO


class CliError(Exception):
    """A problem to report as one clear line on stderr with a non-zero exit.

    Handlers raise this instead of printing and exiting themselves, so the
    formatting of errors lives in one place and never includes a traceback.
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


@dataclass
class CliContext:
    """Resolved locations and output streams for one command-line run."""

    data_dir: Path
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    # The unlocked store of an encrypted data folder, so one run asks for the passphrase once.
    unlocked_store: Any = None


def refuse_unsafe_folder(ctx: CliContext) -> None:
    """Stop (as ssh and gpg do) when other users could change the data or guides folder.

    The message names each folder and the exact command that fixes it.
    """
    from sdm_facilitator.domain.safe_text import one_line
    from sdm_facilitator.paths import user_guides_dir
    from sdm_facilitator.storage.folder_safety import describe_problems, folder_problems

    problems = folder_problems(ctx.data_dir, (user_guides_dir(ctx.data_dir),))
    if problems:
        raise CliError(one_line(describe_problems(problems)))
