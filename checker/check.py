"""`checker check` as a function: corpus and rules in, findings marked against the baseline out."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from checker.baseline import BaselineEntry, load_baseline, mark_new, stale_entries
from checker.engine import apply_rules
from checker.errors import InputError
from checker.pipeline import Extraction, extract_corpus
from checker.published import PublicationDate
from checker.report.summary import Summary
from checker.rules import load_rules

FAIL_ON = ("contradiction", "update", "never")


@dataclass
class CheckResult:
    extraction: Extraction
    findings: pl.DataFrame  # FINDINGS_SCHEMA plus `new`
    stale: list[BaselineEntry]
    summary: Summary

    @property
    def errors(self) -> list[InputError]:
        return self.extraction.errors

    def exit_code(self, fail_on: str) -> int:
        if self.errors:
            return 2
        if fail_on == "never":
            return 0
        failing = ["contradiction"] if fail_on == "contradiction" else ["contradiction", "update"]
        new_failing = self.findings.filter(pl.col("new") & pl.col("kind").is_in(failing))
        return 1 if new_failing.height else 0


def run_check(
    paths: Sequence[str | os.PathLike],
    rules_dir: str | Path,
    baseline_path: str | Path | None,
    published: PublicationDate | None = None,
) -> CheckResult:
    rules = load_rules(rules_dir)
    baseline = load_baseline(baseline_path) if baseline_path is not None else {}
    extraction = extract_corpus(paths, published)
    findings = mark_new(apply_rules(extraction.claims, rules), baseline)
    stale = stale_entries(findings, baseline)
    summary = Summary.of(
        articles=extraction.articles.height,
        claims=extraction.claims.height,
        findings=findings,
        stale=len(stale),
        input_errors=len(extraction.errors),
    )
    return CheckResult(extraction, findings, stale, summary)
