"""Every folder and file the app uses, by what it holds, for ``locate`` and the app's palette.

A data protection officer checking a laptop needs the whole list in one
place, including files that do not exist yet (so they know where to look
later).
"""

from __future__ import annotations

from pathlib import Path

from sdm_facilitator.paths import (
    bundled_guides_dir,
    conversion_file_path,
    error_reports_dir,
    exports_dir,
    key_file_path,
    ledger_path,
    meetings_dir,
    pseudonym_secret_path,
    settings_path,
    user_guides_dir,
)


def data_locations(data_dir: Path) -> dict[str, Path]:
    """What each place holds -> where it is."""
    return {
        "data folder": data_dir,
        "meetings": meetings_dir(data_dir),
        "your guides": user_guides_dir(data_dir),
        "bundled guides": bundled_guides_dir(),
        "error reports": error_reports_dir(data_dir),
        "exports (default)": exports_dir(data_dir),
        "export record": ledger_path(data_dir),
        "settings": settings_path(data_dir),
        "encryption key file": key_file_path(data_dir),
        "conversion marker": conversion_file_path(data_dir),
        "pseudonym secret (for evaluators' files)": pseudonym_secret_path(data_dir),
    }


def describe_locations(data_dir: Path) -> list[str]:
    """One aligned line per place, saying when it does not exist yet."""
    places = data_locations(data_dir)
    width = max(len(what) for what in places)
    return [
        f"{what.ljust(width)}  {path}{'' if path.exists() else '  (not there yet)'}"
        for what, path in places.items()
    ]
