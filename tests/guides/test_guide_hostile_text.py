"""Guides with hidden control characters are rejected; thousands of problems stay fast and short."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sdm_facilitator.cli import main
from sdm_facilitator.guides.loader import load_guide_file
from sdm_facilitator.guides.validate import MAX_PROBLEMS

BUNDLED_FGC = Path(__file__).resolve().parents[2] / "guides" / "fgc.toml"


def _with_first_step_title(tmp_path: Path, title: str) -> Path:
    text = BUNDLED_FGC.read_text(encoding="utf-8")
    marker = "[[steps]]"
    start = text.index(marker)
    title_at = text.index("title = ", start)
    line_end = text.index("\n", title_at)
    path = tmp_path / "bell.toml"
    path.write_text(text[:title_at] + f'title = "{title}"' + text[line_end:], encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("escaped", "code"), [("Ring\\u0007", 0x07), ("Look\\u202ereversed", 0x202E), ("Del\\u007f", 0x7F)]
)
def test_a_control_or_bidi_character_in_guide_text_is_rejected_with_file_and_line(
    tmp_path: Path, escaped: str, code: int
) -> None:
    path = _with_first_step_title(tmp_path, escaped)
    guide, problems = load_guide_file(path, bundled=False)
    assert guide is None
    (problem,) = problems
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if escaped in text)
    assert problem.line == line and problem.key == "steps[1].title"
    assert f"U+{code:04X}" in problem.message


def test_guides_check_reports_the_bell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _with_first_step_title(tmp_path, "Ring\\u0007")
    assert main(["guides", "check", str(path)]) == 1
    out, _ = capsys.readouterr()
    assert "bell.toml:" in out and "U+0007" in out and "\x07" not in out


def _many_bad_steps(tmp_path: Path, count: int) -> Path:
    head = '[guide]\nid = "many"\ntitle = "T"\nversion = "1"\nkinds = ["fgc"]\nsummary = "S"\n'
    steps = "".join(f'[[steps]]\nid = "s{i}"\nstage = "nowhere"\n' for i in range(count))
    path = tmp_path / "many.toml"
    path.write_text(head + steps, encoding="utf-8")
    return path


def test_checking_stops_describing_after_a_hundred_problems_and_stays_fast(tmp_path: Path) -> None:
    path = _many_bad_steps(tmp_path, 20_000)
    started = time.process_time()
    guide, problems = load_guide_file(path, bundled=False)
    elapsed = time.process_time() - started
    assert guide is None
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].message.startswith("and ") and problems[-1].message.endswith(" more problems")
    assert all(p.line is not None for p in problems[:MAX_PROBLEMS] if p.key.startswith("steps"))
    assert elapsed < 5.0, f"{elapsed:.1f} s"
