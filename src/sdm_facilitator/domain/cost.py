"""What a meeting cost: the coordinator's time at the organisation's hourly rate, and the other costs.

Kept as whole minutes and pence in the record (``MeetingCost``); money is
worked out here so the report and the anonymised files agree. A meeting with
nothing recorded has no cost (not a cost of zero): it is left out of the
cost per family rather than pulling it down.
"""

from __future__ import annotations

from sdm_facilitator.domain.meeting import MeetingCost

#: The coordinator's time by stage, in the order a form asks for it.
TIME_FIELDS = ("preparation_minutes", "meeting_minutes", "follow_up_minutes")
#: The other costs, in pence.
MONEY_FIELDS = ("interpreting_pence", "venue_pence", "food_pence", "travel_pence")
#: The hourly rate when the organisation has not set one, in pence (a coordinator's salary and on-costs).
DEFAULT_HOURLY_RATE_PENCE = 4000


def _time_minutes(cost: MeetingCost) -> list[int | None]:
    return [cost.preparation_minutes, cost.meeting_minutes, cost.follow_up_minutes]


def _money_pence(cost: MeetingCost) -> list[int | None]:
    return [cost.interpreting_pence, cost.venue_pence, cost.food_pence, cost.travel_pence]


def cost_recorded(cost: MeetingCost) -> bool:
    """Whether any part of the cost was recorded (a recorded zero counts)."""
    return any(v is not None for v in (*_time_minutes(cost), *_money_pence(cost)))


def coordinator_minutes(cost: MeetingCost) -> int:
    """The coordinator's minutes over every stage; unrecorded stages add nothing."""
    return sum(v for v in _time_minutes(cost) if v is not None)


def total_pence(cost: MeetingCost, hourly_rate_pence: int = DEFAULT_HOURLY_RATE_PENCE) -> int | None:
    """The meeting's cost in pence, or None when nothing was recorded."""
    if not cost_recorded(cost):
        return None
    time = round(coordinator_minutes(cost) * hourly_rate_pence / 60)
    return time + sum(v for v in _money_pence(cost) if v is not None)


def pounds(pence: float) -> str:
    """Pence as pounds for people: "£1,234" (whole pounds; a report need not show pennies)."""
    return f"£{pence / 100:,.0f}"
