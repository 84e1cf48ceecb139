"""`checker claim`: one sentence checked against the corpus with the same rules."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from checker.document import Document
from checker.engine import apply_rules
from checker.extract import extract_document
from checker.pipeline import Extraction
from checker.published import PublicationDate
from checker.report.evidence import Quote, quotes_by_finding
from checker.rules import Rule
from checker.schema import CLAIMS_SCHEMA, validate_frame

CLAIM_ARTICLE = "claim"
VERDICT_BY_KIND = (("contradiction", "contradicted"), ("update", "updated"), ("confirmation", "supported"))


@dataclass
class ClaimVerdict:
    claims: pl.DataFrame
    verdict: str
    findings: pl.DataFrame
    quotes: dict[str, list[Quote]]


def check_claim(text: str, published: PublicationDate, source: str | None, corpus: Extraction, rules: list[Rule]) -> ClaimVerdict:
    document = Document(CLAIM_ARTICLE, text, published, 0, source)
    claims = extract_document(document)
    if source is not None:
        claims = claims.with_columns(pl.col("source").fill_null(source))
    claims = validate_frame(claims, CLAIMS_SCHEMA, "claim")
    if claims.is_empty():
        return ClaimVerdict(claims, "not_enough_info", pl.DataFrame(), {})
    corpus_claims = corpus.claims.filter(pl.col("article") != CLAIM_ARTICLE)
    combined = pl.concat([corpus_claims, claims], how="vertical")
    from checker.pipeline import link_events

    combined = link_events(combined)
    claims = combined.filter(pl.col("article") == CLAIM_ARTICLE)
    findings = apply_rules(combined, rules).filter(pl.col("articles").list.contains(CLAIM_ARTICLE))
    verdict = "not_enough_info"
    for kind, name in VERDICT_BY_KIND:
        if findings.filter(pl.col("kind") == kind).height:
            verdict = name
            break
    quotes = quotes_by_finding(findings, combined, corpus.articles)
    return ClaimVerdict(claims, verdict, findings, quotes)
