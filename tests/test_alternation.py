"""The trie-factored word alternation matches exactly what the longest-first alternation matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.alternation import word_alternation

ALPHABET = "abäßs -"
words = st.lists(st.text(ALPHABET, min_size=1, max_size=5).filter(str.strip), min_size=1, max_size=8)
mixed_case_words = st.lists(st.text(ALPHABET + "ABÄ", min_size=1, max_size=5).filter(str.strip), min_size=1, max_size=8)
texts = st.text(ALPHABET + "AÄ.", max_size=60)
WRAPS = ("{}", r"(?<!\w){}(?!\w)", r"{}(?![\w-])")


def longest_first(forms: list[str], whitespace: str | None) -> str:
    """The plain alternation, longest first; with `whitespace`, a run of blanks is one gap."""
    escaped = {re.escape(form) if whitespace is None else re.escape(re.sub(" +", " ", form)).replace(r"\ ", whitespace) for form in forms}
    return "(?:" + "|".join(sorted(escaped, key=lambda form: (-len(form), form))) + ")"


def found(pattern: str, flags: int, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(match.span(), match.group(0)) for match in re.finditer(pattern, text, flags)]


@settings(max_examples=300, deadline=None)
@given(words, texts)
def test_same_matches_as_longest_first_alternation(forms: list[str], text: str) -> None:
    for whitespace in (None, r"\s+"):
        for wrap in WRAPS:
            for flags in (0, re.IGNORECASE):
                expected = found(wrap.format(longest_first(forms, whitespace)), flags, text)
                assert found(wrap.format(word_alternation(forms, whitespace)), flags, text) == expected


@settings(max_examples=300, deadline=None)
@given(mixed_case_words, texts)
def test_ignoring_case_same_matches_as_longest_first_alternation(forms: list[str], text: str) -> None:
    # "Abc" and "abcd" without a boundary after them: only a trie on lower-cased letters still
    # prefers "abcd", as the longest-first alternation does.
    for whitespace in (None, r"\s+"):
        for wrap in WRAPS:
            expected = found(wrap.format(longest_first(forms, whitespace)), re.IGNORECASE, text)
            trie = word_alternation(forms, whitespace, ignore_case=True)
            assert found(wrap.format(trie), re.IGNORECASE, text) == expected


def test_a_run_of_blanks_is_one_gap_so_the_longer_word_still_wins() -> None:
    # Found by hypothesis: with two gaps in a row the trie matched " b" in "  bA" where the
    # alternation matched "  ba".
    pattern = re.compile(word_alternation([" b", "  ba"], r"\s+"), re.IGNORECASE)
    assert pattern.match("  bA").group(0) == "  bA"


def test_ignoring_case_prefers_the_longer_word_across_cases() -> None:
    pattern = re.compile(word_alternation(["Abc", "abcd"], ignore_case=True), re.IGNORECASE)
    assert pattern.match("ABCD").group(0) == "ABCD"


@pytest.mark.parametrize(
    ("forms", "text", "expected"),
    [
        (["Gipfel", "Gipfeltreffen", "Gipfelgespräch"], "Das Gipfeltreffen und der Gipfel", ["Gipfeltreffen", "Gipfel"]),
        (["Ende Januar"], "bis Ende\nJanuar", ["Ende\nJanuar"]),
        ([], "nothing at all", []),
    ],
)
def test_examples(forms: list[str], text: str, expected: list[str]) -> None:
    pattern = re.compile(r"(?<!\w)" + word_alternation(forms, r"\s+") + r"(?!\w)")
    assert [match.group(0) for match in pattern.finditer(text)] == expected
