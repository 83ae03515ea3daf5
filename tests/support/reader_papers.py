"""The fixed meeting made ready for the papers written for each reader (issue 25).

Leo is 13 and has an action of his own; Ruby is 6. An action about Leo only
(his school counsellor) must never reach Ruby's plan. Aunt Sue is "Auntie Sue"
to the children, the children's plans have a gentle contingency line, and the
words people typed hold hostile text: brackets, right-to-left script, emoji
and markup-like text, which every paper must print as it is.
"""

from __future__ import annotations

from sdm_facilitator.domain.meeting import Action, Meeting
from sdm_facilitator.domain.risks import Risk

#: Leo's counsellor: about Leo only, never in Ruby's plan.
LEO_ONLY_ACTION = "Arrange a school counsellor for Leo"
LEO_OWN_ACTION = "Keep going to football club on Saturdays [my job] 😀"
HOSTILE_ACTION = "Read a story at bedtime <b>every</b> night | *stars* # مرحبا 🎈"
CHILD_CONTINGENCY = "If things get hard at home, Auntie Sue will come and get you. (She promised!)"
SUE_CALLED = "Auntie Sue"
PROTECTED_ADDRESS = "7 Hidden Close, Hollins"
KERRY_PHONE = "07700 900123"


def readers_meeting(meeting: Meeting) -> Meeting:
    """``meeting`` (the fixed one) with what the papers for each reader need."""
    assert any(a.what == LEO_ONLY_ACTION for a in meeting.plan.actions)
    meeting.plan.actions.append(Action(id="a-00000004", what=LEO_OWN_ACTION, who="Leo"))
    meeting.plan.actions.append(Action(id="a-00000005", what=HOSTILE_ACTION, who="Kerry"))
    meeting.plan.child_contingency = CHILD_CONTINGENCY
    kerry, _mark, sue, priya = meeting.people[:4]
    sue.child_calls = SUE_CALLED
    sue.shown_as = "first-name"
    # Kerry is at risk on the fixed meeting's risk screen: her address and phone are protected.
    kerry.address = PROTECTED_ADDRESS
    kerry.phone = KERRY_PHONE
    kerry.lives_at_venue = False
    priya.shown_as = "first-name"
    priya.phone = "01632 960001"
    priya.email = "priya.nair@example.org"
    kerry.needs.language = "Polski (العربية too) 👋"
    kerry.needs.interpreter = True
    kerry.needs.interpreter_booked = True
    meeting.children[1].trusted_adult = SUE_CALLED
    return meeting


def protect(meeting: Meeting, person_index: int) -> None:
    """Name one person as at risk of domestic abuse on the risk screen."""
    meeting.risks.append(
        Risk(kind="domestic-abuse", status="present", at_risk=[meeting.people[person_index].id])
    )
