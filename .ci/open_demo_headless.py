"""Open the demo headlessly from an installed sdm-facilitator, and say which copy was opened.

Run by .ci/run in the virtual environment made from a folder of wheels with no
index (the offline install), and by the Windows and macOS workflow. It must
be run from outside the source tree, so the installed package is the one
imported. Exits 0 once the list of meetings shows every demo meeting.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path


async def open_demo(folder: Path) -> int:
    from textual.widgets import DataTable

    from sdm_facilitator.demo import write_demo
    from sdm_facilitator.ui.app import SdmApp

    expected = len(write_demo(folder))
    app = SdmApp(data_dir=folder, demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 60
        while True:
            await pilot.pause()
            tables = app.screen.query("#meetings")
            if tables and isinstance(table := tables.first(), DataTable) and table.row_count == expected:
                return expected
            if time.monotonic() > deadline:
                raise SystemExit(f"the list of meetings never showed the {expected} demo meetings")
            await asyncio.sleep(0.1)


def main() -> int:
    import sdm_facilitator

    folder = Path(tempfile.mkdtemp(prefix="sdm-facilitator-offline-"))
    try:
        shown = asyncio.run(open_demo(folder / "data"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    where = Path(sdm_facilitator.__file__).parent
    print(f"sdm-facilitator {sdm_facilitator.__version__} from {where}")
    print(f"the demo opened headlessly with {shown} meetings listed (Python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
