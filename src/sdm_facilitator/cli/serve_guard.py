"""Who may open the app that ``sdm-facilitator serve`` puts in a browser tab.

The app shows children's records, so the local web server lets in only the
person at the laptop: the request must come from this machine (unless
``--host`` was given), name this server in its ``Host`` header (a page on
another site cannot rebind a name to 127.0.0.1 and read the app), and carry
either the one-time token from the printed address or the session cookie that
the first use of the token set. The token works once: a second request with it
and without the cookie (someone who read the address off the screen or out of
a browser's history) is refused. Everything else, the page, its script, the
websocket that carries the app, and every download, gets 403 and nothing of
the app.

The decision is plain Python with no web framework, so it is tested directly;
``serve_server.py`` asks it about each request.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from enum import Enum

#: The cookie that stands for the token once it has been used.
SESSION_COOKIE = "sdm_facilitator_session"
#: The query parameter of the printed address.
TOKEN_PARAMETER = "token"


class Verdict(Enum):
    """What to do with one request."""

    ALLOW = "allow"
    #: The token was right and unused: set the session cookie and send the
    #: browser to the same page without the token in its address.
    START_SESSION = "start-session"
    REFUSE = "refuse"


def is_loopback(address: str | None) -> bool:
    """Whether a peer address is this machine (127.0.0.0/8 or ::1); unknown is not."""
    if not address:
        return False
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _same(secret: str, offered: str | None) -> bool:
    """Compare in constant time, so timing does not leak how much of a guess was right."""
    return offered is not None and hmac.compare_digest(secret.encode(), offered.encode())


@dataclass
class AccessGuard:
    """The one-time token, the session it becomes, and the addresses allowed in.

    ``loopback_only`` is True unless ``--host`` bound the server to another
    address; then any peer may try, and the token still stands between it and
    the app. ``allowed_hosts`` are the ``Host`` header values this server
    answers to (``127.0.0.1:PORT``, ``localhost:PORT``, and with ``--host``
    that host too); None (a wildcard ``--host`` such as 0.0.0.0, reached by
    whatever name the network gives it) lets any name through to the token.
    """

    allowed_hosts: frozenset[str] | None
    loopback_only: bool = True
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    session: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    token_used: bool = False

    def decide(
        self,
        *,
        remote: str | None,
        host: str | None,
        path: str,
        token: str | None,
        cookie: str | None,
        origin: str | None = None,
    ) -> Verdict:
        """Allow, start the session, or refuse one request (see the module's docstring)."""
        if self.loopback_only and not is_loopback(remote):
            return Verdict.REFUSE
        if host is None or (self.allowed_hosts is not None and host.lower() not in self.allowed_hosts):
            return Verdict.REFUSE
        # A browser names the page that opened a websocket or a download; only our own page may.
        if origin is not None and origin.lower() != f"http://{host.lower()}":
            return Verdict.REFUSE
        if _same(self.session, cookie):
            return Verdict.ALLOW
        if path == "/" and not self.token_used and _same(self.token, token):
            self.token_used = True
            return Verdict.START_SESSION
        return Verdict.REFUSE


def hosts_for(host: str, port: int) -> frozenset[str] | None:
    """The ``Host`` header values a server bound to ``host``:``port`` answers to (None: any)."""
    if host in {"0.0.0.0", "::", ""}:
        return None
    names = {f"127.0.0.1:{port}", f"localhost:{port}"}
    if host not in {"127.0.0.1", "localhost"}:
        names.add(f"[{host}]:{port}" if ":" in host else f"{host}:{port}")
    return frozenset(name.lower() for name in names)
