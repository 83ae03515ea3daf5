"""The local web server of ``sdm-facilitator serve``: textual-serve behind the access guard.

textual-serve runs one app process per browser tab and carries its screen and
keys over a websocket; its public handlers (``handle_websocket``,
``handle_download``) do that here. This module adds what a laptop holding
children's records needs around them: the socket is bound before the address
is printed (so the port is free and known), every request passes the
``AccessGuard`` first, the page is our own (nothing fetched from outside the
laptop), and stopping the server closes each tab's app in order so it saves.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import signal
import socket
import sys
import webbrowser
from collections.abc import Awaitable, Callable
from pathlib import Path
from string import Template
from typing import TextIO

from aiohttp import web
from textual_serve.server import Server

from sdm_facilitator.cli.serve_guard import (
    SESSION_COOKIE,
    TOKEN_PARAMETER,
    AccessGuard,
    Verdict,
    hosts_for,
    is_loopback,
)

TITLE = "sdm-facilitator"
#: Sent with every answer: nothing cached, no address passed on, no framing by another page.
PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
}
REFUSED_TEXT = (
    "403: not allowed. Open the address that 'sdm-facilitator serve' printed, on the laptop it runs on. "
    "The address works once; start serve again for a new one.\n"
)
#: How long stopping waits for each tab's app to save and close.
STOP_TIMEOUT_SECONDS = 15.0

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def tab_command(data_dir: Path) -> str:
    """The shell command textual-serve runs for each tab: this Python, this data folder."""
    import shlex
    import subprocess

    words = [sys.executable, "-m", "sdm_facilitator.cli.serve_tab", str(data_dir)]
    return subprocess.list2cmdline(words) if sys.platform == "win32" else shlex.join(words)


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind and listen before anything is printed, so the printed port is the one in use."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


def page(request: web.Request) -> str:
    """Our own page around textual-serve's script; the websocket is on the address the browser used."""
    template = Template((Path(__file__).parent / "serve_page.html").read_text(encoding="utf-8"))
    return template.substitute(
        title=html.escape(TITLE),
        static_url="/static/",
        websocket_url=html.escape(f"ws://{request.host}/ws"),
        font_size="16",
    )


def build_web_app(guard: AccessGuard, textual_server: Server) -> web.Application:
    """The routes of textual-serve, each behind the guard, plus the private headers on every answer."""
    tabs: set[asyncio.Task[object]] = set()

    @web.middleware
    async def guarded(request: web.Request, handler: Handler) -> web.StreamResponse:
        verdict = guard.decide(
            remote=request.remote,
            host=request.headers.get("Host"),
            path=request.path,
            token=request.query.get(TOKEN_PARAMETER),
            cookie=request.cookies.get(SESSION_COOKIE),
            origin=request.headers.get("Origin"),
        )
        if verdict is Verdict.REFUSE:
            return web.Response(status=403, text=REFUSED_TEXT)
        if verdict is Verdict.START_SESSION:
            # The token leaves the address bar (and the browser's history) at once.
            response = web.HTTPSeeOther("/")
            response.set_cookie(SESSION_COOKIE, guard.session, httponly=True, samesite="Strict", path="/")
            return response
        return await handler(request)

    async def index(request: web.Request) -> web.Response:
        return web.Response(text=page(request), content_type="text/html")

    async def tab(request: web.Request) -> web.StreamResponse:
        """One browser tab's app; remembered so stopping the server can close it in order."""
        task = asyncio.current_task()
        if task is not None:
            tabs.add(task)
        try:
            return await textual_server.handle_websocket(request)
        finally:
            if task is not None:
                tabs.discard(task)

    async def close_tabs(app: web.Application) -> None:
        # Cancelling a tab's handler makes textual-serve tell its app to quit and wait for it.
        for task in list(tabs):
            task.cancel()
        if tabs:
            await asyncio.wait(list(tabs), timeout=STOP_TIMEOUT_SECONDS)

    async def private_headers(request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(PRIVATE_HEADERS)

    app = web.Application(middlewares=[guarded])
    app.add_routes(
        [
            web.get("/", index),
            web.get("/ws", tab),
            web.get("/download/{key}", textual_server.handle_download),
            web.static("/static", textual_server.statics_path),
        ]
    )
    app.on_response_prepare.append(private_headers)
    app.on_shutdown.append(close_tabs)
    return app


async def _run(
    app: web.Application,
    sock: socket.socket,
    url: str,
    *,
    open_browser: bool,
    ready: Callable[[], None],
    out: TextIO,
) -> None:
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows: Ctrl+C arrives as KeyboardInterrupt
            loop.add_signal_handler(signum, stop.set)
    try:
        await web.SockSite(runner, sock, shutdown_timeout=STOP_TIMEOUT_SECONDS).start()
        ready()
        if open_browser and not await loop.run_in_executor(None, webbrowser.open, url):
            print(
                "No browser could be opened from here: open the address above in yours.", file=out, flush=True
            )
        await stop.wait()
    finally:
        await runner.cleanup()


def serve(data_dir: Path, *, host: str, port: int, open_browser: bool, out: TextIO, err: TextIO) -> int:
    """Serve the app until Ctrl+C (or SIGTERM), then close every tab's app so each saves."""
    import logging

    logging.basicConfig(level=logging.WARNING, stream=err, format="sdm-facilitator serve: %(message)s")
    sock = bind_socket(host, port)
    bound_port = int(sock.getsockname()[1])
    guard = AccessGuard(allowed_hosts=hosts_for(host, bound_port), loopback_only=is_loopback_host(host))
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{bound_port}/?{TOKEN_PARAMETER}={guard.token}"
    textual_server = Server(tab_command(data_dir), host=host, port=bound_port, title=TITLE)

    def ready() -> None:
        print(f"sdm-facilitator is open at {url}", file=out, flush=True)
        print(
            "This address opens the app once, in one browser; keep it to yourself. "
            "Press Ctrl+C here to close the app in every tab and stop.",
            file=out,
            flush=True,
        )

    app = build_web_app(guard, textual_server)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_run(app, sock, url, open_browser=open_browser, ready=ready, out=out))
    print("sdm-facilitator serve stopped.", file=out, flush=True)
    return 0


def is_loopback_host(host: str) -> bool:
    """Whether binding to ``host`` keeps the server to this laptop."""
    return host == "localhost" or is_loopback(host)
