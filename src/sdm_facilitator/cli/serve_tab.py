"""One browser tab's app, as ``sdm-facilitator serve`` starts it: ``python -m sdm_facilitator.cli.serve_tab DIR``.

The same app as in a terminal, on the same data folder; textual-serve runs it
with Textual's web driver. Ctrl+C pressed in the terminal where ``serve`` runs
reaches every process started from it, and ``serve`` then tells each tab's app
to quit. Until the web driver is running, a tab ignores Ctrl+C (an app stopped
halfway through starting could leave its meeting half-opened); once it runs,
the driver turns Ctrl+C and the tab closing into an exit request, which the app
answers by saving first (``SdmApp.on_exit_app``).
"""

from __future__ import annotations

import signal
import sys


def main(argv: list[str]) -> int:
    """Run the app on the data folder named by the one argument."""
    if len(argv) != 1:
        print("usage: python -m sdm_facilitator.cli.serve_tab DATA_DIR", file=sys.stderr)
        return 2
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from sdm_facilitator.cli import main as cli_main

    return cli_main(["--data-dir", argv[0]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
