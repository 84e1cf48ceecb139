"""status_progression: the statuses of one meeting over time.

Each status is ranked (`options.ranks`, e.g. proposed 1, agreed 2, held 3). A status is dated
by when it was reported (the publication), except the statuses in `options.dated_by_meeting`
(held): those are true from the meeting's own date. Between two voices (sources, or the
article itself when it names none):

- a higher rank in a later period is an update (proposed → agreed → held), reported once per
  step: from the latest earlier report it advances on, not from every earlier one;
- a status listed in `options.withdrawals` (denied, cancelled) after a lower-ranked one is an update;
- two statuses listed in `options.conflicts` in overlapping periods from different voices contradict
  (the French government says agreed, the Kremlin denies it in the same month); so does a denial or
  cancellation (`options.denials`)
  from another voice of a dated meeting, judged by the meeting's date: published on or after the
  day another reported it held (it denies the meeting took place), or while the meeting's date was
  still ahead, against a plan or agreement (the sources disagree, whichever spoke first);
- a lower rank reported after a status in `options.final` (proposed after held) contradicts;
- a status that `options.reversals` lists for a withdrawal, reported after it (held after
  cancelled or denied), contradicts unless an article reported the meeting planned anew in
  between (a ranked status other than a final one, published after the withdrawal): a meeting
  called off and then held was rescheduled, or one of the reports is wrong. A withdrawal that
  names no date and that `options.reversal_within_days` limits reverses only what starts within
  that many days of its report; later it is an update (denied → held: arranged since).

An article repeating its own statement is never compared with itself.
"""

from __future__ import annotations

import polars as pl

from checker.checks.common import article_pair, expand_replicas, findings_from_pairs, keep_first_per, narrow, ordered_pairs, periods_overlap, voice
from checker.rules import Rule


def _conflicting(conflicts: dict[str, list[str]]) -> pl.Expr:
    terms = [pl.lit(False)]
    for status, opposed in conflicts.items():
        terms.append((pl.col("meeting_status") == status) & pl.col("meeting_status_b").is_in(opposed))
        terms.append((pl.col("meeting_status_b") == status) & pl.col("meeting_status").is_in(opposed))
    return pl.any_horizontal(*terms)


def _with_replanning(pairs: pl.DataFrame, statuses: pl.DataFrame, rule: Rule, reversal: pl.Expr) -> pl.DataFrame:
    """`pairs` with `replanned`: for a reversal pair (a withdrawal, then held), whether an article
    reported the meeting proposed, agreed or planned anew after the withdrawal's period and no
    later than the held report. Only the few reversal pairs are looked up against the group's plans."""
    keys = list(rule.group_by)
    final = rule.options.get("final", [])
    plans = narrow(statuses.filter(pl.col("rank").is_not_null() & ~pl.col("meeting_status").is_in(final)), rule, ["status_start"])
    replanned = (
        pairs.filter(reversal)
        .select(*keys, "id", "id_b", "status_end", "status_start_b")
        .join(plans.select(*keys, pl.col("status_start").alias("plan_start")), on=keys)
        .filter((pl.col("plan_start") > pl.col("status_end")) & (pl.col("plan_start") <= pl.col("status_start_b")))
        .select("id", "id_b", pl.lit(True).alias("replanned"))
        .unique()
    )
    return pairs.join(replanned, on=["id", "id_b"], how="left").with_columns(pl.col("replanned").fill_null(False))


def _denial_of_the_meeting(conflicts: dict[str, list[str]], denials: list[str], final: list[str],
                           within_days: dict[str, int]) -> pl.Expr:
    """One side denies the meeting the other reports, judged by the meeting's date rather than by
    when each was reported: a denial published on or after the day a meeting was reported held
    denies that it took place ("bestritt, dass Biden am Donnerstag mit Netanjahu telefoniert habe",
    a day later); one published while the meeting's date is still ahead disputes the plan or
    agreement ("ein Treffen am Donnerstag sei nicht geplant", the day after it was announced).
    Only for denials that date the meeting, or, from another article, for an undated one
    reported on or after the day of a meeting reported held (a status `within_days` limits,
    `options.reversal_within_days`, only within those days), which the event linker joins to it
    only when it is told in the past ("Ein Treffen habe es nicht gegeben") or as the fate of a
    meeting announced ("Das geplante Treffen wurde abgesagt"): a meeting held cannot be called off
    afterwards. A denial before a held report is a reversal (held after denied)."""

    def denies(denial: str, other: str) -> pl.Expr:
        # The denial names the meeting's date; an undated one ("es sei verfrüht, über ein Treffen zu
        # sprechen") may be of a plan that came later.
        meeting_end = pl.col("date_end" + denial)
        held = pl.col("meeting_status" + other).is_in(final)
        published = pl.col("published_start" + denial)
        # The day it was held: the meeting's date, or the report's when it names none (its status
        # period, `dated_by_meeting`): "Nach dem Treffen …" is of a meeting held by then.
        denied_after_held = held & (published >= pl.col("status_start" + other))
        undated = pl.col("date_start" + denial).is_null() & (pl.col("article") != pl.col("article_b"))
        # An undated withdrawal that the linker joined to a meeting held before it was published
        # ("Das Treffen wurde abgesagt", the day after another source reported it held) is of that
        # meeting: a meeting held cannot be called off afterwards. A status that
        # `reversal_within_days` limits only within those days of the meeting.
        in_time = [pl.lit(False)]
        for status in denials:
            term = pl.col("meeting_status" + denial) == status
            if status in within_days:
                term = term & (published - pl.col("status_end" + other) <= pl.duration(days=within_days[status]))
            in_time.append(term)
        undated_after_held = denied_after_held & undated & pl.any_horizontal(*in_time)
        disputed_plan = ~held & (pl.col("published_start" + denial) <= meeting_end) & (
            pl.col("published_start" + other) <= meeting_end
        )
        # The statuses `conflicts` opposes to this denial status.
        opposed = [pl.lit(False)] + [
            (pl.col("meeting_status" + denial) == status) & pl.col("meeting_status" + other).is_in(conflicts.get(status, [])) for status in denials
        ]
        dated = pl.col("date_start" + denial).is_not_null() & (denied_after_held | disputed_plan)
        return (pl.any_horizontal(*opposed) & (dated | undated_after_held)).fill_null(False)

    return denies("", "_b") | denies("_b", "")


def _reversing(reversals: dict[str, list[str]]) -> pl.Expr:
    """Claim a is a withdrawal and claim b a status that `options.reversals` says undoes it."""
    terms = [pl.lit(False)]
    for withdrawal, statuses in reversals.items():
        terms.append((pl.col("meeting_status") == withdrawal) & pl.col("meeting_status_b").is_in(statuses))
    return pl.any_horizontal(*terms)


def _outlived_withdrawal(within_days: dict[str, int]) -> pl.Expr:
    """Claim a is an undated withdrawal (`options.reversal_within_days`) and claim b's status starts more
    than that many days after a was reported. "Ein Treffen ist nicht geplant" speaks for its day: a
    meeting held a month later was arranged since, an update (denied → held), not a report that one
    of the two is wrong. A withdrawal that names the meeting's date is of that date, whenever it was said."""
    terms = [pl.lit(False)]
    for status, days in within_days.items():
        terms.append(
            (pl.col("meeting_status") == status)
            & pl.col("date_start").is_null()
            & (pl.col("status_start_b") - pl.col("status_end") > pl.duration(days=days))
        )
    return pl.any_horizontal(*terms).fill_null(False)


def classify_status_pairs(claims: pl.DataFrame, rule: Rule) -> pl.DataFrame:
    """Every pair of statuses of one meeting from two voices, with `finding_kind` (contradiction,
    update, or null for a pair that is neither) and `detail`, before any is chosen for the report."""
    ranks: dict[str, int] = rule.options.get("ranks", {})
    final = rule.options.get("final", [])
    withdrawals = rule.options.get("withdrawals", [])
    dated_by_meeting = pl.col("meeting_status").is_in(rule.options.get("dated_by_meeting", []))
    statuses = claims.with_columns(
        pl.when(dated_by_meeting).then(pl.coalesce("date_start", "published_start")).otherwise(pl.col("published_start")).alias("status_start"),
        pl.when(dated_by_meeting).then(pl.coalesce("date_end", "published_end")).otherwise(pl.col("published_end")).alias("status_end"),
        pl.col("meeting_status").replace_strict(ranks, default=None, return_dtype=pl.Int64).alias("rank"),
        voice(),
    )
    pairs = ordered_pairs(
        statuses, rule, ["status_start", "status_end"], ["rank", "meeting_status", "voice", "date_start", "date_end", "published_start"]
    ).filter(
        (pl.col("article") != pl.col("article_b")) | (pl.col("voice") != pl.col("voice_b"))
    )
    same_period = periods_overlap("status_start", "status_end")
    a_before_b = pl.col("status_end") < pl.col("status_start_b")
    reversing = a_before_b & _reversing(rule.options.get("reversals", {}))
    outlived = reversing & _outlived_withdrawal(rule.options.get("reversal_within_days", {}))
    reversal = reversing & ~outlived
    pairs = _with_replanning(pairs, statuses, rule, reversing)
    # Planned anew in between, the plan is the step to report, not the withdrawal.
    outlived = outlived & ~pl.col("replanned")
    conflicts = rule.options.get("conflicts", {})
    denial = _denial_of_the_meeting(conflicts, rule.options.get("denials", []), final, rule.options.get("reversal_within_days", {}))
    conflict = ((_conflicting(conflicts) & same_period) | denial) & (pl.col("voice") != pl.col("voice_b"))
    # Proposed after held; or held after cancelled with no new plan in between.
    regression = (a_before_b & pl.col("meeting_status").is_in(final) & (pl.col("rank_b") < pl.col("rank"))) | (reversal & ~pl.col("replanned"))
    advance = outlived | (a_before_b & (
        (pl.col("rank_b") > pl.col("rank"))
        | (pl.col("meeting_status_b").is_in(withdrawals) & pl.col("rank").is_not_null() & ~pl.col("meeting_status").is_in(final))
    ))
    return pairs.with_columns(
        pl.when(conflict | regression)
        .then(pl.lit("contradiction"))
        .when(advance)
        .then(pl.lit("update"))
        .otherwise(None)
        .alias("finding_kind"),
        pl.when(regression)
        .then(pl.concat_str(pl.lit("reported as "), pl.col("meeting_status_b"), pl.lit(" after it was "), pl.col("meeting_status")))
        .when(conflict)
        .then(pl.concat_str(pl.col("meeting_status"), pl.lit(" vs. "), pl.col("meeting_status_b")))
        .otherwise(pl.concat_str(pl.col("meeting_status"), pl.lit(" → "), pl.col("meeting_status_b")))
        .alias("detail"),
        *article_pair(),
        regression.alias("is_regression"),
        # Prefer pairs whose both sides name a source over the article's own voice.
        (pl.col("voice").str.starts_with("article ").cast(pl.Int64) + pl.col("voice_b").str.starts_with("article ").cast(pl.Int64)).alias("unnamed_voices"),
        (pl.col("date_start").is_null().cast(pl.Int64) + pl.col("date_start_b").is_null().cast(pl.Int64)).alias("undated_sides"),
        pl.col("rank").fill_null(0).alias("rank_from"),
        (-pl.col("rank_b").fill_null(0)).alias("minus_rank_to"),
    )


def check_status_progression(claims: pl.DataFrame, rule: Rule) -> pl.DataFrame:
    classified = classify_status_pairs(claims, rule).filter(pl.col("finding_kind").is_not_null())
    # One contradiction of each type per event and pair of articles (the Kremlin denying through
    # two spokesmen, against two French statements, is one contradiction). Updates tell the steps
    # of the progression: each report is an update of the latest earlier report it advances on
    # (proposed → planned → held, not also proposed → held), then one per event and pair of
    # articles (the widest step left), and one per step.
    contradictions = keep_first_per(
        classified.filter(pl.col("finding_kind") == "contradiction"),
        ["subject", "article_low", "article_high", "is_regression"],
        prefer=["unnamed_voices", "undated_sides"],
    )
    steps = classified.filter(pl.col("finding_kind") == "update")
    steps = steps.filter(pl.col("status_start") == pl.col("status_start").max().over("id_b"))
    updates = keep_first_per(
        steps,
        ["subject", "article_low", "article_high"],
        prefer=["rank_from", "minus_rank_to", "undated_sides", "unnamed_voices"],
    )
    # Across articles: the first of every replica's pairs, so expanded before choosing.
    updates = keep_first_per(expand_replicas(updates), ["subject", "meeting_status", "meeting_status_b"], prefer=["undated_sides", "unnamed_voices"])
    return findings_from_pairs(pl.concat([expand_replicas(contradictions), updates], how="vertical"), rule, claims)


def check_status_of_article(claims: pl.DataFrame, rule: Rule, article: str) -> pl.DataFrame:
    """The findings of `article`'s statuses against every other article's status of the same
    meeting, for `checker claim`: the report tells each step once, from whichever article reported
    it, which would hide a sentence behind an older report of the same step. Here each corpus
    article's report counts: the same status from another article confirms it, a step after it (or
    before it, unless another article confirms it) is an update, a conflicting one a contradiction
    (one finding of each kind per article)."""
    meetings = claims.filter(pl.col("article") == article).select(rule.group_by).unique()
    of_meetings = claims.join(meetings, on=list(rule.group_by), nulls_equal=True)
    classified = expand_replicas(classify_status_pairs(of_meetings, rule))
    same_status = pl.col("finding_kind").is_null() & (pl.col("meeting_status") == pl.col("meeting_status_b"))
    own = (pl.col("article") == article) | (pl.col("article_b") == article)
    found = classified.filter(own & (pl.col("article") != pl.col("article_b"))).with_columns(
        pl.when(same_status).then(pl.lit("confirmation")).otherwise(pl.col("finding_kind")).alias("finding_kind"),
        pl.when(same_status).then(pl.concat_str(pl.lit("both say "), pl.col("meeting_status"))).otherwise(pl.col("detail")).alias("detail"),
    ).filter(pl.col("finding_kind").is_not_null())
    # A step to the article's status that another article reports too is no news: the corpus told
    # it already (planned → held, when another article says held as well).
    confirmed = found.filter(pl.col("finding_kind") == "confirmation").select(
        pl.when(pl.col("article") == article).then(pl.col("id")).otherwise(pl.col("id_b")).alias("id_b")
    )
    told_already = (pl.col("finding_kind") == "update") & (pl.col("article_b") == article) & pl.col("id_b").is_in(confirmed["id_b"].implode())
    found = found.filter(~told_already)
    chosen = keep_first_per(found, ["subject", "article_low", "article_high", "finding_kind"], prefer=["unnamed_voices", "undated_sides"])
    return findings_from_pairs(chosen, rule, claims)
