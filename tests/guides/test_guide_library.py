"""Bundled plus user guides: adding, replacing by id, and surviving bad files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.paths import bundled_guides_dir, user_guides_dir

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid_minimal.toml"


def user_guide(folder: Path, name: str, *, guide_id: str, kinds: str = '["fgc"]') -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = VALID.read_text().replace('id = "mini"', f'id = "{guide_id}"', 1)
    text = text.replace('kinds = ["fgc"]', f"kinds = {kinds}")
    path = folder / name
    path.write_text(text)
    return path


def test_no_user_folder_gives_the_bundled_guides(tmp_path: Path) -> None:
    library = load_library(tmp_path / "does-not-exist")
    assert set(library.guides) == {"fgc", "cp-conference", "cin-family-unity", "family-unity", "review"}
    assert all(g.bundled for g in library.guides.values())
    assert library.notices() == []


def test_user_guide_adds_a_guide(tmp_path: Path) -> None:
    path = user_guide(tmp_path, "ours.toml", guide_id="our-fgc")
    library = load_library(tmp_path)
    assert "our-fgc" in library.guides
    assert library.guides["our-fgc"].bundled is False
    assert library.guides["our-fgc"].source == path
    assert library.overridden == {}


def test_user_guide_replaces_bundled_one_by_id_and_says_so(tmp_path: Path) -> None:
    path = user_guide(tmp_path, "local-fgc.toml", guide_id="fgc")
    library = load_library(tmp_path)
    assert library.guides["fgc"].title == "Minimal guide"
    assert library.guides["fgc"].bundled is False
    assert library.overridden == {"fgc": path}
    assert library.notices() == [f"Your guide 'fgc' ({path}) replaces the bundled one."]


def test_user_guides_win_for_a_kind_and_the_choice_is_deterministic(tmp_path: Path) -> None:
    user_guide(tmp_path, "b.toml", guide_id="zz-fgdm", kinds='["fgdm", "fgc"]')
    user_guide(tmp_path, "a.toml", guide_id="yy-fgc", kinds='["fgc"]')
    library = load_library(tmp_path)
    # A user guide whose first kind is fgc beats one that also serves fgc.
    assert library.for_kind("fgc").id == "yy-fgc"
    assert library.for_kind("fgdm").id == "zz-fgdm"
    # Kinds no user guide serves still come from the bundled guides.
    assert library.for_kind("review").id == "review"
    assert library.for_kind("no-such-kind") is None
    assert library.get("nope") is None


def test_bad_user_guide_is_listed_and_the_rest_still_load(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "unknown_stage.toml", tmp_path / "broken.toml")
    good = user_guide(tmp_path, "good.toml", guide_id="good")
    library = load_library(tmp_path)
    assert "good" in library.guides and library.guides["good"].source == good
    assert set(library.unusable) == {tmp_path / "broken.toml"}
    assert len(library.guides) == 6
    notices = library.notices()
    assert len(notices) == 1
    broken = tmp_path / "broken.toml"
    assert notices[0].startswith(f"The guide file {broken} could not be used: broken.toml:20:")
    assert notices[0].endswith("Run 'sdm-facilitator guides check' to see every problem.")
    assert [str(p) for p in library.problems()] == [
        "broken.toml:20: steps[2].stage: unknown stage 'prep'; "
        "expected one of preparation, meeting, family_time, follow_up"
    ]


def test_two_user_files_with_one_id(tmp_path: Path) -> None:
    user_guide(tmp_path, "a.toml", guide_id="ours")
    user_guide(tmp_path, "b.toml", guide_id="ours")
    library = load_library(tmp_path)
    assert library.guides["ours"].source == tmp_path / "a.toml"
    assert [str(p) for p in library.unusable[tmp_path / "b.toml"]] == [
        "b.toml: guide.id: guide id 'ours' is already used by a.toml; give this guide a different id"
    ]


def test_broken_bundled_guide_is_unusable_not_fatal(tmp_path: Path) -> None:
    bundled = tmp_path / "bundled"
    shutil.copytree(bundled_guides_dir(), bundled)
    (bundled / "review.toml").write_text("[guide\n")
    library = load_library(None, bundled_dir=bundled)
    assert "review" not in library.guides
    assert set(library.guides) == {"fgc", "cp-conference", "cin-family-unity", "family-unity"}
    assert [str(p) for p in library.unusable[bundled / "review.toml"]] == [
        "review.toml:1: TOML syntax error: Expected ']' at the end of a table declaration (column 7)"
    ]


def test_user_language_file_extends_and_replaces_by_phrase(tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "language.toml").write_text(
        """
[[hints]]
phrase = "Non compliant"
category = "blaming"
alternatives = ["our own wording"]
why = "Replaced by the organisation."

[[hints]]
phrase = "case holder"
category = "jargon"
alternatives = ["your social worker"]
why = "Families do not know the term."
"""
    )
    bundled = load_library(None).language_hints
    library = load_library(tmp_path)
    phrases = [h.phrase for h in library.language_hints]
    assert "case holder" in phrases
    assert "non-compliant" not in phrases
    replaced = next(h for h in library.language_hints if h.phrase == "Non compliant")
    assert replaced.alternatives == ("our own wording",)
    assert len(library.language_hints) == len(bundled) + 1
    assert library.language_problems == []
    # The language file is not mistaken for a guide.
    assert library.unusable == {}


def test_broken_user_language_file_keeps_bundled_hints(tmp_path: Path) -> None:
    (tmp_path / "language.toml").write_text("[[hints]\n")
    library = load_library(tmp_path)
    assert len(library.language_hints) == len(load_library(None).language_hints)
    assert len(library.language_problems) == 1
    assert str(library.language_problems[0]).startswith("language.toml:1: TOML syntax error:")
    assert any("language hints" in n for n in library.notices())


def test_user_guides_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDM_FACILITATOR_GUIDES_DIR", str(tmp_path / "org-guides"))
    assert user_guides_dir(tmp_path / "data") == tmp_path / "org-guides"
    monkeypatch.delenv("SDM_FACILITATOR_GUIDES_DIR")
    assert user_guides_dir(tmp_path / "data") == tmp_path / "data" / "guides"
