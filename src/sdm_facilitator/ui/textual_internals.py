"""Every use of Textual's private names, in one place.

Textual (pinned exactly in ``pyproject.toml``) has no public API for a few
things this app must do, so they are done here and nowhere else; each has a
test in ``tests/ui/test_textual_internals.py`` that fails if a new Textual
release changes what it relies on. Moving the pin is then a change to this
module (and the snapshots), not a hunt through the UI.

What is used, and why:

- Errors: ``App._handle_exception`` (every unexpected error in a handler) and
  ``App._dispatch_action`` (an error in an action) are overridden by
  :class:`RoutesUnexpectedErrors`, so the app saves and writes a redacted
  report instead of Textual's traceback with local variables (personal data).
  When the app cannot carry on, :func:`stop_after_fatal_error` ends it with a
  short line through public ``exit`` and ``panic``, and the private
  ``_exception``/``_exception_event`` so that test runs still re-raise the
  error (:func:`keep_error_for_tests`). :func:`app_is_closing` reads
  ``App._closing``; :func:`running_in` reads the unexported
  ``textual.message_pump.active_message_pump``.
- Keys in tests: ``App._press_keys`` (how a test's ``Pilot.press`` types) is
  overridden by :class:`PressesKeysInOrder` to wait, after each key, until
  the app has given out every key it holds back (``ui/key_order.py``): a
  test's key presses are then done when ``press`` returns, as before.
- Text boxes: :func:`rewrap` wraps a ``TextArea`` again for the width it has
  now (``_rewrap_and_refresh_virtual_size``), once a section is laid out.
- Tables: :func:`widths_changed` redraws a ``DataTable`` whose column widths
  were set directly (``_require_update_dimensions``, ``_clear_caches``).
- The terminal: Textual's Linux driver writes through a thread with a bounded
  queue (``textual.drivers.linux_driver.WriterThread``). Once the terminal
  window is closed, a write fails (EIO), that thread dies, and the next 30
  writes fill its queue: ``App._shutdown`` -> ``LinuxDriver.close`` ->
  ``WriterThread.stop`` then waits for ever in ``Queue.put`` (Textual issue
  6692). :class:`HangUpSafeDriver` builds its writer from
  :class:`TerminalWriter` instead, which drops output once the terminal is
  gone and never waits on a writer that has stopped; it also stops the driver
  from re-entering application mode on the SIGCONT the kernel sends with a
  hang-up, and takes a failed read (EIO) as the terminal going, not as a crash.
- Tick lists: :func:`selection_button_mark` names the character
  ``SelectionList`` draws inside every row's button
  (``textual.widgets._toggle_button.ToggleButton.BUTTON_INNER``), so
  ``widgets/tick_list`` can swap it for ✓ or a blank (colour is never the only sign).
- Footer words in the family's language: :func:`describe_bindings` gives one
  screen's bindings other descriptions by replacing them in that screen's own
  copy of its bindings (``DOMNode._bindings``): ``BINDINGS`` are a class's,
  fixed when the class is made, and Textual has no public way to reword them
  for one screen (private family time in Welsh).
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, Final

from textual.app import App

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.dom import DOMNode
    from textual.driver import Driver
    from textual.notifications import Notification
    from textual.widgets import DataTable, TextArea

# ---------------------------------------------------------------- errors


class RoutesUnexpectedErrors(App[Any]):
    """An app whose unexpected errors, in handlers and in actions, go to ``unexpected_error``."""

    def unexpected_error(self, error: Exception, *, loop_alive: bool) -> None:
        """Handle an error nobody caught. ``loop_alive``: the app's own message loop still runs."""
        raise NotImplementedError  # pragma: no cover - the app overrides it

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an error in a handler; Textual has stopped the failing widget's loop."""
        self.unexpected_error(error, loop_alive=False)

    async def _dispatch_action(self, namespace: DOMNode, action_name: str, params: Any) -> bool:
        """Run an action; a bug in one is handled like any unexpected error instead of stopping the app."""
        try:
            return await super()._dispatch_action(namespace, action_name, params)
        except Exception as error:
            self.unexpected_error(error, loop_alive=True)
            return True


class PressesKeysInOrder(App[Any]):
    """An app whose test pilot waits, after each key, until the app has handled every key it holds back."""

    async def keys_given_out(self) -> None:
        """Return once no key is waiting its turn (the app overrides it)."""

    async def _press_keys(self, keys: Iterable[str]) -> None:
        """Textual's pressing of keys for a test: one key at a time, each handled before ``press`` returns."""
        for key in keys:
            await super()._press_keys([key])
            await self.keys_given_out()


def running_in(app: App[Any]) -> bool:
    """Whether the code running now is the app's own message loop (not a widget's or a screen's)."""
    from textual.message_pump import active_message_pump  # type: ignore[attr-defined]  # not exported

    return active_message_pump.get(None) is app


def withdraw_notification(app: App[Any], notification: Notification) -> None:
    """Take one notification off the screen early (others stay): the app only offers clearing them all."""
    app._unnotify(notification)


def app_is_closing(app: App[Any]) -> bool:
    """Whether the app has begun to close (its screens may already be gone)."""
    return bool(app._closing)


def keep_error_for_tests(app: App[Any], error: BaseException) -> None:
    """Have ``App.run_test`` raise ``error`` when the test's app exits, without stopping the Pilot.

    Only the first error is kept, as Textual does itself.
    """
    if app._exception is None:
        app._exception = error  # type: ignore[assignment]


def stop_after_fatal_error(app: App[Any], error: BaseException, message: RenderableType) -> None:
    """End the app with return code 1 and ``message`` (printed after the terminal is restored).

    Works when the app's own message loop has stopped (a posted message would
    never be read), and signals the error to a test's Pilot as Textual does.
    """
    app.exit(return_code=1)
    if app._exception is None:
        app._exception = error  # type: ignore[assignment]
        app._exception_event.set()
    app.panic(message)


# ---------------------------------------------------------------- tables


def widths_changed(table: DataTable[Any]) -> None:
    """Redraw ``table`` after its columns' widths were set directly.

    DataTable has no public way to re-width a column: its own ``add_column``
    sets these same two things before the next render.
    """
    table._require_update_dimensions = True
    table._clear_caches()
    table.refresh()


# ---------------------------------------------------------------- the terminal

#: Writes queued before the writer applies back-pressure (as Textual's own writer).
MAX_QUEUED_WRITES: Final = 30
#: How long a writer that is still alive may take to finish at shutdown.
STOP_WAIT_SECONDS: Final = 1.0
#: How often a full queue checks whether its writer is still there.
_PUT_POLL_SECONDS: Final = 0.1


class TerminalWriter(threading.Thread):
    """Textual's terminal writer, except that a closed terminal never makes anyone wait.

    Output goes to the terminal from this thread, through a bounded queue, as
    in Textual. When a write fails (EIO or EPIPE: the window was closed) the
    terminal is *gone*: everything queued and written afterwards is dropped,
    and no caller ever waits on a queue whose writer has stopped.
    """

    def __init__(self, file: IO[str]) -> None:
        super().__init__(daemon=True, name="textual-output")
        self._queue: queue.Queue[str | None] = queue.Queue(MAX_QUEUED_WRITES)
        self._file = file
        self.gone = threading.Event()

    def write(self, text: str) -> None:
        """Queue ``text`` for the terminal, or drop it when the terminal is gone."""
        if not self.gone.is_set():
            self._offer(text)

    def _offer(self, item: str | None) -> bool:
        """Queue ``item``, waiting for room only while the writer can still make room."""
        while not self.gone.is_set() and self.is_alive():
            try:
                self._queue.put(item, timeout=_PUT_POLL_SECONDS)
            except queue.Full:
                continue
            return True
        return False

    def isatty(self) -> bool:
        """Pretend to be a terminal, as Textual's writer does."""
        return True

    def fileno(self) -> int:
        return self._file.fileno()

    def flush(self) -> None:
        """Nothing to do: the thread flushes whenever the queue runs empty."""
        return

    def run(self) -> None:
        while True:
            text = self._queue.get()
            if text is None:
                break
            if self.gone.is_set():
                continue  # drained, so no caller waits on a full queue
            try:
                self._file.write(text)
                if self._queue.qsize() == 0:
                    self._file.flush()
            except (OSError, ValueError):  # EIO/EPIPE: the terminal closed; ValueError: file closed
                self.gone.set()
        if not self.gone.is_set():
            try:
                self._file.flush()
            except (OSError, ValueError):
                self.gone.set()

    def stop(self) -> None:
        """Finish writing and stop, within ``STOP_WAIT_SECONDS`` at most."""
        if self._offer(None):
            self.join(STOP_WAIT_SECONDS)


@contextmanager
def _writer_is_terminal_writer() -> Iterator[None]:
    """While the Linux driver starts, its ``WriterThread`` is :class:`TerminalWriter`."""
    from textual.drivers import linux_driver

    textual_writer = linux_driver.WriterThread  # type: ignore[attr-defined]
    linux_driver.WriterThread = TerminalWriter  # type: ignore[attr-defined,assignment]
    try:
        yield
    finally:
        linux_driver.WriterThread = textual_writer  # type: ignore[attr-defined]


_driver_class: type[Driver] | None = None


def _hang_up_safe_driver() -> type[Driver]:
    global _driver_class
    if _driver_class is not None:
        return _driver_class
    from textual.drivers.linux_driver import LinuxDriver

    class HangUpSafeDriver(LinuxDriver):
        """Textual's Linux driver that lets go of a terminal that has gone."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            #: Set once the app is stopping for a signal: no more re-entering application mode.
            self.stopping = threading.Event()

        def start_application_mode(self) -> None:
            with _writer_is_terminal_writer():
                super().start_application_mode()  # type: ignore[no-untyped-call]

        def resume_application_mode(self) -> None:
            """After ctrl+z; never while stopping (a hang-up sends SIGCONT with its SIGHUP)."""
            if not self.stopping.is_set():
                super().resume_application_mode()

        def run_input_thread(self) -> None:
            """Read keys; a failed read means the terminal has gone, not that the app crashed."""
            try:
                super().run_input_thread()
            except OSError:
                writer = self._writer_thread
                if isinstance(writer, TerminalWriter):
                    writer.gone.set()

    _driver_class = HangUpSafeDriver
    return HangUpSafeDriver


def terminal_driver_class() -> type[Driver] | None:
    """The driver the app runs with: :class:`HangUpSafeDriver` on Linux and macOS, Textual's choice elsewhere."""
    if sys.platform == "win32":  # pragma: no cover - Windows has its own driver and no SIGHUP
        return None
    return _hang_up_safe_driver()


def stop_reentering_terminal(app: App[Any]) -> None:
    """The app is stopping for a signal: a SIGCONT must not start the terminal again."""
    driver = app._driver
    if _driver_class is not None and isinstance(driver, _driver_class):
        driver.stopping.set()  # type: ignore[attr-defined]


# ---------------------------------------------------------------- text boxes


def rewrap(text_area: TextArea) -> None:
    """Wrap ``text_area``'s text again for the width it has now.

    A TextArea wraps when it is resized or its scrollbar comes or goes; when
    its container gains a scrollbar in the same layout pass, it can keep the
    wrap of the width it had a moment before (one word too wide), depending
    on the order the machine ran things in. Wrapping again once the layout has
    settled gives the same lines every time.
    """
    text_area._rewrap_and_refresh_virtual_size()


# ---------------------------------------------------------------- tick lists


def selection_button_mark() -> str:
    """The character ``SelectionList`` draws inside each row's button, ticked or not."""
    from textual.widgets._toggle_button import ToggleButton

    return ToggleButton.BUTTON_INNER


# ---------------------------------------------------------------- footer words


def describe_bindings(node: DOMNode, descriptions: Mapping[str, str], hidden: Collection[str] = ()) -> None:
    """Give ``node``'s own bindings new footer words, by action (``{"end": "Diwedd"}``).

    Actions in ``hidden`` leave the footer (their keys still work): room for
    longer words, as when a footer speaks two languages. Only this node's copy
    changes; other screens of the same class keep theirs.
    """
    from dataclasses import replace

    bindings = node._bindings.key_to_bindings
    for key, found in bindings.items():
        bindings[key] = [
            replace(
                b,
                description=descriptions.get(b.action, b.description),
                show=b.show and b.action not in hidden,
            )
            for b in found
        ]
