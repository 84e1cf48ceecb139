"""Extraction: one document in, its claims out as a frame with `CLAIMS_SCHEMA`.

Dates come first because quantities and meetings link to them.
"""

from __future__ import annotations


import polars as pl

from checker.document import Document
from checker.extract.dates import extract_dates
from checker.extract.meetings import extract_meetings
from checker.extract.quantities import extract_quantities
from checker.schema import CLAIM_FIELDS, CLAIMS_SCHEMA, Claim, validate_frame


def extract_claims(doc: Document) -> list[Claim]:
    date_claims = extract_dates(doc)
    quantity_claims = extract_quantities(doc, date_claims)
    meeting_claims = extract_meetings(doc, date_claims)
    return [*date_claims, *quantity_claims, *meeting_claims]


def claim_id(article: str, claim: Claim) -> str:
    return f"{article}#{claim.kind}@{claim.span_start}-{claim.span_end}"


def claims_frame(doc: Document, claims: list[Claim]) -> pl.DataFrame:
    """Rows for `claims`, with id, line and sentence filled in from the document."""
    rows = []
    seen: set[str] = set()
    for claim in sorted(claims, key=lambda c: (c.span_start, c.span_end, c.kind)):
        identifier = claim_id(doc.article, claim)
        if identifier in seen:
            continue
        seen.add(identifier)
        sentence = doc.sentence_at(claim.span_start)
        # A shallow copy: dataclasses.asdict deep-copies every field and cost ~9 % of extraction.
        row = {name: getattr(claim, name) for name in CLAIM_FIELDS}
        row.update(
            id=identifier,
            article=doc.article,
            published=doc.published.text,
            published_start=doc.published.start,
            published_end=doc.published.end,
            text=doc.text[claim.span_start : claim.span_end],
            line=doc.line_of(claim.span_start),
            sentence_index=sentence.index if sentence else None,
            sentence=doc.sentence_text(sentence) if sentence else doc.text[claim.span_start : claim.span_end],
        )
        rows.append(row)
    frame = pl.DataFrame(rows, schema=CLAIMS_SCHEMA) if rows else pl.DataFrame(schema=CLAIMS_SCHEMA)
    return validate_frame(frame, CLAIMS_SCHEMA, "extract")


def extract_document(doc: Document) -> pl.DataFrame:
    return claims_frame(doc, extract_claims(doc))
