"""Child process for crash tests: runs one command and stops just before one file's rename.

``python crash_child.py NAME ARGS...`` runs ``sdm-facilitator ARGS...``; when an
atomic write of a file called ``NAME`` has its temporary copy complete and
the rename (or, for a file made only once, the link) is next, it prints ``at-rename <temporary file>`` and waits on
stdin for ever. The parent reads that line, then SIGKILLs it: the moment the
summary index, a paper or a meeting is most exposed, as an ``strace``
delay on ``rename`` would catch it, without depending on timing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sdm_facilitator.cli import main
from sdm_facilitator.storage import atomic, keyfile
from support.privacy_helpers import cheap_params


def _pause_before(name: str) -> None:
    real_replace = atomic._replace

    def replace(source: Path, target: Path) -> None:
        if Path(target).name == name:
            print(f"at-rename {source}", flush=True)
            sys.stdin.read()  # the parent never writes: this waits for the SIGKILL
            os._exit(3)  # pragma: no cover - stdin closed: never rename
        real_replace(source, target)

    atomic._replace = replace  # type: ignore[assignment]
    real_link = os.link

    def link(source: str | os.PathLike[str], target: str | os.PathLike[str], **kwargs: object) -> None:
        if Path(target).name == name:
            print(f"at-rename {source}", flush=True)
            sys.stdin.read()
            os._exit(3)  # pragma: no cover
        real_link(source, target, **kwargs)  # type: ignore[arg-type]

    os.link = link  # type: ignore[assignment]


if __name__ == "__main__":
    keyfile.default_kdf_params = cheap_params  # type: ignore[assignment]
    _pause_before(sys.argv[1])
    sys.exit(main(sys.argv[2:]))
