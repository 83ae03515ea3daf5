"""Two real Syncthing instances on loopback, each with its own home and data folder, for the slow sync tests.

Each instance gets a generated key and certificate (``syncthing generate``), a
config written here (loopback listen address, no discovery, relays, NAT,
usage reports or upgrades, one shared folder rescanned every second) and a
REST API key. The test starts and stops them; ``wait_in_sync`` asks both
through the REST API until each has nothing left to fetch, after a scan, so
nothing waits on a guessed time.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FOLDER_ID = "sdm-team"
SYNCTHING = shutil.which("syncthing")
SKIP_REASON = "Syncthing is not installed (Debian: apt-get install syncthing; .ci/run installs it)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Instance:
    """One Syncthing: its home (config, keys, database), the data folder it shares, its ports and API key."""

    name: str
    home: Path
    data: Path
    listen_port: int = field(default_factory=free_port)
    gui_port: int = field(default_factory=free_port)
    api_key: str = field(default_factory=lambda: secrets.token_hex(16))
    device_id: str = ""
    process: subprocess.Popen[bytes] | None = None

    def generate(self) -> None:
        assert SYNCTHING is not None
        self.home.mkdir(parents=True)
        self.data.mkdir(parents=True, mode=0o700)
        (self.data / ".stfolder").mkdir()
        subprocess.run(
            [SYNCTHING, "generate", f"--home={self.home}"], check=True, capture_output=True, timeout=60
        )
        shown = subprocess.run(
            [SYNCTHING, f"--home={self.home}", "--device-id"], check=True, capture_output=True, timeout=60
        )
        self.device_id = shown.stdout.decode().strip()

    def write_config(self, peer: Instance) -> None:
        devices = "".join(
            f'<device id="{i.device_id}" name="{i.name}" compression="metadata" introducer="false">'
            f"<address>tcp://127.0.0.1:{i.listen_port}</address><paused>false</paused></device>"
            for i in (self, peer)
        )
        folder = (
            f'<folder id="{FOLDER_ID}" label="team" path="{self.data}" type="sendreceive" '
            'rescanIntervalS="1" fsWatcherEnabled="false" ignorePerms="false" autoNormalize="true">'
            "<filesystemType>basic</filesystemType>"
            f'<device id="{self.device_id}"></device><device id="{peer.device_id}"></device>'
            '<minDiskFree unit="%">0</minDiskFree><maxConflicts>10</maxConflicts><paused>false</paused></folder>'
        )
        options = (
            f"<listenAddress>tcp://127.0.0.1:{self.listen_port}</listenAddress>"
            "<globalAnnounceEnabled>false</globalAnnounceEnabled><localAnnounceEnabled>false</localAnnounceEnabled>"
            "<relaysEnabled>false</relaysEnabled><natEnabled>false</natEnabled><urAccepted>-1</urAccepted>"
            "<startBrowser>false</startBrowser><autoUpgradeIntervalH>0</autoUpgradeIntervalH>"
            "<crashReportingEnabled>false</crashReportingEnabled>"
            '<minHomeDiskFree unit="%">0</minHomeDiskFree><reconnectionIntervalS>1</reconnectionIntervalS>'
        )
        gui = (
            f'<gui enabled="true" tls="false"><address>127.0.0.1:{self.gui_port}</address>'
            f"<apikey>{self.api_key}</apikey></gui>"
        )
        (self.home / "config.xml").write_text(
            f'<configuration version="36">{folder}{devices}{gui}<options>{options}</options></configuration>'
        )

    def start(self) -> None:
        assert SYNCTHING is not None
        env = {**os.environ, "STNODEFAULTFOLDER": "1", "STNOUPGRADE": "1", "STNORESTART": "1"}
        log = (self.home / "syncthing.log").open("ab")
        self.process = subprocess.Popen(
            [SYNCTHING, "serve", f"--home={self.home}", "--no-browser", "--no-restart", "--no-upgrade"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError, ValueError):
                if self.get("/rest/system/ping").get("ping") == "pong":
                    return
            assert self.process.poll() is None, (
                f"syncthing {self.name} stopped: see {self.home}/syncthing.log"
            )
            assert time.monotonic() < deadline, f"syncthing {self.name} did not answer"
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
        self.process = None

    def _call(self, method: str, path: str) -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}", method=method, headers={"X-API-Key": self.api_key}
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            body = answer.read()
        return json.loads(body) if body.strip() else {}

    def get(self, path: str) -> Any:
        return self._call("GET", path)

    def post(self, path: str) -> Any:
        return self._call("POST", path)

    def scan(self) -> None:
        self.post(f"/rest/db/scan?folder={FOLDER_ID}")

    def settled(self, peer: Instance) -> bool:
        """Nothing to fetch here, and the peer holds everything this one has (by the REST API)."""
        status = self.get(f"/rest/db/status?folder={FOLDER_ID}")
        completion = self.get(f"/rest/db/completion?folder={FOLDER_ID}&device={peer.device_id}")
        return (
            status.get("state") == "idle"
            and status.get("needTotalItems", 1) == 0
            and completion.get("completion") == 100
            and completion.get("needItems", 1) == 0
        )

    def connected_to(self, peer: Instance) -> bool:
        connections = self.get("/rest/system/connections").get("connections", {})
        return bool(connections.get(peer.device_id, {}).get("connected"))


def pair(root: Path) -> tuple[Instance, Instance]:
    """Two configured instances (not started), each sharing its own data folder with the other."""
    a = Instance("laptop-a", root / "a-home", root / "a-data")
    b = Instance("laptop-b", root / "b-home", root / "b-data")
    a.generate()
    b.generate()
    a.write_config(b)
    b.write_config(a)
    return a, b


def wait_connected(a: Instance, b: Instance, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not (a.connected_to(b) and b.connected_to(a)):
        assert time.monotonic() < deadline, "the two Syncthing instances did not connect"
        time.sleep(0.2)


def wait_in_sync(a: Instance, b: Instance, timeout: float = 120) -> float:
    """Scan both, then wait until each is idle with nothing to fetch; returns the seconds it took."""
    started = time.monotonic()
    a.scan()
    b.scan()
    settled_twice = 0
    while settled_twice < 2:  # twice in a row: a scan just finishing can still announce a change
        assert time.monotonic() - started < timeout, "the folders did not come into step"
        time.sleep(0.3)
        settled_twice = settled_twice + 1 if (a.settled(b) and b.settled(a)) else 0
    return time.monotonic() - started
