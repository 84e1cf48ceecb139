"""What every check type shares: content keys, fingerprints, claim pairs within groups, findings.

A check type builds a frame of classified pairs (claim a's columns, claim b's columns with the
suffix `_b`, plus `finding_kind`, `detail` and `subject`) and hands it to `findings_from_pairs`,
which is the only place that loops in Python, and only over the findings themselves.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

import polars as pl

from checker.formatting import NO_SOURCE_NAMED, german_number
from checker.interval_gap import paired_gap
from checker.query_engine import QUERY_ENGINE

from checker.rules import Rule, render_message
from checker.schema import CLAIMS_SCHEMA, FINDINGS_SCHEMA

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)

# Columns that say what a claim asserts: the fingerprint is built from these, never from file
# names, article ids, offsets or line numbers, so renaming files or editing other text keeps it.
CONTENT_COLUMNS = (
    "kind", "published", "source", "date_start", "date_end", "date_granularity", "date_weekday",
    "quantity_value", "quantity_low", "quantity_high", "quantity_qualifier", "quantity_unit",
    "actor", "location", "meeting_participants", "meeting_mode", "meeting_status", "meeting_place", "meeting_event",
    "quantity_role",
)
# A figure's role joins the key only when it is not the count itself: a deployment of 10.000 and a
# level of 10.000 are different content, while the keys of levels (and of claims of other kinds),
# and so the fingerprints in existing baselines, stay what they were before roles existed.
_UNMARKED_ROLES = {"quantity_role": "level"}

WEEKDAY_NAMES = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def content_key() -> pl.Expr:
    parts = []
    marks = []
    for column in CONTENT_COLUMNS:
        expr = pl.col(column)
        if column in _UNMARKED_ROLES:
            marks.append(pl.when(expr.is_null() | (expr == _UNMARKED_ROLES[column])).then(pl.lit("")).otherwise("|" + expr))
            continue
        if CLAIMS_SCHEMA[column] == pl.List(pl.String):
            expr = expr.list.join("+")
        parts.append(expr.cast(pl.String).fill_null(""))
    return pl.concat_str([pl.concat_str(parts, separator="|"), *marks]).alias("content_key")


def with_content_ranks(claims: pl.LazyFrame) -> pl.LazyFrame:
    """`claims` with `content_key` and `content_rank`, its dense rank (which stands for it in pairs).

    Replicated articles repeat a few contents many times (531 distinct among 44,000 date claims of
    the 64x corpus): keys are built and ranked once per distinct content and spread back to the rows
    in their order. Floats must group as the key writes them: equal floats have one text, except
    0.0 and -0.0, which compare equal but are different keys; the sign of their reciprocal tells
    them apart (grouping by each float's text instead would cost as much as the whole grouping).
    """
    negative_zeros = [(1 / pl.col(column) < 0).alias(f"{column}_negative") for column in CONTENT_COLUMNS if CLAIMS_SCHEMA[column].is_float()]
    ranks = (
        claims.with_row_index("claim_row")
        .group_by(*CONTENT_COLUMNS, *negative_zeros)
        .agg("claim_row")
        .with_columns(content_key())
        .select("claim_row", "content_key", pl.col("content_key").rank("dense").alias("content_rank"))
        .explode("claim_row")
        .sort("claim_row")
        .drop("claim_row")
    )
    return pl.concat([claims, ranks], how="horizontal")


def fingerprint(rule_id: str, kind: str, content_keys: list[str]) -> str:
    digest = hashlib.sha256("\n".join([rule_id, kind, *sorted(content_keys)]).encode())
    return digest.hexdigest()[:20]


def subject(rule: Rule) -> pl.Expr:
    """The readable name of a group: its grouping values joined, e.g. `soldier / Russia / Ukraine border`."""
    return pl.concat_str([_subject_part(column) for column in rule.group_by], separator=" / ", ignore_nulls=True).alias("subject")


def _subject_part(column: str) -> pl.Expr:
    """One grouping value of a subject; a story's label ("Gaza Strip, Hamas, Israel") said to be
    one (`story: …`), or its terms read as a list of actors or places. A claim compared with
    itself (`group_by: [id]`) is named by its words and where they stand, as a desk finds it
    ('"Donnerstag, 4. Juni" (hafen, line 2)'): its id is internal. A figure that is no part of a
    whole (`quantity_part_of` empty) says nothing by it: the value is left out; a part's is
    named ("part of death"). So is whose or where a measured figure is (`measured_subject`), said
    only where its story names two of them."""
    if column == "id":
        return pl.format('"{}" ({}, line {})', "text", "article", "line")
    value = pl.col(column).cast(pl.String)
    if column == "quantity_part_of":
        return pl.when(value != "").then(pl.lit("part of ") + value)
    if column == "measured_subject":
        return pl.when(value != "").then(value)
    return (pl.lit("story: ") + value if column == "story" else value).fill_null("-")


def voice() -> pl.Expr:
    """Who asserts a claim: its source, or else the article itself speaking in its own voice."""
    return pl.coalesce(pl.col("source"), pl.lit("article ") + pl.col("article")).alias("voice")


def join_pairs(left: pl.DataFrame, right: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Left claims joined with right claims on `keys`; every right column (keys too) gets the suffix `_b`."""
    renamed = right.rename({column: column + "_b" for column in right.columns})
    return left.join(renamed, left_on=keys, right_on=[key + "_b" for key in keys], how="inner", coalesce=False)


# `content_rank` stands for `content_key` in pairs: the dense rank of the key sorts and compares
# exactly like the string, at a fraction of the memory per pair.
PAIR_IDENTITY = ("id", "article", "content_rank", "subject")


def narrow(claims: pl.DataFrame, rule: Rule, columns: list[str]) -> pl.DataFrame:
    """Only what a comparison needs: pairs are joined on these few columns, and the full claim rows
    are attached afterwards to the few pairs that become findings (`findings_from_pairs`)."""
    wanted = [*rule.group_by, *PAIR_IDENTITY, *columns]
    # List keys (meeting participants) are joined on as one string: "Joe Biden+Wladimir Putin".
    list_keys = [column for column in rule.group_by if claims.schema[column] == pl.List(pl.String)]
    keyed = claims.with_columns(pl.col(column).list.sort().list.join("+") for column in list_keys)
    return keyed.with_columns(subject(rule)).select(list(dict.fromkeys(wanted)))


def ordered_pairs(
    claims: pl.DataFrame, rule: Rule, order: list[str], columns: list[str], meetings: MeetingIdentity | None = None
) -> pl.DataFrame:
    """Every unordered pair of claims sharing the rule's grouping key, a before b in `order`.

    The join is on the grouping key only, so the work grows with the size of each group, never
    with all pairs of the corpus. Claims keep their `position` in the group's order. With
    `meetings`, only pairs of mentions of one meeting (see `MeetingIdentity.join`). Articles that
    repeat each other's mentions are paired through two representatives (`representatives`); the
    pairs a check keeps are expanded to every copy by `expand_replicas` (in `findings_from_pairs`,
    or earlier when a check chooses among pairs of different articles).
    """
    keys = list(rule.group_by)
    ranked = (
        representatives(narrow(claims, rule, [*order, *columns, *(MEETING_COLUMNS if meetings else ())]), keys)
        .sort([*keys, *order, "content_rank", "id"])
        .with_columns(pl.int_range(pl.len()).over(keys).alias("position"))
    )
    pairs = meetings.join(ranked, ranked, keys) if meetings else join_pairs(ranked, ranked, keys)
    # Two articles of one class stand for every pair of articles of that class; one article of each
    # of two classes for every pair of articles across them.
    same_class = pl.col("replica_class") == pl.col("replica_class_b")
    first_reps = (pl.col("replica_rep") == 0) & (pl.col("replica_rep_b") == 0)
    one_article = pl.col("article") == pl.col("article_b")
    wanted = pl.when(same_class).then(~(one_article & (pl.col("replica_rep") == 1))).otherwise(first_reps)
    return pairs.filter((pl.col("position") < pl.col("position_b")) & wanted)


# Replicas: articles whose mentions in a group have the same contents (the same text under another
# name) pair exactly alike. Pairs are formed for at most two articles of each such class, and the
# few pairs that become findings are expanded back to every replica (`expand_replicas`), so the
# join grows with the distinct contents, not with the square of their copies.
REPLICA_COLUMNS = ("replica_class", "replica_rep", "replica_ids", "replica_articles")


def representatives(mentions: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """The mentions of at most two articles per class of replicas (articles whose mentions in a
    group have the same content ranks), each carrying the ids and articles of its copies in every
    article of its class (in article order; the representatives are the first two)."""
    k = pl.int_range(pl.len()).over([*keys, "article"], order_by=["content_rank", "id"]).alias("replica_k")
    mentions = mentions.with_columns(k)
    signatures = (
        mentions.sort("content_rank", "id")
        .group_by([*keys, "article"])
        .agg(pl.col("content_rank").cast(pl.String).str.join(",").alias("replica_signature"))
        .with_columns(pl.struct([*keys, "replica_signature"]).hash().alias("replica_class"))
        .with_columns(pl.col("article").rank("ordinal").over([*keys, "replica_signature"]).cast(pl.Int64).sub(1).alias("replica_rep"))
        .drop("replica_signature")
    )
    mentions = mentions.join(signatures, on=[*keys, "article"], how="left", nulls_equal=True)
    copies = (
        mentions.sort("replica_rep")
        .group_by(["replica_class", "replica_k"])
        .agg(pl.col("id").alias("replica_ids"), pl.col("article").alias("replica_articles"))
    )
    return (
        mentions.filter(pl.col("replica_rep") < 2)
        .join(copies, on=["replica_class", "replica_k"], how="left")
        .drop("replica_k")
    )


def expand_replicas(pairs: Frame) -> Frame:
    """Pairs of representatives (see `ordered_pairs`) as the pairs of every replica they stand for:
    across two classes every copy with every copy, within one article each copy with itself, and
    between the two representatives of a class every earlier article with every later one. Copies
    of the same content keep the order by id, as in `ordered_pairs`. Eager or lazy, as given."""
    columns = pairs.collect_schema().names()
    if "replica_ids" not in columns:
        return pairs
    expanded = (
        pairs.with_columns(
            pl.int_ranges(pl.col("replica_ids").list.len()).alias("replica_i"),
            pl.int_ranges(pl.col("replica_ids_b").list.len()).alias("replica_j"),
        )
        .explode(["replica_ids", "replica_articles", "replica_i"])
        .explode(["replica_ids_b", "replica_articles_b", "replica_j"])
    )
    i, j = pl.col("replica_i"), pl.col("replica_j")
    keep = (
        pl.when(pl.col("replica_class") != pl.col("replica_class_b"))
        .then(pl.lit(True))
        .when(pl.col("article") == pl.col("article_b"))
        .then(i == j)
        .when(pl.col("replica_rep") == 0)
        .then(i < j)
        .otherwise(j < i)
    )
    expanded = expanded.filter(keep)
    swap = (pl.col("content_rank") == pl.col("content_rank_b")) & (pl.col("replica_ids") > pl.col("replica_ids_b"))
    expanded = expanded.with_columns(
        pl.when(swap).then(pl.col("replica_ids_b")).otherwise(pl.col("replica_ids")).alias("id"),
        pl.when(swap).then(pl.col("replica_ids")).otherwise(pl.col("replica_ids_b")).alias("id_b"),
        pl.when(swap).then(pl.col("replica_articles_b")).otherwise(pl.col("replica_articles")).alias("article"),
        pl.when(swap).then(pl.col("replica_articles")).otherwise(pl.col("replica_articles_b")).alias("article_b"),
    )
    if "article_low" in columns:
        expanded = expanded.with_columns(article_pair())
    helpers = [c for column in REPLICA_COLUMNS for c in (column, column + "_b") if c in columns] + ["replica_i", "replica_j"]
    return expanded.drop(helpers)


def periods_overlap(start: str = "period_start", end: str = "period_end", days: int = 0) -> pl.Expr:
    """The two claims' time intervals share a day (allowing `days` of slack on either side)."""
    slack = pl.duration(days=days)
    return (pl.col(start) <= pl.col(end + "_b") + slack) & (pl.col(start + "_b") <= pl.col(end) + slack)


def figure_at() -> pl.Expr:
    """Where a quantity claim's figure lies, to draw it or tell rising from falling: its value, or,
    for a range ("zwischen zwei und vier"), which has no value of its own, its middle, or the one
    end an open figure names."""
    low, high = pl.col("quantity_low"), pl.col("quantity_high")
    return pl.coalesce(pl.col("quantity_value"), (low + high) / 2, low, high).alias("figure_at")


MEETING_COLUMNS = ("meeting_event", "meeting_mode", "date_start", "date_end")
DAYS_PER_BUCKET = 7


@dataclass(frozen=True)
class MeetingIdentity:
    """Which mentions, among those of the same people, are of one meeting: the event linker gave
    them one key; or (with a window) they name the same mode and their dates lie at most
    `window_days` apart; or (with `same_day`) both are dated to the same single day, whatever
    modes they name.

    The linker joins only mentions that can all be true of one meeting, so a misplaced, misdated
    or differently described report gets a key of its own; the window and the same day are how a
    rule still compares it with the others. Two leaders meeting twice on one day, once in person
    and once by phone, is rarer than two reports describing one meeting differently.
    """

    window_days: int | None
    unspecified_modes: tuple[str, ...] = ("unspecified",)
    same_day: bool = False

    @classmethod
    def of(cls, rule: Rule) -> MeetingIdentity | None:
        """For rules grouped by the people who meet; None when the group is the meeting already
        (grouped by the event key) or is no meeting at all (grouped by claim id)."""
        if "meeting_event" in rule.group_by or "meeting_participants" not in rule.group_by:
            return None
        return cls(
            rule.options.get("same_meeting_within_days"),
            tuple(rule.options.get("unspecified_modes", ["unspecified"])),
            bool(rule.options.get("same_meeting_on_same_day", False)),
        )

    def join(self, left: pl.DataFrame, right: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
        """Pairs of one meeting, joined on equal keys only: the same event key; or the same mode and
        a shared week bucket of the dates widened by the window, then the exact gap; or the same
        single day. Never all mentions of the same people against each other."""
        by_event = join_pairs(left.filter(pl.col("meeting_event").is_not_null()), right, [*keys, "meeting_event"])
        joined = [by_event]
        if self.window_days is not None:
            by_time = join_pairs(self._bucketed(left), self._bucketed(right), [*keys, "meeting_mode", "week_bucket"])
            gap = paired_gap("date_start", "date_end")
            joined.append(by_time.filter(gap <= pl.duration(days=self.window_days)).select(by_event.columns))
        if self.same_day:
            joined.append(join_pairs(day_exact(left), day_exact(right), [*keys, "date_start"]).select(by_event.columns))
        if len(joined) == 1:
            return by_event
        return pl.concat(joined, how="vertical").unique(subset=["id", "id_b"], keep="first", maintain_order=True)

    def _bucketed(self, mentions: pl.DataFrame) -> pl.DataFrame:
        dated = mentions.filter(
            pl.col("date_start").is_not_null() & pl.col("date_end").is_not_null() & ~pl.col("meeting_mode").is_in(list(self.unspecified_modes))
        )
        first = (pl.col("date_start").cast(pl.Int32) - self.window_days) // DAYS_PER_BUCKET
        last = (pl.col("date_end").cast(pl.Int32) + self.window_days) // DAYS_PER_BUCKET
        return dated.with_columns(pl.int_ranges(first, last + 1).alias("week_bucket")).explode("week_bucket")


def day_exact(mentions: pl.DataFrame) -> pl.DataFrame:
    """Mentions dated to one day ("am 7. Dezember"); not a month, nor "am Dienstag" of a month-dated article (a range of days)."""
    return mentions.filter(pl.col("date_start").is_not_null() & (pl.col("date_start") == pl.col("date_end")))


def keep_first_per(pairs: pl.DataFrame, keys: list[str], prefer: list[str] = ()) -> pl.DataFrame:
    """One pair per `keys` (e.g. one finding per event and pair of articles): the one ranking lowest
    in the `prefer` columns (the most telling pair), then the first in content order.

    Sorting on content keys, not ids, keeps the choice independent of file names and offsets.
    """
    if pairs.is_empty():
        return pairs
    order = [*prefer, "content_rank", "content_rank_b", "id", "id_b"]
    return pairs.sort(order).unique(subset=keys, keep="first", maintain_order=True)


def article_pair() -> list[pl.Expr]:
    """The two articles of a pair in a fixed order, for one-finding-per-pair-of-articles dedupe."""
    return [
        pl.min_horizontal("article", "article_b").alias("article_low"),
        pl.max_horizontal("article", "article_b").alias("article_high"),
    ]


def _number(value: float | None) -> str:
    return "open" if value is None else german_number(value)


def _interval_text(low: float | None, high: float | None) -> str:
    if low is None and high is None:
        return "unbounded"
    if low is None:
        return f"≤ {_number(high)}"
    if high is None:
        return f"≥ {_number(low)}"
    if low == high:
        return _number(low)
    return f"{_number(low)}–{_number(high)}"


def date_text(start: date | None, end: date | None, granularity: str | None) -> str:
    """A claim's date as a reader would write it: a day, a month, a year, else the interval."""
    if start is None:
        # Its text names none, which says nothing of the meeting or series it belongs to: that may be
        # dated by other reports (a heading "Biden+Putin/in_person/2021-06-16" over "date not named").
        return "date not named"
    if end is None:
        return f"from {start.isoformat()}"
    if start == end:
        return start.isoformat()
    month_end = (end + timedelta(days=1)).day == 1
    if start.day == 1 and month_end and (start.year, start.month) == (end.year, end.month):
        return start.isoformat()[:7]
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return start.isoformat()[:4]
    return f"{start.isoformat()}–{end.isoformat()}"


def _claim_view(row: dict, suffix: str) -> dict:
    view = {column: row.get(column + suffix) for column in CLAIMS_SCHEMA}
    weekday = row.get("date_weekday" + suffix)
    own_date = date_text(row.get("date_start" + suffix), row.get("date_end" + suffix), row.get("date_granularity" + suffix))
    if weekday and row.get("date_start" + suffix) is not None and row.get("date_start" + suffix) != row.get("date_end" + suffix):
        # "am Sonntag" in an article dated to the month: any Sunday around it.
        own_date = f"a {WEEKDAY_NAMES[weekday]} in {own_date}"
    view.update(
        value=_number(row.get("quantity_value" + suffix)),
        low=_number(row.get("quantity_low" + suffix)),
        high=_number(row.get("quantity_high" + suffix)),
        interval=_interval_text(row.get("quantity_low" + suffix), row.get("quantity_high" + suffix)),
        unit=row.get("quantity_unit" + suffix),
        qualifier=row.get("quantity_qualifier" + suffix),
        status=row.get("meeting_status" + suffix),
        mode=row.get("meeting_mode" + suffix) or "mode not named",
        place=row.get("meeting_place" + suffix) or "no place named",
        participants=" and ".join(row.get("meeting_participants" + suffix) or []),
        period=row.get("published" + suffix),
        date=own_date,
        weekday=WEEKDAY_NAMES[weekday] if weekday else "no weekday named",
        when=own_date if row.get("date_start" + suffix) is not None else row.get("published" + suffix),
        said_by=row.get("source" + suffix) or NO_SOURCE_NAMED,
    )
    return view


def attach_claims(pairs: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """The full rows of claim a and claim b (suffix `_b`) for each pair of ids, for the messages."""
    kept = pairs.select("id", "id_b", "finding_kind", "detail", "subject", "all_claims", "all_articles")
    full = claims.select([column for column in claims.columns if column != "subject"])
    return kept.join(full, on="id", how="left", maintain_order="left").join(
        full.rename(lambda column: column + "_b"), on="id_b", how="left", maintain_order="left"
    )


# The order of pairs within a finding: its first pair is the one the message quotes, and its claims
# are listed in the order they first occur.
PAIR_ORDER = ["content_rank", "content_rank_b", "id", "id_b"]


def involved(pairs: pl.LazyFrame, groups: list[str]) -> pl.LazyFrame:
    """Per group of pairs (in `PAIR_ORDER`): `all_claims`, each claim where it first occurs (claim a
    of a pair before claim b), and `all_articles`, sorted.

    First occurrences come from one grouping of (group, claim) rows: taking the distinct values of
    each group's interleaved pair lists, as a list expression, costs several times as much."""
    numbered = pairs.with_row_index("pair_number")
    sides = [("id", "article", 0), ("id_b", "article_b", 1)]
    occurrences = pl.concat(
        [
            numbered.select(*groups, (pl.col("pair_number") * 2 + side).alias("occurrence"), pl.col(claim).alias("claim"), pl.col(article).alias("article"))
            for claim, article, side in sides
        ]
    )
    return (
        occurrences.group_by([*groups, "claim"])
        .agg(pl.col("occurrence").min(), pl.col("article").first())
        .sort("occurrence")
        .group_by(groups, maintain_order=True)
        .agg(pl.col("claim").alias("all_claims"), pl.col("article").unique().sort().alias("all_articles"))
    )


def findings_from_pairs(pairs: pl.DataFrame, rule: Rule, claims: pl.DataFrame) -> pl.DataFrame:
    """Turn classified pairs (columns of claim a, claim b with suffix `_b`, `finding_kind`, `detail`, `subject`) into findings.

    Pairs need only ids and content ranks: the full rows of `claims` are attached here, after the
    pairs that are no finding have been dropped. A pair of a claim with itself (a single claim that
    contradicts itself) yields one claim id.
    """
    if pairs.is_empty():
        # Most claims of most rules pair with nothing; the steps below would still plan and run queries.
        return pl.DataFrame(schema=FINDINGS_SCHEMA)
    # Pairs that assert the same things (same content keys, said in several articles) are one
    # finding listing every claim and article: merged in polars, before the Python loop, so that
    # loop only sees the findings themselves. Replicas are expanded in the few columns this needs.
    same_content = ["finding_kind", "key_low", "key_high"]
    ordered = (
        expand_replicas(pairs.lazy())
        .select(*PAIR_ORDER, "article", "article_b", "finding_kind", "detail", "subject")
        .filter(pl.col("finding_kind").is_in(list(rule.message)))
        .with_columns(
            pl.min_horizontal("content_rank", "content_rank_b").alias("key_low"),
            pl.max_horizontal("content_rank", "content_rank_b").alias("key_high"),
        )
        .sort(PAIR_ORDER)
        .collect(engine=QUERY_ENGINE)
    )
    first_pairs = ordered.unique(subset=same_content, keep="first", maintain_order=True).join(
        involved(ordered.lazy(), same_content).collect(engine=QUERY_ENGINE), on=same_content, how="left", maintain_order="left"
    )
    pairs = attach_claims(first_pairs, claims)
    rows = []
    for row in pairs.iter_rows(named=True):
        kind = row["finding_kind"]
        template = rule.message.get(kind)
        if template is None:
            continue
        a, b = _claim_view(row, ""), _claim_view(row, "_b")
        claim_ids = list(dict.fromkeys([row["id"], row["id_b"], *row["all_claims"]]))
        rows.append(
            {
                "fingerprint": fingerprint(rule.id, kind, [row["content_key"], row["content_key_b"]]),
                "rule": rule.id,
                "kind": kind,
                "severity": rule.severity_of(kind),
                "message": render_message(template, subject=row["subject"], rule=rule.id, detail=row["detail"], a=a, b=b),
                "subject": row["subject"],
                "claims": claim_ids,
                "articles": row["all_articles"],
            }
        )
    return pl.DataFrame(rows, schema=FINDINGS_SCHEMA) if rows else pl.DataFrame(schema=FINDINGS_SCHEMA)
