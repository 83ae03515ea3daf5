"""Open the Textual app. Imported only when the app is wanted, to keep commands fast."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from sdm_facilitator.cli.context import CliContext, CliError


def open_app(ctx: CliContext, *, demo: bool = False) -> int:
    """Run the app on the data folder, or on a temporary folder of demo meetings.

    The demo folder is removed afterwards, so ``--demo`` leaves nothing behind
    and never touches the user's own meetings.
    """
    from sdm_facilitator.ui.memory_tuning import pause_collection_for_start

    pause_collection_for_start()  # until the first screen has painted (``ui/memory_tuning.py``)
    demo_dir: Path | None = None
    data_dir = ctx.data_dir
    if demo:
        from sdm_facilitator.demo import write_demo

        demo_dir = Path(tempfile.mkdtemp(prefix="sdm-facilitator-demo-"))
        write_demo(demo_dir)
        data_dir = demo_dir
    try:
        from sdm_facilitator.ui.app import SdmApp

        app = SdmApp(data_dir=data_dir, demo=demo)
        try:
            app.run()
        except OSError as error:
            raise CliError(f"could not open the app: {error}") from None
        return int(app.return_code or 0)
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
