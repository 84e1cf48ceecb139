"""Extraction: one document in, its claims out as rows of `CLAIMS_SCHEMA`.

Dates come first because quantities and meetings link to them; durations come after the other
quantities, whose figures and dates they leave alone.

Claims become plain tuples (`claim_rows`) and only then a frame (`rows_frame`): the pipeline
gathers the rows of a whole chunk of articles into one frame, because building and validating
a polars frame per article cost more than the rows themselves (~0.2 s per 155 articles).
"""

from __future__ import annotations

from operator import attrgetter

import polars as pl

from checker.document import Document
from checker.extract.dates import extract_dates
from checker.extract.durations import extract_durations
from checker.extract.meetings import extract_meetings
from checker.extract.quantities import extract_quantities
from checker.schema import CLAIM_FIELDS, CLAIMS_SCHEMA, Claim, SchemaError, validate_frame

# A claim row holds the columns of `CLAIMS_SCHEMA` in its order, so that the frame needs no
# reordering: the document fills in id, article, publication date, quoted text, line and
# sentence; the claim gives the rest, read in one C-level call (dataclasses.asdict deep-copies and
# was ~9 % of extraction).
_CLAIM_FIELDS_AFTER_SENTENCE = CLAIM_FIELDS[CLAIM_FIELDS.index("source") :]
_ROW_COLUMNS = (
    "id", "article", "published", "published_start", "published_end", "kind", "text", "span_start", "span_end",
    "line", "sentence_index", "sentence", *_CLAIM_FIELDS_AFTER_SENTENCE,
)
if _ROW_COLUMNS != tuple(CLAIMS_SCHEMA):
    raise SchemaError(f"claim rows are built as {_ROW_COLUMNS}, but CLAIMS_SCHEMA is {tuple(CLAIMS_SCHEMA)}")
_claim_fields_after_sentence = attrgetter(*_CLAIM_FIELDS_AFTER_SENTENCE)
_span_order = attrgetter("span_start", "span_end", "kind")


def extract_claims(doc: Document) -> list[Claim]:
    date_claims = extract_dates(doc)
    quantity_claims = extract_quantities(doc, date_claims)
    duration_claims = extract_durations(doc, [*date_claims, *quantity_claims])
    meeting_claims = extract_meetings(doc, date_claims)
    return [*date_claims, *quantity_claims, *duration_claims, *meeting_claims]


def claim_id(article: str, claim: Claim) -> str:
    return f"{article}#{claim.kind}@{claim.span_start}-{claim.span_end}"


def claim_rows(doc: Document, claims: list[Claim]) -> list[tuple]:
    """Rows (columns as in `CLAIMS_SCHEMA`) for `claims` in span order, one per id."""
    unique: dict[str, Claim] = {}
    for claim in sorted(claims, key=_span_order):
        unique.setdefault(claim_id(doc.article, claim), claim)
    article_values = (doc.article, doc.published.text, doc.published.start, doc.published.end)
    text = doc.text
    rows = []
    lines = doc.lines_of(claim.span_start for claim in unique.values())
    for (identifier, claim), line in zip(unique.items(), lines):
        start, end = claim.span_start, claim.span_end
        quote = text[start:end]
        sentence = doc.sentence_at(start)
        sentence_values = (sentence.index, _quoted_sentence(doc, sentence, start, end)) if sentence else (None, quote)
        rows.append(
            (identifier, *article_values, claim.kind, quote, start, end, line, *sentence_values)
            + _claim_fields_after_sentence(claim)
        )
    return rows


# A claim carries its sentence; a "sentence" longer than this (a list, or a text without full stops)
# is carried as the stretch of it around the claim, so that a run-on text of thousands of figures
# does not store its whole length once per figure (time and memory grew with its square).
MAX_QUOTED_SENTENCE = 2000


def _quoted_sentence(doc: Document, sentence, start: int, end: int) -> str:
    if sentence.end - sentence.start <= MAX_QUOTED_SENTENCE:
        return doc.sentence_text(sentence)
    text, half = doc.text, MAX_QUOTED_SENTENCE // 2
    low, high = max(sentence.start, start - half), min(sentence.end, end + half)
    # Whole words: from after the first blank in the stretch, up to the last one.
    if low > sentence.start and (blank := text.find(" ", low, start)) >= 0:
        low = blank + 1
    if high < sentence.end and (blank := text.rfind(" ", end, high)) >= 0:
        high = blank
    return text[low:high]


def rows_frame(rows: list[tuple]) -> pl.DataFrame:
    """The claims frame of rows from `claim_rows`, of one document or many, validated."""
    frame = pl.DataFrame(rows, schema=CLAIMS_SCHEMA, orient="row")
    return validate_frame(frame, CLAIMS_SCHEMA, "extract")


def claims_frame(doc: Document, claims: list[Claim]) -> pl.DataFrame:
    return rows_frame(claim_rows(doc, claims))


def extract_document(doc: Document) -> pl.DataFrame:
    return claims_frame(doc, extract_claims(doc))
