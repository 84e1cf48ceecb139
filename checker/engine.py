"""The comparison engine: rules applied to the claims frame, findings out.

Every check type (one module each in `checker.checks`) works on polars frames: select the claims
a rule is about, join them with each other on the rule's grouping key (never a Python loop over
all pairs), classify each pair, and render one readable message per finding. Findings are sorted,
so output never depends on input order.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import polars as pl

from checker.checks import ARTICLE_CHECKS, CHECKS
from checker.checks.common import CONTENT_COLUMNS, content_key, findings_from_pairs, fingerprint, with_content_ranks
from checker.extract.dates_lexicon import VAGUE_VALUES
from checker.parallel import available_cores
from checker.query_engine import QUERY_ENGINE
from checker.rules import Rule
from checker.schema import FINDINGS_SCHEMA, NULL_IS_A_GROUP, validate_frame
from checker.stories import STORY_COLUMNS, with_stories

__all__ = ["CHECKS", "CONTENT_COLUMNS", "apply_rules", "content_key", "findings_from_pairs", "fingerprint", "select_claims"]

FINDING_KIND_ORDER = {"contradiction": 0, "update": 1, "confirmation": 2}


def rule_conditions(rule: Rule, schema: pl.Schema) -> list[pl.Expr]:
    """What a claim must satisfy for `rule`: every `select` field matches and every grouping field is known."""
    return [*select_conditions(rule, derived=True), *key_conditions(rule, schema)]


def select_conditions(rule: Rule, derived: bool = False, omit: tuple[str, ...] = ()) -> list[pl.Expr]:
    """The claims `rule` is about: every `select` field matches. Fields derived from the whole
    corpus (`STORY_COLUMNS`: a claim's story) only with `derived`: a claim on its own has none.
    Fields in `omit` are not asked (whether a claim is left out by its unit alone)."""
    conditions = []
    for column, wanted in rule.select.items():
        if (column in STORY_COLUMNS and not derived) or column in omit:
            continue
        if isinstance(wanted, dict):
            # {not: value or list}: every claim except those; a claim without the field passes.
            excluded = wanted["not"] if isinstance(wanted["not"], list) else [wanted["not"]]
            conditions.append(~pl.col(column).is_in(excluded).fill_null(False))
        elif isinstance(wanted, list):
            conditions.append(pl.col(column).is_in(wanted))
        elif wanted is None:
            conditions.append(pl.col(column).is_null())
        else:
            conditions.append(pl.col(column) == wanted)
    return conditions


def key_fields(rule: Rule) -> tuple[str, ...]:
    """The fields a claim must name to be compared by `rule`, each once: every grouping and required
    field but a grouping field whose null is a group of its own (`NULL_IS_A_GROUP`: a figure that is
    no part of a whole; `select_claims` fills it)."""
    return tuple(dict.fromkeys(column for column in (*rule.group_by, *rule.require)
                               if not (column in NULL_IS_A_GROUP and column in rule.group_by)))


def key_conditions(rule: Rule, schema: pl.Schema) -> list[pl.Expr]:
    """What a claim must name to be compared by `rule`: every field of `key_fields` (those
    derived from the corpus, such as its story, only where `schema` has them)."""
    conditions = []
    for column in key_fields(rule):
        conditions.append(pl.col(column).is_not_null())
        if schema[column] == pl.List(pl.String):
            # A meeting of nobody in particular is no subject to compare.
            conditions.append(pl.col(column).list.len() > 0)
    return conditions


def uses_stories(rule: Rule) -> bool:
    """Whether `rule` needs the claims' stories: it selects, groups or requires by one, or keeps
    figures of other stories apart (`other_stories_apart`, quantity_series)."""
    return bool(rule.options.get("other_stories_apart")) or any(column in STORY_COLUMNS for column in (*rule.select, *rule.group_by, *rule.require))


def keyed_claims(claims: pl.DataFrame, stories: bool = False, articles: pl.DataFrame | None = None) -> pl.DataFrame:
    """`claims` with what every rule compares them by, derived once for all rules: `content_key`
    (and its rank, which stands for it in pairs) and the claim's period: its own resolved date
    when it has one (the evidence that orders claims within a month), else the publication period;
    and the days it names (`named_dates`).

    The rank is dense over all claims, not over one rule's selection: it orders and equates any
    subset of claims exactly as their keys do, which is all a check uses it for.

    With `stories`, also each claim's story (`checker.stories`, from the terms of `articles`, the
    articles frame, when given), for rules that compare by it.
    """
    if stories and not STORY_COLUMNS.keys() <= set(claims.columns):  # derived already (single_claim)
        claims = with_stories(claims, articles)
    return (
        named_dates(with_content_ranks(claims.lazy()))
        .with_columns(
            pl.coalesce("date_start", "published_start").alias("period_start"),
            pl.coalesce("date_end", "published_end").alias("period_end"),
        )
        .collect(engine=QUERY_ENGINE)
    )


def named_dates(claims: pl.LazyFrame) -> pl.LazyFrame:
    """`claims` with `named_start`, `named_end`: the days a claim's words name for it, its own date,
    else the span of the dates its sentence names ("seit Donnerstagmorgen 49 Flugzeuge und 19
    Schiffe": the date is attached to the first figure only, but the sentence dates both). A "now"
    ("derzeit", "heute": `VAGUE_VALUES`) names no day: such a figure is of the time it was published.
    A figure without named days may be compared as a state of its publication; one with them is of
    its days (`checker.checks.quantity_series`)."""
    named = pl.col("date_start").is_not_null() & ~pl.col("date_timex").is_in(VAGUE_VALUES).fill_null(False)
    sentence_dates = (
        claims.filter((pl.col("kind") == "date") & named)
        .group_by("article", "sentence_index")
        .agg(pl.col("date_start").min().alias("sentence_start"), pl.col("date_end").max().alias("sentence_end"))
    )
    own = pl.col("kind") != "date"
    return (
        claims.join(sentence_dates, on=["article", "sentence_index"], how="left", maintain_order="left")
        .with_columns(
            pl.when(named).then(pl.col("date_start")).when(own & pl.col("date_start").is_null()).then(pl.col("sentence_start")).alias("named_start"),
            pl.when(named).then(pl.col("date_end")).when(own & pl.col("date_start").is_null()).then(pl.col("sentence_end")).alias("named_end"),
        )
        .drop("sentence_start", "sentence_end")
    )


def select_claims(keyed: pl.DataFrame, rules: list[Rule]) -> list[pl.DataFrame]:
    """The claims each rule applies to (of `keyed_claims`), filtered in one parallel run of queries."""
    queries = []
    for rule in rules:
        conditions = rule_conditions(rule, keyed.schema)
        selected = keyed.lazy().filter(*conditions) if conditions else keyed.lazy()
        # Checks join and window over the grouping key, where a null would match nothing.
        nullable_keys = [column for column in rule.group_by if column in NULL_IS_A_GROUP]
        queries.append(selected.with_columns(pl.col(nullable_keys).fill_null("")) if nullable_keys else selected)
    return pl.collect_all(queries, engine=QUERY_ENGINE)


def active_rules(rules: list[Rule]) -> list[Rule]:
    """The rules that run: enabled, and of a check type this version knows."""
    return [rule for rule in rules if rule.enabled and rule.extends in CHECKS]


def _check(rule: Rule, selected: pl.DataFrame, of_article: str | None) -> pl.DataFrame:
    if of_article is not None and rule.extends in ARTICLE_CHECKS:
        return ARTICLE_CHECKS[rule.extends](selected, rule, of_article)
    return CHECKS[rule.extends](selected, rule)


def apply_rules(claims: pl.DataFrame, rules: list[Rule], articles: pl.DataFrame | None = None, of_article: str | None = None) -> pl.DataFrame:
    """The findings of `rules` over `claims`. `articles` (the articles frame of the claims) gives
    the terms of the articles' texts that their stories are found by; without it the claims'
    sentences stand in. With `of_article`, the check types of `ARTICLE_CHECKS` give every finding
    of that article's claims, not the ones the report would choose (`checker claim`)."""
    active = active_rules(rules)
    selections = select_claims(keyed_claims(claims, stories=any(uses_stories(rule) for rule in active), articles=articles), active)
    # The checks are independent, and most of their time is spent in many small polars queries,
    # which release the GIL: run side by side, one check's Python overlaps another's queries (on
    # 60,000 claims ~0.15 -> ~0.12 s with two cores). `map` keeps the rules' order and raises the
    # first rule's error, as a loop would.
    with ThreadPoolExecutor(max_workers=max(1, min(len(active), available_cores()))) as pool:
        frames = list(pool.map(lambda rule, selected: _check(rule, selected, of_article), active, selections))
    findings = pl.concat(frames, how="vertical") if frames else pl.DataFrame(schema=FINDINGS_SCHEMA)
    # Findings with one fingerprint assert the same thing (the same content said in several
    # articles): they are one finding that lists every claim and article involved.
    findings = (
        findings.group_by("fingerprint", maintain_order=True)
        .agg(
            pl.col("rule", "kind", "severity", "message", "subject").first(),
            pl.col("claims").list.explode(keep_nulls=False, empty_as_null=False).unique(maintain_order=True),
            pl.col("articles").list.explode(keep_nulls=False, empty_as_null=False).unique().sort(),
        )
        .with_columns(pl.col("kind").replace_strict(FINDING_KIND_ORDER, return_dtype=pl.Int64).alias("_order"))
        .sort(["_order", "rule", "subject", "message", "fingerprint"])
        .drop("_order")
    )
    return validate_frame(findings, FINDINGS_SCHEMA, "findings")
