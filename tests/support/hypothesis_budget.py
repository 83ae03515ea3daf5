"""How many examples a property test tries: a quarter in the default run, every one under ``--slow``.

The default suite must stay a few minutes on two cores (issue 19), and the
decoder and matcher equivalence properties were a minute of it alone. Each
property still runs on every default run, on fresh random examples each
time; the full count the property was written with runs with ``--slow``
(``pytest --slow -m slow`` runs only the slow ones; ``pytest --slow`` runs
everything at full count). ``tests/conftest.py`` sets the mode before any
test module is imported, so decorators read it at import.
"""

from __future__ import annotations

#: The share of a property's full count the default run tries.
DEFAULT_SHARE = 4
#: Never fewer than this, however small the full count.
LEAST = 10

_full = False


def use_full_counts() -> None:
    """Called once by ``tests/conftest.py`` when the run was started with ``--slow``."""
    global _full
    _full = True


def examples(full: int) -> int:
    """The examples to try: ``full`` under ``--slow``, otherwise a quarter of it (at least ``LEAST``)."""
    if _full:
        return full
    return min(full, max(LEAST, full // DEFAULT_SHARE))
