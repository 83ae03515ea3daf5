"""The meeting as JSON: the same structure as the TOML file, dates as ISO text."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.domain.safe_text import escape_for_json
from sdm_facilitator.storage.codec import to_dict


def _default(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")


def meeting_to_json(meeting: Meeting, *, extra: dict[str, Any] | None = None) -> str:
    """Indented JSON of the whole record, plus derived facts such as ``stage``."""
    data = to_dict(meeting)
    data["stage"] = meeting.stage
    if extra:
        data.update(extra)
    return to_json(data)


def to_json(data: Any) -> str:
    """Indented JSON of any plain structure holding dates, safe to print on a terminal.

    Every JSON the command line prints comes through here, so no terminal
    control character in a value reaches the terminal raw.
    """
    return escape_for_json(json.dumps(data, indent=2, ensure_ascii=False, default=_default))
