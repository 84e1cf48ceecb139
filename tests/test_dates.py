"""Dates: the example corpus, the TimeML reader, the TempEval-3 scorer, and the KRAUTS benchmark.

The corpus (tests/corpus/de/dates.yaml) is run by one parametrised test; each case lists every
date claim its text holds, so a missing, extra or wrongly resolved date fails the case.
"""

from __future__ import annotations

import bisect
import calendar
import importlib.util
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from checker.document import Document
from checker.eval_timeml import Counts, align, count, report
from checker.extract.dates import extract_dates, find_temporal_expressions
from checker.published import PublicationDate
from checker.timeml import Timex, parse_timeml

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT / "tests" / "corpus" / "de" / "dates.yaml"
KRAUTS = REPO_ROOT / ".." / "shared" / "data" / "krauts"
HEIDELTIME_VALUE_F1 = {"KRAUTS_DieZeit": 0.570, "KRAUTS_Dolomiten-100": 0.726}


def _cases() -> list:
    cases = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    params = []
    for case in cases:
        published = str(case["published"])
        label = case["dates"][0]["text"] if case["dates"] else case["text"][:40]
        params.append(pytest.param(case, id=f"dates.yaml::{published}::{label}"))
    return params


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _implied_interval(timex: str) -> tuple[date, date] | None:
    """The interval a plain day, month or year TIMEX3 value names."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", timex)
    if not match:
        return None
    year = int(match.group(1))
    if match.group(3):
        day = date(year, int(match.group(2)), int(match.group(3)))
        return day, day
    if match.group(2):
        month = int(match.group(2))
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


@pytest.mark.parametrize("case", _cases())
def test_corpus(case):
    published = PublicationDate.parse(str(case["published"]))
    doc = Document(article="case", text=case["text"], published=published)
    claims = extract_dates(doc)
    found = [doc.text[claim.span_start : claim.span_end] for claim in claims]
    expected = case["dates"]
    assert found == [str(item["text"]) for item in expected], f"date claims in {case['text']!r}"
    for claim, item in zip(claims, expected):
        timex = str(item["timex"])
        assert claim.date_timex == timex, item["text"]
        implied = _implied_interval(timex)
        for bound in ("start", "end"):
            actual = getattr(claim, f"date_{bound}")
            if bound in item:
                assert actual == _as_date(item[bound]), f"{item['text']}: {bound}"
            elif implied is not None:
                assert actual == implied[0 if bound == "start" else 1], f"{item['text']}: {bound}"
            elif timex.endswith("_REF"):
                # Open on the side the vague reference does not bound.
                assert actual is None or (bound == "start" and timex == "PRESENT_REF"), f"{item['text']}: {bound}"
        if "granularity" in item:
            assert claim.date_granularity == item["granularity"], item["text"]
        if "weekday" in item:
            assert claim.date_weekday == item["weekday"], item["text"]


def test_claims_quote_the_text_and_are_sorted():
    text = "Am 7. Dezember hatten sie telefoniert; am 10. Januar wollen sie sich in Genf treffen. Vor zwei Wochen war es ruhig."
    doc = Document(article="a", text=text, published=PublicationDate.parse("2021-12"))
    claims = extract_dates(doc)
    assert [doc.text[c.span_start : c.span_end] for c in claims] == ["7. Dezember", "10. Januar", "Vor zwei Wochen"]
    assert claims == sorted(claims, key=lambda c: (c.span_start, c.span_end))
    assert all(claim.kind == "date" for claim in claims)


def test_expression_types():
    text = "Der Streik dauerte drei Tage. Die Bibliothek ist montags geöffnet. Am Dienstagabend und am 3. Mai."
    types = {text[e.start : e.end]: e.type for e in find_temporal_expressions(text, PublicationDate.parse("2023-05-17"))}
    assert types == {"drei Tage": "DURATION", "montags": "SET", "Dienstagabend": "TIME", "3. Mai": "DATE"}


@pytest.mark.parametrize(
    "text",
    ["Der Verein verlor 5-3. Mai und Juni brachten kaum Siege.", "Lesen Sie auf Seite 12 - 13. Mai war der Stichtag.", "Es kamen rund 10 bis 12. Mai"],
)
def test_bare_number_before_a_dash_stays_a_count(text):
    """The first number of a dash range without its full stop is a day only when it is the earlier
    day and no count; whatever the date after it is, the number itself is none."""
    expressions = find_temporal_expressions(text, PublicationDate.parse("2022-09-20"))
    assert not any(text[e.start : e.end].isdigit() for e in expressions)


def test_header_is_skipped():
    text = "date 2021-12\nAm 7. Dezember hatten sie telefoniert."
    doc = Document(article="a", text=text, published=PublicationDate.parse("2021-12"), body_start=13)
    assert [doc.text[c.span_start : c.span_end] for c in extract_dates(doc)] == ["7. Dezember"]


WEEKDAY_SENTENCES = [
    "Mit einem Telefonat versuchen am Donnerstag die Präsidenten, den Streit zu entschärfen.",
    "Die Präsidenten werden am Donnerstag telefonieren.",
    "Es soll am Donnerstagabend stattfinden.",
    "Die Polizei hatte ihn am späten Dienstagabend festgenommen.",
    "Am vergangenen Dienstag traf er ihn.",
    "Am kommenden Freitag treffen sie sich.",
    "Am übernächsten Freitag treffen sie sich.",
    "Donnerstag nächster Woche treffen sie sich.",
    "An diesem Samstag beginnt das Turnier.",
    "Der Videogipfel am Dienstag dauerte zwei Stunden. Am Mittwoch folgte ein Telefonat.",
]


@pytest.mark.parametrize("published", ["2021-12", "2022-02", "2021"])
@pytest.mark.parametrize("text", WEEKDAY_SENTENCES)
def test_weekday_in_a_coarse_article_is_every_such_day(text, published):
    """An article dated only to the month or year: a bare weekday is the interval of the days
    with that weekday that fit, never one invented day."""
    doc = Document(article="w", text=text, published=PublicationDate.parse(published))
    claims = [claim for claim in extract_dates(doc) if claim.date_weekday]
    assert claims, text
    for claim in claims:
        assert claim.date_start < claim.date_end, doc.text[claim.span_start : claim.span_end]
        assert claim.date_start.isoweekday() == claim.date_end.isoweekday() == claim.date_weekday
        assert claim.date_timex.startswith(f"XXXX-WXX-{claim.date_weekday}")


@pytest.mark.parametrize(
    "text",
    ["", "\x00\x01", "31.02.", "99.99.9999", "am 0. Januar", "vor 999 Jahren", "im Jahr 0", "Ende 9999",
     "Jahr 10000", "vom 40. bis 45. März", "12.13.", "Montag" * 500, "\u200b2014\u200b"],
)
def test_odd_input_never_raises(text):
    for published in ("0001", "9999-12", "2021-12-31"):
        doc = Document(article="x", text=text, published=PublicationDate.parse(published))
        for claim in extract_dates(doc):
            assert 0 <= claim.span_start < claim.span_end <= len(text)


# --- TimeML reader -----------------------------------------------------------------------------

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2014-02-21">21.02.2014</TIMEX3></DCT>
<TEXT>Am <TIMEX3 tid="t1" type="DATE" value="2014-02-20">gestern</TIMEX3> &amp; <TIMEX3 tid="t2" type="DURATION" value="P2Y">zwei Jahre</TIMEX3><TIMEX3 tid="t3" type="DATE" value="2012"/> lang.</TEXT>
</TimeML>"""


def test_parse_timeml_text_offsets_and_dct():
    document = parse_timeml(TIMEML)
    assert document.text == "Am gestern & zwei Jahre lang."
    assert document.dct == "2014-02-21"
    assert [(t.text, t.type, t.value) for t in document.timexes] == [
        ("gestern", "DATE", "2014-02-20"),
        ("zwei Jahre", "DURATION", "P2Y"),
        ("", "DATE", "2012"),
    ]
    for timex in document.timexes:
        assert document.text[timex.start : timex.end] == timex.text
    text_only = parse_timeml(TIMEML, with_timexes=False)  # what the corpus reader asks for
    assert (text_only.text, text_only.dct, text_only.timexes) == (document.text, document.dct, [])


@pytest.mark.parametrize(
    "raw, reason",
    [("<TimeML><DCT/></TimeML>", "no TEXT"), ("<TimeML><TEXT>offen</TimeML>", "not well-formed"), ("", "not well-formed")],
)
def test_parse_timeml_rejects_broken_input(raw, reason):
    with pytest.raises(ValueError, match=reason):
        parse_timeml(raw)


def test_parse_timeml_without_dct():
    assert parse_timeml("<TimeML><TEXT>ohne</TEXT></TimeML>").dct is None


# --- scorer ------------------------------------------------------------------------------------


def _timex(start: int, end: int, value: str, type_: str = "DATE") -> Timex:
    return Timex(start, end, type_, value, "")


def test_scorer_strict_relaxed_and_value():
    gold = [_timex(0, 10, "2014-01-10"), _timex(20, 25, "2014"), _timex(30, 35, "PRESENT_REF"), _timex(40, 40, "2012")]
    system = [
        _timex(0, 10, "2014-01-10"),  # strict, value right
        _timex(18, 25, "2013"),  # relaxed only, value wrong
        _timex(50, 55, "2015"),  # spurious
        _timex(30, 35, "P1D", "DURATION"),  # other type: not scored
    ]
    counts = count(align(gold, system))
    assert counts == Counts(system=3, gold=3, strict=1, relaxed=2, value=1)
    scores = report(counts)
    assert scores.strict.f1 == pytest.approx(1 / 3)
    assert scores.relaxed.f1 == pytest.approx(2 / 3)
    assert scores.value.precision == pytest.approx(1 / 3)


def test_scorer_matches_each_expression_once():
    gold = [_timex(0, 5, "2014"), _timex(6, 10, "2015")]
    system = [_timex(0, 10, "2014")]
    counts = count(align(gold, system))
    assert (counts.relaxed, counts.strict, counts.value) == (1, 0, 1)


# --- KRAUTS ------------------------------------------------------------------------------------


def _benchmark():
    spec = importlib.util.spec_from_file_location("krauts_dates", REPO_ROOT / "tests" / "benchmarks" / "krauts_dates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("part", sorted(HEIDELTIME_VALUE_F1))
def test_krauts_value_f1_beats_heideltime(part):
    if not (KRAUTS / part).is_dir():
        pytest.skip(f"KRAUTS data not found at {KRAUTS / part} (shared data folder absent)")
    results = _benchmark().score_part(KRAUTS, part)
    checker_value_f1 = report(results["checker"][0]).value.f1
    assert checker_value_f1 > HEIDELTIME_VALUE_F1[part]
    if "HeidelTime" in results:
        assert checker_value_f1 > report(results["HeidelTime"][0]).value.f1


# --- lexicon -----------------------------------------------------------------------------------


def test_date_lexicon_defects_name_the_file():
    import copy

    from checker.extract.dates_lexicon import build_dates_lexicon
    from checker.lexicon import LexiconError, load_lexicon

    good = load_lexicon("dates")
    build_dates_lexicon(good)
    broken_cases = [
        ("months", {"Januar": 13}),
        ("weekdays", {"Montag": "eins"}),
        ("seasons", {"Sommer": "XX"}),
        ("vague", {"PRESENT_REF": ["jetzt"]}),
        ("tense_cues", {"past": ["war"]}),
    ]
    for key, value in broken_cases:
        broken = copy.deepcopy(good)
        broken[key] = value
        with pytest.raises(LexiconError, match=r"dates\.yaml"):
            build_dates_lexicon(broken)
    missing = copy.deepcopy(good)
    del missing["months"]
    with pytest.raises(LexiconError, match=r"dates\.yaml.*months"):
        build_dates_lexicon(missing)


def test_fast_scan_finds_what_the_full_pattern_finds():
    from checker.extract.dates_patterns import iter_matches, temporal_pattern

    cases = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    text = "\n".join(case["text"] for case in cases) + "\nIn den zwanziger Jahren, vor drei Tagen, zur Zeit, im Moment."
    full = [(m.start(), m.end(), m.lastgroup) for m in temporal_pattern().finditer(text)]
    fast = [(m.start(), m.end(), m.lastgroup) for m in iter_matches(text)]
    assert fast == full


@pytest.mark.parametrize("start", range(6))
def test_fast_scan_finds_expressions_at_the_start_and_right_after_another(start):
    """The scan matches the character before an expression: "Jan.Feb. 2021" has the second right
    after the full stop the first ends with, and "Gestern" begins the text."""
    from checker.extract.dates_patterns import iter_matches, temporal_pattern

    text = "Gestern im Mai 2020/Jan.Feb. 2021"
    full = [(m.start(), m.end(), m.lastgroup) for m in temporal_pattern().finditer(text, start)]
    fast = [(m.start(), m.end(), m.lastgroup) for m in iter_matches(text, start)]
    assert fast == full
    assert ("mo", "my") == tuple(found[2] for found in full[-2:]) and full[-2][1] == full[-1][0]


@pytest.mark.parametrize(
    "text",
    [
        # Lowers exactly: the scan reads the lower-case copy.
        "Am FREITAG, 3. Januar, in ÖSTERREICH, im Café und in Ελλάδα; Q3 2021, h1 2022",
        # The long s: IGNORECASE reads "ſamstag" as "Samstag", lower() keeps the "ſ".
        "Am ſamstag, dem 3. Januar 2015, und am Montag",
        # The dotted capital I lowers to two characters.
        "İm März 2020 und am DIENSTAG",
    ],
)
def test_fast_scan_reads_the_lower_case_copy_only_where_it_finds_the_same(text):
    from checker.extract.dates_patterns import iter_matches, temporal_pattern

    full = [(m.start(), m.end(), m.lastgroup, m.groupdict()) for m in temporal_pattern().finditer(text)]
    fast = [(m.start(), m.end(), m.lastgroup, {name: m.group(name) for name in m.groupdict()}) for m in iter_matches(text)]
    assert [match[:3] for match in fast] == [match[:3] for match in full]
    assert all(found.items() <= expected.items() for (*_, found), (*_, expected) in zip(fast, full))


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # Lowers exactly: the cue scan reads the lower-case copy; a cue opens the text, and one
        # joined to a word character ("hatte_x") is none.
        ("Wird es morgen regnen? Sie WURDE gewählt, hatte_x nicht, kündigte an.", ["Wird", "WURDE", "kündigte"]),
        # The dotted capital I and the long s: the IGNORECASE pattern reads the text itself.
        ("İm März wurde gewählt, ſie wird reisen", ["wurde", "wird"]),
        ("Es wurde geſagt, dass er kommt", ["wurde"]),
        # No listed cue word (a weak preterite is read apart).
        ("Am Montag regnete es.", []),
    ],
)
@pytest.mark.parametrize("start", [0, 1, 3])
def test_cue_spans_are_what_the_cue_pattern_finds(text, cues, start):
    """A stretch may begin inside a word ("ird es") or right after a word character: the scan
    reads the character before it as the pattern's lookbehind does."""
    from checker.extract.dates_context import _cue_pattern, _cue_spans

    for end in (len(text), len(text) - 4):
        assert _cue_spans(text, start, end) == [found.span() for found in _cue_pattern().finditer(text, start, end)]
    assert [text[cue_start:cue_end] for cue_start, cue_end in _cue_spans(text, 0, len(text))] == cues


def test_cheap_optionals_rewrite_only_optional_non_capturing_groups():
    from checker.extract.dates_patterns import _cheap_optionals

    source = r"(?:a(?:b)?)?(?:c)??(?:d)?+(?=e)?[(?:)?]\(?:f\)?[]()?](?:g)*"
    assert _cheap_optionals(source) == r"(?:a(?:b|)|)(?:c)??(?:d)?+(?=e)?[(?:)?]\(?:f\)?[]()?](?:g)*"
    for text in ("", "a", "ab", "abc", "d", "e)?", "(f)", "gg"):
        assert [m.span() for m in re.finditer(source, text)] == [m.span() for m in re.finditer(_cheap_optionals(source), text)]
    # An optional group holding a capturing group stays as it is; the empty name groups outside do not count.
    assert _cheap_optionals(r"(?:a(?P<x>b))?(?:c)?(?P<y>)") == r"(?:a(?P<x>b))?(?:c|)(?P<y>)"


@pytest.mark.parametrize("offset", [0, 3, 9, 10, 11, 18, 25, 44, 60, 61])
def test_previous_word_is_the_last_run_of_non_blanks_before_blanks(offset):
    from checker.extract.dates_context import DateContext
    from checker.extract.dates_lexicon import dates_lexicon

    text = "Am 3. Mai\n sagte er (gestern):  \u00a0das war ein sehr langer Satzteil ohne Ende"
    context = DateContext(text, PublicationDate.parse("2021-05-04"), dates_lexicon(), 0, len(text))
    found = re.search(r"(\S+)\s+$", text[max(0, offset - 40) : offset])
    assert context.previous_word(offset) == (found.group(1) if found else "")


def test_every_speech_verb_is_a_tense_cue():
    # The tense reading sees only cue words; a speech verb that is none would never be read.
    from checker.extract.dates_context import _particle_verbs
    from checker.extract.dates_lexicon import dates_lexicon

    lexicon = dates_lexicon()
    cues = lexicon.past_cues | lexicon.future_cues | set(_particle_verbs("separable_future"))
    assert set(lexicon.context["speech_verbs"]) <= cues


def test_sentence_bounds_read_near_an_offset_are_those_of_the_whole_text():
    # Read from a little before the offset on: the same sentence as the ends of the whole text give,
    # whatever was asked before, also where reading starts inside a run of stops, quotes and blanks
    # ("?!  «"), after an ordinal's full stop or before a sentence longer than the first look back.
    from checker.extract.dates_context import _SENTENCE_END, SENTENCE_LOOK_BACK, DateContext, _ends_ordinal
    from checker.extract.dates_lexicon import dates_lexicon

    long_sentence = "Ein langer Satz " + "mit vielen Wörtern " * (3 * SENTENCE_LOOK_BACK // 19) + "endet hier."
    text = (
        "Erster Satz. Am 10. November kam er. Zweiter! Dritter?\nVierter Satz vom 3.4. ohne Ende "
        f"Wirklich?!  «Ja.» Dann. {long_sentence} Danach . . . Schluss\n\nLetzter Satz vom 3. Mai"
    )
    start = 4
    ends = [found.end() for found in _SENTENCE_END.finditer(text, start) if found.lastindex or not _ends_ordinal(text, start, found.start())]
    boundaries = [start, *ends, len(text)]

    def whole_text_sentence(offset: int) -> tuple[int, int]:
        index = min(max(bisect.bisect_right(boundaries, offset) - 1, 0), len(boundaries) - 2)
        return boundaries[index], boundaries[index + 1]

    offsets = list(range(len(text) + 2))
    for order in (offsets, offsets[::-1], offsets[::7] + offsets[3::5]):
        context = DateContext(text, PublicationDate.parse("2021-05-04"), dates_lexicon(), start, len(text))
        assert [context.sentence_bounds(offset) for offset in order] == [whole_text_sentence(offset) for offset in order]
    context = DateContext(text, PublicationDate.parse("2021-05-04"), dates_lexicon(), start, len(text))
    assert context.sentence_bounds(20) == (13, 37)  # "10." ends an ordinal, not the sentence
    long_start = text.index(long_sentence)
    assert context.sentence_bounds(long_start + len(long_sentence) - 5) == (long_start, long_start + len(long_sentence) + 1)


def test_clause_breaks_are_punctuation_or_a_hyphen_between_blanks():
    from checker.extract.dates_context import CLAUSE_BREAK

    text = "a, b; c: d – e - f -g h-\ti\u00a0-\nj -- k\t- - -,"
    plain = re.compile(r"[,;:–]|\s-\s")  # what CLAUSE_BREAK is written to find faster
    assert [m.span() for m in CLAUSE_BREAK.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(CLAUSE_BREAK.findall(text)) == 8


def test_non_ascii_characters_of_a_text():
    from checker.extract.dates_patterns import _non_ascii_characters

    assert _non_ascii_characters("Am 3. März, 20 °C") == {"ä", "°"}
    assert _non_ascii_characters("ſ\ud800𝄞 plain") == {"ſ", "\ud800", "𝄞"}  # a lone surrogate, a character beyond the BMP
    assert _non_ascii_characters("plain ASCII") == set()


def test_which_characters_lower_exactly():
    from checker.extract.dates_patterns import _lowers_exactly

    assert all(_lowers_exactly(char) for char in "aÄÉßẞ„«K")  # the Kelvin sign lowers to "k"
    assert not any(_lowers_exactly(char) for char in "ſıİ")


# --- calendar ----------------------------------------------------------------------------------


@pytest.mark.parametrize("year, easter", [(2021, "2021-04-04"), (2022, "2022-04-17"), (2023, "2023-04-09"), (2024, "2024-03-31")])
def test_easter_sunday(year, easter):
    from checker.extract.dates_calendar import easter_sunday

    assert easter_sunday(year) == date.fromisoformat(easter)


def test_common_timex_keeps_shared_parts():
    from checker.extract.dates_calendar import common_timex

    assert common_timex("2021-11-30", "2021-12-30") == "2021-XX-XX"
    assert common_timex("2021-W48", "2021-W52") == "2021-WXX"
    assert common_timex("2014-W51-WE", "2014-W52-WE") == "2014-WXX-WE"
    assert common_timex("2021-12-02", "2022-01-06") == "XXXX-XX-XX"


def test_choose_prefers_the_tense_but_not_against_a_near_date():
    from checker.extract.dates_calendar import choose, day_period

    published = PublicationDate.parse("2023-05-17")
    candidates = [day_period(date(2022, 5, 20)), day_period(date(2023, 5, 20))]
    # A past cue from another clause: three days ahead still beats a year back.
    assert choose(candidates, published, -1, against_tense_days=150).start == date(2023, 5, 20)
    # A strong past cue of the same clause decides.
    assert choose(candidates, published, -1, against_tense_days=400).start == date(2022, 5, 20)
    # Weekdays: the tense is a rule.
    thursdays = [day_period(date(2023, 5, 11)), day_period(date(2023, 5, 18))]
    assert choose(thursdays, published, -1, strict=True).start == date(2023, 5, 11)
    assert choose(thursdays, published, 1, strict=True).start == date(2023, 5, 18)


@pytest.mark.parametrize("published", ["2023-02", "2020-02", "2021-12", "2022-01", "2023-05"])
def test_weekday_span_is_the_walk_of_choose(published):
    """`weekday_span` computes what `choose` finds by walking every day of a month-dated article."""
    from datetime import timedelta

    from checker.extract.dates_calendar import choose, day_period, union, weekday_span

    month = PublicationDate.parse(published)
    for weekday in range(1, 8):
        start = month.start - timedelta(days=7)
        start += timedelta(days=(weekday - start.isoweekday()) % 7)
        candidates = [day_period(start + timedelta(days=days)) for days in range(0, (month.end - start).days + 8, 7)]
        for direction in (-2, -1, 0, 1, 2):
            assert weekday_span(month, weekday, direction) == choose(candidates, month, direction, strict=True), (weekday, direction)
            # A bare weekday: a publication day of that weekday chooses itself, any other walks as above.
            walked = None
            day = month.start
            while day <= month.end:
                found = day_period(day) if day.isoweekday() == weekday else choose(candidates, PublicationDate(day, day, "day"), direction, strict=True)
                walked = found if walked is None else union(walked, found)
                day += timedelta(days=1)
            assert weekday_span(month, weekday, direction, counting_the_day_itself=True) == walked, (weekday, direction)
