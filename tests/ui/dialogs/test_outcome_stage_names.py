"""The outcome form offers the legal stages as the chosen jurisdiction profile names them."""

from __future__ import annotations

from datetime import date

from sdm_facilitator.domain.meeting import LEGAL_STAGE_CHOICES, OutcomePoint
from sdm_facilitator.domain.profile_law import profile_law
from sdm_facilitator.guides.jurisdictions import JURISDICTIONS_DIR
from sdm_facilitator.guides.loader import load_profile_file
from sdm_facilitator.paths import bundled_guides_dir
from sdm_facilitator.ui.dialogs.outcome_dialogs import outcome_fields

TODAY = date(2026, 12, 1)


def test_the_outcome_form_offers_the_profiles_stage_names() -> None:
    us, problems = load_profile_file(bundled_guides_dir() / JURISDICTIONS_DIR / "us.toml")
    assert problems == [] and us is not None
    names = profile_law(us).stage_names(LEGAL_STAGE_CHOICES)
    (stage,) = [f for f in outcome_fields(OutcomePoint(), TODAY, names) if f.key == "legal_stage"]
    assert [label for label, _code in stage.options][1:] == [names[c] for c in LEGAL_STAGE_CHOICES]
    assert "In foster care" in [label for label, _code in stage.options]
