"""The translation layer: messages by their English, values put in after translating, Welsh dates and lists."""

from __future__ import annotations

from datetime import date

import pytest

from sdm_facilitator.domain.translation import (
    Catalogue,
    CatalogueEntry,
    Translator,
    language_from_choice,
)

WELSH = Translator(
    "cy",
    Catalogue(
        "cy",
        {
            "Hello {name}": CatalogueEntry("Hello {name}", "Helo {name}"),
            "{first} and {last}": CatalogueEntry("{first} and {last}", "{first} a {last}"),
            "{first} and, before a vowel, {last}": CatalogueEntry(
                "{first} and, before a vowel, {last}", "{first} ac {last}"
            ),
            "{weekday} {day} {month} {year}": CatalogueEntry(
                "{weekday} {day} {month} {year}", "{weekday} {day} {month} {year}"
            ),
            "Tuesday": CatalogueEntry("Tuesday", "Dydd Mawrth"),
            "March": CatalogueEntry("March", "Mawrth"),
            "{count} hours": CatalogueEntry("{count} hours", "{count} awr"),
            "{count} minutes": CatalogueEntry("{count} minutes", "{count} munud"),
        },
    ),
)


def test_a_message_is_translated_and_its_values_put_in_afterwards() -> None:
    tr = Translator("cy", WELSH.catalogue)
    assert tr("Hello {name}", name="{name} {0} }{") == "Helo {name} {0} }{", (
        "a person's words are never a template"
    )
    assert tr.missing == set()


def test_a_message_the_catalogue_lacks_is_english_and_remembered() -> None:
    tr = Translator("cy", WELSH.catalogue)
    assert tr("Who does what") == "Who does what"
    assert tr.missing == {"Who does what"}


def test_english_never_records_a_message_as_missing() -> None:
    tr = Translator("en")
    assert tr("Who does what") == "Who does what"
    assert tr.missing == set()


def test_welsh_dates_lengths_and_lists() -> None:
    tr = Translator("cy", WELSH.catalogue)
    assert tr.long_date(date(2026, 3, 3)) == "Dydd Mawrth 3 Mawrth 2026"
    assert tr.length(140) == "2 awr 20 munud"
    assert tr.names_list(["Leo", "Ruby"]) == "Leo a Ruby"
    assert tr.names_list(["Leo", "Ruby", "Ewan"]) == "Leo, Ruby ac Ewan", "ac before a vowel"
    assert Translator("en").names_list(["Leo", "Ruby", "Ewan"]) == "Leo, Ruby and Ewan"


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        ("", "en"),
        ("English", "en"),
        ("Polish, with an interpreter", "en"),
        ("Welsh", "cy"),
        ("Cymraeg", "cy"),
        ("cy", "cy"),
        ("Welsh and English", "cy+en"),
        ("Cymraeg a Saesneg", "cy+en"),
        ("bilingual", "cy+en"),
        ("Dwyieithog", "cy+en"),
        ("cy+en", "cy+en"),
    ],
)
def test_the_familys_language_choice_gives_the_paper_language(words: str, lang: str) -> None:
    assert language_from_choice(words) == lang
