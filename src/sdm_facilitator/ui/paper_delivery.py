"""Papers exported in a browser tab go to the browser as downloads.

Under ``sdm-facilitator serve`` the app runs on Textual's web driver: a file it
wrote would sit in a folder the person in the browser never looks at, so the
paper is handed to the browser instead (Textual's delivery API, which
textual-serve turns into a download) and nothing is written by the app. In a
terminal nothing changes: the paper is written where the export dialog says.
"""

from __future__ import annotations

import io
from typing import Any

from textual.app import App


def delivers_downloads(app: App[Any]) -> bool:
    """Whether this app runs in a browser tab, where papers become downloads."""
    return app.is_web


def deliver_paper(app: App[Any], file_name: str, data: bytes) -> None:
    """Hand one paper's bytes to the browser as a download named ``file_name``."""
    app.deliver_binary(io.BytesIO(data), save_filename=file_name, open_method="download")


def delivered_words(paper: str, file_name: str) -> str:
    """The export confirmation in a browser tab: where the paper went, and whose care it is in now."""
    return (
        f"Sent {paper} to your browser as a download, {file_name}; your browser saves it where it keeps "
        "downloads (usually Downloads). It is yours to keep safe now."
    )
