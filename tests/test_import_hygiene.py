"""The domain, storage and command line must work without loading a terminal UI.

Checked in a fresh interpreter so other tests' imports cannot hide a leak.
"""

from __future__ import annotations

import subprocess
import sys

HEADLESS = [
    "sdm_facilitator.domain.meeting",
    "sdm_facilitator.domain.guide",
    "sdm_facilitator.domain.schedule",
    "sdm_facilitator.domain.safe_text",
    "sdm_facilitator.domain.meeting_factory",
    "sdm_facilitator.storage.store",
    "sdm_facilitator.storage.index",
    "sdm_facilitator.storage.session",
    "sdm_facilitator.storage.startup_checks",
    "sdm_facilitator.guides.loader",
    "sdm_facilitator.export.record_text",
    "sdm_facilitator.export.json_export",
    "sdm_facilitator.cli",
    "sdm_facilitator.demo",
]


def test_headless_modules_import_neither_textual_nor_rich() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"for name in {HEADLESS!r}: importlib.import_module(name)\n"
        "import sdm_facilitator.domain as d\n"
        "for info in pkgutil.iter_modules(d.__path__): importlib.import_module('sdm_facilitator.domain.' + info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
