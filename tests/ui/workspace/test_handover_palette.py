"""Handing the open meeting to a colleague from its command palette: one file written, this copy read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Label, Static

pytest.importorskip("cryptography")

from sdm_facilitator.storage import handover_file
from sdm_facilitator.storage.handover import read_contents
from sdm_facilitator.storage.handover_key import create_key_pair, load_private_key, public_key_text
from sdm_facilitator.storage.store import MeetingStore
from sdm_facilitator.ui.dialogs.handover import HandoverDialog
from support.app_helpers import reload
from support.pilot_helpers import run_palette_command, type_text
from support.plan_helpers import held_meeting, open_section, start
from support.privacy_helpers import cheap_params

SHORT = "too short"
PASSPHRASE = "blue kettle on the windowsill"


async def test_hand_over_from_the_palette_writes_the_file_and_leaves_this_copy_read_only(
    isolated_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outbox = tmp_path / "Documents"
    outbox.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(outbox))
    monkeypatch.setattr(handover_file, "default_kdf_params", cheap_params)
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Hand over this", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HandoverDialog)
        await pilot.press(*"Sam Reid", "enter")  # to whom
        await pilot.press("enter", "enter")  # by (login name), the folder offered
        await pilot.press("tab")  # past "with its reviews"
        await pilot.press(*SHORT, "enter", "enter")
        assert "at least" in str(app.screen.query_one("#handover-message", Static).render())
        # Back in the passphrase, its text selected: typed over.
        await pilot.press(*PASSPHRASE, "enter", *PASSPHRASE, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingScreen"
        banner = str(app.screen.query_one("#banner", Static).render())
        assert "Read-only: Handed over" in banner and "to Sam Reid" in banner
        assert not any(c.title.startswith("Hand over") for c in app.screen.palette_commands())  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
    (written,) = list(outbox.iterdir())
    assert written.suffix == handover_file.SUFFIX and "okafor" not in written.name.casefold()
    header = handover_file.read_header(written.read_bytes())
    contents = read_contents(handover_file.open_with_passphrase(header, PASSPHRASE), written.name)
    assert [meeting.id for meeting in contents.meetings] == [m.id]
    assert contents.meetings[0].plan.family_words == m.plan.family_words
    kept = reload(isolated_data_dir, m.id)
    assert kept.handovers[-1].to == "Sam Reid" and kept.handovers[-1].received_on is None


async def test_hand_over_from_the_palette_to_a_colleague_s_key_needs_no_passphrase(
    isolated_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Their handover key file instead of a passphrase; who it goes to comes from the key when left empty."""
    outbox = tmp_path / "Documents"
    outbox.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(outbox))
    colleague = MeetingStore(tmp_path / "sam-laptop")
    colleague.ensure()
    key_file = tmp_path / "sam [key].toml"
    key_file.write_text(public_key_text(create_key_pair(colleague, "Sam Reid")), encoding="utf-8")
    m = held_meeting()
    app = start(isolated_data_dir, m)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(app, pilot, m.id, "plan")
        await run_palette_command(pilot, "Hand over this")
        dialog = app.screen
        assert isinstance(dialog, HandoverDialog)
        await pilot.press("tab", "enter", "enter", "tab")  # to: left empty; by; the folder; reviews
        await pilot.press("tab", "tab")  # no passphrase
        await type_text(pilot, str(tmp_path / "nowhere.toml"))
        await pilot.press("enter")
        assert "That key file cannot be used" in str(dialog.query_one("#handover-message", Static).render())
        # Every box keeps its name beside it once typed in; ctrl+s hands over from any box.
        labels = [str(label.render()) for label in dialog.query(".handover-label").results(Label)]
        assert labels == [
            "Goes to",
            "Handed over by",
            "Write the file in",
            "Passphrase",
            "The same again",
            "Or their key file",
        ]
        assert "Hand over" in [active.binding.description for active in dialog.active_bindings.values()]
        dialog.query_one("#handover-key", Input).value = str(key_file)
        dialog.query_one("#handover-to", Input).focus()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingScreen"
        assert "to Sam Reid" in str(app.screen.query_one("#banner", Static).render())
    (written,) = list(outbox.iterdir())
    header = handover_file.read_header(written.read_bytes())
    plain = handover_file.open_with_private_key(header, load_private_key(colleague))
    assert [meeting.id for meeting in read_contents(plain, written.name).meetings] == [m.id]
    assert reload(isolated_data_dir, m.id).handovers[-1].to == "Sam Reid"
