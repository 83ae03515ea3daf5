"""Loading and checking practice guides.

Guides are practice knowledge kept as data (``guides/*.toml``); this package
reads them into the frozen model in ``sdm_facilitator.domain.guide`` and
explains, kindly and precisely, anything in a file that it cannot use.
"""

from __future__ import annotations

from sdm_facilitator.guides.loader import (
    GuideLibrary,
    GuideProblem,
    load_guide_file,
    load_language_hints,
    load_library,
)

__all__ = [
    "GuideLibrary",
    "GuideProblem",
    "load_guide_file",
    "load_language_hints",
    "load_library",
]
