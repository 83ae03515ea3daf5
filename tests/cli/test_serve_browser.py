"""``sdm-facilitator serve`` in a real headless Chromium: the app draws, a second tab on the same
meeting is read-only, and an exported plan arrives as a browser download.

Long (a browser and an app process per tab): run with ``pytest --slow -m slow``. Skipped, with
the reason, where Debian's ``chromium`` or the web extra (textual-serve) is missing.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sdm_facilitator.demo import write_demo

# The browser helper talks to Chromium with aiohttp, which the web extra brings.
pytest.importorskip("textual_serve", reason="serve needs the web extra (textual-serve)")
from support.browser import CHROMIUM, Tab, chromium, eventually
from support.png_pixels import drawn_share
from support.serve_helpers import served

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)"
    ),
]

CTRL = 2


async def open_meeting(tab: Tab, family: str) -> None:
    """Filter the list of meetings to one family and open it, with real key presses."""
    await tab.wait_for_text(family)
    await tab.focus_terminal()
    await tab.press("/", "Slash", 191, text="/")
    await tab.type(family.split()[-2] if " " in family else family)
    await tab.forget_screen()
    await tab.press("Enter", "Enter", 13, text="\r")
    # The meeting's own footer: the home screen's list also has a "Readiness" heading, so
    # that word alone could be read before the meeting has opened.
    await tab.wait_for_text("esc Back")


@pytest.fixture
def demo_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    write_demo(folder)
    return folder


async def test_the_app_draws_in_chromium(demo_folder: Path, tmp_path: Path) -> None:
    with served(demo_folder) as server:
        async with chromium(tmp_path / "profile") as browser:
            tab = await browser.open_tab(server.url)
            await tab.wait_for_text("The Hollins family")
            await tab.wait_for_text("n New meeting")
            assert await tab.evaluate("location.href") == f"{server.base}/"  # the token left the address bar
            await tab.screenshot(tmp_path / "app-in-chromium.png")
            small = await tab.send(
                "Page.captureScreenshot",
                format="png",
                clip={"x": 0, "y": 0, "width": 1280, "height": 720, "scale": 0.25},
            )
    import base64

    share, colours = drawn_share(base64.b64decode(small["data"]))
    # A blank page is one colour; the list of meetings is text in several colours over a quarter of it.
    assert share > 0.15 and colours > 20, (share, colours)


async def test_a_second_tab_on_the_same_meeting_opens_read_only(demo_folder: Path, tmp_path: Path) -> None:
    with served(demo_folder) as server:
        async with chromium(tmp_path / "profile") as browser:
            first = await browser.open_tab(server.url)
            await open_meeting(first, "The Hollins family")
            await first.wait_for_text("Readiness")
            # The second tab is the same browser, so its session cookie opens the app without the token.
            second = await browser.open_tab(f"{server.base}/")
            await open_meeting(second, "The Hollins family")
            await second.wait_for_text("Read-only: This meeting is open in another copy of sdm-facilitator.")
            await second.send("Page.bringToFront")
            await second.screenshot(tmp_path / "second-tab.png")
            assert "Read-only" not in await first.screen_words()


async def test_an_exported_plan_arrives_as_a_browser_download(demo_folder: Path, tmp_path: Path) -> None:
    downloads = tmp_path / "downloads"
    with served(demo_folder) as server:
        async with chromium(tmp_path / "profile") as browser:
            await browser.send(
                "Browser.setDownloadBehavior",
                behavior="allow",
                downloadPath=str(downloads),
                eventsEnabled=True,
            )
            tab = await browser.open_tab(server.url)
            await open_meeting(tab, "The Hollins family")
            await tab.wait_for_text("Readiness")
            await tab.press("o", "KeyO", 79, modifiers=CTRL)
            await tab.wait_for_text("Export / print")
            await tab.press("s", "KeyS", 83, modifiers=CTRL)
            done = await browser.wait_for_event(
                "Browser.downloadProgress", lambda event: event.get("state") == "completed"
            )
            await tab.wait_for_text("to your browser as a download")
            await tab.send("Page.bringToFront")
            await tab.screenshot(tmp_path / "downloaded.png")
    [paper] = list(downloads.iterdir())
    assert Path(done["filePath"]) == paper and paper.name.startswith("plan-") and paper.suffix == ".html"
    text = paper.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Hollins" in text
    # Nothing was written into the data folder's exports: the browser has the only copy.
    assert not (demo_folder / "exports").exists() or not any((demo_folder / "exports").iterdir())


def test_the_browser_helper_waits_on_events_not_luck() -> None:
    """The DevTools client itself: an event already seen counts, a missing one times out."""

    async def check() -> None:
        from support.browser import Browser

        browser = Browser.__new__(Browser)
        browser.events = [{"method": "A", "params": {"n": 1}}]
        browser._changed = asyncio.Condition()
        assert await browser.wait_for_event("A") == {"n": 1}
        with pytest.raises(TimeoutError):
            await browser.wait_for_event("B", timeout=0.2)

    asyncio.run(check())


#: Where the room lists who is here (Kerry Hollins, Mark Hollins, ...) in a 1280x800 window.
WHO_IS_HERE = {"x": 0, "y": 585, "width": 460, "height": 75, "scale": 0.5}


async def shows_something(tab: Tab, clip: dict[str, float]) -> bool:
    """Whether a part of the page has anything drawn in it (more than its background colour)."""
    import base64

    picture = await tab.send("Page.captureScreenshot", format="png", clip=clip)
    share, _ = drawn_share(base64.b64decode(picture["data"]))
    return share > 0.01


async def enter_the_room(tab: Tab) -> None:
    """Open the Hollins family's meeting and go into the room, as the chair does on the day."""
    await open_meeting(tab, "The Hollins family")
    await tab.forget_screen()
    await tab.press("m", "KeyM", 77, text="m")
    await tab.wait_for_text("c Capture")


async def test_in_the_room_h_hides_names_and_notes_in_the_browser(demo_folder: Path, tmp_path: Path) -> None:
    with served(demo_folder) as server:
        async with chromium(tmp_path / "profile") as browser:
            tab = await browser.open_tab(server.url)
            await enter_the_room(tab)
            await tab.wait_for_text("Kerry Hollins")
            await eventually(lambda: shows_something(tab, WHO_IS_HERE))
            await tab.press("h", "KeyH", 72, text="h")
            await tab.wait_for_text("Names and notes hidden · h: show them")

            async def names_gone() -> bool:
                return not await shows_something(tab, WHO_IS_HERE)

            # The page paints on its own time after the words arrive: wait for the pixels themselves.
            await eventually(names_gone)
            await tab.screenshot(tmp_path / "hidden.png")


async def test_the_idle_lock_covers_the_tab_and_unlocks_with_the_passphrase(tmp_path: Path) -> None:
    """An encrypted store served with a one-minute idle lock: unlock, wait, locked, unlock again."""
    from sdm_facilitator.storage.settings import Settings, save_settings

    folder = tmp_path / "data"
    write_demo(folder)
    passphrase = "correct horse battery staple 2026"
    subprocess.run(
        [sys.executable, "-m", "sdm_facilitator", "--data-dir", str(folder), "encrypt"],
        env={
            **os.environ,
            "SDM_FACILITATOR_PASSPHRASE": passphrase,
            "SDM_FACILITATOR_RECOVERY_KEY_FILE": str(tmp_path / "recovery-key.txt"),
        },
        check=True,
        capture_output=True,
        timeout=300,
    )
    save_settings(folder, Settings(idle_lock_minutes=1))
    with served(folder) as server:
        async with chromium(tmp_path / "profile") as browser:
            tab = await browser.open_tab(server.url)
            await tab.wait_for_text("These meetings are encrypted. Type the passphrase to open them.")
            await tab.focus_terminal()
            await tab.type(passphrase)
            await tab.press("Enter", "Enter", 13, text="\r")
            await open_meeting(tab, "The Hollins family")
            await tab.wait_for_text("Readiness")
            await tab.forget_screen()
            # Nothing is pressed now: one minute, then the check that runs every few seconds.
            await tab.wait_for_text("Locked after a time without use.", timeout=180)
            await tab.screenshot(tmp_path / "locked.png")
            await tab.forget_screen()
            await tab.type(passphrase)
            await tab.press("Enter", "Enter", 13, text="\r")
            await tab.wait_for_text("Readiness", timeout=120)


async def test_closing_the_tab_keeps_what_was_typed_in_an_open_dialog(
    demo_folder: Path, tmp_path: Path
) -> None:
    """As when a terminal window closes: the words in the capture box come back as a draft."""
    from sdm_facilitator.storage.drafts import draft_files, read_drafts
    from sdm_facilitator.storage.store import MeetingStore

    typed = "Dad drinks at night"
    with served(demo_folder) as server:
        async with chromium(tmp_path / "profile") as browser:
            tab = await browser.open_tab(server.url)
            await enter_the_room(tab)
            await tab.press("w", "KeyW", 87, text="w")  # a worry
            await tab.wait_for_text("What was said, in plain words")
            await tab.forget_screen()
            await tab.type(typed)
            await tab.wait_for_text("at night")
            target = await tab.send("Target.getTargetInfo")
            await browser.send("Target.closeTarget", targetId=target["targetInfo"]["targetId"])
            store = MeetingStore(demo_folder)

            async def kept() -> bool:
                return bool(draft_files(store.folder))

            await eventually(kept)
    [draft_file] = draft_files(MeetingStore(demo_folder).folder)
    meeting_id = draft_file.name.removeprefix(".").split(".")[0]
    [draft] = read_drafts(MeetingStore(demo_folder), meeting_id)
    assert draft.values() == {"kind": "worry", "text": typed}
