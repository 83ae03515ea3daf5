"""Child process for the conversion kill test: ``python conversion_child.py DATA_DIR encrypt|decrypt``.

Runs the real command with cheap key derivation (the parent kills it at a
random moment, so it must not spend its time deriving keys). It prints
"ready" once its imports are done, the moment the parent's timing starts. The recovery
key goes into a new file beside the data folder, as a script would keep it
(``SDM_FACILITATOR_RECOVERY_KEY_FILE``), instead of being typed back.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sdm_facilitator.cli import main
from sdm_facilitator.storage import keyfile
from support.privacy_helpers import cheap_params

if __name__ == "__main__":
    keyfile.default_kdf_params = cheap_params  # type: ignore[assignment]
    key_file = Path(sys.argv[1]).parent / f"recovery-key-{os.getpid()}.txt"
    os.environ["SDM_FACILITATOR_RECOVERY_KEY_FILE"] = str(key_file)
    # Imports done: the parent times its kill from here, so a busy machine's slow start-up
    # never swallows the moment it meant to land in the conversion.
    print("ready", flush=True)
    sys.exit(main(["--data-dir", sys.argv[1], sys.argv[2]]))
