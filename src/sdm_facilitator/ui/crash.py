"""Unexpected errors: save the meetings, write a redacted report, let the person carry on.

Textual's own crash output prints a traceback with local variables, and local
variables in this app hold children's names and notes. Instead, every
unexpected error is routed here (from ``SdmApp.unexpected_error``, called by
Textual's private error hooks in ``ui/textual_internals.py``):

1. every open meeting is saved (``app.flush_all()``);
2. a redacted report is written to ``paths.error_reports_dir(data_dir)``;
3. a short dialog says so and where the report is, and offers "Carry on"
   (the screens are rebuilt from the saved files) or "Quit".

During private family time the family may be alone with the screen, so an
error then must never uncover the case notes or the coordinator's shell:
Escape and q do not close the dialog (only its buttons do, Enter being "Carry
on"), ctrl+q is refused (``blocks_quit``), and carrying on rebuilds the screens
back to the privacy screen, whose countdown resumes from the stored times.

What the report contains, and why (decided for personal-data safety):

- the exception's type (``builtins.KeyError``) and, for each exception in the
  chain (``raise ... from``, errors during handling), the frames as file, line
  and function name only;
- file names are shortened to the package or library they belong to
  (``sdm_facilitator/ui/home/home.py``), so the user's home folder never
  appears;
- app, Python, Textual and platform versions, the time, and the class name of
  the screen that was showing.

What it never contains: the exception message or notes (``KeyError('Smith')``
or ``ValueError(f"bad {value}")`` carry data), local variables, source lines,
argument values, the meeting id, the data folder path. A person can read the
whole report before sending it; it is short on purpose.

The pure part (``build_report``, ``write_report``) needs no running app and is
tested directly; the dialog and the app glue are below it.
"""

from __future__ import annotations

import os
import platform
import secrets
import sys
import traceback
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sdm_facilitator.ui.contracts import MayBlockQuit, SavesMeeting

if TYPE_CHECKING:
    from textual.app import App

REPORT_VERSION = 1
MAX_CHAINED = 5
MAX_FRAMES = 60

# ---------------------------------------------------------------- pure part


def _short_file(filename: str) -> str:
    """A frame's file without the machine's folders: from the package or library name on."""
    path = filename.replace("\\", "/")
    for marker in ("/site-packages/", "/dist-packages/"):
        if marker in path:
            return path.rsplit(marker, 1)[1]
    parts = path.split("/")
    for anchor in ("sdm_facilitator", "tests"):
        if anchor in parts:
            return "/".join(parts[len(parts) - 1 - parts[::-1].index(anchor) :])
    if filename.startswith("<"):
        return filename  # e.g. <frozen runpy>, <string>
    stdlib = os.path.dirname(os.__file__).replace("\\", "/")
    if path.startswith(stdlib + "/"):
        return "python/" + path[len(stdlib) + 1 :]
    return "…/" + parts[-1]


def _type_name(error: BaseException) -> str:
    cls = type(error)
    return f"{cls.__module__}.{cls.__qualname__}"


def _chain(error: BaseException) -> Iterator[tuple[str, BaseException]]:
    """The error and the errors it was raised from or during, oldest last."""
    seen: set[int] = set()
    how = "error"
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(seen) < MAX_CHAINED:
        seen.add(id(current))
        yield how, current
        if current.__cause__ is not None:
            how, current = "raised from", current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            how, current = "while handling", current.__context__
        else:
            current = None


def _frames(error: BaseException) -> list[str]:
    frames = traceback.extract_tb(error.__traceback__)
    lines = [f"  {_short_file(f.filename)}:{f.lineno} in {f.name}" for f in frames[-MAX_FRAMES:]]
    if len(frames) > MAX_FRAMES:
        lines.insert(0, f"  ... {len(frames) - MAX_FRAMES} earlier frames left out")
    return lines


def build_report(error: BaseException, *, when: datetime | None = None, screen: str | None = None) -> str:
    """A redacted report of ``error``: types and code locations only, never data."""
    from sdm_facilitator import __version__

    try:
        from importlib.metadata import version

        textual_version = version("textual")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        textual_version = "unknown"
    when = when or datetime.now(UTC)
    lines = [
        "sdm-facilitator error report",
        f"report format: {REPORT_VERSION}",
        "This report holds no meeting details: no names, notes, field values or error messages.",
        "",
        f"time: {when.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}",
        f"app version: {__version__}",
        f"python: {platform.python_version()} ({platform.python_implementation()})",
        f"textual: {textual_version}",
        f"platform: {sys.platform}",
        f"screen: {screen or '-'}",
        "",
    ]
    for how, item in _chain(error):
        lines.append(f"{how}: {_type_name(item)}")
        lines.extend(_frames(item))
        if isinstance(item, BaseExceptionGroup):
            for i, sub in enumerate(item.exceptions[:MAX_CHAINED], 1):
                lines.append(f"  group member {i}: {_type_name(sub)}")
                lines.extend("  " + line for line in _frames(sub))
        lines.append("")
    return "\n".join(lines)


def write_report(data_dir: Path, report: str, when: datetime | None = None) -> Path:
    """Write ``report`` privately into the error-report folder and return its path."""
    from sdm_facilitator.paths import error_reports_dir
    from sdm_facilitator.storage.atomic import atomic_write_bytes

    folder = error_reports_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if sys.platform != "win32":
        os.chmod(folder, 0o700)
    stamp = (when or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"error-{stamp}-{secrets.token_hex(3)}.txt"
    atomic_write_bytes(path, report.encode("utf-8"))
    return path


# ---------------------------------------------------------------- the dialog


class CrashDialog(MayBlockQuit, ModalScreen[bool]):
    """ "Something went wrong": says what was saved and where the report is. True means quit."""

    DEFAULT_CSS = """
    CrashDialog {
        align: center middle;
    }
    CrashDialog > Vertical {
        width: 76;
        max-width: 100%;
        height: auto;
        border: thick $error;
        background: $surface;
        padding: 1 2;
    }
    CrashDialog #crash-title {
        text-style: bold;
        margin-bottom: 1;
    }
    CrashDialog Horizontal {
        height: auto;
        margin-top: 1;
    }
    CrashDialog Button {
        margin-right: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "carry_on", "Carry on"),
        Binding("q", "quit_app", "Quit"),
    ]

    def __init__(self, saved_message: str, report_path: Path | None, *, family_time: bool = False) -> None:
        super().__init__()
        self.saved_message = saved_message
        self.report_path = report_path
        # Private family time was running: the family may be alone with the screen.
        self.family_time = family_time
        self.blocks_quit = family_time  # the app refuses ctrl+q while this is set

    def compose(self) -> ComposeResult:
        where = (
            f"A short error report (no names, notes or other meeting details) was written to:\n{self.report_path}"
            if self.report_path
            else "The error report could not be written."
        )
        with Vertical():
            yield Static("Something went wrong", id="crash-title", markup=False)
            yield Static(self.saved_message, id="crash-saved", markup=False)
            yield Static(where, id="crash-report", markup=False)
            yield Static(self._help(), id="crash-help", markup=False)
            with Horizontal():
                yield Button("Carry on", id="carry-on", variant="primary")
                yield Button("Quit", id="quit", variant="error")

    def on_mount(self) -> None:
        self.query_one("#carry-on", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "quit")

    def _help(self, reminder: bool = False) -> str:
        if not self.family_time:
            return "You can carry on: the screens are reopened from what was saved. Or quit and start again."
        text = (
            "Private family time was running. Carry on (Enter) goes back to the family time screen; "
            "its countdown carries on from the saved times."
        )
        if reminder:
            text = "This message stays until a button is pressed. " + text
        return text

    def action_carry_on(self) -> None:
        """Escape: carry on, except during family time, where only the buttons close this."""
        if self.family_time:
            self.query_one("#crash-help", Static).update(self._help(reminder=True))
            return
        self.dismiss(False)

    def action_quit_app(self) -> None:
        """q: quit, except during family time (a stray key must not leave the shell on screen)."""
        if self.family_time:
            self.query_one("#crash-help", Static).update(self._help(reminder=True))
            return
        self.dismiss(True)


# ---------------------------------------------------------------- app glue


def _save_everything(app: Any) -> str:
    """Save all open meetings; a sentence saying how that went (no details)."""
    try:
        app.flush_all()
    except Exception:
        return "Saving the open meeting failed as well. Your last automatic save is on disk."
    meetings = [s for s in app.screen_stack if isinstance(s, SavesMeeting)]
    failed = [s for s in meetings if s.session.dirty]
    if failed:
        return "Some changes could not be saved; the last automatic save is on disk."
    return "Your open meeting was saved." if meetings else ("No meeting was open; nothing needed saving.")


def _report(app: Any, error: BaseException) -> Path | None:
    try:
        screen = type(app.screen).__name__ if app.screen_stack else None
    except Exception:
        screen = None
    try:
        return write_report(app.data_dir, build_report(error, screen=screen))
    except Exception:
        return None


def _fatal(app: App[Any], error: BaseException, saved: str, report: Path | None) -> None:
    """Exit with a short message instead of Textual's traceback with local variables."""
    from rich.text import Text

    from sdm_facilitator.ui.textual_internals import stop_after_fatal_error

    where = f" A report without meeting details is in {report}." if report else ""
    stop_after_fatal_error(
        app, error, Text(f"sdm-facilitator stopped after an unexpected error. {saved}{where}")
    )


def handle_unexpected_error(app: App[Any], error: Exception, *, loop_alive: bool = False) -> None:
    """Save, report, tell, carry on: the app's handling of an unexpected error.

    From ``_handle_exception``, Textual has already stopped the message loop
    of the widget or screen that raised, so "carry on" rebuilds the screens
    from the saved files rather than trusting them. From an action
    (``loop_alive``: caught before it stopped the app's own loop) the screens
    are still working and "carry on" simply closes the dialog. If the app's
    own loop stopped, the app is starting or closing, or the dialog cannot be
    shown, the app exits with one short line instead of Textual's traceback.
    Under tests (headless) the error is still raised when the test's app
    exits, so test suites never pass over a hidden error.
    """
    from sdm_facilitator.ui.textual_internals import app_is_closing, keep_error_for_tests, running_in

    saved = _save_everything(app)
    report = _report(app, error)
    handled: list[BaseException] = app.__dict__.setdefault("handled_errors", [])
    handled.append(error)
    app_loop_ok = loop_alive or not running_in(app)
    can_continue = app.is_running and not app_is_closing(app) and app_loop_ok and bool(app.screen_stack)
    if any(isinstance(s, CrashDialog) for s in app.screen_stack):
        can_continue = False  # the dialog itself failed, or errors are cascading
    if not can_continue:
        _fatal(app, error, saved, report)
        return
    if app.is_headless and getattr(app, "reraise_handled_errors", True):
        keep_error_for_tests(app, error)  # re-raised when the test's app exits; Pilot keeps working
    family_time_id = _family_time_meeting(app)

    def done(quit_app: bool | None) -> None:
        if quit_app:
            app.exit(1, return_code=1)
        elif not loop_alive:
            _rebuild(app, family_time_id)

    try:
        app.push_screen(CrashDialog(saved, report, family_time=family_time_id is not None), callback=done)
    except Exception:
        _fatal(app, error, saved, report)


def _family_time_meeting(app: Any) -> str | None:
    """The id of the meeting whose private family time screen is in the stack, if any."""
    from sdm_facilitator.ui.room.family_time import FamilyTimeScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, FamilyTimeScreen):
            return str(screen.session.meeting.id)
    return None


def _rebuild(app: Any, family_time_id: str | None = None) -> None:
    """Reopen the screens from disk: a fresh home screen, and the meeting that was open.

    With ``family_time_id`` (private family time was showing when the error
    happened) that meeting is reopened and, while its family time is still
    running, the privacy screen goes straight back on top. It is all one batch
    of screen changes, so nothing in between (home, the workspace) is ever drawn.
    """
    meetings = [s for s in app.screen_stack if isinstance(s, SavesMeeting)]
    meeting_ids = [s.session.meeting.id for s in meetings]
    if family_time_id is not None:
        meeting_ids.append(family_time_id)
    for screen in meetings:  # the room and family time share their workspace's session
        screen.session.close()

    async def rebuild() -> None:
        await app.restore_screens(
            meeting_ids[-1] if meeting_ids else None, family_time=family_time_id is not None
        )

    app.call_later(rebuild)
