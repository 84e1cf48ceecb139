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

Layout: `<cache dir>/files-<format>-<reader version>.parquet`, one row per article, each with the
columns of its file. The reader version hashes the code that reads the corpus (corpus.py and the
checker modules it imports) and the row schema, so that a change in how a file is read starts a
fresh index. Like the claims cache, the index must never cause a wrong result or a crash: it is
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

import checker.corpus
from checker import __version__
from checker.atomic import remove_abandoned_temporaries, write_atomic
from checker.cache import modules_imported_by
from checker.published import PublicationDate
from checker.schema import ARTICLES_SCHEMA

# Bump when the layout of the index changes, or what a stored row means without its schema changing.
INDEX_FORMAT = 1
FILE_SCHEMA: dict[str, pl.DataType] = {"file": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64, "published_default": pl.String}
INDEX_SCHEMA: dict[str, pl.DataType] = {**FILE_SCHEMA, **ARTICLES_SCHEMA}
# Files not met by the run that writes the index are kept, if they still exist, up to this many:
# a cache shared by runs over different folders serves all of them.
MAX_OTHER_FILES = 100_000


@lru_cache(maxsize=1)
def reader_version() -> str:
    """Hash of the corpus reading code, the row schema, the package version and the index format."""
    schema = ",".join(f"{name}:{dtype}" for name, dtype in INDEX_SCHEMA.items())
    digest = hashlib.sha256(f"checker {__version__} file index {INDEX_FORMAT} {schema}\0".encode())
    package = Path(checker.corpus.__file__).resolve().parent
    for path in modules_imported_by([Path(checker.corpus.__file__).resolve()]):
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


class FileIndex:
    """The article rows of corpus files, by file, in one cache directory.

    Use: `rows(name, state)` for each file of the corpus (None: read it), `record(name, state,
    rows)` for each file that was read, and `save()` at the end of a run that went through.
    """

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.path = self.root / f"files-{INDEX_FORMAT}-{reader_version()}.parquet"
        # Keyed by absolute path: the same relative name run from another folder is another file.
        # Joined, not normalised: an odd spelling of a path only costs a read.
        self._cwd = os.getcwd()
        self._entries: dict[str, tuple[FileState, list[dict]]] | None = None
        self._seen: set[str] = set()
        self._changed = False

    def rows(self, name: str, state: FileState) -> list[dict] | None:
        """The stored rows of file `name` (its path as the corpus names it) if it is in `state`."""
        key = os.path.join(self._cwd, name)
        self._seen.add(key)
        entry = self._load().get(key)
        if entry is None or entry[0] != state or entry[1][0]["path"] != name:
            return None
        return entry[1]

    def record(self, name: str, state: FileState, rows: list[dict] | None) -> None:
        """File `name`, in `state` before it was read, gave `rows`; None: it gave input errors."""
        key = os.path.join(self._cwd, name)
        self._seen.add(key)
        entries = self._load()
        entry = (state, rows) if rows else None
        if entries.get(key) == entry:
            return
        if entry is None:
            del entries[key]
        else:
            entries[key] = entry
        self._changed = True

    def save(self) -> None:
        """Write the index if this run changed it. A failing write only costs the index."""
        if not self._changed or self._entries is None:
            return
        try:
            self._write()
            self._changed = False
            self._remove_others()
        except Exception:  # disk full, no permission, a file where the directory should be, ...
            pass

    # Reading

    def _load(self) -> dict[str, tuple[FileState, list[dict]]]:
        if self._entries is None:
            self._entries = self._read()
        return self._entries

    def _read(self) -> dict[str, tuple[FileState, list[dict]]]:
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
        entries: dict[str, tuple[FileState, list[dict]]] = {}
        files, sizes, times, defaults = (frame[name].to_list() for name in FILE_SCHEMA)
        for file, size, mtime_ns, default, row in zip(files, sizes, times, defaults, frame[list(ARTICLES_SCHEMA)].rows(named=True)):
            entry = entries.get(file)
            if entry is None:
                entries[file] = (FileState(size, mtime_ns, default), [row])
            else:
                entry[1].append(row)
        return entries

    # Writing

    def _write(self) -> None:
        entries = self._load()
        others = [key for key in entries if key not in self._seen and os.path.exists(key)]
        keep = [key for key in entries if key in self._seen] + others[:MAX_OTHER_FILES]
        files: list[str] = []
        sizes: list[int] = []
        times: list[int] = []
        defaults: list[str | None] = []
        rows: list[dict] = []
        for key in keep:
            state, file_rows = entries[key]
            files.extend([key] * len(file_rows))
            sizes.extend([state.size] * len(file_rows))
            times.extend([state.mtime_ns] * len(file_rows))
            defaults.extend([state.published_default] * len(file_rows))
            rows.extend(file_rows)
        frame = pl.DataFrame({"file": files, "size": sizes, "mtime_ns": times, "published_default": defaults}, schema=FILE_SCHEMA)
        frame = frame.hstack(pl.DataFrame(rows, schema=ARTICLES_SCHEMA).get_columns())
        buffer = io.BytesIO()
        frame.write_parquet(buffer, compression="zstd", statistics=False)
        write_atomic(self.path, buffer.getvalue())

    def _remove_others(self) -> None:
        """Indexes of other reader versions can never be read again; a temporary an hour old was abandoned."""
        for other in self.root.glob("files-*.parquet"):
            if other != self.path:
                other.unlink(missing_ok=True)
        remove_abandoned_temporaries(self.root, ".files-*.tmp")


reader_version()  # fixed now, with the reading code just imported (as the extractor version is)
