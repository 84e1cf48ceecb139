"""The report's section of figures no rule compares, counted per unit and reason.

A report of "0 contradictions, 0 updates, 0 confirmations" reads as if all sources agreed, when its
rules may have compared none of its figures: a unit no rule takes ("Tonnen", "Nächtigungen"), a
figure that names no actor or place a rule needs, a story that counts its unit of several things.
The reasons are `checker claim`'s for one figure (`checker.comparability`), counted over the corpus.
"""

from __future__ import annotations

import polars as pl

from checker.comparability import match_columns, rule_lists, story_reason, with_rule_matches
from checker.formatting import table_cell
from checker.rules import Rule
from checker.stories import STORY_COLUMNS

# The reasons shown, most figures first; the rest are counted in one line.
SHOWN_REASONS = 10


def _reason(lists: dict[str, list[str]], role: str | None) -> str | None:
    """Why figures of one set of rule matches (`rule_lists`) are not compared, in `checker
    claim`'s words (`single_claim.not_compared`); None where a rule compares them."""
    if lists["compared"]:
        return None
    in_story = lists["keyed"]
    others = [rule_id for rule_id in lists["about"] if rule_id not in in_story]
    story = f"{story_reason('this unit')} ({', '.join(in_story)})"
    if in_story and not others:
        return story
    if not others:
        return f"no rule compares {role or 'level'} figures in this unit"
    fields = [column for column in lists["missing"] if column not in STORY_COLUMNS]
    lacks = [f"names no {' or '.join(fields)}"] if fields else []
    if len(fields) < len(lists["missing"]):
        lacks.append("belongs to no story")
    by_unit = lists["by_unit"]
    unit_note = f"; {', '.join(by_unit)} would compare it by what it names, but {'takes' if len(by_unit) == 1 else 'take'} no figures in this unit" if by_unit else ""
    story_note = f"; {story}" if in_story else ""
    return f"{' and '.join(lacks)}, which {', '.join(others)} {'needs' if len(others) == 1 else 'need'} to compare it{unit_note}{story_note}"


def not_compared_section(claims: pl.DataFrame, active: list[Rule]) -> str:
    """The section: per unit and reason, how many figures (of how many articles, or stories where
    the reason is the story) no rule compares, the most first, at most `SHOWN_REASONS` lines.

    The figures are grouped by their role and rule matches first (a few dozen sets of thousands
    of figures), and each set's reason is worded once."""
    quantities = claims.filter(pl.col("kind") == "quantity", pl.col("quantity_unit").is_not_null())
    # A rule of one other kind of claim (dates, meetings) is about no figure: its columns would all be false.
    active = [rule for rule in active if rule.select.get("kind", "quantity") == "quantity" or not isinstance(rule.select["kind"], str)]
    matched = with_rule_matches(quantities, active).with_columns(pl.struct("quantity_role", *match_columns(active)).hash().alias("matches"))
    sets = matched.group_by("matches").agg(pl.col("quantity_role", *match_columns(active)).first())
    reasons = [_reason(rule_lists(row, active), row["quantity_role"]) for row in sets.iter_rows(named=True)]
    worded = sets.select("matches").with_columns(
        pl.Series("reason", reasons, dtype=pl.String),
        pl.Series("by_story", [reason is not None and reason.startswith(story_reason("this unit")) for reason in reasons], dtype=pl.Boolean),
    )
    story = pl.col("story") if "story" in claims.columns else pl.lit(None, dtype=pl.String)
    counted = (
        matched.select("quantity_unit", "article", story.alias("story"), "matches")
        .join(worded.filter(pl.col("reason").is_not_null()), on="matches")
        .group_by("quantity_unit", "reason")
        .agg(pl.len().alias("figures"), pl.col("article").n_unique().alias("articles"), pl.col("story").drop_nulls().n_unique().alias("stories"), pl.col("by_story").first())
        .sort(["figures", "quantity_unit", "reason"], descending=[True, False, False])
    )
    lines = [f"## Figures not compared ({counted['figures'].sum()})", ""]
    if counted.is_empty():
        return "\n".join([*lines, "None: every figure is of a unit and names what a rule compares it by.", ""])
    lines.extend(["No rule compared these figures with others; `checker claim` tells why of one.", ""])
    for row in counted.head(SHOWN_REASONS).iter_rows(named=True):
        figures = f"{row['figures']} figure{'s' if row['figures'] != 1 else ''}"
        where = f"in {row['stories']} stor{'ies' if row['stories'] != 1 else 'y'}" if row["by_story"] else f"in {row['articles']} article{'s' if row['articles'] != 1 else ''}"
        lines.append(f"- {table_cell(row['quantity_unit'])}: {figures} {where} — {table_cell(row['reason'])}")
    rest = counted.slice(SHOWN_REASONS)
    if rest.height:
        lines.append(f"- and {rest.height} more (units and reasons) of {rest['figures'].sum()} figures")
    return "\n".join([*lines, ""])
