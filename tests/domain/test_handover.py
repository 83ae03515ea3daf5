"""The handover record: which copy is the sender's (read-only), and file names that would carry a name."""

from __future__ import annotations

from datetime import UTC, datetime

from sdm_facilitator.domain.handover import Handover, file_name_problem, handed_away_reason, handover_lines

NAMES = ["Quillfeather family", "Ottoline", "Marguerite Vantablack"]


def test_a_file_name_carrying_a_name_from_the_meeting_is_refused() -> None:
    assert file_name_problem("handover-2026-03-02-ab12cd.sdm-handover", NAMES) is None
    assert file_name_problem("family-handover.sdm-handover", NAMES) is None  # "family" is not a name
    for bad in ("quillfeather.sdm-handover", "for-OTTOLINE.bin", "vantablack-review.sdm-handover"):
        assert file_name_problem(bad, NAMES) is not None, bad


def test_only_the_senders_copy_is_read_only() -> None:
    sent = Handover(by="Alex", to="Sam", on=datetime(2026, 3, 2, 10, tzinfo=UTC), file_name="h.sdm-handover")
    assert handed_away_reason([]) is None
    reason = handed_away_reason([sent])
    assert reason is not None and reason.startswith(
        "Handed over by Alex to Sam on 2 March 2026 in the file h.sdm-handover."
    )
    received = Handover(**{**sent.__dict__, "received_on": datetime(2026, 3, 3, 9, tzinfo=UTC)})
    assert handed_away_reason([received]) is None  # the receiver's copy is theirs to work on
    assert handed_away_reason([received, sent]) is not None  # handed on again from here
    assert handover_lines([received]) == [
        "Handed over by Alex to Sam on 2 March 2026; received 3 March 2026."
    ]
