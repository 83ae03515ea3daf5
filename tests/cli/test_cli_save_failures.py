"""A save that fails says why in one line, as ``new`` does, never "unexpected error".

``close`` on a meeting that would exceed the 4 MB file limit ended in
"unexpected error (CodecError)" (the app names the longest text; so does the
command line now), and on a full disk in "unexpected error (OSError)". In
both cases the file on disk stays exactly as it was.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.limits import MAX_FILE_BYTES
from sdm_facilitator.storage.store import MeetingStore
from support.cli_helpers import run


def _stored(data_dir: Path, strengths: str = "") -> tuple[str, Path]:
    store = MeetingStore(data_dir)
    store.ensure()
    meeting = Meeting(kind="fgc", family_label="Save family")
    meeting.referral.strengths = strengths
    store.close(store.create(meeting))
    return meeting.id, store.path_for(meeting.id)


def test_close_that_would_exceed_the_size_limit_names_the_longest_text(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    meeting_id, path = _stored(isolated_data_dir, "x" * (MAX_FILE_BYTES - 5_000))
    before = path.read_bytes()
    code, out, err = run(capsys, "close", meeting_id, "--reason", "other", "--note", "y" * 10_000)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "unexpected" not in err
    assert "not saved" in err and "too large" in err and "referral.strengths" in err
    assert path.read_bytes() == before


def test_close_on_a_full_disk_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id, path = _stored(isolated_data_dir)
    before = path.read_bytes()

    def disk_full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_full)
    code, out, err = run(capsys, "close", meeting_id, "--reason", "other")
    monkeypatch.undo()
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "unexpected" not in err
    assert "not saved" in err and os.strerror(errno.ENOSPC) in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if ".tmp-" in p.name) == []
