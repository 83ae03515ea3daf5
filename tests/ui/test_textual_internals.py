"""One test per thing ``ui/textual_internals.py`` relies on in Textual's private code.

When the Textual pin moves, these say what changed underneath. The driver is
also tested end to end on a real pseudo-terminal in
``tests/hardening/test_close_terminal.py``.
"""

from __future__ import annotations

import asyncio
import inspect
import io
import threading
import time
from typing import Any

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable

from sdm_facilitator.ui import textual_internals as ti


class Failing(Exception):
    pass


class Recording(ti.RoutesUnexpectedErrors):
    """An app that notes each unexpected error instead of handling it."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[tuple[type[BaseException], bool]] = []

        self.had_error = asyncio.Event()

    def unexpected_error(self, error: Exception, *, loop_alive: bool) -> None:
        self.errors.append((type(error), loop_alive))
        self.had_error.set()

    def action_broken(self) -> None:
        raise Failing


class FailsOnPing(Widget):
    class Ping(Message):
        pass

    def on_fails_on_ping_ping(self, _message: Ping) -> None:
        raise Failing


async def test_an_error_in_a_handler_reaches_unexpected_error_with_the_loop_stopped() -> None:
    class App1(Recording):
        def compose(self) -> ComposeResult:
            yield FailsOnPing()

    app = App1()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.query_one(FailsOnPing).post_message(FailsOnPing.Ping())
        # Not pilot.pause(): the failing widget's loop has stopped and would never answer it.
        await asyncio.wait_for(app.had_error.wait(), 10)
        assert app.errors == [(Failing, False)]


async def test_an_error_in_an_action_reaches_unexpected_error_and_the_app_runs_on() -> None:
    app = Recording()
    async with app.run_test() as pilot:
        await app.run_action("broken")
        await pilot.pause()
        assert app.errors == [(Failing, True)]
        assert app.is_running


async def test_stop_after_fatal_error_exits_with_code_1_and_the_error_is_raised_to_the_test() -> None:
    app = Recording()
    with pytest.raises(Failing):
        async with app.run_test() as pilot:
            ti.stop_after_fatal_error(app, Failing(), Text("stopped"))
            await pilot.pause()
    assert app.return_code == 1
    assert not app.is_running


async def test_keep_error_for_tests_raises_at_exit_but_the_pilot_keeps_working() -> None:
    app = Recording()
    with pytest.raises(Failing):
        async with app.run_test() as pilot:
            ti.keep_error_for_tests(app, Failing())
            ti.keep_error_for_tests(app, KeyError())  # only the first is kept
            await pilot.press("tab")
            await pilot.pause()
            assert app.is_running


async def test_app_is_closing_is_true_once_shutdown_begins() -> None:
    seen: list[bool] = []

    class App2(App[None]):
        def on_unmount(self) -> None:
            seen.append(ti.app_is_closing(self))

    app = App2()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert not ti.app_is_closing(app)
    assert seen == [True]


async def test_widths_changed_redraws_a_table_with_widths_set_directly() -> None:
    class App3(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

    app = App3()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(DataTable)
        (key,) = table.add_columns("A")
        table.add_row("x")
        await pilot.pause()
        narrow = table.virtual_size.width
        column = table.columns[key]
        column.auto_width = False
        column.width = 40
        ti.widths_changed(table)
        await pilot.pause()
        assert table.virtual_size.width > narrow + 30


# ---------------------------------------------------------------- the terminal writer


class _Gone(io.StringIO):
    """A terminal that has been closed: every write fails as a pty does (EIO)."""

    def write(self, text: str) -> int:
        raise OSError(5, "Input/output error")


def _timed(call: Any) -> float:
    started = time.monotonic()
    call()
    return time.monotonic() - started


def test_the_writer_writes_in_order_and_stops() -> None:
    out = io.StringIO()
    writer = ti.TerminalWriter(out)
    writer.start()
    for n in range(100):  # more than the queue holds: back-pressure, not loss, while the terminal is there
        writer.write(f"{n},")
    writer.stop()
    assert out.getvalue() == "".join(f"{n}," for n in range(100))
    assert not writer.is_alive() and not writer.gone.is_set()


def test_once_the_terminal_is_gone_writes_are_dropped_and_stop_never_waits() -> None:
    writer = ti.TerminalWriter(_Gone())
    writer.start()
    assert _timed(lambda: [writer.write("x" * 100) for _ in range(ti.MAX_QUEUED_WRITES * 10)]) < 2.0
    assert writer.gone.wait(2.0)
    assert _timed(writer.stop) < ti.STOP_WAIT_SECONDS + 0.5


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_writer_that_died_never_blocks_a_caller() -> None:
    class Broken(io.StringIO):
        def write(self, text: str) -> int:
            raise RuntimeError("not an OSError: the thread dies as Textual's did")

    writer = ti.TerminalWriter(Broken())
    writer.start()
    writer.write("first")
    writer.join(2.0)
    assert not writer.is_alive()
    # Textual's writer now blocks for ever in Queue.put once 30 writes are queued.
    assert _timed(lambda: [writer.write("x") for _ in range(ti.MAX_QUEUED_WRITES * 3)]) < 1.0
    assert _timed(writer.stop) < 1.0


# ---------------------------------------------------------------- what the driver relies on


@pytest.mark.posix_only  # Textual's Linux driver (termios) is not importable on Windows
def test_the_linux_driver_builds_its_writer_from_the_module_name_that_is_swapped() -> None:
    from textual.drivers import linux_driver

    assert isinstance(linux_driver.WriterThread, type)  # type: ignore[attr-defined]
    source = inspect.getsource(linux_driver.LinuxDriver.start_application_mode)
    assert "WriterThread(self._file)" in source
    assert "self._writer_thread" in inspect.getsource(linux_driver.LinuxDriver.close)
    with ti._writer_is_terminal_writer():
        assert linux_driver.WriterThread is ti.TerminalWriter  # type: ignore[attr-defined]
    assert linux_driver.WriterThread is not ti.TerminalWriter  # type: ignore[attr-defined]


@pytest.mark.posix_only  # Textual's Linux driver (termios) is not importable on Windows
def test_sigcont_resumes_through_resume_application_mode_and_reads_through_run_input_thread() -> None:
    from textual.drivers import linux_driver

    assert "self.resume_application_mode()" in inspect.getsource(
        linux_driver.LinuxDriver._sigcont_application
    )
    assert "self.run_input_thread()" in inspect.getsource(linux_driver.LinuxDriver._run_input_thread)


@pytest.mark.posix_only  # Textual's Linux driver (termios) is not importable on Windows
def test_the_driver_class_is_a_linux_driver_that_can_be_told_it_is_stopping() -> None:
    from textual.drivers.linux_driver import LinuxDriver

    driver_class = ti.terminal_driver_class()
    assert driver_class is not None and issubclass(driver_class, LinuxDriver)
    assert ti.terminal_driver_class() is driver_class

    resumed: list[bool] = []

    class Probe(driver_class):  # type: ignore[misc,valid-type]
        def __init__(self) -> None:  # no terminal needed for this
            self.stopping = threading.Event()

    def resume(self: Any) -> None:
        resumed.append(True)

    probe = Probe()
    original = LinuxDriver.resume_application_mode
    LinuxDriver.resume_application_mode = resume  # type: ignore[method-assign]
    try:
        probe.resume_application_mode()
        probe.stopping.set()
        probe.resume_application_mode()
    finally:
        LinuxDriver.resume_application_mode = original  # type: ignore[method-assign]
    assert resumed == [True], "after an exit signal a SIGCONT no longer restarts the terminal"


async def test_running_in_tells_the_app_loop_from_a_widget_loop() -> None:
    seen: dict[str, bool] = {}

    class Probe(Widget):
        def on_mount(self) -> None:
            seen["widget"] = ti.running_in(self.app)

    class App4(App[None]):
        def compose(self) -> ComposeResult:
            yield Probe()

        def on_mount(self) -> None:
            seen["app"] = ti.running_in(self)

    app = App4()
    async with app.run_test() as pilot:
        await pilot.pause()
    assert seen == {"app": True, "widget": False}


async def test_the_running_driver_is_reached_to_stop_it_restarting() -> None:
    app = Recording()
    async with app.run_test():
        assert app._driver is not None  # what stop_reentering_terminal reads
        ti.stop_reentering_terminal(app)  # a headless driver: nothing to stop, no error


async def test_rewrap_wraps_a_text_area_again_for_the_width_it_has_now() -> None:
    """The private rewrap Textual runs on resize: after it, the wrap follows the width, whatever it was before."""
    from textual.widgets import TextArea

    text = "one two three four five six seven eight nine ten eleven twelve"

    class Boxed(App[None]):
        def compose(self) -> ComposeResult:
            yield TextArea(text, soft_wrap=True)

    app = Boxed()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        area = app.query_one(TextArea)
        width = area.wrap_width
        area.wrapped_document.wrap(
            width + 15, tab_width=area.indent_width
        )  # as if laid out wider a moment ago
        assert area.wrapped_document.height == 1 or area.wrapped_document.height < 3
        ti.rewrap(area)
        lines = area.wrapped_document.lines
        assert area.wrapped_document.height >= 2
        assert all(len(line) <= width for line in lines)


async def test_a_pilot_press_waits_for_keys_the_app_holds_back() -> None:
    """``Pilot.press`` types through ``App._press_keys``: the override waits for ``keys_given_out`` after each key."""
    from textual.widgets import Input

    from sdm_facilitator.ui.textual_internals import PressesKeysInOrder

    class HoldsKeys(PressesKeysInOrder):
        def __init__(self) -> None:
            super().__init__()
            self.waits = 0

        def compose(self) -> ComposeResult:
            yield Input(id="box")

        async def keys_given_out(self) -> None:
            self.waits += 1
            await super().keys_given_out()

    app = HoldsKeys()
    async with app.run_test() as pilot:
        await pilot.press("a", "b", "c")
        assert app.waits == 3
        assert app.query_one("#box", Input).value == "abc"


async def test_describe_bindings_rewords_one_screens_footer_only() -> None:
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    class Worded(Screen[None]):
        BINDINGS = [Binding("5", "more", "+5 min"), Binding("ctrl+e", "end", "End family time")]

        def __init__(self, words: dict[str, str], hidden: tuple[str, ...] = ()) -> None:
            super().__init__()
            ti.describe_bindings(self, words, hidden)

        def compose(self) -> ComposeResult:
            yield Footer(show_command_palette=False)

    app: App[None] = App()
    async with app.run_test() as pilot:
        await app.push_screen(Worded({"end": "Gorffen amser y teulu"}))
        await pilot.pause()
        assert [k.description for k in app.screen.query(FooterKey)] == ["+5 min", "Gorffen amser y teulu"]
        await app.push_screen(Worded({"end": "Gorffen / End"}, hidden=("more",)))
        await pilot.pause()
        assert [k.description for k in app.screen.query(FooterKey)] == ["Gorffen / End"], (
            "a hidden key leaves"
        )
        await app.push_screen(Worded({}))
        await pilot.pause()
        assert [k.description for k in app.screen.query(FooterKey)] == ["+5 min", "End family time"], (
            "the class's words are untouched"
        )
