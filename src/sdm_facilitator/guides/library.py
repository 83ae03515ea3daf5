"""The guide library: every usable guide, what could not be used, and the words the app reads beside them.

Its own module, apart from the loader and its checks, so a library restored
from the start-up cache (``guides/library_cache.py``) needs none of the
checking code imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sdm_facilitator.domain.jurisdiction import DEFAULT_JURISDICTION
from sdm_facilitator.domain.plan_check_words import PlanCheckWords

if TYPE_CHECKING:
    from sdm_facilitator.domain.child_plan_wording import ChildPlanWording
    from sdm_facilitator.domain.conference_wording import ConferenceWording
    from sdm_facilitator.domain.guide import Guide, LanguageHint
    from sdm_facilitator.domain.jurisdiction import JurisdictionProfile
    from sdm_facilitator.domain.profile_law import ProfileLaw
    from sdm_facilitator.domain.terminology import Vocabulary
    from sdm_facilitator.guides.network_finding import NetworkFinding
    from sdm_facilitator.guides.risk_warnings import RiskWarning
    from sdm_facilitator.guides.validate import GuideProblem


@dataclass
class GuideLibrary:
    """Every usable guide, the files that could not be used, and the language hints."""

    guides: dict[str, Guide] = field(default_factory=dict)
    unusable: dict[Path, list[GuideProblem]] = field(default_factory=dict)
    #: Bundled guide ids replaced by a user guide -> the user's file.
    overridden: dict[str, Path] = field(default_factory=dict)
    language_hints: tuple[LanguageHint, ...] = ()
    language_problems: list[GuideProblem] = field(default_factory=list)
    #: Every vocabulary defined (bundled and the organisation's), by id.
    vocabularies: dict[str, Vocabulary] = field(default_factory=dict)
    #: The vocabulary the organisation chose (``use`` in its terms file), or "".
    vocabulary_in_use: str = ""
    terms_problems: list[GuideProblem] = field(default_factory=list)
    #: The parents' decision letter's words: the organisation's file when it is usable, else the bundled one.
    conference_wording: ConferenceWording | None = None
    conference_wording_problems: list[GuideProblem] = field(default_factory=list)
    #: A child's own plan's words: the organisation's file when it is usable, else the bundled one.
    child_plan_wording: ChildPlanWording | None = None
    child_plan_wording_problems: list[GuideProblem] = field(default_factory=list)
    #: Who might be missing from a network: the organisation's file when it is usable, else the bundled one.
    network_finding: NetworkFinding | None = None
    network_finding_problems: list[GuideProblem] = field(default_factory=list)
    #: The risk screen's warnings: the bundled ones, with the organisation's for the kinds it names.
    risk_warnings: tuple[RiskWarning, ...] | None = None
    risk_warning_problems: list[GuideProblem] = field(default_factory=list)
    #: One sentence per folder whose guide files were not all read (``MAX_GUIDE_FILES``).
    skipped: list[str] = field(default_factory=list)
    #: The plan safety check's words (bundled, with the organisation's lists in place of theirs).
    plan_check_words: PlanCheckWords = field(default_factory=PlanCheckWords)
    plan_check_problems: list[GuideProblem] = field(default_factory=list)
    #: The jurisdiction chosen in the settings, and its profile (None when it cannot be used).
    jurisdiction_id: str = DEFAULT_JURISDICTION
    jurisdiction: JurisdictionProfile | None = None
    jurisdiction_problems: list[GuideProblem] = field(default_factory=list)

    def profile_law(self) -> ProfileLaw:
        """What the chosen profile asks of a record (timescales, categories, the records its law asks for).

        A profile that could not be used gives none of them, and the app says so.
        A library built without choosing one (tests, tools) is England's, the default.
        """
        from sdm_facilitator.domain.profile_law import ProfileLaw, profile_law

        if self.jurisdiction is None and not self.jurisdiction_problems:
            return ProfileLaw()
        return profile_law(self.jurisdiction, self.jurisdiction_id)

    def get(self, guide_id: str) -> Guide | None:
        """The guide with ``guide_id``, or None."""
        return self.guides.get(guide_id)

    def sorted_guides(self) -> list[Guide]:
        """Guides in a stable order: by id."""
        return [self.guides[key] for key in sorted(self.guides)]

    def for_kind(self, kind: str) -> Guide | None:
        """The guide to use for a meeting of ``kind``.

        The user's own guides win over bundled ones; then a guide that lists
        ``kind`` first wins over one that merely also serves it; then the
        lowest id, so the choice never depends on the order files were read.
        """
        candidates = [g for g in self.guides.values() if kind in g.kinds]
        if not candidates:
            return None
        return min(candidates, key=lambda g: (g.bundled, g.kinds[0] != kind, g.id))

    def problems(self) -> list[GuideProblem]:
        """Every problem found, file by file, language problems last."""
        found = [p for path in sorted(self.unusable) for p in self.unusable[path]]
        return [
            *found,
            *self.language_problems,
            *self.terms_problems,
            *self.plan_check_problems,
            *self.conference_wording_problems,
            *self.child_plan_wording_problems,
            *self.network_finding_problems,
            *self.risk_warning_problems,
            *self.jurisdiction_problems,
        ]

    def notices(self) -> list[str]:
        """Plain sentences for the person using the app about what was loaded."""
        notes = list(self.skipped)
        notes += [
            f"Your guide '{guide_id}' ({path}) replaces the bundled one."
            for guide_id, path in sorted(self.overridden.items())
        ]
        for path in sorted(self.unusable):
            count = len(self.unusable[path])
            first = self.unusable[path][0] if count else None
            more = f" (and {count - 1} more)" if count > 1 else ""
            detail = f": {first}{more}" if first else ""
            notes.append(
                f"The guide file {path} could not be used{detail}. "
                "Run 'sdm-facilitator guides check' to see every problem."
            )
        if self.language_problems:
            files = sorted({str(p.file) for p in self.language_problems})
            notes.append(
                f"Some language hints in {', '.join(files)} could not be used: {self.language_problems[0]}."
            )
        if self.terms_problems:
            notes.append(f"The vocabularies file could not be fully used: {self.terms_problems[0]}.")
        if self.plan_check_problems:
            notes.append(
                f"The plan safety check's words could not all be used: {self.plan_check_problems[0]}."
            )
        if self.jurisdiction_problems:
            why = f": {self.jurisdiction_problems[0]}"
            notes.append(
                f"The jurisdiction profile '{self.jurisdiction_id}' could not be used{why}. The guides say "
                "where they need its law; no other jurisdiction's law is shown in its place."
            )
        if self.conference_wording_problems:
            notes.append(
                "Your conference wording file could not be used (the bundled words are used): "
                f"{self.conference_wording_problems[0]}."
            )
        if self.child_plan_wording_problems:
            notes.append(
                "Your child plan wording file could not be used (the bundled words are used): "
                f"{self.child_plan_wording_problems[0]}."
            )
        if self.network_finding_problems:
            notes.append(
                "Your network finding file could not be used (the bundled prompts are used): "
                f"{self.network_finding_problems[0]}."
            )
        if self.risk_warning_problems:
            notes.append(
                "Your risk warnings file could not be used (the bundled warnings are shown): "
                f"{self.risk_warning_problems[0]}."
            )
        return notes
