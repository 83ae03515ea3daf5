"""Every text the command line prints goes through the visible-text path; JSON escapes terminal controls."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sdm_facilitator.cli import main
from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.store import MeetingStore

HOSTILE = "A\x7fB\x85C\u202eD\x1b[31mE"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _stored(data: Path, **fields: str) -> Meeting:
    meeting = Meeting(kind="fgc", family_label=fields.pop("family_label", "F"))
    for name, value in fields.items():
        setattr(meeting, name, value)
    store = MeetingStore(data)
    store.close(store.create(meeting))
    return meeting


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c == "\u202e"]


def test_show_prints_the_guide_id_visibly(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = _stored(isolated_data_dir, guide_id="fgc\x1b]0;owned\x07")
    code, out, _ = run(capsys, "show", meeting.id)
    assert code == 0 and _raw_controls(out) == []
    assert "Guide: fgc␛]0;owned␇" in out


def test_a_line_break_in_a_family_label_cannot_forge_lines(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = _stored(isolated_data_dir, family_label="Okafor\nStage: Follow-up\nKind: nothing")
    code, out, _ = run(capsys, "show", meeting.id)
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("Okafor Stage: Follow-up Kind: nothing")
    assert [line for line in lines if line.startswith("Stage:")] == ["Stage: Preparation"]
    assert [line for line in lines if line.startswith("Kind:")] == ["Kind: Family group conference"]


def test_json_output_escapes_del_c1_and_bidi_controls(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = _stored(isolated_data_dir, family_label=HOSTILE)
    for args in (("list", "--json"), ("show", meeting.id, "--json")):
        code, out, _ = run(capsys, *args)
        assert code == 0 and _raw_controls(out) == [], args
        assert "\\u007f" in out and "\\u0085" in out and "\\u202e" in out
        data = json.loads(out)
        label = data["meetings"][0]["family_label"] if args[0] == "list" else data["family_label"]
        assert label == HOSTILE  # the data is unchanged, only its spelling in JSON


def test_list_and_show_text_have_no_raw_controls(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = _stored(isolated_data_dir, family_label=HOSTILE)
    for args in (("list",), ("show", meeting.id)):
        code, out, _ = run(capsys, *args)
        assert code == 0 and _raw_controls(out) == [], args
