"""Child process for the recovery-key kill test: ``python recovery_key_child.py DATA_DIR [pause]``.

Runs the real ``encrypt`` command with cheap key derivation. With ``pause``
it stops for good right after the first meeting file is sealed and says so
on stderr, so the parent's SIGKILL lands mid-conversion every time, never
by luck of timing.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sdm_facilitator.cli import main
from sdm_facilitator.storage import conversion, keyfile
from support.privacy_helpers import cheap_params

FIRST_FILE_SEALED = "child: first meeting file sealed"


def _pause_after_first_meeting_file() -> None:
    real_write = conversion.atomic_write_bytes

    def write_then_pause(path: Path, data: bytes, *args: Any, **kwargs: Any) -> Any:
        result = real_write(path, data, *args, **kwargs)
        if path.parent.name == "meetings":
            print(FIRST_FILE_SEALED, file=sys.stderr, flush=True)
            while True:
                signal.pause()  # the parent's SIGKILL ends this process here
        return result

    conversion.atomic_write_bytes = write_then_pause  # type: ignore[assignment]


if __name__ == "__main__":
    keyfile.default_kdf_params = cheap_params  # type: ignore[assignment]
    if sys.argv[2:] == ["pause"]:
        _pause_after_first_meeting_file()
    sys.exit(main(["--data-dir", sys.argv[1], "encrypt"]))
