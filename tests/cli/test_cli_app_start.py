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
