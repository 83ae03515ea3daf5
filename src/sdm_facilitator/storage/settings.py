"""The few settings an organisation's policy decides, kept beside the meetings.

``settings.toml`` in the data folder holds only numbers (never personal data),
so it may stay in clear in an encrypted store. A missing or unreadable file
means the defaults; a bad value is named and the default used, so a typo
never stops the app.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

import tomli_w

from sdm_facilitator import toml_reading
from sdm_facilitator.domain.retention import DEFAULT_RETENTION_MONTHS
from sdm_facilitator.paths import SETTINGS_FILE_NAME as SETTINGS_FILE_NAME
from sdm_facilitator.paths import settings_path as settings_path
from sdm_facilitator.storage.atomic import atomic_write_bytes
from sdm_facilitator.storage.files import read_small_file, unreadable_reason

# Two numbers; a settings file far bigger than this is not one.
MAX_SETTINGS_BYTES = 64 * 1024
DEFAULT_IDLE_LOCK_MINUTES = 15
# Bounds that keep a setting meaningful: a retention period of at least a
# month, and an idle lock between one minute and a working day.
_BOUNDS = {"retention_months": (1, 1200), "idle_lock_minutes": (1, 480)}


@dataclass(frozen=True)
class Settings:
    """Retention of closed meetings and the idle lock of an encrypted store."""

    retention_months: int = DEFAULT_RETENTION_MONTHS
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES


def setting_problem(name: str, value: object) -> str | None:
    """Why ``value`` cannot be the setting ``name``, or None."""
    low, high = _BOUNDS[name]
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        return f"{name} must be a whole number from {low} to {high}"
    return None


def load_settings(data_dir: Path) -> tuple[Settings, list[str]]:
    """The settings, and one message for each value that was ignored."""
    try:
        # Pipe-safe: a named pipe called settings.toml must not hang every command.
        raw = toml_reading.loads(read_small_file(settings_path(data_dir), MAX_SETTINGS_BYTES).decode("utf-8"))
    except FileNotFoundError:
        return Settings(), []
    except OSError as error:
        return Settings(), [
            f"{SETTINGS_FILE_NAME} cannot be read ({unreadable_reason(error)}); using the defaults"
        ]
    except (UnicodeDecodeError, toml_reading.TOMLDecodeError) as error:
        return Settings(), [
            f"{SETTINGS_FILE_NAME} cannot be read ({type(error).__name__}); using the defaults"
        ]
    settings, problems = Settings(), []
    for item in fields(Settings):
        if item.name not in raw:
            continue
        problem = setting_problem(item.name, raw[item.name])
        if problem:
            problems.append(f"{SETTINGS_FILE_NAME}: {problem}; using {getattr(settings, item.name)}")
        else:
            settings = replace(settings, **{item.name: raw[item.name]})
    return settings, problems


def save_settings(data_dir: Path, settings: Settings) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    doc = {item.name: getattr(settings, item.name) for item in fields(Settings)}
    atomic_write_bytes(settings_path(data_dir), tomli_w.dumps(doc).encode("utf-8"))
