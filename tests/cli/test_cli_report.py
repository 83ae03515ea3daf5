"""``sdm-facilitator report`` end to end: 500 meeting files, every format, progress, anonymised files."""

from __future__ import annotations

import argparse
import csv
import io
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sdm_facilitator.cli import main
from sdm_facilitator.cli.context import CliContext
from sdm_facilitator.cli.library import guide_library
from sdm_facilitator.cli.report_command import read_meetings
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.report import ReportFilter, build_report
from sdm_facilitator.export.anonymised import FILES, SECRET_FILE
from sdm_facilitator.export.report_formats import render_report
from support.report_fixtures import COUNT, generated_meetings, write_meetings


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report") / "data"
    write_meetings(folder, generated_meetings())
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def loaded(data_dir: Path) -> tuple[list[Meeting], int, dict[str, Guide | None]]:
    return read_meetings(CliContext(data_dir))


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "html"])
def test_the_command_prints_the_report_of_every_file(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    loaded: tuple[list[Meeting], int, dict[str, Guide | None]],
    fmt: str,
) -> None:
    """The same text the report tests check number by number, from the files through the command."""
    code, out, err = run(capsys, "--data-dir", str(data_dir), "report", "--format", fmt)
    assert code == 0 and err == ""
    meetings, unreadable, guides = loaded
    assert len(meetings) == COUNT and unreadable == 0
    # The command names the legal stages as the chosen jurisdiction profile does (England's by default).
    law = guide_library(CliContext(data_dir)).profile_law()
    expected = render_report(build_report(meetings, guides, date.today(), ReportFilter(), law=law), fmt)
    assert out.rstrip("\n") == expected.rstrip("\n")


def test_filters_reach_the_report(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(
        capsys,
        "--data-dir",
        str(data_dir),
        "report",
        "--format",
        "json",
        "--kind",
        "fgc",
        "--since",
        "2025-02-01",
        "--until",
        "2025-04-30",
    )
    assert code == 0
    from support.report_fixtures import referral_day

    expected = sum(
        1 for i in range(COUNT) if i % 6 == 0 and date(2025, 2, 1) <= referral_day(i) <= date(2025, 4, 30)
    )
    assert f'"referrals": {expected},' in out


class TerminalErr(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_only(data_dir: Path) -> None:
    err = TerminalErr()
    read_meetings(CliContext(data_dir, err=err))
    assert f"Reading meetings {COUNT} of {COUNT}" in err.getvalue()
    assert err.getvalue().endswith("\r\x1b[2K")
    quiet = io.StringIO()
    read_meetings(CliContext(data_dir, err=quiet))
    assert quiet.getvalue() == ""


def test_anonymised_files_with_a_dictionary(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "for-evaluator"
    code, out, err = run(
        capsys,
        "--data-dir",
        str(data_dir),
        "report",
        "--anonymised",
        "--format",
        "csv",
        "-o",
        str(out_dir),
        "--dictionary",
    )
    assert code == 0, err
    assert "personal data" in out
    assert sorted(p.name for p in out_dir.iterdir()) == sorted([*FILES, "dictionary.csv"])
    meetings = list(csv.DictReader((out_dir / "meetings.csv").open(encoding="utf-8")))
    assert len(meetings) == COUNT
    assert (data_dir / SECRET_FILE).is_file() and not (out_dir / SECRET_FILE).exists()
    # A second export into the same folder would overwrite the first: refused, nothing changed.
    before = (out_dir / "meetings.csv").read_bytes()
    code, _, err = run(
        capsys, "--data-dir", str(data_dir), "report", "--anonymised", "--format", "csv", "-o", str(out_dir)
    )
    assert code == 2 and "already holds" in err
    assert (out_dir / "meetings.csv").read_bytes() == before
    # Another folder, same laptop: the same pseudonyms, so the exports join up.
    again = tmp_path / "again"
    assert (
        run(
            capsys, "--data-dir", str(data_dir), "report", "--anonymised", "--format", "csv", "-o", str(again)
        )[0]
        == 0
    )
    assert (again / "meetings.csv").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--anonymised"], "add --format csv"),
        (["--dictionary"], "add --anonymised"),
        (["--since", "2026-13-01"], "is not a date"),
        (["--since", "2026-03-01", "--until", "2026-01-01"], "--since is after --until"),
    ],
)
def test_mistakes_are_one_line(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, out, err = run(capsys, "report", *args)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_report_to_a_file_never_overwrites(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "board.html"
    assert run(capsys, "report", "--format", "html", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, _, err = run(capsys, "report", "--format", "html", "-o", str(target))
    assert code == 2 and "already exists" in err


posix_modes = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@posix_modes
def test_the_report_file_is_private_and_replaced_only_with_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "board.html"
    assert run(capsys, "report", "--format", "html", "-o", str(target))[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.write_text("keep me")
    code, _, err = run(capsys, "report", "--format", "html", "-o", str(target))
    assert code == 2 and "--force" in err and target.read_text() == "keep me"
    assert run(capsys, "report", "--format", "html", "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["board.html"]  # no temporary file left


@posix_modes
def test_the_evaluators_files_are_private_whole_and_replaced_only_with_force(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    """0600 files in a 0700 folder, each written atomically: a SIGKILL at a rename leaves no half file."""
    from support.crash_helpers import crash_at_rename

    out_dir = tmp_path / "for-the-evaluator"
    anonymised = ("--data-dir", str(data_dir), "report", "--anonymised", "--format", "csv", "--dictionary")
    temp = crash_at_rename("children.csv", *anonymised, "-o", str(out_dir))
    assert stat.S_IMODE(out_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(temp.stat().st_mode) == 0o600 and not (out_dir / "children.csv").exists()
    code, _, err = run(capsys, *anonymised, "-o", str(out_dir))
    assert code == 2 and "meetings.csv" in err and "--force" in err
    code, _, err = run(capsys, *anonymised, "-o", str(out_dir), "--force")
    assert code == 0, err
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == sorted([*FILES, "dictionary.csv"])  # the killed run's temporary copy cleared too
    assert all(stat.S_IMODE((out_dir / name).stat().st_mode) == 0o600 for name in written)


def test_report_imports_no_textual(data_dir: Path) -> None:
    code = (
        "import sys; from sdm_facilitator.cli import main; "
        f"main(['--data-dir', {str(data_dir)!r}, 'report', '--format', 'csv']); "
        "sys.exit(1 if any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def test_handler_is_registered() -> None:
    from sdm_facilitator.cli import build_parser

    args = build_parser().parse_args(["report"])
    assert isinstance(args, argparse.Namespace) and args.format == "table"
