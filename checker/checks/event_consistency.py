"""event_consistency: one event, one truth.

Mentions of the same meeting in different articles must agree on its date, place and mode
wherever both say something about them. Dates agree when their intervals overlap (widened by the
rule's `tolerance.days`: "im Juni" agrees with "am 16. Juni"). An unnamed place or an unspecified
mode agrees with anything. Mentions in the same article are never compared: an article repeating
itself confirms nothing. One finding per event and pair of articles.

Which mentions are "the same meeting": those in one group of the rule's `group_by`. Grouped by
`meeting_event`, that is the event linker's key. The linker only joins mentions that can all be
true of one meeting, so a report that puts the meeting elsewhere or on another day gets a key of
its own; to catch it, a rule groups by the participants instead and sets
`options.same_meeting_within_days`: two mentions with the same participants are then of the same
meeting when they share the event key, or when they name the same mode and their dates lie at most
that many days apart (a second video call of the same two leaders within days is rarer than a
misdated one). With `options.same_meeting_on_same_day`, two mentions dated to the same single day
are of one meeting whatever modes they name: "am 7. Dezember telefoniert" and "am 7. Dezember per
Videoschaltung" are two descriptions of one conversation, not two conversations.

Which modes agree: equal ones, an unspecified one with any, and two modes listed together in
`options.compatible_modes` (a video call is a call: "telefoniert" is said of it too). The detail
of a finding names both modes when they differ ("mode (both a call: phone / video)").

With `options.same_period_only`, only announcements of the same period can contradict; with
`options.later_changes_are_updates` too, a later period's announcement that differs from an
earlier one is an update: the meeting was moved ("changed date": from mid-May to the end of May).
"""

from __future__ import annotations

import polars as pl

from checker.checks.common import article_pair, findings_from_pairs, keep_first_per, ordered_pairs, periods_overlap, MeetingIdentity
from checker.rules import Rule


def _aspect_list(conditions: dict[str, pl.Expr], labels: dict[str, pl.Expr] | None = None) -> pl.Expr:
    """The names of the aspects whose condition holds, joined; `labels` words an aspect per pair."""
    labels = labels or {}
    return (
        pl.concat_list(
            [pl.when(condition).then(labels.get(name, pl.lit(name))).otherwise(pl.lit(None, pl.String)) for name, condition in conditions.items()]
        )
        .list.drop_nulls()
        .list.join(", ")
    )


def _names_other_weekday(weekday_side: str, date_side: str) -> pl.Expr:
    exact = pl.col("date_start" + date_side) == pl.col("date_end" + date_side)
    return (
        pl.col("date_weekday" + weekday_side).is_not_null()
        & exact
        & (pl.col("date_start" + date_side).dt.weekday() != pl.col("date_weekday" + weekday_side))
    ).fill_null(False)


def _mode_words(compatible_modes: dict[str, list[str]]) -> tuple[pl.Expr, pl.Expr]:
    """(the modes agree, how the mode aspect is worded): equal modes are "mode"; two different modes
    of one `compatible_modes` group agree and are named, "mode (both a call: phone / video)"; any
    other two differ and are named too, "mode (in_person / phone)"."""
    mode, mode_b = pl.col("meeting_mode"), pl.col("meeting_mode_b")
    both_modes = pl.format("{} / {}", mode, mode_b)
    shared_group = pl.coalesce(
        pl.lit(None, pl.String),
        *[pl.when(mode.is_in(modes) & mode_b.is_in(modes)).then(pl.lit(name)) for name, modes in compatible_modes.items()],
    )
    alike = (mode == mode_b) | shared_group.is_not_null()
    words = (
        pl.when(mode == mode_b)
        .then(pl.lit("mode"))
        .when(shared_group.is_not_null())
        .then(pl.format("mode (both a {}: {})", shared_group, both_modes))
        .otherwise(pl.format("mode ({})", both_modes))
    )
    return alike, words


def check_event_consistency(claims: pl.DataFrame, rule: Rule) -> pl.DataFrame:
    days = int(rule.tolerance.get("days", 0))
    unspecified_modes = rule.options.get("unspecified_modes", ["unspecified"])
    compared = ["published_end", "date_start", "date_end", "date_weekday", "meeting_place", "meeting_mode", "meeting_event"]
    pairs = ordered_pairs(claims, rule, ["published_start", "period_start", "period_end"], compared, MeetingIdentity.of(rule)).filter(
        pl.col("article") != pl.col("article_b")
    )
    # Pairs are ordered by publication: with `same_period_only`, claim b of a pair of different
    # periods is the later announcement, which may move the meeting (an update, with
    # `later_changes_are_updates`) but cannot contradict the earlier one.
    compared_periods = pl.lit(True)
    later_change_possible = pl.lit(False)
    if rule.options.get("same_period_only", False):
        compared_periods = periods_overlap("published_start", "published_end")
        later_change_possible = pl.lit(bool(rule.options.get("later_changes_are_updates", False))) & ~compared_periods
        pairs = pairs.filter(compared_periods | later_change_possible)
    date_known = pl.col("date_start").is_not_null() & pl.col("date_start_b").is_not_null()
    place_known = pl.col("meeting_place").is_not_null() & pl.col("meeting_place_b").is_not_null()
    mode_known = (
        pl.col("meeting_mode").is_not_null()
        & pl.col("meeting_mode_b").is_not_null()
        & ~pl.col("meeting_mode").is_in(unspecified_modes)
        & ~pl.col("meeting_mode_b").is_in(unspecified_modes)
    )
    date_conflict = date_known & ~periods_overlap("date_start", "date_end", days)
    # "Am Dienstag" overlaps "am 9. Dezember" as intervals, but the 9th is a Thursday: that pair is
    # calendar_agreement's contradiction, and never a confirmation here.
    weekday_clash = _names_other_weekday("", "_b") | _names_other_weekday("_b", "")
    place_conflict = place_known & (pl.col("meeting_place") != pl.col("meeting_place_b"))
    modes_alike, mode_words = _mode_words(rule.options.get("compatible_modes", {}))
    mode_conflict = mode_known & ~modes_alike
    conflicts = {"date": date_conflict, "place": place_conflict, "mode": mode_conflict}
    agreements = {"date": date_known & ~date_conflict, "place": place_known & ~place_conflict, "mode": mode_known & ~mode_conflict}
    labels = {"mode": mode_words}
    differ = date_conflict | place_conflict | mode_conflict
    classified = pairs.with_columns(
        pl.when(differ & compared_periods)
        .then(pl.lit("contradiction"))
        .when(differ & later_change_possible)
        .then(pl.lit("update"))
        .when(pl.any_horizontal(*agreements.values()) & ~weekday_clash & compared_periods)
        .then(pl.lit("confirmation"))
        .otherwise(None)
        .alias("finding_kind"),
        pl.when(differ & later_change_possible)
        .then(pl.lit("changed ") + _aspect_list(conflicts, labels))
        .when(differ)
        .then(pl.lit("differ in ") + _aspect_list(conflicts, labels))
        .otherwise(pl.lit("agree on ") + _aspect_list(agreements, labels))
        .alias("detail"),
        *article_pair(),
        (-pl.sum_horizontal(*[condition.cast(pl.Int64) for condition in agreements.values()])).alias("fewer_agreements"),
        pl.min_horizontal(pl.col("meeting_event").fill_null(""), pl.col("meeting_event_b").fill_null("")).alias("event_low"),
        pl.max_horizontal(pl.col("meeting_event").fill_null(""), pl.col("meeting_event_b").fill_null("")).alias("event_high"),
    ).filter(pl.col("finding_kind").is_not_null())
    # One finding per event (or pair of events taken as one) and pair of articles, not per pair of mentions.
    per_event_and_articles = ["subject", "event_low", "event_high", "article_low", "article_high"]
    contradictions = keep_first_per(classified.filter(pl.col("finding_kind") == "contradiction"), [*per_event_and_articles, "detail"])
    confirmations = keep_first_per(
        classified.filter(pl.col("finding_kind") == "confirmation").join(
            contradictions.select(per_event_and_articles), on=per_event_and_articles, how="anti"
        ),
        per_event_and_articles,
        prefer=["fewer_agreements"],
    )
    updates = keep_first_per(classified.filter(pl.col("finding_kind") == "update"), [*per_event_and_articles, "detail"])
    return findings_from_pairs(pl.concat([contradictions, updates, confirmations], how="vertical"), rule, claims)
