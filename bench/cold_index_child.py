"""The reference for ``bench_cold_index.py``: read every meeting file and parse it with ``tomllib``.

    python bench/cold_index_child.py MEETINGS_FOLDER

Nothing else: no checks, no model, no summary, no index. Any reader of these
files has to do at least this much, on one core.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path


def main() -> None:
    folder = Path(sys.argv[1])
    for path in sorted(folder.glob("*.toml")):
        tomllib.loads(path.read_bytes().decode("utf-8"))


if __name__ == "__main__":
    main()
