"""One list of legal stages; the evaluation tables and the outcome form name them as the chosen profile does."""

from __future__ import annotations

from datetime import date

from sdm_facilitator.domain import jurisdiction
from sdm_facilitator.domain.meeting import LEGAL_STAGE_CHOICES, Meeting
from sdm_facilitator.domain.profile_law import ProfileLaw, profile_law
from sdm_facilitator.domain.report import build_report
from sdm_facilitator.export.report_tables import report_tables
from sdm_facilitator.guides.jurisdictions import JURISDICTIONS_DIR
from sdm_facilitator.guides.loader import load_profile_file
from sdm_facilitator.paths import bundled_guides_dir

TODAY = date(2026, 12, 1)


def law(profile_id: str) -> ProfileLaw:
    profile, problems = load_profile_file(bundled_guides_dir() / JURISDICTIONS_DIR / f"{profile_id}.toml")
    assert problems == [] and profile is not None
    return profile_law(profile)


def stage_table_text(stage_law: ProfileLaw | None) -> str:
    meeting = Meeting(kind="fgc", family_label="Hollins")
    meeting.referral.baseline_stage = "child_protection_plan"
    meeting.referral.date = date(2025, 10, 1)
    report = build_report([meeting], {}, TODAY, law=stage_law)
    (table,) = [t for t in report_tables(report) if t.id == "legal-stage-12"]
    return "\n".join([*table.headers, *(str(row[0]) for row in table.rows)])


def test_the_legal_stages_have_one_list() -> None:
    assert not hasattr(jurisdiction, "LEGAL_STAGES")
    for profile_id in ("england", "wales", "us"):
        assert tuple(law(profile_id).legal_stages) == LEGAL_STAGE_CHOICES


def test_the_evaluation_tables_name_the_stages_as_the_profile_does() -> None:
    wales = stage_table_text(law("wales"))
    assert "On the child protection register (care and support protection plan)" in wales
    assert "FGC · voluntary · On the child protection register" in wales
    us = stage_table_text(law("us"))
    assert "Case plan (in-home safety plan)" in us and "Dependency court proceedings" in us
    assert "Child protection plan" in stage_table_text(None)
