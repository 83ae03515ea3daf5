"""U+2028 and U+2029 never reach the terminal or a JSON reader raw.

They passed raw through ``show``, ``list`` and ``--json``: a line break to
some terminals and JavaScript readers, nothing at all to others. They are
shown as the other control characters are (``⟨U+2028⟩``), and escaped in JSON
(``\\u2028``), which reads back as the same text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.store import MeetingStore
from support.cli_helpers import run

LABEL = "Okafor\u2028Stage: closed\u2029\u200bfamily"
RAW = ("\u2028", "\u2029", "\u200b")


@pytest.fixture
def meeting_id(isolated_data_dir: Path) -> str:
    store = MeetingStore(isolated_data_dir)
    meeting = Meeting(kind="fgc", family_label=LABEL)
    meeting.referral.worries = f"Worry{LABEL}"
    store.close(store.create(meeting))
    return meeting.id


@pytest.mark.parametrize("command", [["list"], ["show", "{id}"]])
def test_text_output_shows_the_separators_visibly(
    capsys: pytest.CaptureFixture[str], meeting_id: str, command: list[str]
) -> None:
    code, out, err = run(capsys, *[part.format(id=meeting_id) for part in command])
    assert code == 0, err
    assert not any(c in out for c in RAW)
    assert "Okafor⟨U+2028⟩Stage: closed" in out


@pytest.mark.parametrize("command", [["list", "--json"], ["show", "{id}", "--json"]])
def test_json_output_escapes_the_separators_and_reads_back_the_same(
    capsys: pytest.CaptureFixture[str], meeting_id: str, command: list[str]
) -> None:
    code, out, err = run(capsys, *[part.format(id=meeting_id) for part in command])
    assert code == 0, err
    assert not any(c in out for c in RAW)
    assert "\\u2028" in out
    data = json.loads(out)
    label = data["meetings"][0]["family_label"] if command[0] == "list" else data["family_label"]
    assert label == LABEL
