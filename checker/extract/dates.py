"""German temporal expressions resolved against the publication date (news mode).

`find_temporal_expressions` finds every expression with its TIMEX3 type (DATE, TIME, DURATION,
SET) and value, in one scan of one compiled pattern. Underspecified dates ("am 10. Januar",
"im Juni", "am Donnerstag") are placed before or after publication as the tense and cue words
of their clause say, nearest to publication otherwise. `extract_dates` turns the expressions
that name a date into claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from checker.document import Document
from checker.extract.alternation import word_alternation
from checker.extract.dates_calendar import (
    CLAIM_GRANULARITY,
    MAX_WALKED_DAYS,
    Period,
    add_months,
    allowed,
    century_period,
    choose,
    common_timex,
    day_period,
    days_within,
    decade_period,
    distance,
    easter_sunday,
    half_period,
    julian_to_gregorian,
    millennium_period,
    month_end,
    month_period,
    narrowed,
    orthodox_easter_sunday,
    quarter_period,
    season_period,
    shift_day,
    shifted_period,
    union,
    week_period,
    unit_period,
    weekday_span,
    weekend_period,
    year_period,
)
from checker.extract.dates_context import FUTURE, NEUTRAL, PAST, WORD, DateContext, phrase_pattern
from checker.extract.dates_lexicon import DatesLexicon, dates_lexicon, fold
from checker.extract.dates_patterns import iter_matches, month_range_end_pattern, range_end_pattern, range_separator, range_start_pattern
from checker.extract.dates_ranges import join_date_ranges, range_joins
from checker.lexicon import LexiconError, load_lexicon
from checker.published import PublicationDate
from checker.schema import Claim


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """One expression: its TimeML extent and value, and the period a claim about it states.

    `claim_start`/`claim_end` may be wider than the TimeML extent: TimeML marks only "zwei
    Wochen" in "vor zwei Wochen" (a duration), while the claim is the point in time.
    """

    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    period: Period | None = None
    weekday: int | None = None
    claim_start: int | None = None
    claim_end: int | None = None


# --- resolution helpers ------------------------------------------------------------------

# The last month in which "das neue Jahr" is still the year just begun, not the next one: a report
# of early February ("ist gut ins neue Jahr gestartet") speaks of the year's first weeks.
NEW_YEAR_LAST_NEW_MONTH = 2

# The TIMEX3 value of a date that cannot be resolved.
UNKNOWN_VALUE = "XXXX-XX-XX"


def _candidate_years(published: PublicationDate) -> range:
    return range(max(published.start.year - 1, 1), min(published.end.year + 1, 9998) + 1)


def _choose_by_tense(context: DateContext, candidates: list[Period], start: int, end: int) -> Period | None:
    """The candidate on the side the tense of [start, end) says, a preference against a weak cue."""
    return choose(candidates, context.published, context.direction(start, end), against_tense_days=context.against_tense_days(start, end))


def _day_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _every_year(context: DateContext, offset: int) -> bool:
    """ "Jedes Jahr am 28. Dezember": a day of every year (TIMEX3 SET), not one date."""
    return bool(phrase_pattern("every_year").search(context.text, max(0, offset - 30), offset))


def _resolve_day_month(context: DateContext, offset: int, end: int, month: int, day: int, year: int | None) -> Period | None:
    if year is not None:
        found = _day_or_none(year, month, day)
        return day_period(found) if found else None
    hint = context.year_hint(offset, month, end)
    if hint is None:
        hint = _year_of_then(context, offset, end)
    if hint is not None:
        found = _day_or_none(hint, month, day)
        return day_period(found) if found else None
    candidates = [day_period(found) for y in _candidate_years(context.published) if (found := _day_or_none(y, month, day))]
    return _choose_by_tense(context, candidates, offset, end)


def _resolve_month(context: DateContext, offset: int, end: int, month: int, part: str | None = None) -> Period | None:
    """The month, or the third of it `part` names ("Anfang Juni"), on the side the tense says."""
    hint = context.year_hint(offset, month, end)
    if hint is None:
        hint = _year_of_then(context, offset, end)
    if hint is not None:
        return _part_of(month_period(hint, month), part)
    candidates = [month_period(y, month) for y in _candidate_years(context.published)]
    chosen = _choose_by_tense(context, candidates, offset, end)
    return _part_on_tense_side(candidates, chosen, part, context.published, context.direction(offset, end))


def _year_of_then(context: DateContext, offset: int, end: int) -> int | None:
    """ "Im Jahr 2019 war er Minister. Damals fand am 3. Mai eine Wahl statt": "damals" (lexicon
    then_words) in the sentence points back at the date the text named last, so a day or month
    without its year in a past clause lies in that date's year, not in the year before
    publication. Only a date within one year before publication's: in the current year the tense
    already finds the past one."""
    reference = context.reference
    if reference is None or reference.start.year != reference.end.year or reference.end.year >= context.published.start.year:
        return None
    sentence_start, sentence_end = context.sentence_bounds(offset)
    if not phrase_pattern("then_words").search(context.text, sentence_start, sentence_end):
        return None
    return reference.start.year if context.direction(offset, end) == PAST else None


def _resolve_weekday(context: DateContext, offset: int, end: int, weekday: int, direction: int | None, same_week: bool = False) -> Period | None:
    published = context.published
    if same_week:
        first = published.start - timedelta(days=published.start.isoweekday() - weekday)
        last = published.end - timedelta(days=published.end.isoweekday() - weekday)
        return union(day_period(first), day_period(last))
    # A bare weekday that is the publication day's own weekday is that day, whatever the tense:
    # "Biden und Putin sprachen am Dienstag" in a Tuesday's news is that Tuesday's call, and "am
    # Dienstag wollen sie sprechen" is today's plan. A writer who means the week before or after
    # says so ("am vergangenen Dienstag", "kommenden Dienstag": `direction` is given).
    bare = direction is None
    if bare and published.granularity == "day" and published.start.isoweekday() == weekday:
        if context.deadline(offset) and context.direction(offset, end) == FUTURE:
            # "Die Frist läuft bis Dienstag" in a Tuesday's news: a deadline a reader can still
            # meet, the Tuesday a week on (today's would say "bis heute"). Not told in the
            # perfect ("Das Krankenhaus hat bis Freitag 31 Verletzte behandelt" on a Friday: the
            # count up to today; `DateContext._nearest_cue` leaves its tense neutral).
            return day_period(published.start + timedelta(days=7))
        return day_period(published.start)
    yesterday = published.start - timedelta(days=1)
    if bare and published.granularity == "day" and yesterday.isoweekday() == weekday and context.scheduled_event_called_off(offset, end):
        return day_period(yesterday)  # "Das für Freitag geplante Konzert ist abgesagt worden" on a Saturday
    # The candidates: every such weekday from a week before publication to a week after.
    first_day = published.start - timedelta(days=7)
    first_day += timedelta(days=(weekday - first_day.isoweekday()) % 7)
    last_day = published.end + timedelta(days=7)
    tense = context.direction(offset, end) if direction is None else direction
    if published.granularity != "day" and (published.end - published.start).days <= MAX_WALKED_DAYS:
        # `choose` would walk every day of the month; the answer needs only its first and last.
        return weekday_span(published, weekday, tense, counting_the_day_itself=bare)
    candidates = [day_period(first_day + timedelta(days=days)) for days in range(0, (last_day - first_day).days + 1, 7)]
    return choose(candidates, published, tense, strict=True)


def _part_of(period: Period, part: str | None) -> Period:
    return narrowed(period, part) if part is not None else period


def _resolve_season(context: DateContext, offset: int, end: int, season: str, year: int | None, direction: int | None, part: str | None = None) -> Period:
    """The season, or the third of it `part` names, narrowed before the choice ("bis Anfang des
    Frühjahrs soll" in May is next year's: this spring's beginning has passed)."""
    if year is not None:
        return _part_of(season_period(year, season), part)
    published = context.published
    if direction is None:
        candidates = [season_period(y, season) for y in _candidate_years(published)]
        chosen = _choose_by_tense(context, candidates, offset, end)
        return _part_on_tense_side(candidates, chosen, part, published, context.direction(offset, end))
    if direction == 0:
        return _part_of(choose([season_period(y, season) for y in _candidate_years(published)], published, 0), part)
    return _part_of(_shifted_named_period(published, lambda year: season_period(year, season), direction), part)


def _part_on_tense_side(candidates: list[Period], chosen: Period | None, part: str | None, published: PublicationDate, tense: int) -> Period | None:
    """The part of the chosen period, or of the one after (before) it when the part lies wholly
    on the other side of publication than the tense says: "bis Anfang des Frühjahrs soll" in May
    is next spring's beginning, this spring's has passed; "Ende Januar hatte" on 10 January is
    last year's. The whole period is chosen first, as a reader places "Frühjahr" before its part.
    A coming part may end on publication day itself: "Ende September" on 30 September is this
    month's end, still running, not next year's."""
    if chosen is None or part is None:
        return chosen
    narrowed_part = narrowed(chosen, part)
    if tense == NEUTRAL or allowed(narrowed_part, published, tense, strict=tense != FUTURE):
        return narrowed_part
    ordered = sorted(candidates, key=lambda period: period.start)
    index = ordered.index(chosen) + tense if chosen in ordered else -1
    if not 0 <= index < len(ordered):
        return narrowed_part
    return narrowed(ordered[index], part)


def _season_part(context: DateContext, offset: int, end: int, word: str, year: int | None, direction: int | None) -> Period | None:
    """The season `word` names, or the third of it a compound names ("im Spätsommer" is about
    the last third of summer; its TIMEX3 value stays the season's, as for "Ende Juni")."""
    season, part = context.lexicon.season(word)
    return _resolve_season(context, offset, end, season, year, direction, part)


def _shifted_named_period(published: PublicationDate, in_year: Callable[[int], Period], shift: int) -> Period | None:
    """ "im nächsten Mai", "im letzten Winter": the month or season `in_year` gives for a year, the
    nearest on the side of publication `shift` says, passing over the one publication lies in
    ("im letzten Winter" in January is the winter before the current one)."""
    candidates = [in_year(year) for year in range(published.start.year - 2, published.end.year + 3)]
    return choose(_other_than_current(candidates, published), published, shift, strict=True)


def _other_than_current(candidates: list[Period], published: PublicationDate) -> list[Period]:
    """Without the month or season the article appeared in: that one is "dieser", so "im
    nächsten Frühjahr" in May is next year's and "im vergangenen Mai" in May last year's. An
    article dated only to its year lies in no one month or season and keeps every candidate."""
    return [period for period in candidates if not (period.start <= published.start and published.end <= period.end)]


def _weekend(context: DateContext, offset: int, end: int, direction: int | None) -> Period | None:
    published = context.published
    candidates = []
    current = published.start - timedelta(days=7)
    while current <= published.end + timedelta(days=7):
        candidates.append(weekend_period(current))
        current += timedelta(days=7)
    unique = sorted(set(candidates), key=lambda period: period.start)
    tense = context.direction(offset, end) if direction is None else direction
    said_on = context.speech_day(end) if direction is None and tense == FUTURE else None
    if said_on is not None and said_on < published.start:
        # "Ein Termin solle am Wochenende festgelegt werden, sagte ein Sprecher am Freitag" in an
        # article of Monday: the weekend coming when it was said, already past.
        return next(period for period in unique if period.end > said_on)
    return choose(unique, published, tense, strict=direction is not None and direction != 0)


def _expand_year(two_digits: int, published: PublicationDate) -> int:
    century = published.end.year // 100 * 100
    year = century + two_digits
    return year - 100 if year > published.end.year + 10 else year


def _written_year(text: str, published: PublicationDate) -> int:
    """A year written with four digits, or with two near publication ("14.10.18")."""
    return int(text) if len(text) == 4 else _expand_year(int(text), published)


def _decade(published: PublicationDate, century_digits: str | None, digit: int) -> int:
    if century_digits:
        return int(century_digits) * 10 + digit
    decade = published.end.year // 100 * 10 + digit
    return decade - 10 if decade * 10 > published.end.year else decade


def _ordinal(lexicon: DatesLexicon, word: str) -> int | None:
    folded = fold(word)
    for ending in ("", "e", "en", "er", "em", "es", "s"):
        stem = folded[: len(folded) - len(ending)] if ending and folded.endswith(ending) else (folded if not ending else None)
        if stem and stem in lexicon.ordinal_words:
            return lexicon.ordinal_words[stem]
    return None


def _shift(lexicon: DatesLexicon, word: str) -> int:
    folded = fold(word)
    if folded in lexicon.relative_nouns:
        return lexicon.relative_nouns[folded][1]
    for stem, shift in lexicon.relative_shifts.items():
        if folded.startswith(stem):
            return shift
    return 0


def _number(lexicon: DatesLexicon, word: str) -> int | None:
    folded = fold(word)
    if folded.isdigit():
        return int(folded)
    return lexicon.number_words.get(folded)


_UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "weekend": "WE"}


def _duration_value(amount: int | None, unit: str) -> str:
    count = "X" if amount is None else str(amount)
    if unit == "decade":
        return f"P{count if amount is None else amount * 10}Y"
    return f"P{count}{_UNIT_CODES.get(unit, 'X')}"


def _vague_period(published: PublicationDate, value: str) -> Period:
    return Period(published.start, published.end, published.granularity, value)


# --- handlers: one per alternative of the pattern ------------------------------------------


def _date(match: re.Match, group: str, period: Period | None, weekday: int | None = None, type_: str = "DATE", value: str | None = None) -> TemporalExpression | None:
    if period is None:
        return None
    start = match.start(group) if group else match.start()
    return TemporalExpression(start, match.end(), type_, value or period.timex, period, weekday)


def _span_start(match: re.Match, article_group: str, fallback: str) -> str:
    return article_group if match.group(article_group) else fallback


def _on_iso(match: re.Match, context: DateContext) -> TemporalExpression | None:
    groups = match.group
    kind = "iso"
    found = _day_or_none(int(groups("iso_year")), int(groups("iso_month")), int(groups("iso_day")))
    return _date(match, kind, day_period(found) if found else None)


def _on_num(match: re.Match, context: DateContext) -> TemporalExpression | None:
    published = context.published
    groups = match.group
    kind = "num"
    month, day = int(groups("num_month")), int(groups("num_day"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year_text = groups("num_year")
    year = None
    weekday = context.lexicon.weekday(groups("num_weekday")) if groups("num_weekday") else None
    day_start = match.start("num_day")
    if weekday is None and (abbreviated := _weekday_abbreviation(context, day_start)) is not None:
        day_start, weekday = abbreviated
    if year_text:
        year = _written_year(year_text, published)
    else:
        # "14.10. – 15.10.2018": the first end of a range takes the year of the second.
        partner = _day_range_end(context, match.end())
        year = _range_year(partner, month, published) if partner else None
        # "am 10.1." is a date, "Kapitel 1.1." a section number: without a year the date needs a
        # cue, a weekday in front or a range with a year ("3.4. und 3.5." may be sections).
        if (
            weekday is None
            and year is None
            and not context.previous_word(day_start).endswith(("(", ","))
            and not _bare_range_cue(context, day_start)
            and not _after_range_start(context, day_start, day)
        ):
            return None
    expression = _date(match, kind, _resolve_day_month(context, match.start(), match.end(), month, day, year), weekday)
    if expression is not None and day_start < expression.start:
        if expression.period is not None and expression.period.start == expression.period.end and expression.period.start.isoweekday() != weekday:
            return None  # "So 12.3." on a Saturday: not a weekday the date has, so no date
        return TemporalExpression(day_start, expression.end, expression.type, expression.value, expression.period, weekday)
    return expression


def _after_range_start(context: DateContext, day_start: int, day: int) -> bool:
    """ "14./15.10.", "vom 14 - 15.10.": the first day of a range right before the date; one
    without its full stop only when it is the earlier day and no count ("Seite 14-15.10.")."""
    found = range_start_pattern().search(context.text, max(0, day_start - 16), day_start)
    if found is None or found.group("bare") is None:
        return found is not None
    return int(found.group("bare")) < day and _bare_range_cue(context, found.start())


def _bare_range_cue(context: DateContext, offset: int) -> bool:
    """A cue before the first day of "vom 14 - 15.10.", as a numeric date without a year needs one
    ("Abschnitt 3 - 4.2." is a section)."""
    previous = fold(context.previous_word(offset))
    return previous in context.lexicon.context["numeric_date_cues"] or previous.rstrip(",") in context.lexicon.weekdays


def _weekday_abbreviation(context: DateContext, day_start: int) -> tuple[int, int] | None:
    """ "Mo., 12.3.", "Fr 18.7.": a capitalised weekday abbreviation right before a numeric date,
    its start and weekday."""
    previous, previous_start = context.previous_word_at(day_start)
    weekday = context.lexicon.weekday_abbreviations.get(fold(previous.rstrip(",").removesuffix(".")))
    if weekday is None or not previous[:1].isupper():
        return None
    return previous_start, weekday


def _day_range_end(context: DateContext, offset: int) -> re.Match | None:
    """The second end of a day range right after a date: "– 15.10.2018", "bis 3. Januar 2019"."""
    return range_end_pattern().match(context.text, offset, min(len(context.text), offset + 40))


def _range_year(partner: re.Match, month: int, published: PublicationDate) -> int | None:
    """The year of the first end of a range, from the second end's: "28.12. – 3.1.2019" is 2018."""
    if partner.group("year"):
        text = partner.group("year")
        year = _written_year(text, published)
        second_month = int(partner.group("month"))
    elif partner.group("name_year"):
        year = int(partner.group("name_year"))
        second_month = dates_lexicon().month(partner.group("month_name"))
    else:
        return None
    return year - 1 if month > second_month else year


def _on_dm(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    kind = "dm"
    year = int(groups("dm_year")) if groups("dm_year") else None
    if groups("dm_relative"):
        year = _relative_year(context, groups("dm_relative"))
    day = int(groups("dm_day")) if groups("dm_day") else _ordinal(lexicon, groups("dm_ordinal"))
    if day is None:
        return None
    if year is None and (partner := _day_range_end(context, match.end())):
        # "vom 28. Dezember bis 3. Januar 2019"; not "zwischen dem 30. Januar und dem 10. Februar 1043 Menschen"
        if not (partner.group("name_year") and _counted_after(context, partner.end("name_year"))):
            year = _range_year(partner, lexicon.month(groups("dm_month")), published)
    if year is None and _every_year(context, match.start()):
        return TemporalExpression(match.start(), match.end(), "SET", f"XXXX-{lexicon.month(groups('dm_month')):02d}-{day:02d}")
    period = _resolve_day_month(context, match.start(), match.end(), lexicon.month(groups("dm_month")), day, year)
    weekday = lexicon.weekday(groups("dm_weekday")) if groups("dm_weekday") else None
    return _date(match, _span_start(match, "dm_article", "dm_weekday") if groups("dm_article") else kind, period, weekday)


def _on_nw(match: re.Match, context: DateContext) -> TemporalExpression | None:
    """ "am letzten Sonntag im September": the n-th (or last) such weekday of that month; "die
    erste Woche im Oktober", "am letzten Tag im Mai": its n-th (or last) day, or its n-th (or last)
    week from Monday to Sunday that lies wholly in the month."""
    lexicon = context.lexicon
    groups = match.group
    unit = lexicon.unit(groups("nw_unit")) if groups("nw_unit") else None
    weekday = lexicon.weekday(groups("nw_weekday")) if unit is None else 1  # a week starts on Monday
    month = lexicon.month(groups("nw_month"))
    if groups("nw_year"):
        month_days = month_period(int(groups("nw_year")), month)
    else:
        month_days = _resolve_month(context, match.start(), match.end(), month)
    if month_days is None or month_days.start != month_days.end.replace(day=1):
        return None  # several months fit (an article dated to a year): no single day
    ordinal = _ordinal(lexicon, groups("nw_ordinal"))
    start_group = _span_start(match, "nw_article", "nw_ordinal")
    if unit == "day":
        day = month_days.end if ordinal is None else month_days.start + timedelta(days=ordinal - 1)
        return _date(match, start_group, day_period(day)) if day <= month_days.end else None
    last_start = month_days.end - timedelta(days=6) if unit == "week" else month_days.end
    if ordinal is None:
        day = last_start - timedelta(days=(last_start.isoweekday() - weekday) % 7)
    else:
        day = month_days.start + timedelta(days=(weekday - month_days.start.isoweekday()) % 7 + 7 * (ordinal - 1))
    if day > last_start:
        return None
    if unit == "week":
        return _date(match, start_group, week_period(day))
    return _date(match, start_group, day_period(day), weekday)


def _on_en(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    groups = match.group
    if groups("en_num_month"):
        # "vom 14. bis 15.10.": the first day takes the numeric month (and year) of the last.
        month = int(groups("en_num_month"))
        if not 1 <= month <= 12:
            return None
        year_text = groups("en_num_year")
        year = _written_year(year_text, context.published) if year_text else None
    else:
        month = lexicon.month(groups("en_month"))
        year = int(groups("en_year")) if groups("en_year") else None
    period = _resolve_day_month(context, match.start(), match.end(), month, int(groups("en_day")), year)
    if period is None:
        return None
    # "am 16. und 17. Jänner": the first day is the number alone, as TimeML annotators mark it.
    return TemporalExpression(match.start(), match.end("en_day"), "DATE", period.timex, period)


def _on_eb(match: re.Match, context: DateContext) -> TemporalExpression | None:
    """ "14-15. Oktober", "vom 14 – 15.10.2022": the first day of the range, in the month and year
    of the second. Only forward ("3-1. Mai" is no range), not after a word that makes the number
    a count or a number ("Seite 14-15. Mai", "rund 10 bis 12. Mai"), and before a numeric month
    without a year only after a date cue, as the numeric date itself."""
    lexicon = context.lexicon
    groups = match.group
    first, last = int(groups("eb_day")), int(groups("eb_last"))
    if not 1 <= first < last <= 31 or fold(context.previous_word(match.start())) in lexicon.year_blockers_before:
        return None
    if groups("eb_num_month"):
        month = int(groups("eb_num_month"))
        year_text = groups("eb_num_year")
        if not 1 <= month <= 12 or not (year_text or _bare_range_cue(context, match.start())):
            return None
        year = _written_year(year_text, context.published) if year_text else None
    else:
        month = lexicon.month(groups("eb_month"))
        year = int(groups("eb_year")) if groups("eb_year") else None
    return _date(match, "eb", _resolve_day_month(context, match.start(), match.end(), month, first, year))


def _on_my(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    groups = match.group
    if groups("my_relative"):
        year = _relative_year(context, groups("my_relative"))
    else:
        year = int(groups("my_year"))
    return _date(match, _span_start(match, "my_article", "my_month"), month_period(year, lexicon.month(groups("my_month"))))


def _on_qt(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    if groups("qt_named"):
        unit, number = lexicon.named_quarters[fold(groups("qt_named"))]
    else:
        unit = lexicon.quarter_units[fold(groups("qt_unit"))]
        number = int(groups("qt_number")) if groups("qt_number") else _ordinal(lexicon, groups("qt_word"))
    halves = unit == "half"
    if number not in ((1, 2) if halves else (1, 2, 3, 4)):
        return None
    make = half_period if halves else quarter_period
    if (split_part := _part_of_split_year(context, match.end(), number, 2 if halves else 4)) is not None:
        return _date(match, _span_start(match, "qt_article", "qt"), split_part, value=UNKNOWN_VALUE)
    if groups("qt_year"):
        period = make(int(groups("qt_year")), number)
    elif groups("qt_relative"):
        period = make(_relative_year(context, groups("qt_relative")), number)
    elif (hint := context.year_hint(match.start(), end=match.end())) is not None:
        period = make(hint, number)
    else:
        # "im vierten Quartal" with a past verb in May is last year's.
        candidates = [make(year, number) for year in _candidate_years(published)]
        period = _choose_by_tense(context, candidates, match.start(), match.end())
    part_word, part_start = context.previous_word_at(match.start())
    part = lexicon.period_parts.get(fold(part_word))
    if period is not None and part is not None:
        # "Ende des dritten Quartals", "Anfang des zweiten Halbjahres": that third of it.
        return TemporalExpression(part_start, match.end(), "DATE", period.timex, _part_of(period, part))
    return _date(match, _span_start(match, "qt_article", "qt"), period)


def _on_qs(match: re.Match, context: DateContext) -> TemporalExpression | None:
    groups = match.group
    kind = "qs"
    number, year = int(groups("qs_number")), int(groups("qs_year"))
    if groups("qs_unit").upper() == "H":
        return _date(match, kind, half_period(year, number) if number in (1, 2) else None)
    return _date(match, kind, quarter_period(year, number))


def _on_kw(match: re.Match, context: DateContext) -> TemporalExpression | None:
    """ "in der 12. Kalenderwoche", "KW 12/2022": the ISO week, in the year written, else the
    year of the sentence, else the one nearest publication on the side the tense says."""
    groups = match.group
    word = groups("kw_word") or groups("kw_word_after")
    if len(word) == 2 and word != "KW":
        return None  # "kW" is kilowatt
    week = int(groups("kw_number") or groups("kw_ordinal"))
    year_text = groups("kw_year") or groups("kw_full_year")
    if year_text:
        year = _written_year(year_text, context.published)
        period = _iso_week(year, week)
    elif (hint := context.year_hint(match.start())) is not None:
        period = _iso_week(hint, week)
    else:
        candidates = [found for year in _candidate_years(context.published) if (found := _iso_week(year, week))]
        period = _choose_by_tense(context, candidates, match.start(), match.end()) if candidates else None
    return _date(match, _span_start(match, "kw_article", "kw"), period)


def _iso_week(year: int, week: int) -> Period | None:
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None  # week 0, or 53 in a year of 52 weeks
    return week_period(monday)


def _on_cy(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    groups = match.group
    number = int(groups("cy_number")) if groups("cy_number") else _ordinal(lexicon, groups("cy_word"))
    if not number or number > 30:
        return None
    if lexicon.unit(groups("cy_unit")) == "millennium":
        return _date(match, _span_start(match, "cy_article", "cy"), millennium_period(number - 1))
    return _date(match, _span_start(match, "cy_article", "cy"), century_period(number - 1))


def _on_dc(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    if groups("dc_dative") and (fold(groups("dc_article") or "") != "den" or _age_before(context, match.start())):
        # "in den Neunzigern" is the decade; "ein Mann in den Achtzigern" is his age.
        return None
    digit = int(groups("dc_digit")) if groups("dc_digit") else lexicon.decade_words[fold(groups("dc_word"))]
    decade = _decade(published, groups("dc_century"), digit)
    return _date(match, _span_start(match, "dc_article", "dc"), decade_period(decade))


def _age_before(context: DateContext, offset: int) -> bool:
    """A person or an age among the three words before `offset`: "eine Frau in den Siebzigern"."""
    words = context.text[max(0, offset - 40) : offset].split()[-3:]
    return any(fold(word.strip(",;:()")) in context.lexicon.context["age_words"] for word in words)


def _on_jy(match: re.Match, context: DateContext) -> TemporalExpression | None:
    groups = match.group
    year = int(groups("jy_year"))
    unit = context.text[match.start() : match.start("jy_year")].split()[-1]
    if (fold(unit) in context.lexicon.unit_plurals or len(groups("jy_year")) < 4) and not _year_noun_led(match, context):
        return None  # "seit Jahren 400 Soldaten", "pro Jahr 400 Euro": a count after a duration or rate
    if not _since_start(context, match.start()):
        context.explicit_year = (year, match.start())
    return _date(match, _span_start(match, "jy_article", "jy"), year_period(year))


def _year_noun_led(match: re.Match, context: DateContext) -> bool:
    """ "im Jahr 800", "in den Jahren 1990 bis 1995", "aus dem Jahre 1910": a plural year noun or
    a three-digit year names a year only after an article or a leading preposition; "seit Jahren
    400 Soldaten", "pro Jahr 400 Euro" are counts."""
    return bool(match.group("jy_article")) or fold(context.previous_word(match.start())) in context.lexicon.context["lead_words"]


def _on_sy(match: re.Match, context: DateContext) -> TemporalExpression | None:
    """ "Saison 2014/15": both years as one span, from the noun's first month in the first year to
    its last in the second (lexicon split_year_months; both whole years for a noun not listed).
    TIMEX3 has no value for a span across years, so the TimeML value is the fully unknown date
    (XXXX-XX-XX), while the claim states the span as an ISO interval ("2014-07/2015-06")."""
    groups = match.group
    first = int(groups("sy_first"))
    second = int(groups("sy_second"))
    last = first // 100 * 100 + second
    if last <= first:
        last += 100
    if not 0 < last - first <= 10:
        return None
    if not groups("sy_noun"):
        previous = fold(context.previous_word(match.start()))
        if previous not in context.lexicon.year_cues and previous not in context.lexicon.strong_year_cues:
            return None
    period = _split_year_period(context.lexicon.split_year_months.get(fold(groups("sy_noun") or "")), first, last)
    context.explicit_year = (first, match.start())
    context.split_year = (period, match.start())
    start_group = "sy_article" if groups("sy_article") else "sy_noun" if groups("sy_noun") else "sy_first"
    return _date(match, start_group, period, value=UNKNOWN_VALUE)


def _split_year_period(months: tuple[int, int] | None, first: int, last: int) -> Period:
    """The span of "Saison 2014/15": from the noun's first month (lexicon split_year_months) in
    the first year to its last in the second; both whole years for a noun not listed. Also the
    span of a yearly period named otherwise ("Sommersemester 2026", "vergangene Saison")."""
    if months is None:
        return Period(year_period(first).start, year_period(last).end, "year", f"{first:04d}/{last:04d}")
    return Period(date(first, months[0], 1), month_end(last, months[1]), "month", f"{first:04d}-{months[0]:02d}/{last:04d}-{months[1]:02d}")


@lru_cache(maxsize=1)
def _split_year_genitive() -> re.Pattern[str]:
    """ "des Geschäftsjahres 2025/26" right after a half-year or quarter: the cycle it divides."""
    lexicon = dates_lexicon()
    articles = word_alternation(lexicon.context["genitive_words"], ignore_case=True)
    nouns = word_alternation(lexicon.split_year_months, ignore_case=True)
    return re.compile(rf"\s+(?:{articles})\s+(?P<noun>{nouns})\s+(?P<first>(?:1\d|20)\d{{2}})\s*/\s*(?P<second>\d{{2}})(?![\d/])", re.IGNORECASE)


def _part_of_split_year(context: DateContext, end: int, number: int, parts: int) -> Period | None:
    """ "im ersten Halbjahr des Geschäftsjahres 2025/26": that part of the split year, not of a
    calendar year. A cycle listed with more than twelve months is the union of the cycles it
    may be (a business year begins in any month from February to November): the part then runs
    from its earliest start to its latest end. None without such a genitive, or for a cycle
    shorter than a year ("Wintersemester")."""
    found = _split_year_genitive().match(context.text, end)
    if found is None:
        return None
    first = int(found.group("first"))
    last = first // 100 * 100 + int(found.group("second"))
    if last != first + 1:
        return None
    cycle = _split_year_period(context.lexicon.split_year_months[fold(found.group("noun"))], first, last)
    cycle_months = (cycle.end.year - cycle.start.year) * 12 + cycle.end.month - cycle.start.month + 1
    if cycle_months < 12:
        return None
    part_months = 12 // parts
    start = add_months(cycle.start, (number - 1) * part_months)
    last_month = add_months(cycle.start, number * part_months - 1 + cycle_months - 12)
    return Period(start, month_end(last_month.year, last_month.month), "month", f"{start:%Y-%m}/{last_month:%Y-%m}")


def _on_sm(match: re.Match, context: DateContext) -> TemporalExpression | None:
    """ "zum Sommersemester 2026": the months of the period in that year (lexicon
    year_period_months; the winter semester runs on into the next). TimeML marks and values the
    year alone, as without the noun; the claim is the period, from the noun on."""
    groups = match.group
    first_month, last_month = context.lexicon.year_period_months[fold(groups("sm_noun"))]
    year = int(groups("sm_year"))
    last_year = year + 1 if last_month < first_month else year
    period = _split_year_period((first_month, last_month), year, last_year)
    context.explicit_year = (year, match.start())
    return TemporalExpression(match.start("sm_year"), match.end(), "DATE", groups("sm_year"), period, None, match.start("sm_noun"), match.end())


# The longest span of a period that recurs every year: a league's or a theatre's season
# (July to July); longer ones (a business year, bounded by its possible months) name no cycle.
MAX_YEARLY_PERIOD_MONTHS = 13


def _on_rs(match: re.Match, context: DateContext) -> TemporalExpression | None:
    """ "in der vergangenen Saison", "im laufenden Schuljahr": of the yearly periods a noun names
    (its months: lexicon split_year_months), the one begun last before publication, shifted by
    the relative word. "diese"/"laufende" between two such periods (a winter semester in June)
    names none, and the one ended last is "vergangene"; nor does a noun whose months are not a
    yearly cycle ("laufendes Geschäftsjahr")."""
    groups = match.group
    first_month, last_month = context.lexicon.split_year_months[fold(groups("rs_noun"))]
    if 13 - first_month + last_month > MAX_YEARLY_PERIOD_MONTHS:
        return None
    published = context.published.start
    first_year = published.year if published.month >= first_month else published.year - 1
    shift = _shift(context.lexicon, groups("rs_relative"))
    if published > month_end(first_year + 1, last_month):
        if shift == 0:
            return None
        if shift < 0:
            shift += 1  # the one begun last has ended: it is the past one
    first_year += shift
    period = _split_year_period((first_month, last_month), first_year, first_year + 1)
    return _date(match, _span_start(match, "rs_article", "rs_relative"), period, value=UNKNOWN_VALUE)


def _on_an(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    kind = "an"
    word = fold(groups("an_word"))
    offset = lexicon.anaphoric_days[word]
    reference = context.reference_day
    sentence_start = context.sentence_bounds(match.start())[0]
    if reference is not None and word in lexicon.context["story_day_words"] and _background_day(context, reference, sentence_start):
        reference = None
    if context.anaphor is not None:
        # "wie schon am Tag zuvor ... ihr Sieg vom Vortag": in one sentence, every such word
        # counts from the same day, not from the one before it.
        anaphor_sentence, anchor, result = context.anaphor
        if anaphor_sentence == sentence_start and reference == result:
            reference = anchor
    if reference is None:
        result = shifted_period(published, "day", offset)
    else:
        result = day_period(reference.start + timedelta(days=offset))
    context.anaphor = (sentence_start, reference, result)
    return _date(match, kind, result)


# How far before the publication day the days of the story it reports lie.
STORY_WEEK_DAYS = 7


def _background_day(context: DateContext, day: Period, sentence_start: int) -> bool:
    """ "Heil und Nahles hatten sich am 6. November getroffen. Das Amt hatte am Vortag Zahlen
    veröffentlicht" (published 29 November): a day named in an earlier sentence and more than
    a week before the publication day is a background event, not the day the story is at; the
    "Vortag" of a later sentence is the day before the story's day, the publication day. Days
    of the story's week ("Am Mittwoch stürzte der Dax ab. Am Vortag ...") and coming ones
    ("Am 20. Dezember beginnt der Markt. Am Vortag ...") are still counted from."""
    published = context.published
    if published.granularity != "day" or context.reference_day_start is None or context.reference_day_start >= sentence_start:
        return False
    return day.end < published.start - timedelta(days=STORY_WEEK_DAYS)


def _on_rp(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    kind = "rp"
    shift = _shift(lexicon, groups("rp_relative"))
    value = "PAST_REF" if shift < 0 else "FUTURE_REF" if shift > 0 else "PRESENT_REF"
    if shift < 0:
        # "in den vergangenen Jahren": TimeML marks a duration reaching up to now; the claim
        # is the vague past.
        unit = lexicon.unit(groups("rp_unit"))
        return TemporalExpression(match.start(), match.end(), "DURATION", _duration_value(None, unit), _vague_period(published, value))
    if shift == 0 and lexicon.unit(groups("rp_unit")) != "day":
        return None  # "all diese Jahre": a span, not the present ("in diesen Tagen")
    return _date(match, kind, _vague_period(published, value), value=value)


def _on_after(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    unit = lexicon.unit(groups("after_unit"))
    # "im Jahr zuvor", "dem Monat danach": the one unit before or after.
    amount = 1 if groups("after_article") else _number(lexicon, groups("after_number"))
    if amount is None:
        return None
    sign = lexicon.after_words[fold(groups("after_word"))]
    reference = context.reference_day if unit in ("day", "week", "weekend") else context.reference
    if reference is None:
        point = shifted_period(published, unit, sign * amount)
    else:
        anchor = PublicationDate(reference.start, reference.end, "day" if reference.start == reference.end else "month")
        point = shifted_period(anchor, unit, sign * amount)
    return TemporalExpression(match.start("after_span"), match.end("after_span"), "DURATION", _duration_value(amount, unit), point, None, match.start(), match.end())


@lru_cache(maxsize=1)
def _comparison_base_pattern() -> re.Pattern[str]:
    """Right before a date: what makes it the base a figure is compared with ("1,4 Prozent mehr
    als im Vorjahr", "gegenüber dem Vorjahr")."""
    context_words = dates_lexicon().context
    words = word_alternation(context_words["comparison_before"], r"\s+", ignore_case=True)
    articles = word_alternation(context_words["comparison_articles"], ignore_case=True)
    return re.compile(rf"(?<!\w)(?:{words})\s+(?:{articles}\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _comparison_last_words() -> tuple[str, ...]:
    """The last words of the comparison phrases and of an article after them, each with a blank."""
    context_words = dates_lexicon().context
    words = {phrase.split()[-1] for phrase in context_words["comparison_before"]} | context_words["comparison_articles"]
    return tuple(sorted(f"{word} " for word in words | {word.capitalize() for word in words}))


def is_comparison_base(text: str, offset: int) -> bool:
    """Whether the date at `offset` of `text` is the base a figure is compared with ("mehr als im
    Vorjahr", "gegenüber dem Vormonat"): no time of the story, nor of the figure. A date quoted
    with its article ("dem Vormonat") is read after the article too, so that "über dem" before
    "Vormonat" counts."""
    if (article := _leading_article_pattern().match(text, offset)) is not None and _is_comparison_base_at(text, article.end()):
        return True
    return _is_comparison_base_at(text, offset)


@lru_cache(maxsize=1)
def _leading_article_pattern() -> re.Pattern[str]:
    """One of `comparison_articles` and its blank at the start of a date's quote ("dem Vormonat")."""
    articles = word_alternation(dates_lexicon().context["comparison_articles"], ignore_case=True)
    return re.compile(rf"(?:{articles})\s+", re.IGNORECASE)


def _is_comparison_base_at(text: str, offset: int) -> bool:
    if not text.endswith(_comparison_last_words(), max(0, offset - 12), offset):
        return False  # most dates: no search
    return bool(_comparison_base_pattern().search(text, max(0, offset - 40), offset))


def _on_rc(match: re.Match, context: DateContext) -> TemporalExpression | None:
    """ "in den vergangenen zwei Jahren", "in den nächsten zwei Wochen": news count from
    publication, not over whole calendar units ("soll in den nächsten zwei Wochen beginnen" may
    begin tomorrow). TimeML marks the duration "zwei Jahren"; the claim is the span."""
    words = context.lexicon.context
    following = fold(context.next_word(match.end()))
    # "die letzten drei Monate des Jahres", "die letzten zwei Wochen vor der Wahl": counted back
    # from another time, so only the duration is known.
    other_time = following in words["genitive_words"] or following in words["counted_from_other_time"]
    return _counted_span(match, context, "rc", _shift(context.lexicon, match.group("rc_relative")), only_duration=other_time)


def _on_wi(match: re.Match, context: DateContext) -> TemporalExpression | None:
    """ "binnen zwei Wochen": from publication to the same day two weeks on. TimeML marks the
    duration "zwei Wochen"; the claim is the span. In a past clause ("stieg binnen zwei Wochen um
    10 %") it is only a duration."""
    in_past_clause = context.direction(match.start(), match.end()) == PAST
    return _counted_span(match, context, "wi", 1, only_duration=in_past_clause)


def _counted_span(
    match: re.Match, context: DateContext, prefix: str, sign: int, only_duration: bool = False
) -> TemporalExpression | None:
    """A counted span of groups `<prefix>_number`, `<prefix>_unit`, `<prefix>_span`: a DURATION
    whose claim is the period `_counted_units` gives, or the duration alone when `only_duration`
    or when the unit is none of day, week, month, year ("die letzten zwei Jahrzehnte" reach back
    from now, not over whole calendar decades)."""
    lexicon = context.lexicon
    unit = lexicon.unit(match.group(f"{prefix}_unit"))
    amount = _number(lexicon, match.group(f"{prefix}_number"))
    if amount is None or amount < 1:
        return None
    start, end = match.start(f"{prefix}_span"), match.end(f"{prefix}_span")
    duration = _duration_value(amount, unit)
    if only_duration or unit not in ("day", "week", "month", "year"):
        return TemporalExpression(start, end, "DURATION", duration)
    period = _counted_units(context.published, unit, sign, amount)
    return TemporalExpression(start, end, "DURATION", duration, period, None, match.start(), match.end())


def _counted_units(published: PublicationDate, unit: str, sign: int, amount: int) -> Period:
    """From publication to the same day `amount` units after (sign +1) or before (-1) it, both
    days included (as § 188 BGB counts a deadline): "binnen zwei Wochen", "die vergangenen zehn
    Tage" reach from the day of writing, not over whole units."""
    today = shifted_period(published, "day", 0)
    other_end = day_period(shift_day(published.end if sign > 0 else published.start, unit, sign * amount))
    first, last = (other_end, today) if sign < 0 else (today, other_end)
    return Period(first.start, last.end, first.granularity, common_timex(first.timex, last.timex))


def _on_rn(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    unit, shift = lexicon.relative_nouns[fold(groups("rn_word"))]
    if (named := _same_as_named_year(context, groups("rn_word"), unit)) is not None:
        return _date(match, _span_start(match, "rn_article", "rn_word"), named)
    anchor = _story_period(context, match.start(), unit) or published
    return _date(match, _span_start(match, "rn_article", "rn_word"), shifted_period(anchor, unit, shift))


def _on_sp(match: re.Match, context: DateContext) -> TemporalExpression | None:
    """ "nach 210 Millionen Euro im Vorjahreszeitraum": the month, quarter or half-year the story
    names in this sentence or the one before, a year before (as "Vorjahresquartal"); none without
    one, as no reader could tell which period. "für das Gesamtjahr": the year of that period, or
    the year written in the sentence, or else the year the tense points to."""
    groups = match.group
    story = _story_reference(context, match.start())
    if groups("sp_year_before"):
        if story is None or story.granularity not in _STORY_PERIOD_GRANULARITIES:
            return None
        # "von Januar bis Juni … im Vorjahreszeitraum": the whole range a year before.
        story = context.reference_range or story
        first, last = (unit_period(story.granularity, shift_day(day, "year", -1)) for day in (story.start, story.end))
        period = Period(first.start, last.end, first.granularity, common_timex(first.timex, last.timex))
    elif story is not None and story.start.year == story.end.year:
        period = year_period(story.start.year)
    elif (hint := context.year_hint(match.start())) is not None:
        period = year_period(hint)
    else:
        candidates = [year_period(year) for year in _candidate_years(context.published)]
        period = _choose_by_tense(context, candidates, match.start(), match.end())
    return _date(match, _span_start(match, "sp_article", "sp"), period)


# The periods a "Vorjahreszeitraum" shifts: a year before them is a period of the same kind.
_STORY_PERIOD_GRANULARITIES = ("month", "quarter", "half")


def _story_reference(context: DateContext, offset: int) -> Period | None:
    """The last period the text named, when it stands in this sentence or the one before: further
    back it is no longer what the sentence is about."""
    if context.reference is None or context.reference_start is None:
        return None
    sentence_start = context.sentence_bounds(offset)[0]
    previous_start = context.sentence_bounds(sentence_start - 1)[0] if sentence_start > 0 else sentence_start
    return context.reference if context.reference_start >= previous_start else None


def _story_period(context: DateContext, offset: int, unit: str) -> PublicationDate | None:
    """The month, quarter or year a sentence is about, when `unit` is one: "Im Januar ... ein Plus
    gegenüber dem Vorjahresmonat" compares with January a year before, not with the month of
    publication; "im vergangenen Jahr ... 20 mehr als im Vorjahr" with the year before that one.
    The last such period named in this sentence or the one before counts; further back it is no
    longer what the sentence is about."""
    reference = _story_reference(context, offset)
    if unit not in ("month", "quarter", "year") or reference is None or reference.granularity != unit:
        return None
    return PublicationDate(reference.start, reference.end, "month")


def _on_ago(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    unit = lexicon.unit(groups("ago_unit"))
    amount = _number(lexicon, groups("ago_number"))
    if amount is None:
        return None
    sign = lexicon.point_prepositions[fold(groups("ago_preposition"))]
    if groups("ago_today") and published.granularity == "day":
        # "Heute vor zehn Jahren fiel die Mauer": that very day, not the whole year.
        return _date(match, "", day_period(shift_day(published.start, unit, sign * amount)))
    if sign > 0 and context.direction(match.start(), match.end()) == PAST:
        # "hat sich in vier Jahren verdoppelt": a span of time, not four years from now.
        return TemporalExpression(match.start("ago_span"), match.end(), "DURATION", _duration_value(amount, unit))
    point = shifted_period(published, unit, sign * amount)
    if unit == "year" and amount == 1 and published.granularity != "year":
        # "Vor einem Jahr waren es noch 14 Cent": about this time a year ago, the month of
        # publication a year before, not the whole year; the claim's value names that month, as
        # its granularity does (TimeML marks the duration).
        point = shifted_period(published, "month", sign * 12)
    # TimeML: "zwei Wochen" is a duration; the claim is the point "vor zwei Wochen".
    return TemporalExpression(match.start("ago_span"), match.end(), "DURATION", _duration_value(amount, unit), point, None, match.start(), match.end())


def _on_dur(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    groups = match.group
    unit = lexicon.unit(groups("dur_unit"))
    return TemporalExpression(match.start(), match.end(), "DURATION", _duration_value(_number(lexicon, groups("dur_number")), unit))


def _on_da(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    kind = "da"
    word = fold(groups("da_word"))
    stem = next((stem for stem in lexicon.deictic_day_adjectives if word.startswith(stem)), None)
    if stem is None:
        return None
    if lexicon.deictic_day_adjectives[stem] == 0:
        # "die heutigen Regeln": the present in general.
        return _date(match, kind, _vague_period(published, "PRESENT_REF"))
    return _date(match, kind, shifted_period(published, "day", lexicon.deictic_day_adjectives[stem]))


def _on_dy(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    kind = "dy"
    word = fold(groups("dy_word"))
    if word in lexicon.context["new_year"]:
        return _date(match, kind, _new_year(published))
    return _date(match, kind, shifted_period(published, "year", lexicon.deictic_years[word]))


def _new_year(published: PublicationDate) -> Period:
    """ "im neuen Jahr": the year after the one a publication day is in, or that day's own year
    while it is still new, in January and February (an article of 5 February speaks of the year
    just begun; one of November or December of the coming one)."""
    first, last = (year_period(day.year if day.month <= NEW_YEAR_LAST_NEW_MONTH else day.year + 1) for day in (published.start, published.end))
    return union(first, last)


def _on_ww(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    kind = "ww"
    # "Mittwoch nächster Woche": that weekday in the shifted week.
    weekday = lexicon.weekday(groups("ww_weekday"))
    week = shifted_period(published, "week", _shift(lexicon, groups("ww_relative")))
    first = week.start + timedelta(days=weekday - 1)
    last = week.end - timedelta(days=7 - weekday)
    period = _weekday_interval(union(day_period(first), day_period(last)), weekday)
    if groups("ww_part"):
        part = lexicon.parts_of_day[fold(groups("ww_part"))]
        return _date(match, kind, period, weekday, "TIME", f"{period.timex}T{part}")
    return _date(match, kind, period, weekday)


def _on_pn(match: re.Match, context: DateContext) -> TemporalExpression | None:
    lexicon = context.lexicon
    published = context.published
    groups = match.group
    kind = "pn"
    unit, part = lexicon.period_part_nouns[fold(groups("pn_word"))]
    if groups("pn_year"):
        if unit != "year":
            return None
        return _date(match, kind, narrowed(year_period(int(groups("pn_year"))), part))
    # The part itself must lie on the side the tense says: "Zum Monatsende war ..." in mid-May is April's.
    candidates = [narrowed(unit_period(unit, shift_day(published.anchor, unit, step)), part) for step in (-1, 0, 1)]
    if context.deadline(match.start()) and context.direction(match.start(), match.end()) == FUTURE:
        # "Die Schule bleibt bis Jahresende geschlossen" in January: a deadline a reader can still
        # meet, the coming year's end, however near the one just past (a passed one says "war bis").
        period = choose(candidates, published, FUTURE, strict=True)
    else:
        period = _choose_by_tense(context, candidates, match.start(), match.end())
    return _date(match, kind, period)


def _on_we(match: re.Match, context: DateContext) -> TemporalExpression | None:
    kind = "we"
    return _date(match, kind, _weekend(context, match.start(), match.end(), None))


def _handle(match: re.Match, context: DateContext) -> TemporalExpression | None:
    return _HANDLERS[match.lastgroup](match, context)

def _on_pt(match: re.Match, context: DateContext) -> TemporalExpression | None:
    groups = match.group
    lexicon = context.lexicon
    published = context.published
    part = lexicon.period_parts[fold(groups("pt_part"))]
    base: Period | None
    if groups("pt_month"):
        month = lexicon.month(groups("pt_month"))
        if groups("pt_month_year"):
            base = month_period(int(groups("pt_month_year")), month)
        elif groups("pt_month_relative"):
            base = month_period(_relative_year(context, groups("pt_month_relative")), month)
        elif (range_year := _month_range_year(context, match.end(), month)) is not None:
            base = month_period(range_year, month)
        else:
            return _date(match, "pt", _resolve_month(context, match.start(), match.end(), month, part=part))
    elif groups("pt_year") or groups("pt_unit_year"):
        base = year_period(int(groups("pt_year") or groups("pt_unit_year")))
    elif groups("pt_relative"):
        unit = lexicon.unit(groups("pt_unit"))
        base = shifted_period(published, unit, _shift(lexicon, groups("pt_relative")))
    elif groups("pt_bare_unit"):
        if not groups("pt_article"):
            return None
        unit = lexicon.unit(groups("pt_bare_unit"))
        narrated = _narrated_year(context, match.start(), match.end()) if unit == "year" and fold(groups("pt_article")) == "des" else None
        base = year_period(narrated) if narrated is not None else shifted_period(published, unit, 0)
    elif groups("pt_decade"):
        if groups("pt_decade_bare") is not None and (fold(groups("pt_article") or "") != "der" or context.next_word(match.end())[:1].isupper()):
            return None  # "Ende der Neunziger" is the decade, "Ende der 90er Generation" is not said
        digit = int(groups("pt_decade_digit")) if groups("pt_decade_digit") else lexicon.decade_words[fold(groups("pt_decade_word"))]
        base = decade_period(_decade(published, groups("pt_decade_century"), digit))
    elif groups("pt_century") or groups("pt_ordinal_century"):
        number = int(groups("pt_century")) if groups("pt_century") else _ordinal(lexicon, groups("pt_ordinal_century"))
        if not number:
            return None
        base = century_period(number - 1)
    elif groups("pt_season"):
        year = int(groups("pt_season_year")) if groups("pt_season_year") else None
        season, season_part = lexicon.season(groups("pt_season"))
        if season_part is not None:
            return None  # "Ende des Spätsommers": no part of a part
        return _date(match, "pt", _resolve_season(context, match.start(), match.end(), season, year, None, part))
    else:
        return None
    if base is None:
        return None
    if base.granularity == "year" and part in ("first_half", "second_half"):
        # "in der zweiten Hälfte des Jahres": the half-year TimeML names, as for "Jahreshälfte".
        return _date(match, "pt", half_period(base.start.year, 1 if part == "first_half" else 2))
    return _date(match, "pt", narrowed(base, part))


def _on_mh(match: re.Match, context: DateContext) -> TemporalExpression | None:
    """ "in der ersten Märzhälfte": the 1st to the 15th, "zweiten" the 16th to the month's end, as
    "in der ersten Hälfte des März"; the month on the side the tense says."""
    lexicon = context.lexicon
    part = {1: "first_half", 2: "second_half"}.get(_ordinal(lexicon, match.group("mh_ordinal")))
    if part is None:
        return None
    month = lexicon.month(match.group("mh_month"))
    if match.group("mh_year"):
        return _date(match, "mh", narrowed(month_period(int(match.group("mh_year")), month), part))
    return _date(match, "mh", _resolve_month(context, match.start(), match.end(), month, part=part))


def _narrated_year(context: DateContext, start: int, end: int) -> int | None:
    """ "Erst 1991 wurde die Statue ein Denkmal. Ab Ende des Jahres stand sie im Park": in a past
    clause, "des Jahres" is the earlier year named in the same or the sentence before. "Seit
    Anfang des Jahres ist er gesunken" is a state lasting until now, so its year is publication's,
    unless it ended ("seit Anfang des Jahres hatte er …": the story's year)."""
    if context.explicit_year is None or context.direction(start, end) != PAST:
        return None
    if context.since(start) and not _since_ended(context, start, end):
        return None
    year, year_offset = context.explicit_year
    sentence_start, _ = context.sentence_bounds(start)
    previous_start, _ = context.sentence_bounds(max(sentence_start - 1, 0))
    if year_offset < previous_start or year >= context.published.start.year:
        return None
    return year


def _on_ru(match: re.Match, context: DateContext) -> TemporalExpression | None:
    groups = match.group
    lexicon = context.lexicon
    published = context.published
    shift = _shift(lexicon, groups("ru_relative"))
    start_group = _span_start(match, "ru_article", "ru_relative")
    if groups("ru_weekday"):
        weekday = lexicon.weekday(groups("ru_weekday"))
        period = _resolve_weekday(context, match.start(), match.end(), weekday, shift or None, same_week=shift == 0)
        if period is not None and abs(shift) == 2:
            # "übernächsten Freitag": the one after the next.
            step = timedelta(days=7 if shift > 0 else -7)
            period = union(day_period(period.start + step), day_period(period.end + step))
        period = _weekday_interval(period, weekday)
        if groups("ru_weekday_part"):
            part = lexicon.parts_of_day[fold(groups("ru_weekday_part"))]
            return _date(match, start_group, period, weekday, "TIME", f"{period.timex}T{part}" if period else None)
        return _date(match, start_group, period, weekday)
    if groups("ru_month"):
        month = lexicon.month(groups("ru_month"))
        if shift == 0:
            return _date(match, start_group, month_period(published.anchor.year, month))
        period = _shifted_named_period(published, lambda year: month_period(year, month), shift)
        if period is not None and abs(shift) == 2:
            period = month_period(period.start.year + (1 if shift > 0 else -1), month)
        return _date(match, start_group, period)
    if groups("ru_season"):
        return _date(match, start_group, _season_part(context, match.start(), match.end(), groups("ru_season"), None, shift))
    unit = lexicon.unit(groups("ru_unit"))
    if unit == "weekend":
        return _date(match, start_group, _weekend(context, match.start(), match.end(), shift) if shift else shifted_period(published, "weekend", 0))
    named = _same_as_named_year(context, groups("ru_relative"), unit)
    return _date(match, start_group, named or shifted_period(published, unit, shift))


def _same_as_named_year(context: DateContext, relative: str, unit: str) -> Period | None:
    """ "Die Fabrik schloss 2019. Im selben Jahr protestierten die Arbeiter": "selben Jahr" is
    the year the text named last, not the publication's; None when no year was named."""
    if unit != "year" or context.explicit_year is None:
        return None
    if not fold(relative).startswith(tuple(context.lexicon.context["same_as_named"])):
        return None
    return year_period(context.explicit_year[0])


def _relative_year(context: DateContext, relative: str) -> int:
    """The year of "Herbst vergangenen Jahres" (from publication) or "Herbst desselben Jahres"
    (the year the text named last, publication's when none)."""
    named = _same_as_named_year(context, relative, "year")
    if named is not None:
        return named.start.year
    return shifted_period(context.published, "year", _shift(context.lexicon, relative)).start.year


def _on_dd(match: re.Match, context: DateContext) -> TemporalExpression | None:
    groups = match.group
    word = groups("dd_word")
    folded = fold(word)
    published = context.published
    words = context.lexicon.context
    offset = context.lexicon.deictic_days[folded]
    previous = fold(context.previous_word(match.start()))
    if folded in words["deictic_nouns"]:
        # "am Morgen": the noun, a part of day.
        if (word[0].isupper() and not _sentence_initial(context, match.start())) or previous in words["noun_articles"]:
            return None
    if previous in words["generic_future_before"] and offset > 0:
        return _date(match, "dd", _vague_period(published, "FUTURE_REF"))  # "die Welt von morgen"
    period = shifted_period(published, "day", offset)
    if groups("dd_part"):
        part = context.lexicon.parts_of_day[fold(groups("dd_part"))]
        return _date(match, "dd", period, None, "TIME", f"{period.timex}T{part}")
    if offset == 0 and not _heute_is_the_day(context, match):
        return _date(match, "dd", _vague_period(published, "PRESENT_REF"))
    return _date(match, "dd", period)


def _sentence_initial(context: DateContext, offset: int) -> bool:
    sentence_start, _ = context.sentence_bounds(offset)
    return not context.text[sentence_start:offset].strip(" \t\"'»«„“(")


def _heute_is_the_day(context: DateContext, match: re.Match) -> bool:
    """"heute" is the publication day when something happens on it (a past or future cue in the
    clause, "bis heute"); in a general statement ("ist heute ein Land, das ...") it is the present."""
    lexicon = context.lexicon
    if fold(context.previous_word(match.start())) in lexicon.today_general_cues:
        return False
    if fold(context.next_word(match.end())) in lexicon.today_general_cues:
        return False
    sentence_start, sentence_end = context.sentence_bounds(match.start())
    first, last = context.clause_bounds(match.start(), match.end(), sentence_start, sentence_end)
    words = {fold(word) for word in WORD.findall(context.text, first, last)}
    return bool(words & lexicon.today_event_cues)


def _on_vg(match: re.Match, context: DateContext) -> TemporalExpression | None:
    phrase = fold(match.group("vg_word"))
    value = context.lexicon.vague[phrase]
    previous = fold(context.previous_word(match.start()))
    words = context.lexicon.context
    if phrase in words["by_tense"]:
        direction = context.direction(match.start(), match.end())
        value = "PAST_REF" if direction == PAST else "FUTURE_REF" if direction == FUTURE else "PRESENT_REF"
    following = fold(context.next_word(match.end()))
    if phrase.split()[-1] in words["time_nouns"]:
        # "die Zukunft der Ukraine", "zur Zeit der Besatzung": the noun of another phrase.
        if following in words["genitive_words"]:
            return None
        if phrase in words["time_nouns"] and previous not in words["time_noun_before"]:
            return None
        before = context.previous_word(match.start())
        if phrase.startswith("der ") and before[:1].isupper() and before.isalpha() and not _sentence_initial(context, match.start() - len(before) - 1):
            # "die Fehler der Vergangenheit": a genitive attribute of a noun, no time of its own.
            return None
    if phrase in words["comparatives"]:
        # "früher als geplant", "zwei Jahre früher": a comparison, not the past.
        if following in words["comparative_after"] or previous in words["comparative_before"]:
            return None
    return _date(match, "vg", _vague_period(context.published, value), value=value)


def _orthodox_day_on(lexicon: DatesLexicon, word: str, year: int) -> date | None:
    """The Orthodox churches' holiday `word` of `year`: Easter and the days counted from it by
    the Julian Easter, a fixed holiday on its Julian date ("orthodoxe Weihnachten" in January of
    the next year); none for the holidays of other rules, which these churches do not keep."""
    if word in lexicon.easter_holidays:
        return orthodox_easter_sunday(year) + timedelta(days=lexicon.easter_holidays[word])
    month_day = lexicon.fixed_holidays.get(word)
    found = _day_or_none(year, *month_day) if month_day else None
    return julian_to_gregorian(found) if found else None


def _on_hd(match: re.Match, context: DateContext) -> TemporalExpression | None:
    groups = match.group
    lexicon = context.lexicon
    published = context.published
    word = fold(groups("hd_word"))
    advent_sunday = int(groups("hd_advent_number")) if groups("hd_advent_number") else _ordinal(lexicon, groups("hd_advent_ordinal")) if groups("hd_advent_ordinal") else None
    if advent_sunday is not None and not 1 <= advent_sunday <= 4:
        return None

    orthodox = bool(groups("hd_orthodox"))

    def day_on(year: int) -> date | None:
        if orthodox:
            return _orthodox_day_on(lexicon, word, year)
        if advent_sunday is not None or word in lexicon.advent_holidays:
            christmas_eve = date(year, 12, 24)
            # The fourth Sunday of Advent is the last Sunday before Christmas Day (24 December itself may be one).
            fourth = christmas_eve - timedelta(days=christmas_eve.isoweekday() % 7)
            offset = 7 * (advent_sunday - 4) if advent_sunday is not None else lexicon.advent_holidays[word]
            return fourth + timedelta(days=offset)
        if word in lexicon.fixed_holidays:
            month_day = lexicon.fixed_holidays[word]
            return _day_or_none(year, *month_day) if month_day else None
        if word in lexicon.weekday_holidays:
            month, weekday, which = lexicon.weekday_holidays[word]
            first = date(year, month, 1)
            found = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (which - 1))
            return found if found.month == month else None
        return easter_sunday(year) + timedelta(days=lexicon.easter_holidays[word])

    def on(year: int) -> Period | None:
        """The holiday of `year`; a period of the church year ("Karwoche") runs over the days it
        counts from Easter, a turn of the year may run from its December into the next January."""
        if word in lexicon.easter_periods:
            if orthodox:
                return None  # the Orthodox Lent and Holy Week are counted otherwise
            first, last = lexicon.easter_periods[word]
            easter = easter_sunday(year)
            return days_within(easter + timedelta(days=first), easter + timedelta(days=last))
        if word in lexicon.year_turns:
            (first_month, first_day), (last_month, last_day) = lexicon.year_turns[word]
            last_year = year + 1 if lexicon.turn_crosses_year(word) else year
            first, last = _day_or_none(year, first_month, first_day), _day_or_none(last_year, last_month, last_day)
            return days_within(first, last) if first and last else None
        found = day_on(year)
        return day_period(found) if found else None

    if groups("hd_year"):
        return _date(match, "hd", on(int(groups("hd_year"))))
    candidates = [found for year in _candidate_years(published) if (found := on(year))]
    if not candidates:
        return None
    shift = _shift(lexicon, groups("hd_relative")) if groups("hd_relative") else None
    if shift is None and published.start.year == published.end.year and _this_year_in_clause(context, match.start(), match.end()):
        # "Heiligabend fällt dieses Jahr auf einen Dienstag": this year's, past or coming.
        return _date(match, "hd", on(published.start.year))
    if shift is None:
        # As for a weekday, the tense decides, not the nearer date: a holiday comes once a year,
        # so a past cue means the last one however near the coming is ("An Ostern wurden 40
        # Unfälle gemeldet" in March), and told outside the past it is the coming one or the one
        # under way, the present of a schedule ("Über Weihnachten bleibt das Museum geschlossen").
        # A clause in capitals hides its tense (its cue words are not read): the nearer one.
        direction = context.direction(match.start(), match.end())
        first, last = context.clause_bounds(match.start(), match.end(), *context.sentence_bounds(match.start()))
        if direction == NEUTRAL and context.text[first:last].isupper():
            period = _choose_by_tense(context, candidates, match.start(), match.end())
        else:
            period = choose(candidates, published, PAST if direction == PAST else FUTURE)
    else:
        period = choose(candidates, published, shift, strict=bool(shift))
    expression = _date(match, "hd", period)
    before = fold(context.previous_word(match.start("hd")))
    if expression is not None and period is not None and not orthodox and word in lexicon.holiday_days_around and before in lexicon.context["holiday_span_before"]:
        # "Über Weihnachten bleibt das Museum geschlossen": all the holiday's days, not its first.
        # TimeML still values the holiday's own day.
        days_before, days_after = lexicon.holiday_days_around[word]
        days = days_within(period.start + timedelta(days=days_before), period.end + timedelta(days=days_after))
        return TemporalExpression(expression.start, expression.end, expression.type, expression.value, days, expression.weekday)
    if expression is not None and before in lexicon.context["holiday_bound_before"]:
        # "Vor Ostern wurden 40 Fälle gemeldet", "nach Weihnachten beginnt der Umbau": some time
        # before or after the holiday, not the holiday itself. TimeML still marks and values the
        # holiday; no date claim, as no day or span is named.
        return TemporalExpression(expression.start, expression.end, expression.type, expression.value, None, expression.weekday)
    return expression


def _this_year_in_clause(context: DateContext, start: int, end: int) -> bool:
    """The clause of the date at [start, end) says "dieses Jahr", "in diesem Jahr" or "heuer"."""
    first, last = context.clause_bounds(start, end, *context.sentence_bounds(start))
    return bool(phrase_pattern("this_year").search(context.text, first, last))


def _on_ss(match: re.Match, context: DateContext) -> TemporalExpression | None:
    groups = match.group
    year = int(groups("ss_year")) if groups("ss_year") else None
    if (
        year is None and not groups("ss_relative") and fold(context.previous_word(match.start())) not in context.lexicon.context["season_cues"]
        and not context.moved_to(match.start(), match.end())  # "auf den Herbst verschoben"
        and not _season_phrase_before(context, match.start())
    ):
        return None
    if groups("ss_relative"):
        # "im Herbst vergangenen Jahres"
        year = _relative_year(context, groups("ss_relative"))
    return _date(match, "ss", _season_part(context, match.start(), match.end(), groups("ss_season"), year, None))


# How far back `_season_phrase_before` looks for a phrase ending right before the season.
SEASON_PHRASE_REACH = 30


def _season_phrase_before(context: DateContext, offset: int) -> bool:
    """ "den ganzen Sommer über", "während des Winters": a phrase of the lexicon's
    season_phrase_cues ends right before the season, which is then the one the tense points to,
    as after "im"."""
    before = context.text[max(0, offset - SEASON_PHRASE_REACH) : offset].rstrip()
    return any(found.end() == len(before) for found in phrase_pattern("season_phrase_cues").finditer(before))


def _on_wd(match: re.Match, context: DateContext) -> TemporalExpression | None:
    groups = match.group
    weekday = context.lexicon.weekday(groups("wd_weekday"))
    every = {fold(word) for word in context.text[max(0, match.start() - 30) : match.start()].split()[-2:]}
    if groups("wd_plural") or groups("wd_set") or every & context.lexicon.context["every"]:
        # "montags", "donnerstagabends": every such day, a set; no single date to claim.
        return TemporalExpression(match.start(), match.end(), "SET", f"XXXX-WXX-{weekday}")
    start_group = "wd_adjective" if groups("wd_adjective") else "wd_weekday"
    if fold(context.previous_word(match.start(start_group))) in context.lexicon.context["indefinite_articles"]:
        # "fällt auf einen Dienstag", "an einem Sonntag im Mai": some such day, not the one of
        # the week of publication; no date to claim.
        return TemporalExpression(match.start(start_group), match.end(), "DATE", f"XXXX-WXX-{weekday}")
    period = _past_range_start(context, match.start(), match.end(), weekday)
    if period is None:
        period = _coordinated_weekday(context, match.start(), match.end(), weekday)
    if period is None:
        period = _weekday_after_named_day(context, match.start(), match.end(), weekday)
    if period is None:
        period = _weekday_interval(_resolve_weekday(context, match.start(), match.end(), weekday, None), weekday)
    if groups("wd_part"):
        part = context.lexicon.parts_of_day[fold(groups("wd_part"))]
        return _date(match, start_group, period, weekday, "TIME", f"{period.timex}T{part}" if period else None)
    return _date(match, start_group, period, weekday)


# How many days after the last named day a weekday without tense cue may follow it.
WEEKDAY_SEQUENCE_DAYS = 3


@lru_cache(maxsize=1)
def _list_join() -> re.Pattern[str]:
    """Between two listed days: "Mittwoch und Donnerstag", "Montag, Dienstag", "Montag bis am Mittwoch"."""
    return re.compile(range_separator(dates_lexicon()) + r"$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _weekday_range_end() -> re.Pattern[str]:
    """The weekday ending a range, right after its first: "(Montag) bis Mittwoch", "(Mo)–Mi"."""
    lexicon = dates_lexicon()
    words = lexicon.context
    range_words = word_alternation(words["bare_range_words"], ignore_case=True)
    articles = word_alternation(words["enumeration_articles"], ignore_case=True)
    weekdays = word_alternation(lexicon.weekdays, ignore_case=True)
    return re.compile(rf"\s*(?:{range_words}|–|-)\s*(?:{articles}\s+)?(?P<weekday>{weekdays})(?!\w)", re.IGNORECASE)


def _past_range_start(context: DateContext, start: int, end: int, weekday: int) -> Period | None:
    """ "Der Streik dauerte von Montag bis Mittwoch": a past range of weekdays ends on the last
    such day before publication, and starts the days before its end, though a nearer such day of
    its first end has passed since (published on Tuesday, Monday is yesterday, but Wednesday lies
    a week back). The last end itself then follows the first as a listed day does. A coming
    range is counted from its first end on (`_coordinated_weekday`). Only for an article dated
    to the day."""
    if context.published.granularity != "day":
        return None
    found = _weekday_range_end().match(context.text, end, min(len(context.text), end + 30))
    if found is None or context.direction(start, end) != PAST:
        return None
    last = _resolve_weekday(context, found.start("weekday"), found.end("weekday"), context.lexicon.weekday(found.group("weekday")), None)
    if last is None:
        return None
    return day_period(last.start - timedelta(days=(last.start.isoweekday() - weekday) % 7))


def _coordinated_weekday(context: DateContext, start: int, end: int, weekday: int) -> Period | None:
    """ "für Mittwoch und Donnerstag", "am Montag und Dienstag": a weekday listed right after
    another lies on the same side of publication, the first such day after it (a list of days
    runs in order). A day of a list that would cross publication against the first's side is
    taken on the first's side instead; the end of a range is not. Only for an article dated to
    the day."""
    anchor, anchor_end = context.weekday_day, context.weekday_end
    published = context.published
    if anchor is None or anchor_end is None or published.granularity != "day" or not _list_join().match(context.text, anchor_end, start):
        return None
    first = anchor.start
    ahead = (weekday - first.isoweekday()) % 7
    if ahead == 0 or first.toordinal() + ahead > date.max.toordinal():
        return None
    following = first + timedelta(days=ahead)
    today = published.start
    range_end = _weekday_range_end().match(context.text, anchor_end, end)
    if range_end is not None and range_end.start("weekday") == start:
        return day_period(following)  # a range runs on, across publication too ("dauert von Montag bis Mittwoch")
    if first > today or (first < today and following <= today):
        return day_period(following)
    if first < today:
        return _resolve_weekday(context, start, end, weekday, PAST)
    # The first is the publication day: its side is the tense's.
    return day_period(following) if context.direction(start, end) != PAST else None


def _weekday_after_named_day(context: DateContext, start: int, end: int, weekday: int) -> Period | None:
    """ "Am Samstag geht es nach Ehingen ... am Montag fliege ich zurück": without a tense cue, a
    weekday a few days after the last weekday the text named continues from it (news tell a run
    of days in order) and the same weekday is the same day. Only for an article dated to the day,
    and only near publication."""
    published = context.published
    anchor = context.weekday_day
    if published.granularity != "day" or anchor is None:
        return None
    direction = context.direction(start, end)
    if direction == FUTURE and anchor.start > published.start and context.weekday_end is not None and context.weekday_end > context.sentence_bounds(start)[0]:
        # "Der Gipfel beginnt am Sonntag und endet am Dienstag": the end of a coming span named
        # in the same sentence is the first such weekday from its start on.
        return day_period(anchor.start + timedelta(days=(weekday - anchor.start.isoweekday()) % 7))
    if direction != NEUTRAL:
        return None
    if distance(anchor, published) > 7:
        return None
    ahead = (weekday - anchor.start.isoweekday()) % 7
    if ahead > WEEKDAY_SEQUENCE_DAYS or anchor.start.toordinal() + ahead > date.max.toordinal():
        return None
    return day_period(anchor.start + timedelta(days=ahead))


def _weekday_interval(period: Period | None, weekday: int) -> Period | None:
    """Several days fit (a month-dated article): TIMEX3 names only the weekday."""
    if period is not None and period.start != period.end:
        return Period(period.start, period.end, "day", f"XXXX-WXX-{weekday}")
    return period


def _on_mo(match: re.Match, context: DateContext) -> TemporalExpression | None:
    groups = match.group
    month_word = groups("mo_month")
    previous = fold(context.previous_word(match.start()))
    # A month name alone is a date only after a preposition or cue ("im Juni", "für Januar") or
    # as the first end of a range with its year ("Januar bis März 2025"): elsewhere it is too
    # often a name ("August Bebel") or a figure of speech.
    words = context.lexicon.context
    year = _month_range_year(context, match.end(), context.lexicon.month(month_word))
    if (previous not in words["month_cues"] and year is None) or month_word.endswith("."):
        return None
    if (
        fold(month_word) in words["months_also_names"]
        and context.next_word(match.end())[:1].isupper()
        and previous not in words["month_prepositions"]
    ):
        return None
    if not month_word[0].isupper():
        return None
    month = context.lexicon.month(month_word)
    if year is not None:
        return _date(match, "mo", month_period(year, month))
    return _date(match, "mo", _resolve_month(context, match.start(), match.end(), month))


def _month_range_year(context: DateContext, offset: int, month: int) -> int | None:
    """ "von März bis Juni 2021": the year written at the end of a month range is the first
    month's too, or the year before for a later month ("von Dezember bis Februar 2021")."""
    partner = month_range_end_pattern().match(context.text, offset, min(len(context.text), offset + 40))
    if partner is None:
        return None
    year = int(partner.group("name_year"))
    return year - 1 if month > context.lexicon.month(partner.group("month_name")) else year


@lru_cache(maxsize=1)
def _range_end() -> re.Pattern[str]:
    """The rest of a range of numbers: "(1450) bis 1850 Mark"; group 1 is the word after it."""
    joins = "|".join(re.escape(word) for word in sorted(dates_lexicon().context["range_words"]))
    return re.compile(rf"\s*(?:{joins}|-|–)\s*\d[\d.,]*\s*([^\s,.;:!?)]*)", re.IGNORECASE)


def _on_yr(match: re.Match, context: DateContext) -> TemporalExpression | None:
    year = int(match.group("yr_year"))
    text = context.text
    previous = context.previous_word(match.start())
    following = context.next_word(match.end())
    before = text[max(0, match.start() - 1) : match.start()]
    lexicon = context.lexicon
    if fold(following) in lexicon.year_blockers_after or _NUMBER_PATH.match(text, match.end()):
        # "Richtlinie 2014/65/EU": a document number, not a year.
        return None
    deadline = _after_deadline_insert(context, match.start())
    if not deadline and (fold(previous) in lexicon.year_blockers_before or fold(" ".join(text[max(0, match.start() - 12) : match.start()].split()[-2:])) in lexicon.year_blockers_before):
        return None
    if _PHONE_NUMBER_TAIL.search(text, max(0, match.start() - 24), match.start()) or _house_number(previous, lexicon.context["street_name_endings"]):
        return None
    if _in_count_change(context, match, year) or _elided_count(context, match, year, previous) or _paired_with_count(context, match, previous):
        return None
    strong = deadline or fold(previous) in lexicon.strong_year_cues or _continues_year_range(context, match.start()) or _opens_year_range(context, match)
    cue = strong or fold(previous) in lexicon.year_cues or before in ("(", "-", "–", "/") or previous.endswith(("(", "/"))
    if not strong:
        following = _noun_after_count_adjective(context, match.end(), previous) or following
        if following[:1].isupper() and following not in ("I", "II"):
            # "2000 Menschen", "bis 1850 Mark"; after a cue only before a counted noun, so that
            # "bis 2030 Klimaneutralität" stays a year.
            if not cue or fold(following) in _counted_nouns() or _dative_plural_count(context, previous, following):
                return None
        # "von 1450 bis 1850 Mark", "zwischen 1000 und 1100 Flüge": a range of counts.
        range_match = _range_end().match(text, match.end())
        if range_match and fold(range_match.group(1)) in _counted_nouns():
            return None
    if not cue and year > context.published.end.year + 20:
        return None
    if not cue and year < 1800 and not (previous[:1].isupper() and following[:1].islower()):
        # An early year without a cue only right after a name: "Las Casas 1550 in seiner Schrift".
        return None
    if year > context.published.end.year + 100:
        return None
    if not _since_start(context, match.start()):
        context.explicit_year = (year, match.start())
    context.last_year_end = match.end()
    return _date(match, "yr", year_period(year))


def _after_deadline_insert(context: DateContext, offset: int) -> bool:
    """ "bis mindestens 2027", "bis voraussichtlich 2030": a word of `deadline_inserts` between
    "bis" and the number makes it the deadline's year, as "bis 2027" is, though "mindestens 2027"
    alone would be a count (`year_blockers_before`)."""
    words = context.lexicon.context
    insert, insert_start = context.previous_word_at(offset)
    return fold(insert) in words["deadline_inserts"] and fold(context.previous_word(insert_start)) in words["deadline_before"]


# How many words of a noun phrase `_since_start` walks back over to "seit".
MAX_SINCE_PHRASE_WORDS = 5


def _since_start(context: DateContext, offset: int) -> bool:
    """ "Sie lebt seit 2015 dort und hat im Januar alles verloren", "Seit Beginn der Messungen im
    Jahr 1979 war die Eisfläche im Februar nur zweimal kleiner": a year after "seit", or after
    "seit" and a noun phrase (capitalised words, articles, "im"), is where a state began that
    lasts until now, no frame for the dates after it in the sentence."""
    words = context.lexicon.context
    for _ in range(MAX_SINCE_PHRASE_WORDS):
        before, offset = context.previous_word_at(offset)
        word = fold(before)
        if word in words["since_before"]:
            return True
        if not before or before[-1] in ".,;:!?" or not (before[:1].isupper() or word in words["lead_words"] or word in words["genitive_words"]):
            return False
    return False


_NUMBER_PATH = re.compile(r"/\d+/")
# The extension of a telephone number ("unter 0911 6583-1530", "089/2910-1910", "0911-1530"): a
# hyphen after a dialling code starting with 0, or after a number group that follows another.
_PHONE_NUMBER_TAIL = re.compile(r"(?:(?<![\d.,])0\d{2,5}|\d{2,}[ /]+\d{2,})[ /]*-$")


def _house_number(previous: str, street_endings: frozenset[str]) -> bool:
    """ "Königstraße 2024", "Am Lindenweg 1910": a number after a street name is its house number.
    Only a compound whose ending names a street; "die Straße 2024" may be a year's."""
    folded = fold(previous)
    return previous[:1].isupper() and any(folded.endswith(ending) and len(folded) > len(ending) + 1 for ending in street_endings)


_PLACE_GENITIVE_BEFORE = re.compile(r"(?<!\S)(\S+)\s+des\s+$", re.IGNORECASE)


def _names_place(context: DateContext, offset: int) -> bool:
    """ "an der Straße des 17. Juni", "über den Platz des 18. März": a date after a street's or
    square's noun (dates.yaml `date_named_place_endings`, also as a compound's end) and "des" is
    part of the place's name."""
    window_start = max(0, offset - 40)
    if not context.text[window_start:offset].rstrip()[-3:].lower() == "des":
        return False  # the search below, on every date found, only where it can match
    before = _PLACE_GENITIVE_BEFORE.search(context.text, window_start, offset)
    return before is not None and before.group(1)[:1].isupper() and fold(before.group(1)).endswith(tuple(context.lexicon.context["date_named_place_endings"]))


# Two years of one change ("von 2025 auf 2026 verschoben") lie at most this many years apart.
MAX_YEAR_CHANGE = 30


@lru_cache(maxsize=1)
def _count_change_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "von 1200 auf 1500": the new value right after a number, the old one right before one."""
    context_words = dates_lexicon().context
    source, target = (word_alternation(context_words[name], ignore_case=True) for name in ("change_from", "change_to"))
    new_value = re.compile(rf"\s+(?:{target})\s+(\d{{4}})(?![\d.,]?\d)", re.IGNORECASE)
    old_value = re.compile(rf"(?<!\w)(?:{source})\s+(\d{{4}})\s+(?:{target})\s+$", re.IGNORECASE)
    return new_value, old_value


def _in_count_change(context: DateContext, match: re.Match, year: int) -> bool:
    """ "Die Zahl stieg von 1200 auf 1500": old and new value of a figure, no years; unless both
    are plausible years close together ("von 2025 auf 2026 verschoben")."""
    new_value, old_value = _count_change_patterns()
    after = new_value.match(context.text, match.end())
    before = None if after else old_value.search(context.text, max(0, match.start() - 20), match.start())
    if after:
        first, second = year, int(after.group(1))
        if fold(context.previous_word(match.start())) not in context.lexicon.context["change_from"]:
            return False
    elif before:
        first, second = int(before.group(1)), year
    else:
        return _count_change_target(context, match)
    latest = context.published.end.year + 20
    plausible = all(1800 <= value <= latest for value in (first, second))
    return not (plausible and abs(second - first) <= MAX_YEAR_CHANGE)


_WORDS = re.compile(r"\w+")


def _count_change_target(context: DateContext, match: re.Match) -> bool:
    """ "Die Zahl der Einsätze stieg auf 2000", "ist auf 1980 gesunken": a number after "auf"
    alone is the new value of a figure when its clause names a rise or fall or the number of
    something (dates.yaml `count_change_words`); "auf 2027 verschoben" stays a year."""
    words = context.lexicon.context
    if fold(context.previous_word(match.start())) not in words["change_to"]:
        return False
    clause_start, clause_end = context.clause_bounds(match.start(), match.end(), *context.sentence_bounds(match.start()))
    return any(fold(word) in words["count_change_words"] for word in _WORDS.findall(context.text, clause_start, clause_end))


# A count of the sentence: a number of at least three digits and a capitalised noun after it.
_COUNT = re.compile(r"(?<![\w.,])(\S+)\s+(?:\d{1,3}(?:\.\d{3})+|\d{3,})\s+[A-ZÄÖÜ]")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)]|$)")


def _elided_count(context: DateContext, match: re.Match, year: int, previous: str) -> bool:
    """ "Die Veranstalter sprachen von 3000 Teilnehmern, die Polizei von 1500.": a number ending
    its clause with the noun of an earlier count of the sentence left out. It is that count's
    kind when the same word led to the count, or when it is no plausible year alone (before
    1800); "Mit 1500 Soldaten zog er bis 1866." keeps its year."""
    if not _CLAUSE_END.match(context.text, match.end()) or fold(previous) in context.lexicon.strong_year_cues:
        return False
    sentence_start = context.sentence_bounds(match.start())[0]
    for count in _COUNT.finditer(context.text, sentence_start, match.start()):
        if year < 1800 or fold(count.group(1)) == fold(previous):
            return True
    return False


# A figure of the text: digits with thousands dots or without, not part of a longer number.
_FIGURE = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+|\d+)(?![\w]|[.,]\d)")


def _paired_with_count(context: DateContext, match: re.Match, previous: str) -> bool:
    """A bare figure set against a count is a count too. After a contrast word (dates.yaml
    `contrast_before`) when the nearest figure before or the next one counts a noun ("zwischen
    2500 und 3000 Stellen, nicht 1800", "Statt 1800 sollen nun 2500 Stellen wegfallen"); at the
    end of a clause after a counting verb ("Die Polizei zählte 2000,") or after a clause that
    ends with such a count or a figure no year ("zählte 1500, die Veranstalter sprachen von
    2000."). "1950 gebaut, nicht 1940", "statt 2025 erst 2027" and "sprach von 2019 bis 2021"
    stay years."""
    words = context.lexicon.context
    text = context.text
    contrast = fold(previous) in words["contrast_before"]
    if not contrast and not _CLAUSE_END.match(text, match.end()):
        return False  # most years: neither case, and the sentence is not read
    sentence_start, sentence_end = context.sentence_bounds(match.start())
    before = list(_FIGURE.finditer(text, sentence_start, match.start()))
    if contrast:
        after = _FIGURE.search(text, match.end(), sentence_end)
        return any(figure is not None and _counts_noun(context, figure.end()) for figure in (before[-1] if before else None, after))
    if fold(previous) in words["count_verbs"]:
        return True
    if not before or not _CLAUSE_END.match(text, before[-1].end()) or "," not in text[before[-1].end() : match.start()]:
        return False
    figure = before[-1]
    return fold(context.previous_word(figure.start())) in words["count_verbs"] or not 1800 <= int(figure.group().replace(".", "")) <= context.published.end.year + 20


def _counts_noun(context: DateContext, figure_end: int) -> bool:
    """A counted noun (units.yaml, dates.yaml blockers) or a plural-looking one (dates.yaml
    `count_noun_endings`) right after a figure: "3000 Stellen", "2400 Betten"."""
    noun = context.next_word(figure_end)
    noun_tail = fold(noun).rsplit("-", 1)[-1]
    return noun[:1].isupper() and (noun_tail in _counted_nouns() or noun_tail.endswith(tuple(context.lexicon.context["count_noun_endings"])))


def _noun_after_count_adjective(context: DateContext, number_end: int, previous: str) -> str | None:
    """The plural-looking noun after a number and an adjective in the strong plural, which a count
    takes and a year does not ("nennt 2000 fehlende Lehrkräfte"), or None (dates.yaml
    `count_adjective_endings`: not after an article, "die 2015 eröffnete Halle")."""
    words = context.lexicon.context
    adjective = _NEXT_WORD_AT.match(context.text, number_end)
    if adjective is None or previous[:1].isupper() or fold(previous) in words["attributive_before"]:
        return None  # "die 2015 eröffnete Halle"; "in Dunblane 1996 private Waffen verboten": after a place
    if not (adjective.group(1).islower() and adjective.group(1).endswith(tuple(words["count_adjective_endings"]))):
        return None
    return context.next_word(adjective.end()) if _counts_noun(context, adjective.end()) else None


def _dative_plural_count(context: DateContext, previous: str, following: str) -> bool:
    """ "in 1200 Wahllokalen", "vor 1800 Zuschauern": after a preposition of the dative, a number
    before a capitalised word in the dative plural counts it (dates.yaml `dative_count_prepositions`)."""
    words = context.lexicon.context
    return fold(previous) in words["dative_count_prepositions"] and fold(following).endswith(tuple(words["dative_plural_endings"]))


_NEXT_WORD_AT = re.compile(r"\s+(\w+)")


@lru_cache(maxsize=1)
def _counted_nouns() -> frozenset[str]:
    """Nouns a figure counts ("Soldaten", "Euro"), from the quantity lexicon (units.yaml) and the
    date lexicon's own blockers: a number before them is a count, not a year."""
    nouns = set(dates_lexicon().year_blockers_after)
    try:
        units = load_lexicon("units").get("units", {})
    except LexiconError:
        units = {}
    for unit in units.values() if isinstance(units, dict) else ():
        forms = unit.get("forms", []) if isinstance(unit, dict) else []
        nouns.update(fold(form) for form in forms if isinstance(form, str))
    return frozenset(nouns)


@lru_cache(maxsize=1)
def _range_join() -> re.Pattern[str]:
    joins = "|".join(re.escape(word) for word in sorted(dates_lexicon().context["range_words"]))
    return re.compile(rf"\s*(?:{joins}|-|–|/)\s*$", re.IGNORECASE)


_YEAR_RANGE_END = re.compile(r"\s*[-–]\s*(\d{4})(?![\d.,]?\d)\s*([^\s,.;:!?)]*)")
# A life span or era: "(1898-1976)"; at most this many years apart.
MAX_YEAR_RANGE = 150


def _opens_year_range(context: DateContext, match: re.Match) -> bool:
    """ "Walther von der Vogelweide – 1170-1230": two years joined by a dash, the second later
    and no counted noun after them ("1200-1500 Euro" are amounts)."""
    found = _YEAR_RANGE_END.match(context.text, match.end())
    if not found:
        return False
    first, second = int(match.group("yr_year")), int(found.group(1))
    after = found.group(2)
    if after[:1].isupper() or fold(after) in context.lexicon.year_blockers_after or fold(after) in _counted_nouns():
        return False
    return 0 < second - first <= MAX_YEAR_RANGE


def _continues_year_range(context: DateContext, offset: int) -> bool:
    """The second year of "von 1999 bis 2008" is a year because the first one was."""
    last_end = context.last_year_end
    return last_end is not None and 0 < offset - last_end <= 8 and bool(_range_join().search(context.text, last_end, offset))


# One handler per alternative of the pattern (`match.lastgroup`).
_HANDLERS = {
    "iso": _on_iso,
    "num": _on_num,
    "dm": _on_dm,
    "nw": _on_nw,
    "en": _on_en,
    "eb": _on_eb,
    "mh": _on_mh,
    "pt": _on_pt,
    "my": _on_my,
    "qt": _on_qt,
    "qs": _on_qs,
    "kw": _on_kw,
    "cy": _on_cy,
    "dc": _on_dc,
    "jy": _on_jy,
    "sy": _on_sy,
    "sm": _on_sm,
    "rs": _on_rs,
    "ru": _on_ru,
    "an": _on_an,
    "rp": _on_rp,
    "after": _on_after,
    "wi": _on_wi,
    "rc": _on_rc,
    "sp": _on_sp,
    "rn": _on_rn,
    "ago": _on_ago,
    "dur": _on_dur,
    "dd": _on_dd,
    "da": _on_da,
    "dy": _on_dy,
    "vg": _on_vg,
    "hd": _on_hd,
    "ss": _on_ss,
    "wd": _on_wd,
    "ww": _on_ww,
    "pn": _on_pn,
    "we": _on_we,
    "mo": _on_mo,
    "yr": _on_yr,
}


# --- entry points ------------------------------------------------------------------------


# The groups that hold a year written out in each alternative ("3. März 1992", "Mai 2019").
_WRITTEN_YEAR_GROUPS = {
    "iso": ("iso_year",), "num": ("num_year",), "dm": ("dm_year",), "nw": ("nw_year",), "en": ("en_year", "en_num_year"), "eb": ("eb_year", "eb_num_year"),
    "my": ("my_year",), "pt": ("pt_month_year", "pt_year", "pt_season_year"), "qt": ("qt_year",), "qs": ("qs_year",), "kw": ("kw_year", "kw_full_year"),
    "hd": ("hd_year",), "ss": ("ss_year",), "pn": ("pn_year",), "mh": ("mh_year",),
}


def find_temporal_expressions(text: str, published: PublicationDate, start: int = 0, end: int | None = None) -> list[TemporalExpression]:
    """Every temporal expression in `text[start:end]`, sorted by position; never raises on text."""
    end = len(text) if end is None else end
    lexicon = dates_lexicon()
    context = DateContext(text, published, lexicon, start, end)
    expressions = []
    for found in iter_matches(text, start, end):
        match = _without_counted_year(found, context)
        if match is None or _names_place(context, match.start()):
            continue
        try:
            expression = _handle(match, context)
        except (ValueError, OverflowError, KeyError):
            # A malformed or out-of-range date in odd text is skipped, never fatal.
            expression = None
        if expression is not None and expression.end > expression.start:
            expressions.append(expression)
            period = expression.period
            if period is not None and any(match.group(group) for group in _WRITTEN_YEAR_GROUPS.get(match.lastgroup, ())) and not _since_start(context, expression.start):
                # "Im Mai 2019 wurde er gewählt, im Juni trat er zurück": a year written with a
                # month or day anchors the dates after it in the sentence, as a year alone does.
                context.explicit_year = (period.start.year, match.start())
                if period.start.year == period.end.year and period.start.month == period.end.month:
                    context.anchor_month = (period.start.month, match.start(), match.end())
            if period is not None and not period.timex.endswith("_REF") and "X" not in period.timex and not is_comparison_base(context.text, expression.start):
                # A date a figure is only compared with ("mehr als im Vorjahr") is no time of the
                # story: "ein Jahr zuvor" after it counts from the story's date, not from it.
                context.reference_range = _range_to(context, period, expression.start)
                context.reference = period
                context.reference_start = expression.start
                context.reference_end = expression.end
                if period.granularity == "day" and period.start == period.end:
                    context.reference_day = period
                    context.reference_day_start = expression.start
                    if expression.weekday:
                        context.weekday_day = period
                        context.weekday_end = expression.end
                    expressions[-1] = _with_night_before(context, expression)
            if period is not None:
                expressions[-1] = _since_until_publication(context, expressions[-1], match.lastgroup in ("pt", "pn"))
    return sorted(expressions, key=lambda expression: (expression.start, expression.end))


def _range_to(context: DateContext, last: Period, last_start: int) -> Period | None:
    """The range from the story's last month, quarter or half-year to `last`, one of the same
    kind, when the text joins them as a range's ends ("von Januar bis Juni"); else None."""
    first = context.reference
    if first is None or context.reference_start is None or context.reference_end is None:
        return None
    if first.granularity != last.granularity or last.granularity not in _STORY_PERIOD_GRANULARITIES or not first.end < last.start:
        return None
    if not range_joins(context.text, context.reference_start, context.reference_end, last_start):
        return None
    return Period(first.start, last.end, last.granularity, common_timex(first.timex, last.timex))


# The alternatives whose written year follows a day and a month: "am 10. Februar 2026", "vom 3. bis 9. Februar 2026".
_DAY_MONTH_KINDS = frozenset({"dm", "en", "eb"})
# The groups of a year written after a month alone or a named day: "im April 2019", "Ende April
# 2019", "Silvester 2019".
_MONTH_YEAR_GROUPS = frozenset({"my_year", "pt_month_year", "hd_year"})
# How far after publication a written year may lie: beyond it a four-digit number is no year in news.
MAX_YEARS_AHEAD = 100
# How far before publication a year after a month is still read as one when a count noun follows:
# "im April 1945 Menschen, die …" is a year; "bis Ende April 1130 Menschen", "in der Silvesternacht
# 1500 Einsätze" a count.
MAX_YEARS_BACK_BEFORE_COUNT_NOUN = 100


def _without_counted_year(match: re.Match, context: DateContext) -> re.Match | None:
    """The match without a written year that is a count: "vom 3. bis zum 9. Februar 2503 Wahlberechtigte",
    "am 10. Februar 1043 Menschen" (after a day and month, a counted noun right after the number),
    "bis Ende April 1130 Menschen" (after a month, a count noun right after a number more than
    `MAX_YEARS_BACK_BEFORE_COUNT_NOUN` before publication), or any number beyond `MAX_YEARS_AHEAD`
    after publication. The date is matched again up to the number, which is left to the
    quantities; None when nothing is left of it."""
    for group in _WRITTEN_YEAR_GROUPS.get(match.lastgroup, ()):
        year = match.group(group)
        if year is None or len(year) != 4:
            continue
        if not (int(year) > context.published.end.year + MAX_YEARS_AHEAD
                or (match.lastgroup in _DAY_MONTH_KINDS and _counted_after(context, match.end(group)))
                or (group in _MONTH_YEAR_GROUPS and int(year) < context.published.start.year - MAX_YEARS_BACK_BEFORE_COUNT_NOUN
                    and _counts_noun(context, match.end(group)))):
            continue
        cut = len(context.text[: match.start(group)].rstrip(" ,"))
        return next(iter_matches(context.text, match.start(), cut), None) if cut > match.start() else None
    return match


def _counted_after(context: DateContext, number_end: int) -> bool:
    """Whether a noun a figure counts follows the number right away: "1043 Menschen", "2503 Wahlberechtigte"."""
    noun = _NEXT_WORD_AT.match(context.text, number_end)
    return noun is not None and (fold(noun.group(1)) in _counted_nouns() or fold(noun.group(1)) in context.lexicon.year_blockers_after)


@lru_cache(maxsize=1)
def _night_before() -> re.Pattern[str]:
    """ "in der Nacht zum Sonntag", "Nacht auf den 28. Juli": the words right before the day."""
    words = word_alternation(dates_lexicon().context["night_before"], r"\s+", ignore_case=True)
    return re.compile(rf"(?<!\w)(?:{words})\s+$", re.IGNORECASE)


def _with_night_before(context: DateContext, expression: TemporalExpression) -> TemporalExpression:
    """ "In der Nacht zum Sonntag" runs from Saturday evening into Sunday: the claim spans both
    days ("am Samstagabend" agrees with it). TimeML marks and values only the day named."""
    period = expression.period
    if period is None or period.granularity != "day" or period.start != period.end or period.start == date.min:
        return expression
    found = _night_before().search(context.text, max(0, expression.start - 30), expression.start)
    if found is None:
        return expression
    widened = Period(period.start - timedelta(days=1), period.end, "day", period.timex)
    return TemporalExpression(
        expression.start, expression.end, expression.type, expression.value, widened, expression.weekday, found.start(),
        expression.claim_end if expression.claim_end is not None else expression.end,
    )


# A part of a period after "seit" that ends less than this before publication is as recent as a
# month named alone ("seit Anfang November" in March, as "seit November"): a state up to now.
SINCE_PART_REACH = timedelta(days=366)


def _since_until_publication(context: DateContext, expression: TemporalExpression, is_part: bool) -> TemporalExpression:
    """ "Seit Donnerstag wurden 49 Flugzeuge gezählt", "seit 1881 wird gemessen", "Seit
    Jahresbeginn wurden 50.000 Anträge gestellt", "Seit Anfang November …" in March: a count or
    state up to now, so the claim runs from the start of the date after "seit" to publication,
    not to the end of that day, year or part ("Jahresbeginn" alone is January to April). A part
    of a period long past ("seit Mitte der 1970er Jahre verfiel es", "Seit Anfang 2021 verfiel
    es" in 2024) is where a story begins, and stays that part. TimeML marks and values only the
    date named: the value stays."""
    period = expression.period
    published_end = context.published.end
    if period is None or expression.type not in ("DATE", "TIME") or period.start > published_end or period.start == date.min or "X" in period.timex or period.timex.endswith("_REF"):
        return expression
    if is_part and period.end < published_end - SINCE_PART_REACH or not context.since(expression.start) or _since_ended(context, expression.start, expression.end):
        return expression
    since = Period(period.start, published_end, "day", period.timex)
    return TemporalExpression(
        expression.start, expression.end, expression.type, expression.value, since, expression.weekday, expression.claim_start, expression.claim_end
    )


def _since_ended(context: DateContext, start: int, end: int) -> bool:
    """ "Er hatte seit 1990 dort gelebt", "Sie war seit 2015 im Amt (gewesen)": a state told in the
    pluperfect or with "war" ended at a time the text does not give, so it does not run to
    publication; the claim is the date it began."""
    first, last = context.clause_bounds(start, end, *context.sentence_bounds(start))
    return bool(phrase_pattern("ended_state_auxiliaries").search(context.text, first, last))


def _claim(doc: Document, expression: TemporalExpression) -> Claim:
    period = expression.period
    assert period is not None
    start = expression.claim_start if expression.claim_start is not None else expression.start
    end = expression.claim_end if expression.claim_end is not None else expression.end
    # The TimeML value where it has one; a span TIMEX3 cannot value ("Saison 2014/15") keeps its
    # period's own notation, so the claim says which span it is.
    timex = expression.value if expression.type in ("DATE", "TIME") and expression.value != UNKNOWN_VALUE else period.timex
    date_start, date_end = period.start, period.end
    granularity = CLAIM_GRANULARITY.get(period.granularity, "day")
    if timex == "PAST_REF":
        date_start = None
    elif timex == "FUTURE_REF":
        date_end = None
    return Claim(
        kind="date",
        span_start=start,
        span_end=end,
        date_start=date_start,
        date_end=date_end,
        date_granularity=granularity,
        date_timex=timex,
        date_weekday=expression.weekday,
    )


def extract_dates(doc: Document) -> list[Claim]:
    """Date claims: DATE expressions, TIMEs on a named day, and points such as "vor zwei Wochen"."""
    claims = [
        _claim(doc, expression)
        for expression in find_temporal_expressions(doc.text, doc.published, doc.body_start)
        if expression.period is not None
    ]
    return join_date_ranges(doc.text, sorted(claims, key=lambda claim: (claim.span_start, claim.span_end)))
