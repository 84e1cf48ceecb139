"""Headlines among a claim's sentences: a figure of a title is the title's wording of its body's news.

An article's text does not mark its title; a sentence of the body ends as a sentence does, a headline
("49 Flugzeuge und 19 Schiffe", "Waldbrände in Griechenland: Hunderte Menschen evakuiert") rarely.
"""

from __future__ import annotations

import polars as pl

_SENTENCE_END = r"[.!?…][\"'“”„»«)]*\s*$"


def ends_as_sentence() -> pl.Expr:
    """The claim's `sentence` ends as a sentence of the body does (false for a headline's)."""
    return pl.col("sentence").str.contains(_SENTENCE_END).fill_null(False)
