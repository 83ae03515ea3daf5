"""``sdm-facilitator serve``: the app in a browser tab on the person's own laptop.

Needs the optional ``web`` extra (textual-serve). Listens on 127.0.0.1 on a
free port and prints (and opens) an address with a one-time token; see
``serve_guard.py`` for who gets in and ``serve_server.py`` for the server.
Any other address needs ``--host`` and comes with a warning.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from sdm_facilitator.cli.context import CliContext, CliError

WEB_EXTRA_MISSING = (
    "serve needs the web extra, which is not installed: pip install 'sdm-facilitator[web]' "
    "(or pipx install 'sdm-facilitator[web]')"
)


def host_warning(host: str) -> str:
    """What ``--host`` with an address other than this laptop's own means, said plainly."""
    return (
        f"Warning: serving on {host}, not only on this laptop. Anyone who can reach this address could "
        "try to open children's records; only the one-time address printed below keeps them out. "
        "serve is for your own laptop, not a shared server for a team."
    )


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``serve`` subcommand."""
    serve = subparsers.add_parser(
        "serve",
        help="open the app in a browser tab on this laptop (needs the web extra)",
        description=(
            "Run the app in a tab of your browser, on this laptop only: it listens on 127.0.0.1 on a free "
            "port and opens an address with a one-time token. Each tab is the same app on the same data "
            "folder; a meeting open in one tab opens read-only in another. Papers you export are saved by "
            "your browser as downloads. For your own laptop, not a shared server for a team."
        ),
    )
    serve.add_argument("--port", type=int, default=0, help="the port (default: any free port)")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="listen on another address (default 127.0.0.1, this laptop only); prints a warning",
    )
    serve.add_argument(
        "--no-browser", action="store_true", help="print the address without opening the browser"
    )
    serve.add_argument(
        "--demo",
        dest="serve_demo",
        action="store_true",
        help="serve fictional demo meetings in a temporary folder; your own data is not touched",
    )
    serve.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace, ctx: CliContext) -> int:
    """Check the extra is there, warn about a non-local address, then serve until Ctrl+C."""
    try:
        from sdm_facilitator.cli.serve_server import is_loopback_host, serve
    except ImportError:
        raise CliError(WEB_EXTRA_MISSING) from None
    if not 0 <= args.port <= 65535:
        raise CliError(f"--port must be between 0 and 65535, not {args.port}")
    if not is_loopback_host(args.host):
        print(host_warning(args.host), file=ctx.err, flush=True)
    data_dir = ctx.data_dir
    demo_dir: Path | None = None
    if args.serve_demo:
        from sdm_facilitator.demo import write_demo

        demo_dir = Path(tempfile.mkdtemp(prefix="sdm-facilitator-demo-"))
        write_demo(demo_dir)
        data_dir = demo_dir
    try:
        return serve(
            data_dir,
            host=args.host,
            port=args.port,
            open_browser=not args.no_browser,
            out=ctx.out,
            err=ctx.err,
        )
    except OSError as error:
        raise CliError(f"could not listen on {args.host}:{args.port}: {error.strerror or error}") from None
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
