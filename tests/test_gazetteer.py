"""Gazetteer: canonical names from aliases, adjective stems and narrow fuzzy matching."""

from __future__ import annotations

import pytest

from checker.extract.gazetteer import load_gazetteer


def names(text):
    return [(text[m.start : m.end], m.entity.name) for m in load_gazetteer().find(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Der Kreml in Moskau", [("Kreml", "Kremlin"), ("Moskau", "Moscow")]),
        ("die russischen Truppen", [("russischen", "Russia")]),
        ("US-Präsident Joe Biden", [("US", "United States"), ("Joe Biden", "Joe Biden")]),
        ("Präsident Selenski", [("Selenski", "Wolodymyr Selenskyj")]),
        # Turkish dotted capital I: str.lower() adds a combining dot, the lookup must not.
        ("Gespräche in İstanbul", [("İstanbul", "Istanbul")]),
        ("GESPRÄCHE İN İSTANBUL", [("İSTANBUL", "Istanbul")]),
    ],
)
def test_canonical_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", ["Die Linken wollen das nicht.", "Das sind schöne Sachen.", "Die Achsen brechen."])
def test_common_nouns_are_not_fuzzy_entities(text):
    assert [m for m in load_gazetteer().find(text) if m.form == "fuzzy"] == []


def test_lookup_single_name():
    assert load_gazetteer().lookup("Russlands").name == "Russia"
    assert load_gazetteer().lookup("Irgendwer") is None


@pytest.mark.parametrize(
    "text, start, expected",
    [
        ("Präsident Selenskiy", 10, [("Selenskiy", "fuzzy")]),
        ("Anti-Selenskiy", 5, []),  # the hyphen before the searched range makes it part of a compound
        ("XSelenskiy", 1, []),
    ],
)
def test_fuzzy_words_start_after_no_letter_or_hyphen(text, start, expected):
    assert [(text[m.start : m.end], m.form) for m in load_gazetteer().find(text, start)] == expected
