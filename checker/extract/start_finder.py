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
places than the pattern matches, never fewer: the caller matches each with `re`.

Hyperscan has wheels for x86-64 (Linux, macOS, Windows) and Apple's ARM, not for Linux on ARM:
there the package is not installed (pyproject.toml) and `HYPERSCAN_AVAILABLE` tells the caller to
search with `re`, which finds the same, only slower.
"""

from __future__ import annotations

import re
import threading

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


class StartFinder:
    """Every offset where `source` (a `re` pattern, compiled case-sensitively) may match in a text,
    as a superset: where it matches, and perhaps elsewhere. Compiled once (Hyperscan needs ~0.1 s
    for the date scan's opening)."""

    def __init__(self, source: str):
        self.source = source
        self._database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        self._database.compile(expressions=[reversed_byte_pattern(source).encode("ascii")], flags=[hyperscan.HS_FLAG_ALLOWEMPTY])
        # A scan works in scratch space no other scan may use at the same time: one per thread.
        self._per_thread = threading.local()

    def starts(self, text: str) -> list[int]:
        """The offsets of `text` where the pattern may match, ascending."""
        scratch = getattr(self._per_thread, "scratch", None)
        if scratch is None:
            scratch = self._per_thread.scratch = hyperscan.Scratch(self._database)
        data = text.encode("latin-1", "replace")[::-1]
        ends: list[int] = []
        self._database.scan(data, match_event_handler=lambda _id, _start, end, _flags, _context: ends.append(end), scratch=scratch)
        # Hyperscan reports each end once, in ascending order (sorted all the same: a reversed list sorts in one pass).
        length = len(data)
        return sorted(length - end for end in ends)


def reversed_byte_pattern(source: str) -> str:
    """A Hyperscan pattern matching, in the reversed latin-1 bytes of a text, at least the reversal
    of every match of `source` (see the module docstring). Raises ValueError on a construct it
    cannot turn around (a backreference, a conditional, an anchor): better at start-up than a
    missed match."""
    return _reversed(sre_parse.parse(source))


def _reversed(items) -> str:
    pieces = []
    for op, argument in items:
        if op is sre.LITERAL:
            pieces.append(_byte_class({argument} if argument in _LATIN_1 else {_REPLACEMENT}))
        elif op is sre.IN:
            pieces.append(_byte_class(_class_bytes(argument)))
        elif op is sre.BRANCH:
            pieces.append("(?:" + "|".join(_reversed(branch) for branch in argument[1]) + ")")
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = argument
            if add_flags or del_flags:
                raise ValueError(f"no inline flags in a pattern the start finder turns around: {add_flags, del_flags}")
            pieces.append("(?:" + _reversed(body) + ")")
        elif op in _REPEATS:
            low, high, body = argument
            pieces.append("(?:" + _reversed(body) + ")" + ("{%d,}" % low if high == sre.MAXREPEAT else "{%d,%d}" % (low, high)))
        elif _ATOMIC_GROUP is not None and op is _ATOMIC_GROUP:
            pieces.append("(?:" + _reversed(argument) + ")")
        elif op not in (sre.ASSERT, sre.ASSERT_NOT):  # a lookaround only narrows where it matches
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
