"""Which rules compare a claim, and why none does.

`checker claim` tells of each figure of a sentence why it is not compared; the report counts the
figures of a whole corpus no rule compares, per unit and reason (`checker.report.not_compared`).
Both read the same columns, computed here for all claims at once (polars, one expression per rule
and stage, no step per claim: the report runs over tens of thousands of claims, and groups them by
these columns before it words a reason):

- `about`: the rules whose `select` matches the claim, the fields derived from the corpus (its
  story) aside: the rules about claims like it;
- `keyed`: of those, the rules whose grouping and required fields the claim names;
- `compared`: of those, the rules whose story conditions hold too (where the claims have stories):
  the rules that compare it;
- `by_unit`: the rules that would group it by what it names, but whose `select` leaves out its unit
  ("QTY002 would compare it by what it names, but takes no figures in nächtigung");
- `missing`: the fields some rule about it needs and it does not name (an actor, a place, a period of
  its own, a story).
"""

from __future__ import annotations

import polars as pl

from checker.engine import key_conditions, key_fields, select_conditions
from checker.rules import Rule
from checker.stories import STORY_COLUMNS

STAGES = ("about", "keyed", "compared", "by_unit")


def _all(conditions: list[pl.Expr]) -> pl.Expr:
    """Whether a claim meets every condition (none: every claim does); an unknown field meets none."""
    return pl.all_horizontal([condition.fill_null(False) for condition in conditions]) if conditions else pl.lit(True)


def story_reason(unit: str) -> str:
    """Why a rule that compares figures within a story leaves out one of a unit its story counts
    with a place or an actor too, or that one source gives several of: it cannot tell which it is."""
    return f"its story gives figures in {unit} with an actor or a place too, or several from one source"


def _needed_fields(active: list[Rule]) -> list[str]:
    return list(dict.fromkeys(column for rule in active for column in key_fields(rule)))


def with_rule_matches(claims: pl.DataFrame, active: list[Rule]) -> pl.DataFrame:
    """`claims` with one boolean column per stage of the module's description and rule
    ("keyed QTY001"), and per field some rule groups by or requires ("missing actor"): flat
    columns, which a corpus's claims are grouped by at once (`rule_lists` reads them as lists). A
    rule's story conditions are asked only where `claims` have stories (`STORY_COLUMNS`)."""
    derived = all(column in claims.columns for column in STORY_COLUMNS)
    columns, missing = [], {column: [] for column in _needed_fields(active)}
    for rule in active:
        is_about = _all(select_conditions(rule))
        names_keys = _all(key_conditions(rule, claims.schema))
        by_unit = ~is_about & (pl.col("kind") == "quantity") & names_keys & _all(select_conditions(rule, omit=("quantity_unit",)))
        columns += [
            is_about.alias(f"about {rule.id}"),
            (is_about & names_keys).alias(f"keyed {rule.id}"),
            (is_about & names_keys & _all(select_conditions(rule, derived=derived))).alias(f"compared {rule.id}"),
            by_unit.alias(f"by_unit {rule.id}"),
        ]
        for column in key_fields(rule):
            unnamed = pl.col(column).is_null()
            if claims.schema[column] == pl.List(pl.String):
                unnamed = unnamed | (pl.col(column).list.len() == 0)
            missing[column].append(is_about & ~names_keys & unnamed)
    columns += [pl.any_horizontal(conditions).alias(f"missing {column}") for column, conditions in missing.items()]
    return claims.with_columns(columns)


def match_columns(active: list[Rule]) -> list[str]:
    """The columns `with_rule_matches` adds."""
    return [f"{stage} {rule.id}" for rule in active for stage in STAGES] + [f"missing {column}" for column in _needed_fields(active)]


# Fields a reason names in words rather than by their column: a figure without a date of its own
# "names no period", not "no date_end or date_start"; an amount without a measure "names no noun of
# what it measures".
FIELD_WORDS = {"date_start": "period", "date_end": "period", "quantity_measure": "noun of what it measures (Kosten, Wahlbeteiligung)"}


def rule_lists(row: dict, active: list[Rule]) -> dict[str, list[str]]:
    """Of one row of `with_rule_matches`, each stage's rule ids in the rules' order, and the
    `missing` fields sorted, each once in `FIELD_WORDS`' words."""
    lists = {stage: [rule.id for rule in active if row[f"{stage} {rule.id}"]] for stage in STAGES}
    lists["missing"] = sorted({FIELD_WORDS.get(column, column) for column in _needed_fields(active) if row[f"missing {column}"]})
    return lists
