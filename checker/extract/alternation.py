"""One regex for a list of literal words, factored as a trie.

Lexicons turn into alternations of hundreds of words (gazetteer names, meeting nouns, number
words). Python's `re` tries the branches of `a|b|c` one after another at every position of the
text, so a plain alternation of n words costs n comparisons per character. Factoring the shared
prefixes out (`Gipfel(?:treffen|gespräch)?` instead of `Gipfeltreffen|Gipfelgespräch|Gipfel`)
makes a failing position cost one comparison per level.

The pattern matches the same strings as the alternation sorted longest first, and prefers the
same one: a greedy optional tail tries the longer word before the shorter, so whatever follows
the alternation (`(?!\\w)`) backtracks through the candidates in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the trie key marking that a word ends at this node
# re.IGNORECASE equates these four letters with ASCII ones although str.lower() does not map them
# there ("İstanbul".lower() gains a combining dot), see the `re` docs on IGNORECASE.
_RE_CASE_EQUIVALENTS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def word_alternation(words: Iterable[str], whitespace: str | None = None, ignore_case: bool = False) -> str:
    """A non-capturing group matching any of `words` literally, longest first.

    With `whitespace` (e.g. `r"\\s+"`), each run of blanks in a word matches that pattern once
    instead of literally ("Ende Januar" then also matches "Ende  Januar" or a line break). A run
    counts once because two gaps in a row (`\\s+\\s+`) would let the trie prefer a shorter word
    than the alternation does: after the first gap takes every blank, the branch of a word that
    goes on with a letter wins before `re` backtracks into the gap for the branch with the second.
    Pass `ignore_case=True` when the pattern is compiled with `re.IGNORECASE`: the trie is then
    built on lower-cased letters, so that "Abc" and "abcd" share one branch and the longer word
    is still tried first (as two sibling branches "A…" and "a…" both matching, they would not be).
    An empty list gives a group that never matches.
    """
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for token in _tokens(_lower_letters(word) if ignore_case else word, whitespace):
            node = node.setdefault(token, {})
        node[_END] = {}
    if not trie:
        return "(?!)"
    return "(?:" + _render(trie) + ")"


def _lower_letters(word: str) -> str:
    # Letter by letter: a letter whose lower case is two characters ("İ") stays as it is.
    return "".join(lower if len(lower := char.lower()) == 1 else char for char in word)


def _tokens(word: str, whitespace: str | None) -> list[str]:
    if whitespace is None:
        return [re.escape(char) for char in word]
    return [whitespace if char == " " else re.escape(char) for char in _BLANK_RUN.sub(" ", word)]


_BLANK_RUN = re.compile(" {2,}")


def _render(node: dict) -> str:
    """The branches below `node`; the caller has already matched the path to it."""
    branches = [token + _render(child) for token, child in sorted(node.items()) if token != _END]
    if not branches:
        return ""
    if len(branches) > 1:
        body, one_atom = "(?:" + "|".join(branches) + ")", True
    else:
        # `?` applies to all of a single branch only if it is one character, plain or escaped;
        # `\s+` or "ab" would need a group (and `\s+?` would be a lazy repeat).
        body = branches[0]
        one_atom = len(body) == 1 or (len(body) == 2 and body[0] == "\\")
    if _END in node:  # a word ends here: the longer words are optional, tried first (greedy)
        return body + "?" if one_atom else "(?:" + body + ")?"
    return body


def matched_key(text: str) -> str:
    """The lower-case lexicon key of `text` found by a pattern compiled with re.IGNORECASE.

    `text.lower()` is not enough: the pattern for "istanbul" also matches "İstanbul", whose
    `lower()` is "i̇stanbul" (with a combining dot) and no key of the lexicon.
    """
    lowered = text.lower()
    # The translation is ten times as slow, and needed only where `lower_case_agrees` says not.
    if lower_case_agrees(text, lowered):
        return lowered
    return text.translate(_RE_CASE_EQUIVALENTS).lower()


def lower_case_agrees(text: str, lowered: str) -> bool:
    """Whether `lowered` (`text.lower()`) agrees with re.IGNORECASE on words of letters: a lower-case
    word pattern then matches in `lowered` at the same offsets as its IGNORECASE form in `text`.

    `str.lower()` agrees unless one of the three letters the table maps otherwise occurs: "İ",
    whose lower case is longer (every offset after it moves), and "ı" and "ſ", which lower() keeps
    while IGNORECASE takes them for "i" and "s". It never turns a character that is no word
    character or hyphen into one or back (true of every Unicode character), so a word start found
    in `lowered` is one in `text`.
    """
    return len(lowered) == len(text) and "ı" not in text and "ſ" not in text
