"""report --merge: a manager's report across coordinators from their anonymised folders, through the entry point."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from support.cli_helpers import run

FAMILIES = {1: ("Quillfeather family", "Vantablack family"), 2: ("Ottoline family",), 3: ("Zebedee family",)}


def _coordinators(capsys: pytest.CaptureFixture[str], root: Path) -> list[Path]:
    folders = []
    for number, families in FAMILIES.items():
        data = root / f"laptop-{number}"
        for family in families:
            code, _, err = run(capsys, "--data-dir", str(data), "new", "--kind", "fgc", "--family", family)
            assert code == 0, err
        out = root / f"from-{number}"
        code, _, err = run(
            capsys, "--data-dir", str(data), "report", "--anonymised", "--format", "csv", "-o", str(out)
        )
        assert code == 0, err
        folders.append(out)
    return folders


def test_report_merge_counts_every_coordinator_in_every_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folders = [str(f) for f in _coordinators(capsys, tmp_path)]
    for fmt in ("table", "html"):  # every format: tests/export/test_merged_report.py
        code, out, err = run(capsys, "report", "--merge", *folders, "--format", fmt)
        assert code == 0, err
        assert "covers 3 coordinators and 4 referrals" in out
        assert not any(name.split()[0] in out for names in FAMILIES.values() for name in names)
    code, _, err = run(capsys, "report", "--merge", *folders, "--since", "2026-01-01")
    assert code == 2 and "hold months, not days" in err
    code, _, err = run(capsys, "report", "--merge", folders[0], folders[0])
    assert code == 1 and "given twice" in err and err.count("\n") == 1
    merged = tmp_path / "merged"
    code, out, err = run(
        capsys, "report", "--merge", *folders, "--anonymised", "--format", "csv", "-o", str(merged)
    )
    assert code == 0, err
    assert "4 referrals from 3 coordinators" in out
    with (merged / "meetings.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert [row["coordinator"] for row in rows] == ["1", "1", "2", "3"]
    assert len({row["meeting"] for row in rows}) == 4
