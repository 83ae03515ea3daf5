"""A real headless Chromium driven over the DevTools protocol, for the ``serve`` tests.

No driver program and no browser download: Debian's ``chromium`` is started
with ``--remote-debugging-port=0`` and a fresh profile, and the tests talk to
it over its websocket with aiohttp (which the ``web`` extra brings). Every
wait is for an event or a condition, bounded by a deadline, never a sleep
that hopes the page has drawn.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import shutil
import subprocess
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
#: The flags known to work here as root with no network (see the machine notes in CONTRIBUTING.md).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,800",
]


#: Run in the page before its own script: keeps what the app sends to the terminal, less the escape
#: codes, so a test can wait for words on the screen (the terminal itself draws on a canvas).
RECORD_SCREEN = r"""
(() => {
  const Original = window.WebSocket;
  window.__screen = "";
  window.WebSocket = function (url, protocols) {
    const socket = new Original(url, protocols);
    const decoder = new TextDecoder();
    // A message can end inside an escape code; its rest comes in the next one. Strip only
    // whole codes and carry an unfinished one over, or its tail would land among the words.
    let pending = "";
    const whole = /\x1b\[[0-9;?<>=]*[ -\/]*[@-~]|\x1b[\]P_^][^\x07\x1b]*(\x07|\x1b\\)|\x1b[^\[\]P_^]/g;
    const unfinished = /\x1b(\[[0-9;?<>=]*[ -\/]*|[\]P_^][^\x07\x1b]*\x1b?|)$/;
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        let text = pending + decoder.decode(event.data, { stream: true });
        const open = text.match(unfinished);
        pending = open ? open[0] : "";
        if (open) text = text.slice(0, text.length - pending.length);
        window.__screen += text.replace(whole, "");
      }
    });
    return socket;
  };
  window.WebSocket.prototype = Original.prototype;
})();
"""


#: The recorded screen with runs of spaces, line ends and a toast's left border (▌) as one space.
SCREEN_WORDS = '(window.__screen || "").replace(/[\\s\u258c]+/g, " ")'


class BrowserError(Exception):
    """The browser answered a command with an error."""


@dataclass
class Browser:
    """One Chromium process and the browser-wide DevTools connection."""

    process: subprocess.Popen[bytes]
    socket: aiohttp.ClientWebSocketResponse
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _waiting: dict[int, asyncio.Future[dict[str, Any]]] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer."""
        number = next(self._ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[number] = future
        await self.socket.send_str(json.dumps(message))
        answer = await asyncio.wait_for(future, 60)
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error']}")
        return dict(answer.get("result", {}))

    async def read(self) -> None:
        """Hand answers to their commands and keep every event for ``wait_for_event``."""
        async for message in self.socket:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(message.data)
            if "id" in data and data["id"] in self._waiting:
                self._waiting.pop(data["id"]).set_result(data)
            else:
                async with self._changed:
                    self.events.append(data)
                    self._changed.notify_all()

    async def wait_for_event(
        self, method: str, check: Callable[[dict[str, Any]], bool] = lambda params: True, timeout: float = 60
    ) -> dict[str, Any]:
        """The first event named ``method`` whose params pass ``check`` (already seen ones count)."""

        def found() -> dict[str, Any] | None:
            for event in self.events:
                if event.get("method") == method and check(event.get("params", {})):
                    return dict(event["params"])
            return None

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: found() is not None), timeout)
        result = found()
        assert result is not None
        return result

    async def open_tab(self, url: str) -> Tab:
        """A new tab on ``url``, attached, that records the app's screen as text (``Tab.screen_text``)."""
        target = await self.send("Target.createTarget", url="about:blank")
        attached = await self.send("Target.attachToTarget", targetId=target["targetId"], flatten=True)
        tab = Tab(self, attached["sessionId"])
        await tab.send("Page.enable")
        await tab.send("Runtime.enable")
        await tab.send("Page.addScriptToEvaluateOnNewDocument", source=RECORD_SCREEN)
        await tab.send("Page.navigate", url=url)
        return tab


@dataclass
class Tab:
    """One page of the browser."""

    browser: Browser
    session: str

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        return await self.browser.send(method, self.session, **params)

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def wait_until(self, expression: str, timeout: float = 60) -> Any:
        """Poll a JavaScript expression until it is truthy (the page draws on its own time)."""
        deadline = time.monotonic() + timeout
        while True:
            value = await self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                drawn = await self.evaluate(SCREEN_WORDS)
                raise TimeoutError(f"page never satisfied: {expression}; last drawn: {str(drawn)[-600:]!r}")
            await asyncio.sleep(0.2)

    async def wait_for_text(self, words: str, timeout: float = 60) -> None:
        """Wait until the app has put ``words`` on this tab's screen (wrapped over lines or not)."""
        await self.wait_until(f"{SCREEN_WORDS}.includes({json.dumps(' '.join(words.split()))})", timeout)

    async def screen_words(self) -> str:
        """Everything the app has drawn since the last ``forget_screen``, spaces and borders as one space."""
        return str(await self.evaluate(SCREEN_WORDS))

    async def forget_screen(self) -> None:
        """Start recording the screen afresh, so the next wait sees only what comes after."""
        await self.evaluate('window.__screen = ""')

    async def screenshot(self, path: Path) -> bytes:
        """A PNG of the page as a person would see it."""
        data = base64.b64decode((await self.send("Page.captureScreenshot", format="png"))["data"])
        path.write_bytes(data)
        return data

    async def focus_terminal(self) -> None:
        """Give the terminal the keyboard, as a person's click into the page does."""
        await self.wait_until("document.querySelector('.xterm-helper-textarea') !== null")
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")

    async def type(self, text: str) -> None:
        """Type printable characters one key at a time."""
        for character in text:
            code = f"Key{character.upper()}" if character.isalpha() else ""
            await self.press(character, code, ord(character.upper()), text=character)

    async def press(self, key: str, code: str, key_code: int, text: str = "", modifiers: int = 0) -> None:
        """One real key press (down and up) as the keyboard would send it."""
        down: dict[str, Any] = {"type": "keyDown", "key": key, "code": code, "modifiers": modifiers}
        down["windowsVirtualKeyCode"] = key_code
        if text:
            down["text"] = text
        await self.send("Input.dispatchKeyEvent", **down)
        await self.send(
            "Input.dispatchKeyEvent",
            type="keyUp",
            key=key,
            code=code,
            modifiers=modifiers,
            windowsVirtualKeyCode=key_code,
        )


async def _devtools_url(profile: Path, process: subprocess.Popen[bytes], timeout: float = 60) -> str:
    """Chromium writes its chosen port and browser path into the profile once it listens."""
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + timeout
    while not marker.exists() or len(marker.read_text().splitlines()) < 2:
        if process.poll() is not None:
            raise BrowserError(f"chromium exited with {process.returncode}")
        if time.monotonic() > deadline:
            raise TimeoutError("chromium never opened its DevTools port")
        await asyncio.sleep(0.1)
    port, path = marker.read_text().splitlines()[:2]
    return f"ws://127.0.0.1:{port}{path}"


@contextlib.asynccontextmanager
async def chromium(profile: Path) -> AsyncIterator[Browser]:
    """A headless Chromium for one test, ended (and its profile left to tmp_path) afterwards."""
    assert CHROMIUM is not None
    process = subprocess.Popen(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = await _devtools_url(profile, process)
        async with aiohttp.ClientSession() as client, client.ws_connect(url, max_msg_size=0) as socket:
            browser = Browser(process, socket)
            reader = asyncio.create_task(browser.read())
            try:
                yield browser
            finally:
                reader.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await reader
    finally:
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 60) -> None:
    """Wait for an outside condition (a file appears) without guessing how long it takes."""
    deadline = time.monotonic() + timeout
    while not await check():
        if time.monotonic() > deadline:
            raise TimeoutError("condition never held")
        await asyncio.sleep(0.2)
