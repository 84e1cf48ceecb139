"""The stages wired together: corpus → claims → (rules → findings, in checker.engine).

Extraction runs per article; an article whose extraction fails is reported as an input error and
the others go on. Event identity needs every article's meetings, so it runs once over the frame,
after the cache, every time.

The corpus is streamed: articles are read one at a time, served from the claims cache when their
content is unchanged, else extracted in chunks (over the cores when there are many). Only small
rows per article and the claims frames are kept, never the list of all articles. With the cache
on, a file the file index (checker/file_index.py) knows unchanged, and whose articles' claims are
all cached, is not even read: its stored rows stand for it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import polars as pl

from checker.cache import KEY_COLUMN, ClaimsCache, article_key
from checker import corpus
from checker.corpus import Article, ArticleIds, find_files, read_corpus
from checker.errors import InputError
from checker.file_index import FileIndex, FileState
from checker.parallel import ORDINAL, ChunkedExtractor, ChunkResult
from checker.published import PublicationDate
from checker.schema import ARTICLES_SCHEMA, CLAIMS_SCHEMA, validate_frame
from checker.story_terms import text_terms


@dataclass
class Extraction:
    articles: pl.DataFrame
    claims: pl.DataFrame
    errors: list[InputError] = field(default_factory=list)


@dataclass(frozen=True)
class ExtractionSettings:
    """How extraction runs; the output is the same whatever these are.

    `cache_dir`: where claims are cached per article (None: no cache). `jobs`: processes to
    extract with (None: one per core, 1: this process only).
    """

    cache_dir: Path | None = None
    jobs: int | None = 1


# The library default is no cache and no worker processes: a caller (a test that patches an
# extractor, say) must not be served claims from an earlier run, and a script without the
# `if __name__ == "__main__":` guard must not be re-run by spawned workers. The CLI turns both
# on with `extraction_settings`.
_SETTINGS: ContextVar[ExtractionSettings] = ContextVar("extraction_settings", default=ExtractionSettings())


@contextmanager
def extraction_settings(settings: ExtractionSettings) -> Iterator[ExtractionSettings]:
    """Use `settings` for every extraction inside the block (e.g. the one `run_check` does)."""
    token = _SETTINGS.set(settings)
    try:
        yield settings
    finally:
        _SETTINGS.reset(token)


def current_settings() -> ExtractionSettings:
    return _SETTINGS.get()


def article_row(article: Article) -> dict:
    """The row of `article` in the articles frame. The file index stores these rows: a change
    here that keeps ARTICLES_SCHEMA must bump file_index.INDEX_FORMAT."""
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
        "terms": text_terms(article.title, document.text[document.body_start :]),
    }


class _Entry(NamedTuple):
    """An article read from its file on its way to extraction: its row and its cache key."""

    row: dict
    key: str
    article: Article

    @classmethod
    def read(cls, article: Article) -> _Entry:
        row = article_row(article)
        return cls(row, article_key(row["article"], row["content_hash"]), article)


class _Indexed(NamedTuple):
    """An article of a file left unread (the file index knows it unchanged and its claims are
    cached): its row number in the index and its cache key."""

    index_row: int
    key: str


class _Collector:
    """Gathers chunk results and input errors, keyed by corpus position, and feeds the cache."""

    def __init__(self, cache: ClaimsCache | None):
        self.cache = cache
        self.claims: list[pl.DataFrame] = []
        self.errors: list[tuple[int, InputError]] = []
        self.failed: set[int] = set()
        self.paths: dict[int, str] = {}  # ordinal -> path, while the article is being extracted
        self.keys: dict[int, str] = {}  # ordinal -> cache key, likewise

    def take(self, result: ChunkResult) -> None:
        for ordinal, message in result.failures:
            self.errors.append((ordinal, InputError(self.paths[ordinal], message)))
            self.failed.add(ordinal)
        if self.cache is not None and result.extracted:
            keys = {ordinal: self.keys[ordinal] for ordinal in result.extracted}
            first_copies: dict[str, int] = {}
            for ordinal, key in keys.items():
                first_copies.setdefault(key, ordinal)
            claims = result.claims
            if len(first_copies) < len(keys):  # one article twice in the chunk (an id twice in a file): cached once
                claims = claims.filter(pl.col(ORDINAL).is_in(list(first_copies.values())))
            # Looked up here and added by `hstack`: a `replace_strict` expression planned and ran a query.
            row_keys = [keys[ordinal] for ordinal in claims[ORDINAL].to_list()]
            key_column = pl.Series(KEY_COLUMN, row_keys, dtype=pl.String)
            self.cache.store(claims.hstack([key_column]), first_copies)
        self.claims.append(result.claims)
        for ordinal in [*result.extracted, *(ordinal for ordinal, _ in result.failures)]:
            self.paths.pop(ordinal, None)
            self.keys.pop(ordinal, None)


def extract_articles(articles: Iterable[Article | InputError], settings: ExtractionSettings | None = None) -> Extraction:
    """Claims of every article, in corpus order; the same frames whatever `settings` say."""
    settings = settings or current_settings()
    cache = ClaimsCache(settings.cache_dir) if settings.cache_dir is not None else None
    entries = (item if isinstance(item, InputError) else _Entry.read(item) for item in articles)
    return _extract(entries, settings, cache)


def _extract(
    entries: Iterable[_Entry | _Indexed | InputError], settings: ExtractionSettings, cache: ClaimsCache | None, index: FileIndex | None = None
) -> Extraction:
    """Claims of every entry, in order, from `cache` (which this closes) or freshly extracted;
    `_Indexed` entries (which need `cache` and `index`) only from the cache."""
    collector = _Collector(cache)
    extractor = ChunkedExtractor(settings.jobs)
    rows: list[tuple[int, dict]] = []
    # Parallel lists of plain values: ten thousand tuples kept till the end cost garbage collector passes.
    index_ordinals: list[int] = []  # the ordinals of `_Indexed` entries, and their rows in the index
    index_rows: list[int] = []
    hit_ordinals: list[int] = []  # the ordinals of the articles served from the cache, and their keys
    hit_keys: list[str] = []
    try:
        for ordinal, entry in enumerate(entries):
            if isinstance(entry, InputError):
                collector.errors.append((ordinal, entry))
                continue
            if isinstance(entry, _Indexed):
                index_ordinals.append(ordinal)
                index_rows.append(entry.index_row)
                hit_ordinals.append(ordinal)
                hit_keys.append(entry.key)
                continue
            rows.append((ordinal, entry.row))
            if cache is not None and cache.contains(entry.key):
                hit_ordinals.append(ordinal)
                hit_keys.append(entry.key)
                continue
            collector.paths[ordinal] = entry.article.path
            collector.keys[ordinal] = entry.key
            for result in extractor.add(ordinal, entry.article):
                collector.take(result)
        for result in extractor.finish():
            collector.take(result)
        # Before `close`, which may merge the segments these claims are taken from.
        cached = cache.claims_for(hit_ordinals, hit_keys) if cache is not None and hit_keys else []
    finally:
        extractor.close()
        if cache is not None:
            cache.close()

    claims = link_events(_in_ordinal_order([*collector.claims, *cached], CLAIMS_SCHEMA))

    kept = [(ordinal, row) for ordinal, row in rows if ordinal not in collector.failed]
    article_parts = [_with_ordinals(pl.DataFrame([row for _, row in kept], schema=ARTICLES_SCHEMA), [ordinal for ordinal, _ in kept])]
    if index_rows:
        article_parts.append(_with_ordinals(index.article_rows(index_rows), index_ordinals))
    articles_frame = _in_ordinal_order(article_parts, ARTICLES_SCHEMA)
    errors = [error for _, error in sorted(collector.errors, key=lambda pair: pair[0])]
    return Extraction(validate_frame(articles_frame, ARTICLES_SCHEMA, "corpus"), validate_frame(claims, CLAIMS_SCHEMA, "claims"), errors)


def _with_ordinals(frame: pl.DataFrame, ordinals: list[int]) -> pl.DataFrame:
    return frame.hstack([pl.Series(ORDINAL, ordinals, dtype=pl.Int64)])


def _in_ordinal_order(parts: list[pl.DataFrame], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """The rows of `parts` in ordinal order, in `schema` (without ORDINAL).

    Each part is in ordinal order already and holds all rows of its ordinals (an article's claims
    come from one chunk or the cache): the parts are put one after the other, and only if their
    ordinals interleave (cached articles among new ones) sorted. Sorting copies every column; a
    warm run whose new articles come last, as a feed's do, is spared it.
    """
    parts = sorted((part for part in parts if part.height), key=lambda part: part[ORDINAL][0])
    if not parts:
        return pl.DataFrame(schema=schema)
    frame = pl.concat(parts, how="vertical")
    if any(before[ORDINAL][-1] > after[ORDINAL][0] for before, after in zip(parts, parts[1:])):
        frame = frame.sort(ORDINAL, maintain_order=True)
    # Indexing by names projects at once (without ORDINAL); `drop` would plan and run a query.
    return frame[list(schema)]


def _indexed_corpus(
    paths: Iterable[str | os.PathLike], published: PublicationDate | None, index: FileIndex, cache: ClaimsCache
) -> Iterator[_Entry | _Indexed | InputError]:
    """What `read_corpus` gives, as entries, with a file left unread when the index knows it
    unchanged and the cache holds the claims of all its articles."""
    ids = ArticleIds()
    for name in find_files(paths):
        if isinstance(name, InputError):
            yield name
            continue
        state = FileState.of(name, published)  # before reading: a write meanwhile makes it look changed
        stored = index.stored(name, state) if state is not None else None
        if stored is not None and all(map(cache.contains, stored.keys)):
            for article, key, index_row in zip(stored.articles, stored.keys, stored.rows):
                yield ids.duplicate(article, name) or _Indexed(index_row, key)
            continue
        results = [item if isinstance(item, InputError) else _Entry.read(item) for item in corpus.read_file(name, published)]
        if state is not None:
            clean = not any(isinstance(item, InputError) for item in results)
            index.record(name, state, [item.row for item in results] if clean else None)
        for item in results:
            yield item if isinstance(item, InputError) else ids.duplicate(item.row["article"], name) or item


def link_events(claims: pl.DataFrame) -> pl.DataFrame:
    """Give every meeting claim the key of the event it mentions (across articles), its parties
    named as the corpus names them in full."""
    try:
        from checker.extract.events import assign_events
        from checker.extract.surnames import unify_surnames
    except ImportError:
        return claims
    return assign_events(unify_surnames(claims))


def extract_corpus(
    paths: Iterable[str | os.PathLike], published: PublicationDate | None = None, settings: ExtractionSettings | None = None
) -> Extraction:
    settings = settings or current_settings()
    if settings.cache_dir is None:
        return extract_articles(read_corpus(paths, published), settings)
    cache = ClaimsCache(settings.cache_dir)
    index = FileIndex(settings.cache_dir)
    extraction = _extract(_indexed_corpus(paths, published, index, cache), settings, cache, index)
    index.save()
    return extraction
