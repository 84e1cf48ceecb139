"""Ranges of days or months as one date claim: "vom 14. bis 16. März" states one interval, 14 to
16 March; "von Januar bis März" one from 1 January to 31 March.

TimeML marks the two ends as two expressions ("14", "16. März"), and the resolver places each
on its own; a fact-checker compares the interval the text gives, not two separate dates (else
"am 15. März" elsewhere would look like a third date, and a figure "von Januar bis März" would
be dated March alone). The ends are joined after resolution, so each end keeps the year the
resolver gave it ("vom 28. Dezember bis 2. Januar", "von November bis Februar").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from checker.extract.alternation import word_alternation
from checker.extract.dates_calendar import add_months, common_timex, month_end
from checker.extract.dates_lexicon import dates_lexicon
from checker.schema import Claim

# Longer than any range of days or months news give as one stretch ("vom 1. Dezember bis 31.
# Januar", "von Januar bis Dezember"); two ends further apart joined by "bis" are rather two dates
# resolved into different years.
LONGEST_RANGE_GAP_DAYS = 366


@lru_cache(maxsize=1)
def _range_gap_pattern() -> re.Pattern[str]:
    """The text between a range's two ends: "bis", "bis zum", a dash; after the first end's full
    stop when the first end is a bare day ("14.–16. März")."""
    context = dates_lexicon().context
    joins = word_alternation(context["date_range_joins"], r"\s+", ignore_case=True)
    between_joins = word_alternation(context["between_range_joins"], r"\s+", ignore_case=True)
    articles = word_alternation(context["enumeration_articles"], ignore_case=True)
    return re.compile(
        rf"\.?\s*(?:(?P<join>{joins}(?!\w)|[–—-])|(?P<between_join>{between_joins})(?!\w))\s*(?:{articles}\s+)?",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _between_before_pattern() -> re.Pattern[str]:
    """ "zwischen (dem)" right before a range's first end: only then does "und" join a range."""
    context = dates_lexicon().context
    before = word_alternation(context["between_range_before"], r"\s+", ignore_case=True)
    articles = word_alternation(context["enumeration_articles"], ignore_case=True)
    return re.compile(rf"(?<!\w){before}\s+(?:{articles}\s+)?$", re.IGNORECASE)


def _single_day(claim: Claim) -> bool:
    return claim.date_start is not None and claim.date_start == claim.date_end and claim.date_granularity == "day"


def _month(claim: Claim) -> bool:
    """A month or a part of one ("März", "Ende April"), not a span running to publication."""
    return claim.date_start is not None and claim.date_end is not None and claim.date_granularity == "month"


def _range_ends(first: Claim, last: Claim) -> bool:
    """Two single days, or two months, can be the ends of one range."""
    return (_single_day(first) and _single_day(last)) or (_month(first) and _month(last))


def range_joins(text: str, first_start: int, first_end: int, last_start: int) -> bool:
    """Whether the text between two dates, the first at [first_start, first_end), joins them as
    a range's ends: "bis", a dash, "und" after "zwischen"."""
    gap = _range_gap_pattern().fullmatch(text, first_end, last_start)
    if gap is None:
        return False
    return gap.group("between_join") is None or bool(_between_before_pattern().search(text, max(0, first_start - 40), first_start))


def _joins_range(text: str, first: Claim, last: Claim) -> bool:
    if not range_joins(text, first.span_start, first.span_end, last.span_start):
        return False
    assert first.date_end is not None and last.date_start is not None
    return 0 < (last.date_start - first.date_end).days <= LONGEST_RANGE_GAP_DAYS


def _year_later(claim: Claim) -> Claim:
    """The month claim (or part of a month: "Ende März") a year later, a month's last day kept its last."""
    assert claim.date_start is not None and claim.date_end is not None and claim.date_timex is not None
    end = add_months(claim.date_end, 12)
    if claim.date_end == month_end(claim.date_end.year, claim.date_end.month):
        end = month_end(end.year, end.month)
    timex = f"{int(claim.date_timex[:4]) + 1:04d}{claim.date_timex[4:]}"
    return replace(claim, date_start=add_months(claim.date_start, 12), date_end=end, date_timex=timex)


def _last_month_after_first(text: str, first: Claim, last: Claim) -> Claim:
    """The last end of a month range ("von November bis März", "zwischen November und Ende März")
    in the year after the first end's when it was placed before it. Each end is placed on its own,
    and a weak cue of another clause (", teilte die Airline am Donnerstag mit" in October) lets
    the nearer, coming November stand against it but puts March into the past; read in order, the
    range runs from the first end placed to the next such month after it. A last end with its year
    written is kept ("von November 2024 bis März 2024" is no range)."""
    if not (_month(first) and _month(last)) or not range_joins(text, first.span_start, first.span_end, last.span_start):
        return last
    assert first.date_start is not None and last.date_start is not None and last.date_timex is not None
    if last.date_start > first.date_start or not last.date_timex[:4].isdecimal() or any(character.isdigit() for character in text[last.span_start : last.span_end]):
        return last
    return _year_later(last)


def join_date_ranges(text: str, claims: list[Claim]) -> list[Claim]:
    """The claims (sorted by span) with each range of two single days or two months joined into
    one claim from the first end's start to the last end's end, quoting both ends. "im Januar und
    Februar" stays two months: "und" joins only after "zwischen"."""
    joined: list[Claim] = []
    for claim in claims:
        previous = joined[-1] if joined else None
        if previous is not None:
            claim = _last_month_after_first(text, previous, claim)
        if previous is not None and _range_ends(previous, claim) and _joins_range(text, previous, claim):
            assert previous.date_timex is not None and claim.date_timex is not None
            joined[-1] = replace(
                previous,
                span_end=claim.span_end,
                date_end=claim.date_end,
                date_timex=common_timex(previous.date_timex, claim.date_timex),
                date_weekday=None,
            )
        else:
            joined.append(claim)
    return joined
