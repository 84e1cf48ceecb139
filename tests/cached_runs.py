"""Helpers of the cache and file-index tests: one corpus extraction, and the comparison of two."""

from __future__ import annotations

from pathlib import Path

from polars.testing import assert_frame_equal

from checker.pipeline import ExtractionSettings, extract_corpus
from checker.published import PublicationDate


def run(corpus: Path, cache_dir: Path | None, published: str | None = None):
    """Extract `corpus` in one process, with the cache in `cache_dir` (None: no cache)."""
    date = PublicationDate.parse(published) if published else None
    return extract_corpus([corpus], date, ExtractionSettings(cache_dir=cache_dir, jobs=1))


def assert_same_extraction(left, right) -> None:
    assert_frame_equal(left.articles, right.articles)
    assert_frame_equal(left.claims, right.claims)
    assert [str(error) for error in left.errors] == [str(error) for error in right.errors]
