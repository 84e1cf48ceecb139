"""What each corpus file held when it was last read, so that a run need not read it again.

A warm run serves every article's claims from the claims cache (checker/cache.py), keyed by the
article's id and content hash; but it had to read and parse every file to learn that hash. The
file index remembers, for each file read without input errors, the article rows it gave
(`pipeline.article_row`: id, path, publication date, ..., content hash) together with the file's
size, its modification time in nanoseconds and the `--published` default in force (a `.txt`
without a date header, or any article without a date, takes it). While all three are unchanged,
the stored rows stand for the file. A file that gave input errors is never indexed: it is read,
and its errors reported, on every run.

Like make, ruff and git, the index trusts the modification time: a file rewritten at the same
size within the same tick of the file system's clock as the version that was indexed looks
unchanged. Editors, `git checkout` and copies set a new time. Size and time are taken before the
file is read, so a write while it is being read makes it look changed next time, never the
reverse.

Layout: `<cache dir>/files-<format>-<reader version>.parquet`, one row per article: the columns
of its file, its claims cache key and its article row; the rows of a file are together. The reader
version hashes the code that reads the corpus (corpus.py and the checker modules it imports), the
code that makes the cache key (cache.py), the code that reads an article's story terms
(story_terms.py) and the row schema, so that a change in how a file is
read starts a fresh index. Like the claims cache, the index must never cause a wrong result or a crash: it is
written atomically and only when it changed, and one that cannot be read or has other columns is
ignored and replaced; the worst it costs is a cold read.
"""

from __future__ import annotations

import hashlib
import io
import os
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import polars as pl

import checker.cache
import checker.corpus
import checker.story_terms
from checker import __version__
from checker.atomic import remove_abandoned_temporaries, write_atomic
from checker.cache import KEY_COLUMN, article_key, modules_imported_by
from checker.published import PublicationDate
from checker.schema import ARTICLES_SCHEMA

# Bump when the layout of the index changes, or what a stored row means without its schema changing.
INDEX_FORMAT = 2
FILE_SCHEMA: dict[str, pl.DataType] = {"file": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64, "published_default": pl.String}
# Each row also keeps its article's claims cache key, so that a warm run need not hash ten
# thousand ids again (`reader_version` covers the code that makes the key).
INDEX_SCHEMA: dict[str, pl.DataType] = {**FILE_SCHEMA, KEY_COLUMN: pl.String, **ARTICLES_SCHEMA}
FILE_STATE_COLUMNS = ("size", "mtime_ns", "published_default")  # a FileState, in order
# Files not met by the run that writes the index are kept, if they still exist, up to this many:
# a cache shared by runs over different folders serves all of them.
MAX_OTHER_FILES = 100_000


@lru_cache(maxsize=1)
def reader_version() -> str:
    """Hash of the corpus reading code, the cache key's code, the row schema, the package version
    and the index format."""
    schema = ",".join(f"{name}:{dtype}" for name, dtype in INDEX_SCHEMA.items())
    digest = hashlib.sha256(f"checker {__version__} file index {INDEX_FORMAT} {schema}\0".encode())
    package = Path(checker.corpus.__file__).resolve().parent
    # The rows hold each article's story terms (pipeline.article_row): the code that reads them too.
    sources = {
        *modules_imported_by([Path(checker.corpus.__file__).resolve(), Path(checker.story_terms.__file__).resolve()]),
        Path(checker.cache.__file__).resolve(),
    }
    for path in sorted(sources):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


class FileState(NamedTuple):
    """What must be unchanged for a file's stored rows to stand for it.

    (A named tuple: ten thousand of them are made per run, at a third of a frozen dataclass's cost.)
    """

    size: int
    mtime_ns: int
    published_default: str | None

    @classmethod
    def of(cls, path: str | os.PathLike, published: PublicationDate | None) -> FileState | None:
        """The state of `path` now; None if it cannot be had (the file is then simply read)."""
        try:
            stat = os.stat(path)
        except OSError:
            return None
        return cls(stat.st_size, stat.st_mtime_ns, None if published is None else published.text)


class StoredFile(NamedTuple):
    """The articles a file gave when it was indexed: their ids, their cache keys, and their rows'
    numbers in the index (for `FileIndex.article_rows`), in file order."""

    articles: list[str]
    keys: list[str]
    rows: range


class FileIndex:
    """The article rows of corpus files, by file, in one cache directory.

    Use: `stored(name, state)` for each file of the corpus (None: read it), `article_rows` for the
    rows of the files left unread, `record(name, state, rows)` for each file that was read, and
    `save()` at the end of a run that went through.

    The index is kept as read, one frame: a warm run looks up ten thousand files and takes their
    rows in one gather, never building a Python row per article.
    """

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.path = self.root / f"files-{INDEX_FORMAT}-{reader_version()}.parquet"
        # Keyed by absolute path: the same relative name run from another folder is another file.
        # Joined, not normalised: an odd spelling of a path only costs a read.
        self._cwd = os.getcwd()
        # The index as read, as a frame and as the lists a lookup reads: file number `n` has the
        # rows `_first_rows[n]` up to `_first_rows[n + 1]`, and its state and path in `_heads`.
        # Lists of plain values, built by `to_list` and `zip`: ten thousand tuples, kept, would
        # cost more in garbage collector passes than building them.
        self._frame = pl.DataFrame(schema=INDEX_SCHEMA)
        self._files: dict[str, int] | None = None  # key -> file number; `record` drops files read again
        self._first_rows: list[int] = [0]
        self._heads: dict[str, list] = {name: [] for name in (*FILE_STATE_COLUMNS, "path")}
        self._columns: dict[str, list] = {"article": [], KEY_COLUMN: []}
        self._recorded: dict[str, tuple[FileState, list[dict]]] = {}  # files read by this run, by key
        self._seen: set[str] = set()
        self._changed = False

    def stored(self, name: str, state: FileState) -> StoredFile | None:
        """What file `name` (its path as the corpus names it) gave if it is in `state`."""
        key = os.path.join(self._cwd, name)
        self._seen.add(key)
        rows = self._standing(key, state)
        if rows is None or self._heads["path"][self._files[key]] != name:
            return None
        return StoredFile(self._columns["article"][rows.start : rows.stop], self._columns[KEY_COLUMN][rows.start : rows.stop], rows)

    def article_rows(self, rows: list[int]) -> pl.DataFrame:
        """The articles frame (ARTICLES_SCHEMA) of the index rows `rows`, in that order."""
        return self._frame[list(ARTICLES_SCHEMA)][rows]

    def record(self, name: str, state: FileState, rows: list[dict] | None) -> None:
        """File `name`, in `state` before it was read, gave `rows`; None: it gave input errors."""
        key = os.path.join(self._cwd, name)
        self._seen.add(key)
        standing = self._standing(key, state)
        if rows and standing is not None and self._frame[standing.start : standing.stop][list(ARTICLES_SCHEMA)].rows(named=True) == rows:
            return
        if not rows and key not in self._load() and key not in self._recorded:
            return
        self._files.pop(key, None)
        if rows:
            self._recorded[key] = (state, rows)
        else:
            self._recorded.pop(key, None)
        self._changed = True

    def save(self) -> None:
        """Write the index if this run changed it. A failing write only costs the index."""
        if not self._changed:
            return
        try:
            self._write()
            self._changed = False
            self._remove_others()
        except Exception:  # disk full, no permission, a file where the directory should be, ...
            pass

    # Reading

    def _load(self) -> dict[str, int]:
        if self._files is None:
            self._files = self._read()
        return self._files

    def _standing(self, key: str, state: FileState) -> range | None:
        """The rows of file `key` in the index as read if it was indexed in `state`."""
        number = self._load().get(key)
        if number is None:
            return None
        heads = self._heads
        if (heads["size"][number], heads["mtime_ns"][number], heads["published_default"][number]) != state:
            return None
        return range(self._first_rows[number], self._first_rows[number + 1])

    def _read(self) -> dict[str, int]:
        try:
            frame = pl.read_parquet(self.path)
        except FileNotFoundError:
            return {}
        except Exception:
            self._changed = True  # unreadable: replaced by the next save
            return {}
        if dict(frame.schema) != INDEX_SCHEMA:
            self._changed = True
            return {}
        names = frame["file"]
        starts_file = (names != names.shift(1)).fill_null(True)
        heads = frame.filter(starts_file)
        files = dict(zip(heads["file"].to_list(), range(heads.height)))
        if len(files) < heads.height:  # a file's rows apart: not an index this module wrote
            self._changed = True
            return {}
        self._frame = frame
        self._first_rows = [*starts_file.arg_true().to_list(), frame.height]
        self._heads = {name: heads[name].to_list() for name in self._heads}
        self._columns = {name: frame[name].to_list() for name in self._columns}
        return files

    # Writing

    def _write(self) -> None:
        files = self._load()
        others = [key for key in files if key not in self._seen and os.path.exists(key)]
        kept = [key for key in files if key in self._seen] + others[:MAX_OTHER_FILES]
        first_rows = self._first_rows
        parts = [self._frame[[row for key in kept for row in range(first_rows[files[key]], first_rows[files[key] + 1])]]]
        if self._recorded:
            parts.append(self._recorded_frame())
        frame = pl.concat(parts)
        buffer = io.BytesIO()
        frame.write_parquet(buffer, compression="zstd", statistics=False)
        # Not durable, like the claims cache's segments: an index lost or torn by a crash is unreadable
        # (parquet keeps its metadata at the end), ignored and replaced; it costs a cold read.
        write_atomic(self.path, buffer.getvalue(), durable=False)

    def _recorded_frame(self) -> pl.DataFrame:
        """The rows of the files this run read, in INDEX_SCHEMA."""
        columns: dict[str, list] = {name: [] for name in (*FILE_SCHEMA, KEY_COLUMN)}
        rows: list[dict] = []
        for key, (state, file_rows) in self._recorded.items():
            columns["file"].extend([key] * len(file_rows))
            columns["size"].extend([state.size] * len(file_rows))
            columns["mtime_ns"].extend([state.mtime_ns] * len(file_rows))
            columns["published_default"].extend([state.published_default] * len(file_rows))
            columns[KEY_COLUMN].extend(article_key(row["article"], row["content_hash"]) for row in file_rows)
            rows.extend(file_rows)
        frame = pl.DataFrame(columns, schema={**FILE_SCHEMA, KEY_COLUMN: pl.String})
        return frame.hstack(pl.DataFrame(rows, schema=ARTICLES_SCHEMA).get_columns())

    def _remove_others(self) -> None:
        """Indexes of other reader versions can never be read again; a temporary an hour old was abandoned."""
        for other in self.root.glob("files-*.parquet"):
            if other != self.path:
                other.unlink(missing_ok=True)
        remove_abandoned_temporaries(self.root, ".files-*.tmp")


reader_version()  # fixed now, with the reading code just imported (as the extractor version is)
