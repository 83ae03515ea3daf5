"""conflicts: a sync engine's conflict copy listed, compared field by field and merged from the command line."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Child, Meeting
from sdm_facilitator.storage.codec import meeting_to_toml
from sdm_facilitator.storage.store import MeetingStore
from support.cli_helpers import run


def test_conflicts_lists_compares_and_merges(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    here = Meeting(family_label="Quillfeather family", children=[Child(id="c1", name="Ottoline")])
    there = copy.deepcopy(here)
    here.referral.worries = "nights"
    there.children[0].views = "misses her dad"
    store = MeetingStore(isolated_data_dir)
    store.close(store.create(here))
    name = f"{here.id}-LAPTOP-SAM.toml"  # OneDrive's way of keeping both
    (store.folder / name).write_text(meeting_to_toml(there))
    code, out, err = run(capsys, "conflicts")
    assert code == 0 and out == f"{name}  meeting {here.id}\n", err
    code, out, _ = run(capsys, "conflicts", name)
    assert out.splitlines() == [
        "1. referral › worries: meeting 'nights'; copy '(empty)'",
        "2. children › Ottoline › views: meeting '(empty)'; copy 'misses her dad'",
    ]
    code, _, err = run(capsys, "conflicts", name, "--merge", "--take-copy", "3")
    assert code == 2 and "not a difference from 1 to 2" in err
    code, out, err = run(capsys, "conflicts", name, "--merge", "--take-copy", "2")
    assert code == 0, err
    merged = MeetingStore(isolated_data_dir).open(here.id, lock=False).meeting
    assert (merged.referral.worries, merged.children[0].views) == ("nights", "misses her dad")
    assert not (store.folder / name).exists()
    _, out, _ = run(capsys, "conflicts")
    assert out == "No conflict copies.\n"
