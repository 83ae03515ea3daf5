"""Reading TOML text: the compiled ``tomli`` where it is installed, else the standard library's ``tomllib``.

Parsing is most of the cost of a first look at a large store (every meeting
file read once) and of every save (each written section is read back to
prove it reads the same). ``tomllib`` is ``tomli`` copied into the standard
library as pure Python; ``tomli``'s own wheels are compiled (mypyc) and parse
the same files about 2.7 times faster. The version range in
``pyproject.toml`` keeps it at TOML 1.0, the language ``tomllib`` reads, so a
file reads the same whichever is used; where no compiled wheel exists, pip
installs the pure-Python one and nothing changes but the speed.

Every reader in the app imports ``loads`` and ``TOMLDecodeError`` from here,
so the two can never be mixed (an error from one caught as the other's).
"""

from __future__ import annotations

try:
    from tomli import TOMLDecodeError, loads
except ImportError:  # pragma: no cover - tomli is a dependency; this keeps a broken install working
    from tomllib import TOMLDecodeError, loads  # type: ignore[assignment]

__all__ = ["TOMLDecodeError", "loads"]
