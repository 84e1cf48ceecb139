"""Runs the examples a rule file carries: small articles in, expected findings (and non-findings) out."""

from __future__ import annotations

import polars as pl

from checker.corpus import Article
from checker.document import Document
from checker.engine import apply_rules
from checker.pipeline import extract_articles
from checker.published import PublicationDate
from checker.rules import Rule


def example_findings(rule: Rule, example: dict) -> pl.DataFrame:
    articles = [
        Article(Document(item["id"], item["text"], PublicationDate.parse(str(item["published"])), 0, item.get("source")), f"<example {item['id']}>")
        for item in example["articles"]
    ]
    extraction = extract_articles(articles)
    return apply_rules(extraction.claims, [rule], extraction.articles)


def _matches(row: dict, expectation: dict) -> bool:
    if "kind" in expectation and row["kind"] != expectation["kind"]:
        return False
    if "articles" in expectation and sorted(row["articles"]) != sorted(expectation["articles"]):
        return False
    if "message_contains" in expectation and expectation["message_contains"] not in row["message"]:
        return False
    return True


def run_examples(rule: Rule) -> list[tuple[int, str]]:
    """(position in rule.examples, problem) for every example whose findings differ from what it expects."""
    problems = []
    for position, example in enumerate(rule.examples):
        problem = check_example(rule, example)
        if problem:
            problems.append((position, problem))
    return problems


def check_example(rule: Rule, example: dict) -> str | None:
    findings = example_findings(rule, example)
    rows = list(findings.iter_rows(named=True))
    for expectation in example.get("expect", []):
        if not any(_matches(row, expectation) for row in rows):
            found = "; ".join(f"{row['kind']} {row['articles']}" for row in rows) or "no findings"
            return f"expected {expectation}, found {found}"
    for expectation in example.get("expect_not", []):
        hits = [row for row in rows if _matches(row, expectation)]
        if hits:
            return f"expected no {expectation}, found: {hits[0]['message']}"
    return None
