"""Every location the app reads or writes, decided in one place.

Tests and the ``--demo`` mode point the whole app somewhere else by passing a
data folder; nothing else in the code base calls ``platformdirs`` directly.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "sdm-facilitator"
DATA_DIR_ENV = "SDM_FACILITATOR_DATA_DIR"
GUIDES_DIR_ENV = "SDM_FACILITATOR_GUIDES_DIR"


def default_data_dir() -> Path:
    """The per-user data folder chosen by the operating system's conventions."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir`` first, then the environment, then the default."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir()


def meetings_dir(data_dir: Path) -> Path:
    """Where meeting files live: one TOML file per meeting, named by id."""
    return data_dir / "meetings"


def user_guides_dir(data_dir: Path) -> Path:
    """An organisation's own guides: the environment variable, else ``DATA/guides``."""
    from_env = os.environ.get(GUIDES_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return data_dir / "guides"


def error_reports_dir(data_dir: Path) -> Path:
    """Redacted error reports (never field values) are written here."""
    return data_dir / "error-reports"


def bundled_guides_dir() -> Path:
    """The guides shipped with the app.

    An installed wheel carries them inside the package (``_guides``); a source
    checkout or editable install reads the top-level ``guides/`` folder.
    """
    packaged = Path(__file__).parent / "_guides"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "guides"


def exports_dir(data_dir: Path) -> Path:
    """Where the app writes exported papers unless told otherwise (removed with their meeting)."""
    return data_dir / "exports"


# ---------------------------------------------------------------- files in the data folder

SETTINGS_FILE_NAME = "settings.toml"
KEY_FILE_NAME = "store-key.toml"
CONVERSION_FILE_NAME = "store-conversion.toml"
LEDGER_FILE_NAME = ".exports-ledger.toml"
PSEUDONYM_SECRET_NAME = "pseudonym-secret"


def settings_path(data_dir: Path) -> Path:
    """The coordinator's settings (retention, idle lock)."""
    return data_dir / SETTINGS_FILE_NAME


def key_file_path(data_dir: Path) -> Path:
    """Where an encrypted store keeps its wrapped data key (its presence marks the store encrypted)."""
    return data_dir / KEY_FILE_NAME


def conversion_file_path(data_dir: Path) -> Path:
    """The marker of an unfinished encryption or decryption, so a killed run can resume."""
    return data_dir / CONVERSION_FILE_NAME


def ledger_path(data_dir: Path) -> Path:
    """The record of which papers were written where, so deletion can find them."""
    return exports_dir(data_dir) / LEDGER_FILE_NAME


def pseudonym_secret_path(data_dir: Path) -> Path:
    """The local secret behind the evaluators' pseudonyms; never exported."""
    return data_dir / PSEUDONYM_SECRET_NAME
