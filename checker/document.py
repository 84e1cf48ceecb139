"""An article as the extractors see it: text, publication date, sentences and lines.

Offsets are always into `text`, the file's decoded content, so that a claim's span can be
quoted back exactly (`text[start:end]`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from checker.lexicon import load_lexicon, require_mapping, word_list
from checker.published import PublicationDate


class Sentence(NamedTuple):
    """A sentence of a document: its position among the sentences and its span in the text.

    A named tuple, not a frozen dataclass: an article has dozens of sentences, and a frozen
    dataclass's `__init__` (three `object.__setattr__` calls) was a fifth of splitting them.
    """

    index: int
    start: int
    end: int


# A line break, or stops (then closing quotes or brackets) before a blank. Written to start with
# one character class, which lets `re` skip straight to candidates: as `stops…|\n` it tried the
# pattern at every position of the text, twice as slow.
_BOUNDARY = re.compile(r"[.!?…\n](?:(?<=\n)|[.!?…]*[\"'»«“”‘’)\]]*(?=\s))")
# Quotation marks and brackets that open a quote or an aside right before its first word.
OPENING_MARKS = "\"'»«„“‚‘(["
_NEXT_START = re.compile(r"\s*([" + re.escape(OPENING_MARKS) + r"]?)(\S)")
_STOPS = ".!?…"
_LOOK_BACK = 64


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(load_lexicon("abbreviations")["abbreviations"])


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern:
    """A dateline at the start of a line: one to four capitalised words of a place, the agencies in
    parentheses, a dash ("Eriwan (AFP) - ", "Rio de Janeiro (dpa/AFP) – ")."""
    content = require_mapping("datelines", load_lexicon("datelines"), "agencies", "place_links")
    agencies = "|".join(re.escape(agency) for agency in sorted(word_list("datelines", content, "agencies"), key=len, reverse=True))
    links = "|".join(re.escape(link) for link in sorted(word_list("datelines", content, "place_links"), key=len, reverse=True))
    place_word = r"[A-ZÄÖÜ][\w'.-]*"
    return re.compile(
        rf"{place_word}(?:\s(?:(?:{links})\s)?{place_word}){{0,3}}"
        rf"\s*\((?:{agencies})(?:\s*/\s*(?:{agencies}))*\)\s*[-–—]\s+"
    )


@lru_cache(maxsize=1)
def _sentence_opener() -> re.Pattern[str]:
    """A word that starts a sentence after a short number's full stop (abbreviations.yaml `sentence_openers`)."""
    openers = word_list("abbreviations", require_mapping("abbreviations", load_lexicon("abbreviations"), "sentence_openers"), "sentence_openers")
    return re.compile(r"\s+(?:" + "|".join(map(re.escape, openers)) + r")\s")


def _full_stop_ends_sentence(text: str, stop_start: int, stop_end: int, abbreviations: frozenset[str]) -> bool:
    """Whether the stops at `text[stop_start:stop_end]`, the first a full stop, end a sentence."""
    # What follows must look like the start of a sentence.
    following = _NEXT_START.match(text, stop_end)
    if not following:
        return True
    opening, next_char = following.groups()
    if not (next_char.isupper() or next_char.isdigit() or opening):
        return False
    # Only the word before the stop matters; a bounded look-back keeps long lines linear. The last
    # run of non-blanks up to and with the stop (never empty: it ends with the stop) never reaches
    # back past a line break, which is a blank; without its trailing stops, but at least its first
    # character ("..." gives ".").
    last_run = text[max(0, stop_start - _LOOK_BACK) : stop_start + 1].rsplit(None, 1)[-1]
    word = last_run.rstrip(_STOPS) or last_run[0]
    word = word.lstrip(OPENING_MARKS)
    if word.lower() in abbreviations:
        return False
    # "am 7. Dezember", "der 2. Weltkrieg": a short number with a full stop is an ordinal, unless
    # an article or pronoun follows ("erhielt 41. Die FPÖ …").
    if word.isdigit() and len(word) <= 2:
        return _sentence_opener().match(text, stop_end) is not None
    # Initials: "J. F. Kennedy".
    if len(word) == 1 and word.isalpha():
        return False
    return True


def split_sentences(text: str, start: int = 0) -> list[Sentence]:
    """Split `text[start:]` into sentences; each span is trimmed of surrounding blanks."""
    abbreviations = _abbreviations()
    # A piece ends after its boundary: the line break that ends a line is trimmed like any blank.
    piece_ends = [
        match.end()
        for match in _BOUNDARY.finditer(text, start)
        if text[match.start()] != "." or _full_stop_ends_sentence(text, match.start(), match.end(), abbreviations)
    ]
    piece_ends.append(len(text))
    sentences: list[Sentence] = []
    cursor = start
    for piece_end in piece_ends:
        piece_start, cursor = cursor, piece_end
        while piece_start < piece_end and text[piece_start].isspace():
            piece_start += 1
        if piece_start == start or text[piece_start - 1] == "\n":
            dateline = _dateline().match(text, piece_start, piece_end)
            if dateline:  # where the report was written, not what it says
                piece_start = dateline.end()
        while piece_end > piece_start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > piece_start:
            sentences.append(Sentence(len(sentences), piece_start, piece_end))
    return sentences


@dataclass
class Document:
    """One article ready for extraction. `body_start` skips a header such as `date 2021-12`."""

    article: str
    text: str
    published: PublicationDate
    body_start: int = 0
    source: str | None = None

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text, self.body_start)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding character `offset`, or None when it falls between sentences."""
        position = bisect.bisect_right(self._sentence_starts, offset) - 1
        if position < 0:
            return None
        sentence = self.sentences[position]
        return sentence if offset < sentence.end else None

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def lines_of(self, offsets: Iterable[int]) -> list[int]:
        """1-based line numbers of characters `offsets`, which must not decrease.

        Counting the line breaks from one offset to the next reads the text once, and only up to
        the last offset: a table of every line start cost more than the few claims of an article
        looked up in it.
        """
        text = self.text
        lines = []
        line, counted_to = 1, 0
        for offset in offsets:
            line += text.count("\n", counted_to, offset)
            counted_to = offset
            lines.append(line)
        return lines


def clause_start(text: str, floor: int, offset: int, breaks: re.Pattern[str]) -> int:
    """Where the clause around `offset` begins: after the last clause break (`breaks`: each
    extractor says what breaks a clause for it) between `floor` and `offset`, else at `floor`."""
    start = floor
    for found in breaks.finditer(text, floor, offset):
        start = found.end()
    return start


def clause_end(text: str, offset: int, ceiling: int, breaks: re.Pattern[str]) -> int:
    """Where the clause that goes on at `offset` ends: at the next clause break before `ceiling`, else there."""
    found = breaks.search(text, offset, ceiling)
    return found.start() if found else ceiling
