"""The start finder (Hyperscan) may report more places than a pattern matches, never fewer; with
it, the date scan finds exactly what `re` finds, in any case and with characters beyond latin-1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checker.extract.dates_patterns import iter_matches, temporal_pattern
from checker.extract.start_finder import HYPERSCAN_AVAILABLE, StartFinder

needs_hyperscan = pytest.mark.skipif(not HYPERSCAN_AVAILABLE, reason="hyperscan has no wheel for this machine; the date scan searches with re alone")

CORPUS_DIR = Path(__file__).parent / "corpus" / "de"


def _every_start(pattern: str, text: str) -> list[int]:
    compiled = re.compile(pattern)
    return [position for position in range(len(text) + 1) if compiled.match(text, position)]


@needs_hyperscan
@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        # Characters beyond latin-1 are read as "?": in a literal, a class and "\s", "\d", "\w".
        (r"[^a-z](?:am\s+)*\d", "am\u2009 3., am\u202f\u0663, Fall–am 4"),
        (r"–\s*\w+", "2020 – 2021, 2020–ł, 2020-x"),
        (r"[^\W\d]+\.", "Łódź. ſo. İm. x."),
        # Lookarounds are left out (a superset), possessive and lazy repeats read as greedy.
        (r"(?<!\w)(?:der\s+)*+mai(?!\w)", "der der mai, dermai, mail, im mai"),
        (r"a+?b|a{2,3}c", "aab aaac ac"),
    ],
)
def test_finds_every_start_of_a_match(pattern, text):
    found = StartFinder(pattern).starts(text)
    assert set(_every_start(pattern, text)) <= set(found)
    assert found == sorted(set(found))


@needs_hyperscan
def test_refuses_what_it_cannot_turn_around():
    with pytest.raises(ValueError):
        StartFinder(r"(\w)\1")
    with pytest.raises(ValueError):
        StartFinder(r"^am")


def _variants(text: str) -> list[str]:
    """The text, upper-cased (with "İ": the scan then reads the text itself), and with characters
    beyond latin-1 where blanks, dashes, quotes, digits and letters were, and with emoji."""
    return [
        text,
        text.upper(),
        text.replace(" ", "\u00a0"),
        text.replace(" ", "\u2009", 3).replace("-", "–").replace('"', "„"),
        text.replace("1", "\u0661").replace("2", "２"),
        text.replace("l", "ł").replace(", ", " 🙂 ").replace("s", "ſ", 1),
    ]


def test_date_scan_finds_what_the_full_pattern_finds_in_every_example():
    texts = []
    for path in sorted(CORPUS_DIR.glob("*.yaml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [case["text"] for case in (content["cases"] if isinstance(content, dict) else content)]
    for variant in _variants("\n".join(texts)):
        assert _found(iter_matches(variant)) == _found(temporal_pattern().finditer(variant))


def _found(matches) -> list[tuple]:
    # The groups that took part: the scan's rematch holds only the groups of its alternative.
    return [(m.start(), m.end(), m.lastgroup, {name: value for name, value in m.groupdict().items() if value is not None}) for m in matches]
