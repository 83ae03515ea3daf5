"""The app and the command line never open a network connection.

Two guards while the main flows run: Python's audit hook reports every
socket connect, bind, send and name lookup (even through ``_socket``), and
``socket.socket`` / ``socket.create_connection`` / ``getaddrinfo`` raise for
any network family. Local Unix sockets (asyncio's internal wake-up pair) are
allowed: they never leave the machine.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdm_facilitator.cli import main
from support.app_helpers import make_app

_ACTIVE: list[list[str]] = []
_NETWORK_EVENTS = {
    "socket.connect",
    "socket.bind",
    "socket.sendto",
    "socket.sendmsg",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
    "urllib.Request",
    "http.client.connect",
    "ftplib.connect",
    "smtplib.connect",
}


def _audit(event: str, args: tuple[object, ...]) -> None:
    if not _ACTIVE or event not in _NETWORK_EVENTS:
        return
    if event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
        sock = args[0]
        if getattr(sock, "family", None) == getattr(socket, "AF_UNIX", object()):
            return
    _ACTIVE[-1].append(f"{event} {args[1:]!r}"[:200])


sys.addaudithook(_audit)


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    attempts: list[str] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc,valid-type]
        def __init__(
            self, family: int = -1, type: int = -1, proto: int = -1, fileno: int | None = None
        ) -> None:
            fam = socket.AF_INET if family == -1 and fileno is None else family
            if fam in (socket.AF_INET, socket.AF_INET6):
                attempts.append(f"socket.socket(family={fam})")
                raise NetworkUsed("the app tried to create a network socket")
            super().__init__(family, type, proto, fileno)

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def guard(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args!r}"[:200])
            raise NetworkUsed(f"the app called {name}")

        return guard

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "create_server"):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    _ACTIVE.append(attempts)
    try:
        yield attempts
    finally:
        _ACTIVE.pop()


def test_guard_catches_a_connection(no_network: list[str]) -> None:
    """The guard itself works: otherwise the tests below would prove nothing."""
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80))
    with pytest.raises(NetworkUsed):
        socket.socket()
    assert len(no_network) == 2
    no_network.clear()


def test_cli_flows_open_no_connection(
    tmp_path: Path, no_network: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    demo_dir = tmp_path / "demo"
    data = tmp_path / "data"
    assert main(["demo", str(demo_dir)]) == 0
    assert main(["--data-dir", str(demo_dir), "list"]) == 0
    assert main(["--data-dir", str(demo_dir), "list", "--json"]) == 0
    assert main(["--data-dir", str(data), "new", "--kind", "fgc", "--family", "Network test"]) == 0
    new_id = capsys.readouterr().out.strip().splitlines()[-1].split()[0]
    assert main(["--data-dir", str(data), "show", new_id]) == 0
    assert main(["--data-dir", str(data), "show", new_id, "--json"]) == 0
    assert main(["--data-dir", str(data), "guides", "list"]) == 0
    assert (
        main(["--data-dir", str(data), "export", new_id, "--as", "plan", "-o", str(tmp_path / "plan.html")])
        == 0
    )
    assert main(["--data-dir", str(data), "export", new_id, "--as", "agenda", "--format", "txt"]) == 0
    capsys.readouterr()
    assert no_network == []


async def test_app_opening_a_meeting_opens_no_connection(
    isolated_data_dir: Path, no_network: list[str]
) -> None:
    assert main(["demo", str(isolated_data_dir)]) == 0
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        meetings = app.store.list_meetings().meetings
        assert meetings
        app.open_meeting(meetings[0].meeting.id)
        await pilot.pause()
        from sdm_facilitator.ui.workspace.catalogue import all_sections

        for section in all_sections():
            await app.screen.show_section(section.id)  # type: ignore[attr-defined]
            await pilot.pause()
        app.flush_all()
    assert no_network == []
