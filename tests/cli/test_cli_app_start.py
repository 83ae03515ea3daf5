"""Opening the app imports none of the commands' modules; anything else goes through the whole parser."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sdm_facilitator.cli import _opening_the_app


@pytest.mark.parametrize(
    ("words", "data_dir", "demo"),
    [([], None, False), (["--data-dir", "d"], "d", False), (["--data-dir=d", "--demo"], "d", True)],
)
def test_only_the_app_options_open_the_app_directly(
    words: list[str], data_dir: str | None, demo: bool
) -> None:
    args = _opening_the_app(words)
    assert args is not None and (args.data_dir, args.demo, args.command) == (data_dir, demo, None)


@pytest.mark.parametrize(
    "words",
    [["list"], ["--demo", "list"], ["-h"], ["--he"], ["--version"], ["--data-dir"], ["--data-dir", "--demo"]],
)
def test_a_command_help_or_mistake_goes_to_the_whole_parser(words: list[str]) -> None:
    assert _opening_the_app(words) is None


def test_opening_the_app_imports_no_command_module() -> None:
    code = (
        "import sys\n"
        "from sdm_facilitator.cli import _opening_the_app\n"
        "assert _opening_the_app([]) is not None\n"
        "print(sorted(m for m in sys.modules if m.startswith('sdm_facilitator.cli.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['sdm_facilitator.cli.context']"


_COLLECTOR_AT_FIRST_PAINT = """
import asyncio, gc, sys
from textual.app import App

seen = []
_run = App.run

async def pilot(driven):
    app = driven.app
    while type(app.screen).__name__ != "HomeScreen":
        await asyncio.sleep(0.001)
    seen.append(("before the first paint", gc.isenabled()))
    painted = asyncio.Event()
    app.screen.call_after_refresh(painted.set)
    await painted.wait()
    await asyncio.sleep(0.05)  # the app's own after-refresh callback ran with the same refresh
    seen.append(("after it", gc.isenabled(), gc.get_freeze_count() > 0, gc.get_threshold()[0]))
    app.exit()

def run(self, *args, **kwargs):
    kwargs.update(headless=True, auto_pilot=pilot)
    return _run(self, *args, **kwargs)

App.run = run
from sdm_facilitator.cli import main
main(["--demo"])
print(seen)
"""


def test_the_collector_is_paused_while_the_app_starts_and_runs_again_once_it_has_painted() -> None:
    """``ui/memory_tuning.py``: through the real command line, in a process of its own."""
    from sdm_facilitator.ui.memory_tuning import FIRST_GENERATION_THRESHOLD

    done = subprocess.run(
        [sys.executable, "-c", _COLLECTOR_AT_FIRST_PAINT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(
        [("before the first paint", False), ("after it", True, True, FIRST_GENERATION_THRESHOLD)]
    )
