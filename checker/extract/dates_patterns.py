"""One compiled regular expression for every German temporal expression the extractor knows.

The alternatives are tried in order at each position, so longer, more specific forms come
first ("Donnerstag, 18. Dezember" before "Donnerstag"). Each alternative's groups carry its
prefix (`dm_day` belongs to `dm`), and `match.lastgroup` names the alternative that matched.
A scan (`iter_matches`) tries the alternatives only where a start word follows, and matches only
the one that matched with all its groups (in a lower-case text, where Hyperscan names the
alternatives that may match at a place, it tries those with their groups at once).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from checker.extract.alternation import word_alternation
from checker.extract.dates_lexicon import DatesLexicon, dates_lexicon
from checker.extract.start_finder import HYPERSCAN_AVAILABLE, StartFinder

# Inflection endings of adjectives and determiners: "vergangen|e|en|er|em|es".
ENDING = r"(?:e[nmrs]?|s)?"
END = r"(?!\w)"
# Not the first part of a hyphenated compound: "Winter-Biathlon", "Mai-Feiertag".
END_WORD = r"(?![\w-])"
START = r"(?<!\w)"


def _alternation(forms) -> str:
    """Longest first, so "Januar" is not cut to "Jan" and "übermorgen" wins over "morgen"; a blank
    of a phrase matches any run of whitespace. Trie-factored: the full pattern is built from dozens
    of these, and a failing position then costs one comparison per letter instead of one per form."""
    return word_alternation(forms, r"\s+")


def _stems(forms) -> str:
    return _alternation(forms) + ENDING


def _units(forms: dict[str, str], *kinds: str, exclude: tuple[str, ...] = ()) -> str:
    return _alternation(form for form, kind in forms.items() if (not kinds or kind in kinds) and kind not in exclude)


def _count_unit_forms(lexicon: DatesLexicon) -> list[str]:
    """The units a number counts: "zwei Tage", "vor drei Wochen", "einigen Jahren"."""
    return [form for form, kind in {**lexicon.units, **lexicon.unit_plurals}.items() if kind in ("day", "week", "month", "year", "decade")]


def _count_units(lexicon: DatesLexicon) -> str:
    return _alternation(_count_unit_forms(lexicon))


def _last_day_month(prefix: str, month: str, year: str) -> str:
    """After the full stop of the last day of a list or range, its month: by name with a year
    perhaps ("15. Oktober 2018"), or by number ("vom 14. bis 15.10.", "14./15.10.2018"). The
    groups are named `prefix`_month, _year, _num_month, _num_year."""
    return (
        rf"\s*(?P<{prefix}_month>{month})(?:\s*,?\s*(?P<{prefix}_year>{year}))?"
        rf"|\s?(?P<{prefix}_num_month>[01]?\d)\.(?:\s?(?P<{prefix}_num_year>\d{{4}}|\d{{2}}))?(?![\d]|\.\d)"
    )


def build_alternatives(lexicon: DatesLexicon) -> dict[str, str]:
    """Every alternative of the temporal pattern by name, in the order they are tried."""
    words = lexicon.context
    month = _alternation(lexicon.months)
    # A month form ending in a full stop ("Jan.") needs no word boundary after it.
    month = rf"(?:{month})(?:(?<=\.)|{END})"
    weekday = _alternation(lexicon.weekdays)
    part_of_day = _alternation(lexicon.parts_of_day)
    season = _alternation([*lexicon.seasons, *lexicon.season_parts])
    relative = _stems(lexicon.relative_shifts)
    number = rf"(?:\d{{1,3}}|{_alternation(lexicon.number_words)})"
    ordinal = rf"(?:{_stems(lexicon.ordinal_words)})"
    day = r"(?:[0-3]?\d)"
    year = r"(?:\d{4})(?!\d)"
    article = _alternation(words["articles"])
    articles = {name: _alternation(a for a in words["articles"] if a in allowed) for name, allowed in {
        # Which articles each form takes: "der 1. Oktober", "dem Juni", "dem Jahre 1910".
        "day": ("der", "den", "dem"), "month": ("dem", "den", "des"), "year": ("dem", "das", "des"),
        "genitive": ("des",), "part": ("des", "der"), "relative": ("der", "die", "das", "dem", "den"),
        "week": ("der",),
    }.items()}
    # Units a relative word or a period part shifts: not the day ("am nächsten Tag" counts
    # from the last day named, not from publication).
    shifted_units = _units(lexicon.units, exclude=("day",))
    period_units = _units(lexicon.units, "week", "month", "year", "decade", "century")
    count_units = _count_units(lexicon)
    plural_units = _units(lexicon.unit_plurals)
    year_units = _units(lexicon.units, "year")
    year_plurals = _units(lexicon.unit_plurals, "year")
    week_units = _units(lexicon.units, "week")
    century_units = _units(lexicon.units, "century", "millennium")
    relative_year = (
        rf"{relative}\s+{year_units}|{_alternation(form for form, (unit, _) in lexicon.relative_nouns.items() if unit == 'year')}"
    )
    decade_word = _alternation(lexicon.decade_words)
    crossing_turns = [turn for turn in lexicon.year_turns if lexicon.turn_crosses_year(turn)]
    # A turn inside one year takes no year after it: in "zwischen den Jahren 1990 und 2000" the
    # number is one of the years.
    in_year_turns = rf"{_alternation(set(lexicon.year_turns) - set(crossing_turns))}(?!\s+\d)"
    days = _alternation([*lexicon.fixed_holidays, *lexicon.easter_holidays, *lexicon.easter_periods, *lexicon.weekday_holidays, *lexicon.advent_holidays, *crossing_turns])
    holiday = rf"(?:{days}|{in_year_turns})"
    # "am ersten Advent", "2. Adventssonntag": the Sundays of Advent by their number.
    advent = rf"(?:(?P<hd_advent_number>[1-4])\.|(?P<hd_advent_ordinal>{ordinal}))\s*{_alternation(words['advent_sundays'])}"
    enumeration = _alternation(words["enumeration_words"])
    calendar_week = _alternation(words["calendar_week"])

    alternatives = {
        "iso": r"(?<![\d.-])(?P<iso_year>[12]\d{3})-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)(?![\d-])",
        # "22.03.2001", "am 30.6.", "Freitag, 18.07.14" (a weekday in apposition belongs to the date).
        "num": (
            rf"(?:(?P<num_weekday>{weekday}),?\s+(?:{articles['day']}\s+)?)?"
            rf"(?<![\d.,])(?P<num_day>{day})\.\s?(?P<num_month>[01]?\d)\.(?:\s?(?P<num_year>\d{{4}}|\d{{2}}))?(?![\d]|\.\d)"
        ),
        "dm": (
            rf"{START}(?:(?P<dm_article>{articles['day']})\s+)?(?:(?P<dm_weekday>{weekday}),?\s+(?:{articles['day']}\s+)?)?"
            rf"(?:(?P<dm_day>{day})\.|(?P<dm_ordinal>{ordinal}))\s*"
            rf"(?P<dm_month>{month})(?:\s*,?\s*(?P<dm_year>{year})|\s+(?:{articles['genitive']}\s+)?(?P<dm_relative>{relative_year}){END})?"
        ),
        # "am letzten Sonntag im September", "der erste Dienstag im Oktober 2014", and the n-th day
        # or week of a month: "die erste Woche im Oktober", "am letzten Tag im Mai".
        "nw": (
            rf"{START}(?:(?P<nw_article>{articles['relative']})\s+)?(?P<nw_ordinal>{ordinal}|{_stems(words['last_in_month'])})\s+"
            rf"(?:(?P<nw_weekday>{weekday})|(?P<nw_unit>{_units(lexicon.units, 'day', 'week')}))\s+(?:im|des)\s+(?P<nw_month>{month})(?:\s*(?P<nw_year>{year}))?"
        ),
        "en": (
            rf"(?<![\d.,])(?P<en_day>{day})\.(?=(?:\s*(?:,\s*{enumeration}?|{enumeration}|–|-|/)\s*"
            rf"(?:{_alternation(words['enumeration_articles'])}\s+)?{day}\.)+(?:{_last_day_month('en', month, year)}))"
        ),
        # "14-15. Oktober", "vom 14 – 15.10.": the first day of a dash range written without its
        # full stop, a day only where a day and month follow right after the dash (a bare number
        # before a dash is more often a count, a page or a score); the handler wants it earlier.
        "eb": (
            rf"(?<![\d.,])(?P<eb_day>{day})(?=\s*(?:–|-|{_alternation(words['bare_range_words'])}\s)\s*(?P<eb_last>{day})\."
            rf"(?:{_last_day_month('eb', month, year)}))"
        ),
        # "in der ersten Märzhälfte": the half of a month written as one word.
        "mh": (
            rf"{START}(?P<mh_ordinal>{ordinal})\s+(?P<mh_month>{_alternation(form for form in lexicon.months if not form.endswith('.'))})"
            rf"(?P<mh_half>{_alternation(words['month_half_nouns'])}){END}(?:\s*(?P<mh_year>{year}))?"
        ),
        "pt": (
            rf"{START}(?P<pt_part>{_alternation(lexicon.period_parts)})\s+(?:(?P<pt_article>{articles['part']})\s+)?(?:"
            rf"(?P<pt_month>{month})(?:\s*(?P<pt_month_year>{year})|\s+(?:{articles['genitive']}\s+)?(?P<pt_month_relative>{relative_year}){END})?"
            # The decade before the year: "Mitte der 1990er-Jahre" is not "Mitte der 1990".
            rf"|(?P<pt_decade>(?:(?P<pt_decade_century>1\d|20)?(?P<pt_decade_digit>\d)0er|(?P<pt_decade_word>{decade_word}))(?:\s*-?\s*{year_plurals}|(?P<pt_decade_bare>))){END}"
            rf"|(?P<pt_year>{year})"
            rf"|(?P<pt_relative>{relative})\s+(?P<pt_unit>{shifted_units}){END}"
            # "Ende des Jahres 2021": the year noun with the year it names.
            rf"|{year_units}\s+(?P<pt_unit_year>{year})"
            rf"|(?P<pt_bare_unit>{period_units}){END}"
            # "Ende des Sommers", "Anfang des Frühjahrs": the season in the genitive.
            rf"|(?P<pt_season>{season})(?:e?s)?{END}(?:\s*(?P<pt_season_year>{year}))?"
            rf"|(?P<pt_century>\d{{1,2}})\.\s*{_units(lexicon.units, 'century')}{END}"
            rf"|(?P<pt_ordinal_century>{ordinal})\s+{_units(lexicon.units, 'century')}{END}"
            rf")"
        ),
        "my": (
            rf"{START}(?:(?P<my_article>{articles['month']})\s+)?(?P<my_month>{month})(?:\s*(?P<my_year>{year})"
            rf"|\s+(?:{articles['genitive']}\s+)?(?P<my_relative>{relative_year}){END})"
        ),
        "qt": (
            rf"{START}(?:(?P<qt_article>{article})\s+)?(?:(?:(?P<qt_number>[1-4])\.|(?P<qt_word>{ordinal}))\s*"
            rf"(?P<qt_unit>{_alternation(lexicon.quarter_units)})|(?P<qt_named>{_alternation(lexicon.named_quarters)})){END}(?:\s+(?P<qt_year>{year})"
            rf"|\s+(?:{articles['genitive']}\s+)?(?P<qt_relative>{relative_year}){END})?"
        ),
        # Business shorthand: "Q3 2021", "Q3/2021", "H1 2022".
        "qs": rf"{START}(?P<qs_unit>[qh])(?P<qs_number>[1-4])\s*[/-]?\s*(?P<qs_year>{year})",
        # "Kalenderwoche 12", "in der 12. Kalenderwoche", "KW 12/2022" (an ISO week).
        "kw": (
            rf"{START}(?:(?P<kw_article>{articles['week']})\s+)?(?:(?P<kw_ordinal>\d{{1,2}})\.\s*(?P<kw_word_after>{calendar_week})"
            rf"|(?P<kw_word>{calendar_week})\.?\s*(?P<kw_number>\d{{1,2}})(?!\d|[.,]\d))(?:\s*/\s*(?P<kw_year>\d{{4}}|\d{{2}})|\s+(?P<kw_full_year>{year}))?{END}"
        ),
        "cy": (
            rf"{START}(?:(?P<cy_article>{article})\s+)?(?:(?P<cy_number>\d{{1,2}})\.|(?P<cy_word>{ordinal}))\s*"
            rf"(?P<cy_unit>{century_units}){END}"
        ),
        "dc": (
            rf"{START}(?:(?P<dc_article>{article})\s+)?(?:(?P<dc_century>1\d|20)?(?P<dc_digit>\d)0er|(?P<dc_word>{decade_word}))"
            # "in den Neunzigern", "in den 1920ern": the dative plural stands for the decade alone.
            rf"(?:\s*-?\s*{year_plurals}|(?P<dc_dative>n)){END}"
        ),
        # A period across the turn of a year: "in der Saison 2014/15", "2010/15".
        "sy": (
            rf"{START}(?:(?:(?P<sy_article>{article})\s+)?(?P<sy_noun>{_alternation(words['split_year_nouns'])})\s+)?"
            rf"(?P<sy_first>(?:1\d|20)\d{{2}})\s*/\s*(?P<sy_second>\d{{2}})(?![\d/.,]\d|\d|/)"
        ),
        # A period of one year: "zum Sommersemester 2026" (not "Wintersemester 2026/27", above).
        "sm": rf"{START}(?P<sm_noun>{_alternation(lexicon.year_period_months)})\s+(?P<sm_year>(?:1\d|20)\d{{2}})(?!\d|\s*/)",
        # The same period of a yearly cycle named from publication: "in der vergangenen Saison".
        "rs": rf"{START}(?:(?P<rs_article>{article})\s+)?(?P<rs_relative>{relative})\s+(?P<rs_noun>{_alternation(lexicon.split_year_months)}){END}",
        # "im Jahr 2014", "aus dem Jahre 1910" (an old dative that looks like the plural).
        "jy": rf"{START}(?:(?P<jy_article>{articles['year']})\s+)?(?:{year_units}|{year_plurals})\s+(?P<jy_year>\d{{3,4}})(?!\d)",
        "ru": (
            rf"{START}(?:(?P<ru_article>{articles['relative']})\s+)?(?P<ru_relative>{relative})\s+(?:"
            rf"(?P<ru_weekday>{weekday})(?P<ru_weekday_part>{part_of_day})?"
            rf"|(?P<ru_month>{month})"
            # "in diesem strengen Winter": one inflected adjective may stand before a season, not a
            # count ("die letzten beiden Winter" are several) nor the plural of a unit ("in den
            # letzten Jahren Sommer für Sommer").
            rf"|(?:(?!(?:{number}|{plural_units}|{_alternation([*words['vague_counts'], *words['plural_count_words']])})\s)[a-zäöüß]+e[nm]\s+)?"
            rf"(?P<ru_season>{season})"
            rf"|(?P<ru_unit>{shifted_units})"
            rf"){END}"
        ),
        # "in den vergangenen zwei Jahren", "die nächsten drei Wochen": counted from publication
        # back or ahead; only a shift of one step ("übernächste zwei Wochen" is no phrase).
        # "binnen zwei Wochen", "innerhalb von drei Monaten": from now up to that many units ahead.
        "wi": (
            rf"{START}(?P<wi_word>{_alternation(words['within'])})\s+"
            rf"(?P<wi_span>(?P<wi_number>{number})\s+(?P<wi_unit>{count_units})){END}"
        ),
        "rc": (
            rf"{START}(?P<rc_relative>{_stems(form for form, shift in lexicon.relative_shifts.items() if abs(shift) == 1)})\s+"
            rf"(?P<rc_span>(?P<rc_number>{number})\s+(?P<rc_unit>{count_units})){END}"
        ),
        # "im Vorjahreszeitraum", "für das Gesamtjahr": the period or the year the story names; a
        # year after the noun names it instead ("das Gesamtjahr 2023").
        "sp": (
            rf"{START}(?:(?P<sp_article>{articles['year']})\s+)?(?:(?P<sp_year_before>{_alternation(words['year_before_period_nouns'])})"
            rf"|(?P<sp_whole_year>{_alternation(words['whole_year_nouns'])})){END}(?!\s+\d{{4}})"
        ),
        "rn": rf"{START}(?:(?P<rn_article>{articles['year']})\s+)?(?P<rn_word>{_alternation(lexicon.relative_nouns)}){END}",
        "an": rf"{START}(?P<an_word>{_alternation(lexicon.anaphoric_days)}){END}",
        "rp": rf"{START}(?P<rp_relative>{relative})\s+(?P<rp_unit>{plural_units}){END}",
        "after": (
            # "am Wochenende davor": the weekend, no count unit, is the one before the day named.
            rf"{START}(?P<after_span>(?:(?P<after_number>{number})|(?P<after_article>{_alternation(words['after_articles'])}"
            rf"|{_alternation(words['after_articles_not_day'])}(?!\s+{_units(lexicon.units, 'day')}{END})))\s+(?P<after_unit>{count_units}|{_units(lexicon.units, 'weekend')}))\s+"
            rf"(?P<after_word>{_alternation(lexicon.after_words)}){END}"
        ),
        # "vor zwei Wochen", "in genau einem Jahr", "heute vor zehn Jahren" (that day, so many years back).
        "ago": (
            rf"{START}(?:(?P<ago_today>{_alternation(words['same_day_before_ago'])})\s+)?(?P<ago_preposition>{_alternation(lexicon.point_prepositions)})\s+"
            rf"(?:{_alternation(words['count_qualifiers'])}\s+)?(?P<ago_span>(?P<ago_number>{number})\s+(?P<ago_unit>{count_units})){END}"
        ),
        "dur": (
            rf"{START}(?P<dur_number>{number}|{_alternation(words['vague_counts'])})\s+(?P<dur_unit>{count_units}){END}"
        ),
        "dd": rf"{START}(?P<dd_word>{_alternation(lexicon.deictic_days)})(?:\s+(?P<dd_part>{part_of_day}))?{END_WORD}",
        "da": rf"{START}(?P<da_word>{_stems(lexicon.deictic_day_adjectives)}){END}",
        "dy": rf"{START}(?P<dy_word>{_alternation([*lexicon.deictic_years, *words['new_year']])}){END}",
        "vg": rf"{START}(?P<vg_word>{_alternation(lexicon.vague)}){END}",
        "hd": (
            rf"{START}(?:(?P<hd_relative>{relative})\s+)?(?:(?P<hd_orthodox>{_alternation(words['orthodox'])})\s+)?"
            rf"(?P<hd_word>{holiday}|{advent}){END_WORD}(?:\s+(?P<hd_year>{year}))?"
        ),
        "ss": (
            rf"{START}(?P<ss_season>{season})(?:s|es)?{END_WORD}(?:\s+(?:{articles['genitive']}\s+{year_units}\s+)?(?P<ss_year>{year})(?:/\d{{2,4}})?"
            rf"|\s+(?:{articles['genitive']}\s+)?(?P<ss_relative>{relative_year}){END})?"
        ),
        "ww": (
            rf"(?<![\w-])(?P<ww_weekday>{weekday})(?P<ww_part>{part_of_day})?\s+(?:{articles['week']}\s+)?"
            rf"(?P<ww_relative>{relative})\s+{week_units}{END}"
        ),
        "wd": (
            rf"(?<![\w-])(?:(?P<wd_adjective>{_alternation(words['day_part_adjectives'])})\s+)?(?P<wd_weekday>{weekday})(?P<wd_part>{part_of_day})?"
            rf"(?P<wd_plural>s)?(?![\w-])(?P<wd_set>\s+{part_of_day}s(?!\w))?"
        ),
        "pn": rf"{START}(?P<pn_word>{_alternation(lexicon.period_part_nouns)})(?:\s+(?P<pn_year>{year}))?{END}",
        "we": rf"{START}(?P<we_word>{_units(lexicon.units, 'weekend')}){END_WORD}",
        "mo": rf"{START}(?P<mo_month>{month})",
        "yr": r"(?<![\d.,\w])(?P<yr_year>1\d{3}|20\d{2})(?![\d]|[.,]\d|\w)",
    }
    return alternatives


def range_separator(lexicon: DatesLexicon) -> str:
    """Between the days of a range or list: "14./15.", "14. bis 15.", "3. und am 5."."""
    words = lexicon.context
    enumeration = _alternation(words["enumeration_words"])
    return rf"\s*(?:,\s*(?:{enumeration})?|{enumeration}|–|-|/)\s*(?:(?:{_alternation(words['enumeration_articles'])})\s+)?"


@lru_cache(maxsize=1)
def range_end_pattern() -> re.Pattern[str]:
    """The second end of a day range, matched right after the first date: "14.10. – 15.10.2018",
    "28. Dezember bis 3. Januar 2019". The first end takes its year from here."""
    lexicon = dates_lexicon()
    month = rf"(?:{_alternation(lexicon.months)})(?:(?<=\.)|{END})"
    return re.compile(
        range_separator(lexicon)
        + r"[0-3]?\d\.(?:\s?(?P<month>[01]?\d)\.(?:\s?(?P<year>\d{4}|\d{2}))?(?![\d]|\.\d)"
        + rf"|\s*(?P<month_name>{month})(?:\s*,?\s*(?P<name_year>\d{{4}})(?!\d))?)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def month_range_end_pattern() -> re.Pattern[str]:
    """The second end of a month range with its year, matched right after a bare month: "bis
    (Ende) Juni 2021" in "von März bis Juni 2021". The first month takes its year from here."""
    lexicon = dates_lexicon()
    month = rf"(?:{_alternation(lexicon.months)})(?:(?<=\.)|{END})"
    return re.compile(
        range_separator(lexicon)
        + rf"(?:(?:{_alternation(lexicon.period_parts)})\s+)?(?P<month_name>{month})\s*(?P<name_year>1\d{{3}}|20\d{{2}})(?![\d]|[.,]\d|\w)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def range_start_pattern() -> re.Pattern[str]:
    """The first day of a range right before a numeric date: "14./" in "14./15.10." (searched in
    the few characters before it; the numeric date needs no other cue then). Group `bare`: a first
    day without its full stop ("14 - 15.10."), a day only when it is the earlier one."""
    lexicon = dates_lexicon()
    bare_words = _alternation(lexicon.context["bare_range_words"])
    return re.compile(
        rf"(?<![\d.,])(?:[0-3]?\d\.{range_separator(lexicon)}|(?P<bare>[0-3]?\d)\s*(?:–|-|{bare_words}\s)\s*)$", re.IGNORECASE
    )


def _one_of(alternatives: dict[str, str]) -> str:
    # Every expression starts at a word start: one cheap check before trying the alternatives
    # keeps the scan fast (most positions are inside words or on blanks).
    return r"(?<!\w)(?=\w)(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in alternatives.items()) + ")"


@lru_cache(maxsize=1)
def temporal_pattern() -> re.Pattern[str]:
    return re.compile(_one_of(build_alternatives(dates_lexicon())), re.IGNORECASE)


_GROUP_OPENING = re.compile(r"\(\?P<\w+>")  # re.escape writes a literal "(" as "\(", never matched here


@lru_cache(maxsize=1)
def _alternatives() -> dict[str, str]:
    """The alternatives of the loaded lexicon, built once for the scan, its checks and the rematches."""
    return build_alternatives(dates_lexicon())


@lru_cache(maxsize=None)
def _alternative_pattern(name: str) -> re.Pattern[str]:
    """The alternative `name` alone with all its groups: where the scan tries it, it matches exactly
    as within the temporal pattern (nothing follows it there) and as the scan's alternative.
    Compiled on first use: an article needs only a few of them, and a run that extracts one
    article should not pay for compiling all."""
    return re.compile(_one_of({name: _alternatives()[name]}), re.IGNORECASE)


def _shortest_prefixes(words) -> list[str]:
    """The words no other word is a prefix of: the scan needs only where a first word begins,
    and "samstag" already finds "samstags" and "Samstagmorgen"."""
    shortest: list[str] = []
    for word in sorted(set(words)):
        if not (shortest and word.startswith(shortest[-1])):
            shortest.append(word)
    return shortest


def count_words(lexicon: DatesLexicon) -> list[str]:
    """Numbers and vague counts: an expression begins with one (after any lead word) only where
    it counts units, whitespace and a unit right after it ("zwei Jahre", "vor einigen Tagen")."""
    return sorted({*lexicon.number_words, *lexicon.context["vague_counts"]})


def first_words(lexicon: DatesLexicon) -> list[str]:
    """Every word an expression can begin with after any lead word ("der", "vor", "im"), as a
    prefix ("samstag" also opens "Samstagmorgen"); besides the `count_words`."""
    lead_words = lexicon.context["lead_words"]
    words: set[str] = set()
    sections = [
        lexicon.months, lexicon.weekdays, lexicon.seasons, lexicon.season_parts, lexicon.deictic_days, lexicon.deictic_day_adjectives,
        lexicon.deictic_years, lexicon.vague, lexicon.relative_shifts, lexicon.relative_nouns, lexicon.anaphoric_days,
        lexicon.period_parts, lexicon.period_part_nouns, lexicon.ordinal_words,
        lexicon.decade_words, lexicon.fixed_holidays, lexicon.easter_holidays, lexicon.easter_periods, lexicon.weekday_holidays, lexicon.advent_holidays, lexicon.year_turns,
        lexicon.units,
        lexicon.context["day_part_adjectives"], lexicon.context["split_year_nouns"], lexicon.context["year_before_period_nouns"], lexicon.context["whole_year_nouns"], lexicon.named_quarters, lexicon.context["within"], lexicon.context["calendar_week"],
        lexicon.context["count_qualifiers"], lexicon.context["new_year"], lexicon.context["orthodox"],
    ]
    for section in sections:
        for phrase in section:
            tokens = [token.rstrip(".") for token in phrase.split()]
            while len(tokens) > 1 and tokens[0] in lead_words:
                tokens = tokens[1:]
            if tokens and tokens[0]:
                words.add(tokens[0])
    return sorted(words - lead_words)


@lru_cache(maxsize=1)
def _scan_source() -> str:
    """The temporal pattern, tried only where an expression may start, and with only the
    alternatives' own groups.

    Where an expression may start: a digit, Q1/H2, a count and its unit ("zwei Jahre") or a known
    first word at a word start, possibly after lead words. That check is cheap, and most word
    starts fail it (the articles "ein", "eine", "einer" among them, by the unit a count needs).
    The counts with their units and the first words are one trie, so that a word start that is
    neither fails on its first letter or two within one alternation. The lead words in front are
    taken possessively (`*+`: all in a row, none given back, 7 % less scan time than trying the
    first words both before and after them): that finds the same starts as long as no first word
    begins like a lead word and a blank, which is checked.

    The scan matches the character before the expression (a non-word character) instead of
    looking behind for it: a pattern that begins with a character class lets `re` skip in C to
    the next blank or punctuation, while one that begins with a lookbehind is tried at every
    position. The class leaves out the common word characters (a bitmap test, cheaper than the
    Unicode category of "\\W"). The rarer ones ("é") pass it and fail the word-start check
    `(?<!\\w)` behind the first words: a lookbehind right after the class would cost more, at
    each of the many blanks where no first word follows.

    Without the inner groups the pattern matches the same, but a failing position costs half as
    much (`re` saves and restores the marks of every group it has entered while it backtracks).
    The alternative's name is an empty group at its end, so that `lastgroup` still names it while
    `re` sees the alternative's first character and skips an alternative that cannot begin there
    without entering it; optional groups are written as alternations (`_cheap_optionals`).

    In a lower-case text (nearly every one, see `iter_matches`) `re` does not search at all:
    Hyperscan finds in one pass the places where the character before an expression and an
    alternative may follow each other, with the alternatives that may (`_start_finder`, one
    Hyperscan pattern per alternative), and there the opening and only those alternatives are
    matched (`_matches_at_starts`): the scan takes 55 % less time than `re`'s search, which hops over
    every word start and checks the opening at each, and tries every alternative wherever the
    opening holds. Hyperscan compiles the 40 patterns in 0.4 s of CPU (1.5-2.5 s on a busy machine), so
    the database is kept beside the module (`_start_finder`) and loaded in a millisecond by every
    later process and worker.

    Measured and left out (the KRAUTS and seed texts, scan time A/B in one process): character
    sets on each alternative's first two to four characters (read from its parse tree), ahead of
    the alternative matched in a lookbehind, let `re` skip more alternatives but save only 2-5 %,
    for ~30 ms of analysis at start-up; a dispatch on the first character copies the alternatives
    into a pattern seven times as large (over a second to compile) for 2 %, and done in Python
    per candidate it is 6 % slower; the candidate starts found by polars' Rust regex pay only for
    a whole corpus at once (−21 % for 155 texts), as each call compiles its regex anew: for the
    pipeline's chunks of 24 articles the scan was 18 % slower; one Hyperscan pattern for the
    opening alone (compiled in 0.1-0.3 s, so in every process, before the kept database) took 30 %
    off the scan instead of 55 %; with it, matching the scan without the opening's lookahead,
    which the finder had checked, saved only ~0.8 ms and would be exact only by an argument about
    the characters beyond latin-1 the finder reads as "?". Of the ~5.3 ms `iter_matches` now takes
    for the 155 texts, Hyperscan's scan is ~1.8 ms (its Python callback per place ~0.2 ms, the
    lower-case copy 0.8 ms, its check 0.55 ms, the matches ~0.9 ms): one Hyperscan expression per
    branch of the alternatives' alternations (264 expressions) scans 1.8 times slower, and the
    alternatives cut after their first six or eight parts report 50 % or 30 % more places and
    scan 13-20 % slower.
    """
    alternatives = "|".join(f"(?:{source})(?P<{name}>)" for name, source in _scan_alternatives().items())
    return f"{_scan_opening()}(?:{alternatives})"


@lru_cache(maxsize=1)
def _scan_opening() -> str:
    """What the scan matches in front of the alternatives: the character before an expression,
    then, looked ahead, a word start and the opening (see `_scan_source`). The word start is
    checked here once, not again in each alternative."""
    return _cheap_optionals(rf"{_BEFORE_EXPRESSION}(?={_expression_opening()})(?<!\w)(?=\w)")


@lru_cache(maxsize=1)
def _scan_alternatives() -> dict[str, str]:
    """Each alternative as the scan tries it, by name: without its groups and its word-start check
    (see `_scan_source`)."""
    return {name: _cheap_optionals(_GROUP_OPENING.sub("(?:", pattern).removeprefix(START)) for name, pattern in _alternatives().items()}


# The character the scan matches before an expression: no common word character (see `_scan_source`).
_BEFORE_EXPRESSION = "[^a-z0-9äöüß_]"


@lru_cache(maxsize=1)
def _expression_opening() -> str:
    """What every expression begins with: lead words, then a digit, Q1/H2, a count and its unit
    or a first word (see `_scan_source`)."""
    lexicon = dates_lexicon()
    lead_words = lexicon.context["lead_words"]
    counts = [f"{count} {unit}" for count in count_words(lexicon) for unit in _count_unit_forms(lexicon)]
    prefixes = _shortest_prefixes([*first_words(lexicon), *counts])
    clashes = [prefix for prefix in prefixes for lead in lead_words if f"{lead} ".startswith(prefix) or prefix.startswith(f"{lead} ")]
    if clashes:
        raise ValueError(f"the date scan takes lead words possessively, so no first word may begin like a lead word and a blank: {clashes}")
    first = r"\d|[qh]\d|" + word_alternation(prefixes, r"\s+")
    return rf"(?:{_alternation(lead_words)}\s+)*+(?:{first})"


@lru_cache(maxsize=1)
def _start_finder() -> StartFinder | None:
    """Every place where an alternative of the scan may match in a lower-case text, with the
    alternatives that may: where the character before an expression and the alternative follow
    each other (Hyperscan, a superset: see `StartFinder`). Compiling it takes 0.4 s of CPU, loading
    it a millisecond: it is kept, as the lexicons' parses are (`checker.lexicon.PARSED_DIR`), beside
    this module in `__pycache__`, an installation's own work and no part of the claims cache, so
    every later process and worker loads it, with or without a claims cache (an installation that
    cannot be written to compiles it in each process). None, and `re` searches instead, where
    Hyperscan is not installed (no wheel for the machine)."""
    if not HYPERSCAN_AVAILABLE:
        return None
    return StartFinder([_BEFORE_EXPRESSION + source for source in _scan_alternatives().values()], _KEPT_DIR)


# Where the start finder's compiled database is kept (see `_start_finder`).
_KEPT_DIR = Path(__file__).parent / "__pycache__"


def _cheap_optionals(source: str) -> str:
    """`source` with every optional group `(?:X)?` written as the alternation `(?:X|)`, which
    matches the same in the same order (X first, with all its backtracking, then nothing) but
    which `re` runs without its repeat machinery: several times faster where X fails at once, as
    the articles and weekdays in front of most alternatives do. An optional group that holds a
    capturing group is left as it is: a group inside X could keep a different value (the scan's
    only capturing groups, the empty ones naming each alternative, stand outside any)."""
    pieces: list[str] = []
    openings: list[int] = []  # where each open group starts in `source`
    copied = 0
    for token in _PATTERN_TOKEN.finditer(source):
        if token.group() == "(":
            openings.append(token.start())
        elif token.group() == ")":
            opening = openings.pop()
            quantifier = source[token.end() : token.end() + 2]
            if (
                source.startswith("(?:", opening) and quantifier[:1] == "?" and quantifier not in ("??", "?+")
                and "(?P<" not in source[opening : token.end()]
            ):
                pieces.append(source[copied : token.start()] + "|)")
                copied = token.end() + 1
    return "".join(pieces) + source[copied:]


# An escape, a character class (a "]" right after "[" or "[^" is a member) or a parenthesis.
_PATTERN_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()]")


# Escapes ("\w", "\.") and group names: the only places where a pattern may hold an upper-case letter.
_ESCAPE_OR_GROUP_NAME = re.compile(r"\\.|\(\?P<\w+>")
_CHARACTER_CLASSES = (re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s"))


@lru_cache(maxsize=2)
def _scan_pattern(ignore_case: bool) -> re.Pattern[str]:
    """The scan: with IGNORECASE for a text itself, or case-sensitive for its lower-case copy,
    which `re` matches about twice as fast (no case folding per comparison). It is written in
    lower case (the lexicon is folded), so both find the same in a text whose characters all
    lower exactly (`_lowers_exactly`)."""
    source = _scan_source()
    if not ignore_case:
        _check_lower_case(source)
    return re.compile(source, re.IGNORECASE if ignore_case else 0)


@lru_cache(maxsize=1)
def _opening_match() -> Callable[..., re.Match[str] | None]:
    """The scan's opening compiled on its own for a lower-case text (see `_scan_pattern`): checked
    once at each place the start finder reports, before the alternatives it names there."""
    _check_lower_case(_scan_source())
    return re.compile(_scan_opening()).match


def _check_lower_case(source: str) -> None:
    """Raises ValueError unless the scan `source` finds the same in a lower-case text,
    case-sensitively, as with IGNORECASE in the text itself (see `_scan_pattern`)."""
    upper = sorted({char for char in _ESCAPE_OR_GROUP_NAME.sub("", source) if char != char.lower()})
    if upper:
        raise ValueError(f"the date scan pattern must be written in lower case, found {upper}")
    if not all(_lowers_exactly(chr(code)) for code in range(128)):
        raise ValueError("the date scan pattern holds a character that IGNORECASE matches with an ASCII letter")


@lru_cache(maxsize=1)
def _pattern_characters() -> tuple[tuple[str, Callable[[str], re.Match[str] | None]], ...]:
    """Every character the scan compares with (and the digits its ranges span), each with its
    case-blind matcher, compiled once (`re.fullmatch` per pair would look each pattern up in
    `re`'s cache, the bulk of the start-up check). Escapes are left out: a class ("\\W") is
    checked in `_lowers_exactly` by its own, and `re.escape` escapes only ASCII punctuation,
    which has no case."""
    characters = sorted(set(_ESCAPE_OR_GROUP_NAME.sub("", _scan_source()) + "0123456789"))
    return tuple((char, re.compile(re.escape(char), re.IGNORECASE).fullmatch) for char in characters)


@lru_cache(maxsize=None)
def _lowers_exactly(char: str) -> bool:
    """Whether `char.lower()` is one character that case-sensitively equals exactly the pattern
    characters `char` matches with IGNORECASE, in the same classes (\\w, \\d, \\s): true for "Ä" or
    "É", false for the long s "ſ" (IGNORECASE takes it for "s", lower() keeps it) or for "İ"."""
    lowered = char.lower()
    if len(lowered) != 1:
        return False
    if any(bool(pattern.match(char)) != bool(pattern.match(lowered)) for pattern in _CHARACTER_CLASSES):
        return False
    return all((matches(char) is not None) == (lowered == pattern_char) for pattern_char, matches in _pattern_characters())


_ASCII_BYTES = bytes(range(128))


def _non_ascii_characters(text: str) -> set[str]:
    """The characters of `text` beyond ASCII, which lowers exactly (checked once in _scan_pattern).
    UTF-8 writes ASCII as the bytes below 0x80 and every other character with bytes from 0x80 up,
    so deleting the former (in C, twice as fast as a regex) leaves the latter; "surrogatepass"
    carries a lone surrogate through."""
    return set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))


def iter_matches(text: str, start: int = 0, end: int | None = None):
    """The same matches as `temporal_pattern().finditer(text, start, end)`, found faster: the
    scan reads the lower-case copy of the text when that finds the same, and each match is the
    alternative that matched, matched on the text with its groups."""
    end = len(text) if end is None else end
    lowered = text.lower()
    case_blind = len(lowered) == len(text) and all(_lowers_exactly(char) for char in _non_ascii_characters(text))
    # The scan matches the character before an expression; a blank in front stands for the start
    # of the text (the lookbehinds in front of the alternatives are all negative ones, of
    # characters no blank is). So an expression at offset i of the text begins at i + 1 of the
    # copy scanned, and a scan match starting there at i, where the match is made again.
    scanned = " " + (lowered if case_blind else text)
    finder = _start_finder() if case_blind else None
    if finder is not None:
        yield from _matches_at_starts(finder, text, scanned, start, end)
        return
    for name, position in _search(_scan_pattern(ignore_case=not case_blind), scanned, start, end + 1):
        yield _alternative_pattern(name).match(text, position, end)


def _search(scan: re.Pattern[str], scanned: str, start: int, stop: int):
    """The matches of `scan` in `scanned[start:stop]`: the name of the alternative and where the
    match starts, each; found by `re` alone, where no start finder may be used."""
    search = scan.search
    before_next = start
    while (found := search(scanned, before_next, stop)) is not None:
        yield found.lastgroup, found.start()
        # `finditer` would go on where the match ends; the character before that position is
        # the last one matched, and the next expression may begin right after it ("16.17. Mai").
        before_next = found.end() - 1


def _matches_at_starts(finder: StartFinder, text: str, scanned: str, start: int, end: int):
    """The matches of `iter_matches` in `text[start:end]`, whose lower-case copy is `scanned` (after
    its blank), as `_search` finds them: the scan is tried only where the start finder says it may
    match, in order, and there only the alternatives it names, in order. So the first place from
    `before_next` on where one matches is the one `search` would find, and the first alternative
    matching there the one the scan's alternation would take.

    The opening is matched on the lower-case copy, each alternative at once with its groups on the
    text (where it matches it matches as in the scan, see `_alternative_pattern`): the finder
    names so few alternatives that fail (one try in ten on the KRAUTS and seed texts) that matching
    each first without its groups, as `_search` does, and again with them would cost more."""
    opening = _opening_match()
    names = tuple(_scan_alternatives())
    before_next = start
    opened_at, opened = -1, False  # the opening is checked once per place, for all its alternatives
    # A place of `scanned` is the character before the expression: it begins there in the text.
    for position, index in finder.starts(scanned[start : end + 1]):
        position += start
        if position < before_next:
            continue
        if position != opened_at:
            opened_at, opened = position, opening(scanned, position, end + 1) is not None
        if opened and (found := _alternative_pattern(names[index]).match(text, position, end)) is not None:
            yield found
            # As in `_search`: the next expression may begin where this one ends ("16.17. Mai").
            before_next = found.end()
