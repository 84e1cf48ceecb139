"""The quotes behind each finding: the claim sentences with article, file and line."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class Quote:
    claim: str
    article: str
    path: str | None
    line: int
    column: int
    published: str
    text: str
    sentence: str


def quotes_by_finding(findings: pl.DataFrame, claims: pl.DataFrame, articles: pl.DataFrame) -> dict[str, list[Quote]]:
    """For every finding fingerprint, its claims' quotes in the finding's claim order."""
    if findings.is_empty():
        return {}
    exploded = findings.select("fingerprint", pl.col("claims").alias("claim")).explode("claim").with_row_index("order")
    line_start = articles.select("article", "path")
    joined = (
        exploded.join(claims.select("id", "article", "line", "span_start", "published", "text", "sentence"), left_on="claim", right_on="id", how="left")
        .join(line_start, on="article", how="left")
        .sort("order")
    )
    quotes: dict[str, list[Quote]] = {}
    for row in joined.iter_rows(named=True):
        quotes.setdefault(row["fingerprint"], []).append(
            Quote(
                claim=row["claim"],
                article=row["article"],
                path=row["path"],
                line=row["line"],
                column=1,
                published=row["published"],
                text=row["text"],
                sentence=row["sentence"],
            )
        )
    return quotes
