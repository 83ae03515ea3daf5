"""``sdm-facilitator report``: the service report, and anonymised files for an evaluator.

Reads every meeting through the store's public listing (so it can use a
summary index once the store has one), shows progress on stderr when it is
reading many files on a terminal, and prints or writes the report. Imports
no Textual or Rich.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from sdm_facilitator.cli.context import CliContext, CliError
from sdm_facilitator.cli.library import guide_library
from sdm_facilitator.cli.unlock import open_store
from sdm_facilitator.domain.guide import Guide
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.report import ReportFilter
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.vocabulary import CONTEXTS, MEETING_KINDS

if TYPE_CHECKING:
    from sdm_facilitator.domain.evaluation_rows import EvaluationOptions

#: Below this many files, reading is quick enough that progress would only flicker.
PROGRESS_FROM = 50


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``report`` subcommand."""
    from sdm_facilitator.export.report_formats import FORMATS

    report = subparsers.add_parser(
        "report",
        help="the service report over all meetings, or anonymised files for an evaluator",
        description=(
            "Counts of referrals and meetings, fidelity markers, medians, actions, outcomes and feedback "
            "over every meeting. With --anonymised --format csv, writes meetings.csv, children.csv and "
            "feedback.csv with no names, no free text, months instead of dates and pseudonyms instead of ids."
        ),
    )
    report.add_argument("--since", metavar="DATE", help="only referrals on or after DATE (YYYY-MM-DD)")
    report.add_argument("--until", metavar="DATE", help="only referrals on or before DATE (YYYY-MM-DD)")
    report.add_argument("--kind", choices=MEETING_KINDS, help="only meetings of this kind")
    report.add_argument("--context", choices=CONTEXTS, help="only statutory or only voluntary meetings")
    report.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    report.add_argument(
        "--anonymised",
        action="store_true",
        help="write anonymised CSV files for an evaluator (needs --format csv)",
    )
    report.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="with --anonymised: the folder to write into (default: the current folder); "
        "otherwise: a file to write the report to instead of printing it",
    )
    report.add_argument(
        "--force",
        action="store_true",
        help="replace the report file, or the anonymised files, when they already exist",
    )
    report.add_argument(
        "--dictionary",
        action="store_true",
        help="with --anonymised: also write dictionary.csv describing every column",
    )
    report.add_argument(
        "--merge",
        nargs="+",
        metavar="FOLDER",
        help="the report across coordinators, from each one's anonymised files (a folder each, written by "
        "report --anonymised --format csv); with --anonymised, writes the merged files",
    )
    report.set_defaults(handler=run_report)


def _date(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option}: '{text[:40]}' is not a date such as 2026-03-01") from None


class Progress:
    """ "Reading meetings 120 of 500" on one terminal line, only when it helps."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.shown = False
        self.enabled = bool(getattr(err, "isatty", lambda: False)())

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < PROGRESS_FROM:
            return
        if done == 1 or done == total or done % 25 == 0:
            self.err.write(f"\rReading meetings {done} of {total}…")
            self.err.flush()
            self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.err.write("\r\x1b[2K")
            self.err.flush()


def read_meetings(ctx: CliContext) -> tuple[list[Meeting], int, dict[str, Guide | None]]:
    """Every readable meeting, how many files could not be read, and the guides they use."""
    progress = Progress(ctx.err)
    try:
        listing = open_store(ctx).list_meetings(progress=progress)
    finally:
        progress.finish()
    library = guide_library(ctx)
    meetings = [opened.meeting for opened in listing.meetings]
    guides = {guide_id: library.get(guide_id) for guide_id in {m.guide_id for m in meetings}}
    return meetings, len(listing.unreadable), guides


def run_report(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.domain.report import ReportFilter, build_report

    filters = ReportFilter(
        _date("--since", args.since), _date("--until", args.until), args.kind, args.context
    )
    if filters.since and filters.until and filters.since > filters.until:
        raise CliError("--since is after --until: nothing could match")
    if args.anonymised and args.format != "csv":
        raise CliError("--anonymised writes CSV files: add --format csv")
    if args.dictionary and not args.anonymised:
        raise CliError("--dictionary describes the anonymised files: add --anonymised --format csv")
    from sdm_facilitator.storage.settings import evaluation_options, load_settings

    if args.merge:
        return _run_merged(args, ctx, filters)
    meetings, unreadable, guides = read_meetings(ctx)
    today = date.today()
    settings, problems = load_settings(ctx.data_dir)
    for problem in problems:
        print(f"sdm-facilitator: {problem}", file=ctx.err)
    options = evaluation_options(settings)
    if args.anonymised:
        chosen = [m for m in meetings if filters.accepts(m)]
        return _write_anonymised(ctx, chosen, guides, today, options, args)
    from sdm_facilitator.export.report_formats import render_report

    report = build_report(
        meetings,
        guides,
        today,
        filters,
        unreadable,
        options,
        settings.small_number_threshold,
        guide_library(ctx).profile_law(),
    )
    text = render_report(report, args.format)
    if args.output:
        _write_private(Path(args.output).expanduser(), text, replace=args.force)
        print(f"Wrote the report to {args.output}", file=ctx.err)
    else:
        ctx.out.write(text if text.endswith("\n") else text + "\n")
    if unreadable:
        print(
            f"sdm-facilitator: {unreadable} file(s) could not be read and are not counted "
            "(see: sdm-facilitator list)",
            file=ctx.err,
        )
    return 0


def _write_private(path: Path, text: str, *, replace: bool) -> None:
    """Write a report file as the papers are written: 0600, atomically, never over a file unless ``replace``.

    A report and the evaluator's files are personal data (individual rows until the
    evaluator's suppression rules are applied), so nobody else on the computer may read them.
    """
    from sdm_facilitator.export.files import ExportFileExists, write_export

    try:
        write_export(path, text.encode("utf-8"), replace=replace)
    except ExportFileExists:
        raise CliError(f"{path} already exists; choose another name, or use --force to replace it") from None
    except OSError as error:
        raise CliError(f"could not write {path}: {error.strerror or error}") from None


def _private_folder(folder: Path) -> None:
    """Create the evaluator's folder readable by this user only (0700); a folder already there is left as it is."""
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, mode=0o700)
        folder.chmod(0o700)  # mkdir's mode is reduced by the umask, never widened: make it exact
    except OSError as error:
        raise CliError(f"could not create {folder}: {error.strerror or type(error).__name__}") from None


def _write_anonymised(
    ctx: CliContext,
    meetings: list[Meeting],
    guides: dict[str, Guide | None],
    today: date,
    options: EvaluationOptions,
    args: argparse.Namespace,
) -> int:
    from sdm_facilitator.export.anonymised import (
        DICTIONARY_FILE,
        Pseudonyms,
        PseudonymSecretError,
        anonymised_files,
        dictionary_csv,
        load_or_create_secret,
    )
    from sdm_facilitator.storage.atomic import remove_stale_temp_files

    folder = Path(args.output or ".").expanduser()
    _private_folder(folder)
    # An earlier run killed while writing here left its temporary copies: the store's one rule clears them.
    remove_stale_temp_files(folder)
    try:
        secret = load_or_create_secret(ctx.data_dir)
    except PseudonymSecretError as error:
        raise CliError(str(error), exit_code=1) from None
    except OSError as error:
        raise CliError(
            f"could not make the pseudonym secret in {ctx.data_dir}: {error.strerror or type(error).__name__}",
            exit_code=1,
        ) from None
    files = anonymised_files(meetings, guides, today, Pseudonyms(secret), options)
    if args.dictionary:
        files[DICTIONARY_FILE] = dictionary_csv()
    existing = [name for name in files if (folder / name).exists()]
    if existing and not args.force:
        raise CliError(
            f"{folder} already holds {', '.join(existing)}; choose another folder, or use --force to replace them"
        )
    for name, text in files.items():
        _write_private(folder / name, text, replace=args.force)
    print(
        f"Wrote {', '.join(files)} to {folder} ({len(meetings)} meetings). These files are personal data "
        "until the evaluator's own suppression rules are applied.",
        file=ctx.out,
    )
    return 0


def _run_merged(args: argparse.Namespace, ctx: CliContext, filters: ReportFilter) -> int:
    """``report --merge``: the report (or merged anonymised files) from several coordinators' folders."""
    from sdm_facilitator.export.merged_report import MergeError, merged_files, read_folders, report_from_rows
    from sdm_facilitator.export.report_formats import render_report
    from sdm_facilitator.storage.settings import load_settings

    if filters.since or filters.until:
        raise CliError(
            "--since and --until cannot be used with --merge: the anonymised files hold months, not days. "
            "Each coordinator gives them when writing the files (report --anonymised --since ...)"
        )
    folders = [Path(folder).expanduser() for folder in args.merge]
    try:
        merged = read_folders(folders)
        if args.anonymised:
            files = merged_files(merged)
        else:
            settings, problems = load_settings(ctx.data_dir)
            for problem in problems:
                print(f"sdm-facilitator: {problem}", file=ctx.err)
            report = report_from_rows(merged, date.today(), filters, settings.small_number_threshold)
    except MergeError as error:
        raise CliError(one_line(str(error)), exit_code=1) from None
    if args.anonymised:
        folder = Path(args.output or ".").expanduser()
        _private_folder(folder)
        existing = [name for name in files if (folder / name).exists()]
        if existing and not args.force:
            raise CliError(
                f"{folder} already holds {', '.join(existing)}; choose another folder, or use --force to replace them"
            )
        for name, text in files.items():
            _write_private(folder / name, text, replace=args.force)
        rows = len(merged.rows["meetings.csv"])
        print(
            f"Wrote {', '.join(files)} to {folder}: {rows} referrals from {merged.coordinators} coordinators, "
            "a coordinator column first and pseudonyms kept apart by coordinator.",
            file=ctx.out,
        )
        return 0
    text = render_report(report, args.format)
    if args.output:
        _write_private(Path(args.output).expanduser(), text, replace=args.force)
        print(f"Wrote the report to {args.output}", file=ctx.err)
    else:
        ctx.out.write(text if text.endswith("\n") else text + "\n")
    return 0
