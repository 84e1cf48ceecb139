"""The Markdown report a fact-checker reads: summary, new contradictions first, every finding quoted."""

from __future__ import annotations

import polars as pl

from checker.baseline import BaselineEntry
from checker.errors import InputError
from checker.checks.common import date_text
from checker.formatting import NO_SOURCE_NAMED, REPORT_HEADING, german_number, table_cell
from checker.report.charts import Chart
from checker.report.evidence import Quote
from checker.report.summary import Summary

SECTION_ORDER = (
    ("New contradictions", "contradiction", True),
    ("Known contradictions (in the baseline)", "contradiction", False),
    ("Updates", "update", None),
    ("Confirmations", "confirmation", None),
)


def _quote_block(quote: Quote) -> str:
    where = f"{quote.article}, line {quote.line}, published {quote.published}"
    sentence = quote.sentence.replace("\n", " ")
    highlighted = sentence.replace(quote.text, f"**{quote.text}**", 1) if quote.text else sentence
    return f"> {highlighted}\n>\n> — {where}"


def render_markdown(
    summary: Summary,
    findings: pl.DataFrame,
    quotes: dict[str, list[Quote]],
    errors: list[InputError],
    stale: list[BaselineEntry],
    corpus: str,
    extra_sections: list[str] | None = None,
    charts: list[Chart] | None = None,
    chart_failures: list[str] | None = None,
    baseline: dict[str, BaselineEntry] | None = None,
    rule_titles: dict[str, str] | None = None,
) -> str:
    """The whole report; `extra_sections` (e.g. the meeting timeline) follow the quantity series."""
    baseline = baseline or {}
    rule_titles = rule_titles or {}
    lines = [
        REPORT_HEADING,
        "",
        f"Corpus: `{corpus}`",
        "",
        "| | count |",
        "|---|---:|",
        f"| articles | {summary.articles} |",
        f"| claims | {summary.claims} |",
        f"| contradictions | {summary.contradictions} |",
        f"| new contradictions | {summary.new_contradictions} |",
        f"| updates | {summary.updates} |",
        f"| confirmations | {summary.confirmations} |",
        f"| stale baseline entries | {summary.stale} |",
        f"| input errors | {summary.input_errors} |",
        "",
    ]
    for title, kind, new in SECTION_ORDER:
        selected = findings.filter(pl.col("kind") == kind)
        if new is not None:
            selected = selected.filter(pl.col("new") == new)
        lines.append(f"## {title} ({selected.height})")
        lines.append("")
        if selected.is_empty():
            lines.extend(["None.", ""])
            continue
        for row in selected.iter_rows(named=True):
            marker = " (new)" if row["new"] and kind != "contradiction" else ""
            lines.append(f"### {row['rule']} · {row['severity']}{marker}: {table_cell(row['subject'] or '')}")
            lines.append("")
            if row["rule"] in rule_titles:
                lines.extend([f"*{row['rule']}: {table_cell(rule_titles[row['rule']])}*", ""])
            lines.append(row["message"])
            lines.append("")
            accepted = baseline.get(row["fingerprint"])
            if accepted is not None and accepted.reason:
                lines.extend([f"Accepted in the baseline: {table_cell(accepted.reason)}", ""])
            for quote in quotes.get(row["fingerprint"], []):
                lines.append(_quote_block(quote))
                lines.append("")
            lines.append(f"<sub>fingerprint `{row['fingerprint']}`</sub>")
            lines.append("")
    if charts or chart_failures:
        lines.extend(quantity_series_section(charts or [], chart_failures or []))
    for section in extra_sections or []:
        lines.extend([section.rstrip(), ""])
    if stale:
        lines.extend([f"## Stale baseline entries ({len(stale)})", "", "Accepted earlier, no longer found:", ""])
        lines.extend(
            f"- `{entry.fingerprint}` {entry.rule} ({entry.kind}): {table_cell(entry.summary)}" + (f" — accepted because: {table_cell(entry.reason)}" if entry.reason else "")
            for entry in stale
        )
        lines.append("")
    if errors:
        lines.extend([f"## Input errors ({len(errors)})", ""])
        lines.extend(f"- `{table_cell(str(error))}`" for error in errors)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _bound(value: float | None) -> str:
    if value is None:
        return "open"
    return german_number(value)


def quantity_series_section(charts: list[Chart], failures: list[str]) -> list[str]:
    """Per series: the chart, linked relative to the report, and the figures it shows as a table."""
    lines = [f"## Quantity series ({len(charts)})", ""]
    for chart in charts:
        lines.extend([f"### {table_cell(chart.series.title)}", ""])
        if chart.link:
            lines.extend([f"![{table_cell(chart.series.title)}]({chart.link})", ""])
        lines.extend(["| published | period | source | figure | interval | article, line |", "|---|---|---|---|---|---|"])
        for row in chart.series.claims.iter_rows(named=True):
            period = row["published"] if row["date_start"] is None else date_text(row["date_start"], row["date_end"], row["date_granularity"])
            lines.append(
                f"| {row['published']} | {period} | {table_cell(row['source'] or NO_SOURCE_NAMED)} "
                f"| {table_cell(row['text'])} | {_bound(row['quantity_low'])} – {_bound(row['quantity_high'])} | {row['article']}, line {row['line']} |"
            )
        lines.append("")
    for failure in failures:
        lines.extend([f"- chart not written: `{table_cell(failure)}`"])
    if failures:
        lines.append("")
    return lines
