"""Context for resolving a date: the sentence it stands in, the tense cues of its clause, and
what the text named before it (the last year, the last day).

Tense is read from cue words (lexicon `tense_cues`): the nearest cue of the same clause, else
of the same sentence, says whether an underspecified date lies before or after publication. A
verb of saying in another clause comes after every other cue of a near clause: in reported
speech the date's clause has the tense ("sagte, das Treffen finde am Freitag statt").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice

from checker.document import OPENING_MARKS
from checker.document import clause_end as document_clause_end
from checker.document import clause_start as document_clause_start
from checker.extract.alternation import lower_case_agrees, word_alternation
from checker.extract.dates_calendar import Period
from checker.extract.dates_lexicon import LEXICON_NAME, DatesLexicon, dates_lexicon, fold
from checker.lexicon import load_lexicon
from checker.published import PublicationDate

PAST, NEUTRAL, FUTURE = -1, 0, 1
# How many days further away a date on the other side of publication than the tense says counts:
# a cue word decides between last and next year's "10. Januar", not against a date three days
# away ("wurden die Rennen vom 18. Dezember verlegt", two days before); a strong cue in the
# date's own clause ("hatten am 20. Mai begonnen") decides outright.
AGAINST_TENSE_DAYS = 150
AGAINST_STRONG_TENSE_DAYS = 400
MAX_CLAUSES_TO_CUE = 3
# How far before a date `DateContext.sentence_bounds` first looks for the end of the sentence
# before it: most sentences are shorter, a longer one is looked for again further back.
SENTENCE_LOOK_BACK = 200

# Punctuation, closing quotes, blanks and a capital or digit; or a line break. Written to begin
# with one character class, so that `re` skips to the next candidate character in C. The empty
# group (the only one, so `lastindex` says whether it matched) marks an end with no digit among
# the two characters before it: no ordinal ends there (`_ends_ordinal` needs no call).
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<!\d[\s\S])(?<!\d[\s\S]{2})()|)(?:(?<=\n)|(?<=[.!?])[.!?]*[\"'»«“”)]*\s+(?=[\"'»«„“(]?[A-ZÄÖÜ0-9]))"
)
# A comma, semicolon, colon or dash; or a hyphen between blanks. Written to begin with one
# character class (not "[,;:–]|\s-\s"), so that `re` skips in C to the next candidate character.
# Not the decimal comma between two digits ("Bis Sonntag seien 3,6 Millionen Gäste gekommen":
# the participle is still the date's clause).
CLAUSE_BREAK = re.compile(r"[,;:–\s](?:(?<!\s)(?:(?<!\d,)|(?!\d))|-\s)")
# "am 10. November": a full stop after a one- or two-digit number ends an ordinal, not a sentence.
_ORDINAL_BEFORE = re.compile(r"(?<!\d)\d{1,2}$")


def _ends_ordinal(text: str, start: int, offset: int) -> bool:
    """Whether the sentence end at `offset` follows a one- or two-digit number. `$` also matches
    before a line break that ends the window, so the number may end one character earlier: a
    digit in neither place (most sentence ends) spares the search."""
    if not (text[offset - 1 : offset].isdecimal() or text[offset - 2 : offset - 1].isdecimal()):
        return False
    return bool(_ORDINAL_BEFORE.search(text, max(start, offset - 3), offset))


@lru_cache(maxsize=1)
def _lower_case_cues() -> frozenset[str]:
    """Cue words the lexicon writes only in lower case (verbs, adjectives), not nouns ("Termin")."""
    lexicon = dates_lexicon()
    written = load_lexicon(LEXICON_NAME)["tense_cues"]
    capitalised = {fold(word) for words in written.values() for word in words if isinstance(word, str) and word[:1].isupper()}
    return frozenset((lexicon.past_cues | lexicon.future_cues) - capitalised)


@lru_cache(maxsize=None)
def _particle_verbs(name: str) -> dict[str, frozenset[str]]:
    """Verb -> its particles, from the context word list `name` of "verb particle" pairs ("habe
    vor", "fand statt"); a verb listed alone maps to no particle (it needs none)."""
    pairs: dict[str, set[str]] = {}
    for entry in dates_lexicon().context[name]:
        verb, *particle = fold(entry).split()
        pairs.setdefault(verb, set()).update(particle)
    return {verb: frozenset(particles) for verb, particles in pairs.items()}


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + word_alternation(_listed_cue_words(), ignore_case=True) + r"(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cue_scan() -> re.Pattern[str]:
    """`_cue_pattern` for a lower-case copy, case-sensitive and matching the non-word character
    before the word instead of looking behind for it: `re` then skips in C to the next such
    character and compares without case folding, twice as fast (see `dates_patterns._scan_source`)."""
    return re.compile(r"\W(?:" + word_alternation(_listed_cue_words(), ignore_case=True) + r")(?!\w)")


def _cue_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Start and end of each listed cue word in text[start:end], as `_cue_pattern` finds them.
    Read in the lower-case copy of the stretch and the character before it (a blank standing for
    the start of the text), unless that copy does not agree with re.IGNORECASE ("İ", "ı")."""
    window_start = max(start - 1, 0)
    window = text[window_start:end]
    lowered = window.lower()
    if not lower_case_agrees(window, lowered):
        return [found.span() for found in _cue_pattern().finditer(text, start, end)]
    if start == 0:
        lowered, window_start = " " + lowered, -1
    # A match starts at the character before its word: the word is [start + 1, end) of the copy.
    return [(window_start + found.start() + 1, window_start + found.end()) for found in _cue_scan().finditer(lowered)]


@lru_cache(maxsize=1)
def _listed_cue_words() -> frozenset[str]:
    """Every word the tense cue pattern finds by name: a weak preterite is read only among the rest."""
    lexicon = dates_lexicon()
    return lexicon.past_cues | lexicon.future_cues | frozenset(_particle_verbs("separable_future"))


@lru_cache(maxsize=1)
def _weak_participle_auxiliaries() -> frozenset[str]:
    """Present verbs that make a clause-final word of weak past form a participle of the present
    ("bleibt/ist/wird bis Sonntag verboten")."""
    words = dates_lexicon().context
    return frozenset(words["lasting_state_verbs"]) | frozenset(words["present_state_auxiliaries"]) | frozenset(words["present_passive_auxiliaries"])


_LOWER_CASE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzäöüß")


@lru_cache(maxsize=1)
def _preterite_ending_pattern() -> re.Pattern[str]:
    """An ending of the weak simple past closing a word (not a hyphenated compound's first part)."""
    endings = word_alternation(dates_lexicon().context["preterite_endings"])
    return re.compile(rf"(?:{endings})(?![\w-])")


def _lower_case_words_ending_preterite(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Start and end of each lower-case word of at least five letters in text[start:end] with
    an ending of the weak simple past ("lehnte", "scheiterten"), not part of a hyphenated
    compound nor of a word written with a capital ("Rente"). Found from the ending back, which
    is far faster than trying a word at every letter."""
    for ending in _preterite_ending_pattern().finditer(text, start, end):
        word_start = ending.start()
        while word_start > start and text[word_start - 1] in _LOWER_CASE_LETTERS:
            word_start -= 1
        if ending.start() - word_start < 3 or word_start > start and (text[word_start - 1].isalnum() or text[word_start - 1] in "_-"):
            continue
        yield word_start, ending.end()


@lru_cache(maxsize=1)
def _modal_verb_phrase_pattern() -> re.Pattern[str]:
    """A joining word and a modal of the simple-past form ("und sollte", "aber wollte"): a verb
    phrase of its own begins, whose tense the cues before it do not tell (the modal is no cue)."""
    words = dates_lexicon().context
    joins = word_alternation(words["verb_phrase_joins"], ignore_case=True)
    modals = word_alternation(words["subjunctive_like_preterite"], ignore_case=True)
    return re.compile(rf"(?<!\w)(?:{joins})\s+(?:{modals})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _report_insert_pattern() -> re.Pattern[str]:
    """A report inserted between commas ("…, wie es heißt, …", "…, wie aus Kreisen verlautete, …",
    "…, wie ein Sprecher sagte, …"): "wie", a few words, a verb of saying that ends it."""
    words = dates_lexicon().context
    verbs = word_alternation(words["report_insert_verbs"] | words["speech_verbs"], ignore_case=True)
    return re.compile(rf",\s*wie\s+(?:[^,;:!?()\"»«.]{{1,60}}?\s)?(?:{verbs})(?:\s+es)?\s*,", re.IGNORECASE)


@lru_cache(maxsize=1)
def _apposition_pattern() -> re.Pattern[str]:
    """An apposition right after a date, between commas: its article, a few words, the comma."""
    articles = word_alternation(dates_lexicon().context["apposition_articles"], ignore_case=True)
    return re.compile(rf",\s*(?:{articles})\s+[^,;:!?()\"»«]{{1,60}}?,", re.IGNORECASE)


def clause_start(text: str, sentence_start: int, offset: int) -> int:
    """Where the date's clause around `offset` begins (`document.clause_start` with `CLAUSE_BREAK`)."""
    return document_clause_start(text, sentence_start, offset, CLAUSE_BREAK)


def clause_end(text: str, offset: int, sentence_end: int) -> int:
    """Where the date's clause that goes on at `offset` ends (`document.clause_end` with `CLAUSE_BREAK`)."""
    return document_clause_end(text, offset, sentence_end, CLAUSE_BREAK)


def _clause_last_word(text: str, offset: int, sentence_end: int) -> str:
    """The last word of the clause that goes on at `offset` (up to a clause break or the end of
    the sentence): where a separable verb leaves its particle ("habe ... vor", "stehe ... bevor")."""
    tail = text[offset : clause_end(text, offset, sentence_end)].rstrip(" \t\n.!?\"'»«“”)")
    words = tail.rsplit(None, 1)
    return words[-1] if words else ""


# How many words of a list of days `_word_before_day` walks back over to its preposition.
MAX_LISTED_WORDS = 8
# How many words after a verb of saying `speech_day` reads for the day it was said
# ("sagte der Sprecher des Ministeriums am Freitag").
MAX_SPEECH_DAY_WORDS = 6


class DateContext:
    """What the handlers need besides the match: text, publication date, sentence windows."""

    def __init__(self, text: str, published: PublicationDate, lexicon: DatesLexicon, start: int, end: int):
        self.text = text
        self.published = published
        self.lexicon = lexicon
        self._start = start
        self._end = end
        # The sentences read so far (see `sentence_bounds`): their starts in order, and each
        # start's end.
        self._sentence_starts: list[int] = []
        self._sentence_end_of: dict[int, int] = {}
        self._tense_cache: dict[int, list[tuple[int, int, int, bool]]] = {}
        self._inserts_of_sentence: dict[int, list[tuple[int, int]]] = {}  # `_report_inserts` by sentence start
        self._tense_of_span: dict[tuple[int, int], tuple[int, bool]] = {}
        self._previous_words: dict[int, tuple[str, int]] = {}  # `previous_word_at` by offset
        # The last explicit year and the sentence it was named in ("im März 1992 ... im April").
        self.explicit_year: tuple[int, int] | None = None
        # The month of that year when it was written with one ("im November 2019"): its month,
        # and the start and end of the expression that named it.
        self.anchor_month: tuple[int, int, int] | None = None
        # The last period across the turn of a year ("Saison 2025/26") and where it was named: a
        # date after it in its sentence falls in one of its two years, not always in the first.
        self.split_year: tuple[Period, int] | None = None
        # The last date the text named: "Tags darauf" and "zwei Tage später" count from it.
        self.reference: Period | None = None
        self.reference_start: int | None = None  # where the expression of `reference` starts
        self.reference_end: int | None = None  # and where it ends
        # The whole range when `reference` ends one ("von Januar bis Juni"): "im
        # Vorjahreszeitraum" after it is that range a year before, not its last month.
        self.reference_range: Period | None = None
        self.reference_day: Period | None = None  # the last single day named
        self.reference_day_start: int | None = None  # where the expression of `reference_day` starts
        self.weekday_day: Period | None = None  # the last single day named by its weekday
        self.weekday_end: int | None = None  # where the expression of `weekday_day` ends
        self.last_year_end: int | None = None
        # The last day word counted from another day ("am Tag zuvor"): its sentence, anchor, result.
        self.anaphor: tuple[int, Period | None, Period] | None = None

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        """The sentence holding `offset`: from the last sentence end at or before it (else the
        window's start) to the first after it (else the window's end). Remembered per sentence:
        the handlers and the tense reading ask for the sentence of the same date several times."""
        starts = self._sentence_starts
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < self._sentence_end_of[starts[index]]:
            return starts[index], self._sentence_end_of[starts[index]]
        sentence_start, sentence_end = self._read_sentence(offset)
        if sentence_start <= offset < sentence_end:
            bisect.insort(starts, sentence_start)
            self._sentence_end_of[sentence_start] = sentence_end
        return sentence_start, sentence_end

    def _read_sentence(self, offset: int) -> tuple[int, int]:
        """`sentence_bounds(offset)` read from the text around `offset` only: the sentences that
        hold a date are under a tenth of a news article's text, and reading every sentence end
        up to the last date took a twentieth of the date extraction.

        `_SENTENCE_END` finds the same ends from any position that no end's match runs across as
        from the window's start: a match holds only stops, closing quotes and blanks, so none
        runs across the position after a letter or digit. Reading starts at the last such
        position `SENTENCE_LOOK_BACK` characters before `offset` (else the window's start), and
        further back while no sentence end lies between it and `offset`."""
        text, start = self.text, self._start
        look_back = SENTENCE_LOOK_BACK
        while True:
            read_from = max(start, offset - look_back)
            while read_from > start and not text[read_from - 1].isalnum():
                read_from -= 1
            sentence_start = start if read_from == start else None
            sentence_end = self._end
            for found in _SENTENCE_END.finditer(text, read_from, self._end):
                if found.lastindex or not _ends_ordinal(text, start, found.start()):
                    if found.end() > offset:
                        sentence_end = found.end()
                        break
                    sentence_start = found.end()
            if sentence_start is not None:
                return sentence_start, sentence_end
            look_back *= 4

    def _cues(self, sentence_start: int, sentence_end: int) -> list[tuple[int, int, int, bool]]:
        """Cue words of the sentence: start, end, direction, and whether it is a verb of saying."""
        cached = self._tense_cache.get(sentence_start)
        if cached is not None:
            return cached
        cues = []
        text = self.text
        speech_verbs = self.lexicon.context["speech_verbs"]
        # In a sentence written all in capitals a capital tells no noun: a cue is read unless it
        # is also a common noun ("ENDE JUNI", "ZWEI VERLETZTE"); in others, a capitalised cue inside
        # the sentence is a noun ("beim Letzten", "das Werden").
        nouns = self.lexicon.context["cues_also_nouns"] if self._all_capitals(sentence_start, sentence_end) else _lower_case_cues()
        for cue_start, cue_end in _cue_spans(text, sentence_start, sentence_end):
            surface = text[cue_start:cue_end]
            word = fold(surface)
            if surface[:1].isupper() and word in nouns and text[sentence_start:cue_start].strip(" \t\"'»«„“(-–"):
                continue
            particles = _particle_verbs("separable_future").get(word)
            if particles and self._has_particle(cue_start, cue_end, sentence_end, particles):
                direction = FUTURE  # "die Partei habe vor, ...", "die Wahl stehe bevor"
            elif word in self.lexicon.past_cues:
                direction = PAST
            elif word in self.lexicon.future_cues:
                direction = FUTURE
            else:
                continue  # a separable verb without its particle: "steht am Freitag fest"
            if direction == PAST and fold(self.next_word(cue_end)) in self.lexicon.context["present_after_cue"]:
                continue  # "bereits jetzt", "schon heute": no past
            if direction == PAST and self._passive_of_present(self._last_cue_outside_inserts(cues, cue_start, sentence_start, sentence_end), cue_start, cue_end, sentence_start, sentence_end):
                continue  # "soll am Dienstag unterzeichnet werden", "wird am Dienstag unterzeichnet": no past
            if direction == PAST and self._lasting_state(cue_start, cue_end, sentence_start, sentence_end, self.lexicon.context["lasting_state_verbs"]):
                continue  # "bleibt bis Ende Juni verboten": a state that goes on, no past
            cues.append((cue_start, cue_end, direction, word in speech_verbs))
        weak = [
            (start, end, PAST, False)
            for start, end in _lower_case_words_ending_preterite(text, sentence_start, sentence_end)
            if self._weak_preterite(start, end) and not self._lasting_state(start, end, sentence_start, sentence_end, _weak_participle_auxiliaries())
        ]
        if weak:
            cues = sorted(cues + weak)
        self._tense_cache[sentence_start] = cues
        return cues

    def _all_capitals(self, sentence_start: int, sentence_end: int) -> bool:
        """The sentence is written all in capitals (a headline, a shouted quote): the case of a
        word tells no verb from a noun there."""
        return self.text[sentence_start:sentence_end].isupper()

    def _passive_of_present(self, previous_cue: tuple[int, int, int, bool] | None, cue_start: int, cue_end: int, sentence_start: int, sentence_end: int) -> bool:
        """A participle listed as a past cue ("unterzeichnet", "beschlossen") in a passive of the
        present or future: right before "werden" ("soll am Dienstag unterzeichnet werden"), or
        ending a clause whose last cue before it is a present form of "werden" ("Die Erklärung
        wird am Dienstag unterzeichnet", "wird, wie es heißt, am Dienstag unterzeichnet"). Not
        "wurde ... unterzeichnet", "ist ... unterzeichnet worden"."""
        auxiliaries = self.lexicon.context["present_passive_auxiliaries"]
        if fold(self.next_word(cue_end)) in auxiliaries:
            return True
        if previous_cue is None:
            return False
        auxiliary_start, auxiliary_end = previous_cue[:2]
        if fold(self.text[auxiliary_start:auxiliary_end]) not in auxiliaries or self._clause_breaks(auxiliary_end, cue_start, sentence_start, sentence_end):
            return False
        return _clause_last_word(self.text, cue_start, sentence_end) == self.text[cue_start:cue_end]

    def _report_inserts(self, sentence_start: int, sentence_end: int) -> list[tuple[int, int]]:
        """The reports inserted between commas in the sentence ("Der Vertrag wird, wie es heißt, am
        Dienstag unterzeichnet"), commas included: their verb is the report's tense, not the
        tense of a date outside them, and their commas break no clause around them."""
        found = self._inserts_of_sentence.get(sentence_start)
        if found is None:
            found = self._inserts_of_sentence[sentence_start] = [
                insert.span() for insert in _report_insert_pattern().finditer(self.text, sentence_start, sentence_end)
            ]
        return found

    def _inside_other_insert(self, cue_start: int, start: int, sentence_start: int, sentence_end: int) -> bool:
        """The cue at `cue_start` stands in a report inserted between commas that the date at
        `start` is not part of ("wie es hieß" tells nothing of "am Dienstag" after it; "wie die
        Polizei am Dienstag mitteilte" tells of its own day)."""
        return any(first < cue_start < last and not first < start < last for first, last in self._report_inserts(sentence_start, sentence_end))

    def _last_cue_outside_inserts(self, cues: list[tuple[int, int, int, bool]], offset: int, sentence_start: int, sentence_end: int) -> tuple[int, int, int, bool] | None:
        """The last of `cues` (found before `offset`) that is not in a report inserted between
        commas, unless `offset` is in that report too."""
        for cue in reversed(cues):
            if not self._inside_other_insert(cue[0], offset, sentence_start, sentence_end):
                return cue
        return None

    def _clause_breaks(self, gap_start: int, gap_end: int, sentence_start: int, sentence_end: int) -> int:
        """How many clause breaks stand in [gap_start, gap_end), not counting those of a report
        inserted between commas wholly inside the gap."""
        breaks = len(CLAUSE_BREAK.findall(self.text, gap_start, max(gap_start, gap_end)))
        for first, last in self._report_inserts(sentence_start, sentence_end):
            if gap_start <= first and last <= gap_end:
                breaks -= len(CLAUSE_BREAK.findall(self.text, first, last))
        return breaks

    def _lasting_state(self, cue_start: int, cue_end: int, sentence_start: int, sentence_end: int, verbs: frozenset[str]) -> bool:
        """A participle read as a past cue (listed, or ending like a weak simple past: "verboten")
        ending a clause that holds one of the present `verbs`: of "bleiben" ("Der Verkauf bleibt
        bis Ende Juni verboten", "die Messe bleibe bis Freitag abgesagt"), a state that lasts,
        told in the present; not "blieb ... verboten". For a weak form also of "sein" or "werden"
        (`_weak_participle_auxiliaries`: "Baden ist bis Sonntag verboten")."""
        if _clause_last_word(self.text, cue_start, sentence_end) != self.text[cue_start:cue_end]:
            return False
        first = clause_start(self.text, sentence_start, cue_start)
        return any(fold(word) in verbs for word in WORD.findall(self.text, first, cue_start))

    def _weak_preterite(self, start: int, end: int) -> bool:
        """Whether a lower-case word ending like a weak verb's simple past is one ("lehnte ... ab",
        "verhandelten"), not a word of that form the lexicon knows otherwise (a listed cue, a
        subjunctive, the present of a verb whose stem ends in "t", an ordinal, a superlative) nor
        an adjective before its noun (see `not_preterite_stems` in the lexicon)."""
        word = self.text[start:end]
        words = self.lexicon.context
        if word in _listed_cue_words() or word in words["subjunctive_like_preterite"]:
            return False
        if word.endswith(tuple(words["superlative_endings"])) and not word.endswith(tuple(words["preterite_double_s"])):
            return False
        stem = word[:-2] if word.endswith("en") else word[:-1]
        if stem in self.lexicon.ordinal_words or stem.endswith(tuple(words["not_preterite_stems"])):
            return False
        before = self.previous_word(start)
        if fold(before) in words["attributive_before"]:
            return False
        # Between a lower-case word (or a number) and a noun, it is an adjective: "gab es harte
        # Verhandlungen"; after a noun it is the verb: "Am Donnerstag lehnte Israel ... ab".
        return not (self.next_word(end)[:1].isupper() and not before[:1].isupper())

    def direction(self, start: int, end: int) -> int:
        """Past or future as the nearest cue word of the clause (else the sentence) says."""
        return self.tense(start, end)[0]

    def against_tense_days(self, start: int, end: int) -> int:
        return AGAINST_STRONG_TENSE_DAYS if self.tense(start, end)[1] else AGAINST_TENSE_DAYS

    def tense(self, start: int, end: int) -> tuple[int, bool]:
        """Direction of the nearest cue word, and whether it is a strong cue of the same clause.
        Remembered per span: a handler asks for the direction and then for the days against it."""
        found = self._tense_of_span.get((start, end))
        if found is None:
            found = self._tense_of_span[start, end] = self._nearest_cue(start, end)
        return found

    def _nearest_cue(self, start: int, end: int) -> tuple[int, bool]:
        """The tense of the nearest cue word, unless the date's own setting tells another: a move to
        it, "seit" before it, a verb fronted before it or of the thing set, a deadline, a schedule,
        an onset or a present separable verb."""
        sentence_start, sentence_end = self.sentence_bounds(start)
        if self.moved_to(start, end) or self._date_of_thing_agreed(start, end):
            return FUTURE, True
        if self.since(start):
            return PAST, True
        found = self._closest_cue_word(start, end, sentence_start, sentence_end)
        if found[0] != FUTURE and not found[1] and (self._fronted_before_preterite(start, end, sentence_start, sentence_end) or self._past_verb_before(start, end, sentence_start, sentence_end)):
            found = (PAST, True)  # a verb of the same clause, as strong as "hatte"
        if self._scheduled_event_past(start, end, sentence_start, sentence_end):
            return PAST, True  # a verb of the thing set itself, as strong as "hatte"
        if self.scheduled_event_called_off(start, end):
            return FUTURE, False  # weak: the date may be just past (see `scheduled_event_called_off`)
        if found[0] == FUTURE and self._counterfactual_past(start, end, sentence_start, sentence_end):
            return PAST, True
        if found == (FUTURE, True):
            return found  # a strong cue of the same clause: no word before the day overrides it
        setting = self._word_before_day(start)
        words = self.lexicon.context
        if not found[1] and found[0] != FUTURE and setting in words["deadline_before"]:
            past_cues = self._clause_past_cues(start, end, sentence_start, sentence_end)
            if not past_cues:
                # "Die Schule bleibt bis einschließlich Mittwoch geschlossen", "Die Frist läuft bis
                # zum 19. Februar": a deadline or the end of a running state, told outside the past,
                # is still to come (one passed says "lief bis", "war bis").
                return FUTURE, False
            if all(fold(self.text[cue_start:cue_end]) in words["perfect_finite_auxiliaries"] for cue_start, cue_end in past_cues):
                # "Wer bis Ende April keinen Brief erhalten hat": every past cue of the clause is the
                # present auxiliary of a perfect ("hat", "haben"), none a preterite or pluperfect
                # ("hatte", "erhielt"). The perfect with "bis" tells what will have happened by a
                # deadline as often as what has by one just passed; the nearer date is meant, not
                # the one a year back.
                return NEUTRAL, False
            if all(fold(self.text[cue_start:cue_end]) in words["deadline_setting_verbs"] for cue_start, cue_end in past_cues):
                # "Die Polizei sperrte die Straße bis Ende Oktober", "Die Stadt verlängerte das Verbot
                # bis Mitte November": the setting is past, the end it set may still be ahead; the
                # nearer one is meant ("war bis Ende Oktober gesperrt" stays past).
                return NEUTRAL, False
        if not found[1] and (setting in words["scheduling_before"] or self._intended(start, end, sentence_start, sentence_end)):
            return FUTURE, False
        if found[0] != FUTURE and setting in words["onset_before"] and self._present_clause(start, end, sentence_start, sentence_end, "onset_present_verbs"):
            # "Ab Montag gilt ein Tempolimit", "Tickets sind ab Montag erhältlich": what starts on
            # a day and is told in the present starts on the coming one (one begun says "seit").
            return FUTURE, False
        if found[0] == PAST and not found[1] and self._day_of_event_set_for(start):
            # "Für das Spiel am Sonntag wurden 50.000 Karten verkauft": the day of the event the
            # selling was for, not of the selling; the nearest such day, ahead or just past.
            return NEUTRAL, False
        if found == (NEUTRAL, False) and self._present_clause(start, end, sentence_start, sentence_end, "change_present_verbs"):
            # "Der Mindestlohn steigt im Januar auf 13,90 Euro": a rise or fall told in the present
            # with no other cue is announced; weak, so that last month's figures told in the
            # present of a headline ("steigt im Januar" early in February) keep their month.
            return FUTURE, False
        if found[0] != PAST and self._present_separable(start, end, sentence_start, sentence_end):
            # A schedule ("Die Minister kommen am 18. November zusammen"): ahead even when last
            # year's day is nearer to publication, as strong as "wird" (a past one says "kamen").
            return FUTURE, True
        return found

    def _counterfactual_past(self, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
        """ "Die Rakete hätte am Dienstag starten sollen": "hätte" with a modal infinitive ending
        the clause tells what did not happen at a past date, though the verb ("starten") reads
        as a coming schedule."""
        words = self.lexicon.context
        if fold(_clause_last_word(self.text, end, sentence_end)) not in words["modal_infinitives"]:
            return False
        first = clause_start(self.text, sentence_start, start)
        return any(fold(word) in words["counterfactual_auxiliaries"] for word in WORD.findall(self.text, first, start))

    def _present_separable(self, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
        """ "Die Bahn legt am Freitag ihre Bilanz vor", "Am Wochenende fallen viele Züge aus": a
        separable verb in the present, its particle (written lower-case) ending the clause, tells
        a coming event. A past one says "legte ... vor", "fielen ... aus": no past cue word may
        stand in the clause, in whatever case it is written ("KAMEN ... ZUSAMMEN")."""
        particle = _clause_last_word(self.text, end, sentence_end)
        if not particle.islower() or particle not in self.lexicon.context["present_particles"]:
            return False
        first, last = self.clause_bounds(start, end, sentence_start, sentence_end)
        return not any(fold(self.text[cue_start:cue_end]) in self.lexicon.past_cues for cue_start, cue_end in _cue_spans(self.text, first, last))

    def _closest_cue_word(self, start: int, end: int, sentence_start: int, sentence_end: int) -> tuple[int, bool]:
        """(direction, strong) of the cue word nearest the date at `text[start:end]` in its sentence,
        the fewest clauses away first, or (NEUTRAL, False) for none."""
        best = None
        for cue_start, cue_end, direction, speech in self._cues(sentence_start, sentence_end):
            if cue_start >= start and cue_end <= end:
                continue
            if self._early_particle(cue_start, cue_end, start) or self._inside_other_insert(cue_start, start, sentence_start, sentence_end):
                continue
            if direction == PAST and not speech and self._in_other_embedded_clause(cue_start, start, sentence_start):
                continue
            gap_start, gap_end = (cue_end, start) if cue_end <= start else (self._after_apposition(end, cue_start), cue_start)
            breaks = self._clause_breaks(gap_start, gap_end, sentence_start, sentence_end)
            if breaks > MAX_CLAUSES_TO_CUE:
                continue  # a cue several clauses away speaks of something else
            crosses_clause = breaks > 0
            # A verb of saying in another clause gives the report's tense, not the reported
            # date's: any other cue of a near clause goes first ("Der Minister werde, sagte
            # ein Sprecher, am Freitag nach Rom reisen").
            rank = (crosses_clause, crosses_clause and speech, max(gap_end - gap_start, 0))
            if (best is None or rank < best[0]) and not (cue_end <= start and _modal_verb_phrase_pattern().search(self.text, cue_end, start)):
                # (Unless "und sollte" stands between: "war am Sonntag ausgelaufen und sollte am
                # Dienstag festmachen", a verb phrase of its own tense; read only for a nearer cue.)
                word = fold(self.text[cue_start:cue_end])
                strong = not crosses_clause and (word in self.lexicon.strong_tense_cues or self._plan_modal(word, cue_start, cue_end, sentence_end))
                best = (rank, (direction, strong))
        return best[1] if best else (NEUTRAL, False)

    def _in_other_embedded_clause(self, cue_start: int, start: int, sentence_start: int) -> bool:
        """The cue stands in an embedded question or "dass" clause that the date at [start, end) is
        not part of ("Die Familie erfährt am Montag, wie viele Menschen verletzt wurden", "Ob er
        schuldig war, entscheidet das Gericht am Montag"): that clause tells the tense of what is
        asked or said, not of the day it is learned or decided on. The caller reads this for a
        past cue only, and keeps a verb of saying there (", wie die Polizei mitteilte" tells the
        report's own time): a clause without a cue of its own is told in the present, which a
        future in the embedded clause agrees with ("entscheidet am Montag, ob er kommen wird")."""
        earlier, later = sorted((cue_start, start))
        if clause_start(self.text, sentence_start, later) <= earlier:
            return False  # no clause break between the cue and the date: one clause
        opener = WORD.search(self.text, clause_start(self.text, sentence_start, cue_start), cue_start + 1)
        return opener is not None and fold(opener.group()) in self.lexicon.context["embedded_clause_openers"]

    def _plan_modal(self, word: str, cue_start: int, cue_end: int, sentence_end: int) -> bool:
        """ "Im Dezember soll das Museum wieder öffnen", "soll am 2. März eröffnet werden": "soll"
        with a present infinitive is a plan, as sure a future as "wird". Not with a perfect one
        ("soll ... überfallen haben", "soll ... eröffnet worden sein"): hearsay about the past.
        The infinitive ends the clause, or stands right before a verb-final "soll"."""
        if word not in self.lexicon.context["plan_modals"]:
            return False
        infinitive = _clause_last_word(self.text, cue_end, sentence_end) or self.previous_word(cue_start)
        return bool(_INFINITIVE.fullmatch(infinitive)) and infinitive not in self.lexicon.context["perfect_auxiliaries"]

    def _early_particle(self, cue_start: int, cue_end: int, start: int) -> bool:
        """ "startet bereits Ende März", "soll bereits am 5. Januar beginnen": a past cue word
        right before the date (or its preposition) that says the date is early, not that it has
        passed; the verb tells the tense."""
        if fold(self.text[cue_start:cue_end]) not in self.lexicon.context["early_before"] or cue_end > start:
            return False
        between = self.text[cue_end:start].split()
        return not between or (len(between) == 1 and fold(between[0]) in self.lexicon.context["lead_words"])

    def _after_apposition(self, end: int, limit: int) -> int:
        """Where the clause of a date goes on after its apposition ("Am Sonntag, dem Vorabend des
        Streiks, werden ..."): the commas around it break no clause, so the verb after it is still
        the date's own. `end` when no apposition follows the date before `limit`."""
        found = _apposition_pattern().match(self.text, end, limit)
        return found.end() if found else end

    def speech_day(self, end: int) -> date | None:
        """The day a report after `end` in its sentence was made, by its weekday: "..., sagte ein
        Sprecher am Freitag" in an article of Monday is the Friday before (or publication day
        itself). Only for an article dated to its day; the first verb of saying decides."""
        published = self.published
        if published.granularity != "day":
            return None
        sentence_start, sentence_end = self.sentence_bounds(end)
        speech_end = next((cue_end for cue_start, cue_end, _, speech in self._cues(sentence_start, sentence_end) if speech and cue_start >= end), None)
        if speech_end is None:
            return None
        words = [fold(found.group()) for found in islice(WORD.finditer(self.text, speech_end, sentence_end), MAX_SPEECH_DAY_WORDS)]
        for word, next_word in zip(words, words[1:]):
            if word in self.lexicon.context["speech_day_before"] and next_word in self.lexicon.weekdays:
                return published.start - timedelta(days=(published.start.isoweekday() - self.lexicon.weekdays[next_word]) % 7)
        return None

    def moved_to(self, start: int, end: int) -> bool:
        """The new date of a move ("wurde auf den 12. Mai vertagt", "auf Freitag verschoben",
        "auf den Herbst verschoben", "auf frühestens Mitte März verschoben") or the date agreed
        on or set ("hat sich auf den 12. Oktober geeinigt", "wurde auf Mitte Oktober gelegt"):
        it lies ahead of the move, though the move is told in the past, so not the nearest past
        such day. Not the old one: "vom 3. Mai auf den 12. Mai" keeps the tense for "3. Mai"."""
        words = self.lexicon.context
        before, before_start = self._word_over_article(start)
        while fold(before) in words["moved_to_inserts"]:
            before, before_start = self._word_over_article(before_start)
        if fold(before) not in words["moved_to_before"]:
            return False
        return self._clause_sets_date(start, end)

    def _clause_sets_date(self, start: int, end: int) -> bool:
        """The clause of the date [start, end) holds a verb of moving, agreeing on or setting a date."""
        sentence_start, sentence_end = self.sentence_bounds(start)
        first, last = self.clause_bounds(start, end, sentence_start, sentence_end)
        return bool(phrase_pattern("moving_verbs").search(self.text, first, last) or phrase_pattern("date_setting_verbs").search(self.text, first, last))

    def _date_of_thing_agreed(self, start: int, end: int) -> bool:
        """ "Sie haben sich auf einen Gipfel am 12. und 13. Oktober geeinigt": the date of the thing
        agreed on or set (after "auf"/"für", an accusative article, adjectives and the noun, or a
        plural without article: "auf direkte Gespräche am Donnerstag"; or the object right after
        a verb of agreeing: "vereinbarten ein Treffen Anfang Juli") lies ahead of the
        agreement, as the date after "auf" itself does. Not the date of the talks that agreed
        ("haben sich bei einem Treffen am 12. Oktober geeinigt": a dative, no "auf")."""
        words = self.lexicon.context
        noun, noun_start = self._before_enumeration(start)
        if not noun[:1].isupper() or fold(noun) in words["lead_words"]:
            return False  # (a capital tells no noun in a sentence all in capitals: "TREFFEN IM MAI")
        article, article_start = self.previous_word_at(noun_start)
        for _ in range(MAX_AGREED_THING_ADJECTIVES):
            # (A word all in capitals is read in lower case: "AUF NEUE VERHANDLUNGEN".)
            if fold(article) in words["agreed_thing_articles"] or not _ATTRIBUTIVE_ADJECTIVE.fullmatch(article.lower() if article.isupper() else article):
                break
            article, article_start = self.previous_word_at(article_start)  # "auf direkte Gespräche am Donnerstag"
        if fold(article) in words["agreed_thing_articles"]:
            before_article = fold(self.previous_word(article_start))
            if before_article in words["date_setting_verbs"]:
                return True  # its object: "vereinbarten ein Treffen Anfang Juli", the meeting agreed
        else:
            before_article = fold(article)  # a plural without article: "auf Gespräche am Donnerstag"
        if before_article not in words["moved_to_before"] | words["scheduling_before"]:
            return False
        return self._clause_sets_date(start, end)

    def since(self, start: int) -> bool:
        """The date a state began that lasts until now ("seit Januar", "seit dem 1. Januar"): it
        lies before publication whatever the verb, however near the coming such date is."""
        return fold(self._word_over_article(start)[0]) in self.lexicon.context["since_before"]

    def _scheduled_event_past(self, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
        """ "Ein für Freitag geplantes Telefonat kam nicht zustande": a date something was set
        "für" lies ahead of the setting, unless a past tells that the thing itself took place or
        failed (lexicon scheduled_event_past); then its date has passed as well. That verb stands
        in the date's clause, or opens the clause right after it, going on with the same subject
        ("war für Freitag angesetzt, tagte dann aber erst am Montag"; "Die Kundgebung, die für
        Freitag geplant war, fand nicht statt"). A past of setting, announcing or calling off
        ("kündigte für Mittwoch Gespräche an", "das für Donnerstag vorgesehen war, ist abgesagt
        worden") says nothing of the date: it stays ahead (a calling off only weakly:
        `scheduled_event_called_off`). The date's clause is taken from the
        last verb-joining word before the date on ("tagte am Montag und setzte eine Sitzung für
        Freitag an": the Monday's verb is not the Friday's)."""
        return any(self._listed_verb(word, sentence_end, "scheduled_event_past") for word in self._scheduled_event_verbs(start, end, sentence_start, sentence_end))

    def scheduled_event_called_off(self, start: int, end: int) -> bool:
        """ "Das für Freitag geplante Konzert ist abgesagt worden": a thing set "für" the date [start,
        end) and called off, told in the past (lexicon scheduled_event_called_off). The plan
        says the date lay ahead of the setting, but the report may come right after it: the
        future is only a weak cue (last week's "18. Juli" beats next year's), and a weekday that
        was yesterday is yesterday (a Saturday's "für Freitag" is the concert of Friday evening;
        a Wednesday's "für Montag" the coming Monday). Called off in the present ("wird
        abgesagt") the date stays ahead."""
        sentence_start, sentence_end = self.sentence_bounds(start)
        verbs = self._scheduled_event_verbs(start, end, sentence_start, sentence_end)
        if not any(self._listed_verb(word, sentence_end, "scheduled_event_called_off") for word in verbs):
            return False
        return any(direction == PAST and verbs[0].start() <= cue_start and cue_end <= verbs[-1].end() for cue_start, cue_end, direction, _ in self._cues(sentence_start, sentence_end))

    def _scheduled_event_verbs(self, start: int, end: int, sentence_start: int, sentence_end: int) -> list[re.Match[str]]:
        """The words that may hold the verb of a thing set "für" the date [start, end): those of
        the date's clause from the last verb-joining word before the date on, and the word opening
        the next clause; none when the date is not set "für"."""
        words = self.lexicon.context
        if fold(self._word_over_article(start)[0]) not in words["scheduling_before"]:
            return []
        text = self.text
        first, last = self.clause_bounds(start, end, sentence_start, sentence_end)
        for join in phrase_pattern("verb_phrase_joins").finditer(text, first, start):
            first = join.end()
        verbs = list(WORD.finditer(text, first, last))
        next_clause = WORD.finditer(text, last, clause_end(text, last + 1, sentence_end))
        opening = next((word for word in next_clause if fold(word.group()) not in words["verb_phrase_joins"]), None)
        if opening is not None:
            verbs.append(opening)
        return verbs

    def _listed_verb(self, word: re.Match[str], sentence_end: int, name: str) -> bool:
        """`word` is a verb of the context list `name` of "verb particle" pairs, with its particle
        where it needs one ("kam ... zustande", "sagte ... ab")."""
        particles = _particle_verbs(name).get(fold(word.group()))
        return particles is not None and (not particles or self._has_particle(word.start(), word.end(), sentence_end, particles))

    def _has_particle(self, verb_start: int, verb_end: int, sentence_end: int, particles: frozenset[str]) -> bool:
        """A separable verb's particle ends its clause ("kam nicht zustande") or, in a
        subordinate clause, stands right before the verb ("weil es nicht zustande kam")."""
        return fold(_clause_last_word(self.text, verb_end, sentence_end)) in particles or fold(self.previous_word(verb_start)) in particles

    def _fronted_before_preterite(self, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
        """ "Im März zählte die Polizei 500 Verletzte": a date opening the sentence is followed by
        its finite verb, and a lower-case one ending like a weak verb's simple past ("zählte",
        "registrierten") tells the past, though no listed cue word does. A subjunctive of the
        same form ("könnte", "sollten") does not."""
        words = self.lexicon.context
        night = _night_phrase_pattern().search(self.text, max(sentence_start, start - 40), start)
        if night is not None:
            start = night.start()  # "In der Nacht zum 20. Juni brannten ...": as "Am 20. Juni brannten"
        leading = self.text[sentence_start:start].strip(" \t\"'»«„“(").split()
        if len(leading) > 2 or any(fold(word) not in words["lead_words"] | words["month_prepositions"] for word in leading):
            return False
        if len(leading) == 2 and fold(leading[0]) in words["articles"]:
            return False  # "Das für Freitag angesetzte Derby": inside a noun, before its attribute
        if leading and fold(leading[-1]) in words["scheduling_before"]:
            return False  # "Für Montag kündigte die IG Metall Streiks an": the day set, ahead of the setting
        verb = self.next_word(end)
        if verb.isupper() and self._all_capitals(sentence_start, sentence_end):
            # "AM FREITAG MELDETE DIE POLIZEI ...": in capitals the place after the fronted date
            # tells the verb, as no case does; an ordinal or superlative there opens a headline
            # with no verb ("AM FREITAG ERSTE GESPRÄCHE", "IM MAI LETZTE CHANCE").
            verb = verb.lower()
            stem = verb[:-2] if verb.endswith("en") else verb[:-1]
            if stem in self.lexicon.ordinal_words or verb.endswith(tuple(words["superlative_endings"])):
                return False
        return verb[:1].islower() and verb.endswith(tuple(words["preterite_endings"])) and fold(verb) not in words["subjunctive_like_preterite"]

    def _past_verb_before(self, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
        """ "Die Polizei durchsuchte am 20. Dezember drei Wohnungen", "Der Angriff wurde am 3.
        Januar entdeckt": the finite verb of the clause right before the date's preposition, a past
        cue or a weak verb's simple past, tells the past as surely as a fronted one. A finite
        "hat"/"haben" is a perfect only with a participle ending the clause ("haben am 20. Dezember
        die Stadt angegriffen"), not with a noun or an infinitive with zu ("hat am 20. Dezember
        Geburtstag") nor a participle of a state ("haben am 24. Dezember geöffnet")."""
        words = self.lexicon.context
        night = _night_phrase_pattern().search(self.text, max(sentence_start, start - 40), start)
        if night is not None:
            preposition_start = night.start()  # "zündeten in der Nacht zum 20. Juni ... an", as "zündeten am 20. Juni"
        else:
            preposition, preposition_start = self.previous_word_at(start)
            if fold(preposition) not in words["past_verb_prepositions"]:
                return False
        verb, verb_start = self.previous_word_at(preposition_start)
        if fold(verb) in words["reflexive_pronouns"]:
            verb, verb_start = self.previous_word_at(verb_start)  # "trafen sich am 3. August"
        verb_end = verb_start + len(verb)  # not at a comma: "drohten, am Montag ... einzustellen" is another clause
        if not any(cue_start == verb_start and cue_end == verb_end and direction == PAST for cue_start, cue_end, direction, _ in self._cues(sentence_start, sentence_end)):
            return False
        if fold(verb) in words["early_before"]:
            return False  # "soll bereits am 5. Januar beginnen": early, not past
        if fold(verb) not in words["perfect_finite_auxiliaries"]:
            return True
        participle = _clause_last_word(self.text, end, sentence_end)
        clause_tail = self.text[end : clause_end(self.text, end, sentence_end)]
        return bool(_PARTICIPLE.fullmatch(participle)) and participle not in words["state_participles"] and not ZU_INFINITIVE.search(clause_tail)

    def _day_of_event_set_for(self, start: int) -> bool:
        """ "für das Spiel am Sonntag", "für den Berlin-Marathon am Sonntag": a day after "am" that
        belongs to a noun (perhaps after an adjective) led by a word of `event_set_for_before`."""
        return _event_set_for_pattern().search(self.text, max(0, start - 80), start) is not None

    def _present_clause(self, start: int, end: int, sentence_start: int, sentence_end: int, verbs: str) -> bool:
        """The clause of the date is told in the present: it holds a present verb of the lexicon
        list `verbs` (of being in force or on offer: "gilt", "sind", "gibt", "kostet"; of a rise
        or fall: "steigt") and no past cue of its own ("Ab Montag galt ...", "ab Montag war ...
        gesperrt")."""
        if self._clause_past_cues(start, end, sentence_start, sentence_end):
            return False
        first, last = self.clause_bounds(start, end, sentence_start, sentence_end)
        present = self.lexicon.context[verbs]
        return any(fold(word) in present for word in WORD.findall(self.text, first, last))

    def _clause_past_cues(self, start: int, end: int, sentence_start: int, sentence_end: int) -> list[tuple[int, int]]:
        """Start and end of each past cue word in the clause of the date [start, end)."""
        first, last = self.clause_bounds(start, end, sentence_start, sentence_end)
        return [
            (cue_start, cue_end)
            for cue_start, cue_end, direction, _ in self._cues(sentence_start, sentence_end)
            if first <= cue_start and cue_end <= last and direction == PAST
        ]

    def _word_before_day(self, start: int) -> str:
        """ "für Mittwoch", "ab den 12. März": the folded word before a day (over an article and
        the days listed before it), or "" when the expression at `start` is no day. A day set
        "für" lies ahead of the setting ("kündigte für Mittwoch Gespräche an"); only a day, or
        a part of a month, as near a point as a day ("hat für Ende Januar ein Treffen
        angekündigt", "bleibt bis Ende Juni verboten", "bis zum Jahresende"): "die Zahlen für
        November" are as often last month's figures. After "ab" also a month ("Ab Januar gilt")."""
        words = self.lexicon.context
        before, before_start = self._word_over_article(start)
        while fold(before) in words["deadline_inserts"]:
            before, before_start = self.previous_word_at(before_start)
        # "bleibt noch bis Mittwoch" is a deadline; "von Montag bis Mittwoch" the end of a range.
        deadline = fold(before) in words["deadline_before"] and not self._listed_day(self.previous_word(before_start))
        if not deadline and (fold(before) in words["enumeration_words"] or before.endswith(",")):
            before = self._before_enumeration(start)[0]
        before = fold(before)
        if before not in words["scheduling_before"] and before not in words["onset_before"] and before not in words["deadline_before"]:
            return ""
        first = _FIRST_WORD.match(self.text, start, min(len(self.text), start + 40))
        if first is not None and fold(first.group(1)) in words["articles"]:
            first = _FIRST_WORD.match(self.text, first.end(), min(len(self.text), first.end() + 40))
        if first is None:
            return ""
        head = fold(first.group(1))
        if (before in words["scheduling_before"] or before in words["deadline_before"]) and (self._part_of_month(first) or head in self.lexicon.period_part_nouns):
            return before
        if before in words["onset_before"] and (head in self.lexicon.months or self._part_of_month(first)):
            return before  # "Ab Januar gibt es 13,90 Euro": what starts with a month (see `_nearest_cue`)
        return before if head[:1].isdecimal() or any(head.startswith(day) for day in self.lexicon.weekdays) else ""

    def _part_of_month(self, part: re.Match) -> bool:
        """The word `part` found is a part of a period and a month follows it ("Ende Januar")."""
        if fold(part.group(1)) not in self.lexicon.period_parts:
            return False
        return fold(self.next_word(part.end())) in self.lexicon.months

    def _before_enumeration(self, offset: int) -> tuple[str, int]:
        """The word before the days listed up to `offset` ("für Mittwoch, Donnerstag und", "für
        den 5. und") and where it starts: the later days of a list are set for what the first is
        set for. Only days (weekdays, day numbers, months), articles and joining words are walked
        over. ("", `offset`) when none is found."""
        words = self.lexicon.context
        for _ in range(MAX_LISTED_WORDS):
            before, before_start = self.previous_word_at(offset)
            if not before:
                return "", offset
            word = fold(before.rstrip(","))
            listed = self._listed_day(word) or word in words["enumeration_words"] or word in words["enumeration_articles"] or word in words["articles"]
            if not listed:
                return before, before_start
            offset = before_start
        return "", offset

    def _listed_day(self, word: str) -> bool:
        """A word naming a day of a list: a day number, a weekday or a month."""
        word = fold(word.rstrip(","))
        return word[:1].isdecimal() or word in self.lexicon.weekdays or word in self.lexicon.months

    def deadline(self, start: int) -> bool:
        """The day at `start` ends a span after "bis" ("bis einschließlich Mittwoch"), not a range's end."""
        return self._word_before_day(start) in self.lexicon.context["deadline_before"]

    def _intended(self, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
        """A date in a zu-infinitive after a verb of announcing or planning lies ahead of the
        plan, whatever tense the plan is told in ("kündigte an, am Mittwoch vor Gericht zu
        ziehen"); not a perfect infinitive ("bestritt, am Mittwoch dort gewesen zu sein")."""
        text = self.text
        infinitive = self._zu_infinitive(end, clause_end(text, end, sentence_end), sentence_start, sentence_end) or self._zu_infinitive(
            end, self._clause_end_over_enumeration(end, sentence_end), sentence_start, sentence_end
        )
        if infinitive is None or fold(infinitive.group("verb") or "") in self.lexicon.context["perfect_auxiliaries"]:
            return False
        first = clause_start(text, sentence_start, start)
        # The plan's verb stands in a clause before the infinitive's.
        return first > sentence_start and bool(phrase_pattern("intention_verbs").search(text, sentence_start, first))

    def _zu_infinitive(self, start: int, stop: int, sentence_start: int, sentence_end: int) -> re.Match[str] | None:
        """`ZU_INFINITIVE` ending text[start:stop]; in a sentence written all in capitals, read in
        the lower-case copy of the stretch ("KÜNDIGTE AN, AM FREITAG ZU KLAGEN")."""
        if self._all_capitals(sentence_start, sentence_end):
            return ZU_INFINITIVE.search(self.text[start:stop].lower())
        return ZU_INFINITIVE.search(self.text, start, stop)

    def _clause_end_over_enumeration(self, offset: int, sentence_end: int) -> int:
        """Where the clause that goes on at `offset` ends when the commas of an enumeration of
        nouns ("Vertreter der Branche, der Länder und der Kommunen einzuladen") do not end it: a
        comma followed by a noun phrase (an article, an adjective, capitalised words) and then
        another comma or "und"/"oder" continues the clause."""
        text = self.text
        end = clause_end(text, offset, sentence_end)
        while end < sentence_end and (item := _listed_noun_phrase_pattern().match(text, end, sentence_end)) is not None:
            end = clause_end(text, item.end(), sentence_end)
        return end

    def clause_bounds(self, start: int, end: int, sentence_start: int, sentence_end: int) -> tuple[int, int]:
        """Where the clause of the expression [start, end) begins and ends in its sentence."""
        return clause_start(self.text, sentence_start, start), clause_end(self.text, end, sentence_end)

    def _word_over_article(self, offset: int) -> tuple[str, int]:
        """`previous_word_at(offset)`, or the word before it when it is an article: the
        preposition of "auf den 12. Mai", "für Freitag"."""
        before, before_start = self.previous_word_at(offset)
        if fold(before) in self.lexicon.context["articles"]:
            return self.previous_word_at(before_start)
        return before, before_start

    def previous_word(self, offset: int) -> str:
        """The last run of non-blanks in the 40 characters before `offset`, if blanks follow it
        up to `offset` (what `(\\S+)\\s+$` finds there; `str` and `re` agree on what a blank is),
        without the quotation marks or brackets opening it."""
        return self.previous_word_at(offset)[0]

    def previous_word_at(self, offset: int) -> tuple[str, int]:
        """`previous_word(offset)` and where it starts (`offset` when there is none). Remembered
        per offset: the handlers and the tense reading ask for the word before the same date
        start two or three times ("seit", "für", a year's cue)."""
        found = self._previous_words.get(offset)
        if found is None:
            found = self._previous_words[offset] = self._read_previous_word(offset)
        return found

    def _read_previous_word(self, offset: int) -> tuple[str, int]:
        """The word without the quotation marks or brackets opening it: "„Seit Mai", "(im Mai"
        read "Seit", "im" as the cue words they are. A run of such marks alone stays itself."""
        window_start = max(0, offset - 40)
        window = self.text[window_start:offset]
        before_blanks = window.rstrip()
        if len(before_blanks) == len(window) or not before_blanks:
            return "", offset
        run = before_blanks.rsplit(None, 1)[-1]
        word = run.lstrip(OPENING_MARKS) or run
        return word, window_start + len(before_blanks) - len(word)

    def next_word(self, offset: int) -> str:
        match = _NEXT_WORD.match(self.text, offset, min(len(self.text), offset + 40))
        return match.group(1) if match else ""

    def year_hint(self, offset: int, month: int | None = None, end: int | None = None) -> int | None:
        """An explicit year named earlier in the same sentence anchors an underspecified date.
        A month before the anchor's, after a word that moves the story on ("im November 2019
        ..., danach am 20. Januar") or before a verb of following right after the date (`end`:
        "..., am 20. Januar folgte das Urteil"), is in the year after it; without such a word the
        year stays (a reader cannot tell "am 20. Januar" looked back or on). A genitive year
        right after the date (`end`: "im März des Jahres 2022") is its year, before all these."""
        if end is not None and (genitive := _GENITIVE_YEAR.match(self.text, end)) and phrase_pattern("year_genitive").fullmatch(genitive.group(1)):
            return int(genitive.group(2))
        if self.explicit_year is None:
            return None
        year, year_offset = self.explicit_year
        if self.sentence_bounds(offset)[0] > year_offset:
            return None
        if self.split_year is not None and self.split_year[1] == year_offset:
            return _year_within(self.split_year[0], month)
        anchor = self.anchor_month
        if month is not None and anchor is not None and anchor[1] == year_offset and month < anchor[0]:
            if phrase_pattern("moves_forward").search(self.text, anchor[2], offset):
                return year + 1
            if end is not None and fold(self.next_word(end)) in self.lexicon.context["follows_verbs"]:
                return year + 1
        return year


# How many attributive adjectives may stand between the article (or "auf") and the noun of a thing
# agreed on: "auf direkte Gespräche", "auf einen neuen zweitägigen Gipfel".
MAX_AGREED_THING_ADJECTIVES = 3
# A lower-case word with an adjective's ending before its noun: "direkte", "neuen", "zweitägigen".
_ATTRIBUTIVE_ADJECTIVE = re.compile(r"[a-zäöüß]+e[nmrs]?")
# A genitive and a four-digit year after a date: "des Jahres 2022" (lexicon year_genitive).
_GENITIVE_YEAR = re.compile(r"\s+(\w+\s+\w+)\s+(\d{4})(?![\d.,]?\d)")


def _year_within(span: Period, month: int | None) -> int | None:
    """ "Die Saison 2025/26 (July to June) endet am 30. Mai": of the span's two years, the one in
    which the month lies inside it (2026). None when both do (a business year, whose months the
    text does not give) or no month is named: the date is then resolved as without the span."""
    if month is None:
        return None
    years = [year for year in (span.start.year, span.end.year) if span.start <= date(year, month, 1) <= span.end]
    return years[0] if len(years) == 1 else None


@lru_cache(maxsize=1)
def _listed_noun_phrase_pattern() -> re.Pattern[str]:
    """A comma and one noun phrase of an enumeration up to the next item's comma or the joining
    "und"/"oder": ", der Länder und", ", betroffene Kommunen,"; a lexicon article, lower-case
    adjectives, then up to three capitalised words."""
    context = dates_lexicon().context
    articles = word_alternation(context["articles"] | context["indefinite_articles"], ignore_case=True)
    joins = word_alternation(context["noun_list_joins"], ignore_case=True)
    # The article and the joining word in any case: "…, DER SCHULEN SOWIE DER KIRCHEN" in capitals.
    return re.compile(
        rf",\s+(?:(?i:{articles})\s+)?(?:[a-zäöüß]+e[nmrs]?\s+)*(?:[A-ZÄÖÜ][\w-]*\s*){{1,3}}(?=,|(?i:{joins})\s)"
    )


@lru_cache(maxsize=1)
def _night_phrase_pattern() -> re.Pattern[str]:
    """ "in der Nacht zum ", "in der Nacht auf den " right before a day (lexicon night_openings,
    night_before): the phrase that stands where "am" stands before a day."""
    context = dates_lexicon().context
    openings = word_alternation(context["night_openings"], r"\s+", ignore_case=True)
    nights = word_alternation(context["night_before"], r"\s+", ignore_case=True)
    return re.compile(rf"(?<!\w)(?:{openings})\s+(?:{nights})\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _event_set_for_pattern() -> re.Pattern[str]:
    """The words before the day of an event a thing is for, up to "am" (`_day_of_event_set_for`)."""
    leads = word_alternation(dates_lexicon().context["event_set_for_before"], r"\s+", ignore_case=True)
    return re.compile(rf"(?<!\w)(?i:{leads})\s+(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ][\w-]*\s+(?i:am)\s+$")


@lru_cache(maxsize=None)
def phrase_pattern(name: str) -> re.Pattern[str]:
    """Any phrase of the context word list `name`, as whole words."""
    return re.compile(r"(?<!\w)" + word_alternation(dates_lexicon().context[name], r"\s+", ignore_case=True) + r"(?!\w)", re.IGNORECASE)


# Matches a lower-case infinitive with zu that ends the clause: "zu ziehen", "zu streiken" or a
# particle verb's "vorzulegen", "anzutreten" (not "zu den Gesprächen").
ZU_INFINITIVE = re.compile(r"(?:(?<!\w)zu\s+(?P<verb>[a-zäöüß]+(?:en|ern|eln))|(?<!\w)[a-zäöüß]{2,}zu[a-zäöüß]+(?:en|ern|eln))[\s.!?\"'»«“”)]*$")
# A lower-case infinitive: "öffnen", "werden", "verhandeln", "ändern".
_INFINITIVE = re.compile(r"[a-zäöüß]+(?:en|ern|eln)")
# A lower-case word ending like a past participle: "angegriffen", "entdeckt", "geeinigt".
_PARTICIPLE = re.compile(r"[a-zäöüß]+(?:t|en)")
_FIRST_WORD = re.compile(r"\s*(\w+)")
WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"\s*([^\s,.;:!?)»«\"]+|\S)")
