"""The comparison engine: rules applied to the claims frame, findings out.

Every check type works on polars frames: select the claims a rule is about, join them with
each other on the rule's grouping key (never a Python loop over all pairs), classify each pair,
and render one readable message per finding. Findings are sorted, so output never depends on
input order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import polars as pl

from checker.rules import Rule, render_message
from checker.schema import CLAIMS_SCHEMA, FINDINGS_SCHEMA, validate_frame

FINDING_KIND_ORDER = {"contradiction": 0, "update": 1, "confirmation": 2}

# Columns that say what a claim asserts: the fingerprint is built from these, never from file
# names, article ids, offsets or line numbers, so renaming files or editing other text keeps it.
CONTENT_COLUMNS = (
    "kind", "published", "source", "date_start", "date_end", "date_granularity", "date_weekday",
    "quantity_value", "quantity_low", "quantity_high", "quantity_qualifier", "quantity_unit",
    "actor", "location", "meeting_participants", "meeting_mode", "meeting_status", "meeting_place", "meeting_event",
)


def content_key() -> pl.Expr:
    parts = []
    for column in CONTENT_COLUMNS:
        expr = pl.col(column)
        if CLAIMS_SCHEMA[column] == pl.List(pl.String):
            expr = expr.list.join("+")
        parts.append(expr.cast(pl.String).fill_null(""))
    return pl.concat_str(parts, separator="|").alias("content_key")


def select_claims(claims: pl.DataFrame, rule: Rule) -> pl.DataFrame:
    """The claims a rule applies to: every `select` field matches and every grouping field is known."""
    conditions = []
    for column, wanted in rule.select.items():
        if isinstance(wanted, list):
            conditions.append(pl.col(column).is_in(wanted))
        elif wanted is None:
            conditions.append(pl.col(column).is_null())
        else:
            conditions.append(pl.col(column) == wanted)
    for column in (*rule.group_by, *rule.require):
        conditions.append(pl.col(column).is_not_null())
    selected = claims.filter(*conditions) if conditions else claims
    return selected.with_columns(
        content_key(),
        pl.coalesce("date_start", "published_start").alias("period_start"),
        pl.coalesce("date_end", "published_end").alias("period_end"),
    )


def _claim_view(row: dict, suffix: str) -> dict:
    view = {column: row.get(column + suffix) for column in CLAIMS_SCHEMA}
    view.update(
        value=_number(row.get("quantity_value" + suffix)),
        low=_number(row.get("quantity_low" + suffix)),
        high=_number(row.get("quantity_high" + suffix)),
        interval=_interval(row.get("quantity_low" + suffix), row.get("quantity_high" + suffix)),
        unit=row.get("quantity_unit" + suffix),
        qualifier=row.get("quantity_qualifier" + suffix),
        status=row.get("meeting_status" + suffix),
        mode=row.get("meeting_mode" + suffix),
        place=row.get("meeting_place" + suffix),
        participants=" and ".join(row.get("meeting_participants" + suffix) or []),
        period=row.get("published" + suffix),
    )
    return view


def _number(value: float | None) -> str:
    if value is None:
        return "open"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", "x").replace(".", ",").replace("x", ".")


def _interval(low: float | None, high: float | None) -> str:
    if low is None and high is None:
        return "unbounded"
    if low is None:
        return f"≤ {_number(high)}"
    if high is None:
        return f"≥ {_number(low)}"
    if low == high:
        return _number(low)
    return f"{_number(low)}–{_number(high)}"


def fingerprint(rule_id: str, kind: str, content_keys: list[str]) -> str:
    digest = hashlib.sha256("\n".join([rule_id, kind, *sorted(content_keys)]).encode())
    return digest.hexdigest()[:20]


def findings_from_pairs(pairs: pl.DataFrame, rule: Rule) -> pl.DataFrame:
    """Turn classified pairs (columns of claim a, claim b with suffix `_b`, `finding_kind`, `detail`) into findings."""
    rows = []
    for row in pairs.iter_rows(named=True):
        kind = row["finding_kind"]
        template = rule.message.get(kind)
        if template is None:
            continue
        a, b = _claim_view(row, ""), _claim_view(row, "_b")
        rows.append(
            {
                "fingerprint": fingerprint(rule.id, kind, [row["content_key"], row["content_key_b"]]),
                "rule": rule.id,
                "kind": kind,
                "severity": rule.severity_of(kind),
                "message": render_message(template, subject=row["subject"], rule=rule.id, detail=row["detail"], a=a, b=b),
                "subject": row["subject"],
                "claims": [row["id"], row["id_b"]],
                "articles": sorted({row["article"], row["article_b"]}),
            }
        )
    return pl.DataFrame(rows, schema=FINDINGS_SCHEMA) if rows else pl.DataFrame(schema=FINDINGS_SCHEMA)


def _subject(rule: Rule) -> pl.Expr:
    return pl.concat_str([pl.col(column).cast(pl.String) for column in rule.group_by], separator=" / ").alias("subject")


def check_quantity_series(claims: pl.DataFrame, rule: Rule) -> pl.DataFrame:
    monotonic_units = rule.options.get("monotonic_units", [])
    keys = list(rule.group_by)
    series = (
        claims.with_columns(
            _subject(rule),
            pl.col("quantity_low").fill_null(float("-inf")).alias("low"),
            pl.col("quantity_high").fill_null(float("inf")).alias("high"),
        )
        .sort([*keys, "period_start", "period_end", "published_start", "content_key", "id"])
        .with_columns(pl.int_range(pl.len()).over(keys).alias("position"))
    )
    pairs = series.join(series, on=keys, suffix="_b").filter(
        pl.col("position") < pl.col("position_b"), pl.col("article") != pl.col("article_b")
    )
    same_period = (pl.col("period_start") <= pl.col("period_end_b")) & (pl.col("period_start_b") <= pl.col("period_end"))
    disjoint = (pl.col("high") < pl.col("low_b")) | (pl.col("high_b") < pl.col("low"))
    identical = (pl.col("low") == pl.col("low_b")) & (pl.col("high") == pl.col("high_b"))
    rising = pl.col("quantity_value_b") > pl.col("quantity_value")
    monotonic = pl.col("quantity_unit").is_in(monotonic_units)
    consecutive = pl.col("position_b") == pl.col("position") + 1
    classified = pairs.with_columns(
        pl.when(disjoint & same_period & ~monotonic)
        .then(pl.lit("contradiction"))
        .when(disjoint & monotonic & ~rising & ~same_period)
        .then(pl.lit("contradiction"))
        .when(identical & consecutive)
        .then(pl.lit("confirmation"))
        .when(consecutive)
        .then(pl.lit("update"))
        .otherwise(None)
        .alias("finding_kind"),
        pl.when(identical)
        .then(pl.lit("the same figure"))
        .when(disjoint & rising)
        .then(pl.lit("rising"))
        .when(disjoint)
        .then(pl.lit("falling"))
        .otherwise(pl.lit("refined"))
        .alias("detail"),
    ).filter(pl.col("finding_kind").is_not_null())
    return findings_from_pairs(classified, rule)


CHECKS: dict[str, Callable[[pl.DataFrame, Rule], pl.DataFrame]] = {
    "quantity_series": check_quantity_series,
}


def apply_rules(claims: pl.DataFrame, rules: list[Rule]) -> pl.DataFrame:
    frames = []
    for rule in rules:
        check = CHECKS.get(rule.extends)
        if not rule.enabled or check is None:
            continue
        frames.append(check(select_claims(claims, rule), rule))
    findings = pl.concat(frames, how="vertical") if frames else pl.DataFrame(schema=FINDINGS_SCHEMA)
    findings = (
        findings.unique(subset="fingerprint", keep="first", maintain_order=True)
        .with_columns(pl.col("kind").replace_strict(FINDING_KIND_ORDER, return_dtype=pl.Int64).alias("_order"))
        .sort(["_order", "rule", "subject", "fingerprint"])
        .drop("_order")
    )
    return validate_frame(findings, FINDINGS_SCHEMA, "findings")
