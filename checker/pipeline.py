"""The stages wired together: corpus → claims → (rules → findings, in checker.engine).

Extraction runs per article; an article whose extraction fails is reported as an input error and
the others go on. Event identity needs every article's meetings, so it runs once over the frame.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

import polars as pl

from checker.corpus import Article, read_corpus
from checker.errors import InputError
from checker.extract import extract_document
from checker.published import PublicationDate
from checker.schema import ARTICLES_SCHEMA, CLAIMS_SCHEMA, validate_frame


@dataclass
class Extraction:
    articles: pl.DataFrame
    claims: pl.DataFrame
    errors: list[InputError] = field(default_factory=list)


def article_row(article: Article) -> dict:
    document = article.document
    return {
        "article": document.article,
        "path": article.path,
        "published": document.published.text,
        "published_start": document.published.start,
        "published_end": document.published.end,
        "published_granularity": document.published.granularity,
        "source": document.source,
        "title": article.title,
        "url": article.url,
        "body_start": document.body_start,
        "content_hash": article.content_hash,
    }


def extract_articles(articles: Iterable[Article | InputError]) -> Extraction:
    rows: list[dict] = []
    frames: list[pl.DataFrame] = []
    errors: list[InputError] = []
    for item in articles:
        if isinstance(item, InputError):
            errors.append(item)
            continue
        try:
            frames.append(extract_document(item.document))
        except Exception as error:  # a defect in an extractor must not cost the other articles
            errors.append(InputError(item.path, f"extraction failed: {type(error).__name__}: {error}"))
            continue
        rows.append(article_row(item))
    articles_frame = pl.DataFrame(rows, schema=ARTICLES_SCHEMA) if rows else pl.DataFrame(schema=ARTICLES_SCHEMA)
    claims = pl.concat(frames, how="vertical") if frames else pl.DataFrame(schema=CLAIMS_SCHEMA)
    claims = link_events(claims)
    return Extraction(validate_frame(articles_frame, ARTICLES_SCHEMA, "corpus"), validate_frame(claims, CLAIMS_SCHEMA, "claims"), errors)


def link_events(claims: pl.DataFrame) -> pl.DataFrame:
    """Give every meeting claim the key of the event it mentions (across articles)."""
    try:
        from checker.extract.events import assign_events
    except ImportError:
        return claims
    return assign_events(claims)


def extract_corpus(paths: Iterable[str | os.PathLike], published: PublicationDate | None = None) -> Extraction:
    return extract_articles(read_corpus(paths, published))
