"""Extraction over several processes gives the frames of one process, and starts no workers for
small runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

import checker.parallel
from checker.corpus import Article, read_corpus
from checker.document import Document
from checker.parallel import ChunkedExtractor, extract_chunk
from checker.pipeline import ExtractionSettings, extract_corpus
from checker.published import PublicationDate

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS = REPO_ROOT / "seeds"


def replicated_seeds(target: Path, copies: int) -> Path:
    """`copies` copies of every seed article under distinct file names (so distinct ids)."""
    target.mkdir()
    for copy in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, target / f"{seed.stem}_copy{copy:02d}{seed.suffix}")
    return target


def test_two_workers_give_the_frames_of_one_process(tmp_path, monkeypatch):
    corpus = replicated_seeds(tmp_path / "corpus", 12)  # 60 articles: above the worker threshold
    (corpus / "broken.txt").write_text("no date header here\n", encoding="utf-8")
    monkeypatch.setattr(checker.parallel, "SEQUENTIAL_SECONDS", 0.0)  # workers at once, however fast
    sequential = extract_corpus([corpus], settings=ExtractionSettings(jobs=1))
    parallel = extract_corpus([corpus], settings=ExtractionSettings(jobs=2))
    assert sequential.articles.height == 60 and sequential.claims.height > 0
    assert_frame_equal(sequential.articles, parallel.articles)
    assert_frame_equal(sequential.claims, parallel.claims)
    assert [str(error) for error in sequential.errors] == [str(error) for error in parallel.errors]
    assert len(parallel.errors) == 1


def test_articles_come_back_in_corpus_order(tmp_path, monkeypatch):
    monkeypatch.setattr(checker.parallel, "SEQUENTIAL_SECONDS", 0.0)
    corpus = replicated_seeds(tmp_path / "corpus", 12)
    result = extract_corpus([corpus], settings=ExtractionSettings(jobs=2))
    paths = result.articles["path"].to_list()
    assert paths == sorted(paths)
    first_claim_of = result.claims.group_by("article", maintain_order=True).agg(pl.first("id"))["article"].to_list()
    assert first_claim_of == [article for article in result.articles["article"].to_list() if article in set(first_claim_of)]


def _articles(corpus: Path) -> list[tuple[int, Article]]:
    return [(ordinal, article) for ordinal, article in enumerate(read_corpus([corpus])) if isinstance(article, Article)]


def test_small_runs_start_no_workers(tmp_path):
    extractor = ChunkedExtractor(jobs=2, sequential_seconds=0)
    results = []
    for ordinal, article in _articles(SEEDS):
        results.extend(extractor.add(ordinal, article))
    results.extend(extractor.finish())
    assert not extractor.started_workers
    assert sorted(ordinal for result in results for ordinal in result.extracted) == [0, 1, 2, 3, 4]


def test_an_article_failing_in_a_worker_fails_alone(tmp_path):
    articles = _articles(replicated_seeds(tmp_path / "corpus", 2))
    # Text that is not a string makes every extractor raise, inside the worker process.
    broken = Article(Document("broken", 12345, PublicationDate.parse("2022-01-01")), "broken.txt")  # type: ignore[arg-type]
    articles.insert(3, (99, broken))
    extractor = ChunkedExtractor(jobs=2, threshold=0, chunk_articles=4, sequential_seconds=0)
    results = []
    for ordinal, article in articles:
        results.extend(extractor.add(ordinal, article))
    results.extend(extractor.finish())
    assert extractor.started_workers
    failures = [failure for result in results for failure in result.failures]
    assert [ordinal for ordinal, _ in failures] == [99]
    assert failures[0][1].startswith("extraction failed: TypeError")
    extracted = [ordinal for result in results for ordinal in result.extracted]
    assert extracted == [ordinal for ordinal, _ in articles if ordinal != 99]


def test_a_chunk_in_process_matches_the_pipeline(tmp_path):
    corpus = replicated_seeds(tmp_path / "corpus", 1)
    chunk = extract_chunk(_articles(corpus))
    expected = extract_corpus([corpus], settings=ExtractionSettings(jobs=1)).claims
    # link_events may fill meeting_event afterwards; everything else is the chunk's frame.
    assert_frame_equal(chunk.claims.drop("ordinal", "meeting_event"), expected.drop("meeting_event"))


def test_quick_runs_stay_in_process_however_many_articles(tmp_path):
    # 60 articles above the count threshold, but extracting them takes less than an hour here.
    extractor = ChunkedExtractor(jobs=2, threshold=0, chunk_articles=4, sequential_seconds=3600)
    results = []
    for ordinal, article in _articles(replicated_seeds(tmp_path / "corpus", 12)):
        results.extend(extractor.add(ordinal, article))
    results.extend(extractor.finish())
    assert not extractor.started_workers
    assert len([ordinal for result in results for ordinal in result.extracted]) == 60


def test_cli_jobs_option(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    default = cli("extract", SEEDS)
    assert default[0] == 0
    assert cli("extract", SEEDS, "--jobs", "1") == default
    assert cli("extract", SEEDS, "--jobs", "2") == default
    code, _, stderr = cli("extract", SEEDS, "--jobs", "0")
    assert code == 2 and "--jobs" in stderr


def test_the_corpus_is_streamed_not_held(tmp_path):
    """At no time are more than a few chunks of articles alive, however long the corpus."""
    import weakref

    from checker.parallel import CHUNK_ARTICLES

    alive = 0
    most_alive = 0

    def released() -> None:
        nonlocal alive
        alive -= 1

    def articles():
        nonlocal alive, most_alive
        seeds = [article for article in read_corpus([SEEDS]) if isinstance(article, Article)]
        for number in range(300):
            seed = seeds[number % len(seeds)]
            document = Document(f"{seed.document.article}_{number:03d}", seed.document.text, seed.document.published, seed.document.body_start)
            article = Article(document, f"{number:03d}.txt")
            alive += 1
            most_alive = max(most_alive, alive)
            weakref.finalize(article, released)
            yield article
        del seeds

    from checker.pipeline import extract_articles

    extraction = extract_articles(articles(), ExtractionSettings(jobs=1))
    assert extraction.articles.height == 300
    assert most_alive <= 2 * CHUNK_ARTICLES


def test_a_worker_with_other_extractor_code_refuses_and_the_chunk_is_extracted_here(tmp_path):
    import pytest

    from checker.parallel import ExtractorChanged, extract_chunk_in_worker

    articles = _articles(SEEDS)
    with pytest.raises(ExtractorChanged):
        extract_chunk_in_worker(articles, "0000000000000000")
    extractor = ChunkedExtractor(jobs=2, threshold=0, chunk_articles=2, sequential_seconds=0)
    results = []
    for ordinal, article in articles:
        results.extend(extractor.add(ordinal, article))
        extractor._version = "0000000000000000"  # as if the files had changed after the run began
    results.extend(extractor.finish())
    assert extractor.started_workers
    assert [ordinal for result in results for ordinal in result.extracted] == [0, 1, 2, 3, 4]
    expected = extract_chunk(articles).claims
    assert_frame_equal(pl.concat([result.claims for result in results]), expected)


def test_a_claim_the_schema_cannot_hold_fails_its_article_alone(monkeypatch):
    import checker.extract
    from checker.schema import Claim

    articles = _articles(SEEDS)
    defective = articles[1][1].document.article
    original = checker.extract.extract_claims

    def with_a_wrong_type(document):
        claims = original(document)
        if document.article == defective:
            claims.append(Claim("quantity", 0, 1, quantity_value="viel"))  # type: ignore[arg-type]
        return claims

    monkeypatch.setattr(checker.extract, "extract_claims", with_a_wrong_type)
    result = extract_chunk(articles)
    assert [ordinal for ordinal, _ in result.failures] == [1]
    assert result.failures[0][1].startswith("extraction failed: ")
    assert result.extracted == [0, 2, 3, 4]
    expected = pl.concat([extract_chunk([pair]).claims for pair in articles if pair[0] != 1])
    assert_frame_equal(result.claims, expected)
