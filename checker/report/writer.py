"""Writes the Markdown report (atomically) and returns what goes to stdout for the chosen format."""

from __future__ import annotations

from pathlib import Path

from checker.atomic import write_atomic
from checker.check import CheckResult
from checker.report.evidence import quotes_by_finding
from checker.report.findings_json import findings_json
from checker.report.markdown import render_markdown


def write_reports(result: CheckResult, report_path: str | Path, output_format: str, corpus: str) -> str:
    extraction = result.extraction
    quotes = quotes_by_finding(result.findings, extraction.claims, extraction.articles)
    markdown = render_markdown(result.summary, result.findings, quotes, result.errors, result.stale, corpus)
    write_atomic(report_path, markdown)
    if output_format == "json":
        return findings_json(result.findings, result.summary)
    if output_format == "sarif":
        from checker.report.sarif import sarif_json

        return sarif_json(result, quotes)
    return text_summary(result, report_path)


def text_summary(result: CheckResult, report_path: str | Path) -> str:
    lines = [result.summary.line()]
    for row in result.findings.filter(result.findings["new"] & (result.findings["kind"] == "contradiction")).iter_rows(named=True):
        lines.append(f"NEW {row['rule']} {row['kind']}: {row['message']}")
    lines.append(f"report: {report_path}")
    return "\n".join(lines) + "\n"
