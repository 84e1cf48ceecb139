"""The start finder (Hyperscan) may report more places than a pattern matches, never fewer; with
it, the date scan finds exactly what `re` finds, in any case and with characters beyond latin-1.
Its database is compiled once and kept: a damaged or foreign file is compiled anew, never used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checker.extract import dates_patterns, start_finder
from checker.extract.dates_patterns import _start_finder, iter_matches, temporal_pattern
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
        # A lookahead ending the pattern is matched as part of it, one before its end is left out.
        (r"[^a-z]\d+(?=\s*-\s*\d+\.)", " 3 - 4. 5 - 6 7-8."),
        (r"(?:a(?=b)b|c(?=d))+|e(?=f|g(?=h))", "ab abcd cdab ef egh eg"),
    ],
)
def test_finds_every_start_of_a_match(pattern, text, tmp_path):
    found = StartFinder([pattern], tmp_path).starts(text)
    assert {(start, 0) for start in _every_start(pattern, text)} <= set(found)
    assert found == sorted(set(found))


@needs_hyperscan
def test_names_the_patterns_that_may_match_at_each_place(tmp_path):
    patterns = [r"[^a-z]mai", r"[^a-z]\d+\.", r"[^a-z]ma"]
    text = " mai 3. am 12. maß"
    found = StartFinder(patterns, tmp_path).starts(text)
    every = {(start, index) for index, pattern in enumerate(patterns) for start in _every_start(pattern, text)}
    assert every <= set(found)
    assert (0, 1) not in found and (3, 0) not in found


@needs_hyperscan
def test_a_lookahead_ending_the_pattern_narrows_the_places(tmp_path):
    # Each number opens the pattern, only "3" and "7" the lookahead's range of days.
    found = StartFinder([r"[^a-z]\d+(?=\s*-\s*\d+\.)"], tmp_path).starts(" 3 - 4. 5 - 6 7-8.")
    assert found == [(0, 0), (13, 0)]


@needs_hyperscan
def test_refuses_what_it_cannot_turn_around(tmp_path):
    with pytest.raises(ValueError):
        StartFinder([r"(\w)\1"], tmp_path)
    with pytest.raises(ValueError):
        StartFinder([r"^am"], tmp_path)


@needs_hyperscan
def test_a_kept_database_is_loaded_and_a_damaged_one_compiled_anew(tmp_path, monkeypatch):
    patterns = [r"[^a-z](?:am\s+)*\d", r"[^a-z]mai"]
    text = "am 3. mai, am am 4"
    expected = StartFinder(patterns, tmp_path).starts(text)
    (kept,) = tmp_path.glob("start-finder-*.hsdb")
    intact = kept.read_bytes()
    compiled = start_finder._compiled
    monkeypatch.setattr(start_finder, "_compiled", lambda sources: pytest.fail("compiled although a database was kept"))
    assert StartFinder(patterns, tmp_path).starts(text) == expected
    monkeypatch.setattr(start_finder, "_compiled", compiled)
    # Torn, one byte changed, empty, or not a database at all (its hash right): compiled and kept again.
    flipped = bytearray(intact)
    flipped[len(flipped) // 2] ^= 0xFF
    garbage = b"not a hyperscan database"
    for damaged in (intact[: len(intact) // 2], bytes(flipped), b"", start_finder.hashlib.sha256(garbage).digest() + garbage):
        kept.write_bytes(damaged)
        assert StartFinder(patterns, tmp_path).starts(text) == expected
        assert start_finder._read_kept(kept) is not None


@needs_hyperscan
def test_a_database_is_kept_per_patterns_and_replaces_the_one_kept_before(tmp_path):
    StartFinder([r"[^a-z]mai"], tmp_path)
    (first,) = tmp_path.glob("start-finder-*.hsdb")
    StartFinder([r"[^a-z]juni"], tmp_path)
    (second,) = tmp_path.glob("start-finder-*.hsdb")
    assert second != first


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


@pytest.fixture(params=["kept", "re alone"])
def date_scan_finder(request, tmp_path, monkeypatch):
    """The date scan with its start finder's database kept in a fresh folder (compiled there by the
    test), and as where Hyperscan is not installed, where `re` searches alone."""
    monkeypatch.setattr(dates_patterns, "_KEPT_DIR", tmp_path)
    if request.param == "re alone":
        monkeypatch.setattr(dates_patterns, "HYPERSCAN_AVAILABLE", False)
    _start_finder.cache_clear()
    yield _start_finder()
    _start_finder.cache_clear()


def test_date_scan_finds_what_the_full_pattern_finds_in_every_example(date_scan_finder):
    texts = []
    for path in sorted(CORPUS_DIR.glob("*.yaml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [case["text"] for case in (content["cases"] if isinstance(content, dict) else content)]
    for variant in _variants("\n".join(texts)):
        assert _found(iter_matches(variant)) == _found(temporal_pattern().finditer(variant))


def _found(matches) -> list[tuple]:
    # The groups that took part: the scan's rematch holds only the groups of its alternative.
    return [(m.start(), m.end(), m.lastgroup, {name: value for name, value in m.groupdict().items() if value is not None}) for m in matches]
