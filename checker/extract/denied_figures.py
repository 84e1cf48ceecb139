"""Figures a sentence denies or asks about (qualifiers.yaml `denials`).

"Berichte über 10.000 Soldaten seien falsch", "In Russland sind keine 10.000 Soldaten", "Sind
wirklich 10.000 Soldaten in Russland?": the figure is what someone rejects or doubts, so a claim
built from it would read the denial as a report and confirm or update the very figure denied.
The quantity extractor gives such figures no claim; the meeting extractor reads a cancellation under
a denial predicate ("dementierte, dass das Treffen abgesagt worden sei") as no cancellation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.document import Sentence
from checker.extract.alternation import word_alternation
from checker.lexicon import load_lexicon, require_mapping, word_list

_AFTER_QUESTION_MARK = " \t\n\"'»«“”„)"
_OPENING_QUOTES = re.compile(r"[\s\"'»«“”„(]*")


@dataclass(frozen=True)
class _Denials:
    negation_before: re.Pattern  # "keine ", "nicht auf " right before the figure's start
    predicate: re.Pattern  # "falsch", "dementierte", "wies … zurück" anywhere in the sentence
    separator: re.Pattern  # "und", ";": a predicate on the other side denies another statement
    question_opener: re.Pattern  # "Sind", "Wie": the sentence may be a question rather than a statement said as one


@lru_cache(maxsize=1)
def _denials() -> _Denials:
    name = "qualifiers"
    denials = require_mapping(
        name, require_mapping(name, load_lexicon(name), "denials")["denials"], "negations", "negated_prepositions", "predicates", "separators", "question_openers"
    )
    negations = word_list(name, denials, "negations")
    prepositions = word_list(name, denials, "negated_prepositions")
    # A two-word predicate is a separable verb: its particle may come several words later ("wies die Berichte zurück").
    predicates = word_alternation(word_list(name, denials, "predicates"), r"\s+(?:\S+\s+)*?", ignore_case=True)
    return _Denials(
        negation_before=re.compile(
            r"(?<![\w-])" + word_alternation(negations, ignore_case=True) + r"\s+(?:" + word_alternation(prepositions, ignore_case=True) + r"\s+)?$",
            re.IGNORECASE,
        ),
        predicate=re.compile(r"(?<![\w-])" + predicates + r"(?![\w-])", re.IGNORECASE),
        question_opener=re.compile(word_alternation(word_list(name, denials, "question_openers"), ignore_case=True) + r"(?![\w-])", re.IGNORECASE),
        separator=re.compile(r";|(?<![\w-])" + word_alternation(word_list(name, denials, "separators"), ignore_case=True) + r"(?![\w-])", re.IGNORECASE),
    )


def is_denied(text: str, sentence: Sentence, start: int) -> bool:
    """Whether the figure starting at `start` (its qualifier included) in `sentence` is denied or asked about."""
    denials = _denials()
    if denials.negation_before.search(text, max(sentence.start, start - 20), start) or _is_question(text, sentence, denials):
        return True
    return denial_predicate_over(text, sentence, start, start) is not None


def denial_predicate_over(text: str, sentence: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """The span of a denial predicate of `sentence` ("dementierte", "wies … zurück") whose scope takes
    text[start:end], a figure or a clause: no separator ("und", ";") stands between the two. None when no
    predicate does."""
    denials = _denials()
    for predicate_start, predicate_end in _predicates(text, sentence.start, sentence.end):
        between = (predicate_end, start) if predicate_end <= start else (end, predicate_start)
        if not denials.separator.search(text, *between):
            return predicate_start, predicate_end
    return None


@lru_cache(maxsize=64)
def _predicates(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Spans of the denial predicates in text[start:end], once per sentence for all its figures."""
    return tuple(match.span() for match in _denials().predicate.finditer(text, start, end))


def _is_question(text: str, sentence: Sentence, denials: _Denials) -> bool:
    if not text[sentence.start : sentence.end].rstrip(_AFTER_QUESTION_MARK).endswith("?"):
        return False
    opening = _OPENING_QUOTES.match(text, sentence.start, sentence.end).end()
    return bool(denials.question_opener.match(text, opening, sentence.end))
