"""What the family chose for the day: date and time, venue, format, food and language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from sdm_facilitator.domain.meeting import CHOSEN_BY_CHOICES, CHOSEN_BY_LABELS, FORMAT_CHOICES, FORMAT_LABELS
from sdm_facilitator.ui.widgets.form_fields import (
    DATE_PLACEHOLDER,
    Field,
    choice_select,
    date_text,
    nice_date,
    parse_date,
    parse_time,
    tri_bool,
    tri_select,
)
from sdm_facilitator.ui.workspace.preparation.base import PrepSection

#: A meeting "at midnight" means the family chose a day but not yet a time.
NO_TIME = time(0, 0)


def time_text(when: datetime | None) -> str:
    if when is None or when.time() == NO_TIME:
        return ""
    return f"{when:%H:%M}"


def when_words(when: datetime | None) -> str:
    """'Thu 12 Mar 2026 at 17:30', or the day alone when no time is chosen."""
    if when is None:
        return "No date chosen yet."
    day = nice_date(when)
    return f"{day} at {when:%H:%M}" if when.time() != NO_TIME else f"{day} (time not chosen yet)"


class ChoicesSection(PrepSection):
    """The family's choices for the day (the family decides; the coordinator records)."""

    def compose(self) -> ComposeResult:
        c = self.meeting.choices
        yield Static(
            Content(
                "The family chooses. A neutral place they feel comfortable in, not a statutory building; "
                "a time that suits them; food they like; their own language."
            ),
            classes="section-help",
        )
        yield Static("", id="choices-when", markup=False)
        yield Field(
            "Date",
            Input(date_text(c.when.date() if c.when else None), placeholder=DATE_PLACEHOLDER, id="ch-date"),
        )
        yield Field("Time", Input(time_text(c.when), placeholder="HH:MM, for example 17:30", id="ch-time"))
        yield Field(
            "Venue",
            Input(c.venue, placeholder="where the family would like to meet", id="ch-venue"),
            hints=True,
        )
        yield Field("Format", choice_select(FORMAT_CHOICES, FORMAT_LABELS, c.format, id="ch-format"))
        yield Field(
            "Food", Input(c.food, placeholder="what the family would like to eat", id="ch-food"), hints=True
        )
        yield Field(
            "Language", Input(c.language, placeholder="the language(s) of the meeting", id="ch-language")
        )
        # Who chose: the family choosing is a fidelity marker, so it is recorded, never assumed.
        for key, what in (("date", "the date and time"), ("venue", "the venue"), ("food", "the food")):
            yield Field(
                f"Who chose {what}",
                choice_select(
                    CHOSEN_BY_CHOICES,
                    CHOSEN_BY_LABELS,
                    getattr(c, f"{key}_chosen_by"),
                    id=f"ch-{key}-by",
                    prompt="Not recorded yet",
                ),
            )
        yield Field("Is the venue a council building?", tri_select(c.venue_council_building, id="ch-council"))

    def on_mount(self) -> None:
        c = self.meeting.choices
        self.bind_field("ch-date", self._set_date)
        self.bind_field("ch-time", self._set_time)
        self.bind_field("ch-venue", lambda v: self._set(c, "venue", v))
        self.bind_field("ch-format", lambda v: self._set(c, "format", v))
        self.bind_field("ch-food", lambda v: self._set(c, "food", v))
        self.bind_field("ch-language", lambda v: self._set(c, "language", v))
        for key in ("date", "venue", "food"):
            self.bind_field(f"ch-{key}-by", self._chosen_by_setter(f"{key}_chosen_by"))
        self.bind_field("ch-council", lambda v: self._set(c, "venue_council_building", tri_bool(v)))
        self._show_when()
        super().on_mount()

    def _chosen_by_setter(self, name: str) -> Callable[[object], bool]:
        """The setter of who chose one of the day's arrangements (``name`` is the field)."""
        return lambda value: self._set(self.meeting.choices, name, value)

    def _set(self, obj: object, name: str, value: object) -> bool:
        if getattr(obj, name) == value:
            return False
        setattr(obj, name, value)
        return True

    def _show_when(self) -> None:
        self.query_one("#choices-when", Static).update(
            Content(f"The meeting: {when_words(self.meeting.choices.when)}")
        )

    def _set_when(self, when: datetime | None) -> bool:
        c = self.meeting.choices
        if c.when == when:
            return False
        c.when = when
        self._show_when()
        return True

    def _set_date(self, value: str) -> bool:
        time_input = self.query_one("#ch-time", Input)
        try:
            clock = parse_time(time_input.value)
        except ValueError:
            clock = None
        day = parse_date(value, self.today())
        if day is None:
            return self._set_when(None)
        for field in self.query_one("#ch-time", Input).ancestors:
            if isinstance(field, Field):
                field.set_error(None)
                break
        return self._set_when(datetime.combine(day, clock or NO_TIME))

    def _set_time(self, value: str) -> bool:
        clock = parse_time(value)
        c = self.meeting.choices
        if c.when is None:
            if clock is not None:
                raise ValueError("choose the date first")
            return False
        return self._set_when(datetime.combine(c.when.date(), clock or NO_TIME))
