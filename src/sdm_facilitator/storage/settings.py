"""The few settings an organisation's policy decides, kept beside the meetings.

``settings.toml`` in the data folder holds a few numbers, the outcome index
choice and the area's sentence on challenging a conference's decision (never personal data), so it may stay
in clear in an encrypted store. A missing or unreadable file
means the defaults; a bad value is named and the default used, so a typo
never stops the app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w

from sdm_facilitator import toml_reading
from sdm_facilitator.domain.cost import DEFAULT_HOURLY_RATE_PENCE
from sdm_facilitator.domain.jurisdiction import DEFAULT_JURISDICTION
from sdm_facilitator.domain.outcomes import DEFAULT_INDEX_BASIS, INDEX_BASES
from sdm_facilitator.domain.retention import DEFAULT_RETENTION_MONTHS
from sdm_facilitator.domain.safe_text import first_unsafe_character
from sdm_facilitator.paths import SETTINGS_FILE_NAME as SETTINGS_FILE_NAME
from sdm_facilitator.paths import settings_path as settings_path
from sdm_facilitator.storage.atomic import atomic_write_bytes
from sdm_facilitator.storage.files import read_small_file, unreadable_reason

if TYPE_CHECKING:
    from sdm_facilitator.domain.evaluation_rows import EvaluationOptions

# Two numbers and a sentence; a settings file far bigger than this is not one.
MAX_SETTINGS_BYTES = 64 * 1024
DEFAULT_IDLE_LOCK_MINUTES = 15
# Bounds that keep a setting meaningful: a retention period of at least a
# month, and an idle lock between one minute and a working day.
_BOUNDS = {
    "retention_months": (1, 1200),
    "idle_lock_minutes": (1, 480),
    # 1 shows every count; a board paper usually hides counts below 5 (or 10).
    "small_number_threshold": (1, 100),
    "hourly_rate_pence": (0, 100_000),
}
#: Counts below this are shown as "fewer than 5" in every report people read.
DEFAULT_SMALL_NUMBER_THRESHOLD = 5
#: A jurisdiction profile's id: its file's name (whether the file exists is the guide loader's to say).
_PROFILE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: The longest challenge sentence: a short paragraph in a letter, not a leaflet.
MAX_CHALLENGE_CHARS = 1000
#: How the parents can challenge a conference's decision, when neither the area nor the chair
#: says otherwise. Areas differ (one asks for writing within 28 days), so it names no time limit
#: and sends the parents to someone who knows theirs.
DEFAULT_CHALLENGE_WORDS = (
    "If you disagree with the conference's decision, or with the category, you can ask for it to be "
    "looked at again or make a complaint. Please do this in writing, as soon as you can after the "
    "conference. Your lead practitioner can tell you who to write to and the time limit your area "
    "uses, and an advocate can help you write it."
)


@dataclass(frozen=True)
class Settings:
    """Retention of closed meetings, the idle lock of an encrypted store, and the area's challenge words."""

    retention_months: int = DEFAULT_RETENTION_MONTHS
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES
    # The parents' decision letter says this unless the chair wrote words for the conference.
    challenge_words: str = DEFAULT_CHALLENGE_WORDS
    # The service report: counts below this are shown as "fewer than N" (anonymised files keep them).
    small_number_threshold: int = DEFAULT_SMALL_NUMBER_THRESHOLD
    # The coordinator's cost per hour, in pence (salary and on-costs), for the cost per family.
    hourly_rate_pence: int = DEFAULT_HOURLY_RATE_PENCE
    # Which date outcome points count from: "referral", or "pre-proceedings-letter" where one was sent.
    outcome_index: str = DEFAULT_INDEX_BASIS
    # The jurisdiction profile whose law the guides name (guides/jurisdictions/<id>.toml).
    jurisdiction: str = DEFAULT_JURISDICTION


def evaluation_options(settings: Settings) -> EvaluationOptions:
    """The settings the evaluation rows read: the outcome index and the hourly rate."""
    # Imported here: the evaluation's rows need the fidelity markers and the guides, which
    # every start reads the settings long before it needs (issue 27: start-up imports).
    from sdm_facilitator.domain.evaluation_rows import EvaluationOptions

    return EvaluationOptions(index_basis=settings.outcome_index, hourly_rate_pence=settings.hourly_rate_pence)


def setting_problem(name: str, value: object) -> str | None:
    """Why ``value`` cannot be the setting ``name``, or None."""
    if name == "challenge_words":
        return _sentence_problem(name, value)
    if name == "outcome_index":
        return None if value in INDEX_BASES else f"{name} must be one of {', '.join(INDEX_BASES)}"
    if name == "jurisdiction":
        if not isinstance(value, str) or not _PROFILE_ID.match(value):
            return f"{name} must be a profile id such as england, wales or us"
        return None
    low, high = _BOUNDS[name]
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        return f"{name} must be a whole number from {low} to {high}"
    return None


def _sentence_problem(name: str, value: object) -> str | None:
    """A sentence for a letter: some words, not too many, and nothing that could hide or reorder text."""
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_CHALLENGE_CHARS:
        return f"{name} must be text of 1 to {MAX_CHALLENGE_CHARS} characters"
    if first_unsafe_character(value) is not None:
        return f"{name} must not hold control, invisible or direction characters"
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
