"""Values as a person reads them in messages, tables and charts: figures the German way (150.000, 1,5),
a claim nobody is named for, the report's heading, and text in a cell of a Markdown table."""

from __future__ import annotations

# Who a claim is from when its article names no source: said so, not "the article itself", which
# reads as if the newspaper vouched for it.
NO_SOURCE_NAMED = "no source named"

# The first line of every Markdown report, by which the corpus reader knows a report left in a corpus.
REPORT_HEADING = "# Fact-consistency report"


def german_number(value: float, decimals: int = 2) -> str:
    """`150000` → `150.000`; `1.5` → `1,50` (with `decimals` places for non-integers)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.{decimals}f}".replace(",", "x").replace(".", ",").replace("x", ".")


def table_cell(text: str) -> str:
    """`text` fit for one cell of a Markdown table: a `|` would end the cell, a line break the row."""
    return text.replace("|", "\\|").replace("\n", " ")
