"""Who the local web server of ``sdm-facilitator serve`` lets in: the decision itself, case by case."""

from __future__ import annotations

import pytest

from sdm_facilitator.cli.serve_guard import AccessGuard, Verdict, hosts_for, is_loopback

HOSTS = hosts_for("127.0.0.1", 8123)


def ask(guard: AccessGuard, **changes: str | None) -> Verdict:
    request: dict[str, str | None] = {
        "remote": "127.0.0.1",
        "host": "127.0.0.1:8123",
        "path": "/",
        "token": None,
        "cookie": None,
        "origin": None,
    }
    request.update(changes)
    return guard.decide(**request)  # type: ignore[arg-type]


def test_the_token_works_once_and_then_only_the_cookie_lets_in() -> None:
    guard = AccessGuard(allowed_hosts=HOSTS)
    assert ask(guard) is Verdict.REFUSE
    assert ask(guard, token="a guess") is Verdict.REFUSE
    assert ask(guard, token=guard.token) is Verdict.START_SESSION
    assert ask(guard, token=guard.token) is Verdict.REFUSE  # read off the screen or out of a history
    assert ask(guard, cookie=guard.session) is Verdict.ALLOW
    assert ask(guard, path="/ws", cookie=guard.session, origin="http://127.0.0.1:8123") is Verdict.ALLOW
    assert ask(guard, path="/download/key", cookie="not it") is Verdict.REFUSE


def test_a_wrong_guess_does_not_use_up_the_token_and_the_token_opens_only_the_page() -> None:
    guard = AccessGuard(allowed_hosts=HOSTS)
    assert ask(guard, path="/ws", token=guard.token) is Verdict.REFUSE
    assert ask(guard, token=guard.token[:-1]) is Verdict.REFUSE
    assert ask(guard, token=guard.token) is Verdict.START_SESSION


@pytest.mark.parametrize(
    ("change", "value"),
    [
        ("remote", "192.0.2.7"),  # another machine, through a forwarded port
        ("remote", None),
        ("host", "rebound.example:8123"),  # a page elsewhere that rebound its name to 127.0.0.1
        ("host", None),
        ("origin", "http://rebound.example:8123"),  # another site's page opening the websocket
    ],
)
def test_requests_from_elsewhere_are_refused_even_with_the_cookie(change: str, value: str | None) -> None:
    guard = AccessGuard(allowed_hosts=HOSTS)
    assert ask(guard, cookie=guard.session, **{change: value}) is Verdict.REFUSE
    assert ask(guard, token=guard.token, **{change: value}) is Verdict.REFUSE
    assert not guard.token_used


def test_with_host_another_machine_may_try_but_still_needs_the_token() -> None:
    guard = AccessGuard(allowed_hosts=hosts_for("0.0.0.0", 8123), loopback_only=False)
    assert ask(guard, remote="192.0.2.7", host="laptop.local:8123") is Verdict.REFUSE
    assert (
        ask(guard, remote="192.0.2.7", host="laptop.local:8123", token=guard.token) is Verdict.START_SESSION
    )


def test_loopback_addresses() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("127.5.0.1") and is_loopback("::1")
    assert not is_loopback("10.0.0.1") and not is_loopback("") and not is_loopback("not an address")
    assert hosts_for("127.0.0.1", 80) == frozenset({"127.0.0.1:80", "localhost:80"})
    assert hosts_for("::1", 80) == frozenset({"127.0.0.1:80", "localhost:80", "[::1]:80"})
