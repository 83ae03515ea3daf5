"""Fill every free-text field of a meeting with given texts (shared by hardening tests).

The filler walks the dataclasses of the model generically, so a field added
later is filled too without changing this file. Ids, references (``*_id``)
and choice fields are left alone: people do not type them.
"""

from __future__ import annotations

import dataclasses
import itertools
import typing
from collections.abc import Iterable, Iterator
from typing import Any, get_args, get_origin

from sdm_facilitator.domain.meeting import Meeting


def _is_free_text(f: dataclasses.Field[Any], hint: Any) -> bool:
    return hint is str and "choices" not in f.metadata and f.name != "id" and not f.name.endswith("_id")


def fill(obj: Any, texts: Iterator[str], *, depth: int = 0) -> Any:
    """Put the next text into every free-text field of ``obj`` and of everything inside it."""
    hints = typing.get_type_hints(type(obj))
    for f in dataclasses.fields(obj):
        if f.name == "extra":
            continue
        hint = hints[f.name]
        value = getattr(obj, f.name)
        if _is_free_text(f, hint):
            setattr(obj, f.name, next(texts))
            continue
        origin, args = get_origin(hint), get_args(hint)
        if dataclasses.is_dataclass(hint):
            fill(value, texts, depth=depth + 1)
        elif origin is list and args and args[0] is str and f.name != "id" and "choices" not in f.metadata:
            if "id" not in f.name:
                setattr(
                    obj, f.name, [next(texts), next(texts)] if not value else [next(texts) for _ in value]
                )
        elif origin is list and args and dataclasses.is_dataclass(args[0]):
            if not value and depth < 4:
                value.append(args[0]())
            for item in value:
                fill(item, texts, depth=depth + 1)
        elif origin is dict and len(args) == 2 and dataclasses.is_dataclass(args[1]):
            if not value and depth < 4:
                value["s-hostile"] = args[1]()
            for item in value.values():
                fill(item, texts, depth=depth + 1)
    return obj


def fill_meeting(meeting: Meeting, texts: Iterable[str]) -> Meeting:
    """``meeting`` with every free-text field (nested too) holding one of ``texts`` in turn."""
    return fill(meeting, itertools.cycle(list(texts)))
