"""A fidelity marker's four statuses and the one line that counts them.

Apart from ``domain.fidelity`` because the home screen's rows need only these words
(``MeetingSummary.fidelity_words``), while the markers themselves need the guides,
the conference rules and the network: importing those before the first paint cost
start-up time for nothing (issue 27).
"""

from __future__ import annotations

MET = "met"
NOT_MET = "not-met"
NOT_RECORDED = "not-recorded"
NOT_APPLICABLE = "na"
STATUS_LABELS = {
    MET: "met",
    NOT_MET: "not met",
    NOT_RECORDED: "not recorded",
    NOT_APPLICABLE: "not applicable",
}
#: One character per status for compact grids (the home screen's line, terminal tables).
STATUS_SYMBOLS = {MET: "✓", NOT_MET: "✗", NOT_RECORDED: "?", NOT_APPLICABLE: "–"}


def counts_words(c: dict[str, int]) -> str:
    """Marker counts by status in one line (shared with the summary index's rows)."""
    return f"{c[MET]} met · {c[NOT_MET]} not met · {c[NOT_RECORDED]} not recorded · {c[NOT_APPLICABLE]} n/a"
