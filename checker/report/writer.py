"""Writes the Markdown report and its charts (atomically) and returns what goes to stdout for the chosen format."""

from __future__ import annotations

import sys
from pathlib import Path

from checker.atomic import write_atomic
from checker.check import CheckResult
from checker.engine import active_rules, uses_stories
from checker.errors import InputError, InputProblem
from checker.report.charts import quantity_series, write_charts
from checker.report.evidence import quotes_by_finding
from checker.report.findings_json import findings_json
from checker.report.markdown import render_markdown
from checker.report.not_compared import not_compared_section
from checker.report.timeline import meeting_timeline
from checker.stories import with_stories


def write_reports(result: CheckResult, report_path: str | Path, output_format: str, corpus: str) -> str:
    """Write report and charts; a chart that fails is named on stderr and in the report, never fatal."""
    extraction = result.extraction
    quotes = quotes_by_finding(result.findings, extraction.claims, extraction.articles)
    story_rules = [rule.id for rule in result.rules if "story" in rule.group_by]
    active = active_rules(result.rules)
    # Stories are found once, as the rules found them, for the series charted per story and the figures not compared.
    claims = with_stories(extraction.claims, extraction.articles) if any(uses_stories(rule) for rule in active) else extraction.claims
    series = quantity_series(result.findings, claims, extraction.articles, story_rules)
    charts, chart_failures = write_charts(series, report_path)
    for failure in chart_failures:
        print(f"warning: {failure}", file=sys.stderr)
    markdown = render_markdown(
        result.summary,
        result.findings,
        quotes,
        result.errors,
        result.stale,
        corpus,
        extra_sections=[not_compared_section(claims, active), meeting_timeline(extraction.claims)],
        charts=charts,
        chart_failures=chart_failures,
        baseline=result.baseline,
        rule_titles={rule.id: rule.title for rule in result.rules},
    )
    try:
        write_atomic(report_path, markdown)
    except OSError as error:
        raise InputProblem(InputError(str(report_path), f"cannot write the report: {error.strerror or error}")) from error
    if output_format == "json":
        return findings_json(result.findings, result.summary, result.stale)
    if output_format == "sarif":
        from checker.report.sarif import sarif_json

        return sarif_json(result, quotes)
    return text_summary(result, report_path)


def text_summary(result: CheckResult, report_path: str | Path) -> str:
    lines = [result.summary.line()]
    for row in result.findings.filter(result.findings["new"] & (result.findings["kind"] == "contradiction")).iter_rows(named=True):
        lines.append(f"NEW {row['rule']} {row['kind']}: {row['message']}")
    for entry in result.stale:
        lines.append(f"STALE {entry.rule} {entry.kind}: {entry.summary} (fingerprint {entry.fingerprint})")
    lines.append(f"report: {report_path}")
    return "\n".join(lines) + "\n"
