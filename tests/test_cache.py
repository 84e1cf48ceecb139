"""The claims cache: same frames as without it, one article re-extracted when one is added,
and a broken cache never gives a wrong result or a crash."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest

import checker.cache as cache_module
import checker.extract
from checker.cache import ClaimsCache, cache_dir_from_environment, extraction_sources, extractor_version
from checker.corpus import read_corpus
from checker.pipeline import ExtractionSettings, extract_articles
from cached_runs import assert_same_extraction, run

REPO_ROOT = Path(__file__).resolve().parents[1]


def segments(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("claims-*/segment-*.parquet"))


def test_warm_run_gives_the_same_frames_as_no_cache(corpus, tmp_path):
    uncached = run(corpus, None)
    cold = run(corpus, tmp_path / "cache")
    warm = run(corpus, tmp_path / "cache")
    assert uncached.claims.height > 0
    assert_same_extraction(uncached, cold)
    assert_same_extraction(uncached, warm)


def test_warm_run_extracts_nothing_and_an_added_article_alone(corpus, tmp_path, count_extractions):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir)
    assert len(count_extractions) == 5
    count_extractions.clear()
    run(corpus, cache_dir)
    assert count_extractions == []
    (corpus / "zzz_added.txt").write_text("date 2022-01-05\nDie Gespräche beginnen am 10. Januar in Genf.\n", encoding="utf-8")
    added = run(corpus, cache_dir)
    assert count_extractions == ["zzz_added"]
    assert_same_extraction(added, run(corpus, None))


def test_an_edited_article_is_extracted_again(corpus, tmp_path, count_extractions):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir)
    target = sorted(corpus.glob("*.txt"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nAm 3. März 2022 soll es weitergehen.\n", encoding="utf-8")
    count_extractions.clear()
    edited = run(corpus, cache_dir)
    assert count_extractions == [target.stem]
    assert_same_extraction(edited, run(corpus, None))


def test_same_text_under_another_id_is_not_served_the_other_articles_claims(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir)
    first = sorted(corpus.glob("*.txt"))[0]
    shutil.copy(first, corpus / f"copy_of_{first.name}")
    result = run(corpus, cache_dir)
    copied = result.claims.filter(pl.col("article") == f"copy_of_{first.stem}")
    assert copied.height > 0
    assert copied["id"].str.starts_with(f"copy_of_{first.stem}#").all()


def test_a_corrupt_segment_is_ignored_and_replaced(corpus, tmp_path, count_extractions):
    cache_dir = tmp_path / "cache"
    expected = run(corpus, cache_dir)
    [segment] = segments(cache_dir)
    segment.write_bytes(b"PAR1 this is not a parquet file")
    count_extractions.clear()
    result = run(corpus, cache_dir)
    assert len(count_extractions) == 5
    assert_same_extraction(expected, result)
    # The broken file is gone and the next run is served from the new segment.
    [rewritten] = segments(cache_dir)
    assert pl.read_parquet(rewritten).height > 0
    count_extractions.clear()
    assert_same_extraction(expected, run(corpus, cache_dir))
    assert count_extractions == []


def test_a_truncated_segment_is_ignored(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    expected = run(corpus, cache_dir)
    [segment] = segments(cache_dir)
    content = segment.read_bytes()
    segment.write_bytes(content[: len(content) // 2])
    assert_same_extraction(expected, run(corpus, cache_dir))


def test_a_segment_with_other_columns_is_ignored(corpus, tmp_path, count_extractions):
    cache_dir = tmp_path / "cache"
    expected = run(corpus, cache_dir)
    [segment] = segments(cache_dir)
    pl.read_parquet(segment).drop("sentence").write_parquet(segment)
    count_extractions.clear()
    assert_same_extraction(expected, run(corpus, cache_dir))
    assert len(count_extractions) == 5


def test_a_segment_holds_the_claims_in_corpus_order_then_one_marker_per_article(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    expected = run(corpus, cache_dir)
    [segment] = segments(cache_dir)
    frame = pl.read_parquet(segment)
    claims, markers = frame.filter(pl.col("id").is_not_null()), frame.filter(pl.col("id").is_null())
    assert frame.head(claims.height).equals(claims)
    assert claims["id"].to_list() == expected.claims["id"].to_list()
    assert markers["article"].null_count() == markers.height == expected.articles.height


@pytest.mark.parametrize("layout", ["articles in another order", "markers between articles"])
def test_claims_anywhere_in_a_segment_are_served_in_corpus_order(corpus, tmp_path, count_extractions, layout):
    # Segments merged from several runs, or written by older versions, hold claims in another order.
    cache_dir = tmp_path / "cache"
    expected = run(corpus, cache_dir)
    [segment] = segments(cache_dir)
    frame = pl.read_parquet(segment)
    marker = pl.col("id").is_null()
    if layout == "articles in another order":
        frame = frame.sort(marker, cache_module.KEY_COLUMN, maintain_order=True)
    else:
        frame = frame.sort(cache_module.KEY_COLUMN, marker, maintain_order=True)
    frame.write_parquet(segment)
    count_extractions.clear()
    assert_same_extraction(expected, run(corpus, cache_dir))
    assert count_extractions == []


def test_an_article_twice_in_one_file_is_read_once_with_its_error_cold_and_warm(corpus, tmp_path, count_extractions):
    record = json.dumps({"id": "twice", "text": "Am 10. Januar trafen sie sich in Genf.", "published": "2022-01-05"})
    (corpus / "twice.jsonl").write_text(record + "\n" + record + "\n", encoding="utf-8")
    expected = run(corpus, None)
    assert expected.articles["article"].to_list().count("twice") == 1
    assert [error.line for error in expected.errors if "already on line 1" in error.message] == [2]
    run(corpus, tmp_path / "cache")
    count_extractions.clear()
    assert_same_extraction(expected, run(corpus, tmp_path / "cache"))
    assert count_extractions == []


def test_a_failing_article_is_reported_and_not_cached(corpus, tmp_path, monkeypatch):
    original = checker.extract.extract_claims

    def failing(doc):
        if doc.article.startswith("002"):
            raise RuntimeError("boom")
        return original(doc)

    monkeypatch.setattr(checker.extract, "extract_claims", failing)
    cache_dir = tmp_path / "cache"
    for _ in range(2):
        result = run(corpus, cache_dir)
        assert [error.message for error in result.errors] == ["extraction failed: RuntimeError: boom"]
        assert "002" not in "".join(result.articles["article"].str.slice(0, 3).to_list())
        assert result.articles.height == 4


def test_many_segments_are_merged_into_one(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "MAX_SEGMENTS", 2)
    cache_dir = tmp_path / "cache"
    for number in range(4):
        (corpus / f"zzz_{number}.txt").write_text(f"date 2022-01-0{number + 1}\nAm {number + 10}. Januar trafen sie sich.\n", encoding="utf-8")
        # The run that merges still serves every cached article (it once lost them all).
        assert_same_extraction(run(corpus, None), run(corpus, cache_dir))
    assert len(segments(cache_dir)) <= 2
    assert_same_extraction(run(corpus, None), run(corpus, cache_dir))


def test_a_new_extractor_version_starts_a_fresh_cache_and_frees_the_old(corpus, tmp_path, monkeypatch, count_extractions):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir)
    old = {path.parent for path in segments(cache_dir)}
    monkeypatch.setattr(cache_module, "extractor_version", lambda: "0123456789abcdef")
    count_extractions.clear()
    run(corpus, cache_dir)
    assert len(count_extractions) == 5
    assert {path.parent.name for path in segments(cache_dir)} == {f"claims-{cache_module.CACHE_FORMAT}-0123456789abcdef"}
    assert not any(directory.exists() for directory in old)


def test_the_version_covers_extractors_their_imports_and_lexicons():
    names = {path.relative_to(REPO_ROOT / "checker").as_posix() for path in extraction_sources()}
    assert {"extract/__init__.py", "extract/dates.py", "document.py", "schema.py", "lexicon.py"} <= names
    assert any(name.startswith("lexicons/de/") and name.endswith(".yaml") for name in names)
    assert "cli.py" not in names and "engine.py" not in names
    assert len(extractor_version()) == 16


def test_cache_location_and_switches(monkeypatch, tmp_path):
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    monkeypatch.delenv("CHECKER_CACHE_DIR", raising=False)
    assert cache_dir_from_environment() == Path(".checker-cache")
    assert cache_dir_from_environment(no_cache=True) is None
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert cache_dir_from_environment() == tmp_path / "elsewhere"
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    assert cache_dir_from_environment() is None


def test_cli_extract_writes_the_cache_unless_told_not_to(cli, corpus, tmp_path, monkeypatch):
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    cache_dir = tmp_path / "cli-cache"
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(cache_dir))
    code, uncached_out, _ = cli("extract", corpus, "--no-cache")
    assert code == 0 and not cache_dir.exists()
    assert cli("extract", corpus) == (0, uncached_out, "")
    assert len(segments(cache_dir)) == 1
    assert cli("extract", corpus) == (0, uncached_out, "")


def test_cache_directory_that_cannot_be_written_costs_only_the_cache(corpus, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    assert_same_extraction(run(corpus, None), run(corpus, blocker))


def test_claims_cache_ignores_unknown_keys(tmp_path):
    cache = ClaimsCache(tmp_path / "empty")
    assert not cache.contains("0" * 32)
    cache.close()
    assert not (tmp_path / "empty").exists()


def test_a_merge_keeps_the_run_s_articles_and_bounds_the_others(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "MAX_SEGMENTS", 2)
    monkeypatch.setattr(cache_module, "MAX_CACHED_ARTICLES", 1)
    cache_dir = tmp_path / "cache"
    for number in range(4):
        # Each run sees the seeds and a different extra article; the previous extras leave the corpus.
        for old in corpus.glob("zzz_*.txt"):
            old.unlink()
        (corpus / f"zzz_{number}.txt").write_text(f"date 2022-01-0{number + 1}\nAm {number + 10}. Januar trafen sie sich.\n", encoding="utf-8")
        run(corpus, cache_dir)
    keys = pl.concat([pl.read_parquet(path, columns=["cache_key"]) for path in segments(cache_dir)])["cache_key"].unique()
    # The last merge (third run) kept its own six and one other; the fourth run added its extra.
    assert keys.len() == 6 + 1 + 1
    assert_same_extraction(run(corpus, None), run(corpus, cache_dir))


def test_articles_passed_in_are_served_from_the_same_cache(corpus, tmp_path, count_extractions):
    """`extract_articles` (callers that have Articles, not files) shares the cache with `extract_corpus`."""
    cache_dir = tmp_path / "cache"
    settings = ExtractionSettings(cache_dir=cache_dir, jobs=1)
    from_files = run(corpus, cache_dir)
    count_extractions.clear()
    from_articles = extract_articles(list(read_corpus([corpus])), settings)
    assert count_extractions == []
    assert_same_extraction(from_files, from_articles)


def test_the_extractor_version_does_not_count_the_kept_parses_of_lexicons():
    # Lexicons are kept parsed in lexicons/de/__pycache__ once loaded; that must not change the
    # version, or the first run after an install would make every cached claim stale.
    from checker.lexicon import PARSED_DIR, load_lexicon

    load_lexicon("units")
    if not list(PARSED_DIR.glob("units.*.pickle")):
        pytest.skip("the lexicon folder cannot be written to here, so nothing is kept parsed")
    assert not [path for path in extraction_sources() if "__pycache__" in path.parts]
