"""The terms of an article's whole text that `checker.stories` links articles by, read once with
the article (they are part of its row, `pipeline.article_row`, which the file index stores: a warm
run has them without reading the file again, and no article's text is kept).

A term is a capitalised word inside a sentence: in German the names, places and nouns of the
story ("Commerzbank", "Zugunglück", "Garmisch-Partenkirchen", "GDL-Chef"). A sentence's (or a
line's, or a title's) first word is capitalised whatever it is ("Die", "Nach", "Zuvor") and is left
out. A code of capitals and a number ("A8", "B 27", "ICE 123", "U6") is a term wherever it stands,
written without its space: the number of a road or a line names the place of an event as a town
does (which codes are such numbers, `stories.yaml` says, read by `checker.stories`). Each term is kept once, in its first form; the forms of one word are equated later
(`stories.normalised_term`), and words that tell nothing are dropped there too (so that the
lexicon can change without the stored rows going stale).
"""

from __future__ import annotations

import re
from collections import Counter

# A word starting with a capital (upper-case ASCII or Latin-1; other scripts are checked by
# `isupper` below), hyphenated compounds whole, not inside a word or compound. The capital comes
# first, so that `re` skips in C from capital to capital; the check that no word character or
# hyphen stands before it looks back past that capital.
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ž](?<![\w\-].)[\w\-]*[^\W\d_]")
# Such a word at a sentence's or a line's start: after a sentence end or a line break, across
# quotes, brackets and dashes but not across a word or a digit ("vor 3.000 Soldaten" keeps
# "Soldaten", "… gesagt. Die Polizei" drops "Die", as does '(Nr. 39). Jetzt').
_FIRST_IN_SENTENCE = re.compile(r"[.!?:…\n][^\w\n]*(?<![\w\-])([A-ZÀ-ÖØ-ÞĀ-ž][\w\-]*[^\W\d_])")
# A code of one to three capitals and a number, the space between them optional ("A8", "A 8",
# "ICE 123"), not inside a word or a figure ("3,5A 8", "A8,5"); a compound may follow ("A8-Stau").
_CODE = re.compile(r"(?<![\w\-.,])([A-Z]{1,3}) ?(\d{1,4})(?![\w]|[.,:]\d)")


def text_terms(*texts: str | None) -> str:
    """The distinct terms of `texts` (a title, a body), space-separated in order of first use: the
    capitalised words that stand inside a sentence at least once, and the codes ("A8"). Two C-level passes and a count,
    not a Python step per word: a cold run reads every article's terms in the main process."""
    seen: dict[str, None] = {}
    for text in texts:
        if not text:
            continue
        words = _CAPITALISED.findall(text)
        inside = Counter(words)
        inside.subtract(_FIRST_IN_SENTENCE.findall("\n" + text))  # the text's start is a line start
        for word in dict.fromkeys(words):
            if inside[word] > 0 and len(word) >= 3 and word[0].isupper():
                seen.setdefault(word, None)
        for letters, number in _CODE.findall(text):
            seen.setdefault(letters + number, None)
    return " ".join(seen)
