"""calendar_agreement: a weekday and a date said of the same thing must fall on the same day.

The rule's grouping key says what "the same thing" is: `[id]` compares a claim with itself
("am Dienstag, 8. Dezember"), `[meeting_event]` compares every mention of one meeting that names
a weekday with every mention that gives its exact date, across articles. Grouped by participants
with `options.same_meeting_within_days`, mentions are of one meeting as in event_consistency
(same event key, or same mode and dates at most that many days apart). A weekday that matches
another article's date is a confirmation; within one article a match is not news.

Another mention's date counts only when someone wrote it as a date. A weekday named alone ("am
Dienstag") is resolved to one day against its article's publication day, and that day always
falls on the weekday: compared with another article's "am Montag" it would be a second report of
what event_consistency already finds (the two days differ), worded as if one article had named a
date. So a mention that names a weekday gives its exact date to compare with another mention only
when its article is dated to more than a week (a month, a year): there a weekday alone leaves a
range of days, and an exact day must have been written ("am Dienstag, 7. Dezember"). A claim is
always compared with itself ("am Dienstag, 8. Dezember" on its own).
"""

from __future__ import annotations

import polars as pl

from checker.checks.common import WEEKDAY_NAMES, article_pair, findings_from_pairs, join_pairs, keep_first_per, narrow, MeetingIdentity
from checker.rules import Rule

ISO_WEEKDAY_NAMES = {number: name for number, name in enumerate(WEEKDAY_NAMES) if number}


def _written_date() -> pl.Expr:
    """An exact date someone wrote: it names no weekday, or its article is dated to more than a
    week, where a weekday alone would leave a range of days."""
    article_longer_than_a_week = (pl.col("published_end") - pl.col("published_start")) >= pl.duration(days=7)
    return (pl.col("date_weekday").is_null() | article_longer_than_a_week).fill_null(False)


def _named_day() -> pl.Expr:
    """The one day a claim's words name: its only day, or for a wider claim that names a weekday,
    the day of its timex within it. "in der Nacht zu Sonntag, dem 12. Januar" is the night up to
    12 January (the weekday names its last day), "seit Sonntag" runs from it: either way the
    weekday is said of the timex's day, not of the claim's first."""
    timex_day = pl.col("date_timex").str.slice(0, 10).str.strptime(pl.Date, "%Y-%m-%d", strict=False)
    return (
        pl.when(pl.col("date_start") == pl.col("date_end"))
        .then(pl.col("date_start"))
        .when(pl.col("date_weekday").is_not_null() & timex_day.is_between(pl.col("date_start"), pl.col("date_end")))
        .then(timex_day)
    )


def check_calendar_agreement(claims: pl.DataFrame, rule: Rule) -> pl.DataFrame:
    keys = list(rule.group_by)
    meeting_columns = ["meeting_event", "meeting_mode", "date_end"]
    named_weekday = narrow(claims.filter(pl.col("date_weekday").is_not_null()), rule, ["date_weekday", "date_start", *meeting_columns])
    exact_date = narrow(
        claims.with_columns(_named_day().alias("named_day")).filter(pl.col("named_day").is_not_null()),
        rule,
        ["date_start", "named_day", *meeting_columns, "date_weekday", "published_start", "published_end"],
    ).with_columns(
        pl.col("named_day").dt.weekday().alias("actual_weekday"),
        _written_date().alias("written_date"),
    )
    meetings = MeetingIdentity.of(rule)
    if meetings is None:
        pairs = join_pairs(named_weekday, exact_date, keys)
    else:
        # A mention naming both a weekday and a date is checked against itself as well.
        itself = join_pairs(named_weekday, exact_date, [*keys, "id"])
        pairs = pl.concat([itself, meetings.join(named_weekday, exact_date, keys).select(itself.columns)], how="vertical").unique(
            subset=["id", "id_b"], keep="first", maintain_order=True
        )
    # Only a written date is compared with another mention's weekday (see the module's docstring).
    pairs = pairs.filter((pl.col("id") == pl.col("id_b")) | pl.col("written_date_b"))
    classified = pairs.with_columns(
        pl.when(pl.col("date_weekday") != pl.col("actual_weekday_b"))
        .then(pl.lit("contradiction"))
        .when(pl.col("article") != pl.col("article_b"))
        .then(pl.lit("confirmation"))
        .otherwise(None)
        .alias("finding_kind"),
        pl.concat_str(
            pl.col("named_day_b").cast(pl.String),
            pl.lit(" is a "),
            pl.col("actual_weekday_b").replace_strict(ISO_WEEKDAY_NAMES, return_dtype=pl.String),
        ).alias("detail"),
        *article_pair(),
    ).filter(pl.col("finding_kind").is_not_null())
    contradictions = classified.filter(pl.col("finding_kind") == "contradiction")
    confirmations = keep_first_per(classified.filter(pl.col("finding_kind") == "confirmation"), ["subject", "article_low", "article_high"])
    return findings_from_pairs(pl.concat([contradictions, confirmations], how="vertical"), rule, claims)
