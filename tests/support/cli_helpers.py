"""Running the command line in-process, as the CLI tests do."""

from __future__ import annotations

import pytest

from sdm_facilitator.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one command."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def new(capsys: pytest.CaptureFixture[str], label: str) -> str:
    """Create an FGC meeting for ``label`` and return its id."""
    code, out, err = run(capsys, "new", "--kind", "fgc", "--family", label)
    assert code == 0, err
    return out.strip()
