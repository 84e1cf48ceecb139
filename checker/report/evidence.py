"""The quotes behind each finding: the claim sentences with article, file, line and column."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path

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


def column_in_text(text: str, offset: int) -> int:
    """1-based column of `offset` in its line of `text` (counted in characters, as the spans are)."""
    return offset - (text.rfind("\n", 0, offset) + 1) + 1


def article_texts(articles: pl.DataFrame, only: set[str] | None = None) -> dict[str, str]:
    """The text each article's spans point into, read again from its file.

    The claims frame carries offsets and lines but not the text; columns need it. The corpus
    reader is used so that `.tml` and `.jsonl` get the same text their offsets refer to. A file
    that can no longer be read simply has no entry (its quotes fall back to column 1). `only`
    limits the reading to the articles quoted, so a large corpus is not held in memory. Articles
    with one content hash have one text (the hash covers it): a text repeated under many names is
    read from the first of its files that can be read.
    """
    from checker.corpus import read_file
    from checker.published import PublicationDate

    # The date only fills in for files without one; the text does not depend on it.
    any_date = PublicationDate.parse("2000")
    if only is not None:
        articles = articles.filter(pl.col("article").is_in(sorted(only)))
    # An article without a hash is a text of its own.
    rows = articles.select("path", "article", pl.coalesce("content_hash", pl.lit("article ") + pl.col("article"))).sort("path", "article")
    texts_by_hash: dict[str, str] = {}
    for path, group in groupby(rows.filter(pl.col("path") != "").iter_rows(), key=itemgetter(0)):
        # A file is read only for texts not read yet; one that fails leaves them to their next copy.
        hash_of = {article: content_hash for _, article, content_hash in group if content_hash not in texts_by_hash}
        if not hash_of:
            continue
        try:
            read = read_file(Path(path), any_date)
        except OSError:
            continue
        for item in read:
            document = getattr(item, "document", None)
            if document is not None and document.article in hash_of:
                texts_by_hash.setdefault(hash_of[document.article], document.text)
    return {article: texts_by_hash[content_hash] for _, article, content_hash in rows.iter_rows() if content_hash in texts_by_hash}


def quotes_by_finding(
    findings: pl.DataFrame,
    claims: pl.DataFrame,
    articles: pl.DataFrame,
    texts: dict[str, str] | None = None,
) -> dict[str, list[Quote]]:
    """For every finding fingerprint, its claims' quotes in the finding's claim order.

    `texts` (article id → text) gives real columns; without it they are read from the article files.
    """
    if findings.is_empty():
        return {}
    exploded = findings.select("fingerprint", pl.col("claims").alias("claim")).explode("claim").with_row_index("order")
    joined = (
        exploded.join(claims.select("id", "article", "line", "span_start", "published", "text", "sentence"), left_on="claim", right_on="id", how="left")
        .join(articles.select("article", "path"), on="article", how="left")
        .sort("order")
    )
    if texts is None:
        texts = article_texts(articles, set(joined["article"].drop_nulls().to_list()))
    quotes: dict[str, list[Quote]] = {}
    for row in joined.iter_rows(named=True):
        text = texts.get(row["article"])
        offset = row["span_start"]
        column = column_in_text(text, offset) if text is not None and offset is not None and offset <= len(text) else 1
        quotes.setdefault(row["fingerprint"], []).append(
            Quote(
                claim=row["claim"],
                article=row["article"],
                path=row["path"],
                line=row["line"],
                column=column,
                published=row["published"],
                text=row["text"],
                sentence=row["sentence"],
            )
        )
    return quotes
