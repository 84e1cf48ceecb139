"""Extraction spread over the machine's cores, with the same output as one process.

Articles are extracted in chunks; a chunk's result is a claims frame with an `ordinal` column
(the article's position in the corpus stream) plus the articles that failed, so the caller can
put everything back into corpus order. The same function runs a chunk in this process or in a
worker, which is why the two give identical frames.

Workers start only when a run has more than `PARALLEL_THRESHOLD` articles to extract and this
process has already spent `SEQUENTIAL_SECONDS` extracting: a worker needs about a second to start,
import polars and load the lexicons, which a five-article CLI run must not pay and a 150-article
run does not win back (measured with tests/benchmarks/bench_scale.py). Until then chunks are
extracted here. The choice depends on time, the output does not: every chunk goes through
`extract_chunk` either way.

Workers are spawned, not forked: forking a process whose polars thread pool is running can
deadlock.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import polars as pl

from checker.corpus import Article

PARALLEL_THRESHOLD = 50
SEQUENTIAL_SECONDS = 1.0
CHUNK_ARTICLES = 24
# Chunks submitted ahead per worker: enough to keep workers busy, few enough that the articles
# waiting for extraction stay a small part of the corpus.
CHUNKS_AHEAD_PER_WORKER = 3

ORDINAL = "ordinal"


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class ChunkResult:
    claims: pl.DataFrame  # CLAIMS_SCHEMA plus `ordinal`
    extracted: list[int] = field(default_factory=list)  # ordinals extracted without error
    failures: list[tuple[int, str]] = field(default_factory=list)  # (ordinal, message)


def extract_chunk(chunk: list[tuple[int, Article]]) -> ChunkResult:
    """Extract every article of `chunk` into one claims frame; an article whose extraction raises
    becomes a failure."""
    # Called through the module, so that a test can stand in for the extractors.
    from checker import extract

    rows_by_article: list[tuple[int, list[tuple]]] = []
    failures: list[tuple[int, str]] = []
    for ordinal, article in chunk:
        try:
            document = article.document
            rows = extract.claim_rows(document, extract.extract_claims(document))
        except Exception as error:  # a defect in an extractor must not cost the other articles
            failures.append((ordinal, _failure_message(error)))
            continue
        rows_by_article.append((ordinal, rows))
    try:
        claims = _chunk_frame(rows_by_article)
    except Exception:
        # A value the schema cannot hold (an extractor defect) fails the frame of the whole
        # chunk: build it article by article instead, so that only that article fails.
        frames = []
        for ordinal, rows in rows_by_article:
            try:
                frames.append(_chunk_frame([(ordinal, rows)]))
            except Exception as error:
                failures.append((ordinal, _failure_message(error)))
        claims = pl.concat(frames, how="vertical") if frames else _chunk_frame([])
        failures.sort()
    failed = {ordinal for ordinal, _ in failures}
    extracted = [ordinal for ordinal, _ in rows_by_article if ordinal not in failed]
    return ChunkResult(claims, extracted, failures)


def _chunk_frame(rows_by_article: list[tuple[int, list[tuple]]]) -> pl.DataFrame:
    """One claims frame, with `ordinal`, for the claim rows of many articles."""
    from checker.extract import rows_frame

    rows = [row for _, article_rows in rows_by_article for row in article_rows]
    ordinals = [ordinal for ordinal, article_rows in rows_by_article for _ in article_rows]
    # `hstack` adds the column eagerly; `with_columns` plans and runs a query, ten times slower.
    return rows_frame(rows).hstack([pl.Series(ORDINAL, ordinals, dtype=pl.Int64)])


def _failure_message(error: Exception) -> str:
    return f"extraction failed: {type(error).__name__}: {error}"


class ExtractorChanged(RuntimeError):
    """A worker imported other extractor code than this process runs (files edited meanwhile)."""


def extract_chunk_in_worker(chunk: list[tuple[int, Article]], expected_version: str) -> ChunkResult:
    """`extract_chunk`, refused when the worker's code is not the code of the process that asked.

    A spawned worker imports the extractors from disk anew. Had they been edited since the run
    began, its claims would differ from the rest of the run and would be cached under the old
    version; the chunk is then extracted in the asking process instead.
    """
    from checker.cache import extractor_version

    if extractor_version() != expected_version:
        raise ExtractorChanged(f"extractor version {extractor_version()} in the worker, {expected_version} in the run")
    return extract_chunk(chunk)


def _warm_up() -> None:
    # Import the extractors and fix their version before the first chunk arrives.
    import checker.extract  # noqa: F401
    from checker.cache import extractor_version

    extractor_version()


class ChunkedExtractor:
    """Feed articles in corpus order with `add`; get chunk results back, in order, as they finish.

    With `jobs == 1`, or while the run is small (see the module docstring), every chunk is
    extracted in this process as soon as it is full.
    """

    def __init__(
        self,
        jobs: int | None = None,
        threshold: int = PARALLEL_THRESHOLD,
        chunk_articles: int = CHUNK_ARTICLES,
        sequential_seconds: float | None = None,
    ):
        self.jobs = max(1, jobs if jobs is not None else available_cores())
        self.threshold = threshold
        self.sequential_seconds = SEQUENTIAL_SECONDS if sequential_seconds is None else sequential_seconds
        self.chunk_articles = chunk_articles
        self._waiting: list[tuple[int, Article]] = []
        self._pool: ProcessPoolExecutor | None = None
        self._in_flight: deque[tuple[list[tuple[int, Article]], Future[ChunkResult]]] = deque()
        self._seen = 0
        self._seconds_here = 0.0
        self._version = ""
        self.started_workers = False

    def add(self, ordinal: int, article: Article) -> Iterator[ChunkResult]:
        self._waiting.append((ordinal, article))
        self._seen += 1
        if len(self._waiting) < self.chunk_articles:
            return
        if self._pool is None and self.jobs > 1 and self._seen > self.threshold and self._seconds_here >= self.sequential_seconds:
            import checker.extract  # noqa: F401  (the code this process extracts with, then its version)
            from checker.cache import extractor_version

            self._version = extractor_version()
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_warm_up
            )
            self.started_workers = True
        if self._pool is None:
            yield self._run_here(self._take_chunk())
            return
        while len(self._waiting) >= self.chunk_articles:
            self._submit(self._take_chunk())
        while len(self._in_flight) > self.jobs * CHUNKS_AHEAD_PER_WORKER:
            yield self._collect_oldest()

    def finish(self) -> Iterator[ChunkResult]:
        try:
            if self._pool is None:
                while self._waiting:
                    yield self._run_here(self._take_chunk())
                return
            while self._waiting:
                self._submit(self._take_chunk())
            while self._in_flight:
                yield self._collect_oldest()
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _take_chunk(self) -> list[tuple[int, Article]]:
        chunk = self._waiting[: self.chunk_articles]
        del self._waiting[: self.chunk_articles]
        return chunk

    def _run_here(self, chunk: list[tuple[int, Article]]) -> ChunkResult:
        started = time.perf_counter()
        result = extract_chunk(chunk)
        self._seconds_here += time.perf_counter() - started
        return result

    def _submit(self, chunk: list[tuple[int, Article]]) -> None:
        assert self._pool is not None
        try:
            future = self._pool.submit(extract_chunk_in_worker, chunk, self._version)
        except BrokenProcessPool:
            future = Future()
            future.set_exception(BrokenProcessPool("worker pool is broken"))
        self._in_flight.append((chunk, future))

    def _collect_oldest(self) -> ChunkResult:
        chunk, future = self._in_flight.popleft()
        try:
            return future.result()
        except Exception:
            # A worker died (killed for memory, most likely), its result could not be sent back,
            # or its code differs (ExtractorChanged): extract here, where per-article errors are
            # still caught.
            return self._run_here(chunk)
