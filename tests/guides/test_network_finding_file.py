"""An organisation's own network-finding.toml: read whole in place of the bundled one, or named with its problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdm_facilitator.cli import main
from sdm_facilitator.guides.loader import NETWORK_FINDING_FILE, bundled_finding, load_library
from sdm_facilitator.paths import bundled_guides_dir, user_guides_dir
from sdm_facilitator.storage.store import MeetingStore
from support.app_helpers import new_meeting

BUNDLED = bundled_guides_dir() / NETWORK_FINDING_FILE
OWN_PROMPT = "Ask the school who collects the children and who comes to their plays."


def _own_file(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / NETWORK_FINDING_FILE
    path.write_text(text, encoding="utf-8")
    return path


def _with_own_prompt_and_numbers() -> str:
    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace(
        "beyond_parents = 6", "beyond_parents = 9\n\n[beyond_parents_by_kind]\ncp-conference = 2"
    )
    return text + f'\n[[prompts]]\nrule = "few-beyond-parents"\ntext = "{OWN_PROMPT}"\n'


def test_an_organisations_file_replaces_the_bundled_finding_guidance(tmp_path: Path) -> None:
    _own_file(tmp_path, _with_own_prompt_and_numbers())
    library = load_library(tmp_path)
    finding = library.network_finding
    assert finding is not None and OWN_PROMPT in finding.prompts["few-beyond-parents"]
    assert (finding.enough_for("fgc"), finding.enough_for("cp-conference")) == (9, 2)
    assert library.problems() == [] and library.notices() == []
    assert load_library(None).network_finding == bundled_finding()


def test_a_broken_organisations_file_is_named_and_the_bundled_guidance_used(tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8").replace('rule = "no-aunt-uncle"', 'rule = "no-cousin"', 1)
    _own_file(tmp_path, text)
    library = load_library(tmp_path)
    assert library.network_finding == bundled_finding()
    line = text.splitlines().index('rule = "no-cousin"') + 1
    (problem,) = library.problems()
    assert problem.file == tmp_path / NETWORK_FINDING_FILE and problem.line == line
    assert str(problem).startswith(
        f"{NETWORK_FINDING_FILE}:{line}: prompts[4].rule: unknown rule 'no-cousin'"
    )
    assert library.notices() == [
        f"Your network finding file could not be used (the bundled prompts are used): {problem}."
    ]


def test_the_network_paper_asks_for_the_organisations_number_and_prompts(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = MeetingStore(isolated_data_dir)
    meeting = new_meeting(label="Hollins family")
    store.close(store.create(meeting))
    args = ["--data-dir", str(isolated_data_dir), "export", meeting.id, "--as", "network", "--format", "txt"]
    args.append("--include-notes")  # the professionals' version says who might be missing
    assert main(args) == 0
    assert "at least 6" in capsys.readouterr().out
    _own_file(user_guides_dir(isolated_data_dir), _with_own_prompt_and_numbers())
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "at least 9" in out and OWN_PROMPT in out
