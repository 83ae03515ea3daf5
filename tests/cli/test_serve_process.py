"""``sdm-facilitator serve`` as a real process on a free port: who gets the app and who gets 403.

No browser here (see ``test_serve_browser.py``): plain HTTP requests to the
real server, so the token, the cookie, the ``Host`` check and the websocket
guard are checked as any client would meet them.
"""

from __future__ import annotations

import http.client
import sys
from pathlib import Path

import pytest

from support.cli_helpers import run
from support.serve_helpers import Served, served

pytest.importorskip("textual_serve", reason="serve needs the web extra (textual-serve)")


def get(
    server: Served, path: str, *, cookie: str | None = None, host: str | None = None, **headers: str
) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(server.base.removeprefix("http://"), timeout=30)
    sent = dict(headers)
    if cookie:
        sent["Cookie"] = cookie
    if host:
        sent["Host"] = host
    connection.request("GET", path, headers=sent)
    response = connection.getresponse()
    response.read()
    return response


def test_the_app_needs_the_token_once_then_the_cookie(isolated_data_dir: Path) -> None:
    with served(isolated_data_dir) as server:
        assert server.url.startswith("http://127.0.0.1:")
        path = server.url.removeprefix(server.base)
        for nothing in ("/", "/static/js/textual.js", "/download/anything", "/?token=guess"):
            refused = get(server, nothing)
            assert refused.status == 403, nothing
        upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13"}
        assert (
            get(server, "/ws", **upgrade, **{"Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}).status == 403
        )

        first = get(server, path)
        assert first.status == 303 and first.getheader("Location") == "/"
        cookie = (first.getheader("Set-Cookie") or "").split(";")[0]
        assert "HttpOnly" in (first.getheader("Set-Cookie") or "")
        assert get(server, path).status == 403  # the same address again, without the cookie

        connection = http.client.HTTPConnection(server.base.removeprefix("http://"), timeout=30)
        connection.request("GET", "/", headers={"Cookie": cookie})
        page = connection.getresponse()
        assert page.status == 200 and page.getheader("Cache-Control") == "no-store"
        text = page.read().decode()
        # Nothing is fetched from outside the laptop: the websocket and the script are this server's.
        assert f'data-session-websocket-url="ws://{server.base.removeprefix("http://")}/ws"' in text
        assert "https://" not in text and 'src="/static/js/textual.js"' in text
        assert "http://" not in text.replace("ws://", "")
        assert get(server, "/static/js/textual.js", cookie=cookie).status == 200
        # A page elsewhere whose name was rebound to 127.0.0.1 is still refused.
        port = server.base.rsplit(":", 1)[1]
        assert get(server, "/", cookie=cookie, host=f"rebound.example:{port}").status == 403


@pytest.mark.posix_only
def test_ctrl_c_stops_it_cleanly(isolated_data_dir: Path) -> None:
    with served(isolated_data_dir) as server:
        pass
    assert server.process.returncode == 0
    rest = []
    while not server.lines.empty():
        rest.append(server.lines.get())
    assert "sdm-facilitator serve stopped.\n" in rest


def test_another_address_comes_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    # 192.0.2.1 is a documentation address: nothing here can bind it, so only the warning shows.
    code, _, err = run(capsys, "serve", "--no-browser", "--host", "192.0.2.1")
    assert code == 2
    assert err.startswith("Warning: serving on 192.0.2.1, not only on this laptop.")
    assert "children's records" in err and "could not listen on 192.0.2.1:0" in err


def test_without_the_web_extra_it_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sdm_facilitator.cli.serve_server", None)
    code, out, err = run(capsys, "serve", "--no-browser")
    assert code == 2 and out == ""
    assert "pip install 'sdm-facilitator[web]'" in err
