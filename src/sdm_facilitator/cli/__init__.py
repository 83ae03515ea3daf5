"""The command line: ``sdm-facilitator`` (alias ``sdm``).

Without a subcommand it opens the app; subcommands work on the data folder
without a terminal UI, so they import neither Textual nor Rich. Every error is
one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import typing
from collections.abc import Sequence

from sdm_facilitator import __version__
from sdm_facilitator.cli.context import CliContext, CliError, refuse_unsafe_folder
from sdm_facilitator.paths import DATA_DIR_ENV, resolve_data_dir


class OneLineErrorParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr (exit 2), like every other error."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(2, f"{self.prog}: {message} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole argument parser; each command module adds its own subcommands."""
    from sdm_facilitator.cli import (
        check_command,
        conflict_commands,
        data_commands,
        encryption_commands,
        export_command,
        guide_commands,
        handover_commands,
        meeting_commands,
        report_command,
        serve_command,
    )

    parser = _top_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineErrorParser)
    meeting_commands.register(subparsers)
    guide_commands.register(subparsers)
    export_command.register(subparsers)
    check_command.register(subparsers)
    report_command.register(subparsers)
    encryption_commands.register(subparsers)
    data_commands.register(subparsers)
    serve_command.register(subparsers)
    handover_commands.register(subparsers)
    conflict_commands.register(subparsers)
    return parser


def _top_parser() -> argparse.ArgumentParser:
    """The options that come before any command (all that opening the app takes)."""
    parser = OneLineErrorParser(
        prog="sdm-facilitator",
        description=(
            "Prepare, run and follow up shared decision-making family meetings "
            "(family group conferences, family group decision-making, family unity "
            "meetings, participative child protection and child in need meetings). "
            "Without a command, opens the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"folder holding the meeting files (default: ${DATA_DIR_ENV} or the per-user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a temporary folder of fictional demo meetings; your own data is not touched",
    )
    return parser


def _opening_the_app(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options, when all they ask is to open the app; None when a command (or help) is asked for.

    Opening the app needs none of the commands' modules, and importing them all
    was a good part of the time before the first screen.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    data_dir: str | None = None
    demo = False
    position = 0
    while position < len(words):
        word = words[position]
        if word == "--demo":
            demo = True
        elif word.startswith("--data-dir="):
            data_dir = word.removeprefix("--data-dir=")
        elif word == "--data-dir" and position + 1 < len(words) and not words[position + 1].startswith("-"):
            position += 1
            data_dir = words[position]
        else:
            return None  # a command, help, the version, or a mistake: the whole parser says what to do
        position += 1
    return argparse.Namespace(data_dir=data_dir, demo=demo, command=None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    args = _opening_the_app(argv) or build_parser().parse_args(argv)
    ctx = CliContext(data_dir=resolve_data_dir(args.data_dir))
    try:
        if args.command is None:
            from sdm_facilitator.cli.open_app import open_app

            return open_app(ctx, demo=args.demo)
        if args.demo:
            raise CliError("--demo opens the app; it cannot be combined with a command")
        if getattr(args, "uses_data_folder", True):
            refuse_unsafe_folder(ctx)
        return int(args.handler(args, ctx))
    except CliError as error:
        print(f"sdm-facilitator: {error.message}", file=ctx.err)
        return error.exit_code
    except KeyboardInterrupt:
        print("sdm-facilitator: interrupted", file=ctx.err)
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`: nothing useful left to say.
        sys.stderr.close()
        return 1
    except Exception as error:
        # Only the type is shown: a message could quote a value from a meeting.
        print(
            f"sdm-facilitator: unexpected error ({type(error).__name__}); nothing was changed by it. "
            "Please report it with the command you ran.",
            file=ctx.err,
        )
        return 70
