"""Durations: how long something lasted or lasts, as quantity claims in units of time.

"Die Systeme waren 19 Tage offline", "Die Sitzung dauerte knapp zwei Stunden", "eine 68-tägige
Expedition", "um zwölf Tage verlängert" (role `change`), "vier Jahre Haft" (role `sentence`: a term a
court imposed, in the same units as any other length of time). The quantity extractor leaves nouns of
time uncounted (units.yaml `other_nouns.not_counted`), because most figures before them are dates,
ages or frequencies: here a figure of time is a duration only where a cue of durations.yaml says that
something lasted that long, and never where a date or another quantity claim already holds the figure.
"nach 19 Tagen wieder in Betrieb" is a duration too: the time that had passed when something happened
(how long the story's state had lasted), not a date, which would need a day to count from.
The figure and its qualifier are read as quantity claims read them (`qualified_figures`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.document import Document
from checker.extract.alternation import matched_key, word_alternation
from checker.extract.numbers import Numeral, find_numerals, parse_number
from checker.extract.quantities import overlaps_any, qualified_figures
from checker.lexicon import lexicon_error, load_lexicon, require_mapping, word_list
from checker.schema import Claim
from checker.units import unit_entries

LEXICON = "durations"
# How far before a noun of time its figure with a qualifier may start: "zwischen drei und fünf Tage".
_FIGURE_WINDOW = 60
# How far before the figure the words that make it a date or a duration are looked for (a verb of
# lasting in its clause: "Die Sitzung dauerte am Mittwoch wegen des Streits knapp zwei Stunden").
_BEFORE_WINDOW = 80
# What ends the clause a verb of lasting or a word of change must stand in.
_CLAUSE_BREAK = re.compile(r"[;:()\"„“”«»]|,(?!\d)|\s[-–]\s|[.!?](?:\s|$)")
_WORD_BEFORE = re.compile(r"(?<![\w-])([\w-]+)\s+$")


@dataclass(frozen=True)
class _DurationLexicon:
    # Where a noun of time or the stem of an adjective of time may start, as written or in capitals: this
    # is searched in every text, and one case-sensitive alternation of literals without groups is the
    # fastest search (a third of one with IGNORECASE and word bounds); `unit_noun` and `adjective_stem`
    # then tell at each place found what it is.
    time_word: re.Pattern
    unit_noun: re.Pattern  # a noun of time as a whole word: group "noun"
    adjective_stem: re.Pattern  # the stem of an adjective of time with its ending: "tägige" of "68-tägige"; group "stem"
    unit_of_noun: dict[str, str]  # lower-cased noun -> unit
    unit_of_adjective: dict[str, str]  # lower-cased stem -> unit
    parts: dict[str, dict[str, float]]  # unit -> the smaller unit that may follow it with "und" -> how many make one
    one_articles: frozenset[str]  # lower-cased indefinite articles that count one: "etwa eine Stunde"
    not_after: frozenset[str]  # lower-cased words before a figure that make it a date, an age or a frequency
    cues_before: frozenset[str]  # lower-cased prepositions before a figure that make it a duration
    cue_after: re.Pattern  # "lang", "gesperrt" … right after the noun, adverbs between
    lasting_verb: re.Pattern
    change_word: re.Pattern
    sentence_after: re.Pattern  # "Haft" … right after the noun
    sentence_before: re.Pattern  # "eine Haftstrafe von" right before the figure


def _words(content: dict, key: str) -> list[str]:
    return word_list(LEXICON, content, key)


def _nouns(units: dict) -> list[str]:
    return [noun for unit in units for noun in word_list(LEXICON, units, unit)]


def _any_word(words: list[str]) -> str:
    return word_alternation(words, r"\s+", ignore_case=True)


@lru_cache(maxsize=1)
def _lexicon() -> _DurationLexicon:
    content = require_mapping(
        LEXICON, load_lexicon(LEXICON), "units", "adjectives", "not_after", "cues_before", "cues_after", "adverbs_between",
        "lasting_verbs", "change_words", "sentence_nouns", "sentence_nouns_before", "one_articles",
    )
    units, adjectives = content["units"], content["adjectives"]
    known = unit_entries().entries
    if not isinstance(units, dict) or not isinstance(adjectives, dict):
        raise lexicon_error(LEXICON, "'units' and 'adjectives' must be mappings")
    unit_of_noun = {noun.lower(): unit for unit in units for noun in word_list(LEXICON, units, unit)}
    if not all(noun[0].isupper() for noun in _nouns(units)):
        raise lexicon_error(LEXICON, "'units': nouns are written capitalised, as the search for them expects")
    unit_of_adjective = {}
    for stem, unit in adjectives.items():
        if not isinstance(stem, str) or not stem or not isinstance(unit, str):
            raise lexicon_error(LEXICON, "'adjectives' must map stems to units")
        unit_of_adjective[stem.lower()] = unit
    parts = content.get("parts")
    if not isinstance(parts, dict) or not all(
        isinstance(smaller, dict) and all(isinstance(count, (int, float)) and count > 1 for count in smaller.values())
        for smaller in parts.values()
    ):
        raise lexicon_error(LEXICON, "'parts' must map units to {smaller unit: how many make one}")
    named = {*unit_of_noun.values(), *unit_of_adjective.values(), *parts, *(unit for smaller in parts.values() for unit in smaller)}
    for unit in named:
        if known.get(unit, {}).get("family") != "duration":
            raise lexicon_error(LEXICON, f"{unit!r} is no unit of family 'duration' in units.yaml")
    adverbs = r"(?:\s+" + _any_word(_words(content, "adverbs_between")) + r"){0,2}"
    return _DurationLexicon(
        time_word=re.compile(word_alternation(
            {form for word in [*_nouns(units), *unit_of_adjective] for form in (word, word.upper())}
        )),
        unit_noun=re.compile(r"(?<![\w-])(?P<noun>" + word_alternation(unit_of_noun, ignore_case=True) + r")(?![\w-])", re.IGNORECASE),
        adjective_stem=re.compile(r"(?P<stem>" + word_alternation(unit_of_adjective, ignore_case=True) + r")(?:e[mnrs]?)?(?![\w-])", re.IGNORECASE),
        unit_of_noun=unit_of_noun,
        unit_of_adjective=unit_of_adjective,
        parts={unit: {smaller: float(count) for smaller, count in counts.items()} for unit, counts in parts.items()},
        one_articles=frozenset(word.lower() for word in _words(content, "one_articles")),
        not_after=frozenset(word.lower() for word in _words(content, "not_after")),
        cues_before=frozenset(word.lower() for word in _words(content, "cues_before")),
        cue_after=re.compile(adverbs + r"\s+" + _any_word(_words(content, "cues_after")) + r"(?![\w-])", re.IGNORECASE),
        lasting_verb=re.compile(r"(?<![\w-])" + _any_word(_words(content, "lasting_verbs")) + r"(?![\w-])", re.IGNORECASE),
        change_word=re.compile(r"(?<![\w-])" + _any_word(_words(content, "change_words")) + r"(?![\w-])", re.IGNORECASE),
        sentence_after=re.compile(r"\s+" + _any_word(_words(content, "sentence_nouns")) + r"(?![\w-])", re.IGNORECASE),
        sentence_before=re.compile(r"(?<![\w-])" + _any_word(_words(content, "sentence_nouns_before")) + r"\s+von\s+$", re.IGNORECASE),
    )


def extract_durations(doc: Document, taken: list[Claim]) -> list[Claim]:
    """The durations in the document body, sorted by position; none where a claim of `taken` (the
    dates and the other quantity claims) already holds the figure."""
    lexicon = _lexicon()
    text = doc.text
    taken_spans = [(claim.span_start, claim.span_end) for claim in taken]
    claims = []
    for word in lexicon.time_word.finditer(text, doc.body_start):
        if noun := lexicon.unit_noun.match(text, word.start()):
            claim = _duration_before(doc, lexicon, noun, taken_spans)
        elif stem := lexicon.adjective_stem.match(text, word.start()):
            claim = _adjective_duration(lexicon, text, stem, taken_spans)
        else:
            continue  # "Tagung", "Jahrestag"
        if claim is not None:
            claims.append(claim)
            taken_spans.append((claim.span_start, claim.span_end))  # "und sechs Monate" of "vier Jahre und sechs Monate"
    claims.sort(key=lambda claim: (claim.span_start, claim.span_end))
    return claims


_AND = re.compile(r"\s+und\s+")


# The word before a noun of time: most are no numeral ("im Jahr", "letzten Tagen"), which this tells
# before the numerals of the stretch are looked for.
_TOKEN_BEFORE = re.compile(r"(\w[\w.,'\u2019]*)\s+\Z")  # after a quote or a bracket too: '"Drei Jahre lang


def _figure_before(doc: Document, position: int):
    """The figure (`qualified_figures`) that ends right before `position` with blanks between, or None."""
    text = doc.text
    window_start = max(doc.body_start, position - _FIGURE_WINDOW)
    token = _TOKEN_BEFORE.search(text, window_start, position)
    if token is not None and token.group(1).lower() in _lexicon().one_articles:
        # "etwa eine Stunde": the article is the figure, one, with the qualifier before it.
        return qualified_figures(text, [Numeral(token.start(1), token.end(1), 1.0, 1.0, 1.0, "words")])[-1]
    if token is None or not (token.group(1)[-1].isdigit() or parse_number(token.group(1)) is not None):
        return None
    # The numerals of the stretch alone, moved to their places in the text: `find_numerals` over the
    # whole text lower-cases all of it for every call, and a text has dozens of nouns of time.
    numerals = [
        replace(numeral, start=numeral.start + window_start, end=numeral.end + window_start)
        for numeral in find_numerals(text[window_start:position])
    ]
    if not numerals or numerals[-1].end == position or text[numerals[-1].end : position].strip():
        return None
    return qualified_figures(text, numerals[-2:])[-1]  # the last one, or the range it ends


def _smaller_part(doc: Document, lexicon: _DurationLexicon, unit: str, noun_end: int) -> tuple[float, int] | None:
    """(the part of `unit` that "und" and a figure of a smaller unit add, where its noun ends) after a
    noun of time ending at `noun_end`: "vier Jahre und sechs Monate" adds 0,5 years; else None."""
    joined = _AND.match(doc.text, noun_end)
    smaller = lexicon.parts.get(unit)
    if joined is None or smaller is None:
        return None
    noun = lexicon.unit_noun.search(doc.text, joined.end(), joined.end() + _FIGURE_WINDOW)
    if noun is None or (count := smaller.get(lexicon.unit_of_noun[matched_key(noun.group("noun"))])) is None:
        return None
    figure = _figure_before(doc, noun.start())
    if figure is None or figure.start != joined.end() or figure.qualifier != "exact" or figure.value is None:
        return None
    return figure.value / count, noun.end()


def _duration_before(doc: Document, lexicon: _DurationLexicon, noun: re.Match, taken: list[tuple[int, int]]) -> Claim | None:
    """The duration of the figure right before the noun of time `noun`, if a cue makes it one."""
    text = doc.text
    figure = _figure_before(doc, noun.start())
    if figure is None or figure.ordinal_dot or overlaps_any(taken, figure.start, noun.end()):
        return None  # "am 3. Tag"; "in zehn Tagen", a date
    unit = lexicon.unit_of_noun[matched_key(noun.group("noun"))]
    value, low, high, end = figure.value, figure.low, figure.high, noun.end()
    part = _smaller_part(doc, lexicon, unit, end) if figure.qualifier == "exact" and value is not None else None
    if part is not None:
        added, end = part
        value = low = high = round(value + added, 6)  # "zwei Stunden und 20 Minuten": 2,333333 hours
    role = _role(text, lexicon, figure.start, end, text[figure.numeral_start : figure.end].lower() in lexicon.one_articles)
    if role is None:
        return None
    sentence = lexicon.sentence_after.match(text, end) if role == "sentence" else None
    return Claim(
        kind="quantity",
        span_start=figure.start,
        span_end=sentence.end() if sentence else end,
        quantity_value=value,
        quantity_low=low,
        quantity_high=high,
        quantity_qualifier=figure.qualifier,
        quantity_unit=unit,
        quantity_role=role,
    )


def _role(text: str, lexicon: _DurationLexicon, start: int, end: int, by_article: bool = False) -> str | None:
    """What the figure starting at `start`, with its noun of time ending at `end`, says: a prison `sentence`, a
    `change` of a length of time, a length of time (`level`), or nothing (None): a date, an age, a
    frequency, or a figure of time no cue makes a duration. A figure that is an article (`by_article`)
    is no length after a preposition alone: "Nach einem Jahr läuft die Zeit davon", "für ein Jahr"
    tell a time more often than how long something lasted."""
    before = text[max(0, start - _BEFORE_WINDOW) : start]
    if lexicon.sentence_after.match(text, end) or lexicon.sentence_before.search(before):
        return "sentence"  # "vier Jahre Haft", "eine Haftstrafe von drei Jahren"
    word_before = _WORD_BEFORE.search(before)
    word = word_before.group(1).lower() if word_before else ""
    clause_start = max((found.end() for found in _CLAUSE_BREAK.finditer(before)), default=0) + start - len(before)
    clause_end_match = _CLAUSE_BREAK.search(text, end)
    clause = text[clause_start : clause_end_match.start() if clause_end_match else len(text)]
    if word == "um" and lexicon.change_word.search(clause):
        return "change"  # "um zwölf Tage verlängert"
    if word in lexicon.not_after:
        return None  # "seit drei Jahren", "vor 80 Jahren", "alle zwei Wochen", "im Alter von 45 Jahren"
    if (word in lexicon.cues_before and not by_article) or lexicon.cue_after.match(text, end) or lexicon.lasting_verb.search(clause):
        return "level"
    return None


# The number an adjective of time starts with: "68-" of "68-tägige", "zwei" of "zweiwöchige" (read backwards
# from the stem, because the stem is rare and word starts are not).
_NUMBER_BEFORE_STEM = re.compile(r"(?:\d+(?:,\d+)?-|[^\W\d_]+)\Z")
_NUMBER_WINDOW = 30


def _adjective_duration(lexicon: _DurationLexicon, text: str, stem: re.Match, taken: list[tuple[int, int]]) -> Claim | None:
    """The duration an adjective of a figure and a noun of time states: "68-tägige" is 68 days, "gut
    zweistündigen" two hours and a little more (its number read as a numeral with its qualifier)."""
    window_start = max(0, stem.start() - _NUMBER_WINDOW)
    found = _NUMBER_BEFORE_STEM.search(text, window_start, stem.start())
    if found is None or (found.start() > 0 and (text[found.start() - 1].isalnum() or text[found.start() - 1] == "-")):
        return None
    number = found.group().rstrip("-")
    value = parse_number(number)
    if value is None or value <= 0 or overlaps_any(taken, found.start(), stem.end()):
        return None  # "mehrtägige", "ganztägig": no figure
    numeral = Numeral(found.start(), found.start() + len(number), value, value, value, "digits" if number[0].isdigit() else "words")
    figure = qualified_figures(text, [numeral])[0]
    return Claim(
        kind="quantity",
        span_start=figure.start,
        span_end=stem.end(),
        quantity_value=figure.value,
        quantity_low=figure.low,
        quantity_high=figure.high,
        quantity_qualifier=figure.qualifier,
        quantity_unit=lexicon.unit_of_adjective[matched_key(stem.group("stem"))],
        quantity_role="level",
    )
