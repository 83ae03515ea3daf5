"""Progress on stderr while ``list`` reads every file of a store without its summary index (issue 19).

A fake clock stands in for time: nothing here sleeps, and every line is where it is
because of the clock readings given.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from sdm_facilitator.cli import progress as progress_module
from sdm_facilitator.cli.progress import ReadingProgress
from sdm_facilitator.storage.index import INDEX_NAME
from support.cli_helpers import new, run


class FakeClock:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def plain(clock: FakeClock) -> tuple[ReadingProgress, io.StringIO]:
    stream = io.StringIO()
    return ReadingProgress(stream, terminal=False, clock=clock), stream


def test_a_quick_read_shows_nothing() -> None:
    clock = FakeClock()
    progress, stream = plain(clock)
    for done in range(1, 501):
        clock.now += 0.0019  # 500 files in 0.95 s
        progress(done, 500)
    progress.finish()
    assert stream.getvalue() == ""


def test_a_slow_read_gets_one_plain_line_a_second_and_a_last_line() -> None:
    clock = FakeClock()
    progress, stream = plain(clock)
    for done in range(1, 1001):
        clock.now += 0.0035  # 1,000 files in 3.5 s, reported file by file
        progress(done, 1000)
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert lines == [
        "Reading meeting files: 286 of 1,000…",
        "Reading meeting files: 572 of 1,000…",
        "Reading meeting files: 858 of 1,000…",
        "Read 1,000 meeting files in 3.5 s.",
    ]


@pytest.mark.parametrize("step", [0.001, 0.01, 0.3, 0.999, 1.0, 2.5])
def test_never_more_than_one_line_a_second(step: float) -> None:
    clock = FakeClock()
    progress, stream = plain(clock)
    shown_at: list[float] = []
    for done in range(1, 2001):
        clock.now += step
        before = stream.getvalue()
        progress(done, 2000)
        if stream.getvalue() != before:
            shown_at.append(clock.now)
    assert all(later - earlier >= 1.0 - 1e-9 for earlier, later in zip(shown_at, shown_at[1:]))
    assert shown_at, "a read this long shows progress"
    assert shown_at[0] - 100.0 >= 1.0 - 1e-9, "nothing in the first second"


def test_an_interrupted_read_says_where_it_stopped() -> None:
    clock = FakeClock()
    progress, stream = plain(clock)
    clock.now += 1.2
    progress(300, 1000)
    clock.now += 0.3
    progress.finish()
    assert stream.getvalue().splitlines() == [
        "Reading meeting files: 300 of 1,000…",
        "Stopped after 300 of 1,000 meeting files in 1.5 s.",
    ]


def test_on_a_terminal_a_bar_is_drawn_and_cleared() -> None:
    clock = FakeClock()
    stream = io.StringIO()
    progress = ReadingProgress(stream, terminal=True, clock=clock)
    clock.now += 0.5
    progress(100, 1000)
    assert stream.getvalue() == "", "quiet in the first second"
    clock.now += 0.6
    progress(400, 1000)
    drawn = stream.getvalue()
    assert "Reading meeting files" in drawn and "400/1000" in drawn
    clock.now += 0.01
    progress(410, 1000)
    assert stream.getvalue() == drawn, "not redrawn more than ten times a second"
    clock.now += 0.2
    progress(1000, 1000)
    assert "1000/1000" in stream.getvalue()
    progress.finish()
    assert stream.getvalue().endswith("\x1b[2K"), "the bar is cleared when done"
    assert "Read 1,000" not in stream.getvalue()


def test_list_without_the_index_tells_stderr_how_far_it_has_got(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(12):
        new(capsys, f"Family {number}")
    (isolated_data_dir / "meetings" / INDEX_NAME).unlink(missing_ok=True)
    for path in (isolated_data_dir / "meetings").glob("*.toml"):
        os.utime(path, (path.stat().st_atime - 60, path.stat().st_mtime - 60))  # settled: rows are kept
    clock = FakeClock()

    def ticking() -> float:
        clock.now += 0.3  # each look at the clock: 0.3 s later
        return clock.now

    monkeypatch.setattr(progress_module.time, "monotonic", ticking)
    code, out, err = run(capsys, "list")
    assert code == 0
    assert "Family 11" in out and "Reading" not in out
    lines = err.splitlines()
    assert lines[0].startswith("Reading meeting files: ") and lines[0].endswith(" of 12…")
    assert lines[-1].startswith("Read 12 meeting files in ")
    # The index is in place now: the next list reads nothing and says nothing.
    code, out, err = run(capsys, "list")
    assert code == 0 and err == "" and "Family 11" in out
