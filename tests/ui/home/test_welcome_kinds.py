"""The first-run welcome names every kind of meeting the app offers, family unity meetings included."""

from __future__ import annotations

import re
from pathlib import Path

from sdm_facilitator.domain.labels import MEETING_KIND_LABELS
from support.app_helpers import make_app
from support.pilot_helpers import screen_text, settle


async def test_the_welcome_lists_every_kind_of_meeting(isolated_data_dir: Path) -> None:
    app = make_app(isolated_data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = " ".join(screen_text(app).lower().split())
        for kind, label in MEETING_KIND_LABELS.items():
            if kind == "review":  # a review is of an earlier meeting, not a kind a service runs
                continue
            words = re.sub(r"\s*\(.*\)", "", label).lower()
            assert words in text, f"the welcome leaves out {label}"
