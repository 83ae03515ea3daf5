"""Readiness: one panel saying, in plain words, what is still open, overdue first, by mechanism.

This is what a coordinator looks at the evening before. Enter on an item goes
to the section where it can be dealt with.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sdm_facilitator.domain.readiness import Readiness, ReadinessItem, readiness
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.domain.vocabulary import MECHANISM_LABELS
from sdm_facilitator.ui.app_access import sdm_app
from sdm_facilitator.ui.contracts import ShowsSections
from sdm_facilitator.ui.widgets.literal import literal_parts
from sdm_facilitator.ui.workspace.preparation.base import PrepSection


def item_prompt(item: ReadinessItem, today) -> Content:  # type: ignore[no-untyped-def]
    """One open item: a mark, the words, and its date if it has one."""
    if item.kind == "stop":
        return literal_parts(("■ ", "bold"), one_line(item.text))
    if item.overdue and item.due is not None:
        days = (today - item.due).days
        when = f" (due {item.due:%d %b}, {days} day{'s' if days != 1 else ''} ago)"
        return literal_parts(("✗ overdue: ", "bold"), one_line(item.text), when)
    when = ""
    if item.due is not None:
        days = (item.due - today).days
        when = " (due today)" if days == 0 else f" (due {item.due:%a %d %b})"
    return literal_parts("○ ", one_line(item.text), (when, "dim"))


#: Options added before the first frame of the readiness list; the rest follow right after it.
FIRST_PAINT_OPTIONS = 80


class ReadinessSection(PrepSection):
    """What is still open before the day (or in the follow-up)."""

    #: Raised by every fill, so options held back from an earlier fill are never added to a later one.
    _fill_generation = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="readiness-headline", markup=False)
        yield Static("", id="readiness-progress", markup=False)
        yield OptionList(id="readiness-list")

    def on_mount(self) -> None:
        self.refresh_from_meeting(first_fill=True)
        super().on_mount()

    def compute(self) -> Readiness:
        # The chosen jurisdiction profile's conference timescales and categories (said to be missing where it has none).
        law = sdm_app(self).library.profile_law()
        return readiness(self.meeting, self.session.guide, self.today(), law)

    def refresh_from_meeting(self, *, first_fill: bool = False) -> None:
        """Show the open items again; on the first fill, a long list paints its first screens first.

        An ``OptionList`` measures every option's wrapped height when options
        are added: the 268 items of a large meeting were a third of opening it.
        So the first fill adds ``FIRST_PAINT_OPTIONS`` (more than any terminal
        shows at once) and the rest right after the first frame, in order.
        """
        self._fill_generation += 1
        result = self.compute()
        self.items: dict[str, ReadinessItem] = {}
        headline = self.query_one("#readiness-headline", Static)
        headline.update(Content(result.headline()))
        headline.set_class(bool(result.overdue or result.blockers), "-overdue")
        headline.set_class(result.is_ready, "-ready")
        stage_word = "follow-up" if result.stage == "follow_up" else "preparation"
        progress = (
            f"Guide steps ({stage_word}): {result.steps_done} of {result.steps_total} done or not needed."
        )
        if self.session.guide is None:
            progress = "No guide is loaded for this kind of meeting; only the record is checked."
        self.query_one("#readiness-progress", Static).update(Content(progress + " Enter goes to an item."))
        options: list[Option | None] = []
        today = self.today()
        counter = 0

        def add(item: ReadinessItem) -> None:
            nonlocal counter
            counter += 1
            option_id = f"ready-{counter}"
            self.items[option_id] = item
            options.append(Option(item_prompt(item, today), id=option_id))

        blockers = result.blockers
        if blockers:
            heading = f"Stop and check before going ahead ({len(blockers)})"
            options.append(Option(Content.styled(heading, "bold"), disabled=True))
            for item in blockers:
                add(item)
        overdue = result.overdue
        if overdue:
            options.append(Option(Content.styled(f"Overdue ({len(overdue)})", "bold"), disabled=True))
            for item in overdue:
                add(item)
        for mechanism, items in result.by_mechanism().items():
            label = MECHANISM_LABELS.get(mechanism, mechanism)
            if not items:
                options.append(Option(Content.styled(f"{label}: ✓ nothing open", "bold"), disabled=True))
                continue
            options.append(Option(Content.styled(f"{label} ({len(items)})", "bold"), disabled=True))
            for item in items:
                add(item)
        option_list = self.query_one("#readiness-list", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        later = options[FIRST_PAINT_OPTIONS:] if first_fill else []
        option_list.add_options(options[: len(options) - len(later)])
        if later:
            generation = self._fill_generation
            self.call_after_refresh(self._add_later_options, later, generation)
        if self.items:
            first = option_list.get_option_index(next(iter(self.items)))
            if highlighted is not None and highlighted < option_list.option_count:
                option = option_list.get_option_at_index(highlighted)
                option_list.highlighted = highlighted if not option.disabled else first
            else:
                option_list.highlighted = first

    def _add_later_options(self, later: list[Option | None], generation: int) -> None:
        if generation == self._fill_generation and self.is_mounted:  # not refilled since
            self.query_one("#readiness-list", OptionList).add_options(later)

    def first_focus_target(self) -> Widget | None:
        return self.query_one("#readiness-list", OptionList)

    @on(OptionList.OptionSelected, "#readiness-list")
    def _go_to_item(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.items.get(event.option.id or "")
        if item is None:
            return
        if isinstance(self.screen, ShowsSections):
            self.screen.show_section(item.section, focus_ref=item.ref)

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand(
            "Readiness: go to the selected item",
            "enter",
            lambda: self.query_one("#readiness-list", OptionList).action_select(),
        )
