"""The words of the network map: its column and row headings, its status marks, what a gap in it means.

Kept apart from ``network_layout`` (which places boxes and holds codes) so
that every string here is a message of the translation layer: each is
marked ``N_`` and translated where it is shown, so the network map paper
comes in Welsh and a Welsh speaker corrects it in ``translations/cy.po``.
The keys are ``network_layout``'s codes (columns, rows, statuses) and
``network_missing``'s rules; the Network section on screen shows the
English as it is.
"""

from __future__ import annotations

from sdm_facilitator.domain.translation import N_

#: Each column's heading, by the column's code.
COLUMN_WORDS: dict[str, str] = {
    "mother": N_("Mother's side"),
    "middle": N_("The children"),
    "father": N_("Father's side"),
}
#: Each row's heading, by generation (the children's own is 0) or by the row's code.
ROW_WORDS: dict[int | str, str] = {
    -3: N_("Great-grandparents"),
    -2: N_("Grandparents"),
    -1: N_("Parents, their partners, aunts and uncles"),
    0: N_("The children, their brothers and sisters, cousins"),
    "around": N_("Around the family: friends, neighbours, community, professionals"),
    "not-placed": N_("Not placed yet: how they are related is not recorded"),
}
#: What each status mark means, by the status's code.
STATUS_WORDS: dict[str, str] = {
    "child": N_("a child the meeting is about"),
    "prepared": N_("invited and prepared"),
    "invited": N_("invited, not prepared yet"),
    "not-yet": N_("not invited yet"),
    "declined": N_("declined"),
    "not-invited": N_("not to be invited"),
}
#: A gap in the network (``network_missing``'s rule, and the side it is on) in words for the paper.
MISSING_WORDS: dict[tuple[str, str | None], str] = {
    ("no-one-on-side", "mother"): N_("No one yet on the mother's side of the family, beyond the mother."),
    ("no-one-on-side", "father"): N_("No one yet on the father's side of the family, beyond the father."),
    ("no-grandparent", "mother"): N_("No grandparent on the mother's side yet, living or not."),
    ("no-grandparent", "father"): N_("No grandparent on the father's side yet, living or not."),
    ("no-aunt-uncle", "mother"): N_("No brother or sister of the mother (an aunt or uncle) yet."),
    ("no-aunt-uncle", "father"): N_("No brother or sister of the father (an aunt or uncle) yet."),
}
