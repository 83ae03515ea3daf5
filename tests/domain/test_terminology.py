"""A vocabulary an organisation chooses, applied to guide text without copying the guide."""

from __future__ import annotations

from pathlib import Path

from sdm_facilitator.domain.terminology import Vocabulary
from sdm_facilitator.guides.loader import load_library

US = Vocabulary(
    "us",
    "US",
    (("bottom lines", "non-negotiables"), ("bottom line", "non-negotiable"), ("social worker", "caseworker")),
)


def test_terms_replace_whole_words_keep_a_capital_and_prefer_the_longest() -> None:
    say = US.replacer()
    assert (
        say("Bottom lines first; one bottom line at a time.")
        == "Non-negotiables first; one non-negotiable at a time."
    )
    assert say("The social  worker and the SOCIAL WORKER") == "The caseworker and the Caseworker"
    assert say("bottom linesman") == "bottom linesman"
    assert say("") == ""


def test_the_chosen_vocabulary_changes_only_the_guides_that_list_it(tmp_path: Path) -> None:
    (tmp_path / "terms.toml").write_text('use = "us-fgdm"\n', encoding="utf-8")
    plain = load_library(None)
    us = load_library(tmp_path)
    assert us.problems() == []
    fgc = us.guides["fgc"]
    assert fgc.vocabulary == "us-fgdm"
    step = fgc.step("prep-bottom-lines")
    assert step is not None and step.title == "Write down the worries, the strengths and the non-negotiables"
    questions = " ".join(q.text for q in fgc.family_questions)
    assert "caseworker" in questions and "social worker" not in questions
    # The cp guide does not list the vocabulary, so it is shown as written.
    assert us.guides["cp-conference"] == plain.guides["cp-conference"]
    # Step ids never change: meetings keep their progress.
    assert [s.id for s in fgc.steps] == [s.id for s in plain.guides["fgc"].steps]


def test_an_organisation_can_define_its_own_vocabulary(tmp_path: Path) -> None:
    (tmp_path / "terms.toml").write_text(
        'use = "ours"\n[[vocabularies]]\nid = "ours"\ntitle = "Ours"\n[vocabularies.terms]\n'
        '"private family time" = "family-only time"\n',
        encoding="utf-8",
    )
    fgc_text = (Path(__file__).parents[2] / "guides" / "fgc.toml").read_text(encoding="utf-8")
    user_fgc = fgc_text.replace('vocabularies = ["us-fgdm"]', 'vocabularies = ["us-fgdm", "ours"]')
    (tmp_path / "fgc.toml").write_text(user_fgc, encoding="utf-8")
    library = load_library(tmp_path)
    assert library.problems() == []
    phase = library.guides["fgc"].private_phase
    assert phase is not None and phase.name == "Family-only time"
