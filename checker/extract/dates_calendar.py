"""Calendar arithmetic for temporal expressions: periods, shifts, TIMEX3 values.

A `Period` is an inclusive interval of days with the granularity it was named at. When the
publication date is known only to the month, a relative expression ("gestern") is resolved from
both ends of that month, and the result is the union of the two: an interval, not an invented day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from checker.published import PublicationDate

# Granularities a Period may carry, beyond the claim schema's: season, half, weekend and
# millennium are reported to claims as the nearest schema granularity.
CLAIM_GRANULARITY = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "quarter",
    "season": "quarter",
    "half": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "millennium": "century",
}

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

MIN_YEAR, MAX_YEAR = 1, 9998


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    granularity: str
    timex: str

    def midpoint(self) -> date:
        return date.fromordinal((self.start.toordinal() + self.end.toordinal()) // 2)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def day_period(day: date) -> Period:
    return Period(day, day, "day", day.isoformat())


def week_period(day: date) -> Period:
    year, week, weekday = day.isocalendar()
    monday = day - timedelta(days=weekday - 1)
    return Period(monday, monday + timedelta(days=6), "week", f"{year:04d}-W{week:02d}")


def weekend_period(day: date) -> Period:
    week = week_period(day)
    saturday = week.start + timedelta(days=5)
    return Period(saturday, week.end, "weekend", f"{week.timex}-WE")


def month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), month_end(year, month), "month", f"{year:04d}-{month:02d}")


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    return Period(date(year, first, 1), month_end(year, first + 2), "quarter", f"{year:04d}-Q{quarter}")


def half_period(year: int, half: int) -> Period:
    first = 6 * (half - 1) + 1
    return Period(date(year, first, 1), month_end(year, first + 5), "half", f"{year:04d}-H{half}")


def season_period(year: int, season: str) -> Period:
    first = SEASON_START_MONTH[season]
    start = date(year, first, 1)
    if season == "WI":
        end = month_end(year + 1, 2) if year < MAX_YEAR else date(year, 12, 31)
    else:
        end = month_end(year, first + 2)
    return Period(start, end, "season", f"{year:04d}-{season}")


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), "year", f"{year:04d}")


def decade_period(decade: int) -> Period:
    """`decade` is the year divided by ten: 199 for the 1990s."""
    first = max(decade * 10, MIN_YEAR)
    return Period(date(first, 1, 1), date(min(decade * 10 + 9, MAX_YEAR), 12, 31), "decade", f"{decade:03d}")


def century_period(century: int) -> Period:
    """`century` as TIMEX3 writes it: 19 for the years 1900-1999 ("das 20. Jahrhundert")."""
    first = max(century * 100, MIN_YEAR)
    return Period(date(first, 1, 1), date(min(century * 100 + 99, MAX_YEAR), 12, 31), "century", f"{century:02d}")


def millennium_period(millennium: int) -> Period:
    first = max(millennium * 1000, MIN_YEAR)
    return Period(date(first, 1, 1), date(min(millennium * 1000 + 999, MAX_YEAR), 12, 31), "millennium", f"{millennium}")


def unit_period(unit: str, day: date) -> Period:
    """The period of kind `unit` holding `day`."""
    if unit == "day":
        return day_period(day)
    if unit == "week":
        return week_period(day)
    if unit == "weekend":
        return weekend_period(day)
    if unit == "month":
        return month_period(day.year, day.month)
    if unit == "quarter":
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    if unit == "half":
        return half_period(day.year, 1 if day.month <= 6 else 2)
    if unit == "year":
        return year_period(day.year)
    if unit == "decade":
        return decade_period(day.year // 10)
    if unit == "century":
        return century_period(day.year // 100)
    if unit == "millennium":
        return millennium_period(day.year // 1000)
    raise ValueError(f"unknown calendar unit {unit!r}")


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, MIN_YEAR), MAX_YEAR)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200, "millennium": 12000}


def shift_day(day: date, unit: str, amount: int) -> date:
    """`day` moved by `amount` units; saturates at the ends of the calendar instead of raising."""
    try:
        if unit == "day":
            return day + timedelta(days=amount)
        if unit in ("week", "weekend"):
            return day + timedelta(weeks=amount)
        if unit in MONTHS_PER_UNIT:
            return add_months(day, MONTHS_PER_UNIT[unit] * amount)
    except OverflowError:
        return date.max if amount > 0 else date.min
    raise ValueError(f"unknown calendar unit {unit!r}")


def shifted_period(published: PublicationDate, unit: str, amount: int) -> Period:
    """The `unit` `amount` steps away from publication ("vergangene Woche": week, -1)."""
    first = unit_period(unit, shift_day(published.start, unit, amount))
    if published.end == published.start:
        return first  # an article dated to its day: both ends give the same period
    last = unit_period(unit, shift_day(published.end, unit, amount))
    return union(first, last)


def union(first: Period, last: Period) -> Period:
    """One period when both agree, else the interval spanning both with a vaguer TIMEX3 value."""
    if first == last:
        return first
    start, end = min(first.start, last.start), max(first.end, last.end)
    return Period(start, end, first.granularity, common_timex(first.timex, last.timex))


def common_timex(first: str, second: str) -> str:
    """Keep the leading parts two TIMEX3 values share and mark the rest unknown:
    2021-11-30 and 2021-12-30 -> 2021-XX-XX."""
    if first == second:
        return first
    first_parts, second_parts = first.split("-"), second.split("-")
    pieces = []
    differs = False
    for index, part in enumerate(first_parts):
        other = second_parts[index] if index < len(second_parts) else None
        differs = differs or part != other
        if not differs:
            pieces.append(part)
        elif part.isdigit():
            pieces.append("X" * len(part))
        elif part[:1] in ("W", "Q", "H") and part[1:].isdigit():
            pieces.append(part[0] + "X" * len(part[1:]))
        else:
            pieces.append(part)
    return "-".join(pieces)


def distance(period: Period, published: PublicationDate) -> int:
    """Days between a period and the publication interval; 0 when they overlap."""
    if period.end < published.start:
        return published.start.toordinal() - period.end.toordinal()
    if period.start > published.end:
        return period.start.toordinal() - published.end.toordinal()
    return 0


def allowed(period: Period, published: PublicationDate, direction: int, strict: bool) -> bool:
    """Whether `period` lies on the side of publication that the tense (`direction`) points to."""
    if direction < 0:
        return period.start < published.end if strict else period.start <= published.end
    if direction > 0:
        return period.end > published.start if strict else period.end >= published.start
    return True


# A strict choice for an article dated to at most this many days is made for each day it may have
# been published on (`choose`); a longer span (a year) is taken as a whole.
MAX_WALKED_DAYS = 62


def choose(
    candidates: list[Period],
    published: PublicationDate,
    direction: int,
    strict: bool = False,
    against_tense_days: int | None = None,
) -> Period | None:
    """The candidate nearest publication on the side the tense (`direction`) says.

    With `against_tense_days` the tense is a preference, not a rule: a candidate on the other
    side counts as that many days further away ("erst am 10. November" three days after
    publication beats last year's even after a past-tense cue).
    """
    if not candidates:
        return None
    if published.granularity != "day" and strict and (published.end - published.start).days > MAX_WALKED_DAYS:
        # A whole year: every candidate the year can reach on the side the tense allows,
        # without a day-by-day walk.
        reachable = [
            period for period in candidates if distance(period, published) <= 7 and allowed(period, published, direction, strict)
        ]
        result = None
        for period in sorted(reachable, key=lambda p: p.start):
            result = period if result is None else union(result, period)
        return result
    if published.granularity != "day" and strict:
        # A weekday in an article known only to the month or year: resolve from every day it
        # may have been published on and keep the span of the answers (the Thursdays that fit).
        # Dates and months are placed against the whole interval instead: "am 20. Februar"
        # in a February article is that February's, whatever the tense.
        result: Period | None = None
        day = published.start
        while day <= published.end:
            found = choose(candidates, PublicationDate(day, day, "day"), direction, strict, against_tense_days)
            if found is not None:
                result = found if result is None else union(result, found)
            day += timedelta(days=1)
        return result

    def cost(period: Period) -> int:
        if allowed(period, published, direction, strict):
            return distance(period, published)
        return distance(period, published) + (against_tense_days if against_tense_days is not None else 10**7)

    costs = [cost(period) for period in candidates]
    nearest = min(costs)
    best = sorted((period for period, period_cost in zip(candidates, costs) if period_cost == nearest), key=lambda p: p.start)
    # Overlapping the publication day there is one candidate; two equally far on both sides:
    # the later, as news announce more than they recall without a past-tense cue.
    return best[-1]


def _nearest_weekday(day: date, weekday: int, direction: int, counting_the_day_itself: bool = False) -> date:
    """The day of ISO `weekday` nearest `day` on the side `direction` says; `day` itself only when
    it is such a day and `counting_the_day_itself` (a bare weekday on its own weekday), else never
    when a side is asked for (`choose` with strict=True among weekly candidates)."""
    ahead = (weekday - day.isoweekday()) % 7
    if counting_the_day_itself and ahead == 0:
        return day
    if direction < 0:
        return day - timedelta(days=(7 - ahead) % 7 or 7)
    if direction > 0:
        return day + timedelta(days=ahead or 7)
    return day + timedelta(days=ahead if ahead <= 3 else ahead - 7)


def weekday_span(published: PublicationDate, weekday: int, direction: int, counting_the_day_itself: bool = False) -> Period:
    """What `choose(candidates, published, direction, strict=True)` walks to for the weekly
    candidates of ISO `weekday` around an article dated to a month, by arithmetic: the day chosen
    for a publication day never goes back as that day advances, and steps a week at a time, so
    the days chosen are every such day from the first publication day's to the last one's. They
    are joined with `union` in order, as the walk joins them. With `counting_the_day_itself`, a
    publication day of that weekday chooses itself (a bare weekday: see `_resolve_weekday`); the
    days chosen still never go back and step a week at a time."""
    last = _nearest_weekday(published.end, weekday, direction, counting_the_day_itself)
    day = _nearest_weekday(published.start, weekday, direction, counting_the_day_itself)
    result = day_period(day)
    while (day := day + timedelta(days=7)) <= last:
        result = union(result, day_period(day))
    return result


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def julian_to_gregorian(day: date) -> date:
    """The Gregorian day of `day` read as a Julian calendar date (13 days later from 1900 to 2099)."""
    century = day.year // 100
    return day + timedelta(days=century - century // 4 - 2)


def orthodox_easter_sunday(year: int) -> date:
    """Easter Sunday of the Orthodox churches, which count Easter in the Julian calendar (Meeus's
    Julian algorithm), as a Gregorian day."""
    d = (19 * (year % 19) + 15) % 30
    e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return julian_to_gregorian(date(year, month, day + 1))


# Each period part as (which share, of how many equal shares).
_SHARES = {"begin": (0, 3), "mid": (1, 3), "end": (2, 3), "first_half": (0, 2), "second_half": (1, 2)}


def narrowed(period: Period, part: str) -> Period:
    """The begin, middle or end third of a period ("Ende Dezember" is about 21-31 December), or
    its first or second half; the TIMEX3 value stays that of the whole period, as TimeML marks
    the part in a modifier. A period of whole months that splits into such shares of whole
    months is cut at month ends ("Ende 2025" and "Ende des Jahres" are September to December in
    a leap year as in any other; "Anfang 2025" is January to April), a shorter one by days (the
    last share ends with the period, the others start at the share's first day)."""
    if part not in _SHARES:
        return period
    index, count = _SHARES[part]
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    if months >= count and months % count == 0 and period.start.day == 1 and (period.end + timedelta(days=1)).day == 1:
        first_month = period.start.year * 12 + period.start.month - 1 + index * (months // count)
        after = first_month + months // count
        first = date(first_month // 12, first_month % 12 + 1, 1)
        last = date(after // 12, after % 12 + 1, 1) - timedelta(days=1)
        return Period(first, last, period.granularity, period.timex)
    length = period.end.toordinal() - period.start.toordinal() + 1
    share = max(length // count, 1)
    if count == 2 and index == 1:
        # A second half is the rest after the first: "die zweite Märzhälfte" is the 16th to the
        # 31st, no day of the month left in neither half.
        return Period(date.fromordinal(period.start.toordinal() + share), period.end, period.granularity, period.timex)
    if index == count - 1:
        return Period(date.fromordinal(period.end.toordinal() - share + 1), period.end, period.granularity, period.timex)
    start = period.start.toordinal() + index * share
    return Period(date.fromordinal(start), date.fromordinal(min(start + share - 1, period.end.toordinal())), period.granularity, period.timex)


def days_within(first: date, last: date) -> Period:
    """The days `first` to `last` as a part of the smallest month, season or year holding them
    all, which gives the TIMEX3 value and granularity, as for a third ("Ende Dezember"): the
    turn of the year, 24 December to 6 January, is a part of that winter. TIMEX3 has no value
    for such a span of its own."""
    season_year, season_month = (first.year - 1, 12) if first.month < 3 else (first.year, first.month - (first.month % 3))
    season = next(code for code, month in SEASON_START_MONTH.items() if month == season_month)
    for holder in (month_period(first.year, first.month), season_period(season_year, season), year_period(first.year)):
        if last <= holder.end:
            return Period(first, last, holder.granularity, holder.timex)
    return union(day_period(first), day_period(last))
