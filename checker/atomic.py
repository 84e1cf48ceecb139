"""Atomic file writes: a report or baseline is either the old file or the complete new one."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

# A temporary file this old was left by a run that was killed while writing it.
ABANDONED_AFTER_SECONDS = 3600


def _mode_for(target: Path) -> int:
    """The mode the file would have had if written directly: the old file's, else 0666 minus the umask.

    (A temporary file is created 0600, which would leave reports unreadable to others.)
    """
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | Path, content: str | bytes, durable: bool = True) -> None:
    """Write `content` to `path` through a temporary file renamed over it: a reader finds the old
    file or the whole new one. `durable`: the data reaches the disk before the rename, so that a
    crash too leaves one of the two (reports, baselines). A cache file, which is checked when read
    and whose loss costs only work done again, is spared that wait (5-30 ms per file here)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def keep_replacing(path: Path, content: str | bytes, others: str) -> None:
    """Write a kept file (work saved for the next run: a parse, a mark that checks passed) at
    `path` and delete the files of its folder matching the glob `others` (kept for inputs that are
    gone); a folder that cannot be written to is passed over, as the work is then only done again.
    Not durable: a kept file lost or torn by a crash is read as missing (a parse that cannot be
    unpickled, a mark whose name alone counts), so the work is done again."""
    try:
        write_atomic(path, content, durable=False)
        for other in path.parent.glob(others):
            if other != path:
                other.unlink(missing_ok=True)
    except OSError:
        pass


def remove_abandoned_temporaries(directory: Path, pattern: str) -> None:
    """Delete the temporary files matching `pattern` in `directory` that a killed run left behind
    (older than ABANDONED_AFTER_SECONDS; a younger one may be another run's write in progress)."""
    for temporary in directory.glob(pattern):
        try:
            if time.time() - temporary.stat().st_mtime > ABANDONED_AFTER_SECONDS:
                temporary.unlink()
        except OSError:
            pass
