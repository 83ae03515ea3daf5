"""Invisible characters are refused in guides, and a broken language or terms file is reported.

U+2028, U+2029, U+200B, U+FEFF, U+00AD, U+E0001 and U+FFF9 passed
``guides check`` (the line and paragraph separators were even folded away as
spaces before the check). A named pipe or an invalid ``language.toml`` or
``terms.toml`` in the user guides folder was skipped, or only counted, by
``guides list`` and ``guides check``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sdm_facilitator.guides.loader import load_guide_file
from support.cli_helpers import run

BUNDLED_FGC = Path(__file__).resolve().parents[2] / "guides" / "fgc.toml"
INVISIBLE = ["\u2028", "\u2029", "\u200b", "\ufeff", "\u00ad", "\U000e0001", "\ufff9"]


def _with_first_step_title(folder: Path, title: str) -> Path:
    text = BUNDLED_FGC.read_text(encoding="utf-8")
    title_at = text.index("title = ", text.index("[[steps]]"))
    line_end = text.index("\n", title_at)
    path = folder / "hidden.toml"
    path.write_text(text[:title_at] + f'title = "{title}"' + text[line_end:], encoding="utf-8")
    return path


@pytest.mark.parametrize("character", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_an_invisible_character_in_guide_text_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], character: str
) -> None:
    path = _with_first_step_title(tmp_path, f"Prepare{character}the family")
    guide, problems = load_guide_file(path, bundled=False)
    assert guide is None
    (problem,) = problems
    assert problem.key == "steps[1].title" and f"U+{ord(character):04X}" in problem.message
    code, out, _ = run(capsys, "guides", "check", str(path))
    assert code == 1 and f"U+{ord(character):04X}" in out and character not in out


@pytest.fixture
def user_guides(isolated_data_dir: Path) -> Path:
    folder = isolated_data_dir / "guides"
    folder.mkdir(parents=True, mode=0o700)
    isolated_data_dir.chmod(0o700)
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes are POSIX only")
@pytest.mark.parametrize("name", ["language.toml", "terms.toml"])
def test_a_pipe_as_language_or_terms_file_is_reported(
    user_guides: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    os.mkfifo(user_guides / name)
    code, out, err = run(capsys, "guides", "list")
    assert code == 0, err
    assert f"{name}: could not read the file" in out and "named pipe" in out
    code, out, _ = run(capsys, "guides", "check")
    assert code == 1 and f"{name}: could not read the file" in out and "named pipe" in out
    code, out, _ = run(capsys, "guides", "check", str(user_guides))
    assert code == 1 and name in out and "named pipe" in out


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("language.toml", "[[hints]\nphrase = 1\n", "TOML syntax error"),
        ("terms.toml", 'use = "nobody-defined-this"\n', "unknown vocabulary"),
    ],
)
def test_an_invalid_language_or_terms_file_is_reported_by_list_and_check(
    user_guides: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, said: str
) -> None:
    (user_guides / name).write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "guides", "list")
    assert code == 0 and name in out and said in out
    code, out, _ = run(capsys, "guides", "check")
    assert code == 1 and name in out and said in out
