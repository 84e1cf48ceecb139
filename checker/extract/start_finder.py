"""Where a regex may match, found by Hyperscan (Intel's multi-pattern regex engine) in one pass.

Python's `re` searches by trying the pattern at one position after the other. For a pattern with
a cheap opening that fails at most positions, the hops between them and the opening's check cost
more than the matches themselves (the date scan: 70,000 word starts, 4,000 places where the
opening holds, 1,000 matches in the KRAUTS and seed texts). Hyperscan runs over the whole text in
C and reports every place at once; `re` then matches only there.

Hyperscan reports where a match ENDS (and, for a start, only the leftmost one per end), so the
pattern is turned around and run over the reversed text: a match of the reversed pattern that
ends at offset k of the reversed text is a match of the pattern that starts at n - k. It reads
bytes: the text goes in as latin-1, one byte per character, and every character beyond latin-1 as
"?". The reversed pattern is written for those bytes so that it matches wherever the pattern can:
a class takes "?" too when it holds any character beyond latin-1 (a literal beyond latin-1 becomes
"?"), lookarounds are left out and possessive repeats taken as greedy ones. It may so report more
places than the pattern matches, never fewer: the caller matches each with `re`. A lookahead that
ends the pattern is kept, matched as part of it (where the pattern matches, the pattern followed
by what the lookahead sees matches too): a pattern that is little more than a lookahead ("a day
where a range's last day and month follow") would else be reported wherever its opening is.

Several patterns go in one database, and each place comes with the patterns that may match
there, so that the caller tries only those. Compiling them is slow (the date scan's 40
alternatives: 0.4 s of CPU), loading a compiled database takes well under a millisecond: it is kept
in a folder the caller names (the date scan: beside its module, in `__pycache__`), serialised,
under a name that hashes all it was compiled from, and a process that finds it there loads it instead of compiling.

Hyperscan has wheels for x86-64 (Linux, macOS, Windows) and Apple's ARM, not for Linux on ARM:
there the package is not installed (pyproject.toml) and `HYPERSCAN_AVAILABLE` tells the caller to
search with `re`, which finds the same, only slower.
"""

from __future__ import annotations

import hashlib
import re
import sys
import threading
from pathlib import Path

from checker.atomic import keep_replacing

try:
    import hyperscan
except ImportError:  # no wheel for this machine: see the module's docstring
    hyperscan = None

HYPERSCAN_AVAILABLE = hyperscan is not None

try:  # the parser `re` itself compiles with (private): the finder reads a pattern as `re` does
    from re import _constants as sre, _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

# The byte every character beyond latin-1 is read as (by `str.encode(..., errors="replace")`).
_REPLACEMENT = ord("?")
_LATIN_1 = range(256)
# The latin-1 characters of "\d", "\s", "\w" and their complements, as `re` reads them in a str.
_CATEGORY_BYTES = {
    getattr(sre, f"CATEGORY_{name}"): {code for code in _LATIN_1 if re.match(pattern, chr(code))}
    for name, pattern in (("DIGIT", r"\d"), ("SPACE", r"\s"), ("WORD", r"\w"), ("NOT_DIGIT", r"\D"), ("NOT_SPACE", r"\S"), ("NOT_WORD", r"\W"))
}
# Lazy and possessive repeats match the same strings as greedy ones, and an atomic group as a
# plain one, only some of them not where the pattern goes on: as a superset, all alike.
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_ATOMIC_GROUP = getattr(sre, "ATOMIC_GROUP", None)  # Python 3.11


# Bump when the layout of a kept database file changes.
_KEPT_FORMAT = 1
_FLAGS = 0


class StartFinder:
    """Every offset where each of `sources` (`re` patterns, compiled case-sensitively) may match in
    a text, as a superset: where it matches, and perhaps elsewhere. Loaded from the folder
    `kept_in`, or compiled and kept there for the next process."""

    def __init__(self, sources: list[str], kept_in: Path):
        kept = kept_in / f"start-finder-{_database_key(sources)}.hsdb"
        self._database = _read_kept(kept)
        if self._database is None:
            self._database = _compiled(sources)
            _keep(kept, self._database)
        # A scan works in scratch space no other scan may use at the same time: one per thread.
        self._per_thread = threading.local()

    def starts(self, text: str) -> list[tuple[int, int]]:
        """Each offset of `text` where a source may match, with the index of that source, in
        ascending order (by offset, then index)."""
        scratch = getattr(self._per_thread, "scratch", None)
        if scratch is None:
            scratch = self._per_thread.scratch = hyperscan.Scratch(self._database)
        data = text.encode("latin-1", "replace")[::-1]
        length = len(data)
        found: list[tuple[int, int]] = []
        self._database.scan(data, match_event_handler=lambda index, _start, end, _flags, _context: found.append((length - end, index)), scratch=scratch)
        found.sort()
        return found


def _compiled(sources: list[str]):
    """The database of `sources`, each turned around (`reversed_byte_pattern`) and compiled."""
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    expressions = [reversed_byte_pattern(source).encode("ascii") for source in sources]
    database.compile(expressions=expressions, ids=list(range(len(sources))), flags=[_FLAGS] * len(sources))
    return database


def _database_key(sources: list[str]) -> str:
    """A hash of all a database is compiled from: the sources, how they are turned around (this
    module and the `re` parser of this Python), the flags and Hyperscan's version; any change is
    another file. (Hashing the sources, not their reversals: turning 40 patterns around costs
    0.06-0.15 s, which a process that loads the database does not pay.)"""
    digest = hashlib.sha256(f"{_KEPT_FORMAT} {_FLAGS} {hyperscan.__version__} {sys.version}\0".encode())
    digest.update(Path(__file__).read_bytes())
    for source in sources:
        digest.update(b"\0" + source.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


# A kept file: the SHA-256 of the serialised database, then the database, so that a file torn
# or damaged on disk is caught before Hyperscan reads it, whatever Hyperscan checks itself.
_DIGEST_SIZE = hashlib.sha256().digest_size


def _read_kept(path: Path):
    """The database kept at `path`, or None when there is none or it cannot be used (damaged,
    or compiled for a CPU with instructions this one lacks, which Hyperscan may refuse only when
    it makes scratch space or scans: hence the trial scan): it is then compiled anew and kept
    again."""
    try:
        content = path.read_bytes()
        digest, serialised = content[:_DIGEST_SIZE], content[_DIGEST_SIZE:]
        if hashlib.sha256(serialised).digest() != digest:
            return None
        database = hyperscan.loadb(serialised, hyperscan.HS_MODE_BLOCK)
        database.scan(b" ", match_event_handler=None, scratch=hyperscan.Scratch(database))
        return database
    except Exception:  # missing, unreadable, or refused by Hyperscan (its errors have no common base)
        return None


def _keep(path: Path, database) -> None:
    """Keep `database` at `path` (atomically) and drop the databases kept for other sources."""
    serialised = hyperscan.dumpb(database)
    keep_replacing(path, hashlib.sha256(serialised).digest() + serialised, "start-finder-*.hsdb")


def reversed_byte_pattern(source: str) -> str:
    """A Hyperscan pattern matching, in the reversed latin-1 bytes of a text, at least the reversal
    of every match of `source` (see the module docstring). Raises ValueError on a construct it
    cannot turn around (a backreference, a conditional, an anchor): better at start-up than a
    missed match."""
    return _reversed(sre_parse.parse(source))


def _reversed(items, ends_pattern: bool = True) -> str:
    """`items` turned around; `ends_pattern`: whether nothing follows them in the pattern, so that
    a lookahead at their end is matched as part of it (see the module docstring)."""
    pieces = []
    last = len(items) - 1
    for index, (op, argument) in enumerate(items):
        at_end = ends_pattern and index == last
        if op is sre.LITERAL:
            pieces.append(_byte_class({argument} if argument in _LATIN_1 else {_REPLACEMENT}))
        elif op is sre.IN:
            pieces.append(_byte_class(_class_bytes(argument)))
        elif op is sre.BRANCH:
            pieces.append("(?:" + "|".join(_reversed(branch, at_end) for branch in argument[1]) + ")")
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = argument
            if add_flags or del_flags:
                raise ValueError(f"no inline flags in a pattern the start finder turns around: {add_flags, del_flags}")
            pieces.append("(?:" + _reversed(body, at_end) + ")")
        elif op in _REPEATS:
            low, high, body = argument
            pieces.append("(?:" + _reversed(body, ends_pattern=False) + ")" + ("{%d,}" % low if high == sre.MAXREPEAT else "{%d,%d}" % (low, high)))
        elif _ATOMIC_GROUP is not None and op is _ATOMIC_GROUP:
            pieces.append("(?:" + _reversed(argument, at_end) + ")")
        elif op is sre.ASSERT and argument[0] == 1 and at_end:  # a lookahead (direction 1) ending the pattern
            pieces.append("(?:" + _reversed(argument[1]) + ")")
        elif op not in (sre.ASSERT, sre.ASSERT_NOT):  # any other lookaround only narrows where it matches
            raise ValueError(f"the start finder cannot turn around {op} in {argument!r}")
    return "".join(reversed(pieces))


def _class_bytes(items) -> set[int]:
    """The bytes a character class `[...]` matches: its latin-1 members, and "?" if it has any
    member beyond latin-1."""
    negated = False
    members: set[int] = set()
    beyond_latin_1 = False
    for op, argument in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            members.add(argument)
            beyond_latin_1 |= argument not in _LATIN_1
        elif op is sre.RANGE:
            members.update(range(argument[0], argument[1] + 1))
            beyond_latin_1 |= argument[1] not in _LATIN_1
        elif op is sre.CATEGORY and argument in _CATEGORY_BYTES:
            members |= _CATEGORY_BYTES[argument]
            beyond_latin_1 = True  # each of them holds characters beyond latin-1
        else:
            raise ValueError(f"the start finder cannot read {op} {argument!r} in a character class")
    members &= set(_LATIN_1)
    if negated:  # a negated class holds every character beyond latin-1 but its listed ones
        return set(_LATIN_1) - members | {_REPLACEMENT}
    return members | {_REPLACEMENT} if beyond_latin_1 else members


def _byte_class(members: set[int]) -> str:
    if len(members) == 1:
        return "\\x%02x" % next(iter(members))
    return "[" + "".join("\\x%02x" % code for code in sorted(members)) + "]"
