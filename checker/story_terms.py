"""The terms of an article's whole text that `checker.stories` links articles by, read once with
the article (they are part of its row, `pipeline.article_row`, which the file index stores: a warm
run has them without reading the file again, and no article's text is kept).

A term is a capitalised word inside a sentence: in German the names, places and nouns of the
story ("Commerzbank", "Zugunglück", "Garmisch-Partenkirchen", "GDL-Chef"). A sentence's (or a
line's, or a title's) first word is capitalised whatever it is ("Die", "Nach", "Zuvor") and is left
out. Each term is kept once, in its first form; the forms of one word are equated later
(`stories.normalised_term`), and words that tell nothing are dropped there too (so that the
lexicon can change without the stored rows going stale).
"""

from __future__ import annotations

import re

# A word starting with a capital (upper-case ASCII or Latin-1; other scripts are checked by
# `isupper` below), hyphenated compounds whole; `start` catches a sentence end or a line start
# right before it, across quotes, brackets and dashes, but not across a word or a digit
# ("vor 3.000 Soldaten" keeps "Soldaten", "… gesagt. Die Polizei" drops "Die").
_WORD = re.compile(r"(?P<start>^|[.!?:…])?[^\w\n]*(?<![\w\-])(?P<word>[A-ZÀ-ÖØ-ÞĀ-ž][\w\-]*[^\W\d_])", re.MULTILINE)


def text_terms(*texts: str | None) -> str:
    """The distinct terms of `texts` (a title, a body), space-separated in order of first use."""
    seen: dict[str, None] = {}
    for text in texts:
        if not text:
            continue
        for match in _WORD.finditer(text):
            if match.group("start") is None:
                word = match.group("word")
                if len(word) >= 3 and word[0].isupper():
                    seen.setdefault(word, None)
    return " ".join(seen)
