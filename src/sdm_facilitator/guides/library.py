"""The guide library: every usable guide, what could not be used, and the words the app reads beside them.

Its own module, apart from the loader and its checks, so a library restored
from the start-up cache (``guides/library_cache.py``) needs none of the
checking code imported.
"""

from __future__ import annotations

from collections.abc import Callable
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
        """Every problem found, file by file, then each data file's beside the guides (``DATA_FILES``)."""
        found = [p for path in sorted(self.unusable) for p in self.unusable[path]]
        return [*found, *(p for kind in DATA_FILES for p in kind.problems(self))]

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
        notes += [kind.notice(self) for kind in DATA_FILES if kind.problems(self)]
        return notes


@dataclass(frozen=True)
class DataFileKind:
    """One kind of file read beside the guides, whose problems the library keeps in a list of its own.

    The one table of them (``DATA_FILES``) is what every report of problems walks: the
    library's list and notices, ``guides list`` (text and JSON) and a paper written in the
    bundled words, so a new kind of file is named once and reported everywhere.
    """

    #: Its problems' key in ``guides list --json``.
    json_key: str
    #: How a person names what the file holds, in a sentence ("network finding prompts").
    what: str
    problems: Callable[[GuideLibrary], list[GuideProblem]]
    #: The sentence for the person using the app about the first problem, before "Run ... check".
    sentence: Callable[[GuideLibrary, GuideProblem], str]
    #: The export kinds whose papers are written in this file's words, if any.
    papers: tuple[str, ...] = ()

    def notice(self, library: GuideLibrary) -> str:
        """What the app says when this kind of file could not all be used (its first problem named)."""
        return self.sentence(library, self.problems(library)[0])


def _language_sentence(library: GuideLibrary, first: GuideProblem) -> str:
    files = sorted({str(p.file) for p in library.language_problems})
    return f"Some language hints in {', '.join(files)} could not be used: {first}."


def _jurisdiction_sentence(library: GuideLibrary, first: GuideProblem) -> str:
    return (
        f"The jurisdiction profile '{library.jurisdiction_id}' could not be used: {first}. The guides say "
        "where they need its law; no other jurisdiction's law is shown in its place."
    )


def _bundled_used(file: str, used: str) -> Callable[[GuideLibrary, GuideProblem], str]:
    """The sentence for an organisation's file whose bundled counterpart is used in its place."""
    return lambda _library, first: f"Your {file} file could not be used ({used}): {first}."


#: Every kind of file beside the guides, in the order their problems are listed.
DATA_FILES: tuple[DataFileKind, ...] = (
    DataFileKind(
        "language_problems", "language hints", lambda lib: lib.language_problems, _language_sentence
    ),
    DataFileKind(
        "terms_problems",
        "vocabularies",
        lambda lib: lib.terms_problems,
        lambda _lib, first: f"The vocabularies file could not be fully used: {first}.",
    ),
    DataFileKind(
        "plan_check_problems",
        "plan check words",
        lambda lib: lib.plan_check_problems,
        lambda _lib, first: f"The plan safety check's words could not all be used: {first}.",
    ),
    DataFileKind(
        "conference_wording_problems",
        "conference wording",
        lambda lib: lib.conference_wording_problems,
        _bundled_used("conference wording", "the bundled words are used"),
        ("decision-letter",),
    ),
    DataFileKind(
        "child_plan_wording_problems",
        "child plan wording",
        lambda lib: lib.child_plan_wording_problems,
        _bundled_used("child plan wording", "the bundled words are used"),
        ("child-plan",),
    ),
    DataFileKind(
        "network_finding_problems",
        "network finding prompts",
        lambda lib: lib.network_finding_problems,
        _bundled_used("network finding", "the bundled prompts are used"),
        ("network",),
    ),
    DataFileKind(
        "risk_warning_problems",
        "risk warnings",
        lambda lib: lib.risk_warning_problems,
        _bundled_used("risk warnings", "the bundled warnings are shown"),
    ),
    DataFileKind(
        "jurisdiction_problems",
        "the jurisdiction profile",
        lambda lib: lib.jurisdiction_problems,
        _jurisdiction_sentence,
    ),
)


def data_file_kind_for_paper(paper: str) -> DataFileKind | None:
    """The kind of file whose words a paper of kind ``paper`` is written in, if any."""
    return next((kind for kind in DATA_FILES if paper in kind.papers), None)
