"""Claims and findings frames built by hand, for report tests that must not wait for the extractors."""

from __future__ import annotations

from datetime import date

import polars as pl

from checker.published import PublicationDate
from checker.schema import ARTICLES_SCHEMA, CLAIMS_SCHEMA, FINDINGS_SCHEMA


def claim_row(identifier: str, article: str, published: str, kind: str, text: str, line: int = 1, span_start: int = 0, **fields) -> dict:
    period = PublicationDate.parse(published)
    row = {column: None for column in CLAIMS_SCHEMA}
    row.update(
        id=identifier, article=article, published=published, published_start=period.start, published_end=period.end,
        kind=kind, text=text, span_start=span_start, span_end=span_start + len(text), line=line, sentence_index=0,
        sentence=fields.pop("sentence", f"Satz mit {text}."), meeting_participants=[],
    )
    row.update(fields)
    return row


def claims_frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=CLAIMS_SCHEMA)


def troop_claims() -> pl.DataFrame:
    """A rising troop estimate from three sources, with closed, open and approximate intervals."""
    common = {"quantity_unit": "soldier", "actor": "Russia", "location": "Ukraine border"}
    return claims_frame(
        [
            claim_row("nov#q", "nov", "2021-11", "quantity", "fast 100.000", quantity_value=100000.0, quantity_low=90000.0, quantity_high=100000.0, quantity_qualifier="almost", source="Ukraine", **common),
            claim_row("dec#q", "dec", "2021-12", "quantity", "mehr als 100.000", quantity_value=100000.0, quantity_low=100000.0, quantity_high=None, quantity_qualifier="more_than", source="USA", **common),
            claim_row("jan#q", "jan", "2022-01", "quantity", "rund 127.000", quantity_value=127000.0, quantity_low=120000.0, quantity_high=134000.0, quantity_qualifier="approx", source="Ukraine", **common),
            claim_row("feb#q", "feb", "2022-02", "quantity", "rund 150.000", quantity_value=150000.0, quantity_low=135000.0, quantity_high=165000.0, quantity_qualifier="approx", source="USA", **common),
            claim_row("feb2#q", "feb2", "2022-02", "quantity", "bis zu 190.000", quantity_value=190000.0, quantity_low=None, quantity_high=190000.0, quantity_qualifier="at_most", source=None, **common),
        ]
    )


def finding_row(fingerprint: str, rule: str, kind: str, claims: list[str], articles: list[str], message: str = "eine Meldung", severity: str = "error", subject: str = "soldier / Russia / Ukraine border", new: bool = True) -> dict:
    return {"fingerprint": fingerprint, "rule": rule, "kind": kind, "severity": severity, "message": message, "subject": subject, "claims": claims, "articles": articles, "new": new}


def findings_frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={**FINDINGS_SCHEMA, "new": pl.Boolean})


def articles_frame(paths: dict[str, str], published: dict[str, str]) -> pl.DataFrame:
    rows = []
    for article, path in sorted(paths.items()):
        period = PublicationDate.parse(published[article])
        rows.append({"article": article, "path": path, "published": published[article], "published_start": period.start, "published_end": period.end,
                     "published_granularity": "month", "source": None, "title": None, "url": None, "body_start": 0, "content_hash": article})
    return pl.DataFrame(rows, schema=ARTICLES_SCHEMA)


__all__ = ["claim_row", "claims_frame", "troop_claims", "finding_row", "findings_frame", "articles_frame", "date"]
