"""A guides folder with thousands of files is read only up to a cap, and the skipped files are named.

10,000 guide files made ``list``, ``guides list`` and ``show`` take about a
minute and 1.3 GB each. At most ``MAX_GUIDE_FILES`` files (in name order)
and ``MAX_GUIDE_FOLDER_BYTES`` bytes are read from a folder; what was left
out is said in one line, on stderr for commands about meetings and in the
listing for ``guides list``. Counts, not timings, are checked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sdm_facilitator.guides.loader import (
    MAX_FILE_BYTES,
    MAX_GUIDE_FILES,
    MAX_GUIDE_FOLDER_BYTES,
    load_library,
)
from support.cli_helpers import new, run

MANY = 10_000


@pytest.fixture
def user_guides(isolated_data_dir: Path) -> Path:
    folder = isolated_data_dir / "guides"
    folder.mkdir(parents=True, mode=0o700)
    isolated_data_dir.chmod(0o700)
    return folder


def _many_guide_files(folder: Path, count: int = MANY) -> None:
    for number in range(count):
        (folder / f"g{number:05d}.toml").write_text('[guide]\nid = "not-finished"\n', encoding="utf-8")


def test_only_the_first_files_of_a_huge_guides_folder_are_read(user_guides: Path) -> None:
    _many_guide_files(user_guides)
    library = load_library(user_guides)
    assert len(library.unusable) == MAX_GUIDE_FILES
    assert max(library.unusable) == user_guides / f"g{MAX_GUIDE_FILES - 1:05d}.toml"
    (note,) = library.skipped
    assert f"{MANY - MAX_GUIDE_FILES:,} of the {MANY:,} guide files" in note
    assert note in library.notices()
    # The bundled guides are all still there.
    assert "fgc" in library.guides


def test_the_folder_byte_cap_is_checked_before_reading(user_guides: Path) -> None:
    per_file = MAX_FILE_BYTES - 1
    count = MAX_GUIDE_FOLDER_BYTES // per_file + 3
    for number in range(count):
        with (user_guides / f"big{number:02d}.toml").open("wb") as handle:
            handle.truncate(per_file)  # sparse: no disk used
    library = load_library(user_guides)
    assert len(library.unusable) == MAX_GUIDE_FOLDER_BYTES // per_file
    (note,) = library.skipped
    assert f"3 of the {count} guide files" in note


def test_commands_say_once_what_was_not_read(user_guides: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _many_guide_files(user_guides)
    meeting_id = new(capsys, "Caps family")
    said = f"{MANY - MAX_GUIDE_FILES:,} of the {MANY:,} guide files"
    for command in (["list"], ["show", meeting_id]):
        code, out, err = run(capsys, *command)
        assert code == 0, err
        assert [line for line in err.splitlines() if said in line] == [err.strip()], err
    code, out, err = run(capsys, "guides", "list")
    assert code == 0 and said in out
    code, out, err = run(capsys, "guides", "list", "--json")
    assert code == 0 and said in json.loads(out)["skipped"][0]
