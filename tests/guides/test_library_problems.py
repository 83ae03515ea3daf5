"""The one table of files beside the guides names every list of problems the library keeps."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sdm_facilitator.guides.library import DATA_FILES, GuideLibrary, data_file_kind_for_paper
from sdm_facilitator.guides.validate import GuideProblem


def _problem_lists() -> set[str]:
    return {f.name for f in dataclasses.fields(GuideLibrary) if f.name.endswith("_problems")}


def test_every_list_of_problems_the_library_keeps_is_in_the_table_once() -> None:
    keys = [kind.json_key for kind in DATA_FILES]
    assert sorted(keys) == sorted(_problem_lists()) and len(set(keys)) == len(keys)


def test_each_kind_reads_its_own_list_and_says_so_in_one_notice() -> None:
    for kind in DATA_FILES:
        library = GuideLibrary()
        problem = GuideProblem(Path("own.toml"), "a.key", 3, f"{kind.json_key} is wrong")
        getattr(library, kind.json_key).append(problem)
        assert [k.json_key for k in DATA_FILES if k.problems(library)] == [kind.json_key]
        assert library.problems() == [problem]
        [notice] = library.notices()
        assert notice == kind.notice(library) and str(problem) in notice


def test_a_paper_written_in_a_file_s_words_finds_that_file() -> None:
    assert data_file_kind_for_paper("child-plan").json_key == "child_plan_wording_problems"  # type: ignore[union-attr]
    assert data_file_kind_for_paper("network").json_key == "network_finding_problems"  # type: ignore[union-attr]
    assert data_file_kind_for_paper("plan") is None
