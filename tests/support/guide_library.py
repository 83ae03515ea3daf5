"""The bundled guide library, loaded once per test process.

Loading it reads and validates every guide file (about half a second of CPU);
the bundled guides never change during a run, and no test changes the library
it is given, so every test shares one. Tests of the loader itself call
``load_library`` directly. Kept apart from ``app_helpers`` so domain and
storage tests need not import the UI.
"""

from __future__ import annotations

from functools import cache

from sdm_facilitator.guides.loader import GuideLibrary, load_library


@cache
def bundled_library() -> GuideLibrary:
    return load_library(None)
