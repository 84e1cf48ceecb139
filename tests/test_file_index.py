"""The file index: a warm run reads no unchanged file, and gives exactly the frames of a run
that reads them all; anything that may have changed a file's articles makes it read again."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import polars as pl
import pytest

import checker.corpus
from checker.file_index import INDEX_SCHEMA, FileIndex
from cached_runs import assert_same_extraction, run



@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the files the corpus reader opens, in order."""
    names: list[str] = []
    original = checker.corpus.read_file

    def counting(path, published=None):
        names.append(Path(path).name)
        return original(path, published)

    monkeypatch.setattr(checker.corpus, "read_file", counting)
    return names


def index_files(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("files-*.parquet"))


def seed_files(corpus: Path) -> list[str]:
    return sorted(path.name for path in corpus.iterdir())


def set_mtime(path: Path, shift_ns: int) -> None:
    """Move the modification time of `path`: two writes in one clock tick can share one."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + shift_ns))


def test_warm_run_reads_no_file_and_gives_the_same_frames(corpus, tmp_path, reads):
    cache_dir = tmp_path / "cache"
    uncached = run(corpus, None)
    reads.clear()
    cold = run(corpus, cache_dir)
    assert reads == seed_files(corpus)
    reads.clear()
    warm = run(corpus, cache_dir)
    assert reads == []
    assert uncached.claims.height > 0
    assert_same_extraction(uncached, cold)
    assert_same_extraction(uncached, warm)
    [index] = index_files(cache_dir)
    assert dict(pl.read_parquet(index).schema) == INDEX_SCHEMA


def test_an_unchanged_warm_run_does_not_rewrite_the_index(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir)
    [index] = index_files(cache_dir)
    written = index.stat().st_mtime_ns
    set_mtime(index, -10**9)
    run(corpus, cache_dir)
    assert index.stat().st_mtime_ns == written - 10**9


def test_an_added_article_is_read_alone_and_a_deleted_file_disappears(corpus, tmp_path, reads):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir)
    (corpus / "zzz_added.txt").write_text("date 2022-01-05\nDie Gespräche beginnen am 10. Januar in Genf.\n", encoding="utf-8")
    reads.clear()
    added = run(corpus, cache_dir)
    assert reads == ["zzz_added.txt"]
    assert "zzz_added" in added.articles["article"].to_list()
    assert_same_extraction(added, run(corpus, None))

    deleted = sorted(corpus.glob("*.txt"))[0]
    deleted.unlink()
    reads.clear()
    result = run(corpus, cache_dir)
    assert reads == []
    assert deleted.stem not in result.articles["article"].to_list()
    assert deleted.stem not in result.claims["article"].to_list()
    assert_same_extraction(result, run(corpus, None))


def test_an_edited_file_of_the_same_size_is_read_again(corpus, tmp_path, reads):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir)
    target = sorted(corpus.glob("*.txt"))[1]
    text = target.read_text(encoding="utf-8")
    digit = next(match for match in re.finditer(r"\d", text) if match.start() > text.index("\n"))
    edited = text[: digit.start()] + str((int(digit.group()) + 1) % 10) + text[digit.end() :]
    assert len(edited.encode()) == len(text.encode())
    target.write_text(edited, encoding="utf-8")
    set_mtime(target, 10**9)
    reads.clear()
    result = run(corpus, cache_dir)
    assert reads == [target.name]
    assert_same_extraction(result, run(corpus, None))


def test_a_touched_file_is_read_again_and_served_from_the_claims_cache(corpus, tmp_path, reads, monkeypatch):
    cache_dir = tmp_path / "cache"
    expected = run(corpus, cache_dir)
    target = sorted(corpus.glob("*.txt"))[0]
    set_mtime(target, 10**9)
    extracted: list[str] = []
    original = checker.extract.extract_claims
    monkeypatch.setattr(checker.extract, "extract_claims", lambda doc: extracted.append(doc.article) or original(doc))
    reads.clear()
    assert_same_extraction(expected, run(corpus, cache_dir))
    assert reads == [target.name]
    assert extracted == []
    reads.clear()
    run(corpus, cache_dir)
    assert reads == []


def test_a_file_whose_claims_left_the_cache_is_read_again(corpus, tmp_path, reads):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir)
    (corpus / "zzz_added.txt").write_text("date 2022-01-05\nAm 10. Januar trafen sie sich in Genf.\n", encoding="utf-8")
    segments_before = set(cache_dir.glob("claims-*/segment-*.parquet"))
    run(corpus, cache_dir)
    [added_segment] = set(cache_dir.glob("claims-*/segment-*.parquet")) - segments_before
    added_segment.unlink()
    reads.clear()
    result = run(corpus, cache_dir)
    assert reads == ["zzz_added.txt"]
    assert_same_extraction(result, run(corpus, None))


def test_another_published_default_reads_the_files_again(corpus, tmp_path, reads):
    cache_dir = tmp_path / "cache"
    (corpus / "undated.txt").write_text("Die Gespräche beginnen am 10. Januar in Genf.\n", encoding="utf-8")
    first = run(corpus, cache_dir, "2022-01-03")
    reads.clear()
    run(corpus, cache_dir, "2022-01-03")
    assert reads == []
    second = run(corpus, cache_dir, "2023-06-01")
    assert "undated.txt" in reads
    published = dict(zip(*second.articles.select("article", "published")))
    assert published["undated"] == "2023-06-01"
    assert dict(zip(*first.articles.select("article", "published")))["undated"] == "2022-01-03"
    assert_same_extraction(second, run(corpus, None, "2023-06-01"))
    # Without a default the file is an input error, reported (and read) on every run.
    run(corpus, cache_dir)
    for _ in range(2):
        reads.clear()
        result = run(corpus, cache_dir)
        assert reads == ["undated.txt"]
        assert [(Path(error.path).name, error.message) for error in result.errors] == [
            ("undated.txt", "no publication date: add a first line 'date YYYY-MM[-DD]' or pass --published")
        ]


def test_a_file_with_input_errors_is_read_and_reported_every_run(corpus, tmp_path, reads):
    cache_dir = tmp_path / "cache"
    lines = [
        json.dumps({"id": "feed-1", "text": "Am 10. Januar trafen sie sich.", "published": "2022-01-05"}),
        "{not json",
    ]
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = run(corpus, None)
    assert [error.message for error in expected.errors] == ["malformed JSON: Expecting property name enclosed in double quotes at column 2"]
    assert_same_extraction(expected, run(corpus, cache_dir))
    for _ in range(2):
        reads.clear()
        result = run(corpus, cache_dir)
        assert reads == ["feed.jsonl"]
        assert_same_extraction(expected, result)
        assert "feed-1" in result.articles["article"].to_list()


@pytest.mark.parametrize("new_name", ["0000_first.jsonl", "zzz_last.jsonl"])
def test_duplicate_ids_of_an_indexed_and_a_new_file_are_reported_as_before(corpus, tmp_path, reads, new_name):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir)
    seed = sorted(corpus.glob("*.txt"))[0]
    record = {"id": seed.stem, "text": "Am 10. Januar trafen sie sich.", "published": "2022-01-05"}
    (corpus / new_name).write_text(json.dumps(record) + "\n", encoding="utf-8")
    reads.clear()
    result = run(corpus, cache_dir)
    assert reads == [new_name]
    expected = run(corpus, None)
    assert_same_extraction(expected, result)
    [error] = result.errors
    skipped = new_name if new_name.startswith("zzz") else seed.name
    assert Path(error.path).name == skipped and "already read from" in error.message


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other columns", "a file's rows apart"])
def test_a_broken_index_is_ignored_and_rewritten(corpus, tmp_path, reads, damage):
    cache_dir = tmp_path / "cache"
    expected = run(corpus, cache_dir)
    [index] = index_files(cache_dir)
    if damage == "garbage":
        index.write_bytes(b"PAR1 this is not a parquet file")
    elif damage == "truncated":
        index.write_bytes(index.read_bytes()[:100])
    elif damage == "other columns":
        pl.read_parquet(index).drop("mtime_ns").write_parquet(index)
    else:
        rows = pl.read_parquet(index)
        pl.concat([rows, rows.head(1)]).write_parquet(index)
    reads.clear()
    assert_same_extraction(expected, run(corpus, cache_dir))
    assert reads == seed_files(corpus)
    assert dict(pl.read_parquet(index).schema) == INDEX_SCHEMA
    reads.clear()
    assert_same_extraction(expected, run(corpus, cache_dir))
    assert reads == []


def test_the_same_relative_name_from_another_folder_is_another_file(corpus, tmp_path, reads, monkeypatch):
    cache_dir = tmp_path / "cache"
    other = tmp_path / "elsewhere" / "corpus"
    shutil.copytree(corpus, other)
    edited = sorted(other.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAm 3. März 2022 soll es weitergehen.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run(Path("corpus"), cache_dir)
    monkeypatch.chdir(tmp_path / "elsewhere")
    reads.clear()
    result = run(Path("corpus"), cache_dir)
    assert reads == seed_files(other)
    assert_same_extraction(result, run(Path("corpus"), None))


def test_no_cache_means_no_index(corpus, tmp_path, reads):
    run(corpus, None)
    reads.clear()
    run(corpus, None)
    assert reads == seed_files(corpus)


def test_an_index_that_cannot_be_written_costs_only_the_index(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir)
    [index] = index_files(cache_dir)
    index.unlink()
    index.mkdir()  # a directory where the index file should be
    (corpus / "zzz_added.txt").write_text("date 2022-01-05\nAm 10. Januar trafen sie sich.\n", encoding="utf-8")
    assert_same_extraction(run(corpus, None), run(corpus, cache_dir))


def test_an_index_of_another_reader_version_is_removed(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    stale = cache_dir / "files-1-0123456789abcdef.parquet"
    stale.write_bytes(b"old")
    run(corpus, cache_dir)
    assert index_files(cache_dir) == [FileIndex(cache_dir).path]


def test_the_index_is_written_without_waiting_for_the_disk(corpus, tmp_path, monkeypatch):
    """A cache, like the claims segments: a crash may tear it, which only costs a cold read
    (test_a_broken_index_is_ignored_and_rewritten)."""
    import checker.file_index

    writes = []
    real_write = checker.file_index.write_atomic
    monkeypatch.setattr(checker.file_index, "write_atomic", lambda path, content, **options: writes.append(options) or real_write(path, content, **options))
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir)
    assert index_files(cache_dir) and writes == [{"durable": False}]
