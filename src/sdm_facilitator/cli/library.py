"""The guide library every command reads: the bundled guides, the organisation's, and its jurisdiction.

One place, so that ``export``, ``guides`` and the rest name the same law:
the jurisdiction setting (``sdm-facilitator settings --jurisdiction``)
chooses the profile the guides' references are filled from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sdm_facilitator.cli.context import CliContext

if TYPE_CHECKING:
    from sdm_facilitator.guides.loader import GuideLibrary


def guide_library(ctx: CliContext) -> GuideLibrary:
    """The guides as the settings' jurisdiction words them (a bad setting is named by ``settings``).

    Imports inside, like every command: a command that needs no guide never loads the loader.
    The checked library comes from the cache the app keeps (keyed by every guide file's name,
    size and times, the jurisdiction and the app's version) when it holds: loading and checking
    the guides, the language hints' patterns above all, took most of a second of every command.
    A command only reads the cache, never writes it: a command must write nothing into a
    read-only data folder, or a locked one, that it was not asked to.
    """
    from sdm_facilitator.guides.library_cache import cached_library
    from sdm_facilitator.paths import user_guides_dir
    from sdm_facilitator.storage.settings import load_settings

    settings, _ = load_settings(ctx.data_dir)
    return cached_library(
        ctx.data_dir, user_guides_dir(ctx.data_dir), jurisdiction=settings.jurisdiction, keep=False
    )
