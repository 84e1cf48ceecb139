"""German numerals: the parser on single strings, the scanner on running text (positives and negatives)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.numbers import _lexicon, _words_or_vague, find_numerals, parse_number

PARSE_CASES = [
    ("150.000", 150000),
    ("150 000", 150000),
    ("3000", 3000),
    ("1,5 Millionen", 1_500_000),
    ("3,7 Mio.", 3_700_000),
    ("2 Mrd.", 2_000_000_000),
    ("zwei Millionen", 2_000_000),
    ("eine Milliarde", 1_000_000_000),
    ("zwölf", 12),
    ("hunderttausend", 100_000),
    ("dreiunddreißig", 33),
    ("einunddreißig Millionen zweihundertsechsundfünfzigtausend", 31_256_000),
    ("0,5", 0.5),
    ("1.200.000,50", 1_200_000.5),
    ("minus 4", -4),
    # Swiss and Liechtenstein formats: an apostrophe between thousands, "Mia." for Milliarden.
    ("40'000", 40000),
    ("1’200’000,5", 1_200_000.5),
    ("1,2 Mia.", 1_200_000_000),
    ("eine Mia", None),  # after an article "Mia" is a first name
    ("Hallo", None),
    ("", None),
    ("12a", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES, ids=[f"parse::{text or '<empty>'}" for text, _ in PARSE_CASES])
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


# (text, [(numeral text, value or None for vague, low, high)])
SCAN_CASES = [
    ("Rund 150.000 Soldaten", [("150.000", 150000, 150000, 150000)]),
    ("mehr als zwei Millionen Einwohnern", [("zwei Millionen", 2_000_000, 2_000_000, 2_000_000)]),
    ("Der Schaden beträgt 3,7 Mio. Euro", [("3,7 Mio.", 3_700_000, 3_700_000, 3_700_000)]),
    ("zwischen 300.000 und 400.000", [("300.000", 300000, 300000, 300000), ("400.000", 400000, 400000, 400000)]),
    ("Zehntausende Menschen demonstrierten", [("Zehntausende", None, 20000, 99999)]),
    ("mehrere Tausend Fans", [("mehrere Tausend", None, 2000, 9999)]),
    ("Millionen Menschen sind betroffen", [("Millionen", None, 2_000_000, 999_999_999)]),
    # A scale word after a vague phrase multiplies it: hundreds of millions.
    ("einige hundert Millionen Dollar", [("einige hundert Millionen", None, 200_000_000, 999_999_999)]),
    ("Dutzende Milliarden Euro", [("Dutzende Milliarden", None, 24_000_000_000, 99_999_999_999)]),
    # Not a scale of a larger vague phrase, nor a word that only starts like one.
    ("Tausende Millionäre", [("Tausende", None, 2000, 9999)]),
    ("zwei und drei", [("zwei", 2, 2, 2), ("drei", 3, 3, 3)]),
    ("eine halbe Million Menschen", [("eine halbe Million", 500_000, 500_000, 500_000)]),
    ("eineinhalb Millionen Euro", [("eineinhalb Millionen", 1_500_000, 1_500_000, 1_500_000)]),
    ("ein Dutzend Verletzte", [("ein Dutzend", 12, 12, 12)]),
    # An article before a cardinal is the noun's: "ein zwei Meter hoher Zaun" is 2, not 1 + 2.
    ("ein zwei Meter hoher Zaun", [("zwei", 2, 2, 2)]),
    ("eine drei Millionen Euro teure Anlage", [("drei Millionen", 3_000_000, 3_000_000, 3_000_000)]),
    ("eine Million Euro", [("eine Million", 1_000_000, 1_000_000, 1_000_000)]),
    # The Swiss thousands separator: ASCII ' or typographic ’ (U+2019) or ʼ (U+02BC), groups of three only.
    ("Rund 40'000 Delegierte", [("40'000", 40000, 40000, 40000)]),
    ("81’300 Zuschauer", [("81’300", 81300, 81300, 81300)]),
    ("1'200'000 Franken", [("1'200'000", 1_200_000, 1_200_000, 1_200_000)]),
    ("1ʼ500 Helfer", [("1ʼ500", 1500, 1500, 1500)]),
    ("Er sagte '300' und nicht 400", [("300", 300, 300, 300), ("400", 400, 400, 400)]),
    ("die Zeit 3'45'' war gut", [("3", 3, 3, 3)]),  # minutes and seconds: 45 is no thousands group
    ("Code 12'3456", [("12", 12, 12, 12)]),
    ("die '90er Jahre", []),
    # "Mia." is the Swiss abbreviation of Milliarden after digits; after words it is a first name.
    ("1,2 Mia. Franken", [("1,2 Mia.", 1_200_000_000, 1_200_000_000, 1_200_000_000)]),
    ("3 Mia Franken", [("3 Mia", 3_000_000_000, 3_000_000_000, 3_000_000_000)]),
    ("mit einer Mia aus Zürich", []),
    ("Hunderte Mia", [("Hunderte", None, 200, 999)]),
    # Negatives: no numeral is reported here.
    ("1 / 6 Bereits", [("1", 1, 1, 1)][:0]),
    ("um 21.30 Uhr", []),
    ("das Spiel endete 2:1", []),
    ("COVID-19 und G7", []),
    ("Eine Frau und ein Mann", []),
]


@pytest.mark.parametrize(("text", "expected"), SCAN_CASES, ids=[f"scan::{text}" for text, _ in SCAN_CASES])
def test_find_numerals(text: str, expected: list[tuple]) -> None:
    found = [(text[n.start : n.end], n.value, n.low, n.high) for n in find_numerals(text)]
    assert found == expected


def test_ordinal_dot_is_marked() -> None:
    (numeral,) = find_numerals("am 7. Dezember")
    assert numeral.ordinal_dot


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_in_text(text: str) -> None:
    for numeral in find_numerals(text):
        assert 0 <= numeral.start < numeral.end <= len(text)
    parse_number(text)


DUCKLING_NUMERALS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "duckling-de" / "duckling_de_numeral.jsonl"


def test_duckling_numeral_pass_rate_is_at_least_90_percent() -> None:
    if not DUCKLING_NUMERALS.exists():
        pytest.skip(f"Duckling German numeral corpus not found at {DUCKLING_NUMERALS.resolve()}")
    cases = [json.loads(line) for line in DUCKLING_NUMERALS.read_text(encoding="utf-8").splitlines() if line.strip()]
    passed = sum(
        1
        for case in cases
        if (value := parse_number(case["text"])) is not None
        and math.isclose(value, float(case["expected"]["value"]), rel_tol=1e-9, abs_tol=1e-9)
    )
    assert passed / len(cases) >= 0.9, f"{passed}/{len(cases)}"


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("7 Tote", 0, ["7"]),  # nothing before the start of the text
        ("G7 und 12", 1, ["12"]),  # "7" is glued to the letter before the scanned range
        ("COVID-19 und 12", 6, ["12"]),
        ("Hundertzwei und drei", 7, ["drei"]),  # "zwei" ends a longer word
        ("Ex-Dutzende", 3, []),
    ],
    ids=lambda value: str(value),
)
def test_what_precedes_the_scanned_range_still_counts(text: str, start: int, expected: list[str]) -> None:
    assert [text[n.start : n.end] for n in find_numerals(text, start)] == expected


# Number words, vague phrases and near misses in any case, glued by blanks, hyphens and letters;
# "İ", "ı" and "ſ" make the lower-case copy disagree with IGNORECASE.
_NUMBER_TEXT = st.lists(
    st.sampled_from([
        "zwei", "Drei", "HUNDERT", "einige", "mehrere hundert", "Dutzende", "ein", "Eine", "Millionen", "dreist", "zwölfte",
        "-", " ", ", ", "  ", "\n", "x", "é", "2", "Ex-", "İ", "ı", "ſieben",
    ]),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NUMBER_TEXT, st.integers(min_value=0, max_value=40))
def test_word_tokens_are_those_of_one_case_blind_pass(text: str, start: int) -> None:
    start = min(start, len(text))
    expected = [(m.span(), m.groupdict()) for m in _lexicon().words_or_vague_in_text.finditer(text, start)]
    assert [(m.span(), m.groupdict()) for m in _words_or_vague(text, start, len(text))] == expected
