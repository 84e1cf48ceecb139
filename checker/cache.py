"""Claims per article kept on disk, so that a run re-extracts only the articles that changed.

An article's entry is keyed by its id and content hash; the directory it lives in is named by
the extractor version (a hash of the extraction code and the lexicons), so editing a pattern or
a word list starts a fresh cache instead of serving stale claims.

Layout: `<cache dir>/claims-<format>-<version>/segment-<hash>.parquet`. A segment holds the
claim rows of many articles plus one marker row per article (all claim columns null), so that an
article without claims is cached too. One segment is written per run (more only for very large
runs, see `FLUSH_ARTICLES`), because ten thousand one-article files would be slower to list and
read than one file; when runs have left more than `MAX_SEGMENTS` segments they are merged.

A cache must never cause a wrong result or a crash: writes are atomic (temporary file, then
rename), a segment that cannot be read or has the wrong columns is ignored and deleted, and
every article it held is extracted again.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import polars as pl

# Imported here so that the version below is taken when the extraction code is loaded: a process
# that runs for hours (a test session, say) must not file its claims under the version of files
# edited after it started.
import checker.extract  # noqa: F401
from checker import __version__
from checker.atomic import remove_abandoned_temporaries
from checker.schema import CLAIMS_SCHEMA

DEFAULT_CACHE_DIR = ".checker-cache"
CACHE_DIR_VARIABLE = "CHECKER_CACHE_DIR"
NO_CACHE_VARIABLE = "CHECKER_NO_CACHE"

# Bump when the layout of a segment changes, so that old segments are never misread.
CACHE_FORMAT = 1
KEY_COLUMN = "cache_key"
SEGMENT_SCHEMA: dict[str, pl.DataType] = {KEY_COLUMN: pl.String, **CLAIMS_SCHEMA}
# More segments than this are merged into one: each run adds a segment, and a CI that adds one
# article per run would otherwise list and open thousands of tiny files.
MAX_SEGMENTS = 16
# A merge keeps every article of the run that merges and, of the others, no more than this many:
# articles edited or dropped from a feed would otherwise stay in the cache until the next release.
MAX_CACHED_ARTICLES = 100_000
# A run that extracts more articles than this writes a segment each time this many are done,
# so that an interrupted cold run over a whole feed keeps most of its work.
FLUSH_ARTICLES = 4096

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKER_IMPORT = re.compile(r"^\s*(?:from|import)\s+(checker(?:\.\w+)*)", re.MULTILINE)


def cache_dir_from_environment(no_cache: bool = False) -> Path | None:
    """The cache directory a command should use: None when `--no-cache` or CHECKER_NO_CACHE=1."""
    if no_cache or os.environ.get(NO_CACHE_VARIABLE, "").strip().lower() in ("1", "true", "yes"):
        return None
    return Path(os.environ.get(CACHE_DIR_VARIABLE) or DEFAULT_CACHE_DIR)


def _module_file(module: str) -> Path | None:
    relative = Path(*module.split(".")[1:])
    for candidate in (_PACKAGE_DIR / relative / "__init__.py", (_PACKAGE_DIR / relative).with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def extraction_sources() -> list[Path]:
    """Every file whose content decides the claims of an article.

    The extractors (`checker/extract/`), every `checker` module they import, directly or not
    (document, schema, lexicon, ...), and the lexicon files. Found by reading the import lines,
    so a helper module added later is covered without editing this list.
    """
    # Not what is kept parsed beside them in __pycache__ (checker.lexicon): it follows from the
    # lexicon files, and it appears after a first run, which must not make the claims stale.
    lexicons = [path for path in (_PACKAGE_DIR / "lexicons").rglob("*") if path.is_file() and "__pycache__" not in path.parts]
    return sorted(set(modules_imported_by(sorted((_PACKAGE_DIR / "extract").rglob("*.py")))) | set(lexicons))


def modules_imported_by(modules: Iterable[Path]) -> list[Path]:
    """`modules` and every `checker` module they import, directly or not (read from the import
    lines, anywhere in a file), sorted."""
    pending = list(modules)
    seen: set[Path] = set()
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        for module in _CHECKER_IMPORT.findall(path.read_text(encoding="utf-8")):
            # `from checker.extract import dates` names a package; its modules are already listed.
            found = _module_file(module)
            if found is not None and found not in seen:
                pending.append(found)
    return sorted(seen)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Hash of the extraction code, the lexicons, the package version and the cache format."""
    digest = hashlib.sha256(f"checker {__version__} cache format {CACHE_FORMAT}\0".encode())
    for path in extraction_sources():
        digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def article_key(article: str, content_hash: str) -> str:
    """The cache key of one article: claims carry the article id, so it is part of the key."""
    return hashlib.sha256(f"{article}\0{content_hash}".encode()).hexdigest()[:32]


def _claims_of_hits(segment: pl.DataFrame, hits: pl.DataFrame) -> pl.DataFrame:
    """The claim rows of `segment` for the articles of `hits` (KEY_COLUMN, ordinal), each tagged
    with its article's ordinal, in ordinal order and, within an article, in segment order.

    The rows are found on the two narrow columns that say whose they are, and the wide claims
    taken in one step: a slice when they lie in order together, as a segment written by one run
    over a corpus in the same order holds them, else a gather.
    """
    owners = pl.DataFrame([segment[KEY_COLUMN], segment["id"].is_not_null().alias("is_claim")]).with_row_index("row")
    found = (
        owners.lazy()
        .filter(pl.col("is_claim"))  # a marker row (no id) is no claim
        .join(hits.lazy().select(KEY_COLUMN, "ordinal"), on=KEY_COLUMN, maintain_order="left")
        .select("row", "ordinal")
        .collect()
    )
    # In segment order; a stable sort by ordinal alone (a third of a sort by two columns) is
    # needed only when the segment holds the articles in another order than the corpus.
    if not found["ordinal"].is_sorted():
        found = found.sort("ordinal", maintain_order=True)
    rows = found["row"]
    first = rows[0] if rows.len() else 0
    if rows.equals(pl.int_range(first, first + rows.len(), dtype=rows.dtype, eager=True)):
        claims = segment.slice(first, rows.len())
    else:
        claims = segment[rows]
    return claims[list(CLAIMS_SCHEMA)].hstack([found["ordinal"]])


class ClaimsCache:
    """Look up and store the claims of articles in one cache directory.

    Use: `contains(key)` while reading the corpus (the first call reads every segment, so that a
    broken one is found while the articles are still at hand to be extracted instead),
    `store(claims, keys)` for freshly extracted articles, `claims_for` once at the end,
    and `close()` to write what is pending.
    """

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.directory = self.root / f"claims-{CACHE_FORMAT}-{extractor_version()}"
        self._index: dict[str, int] | None = None  # key -> the number of its segment in `_readable`
        self._readable: list[pl.DataFrame] = []  # the segments that could be read, in name order
        self._loaded: dict[Path, pl.DataFrame | None] = {}  # None: unreadable, ignored
        self._pending: list[pl.DataFrame] = []
        self._pending_keys: dict[str, None] = {}  # in the order stored: the segment's marker rows
        self._used: set[str] = set()  # keys this run read or wrote: kept when segments are merged
        self._wrote = False

    # Reading

    def _segments(self) -> list[Path]:
        try:
            return sorted(self.directory.glob("segment-*.parquet"))
        except OSError:
            return []

    def _build_index(self) -> dict[str, int]:
        index: dict[str, int] = {}
        self._readable = []
        # Read whole at once, one read per segment: a run over the corpus the cache was filled by
        # needs most of it. A run over a few articles against a cache shared with other corpora
        # reads more than it needs, at most MAX_CACHED_ARTICLES articles' claims.
        for segment in self._segments():
            frame = self._load(segment)
            if frame is None:
                continue
            # Sorted, first one wins (`|` keeps the right side's value): while a merge is
            # replacing segments a key can be in two.
            index = dict.fromkeys(frame[KEY_COLUMN].unique().to_list(), len(self._readable)) | index
            self._readable.append(frame)
        return index

    def _discard(self, segment: Path) -> None:
        """Forget a segment that cannot be read; delete it so the next run does not try again."""
        self._loaded[segment] = None
        try:
            segment.unlink(missing_ok=True)
        except OSError:
            pass

    def _load(self, segment: Path) -> pl.DataFrame | None:
        if segment not in self._loaded:
            try:
                frame = pl.read_parquet(segment)
            except FileNotFoundError:  # merged away by another run since the listing
                self._loaded[segment] = None
                return None
            except Exception:
                self._discard(segment)
                return None
            if dict(frame.schema) != SEGMENT_SCHEMA:
                self._discard(segment)
                return None
            self._loaded[segment] = frame
        return self._loaded[segment]

    def contains(self, key: str) -> bool:
        """Whether the claims of `key` can be served from the cache."""
        if self._index is None:
            self._index = self._build_index()
        return key in self._index

    def claims_for(self, ordinals: list[int], keys: list[str]) -> list[pl.DataFrame]:
        """Cached claims of the articles `keys`, each tagged with its ordinal in `ordinals` (an
        `ordinal` column): one frame per segment, each in ordinal order.

        Only keys for which `contains` returned True may be asked for.
        """
        self._used.update(keys)
        segments = [self._index[key] for key in keys]
        hits = pl.DataFrame(
            {KEY_COLUMN: keys, "ordinal": ordinals, "segment": segments},
            schema={KEY_COLUMN: pl.String, "ordinal": pl.Int64, "segment": pl.Int64},
        )
        return [_claims_of_hits(self._readable[number], segment_hits) for (number,), segment_hits in hits.partition_by("segment", as_dict=True).items()]

    # Writing

    def store(self, claims: pl.DataFrame, keys: Iterable[str]) -> None:
        """Remember freshly extracted `claims` (CLAIMS_SCHEMA plus KEY_COLUMN), the rows of the
        articles `keys` and of no other."""
        keys = list(dict.fromkeys(keys))
        new_keys = [key for key in keys if key not in self._pending_keys]
        if not new_keys:
            return
        if len(new_keys) < len(keys):  # an article read twice in one run is stored once
            claims = claims.filter(pl.col(KEY_COLUMN).is_in(new_keys))
        self._pending.append(claims[list(SEGMENT_SCHEMA)])
        self._pending_keys.update(dict.fromkeys(new_keys))
        self._used.update(new_keys)
        if len(self._pending_keys) >= FLUSH_ARTICLES:
            self.flush()

    def flush(self) -> None:
        """Write the pending articles as one segment. A failing write only costs the cache."""
        if not self._pending:
            return
        # All claims first, in the order stored (corpus order), then a marker row per article: a
        # later run over the same corpus takes the claims as one slice (see `_claims_of_hits`).
        # Indexing projected the claims and a diagonal concat gives the markers their null claim
        # columns: `select` and a `with_columns` of a null per column each planned and ran a query.
        markers = pl.DataFrame({KEY_COLUMN: list(self._pending_keys)}, schema={KEY_COLUMN: pl.String})
        frame = pl.concat([*self._pending, markers], how="diagonal")
        self._pending = []
        self._pending_keys = {}
        try:
            self._write_segment(frame)
        except Exception:  # disk full, no permission, ...: the run goes on without caching
            return

    def close(self) -> None:
        self.flush()
        if self._wrote:
            try:
                self._merge_if_many()
                self._remove_other_versions()
                remove_abandoned_temporaries(self.directory, ".segment-*.tmp")
            except Exception:
                pass

    def _write_segment(self, frame: pl.DataFrame) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        keys = sorted(set(frame[KEY_COLUMN].to_list()))
        name = "segment-" + hashlib.sha256("\0".join(keys).encode()).hexdigest()[:24] + ".parquet"
        target = self.directory / name
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".segment-", suffix=".tmp")
        os.close(handle)
        try:
            frame.write_parquet(temporary, compression="zstd", statistics=False)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self._wrote = True
        return target

    def _merge_if_many(self) -> None:
        segments = self._segments()
        if len(segments) <= MAX_SEGMENTS:
            return
        parts = []
        seen: dict[str, None] = {}  # keys in segment order; the first segment holding a key wins
        for segment in segments:
            frame = self._load(segment)
            if frame is None:
                continue
            parts.append(frame.filter(~pl.col(KEY_COLUMN).is_in(list(seen))))
            seen.update(dict.fromkeys(frame[KEY_COLUMN].unique(maintain_order=True).to_list()))
        if parts:
            unused = [key for key in seen if key not in self._used]
            keep = self._used.union(unused[:MAX_CACHED_ARTICLES])
            kept = pl.concat(parts).filter(pl.col(KEY_COLUMN).is_in(list(keep)))
            # Claims before markers, as `flush` writes them: each article's claims stay together.
            merged = self._write_segment(kept.sort(pl.col("id").is_null(), maintain_order=True))
        for segment in segments:
            if parts and segment != merged:
                segment.unlink(missing_ok=True)
        self._loaded.clear()
        self._readable = []
        self._index = None

    def _remove_other_versions(self) -> None:
        """Segments of older extractor versions can never be read again: free their space."""
        for other in self.root.glob("claims-*"):
            if other.is_dir() and other != self.directory:
                shutil.rmtree(other, ignore_errors=True)


extractor_version()  # fixed now, with the extraction code just imported (see the import above)
