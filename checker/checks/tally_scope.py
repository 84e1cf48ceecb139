"""How much of a tally a figure counts, where no resolved date says it.

A story of a prisoner exchange gives the first day's returnees ("Am ersten Tag kehrten 390
Ukrainer zurück"), the whole exchange's ("insgesamt 1000") and everyone returned since the war
began ("Seit Kriegsbeginn sind 4552 Ukrainer zurückgekehrt") in one unit, of one actor, without a
date the extractor resolves: as one series they "cannot both hold" and "fall" from 4552 to 1000.
Their sentences tell them apart (`lexicons/de/tally_scopes.yaml`):

- `since_origin`: a running total since an origin that has no date ("seit Kriegsbeginn", "seit
  Beginn des Krieges", "seit Ausbruch der Pandemie");
- `part`: a numbered part of an occasion ("am ersten Tag", "in der zweiten Runde");
- `""` (the whole): anything else.

A running total since an origin only grows (`only_grows`), whatever it counts. Of a count that
only grows by its unit (a death toll) every figure is a running total: "since" marks no other one.

Figures of different scopes are of different series. Only undated figures get a scope of their
sentence's words: a figure with a date of its own ("seit Jahresbeginn", "am Sonntag") is ordered
and compared by that date (`checker.checks.quantity_series`), which tells a day from a running
total better than words do.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

from checker.lexicon import load_lexicon, require_mapping, word_list

LEXICON = "tally_scopes"
KEYS = ("origin_compound_ends", "origin_nouns_before_genitive", "part_ordinals", "part_noun_ends")


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def scope_patterns() -> dict[str, str]:
    """The pattern of each scope's words in a sentence, from the lexicon."""
    content = require_mapping(LEXICON, load_lexicon(LEXICON), *KEYS)
    words = {key: _alternatives(word_list(LEXICON, content, key)) for key in KEYS}
    article = r"(?:dem\s+|der\s+)?"
    since_origin = (
        rf"(?i)\bseit\s+{article}(?:\w+(?:{words['origin_compound_ends']})\b"
        rf"|(?:{words['origin_nouns_before_genitive']})\s+(?:des|der)\b)"
    )
    part = rf"(?i)\b(?:am|im|in\s+der|beim)\s+(?:{words['part_ordinals']})\s+\w*(?:{words['part_noun_ends']})\b"
    return {"since_origin": since_origin, "part": part}


def tally_scope(monotonic_units: list[str]) -> pl.Expr:
    """A quantity claim's scope (see the module's description), as the column `tally_scope`. A
    count the rule declares to only grow (`monotonic_units`: a death toll) is a running total
    whether or not its sentence says since when: "seit Beginn des Krieges mehr als 39.900 Tote" and
    "über 40.000 Tote" are one toll."""
    patterns = scope_patterns()
    undated = pl.col("date_start").is_null()
    running_anyway = pl.col("quantity_unit").is_in(monotonic_units)
    return (
        pl.when(undated & ~running_anyway & pl.col("sentence").str.contains(patterns["since_origin"]))
        .then(pl.lit("since_origin"))
        .when(undated & pl.col("sentence").str.contains(patterns["part"]))
        .then(pl.lit("part"))
        .otherwise(pl.lit(""))
        .alias("tally_scope")
    )


def only_grows(monotonic_units: list[str]) -> pl.Expr:
    """A figure of a count that only grows: of a unit the rule declares so (a death toll), or a
    running total since an origin, whatever it counts: "seit Kriegsbeginn 4552", then "inzwischen
    5552" from the same office under a shorter name, has risen, and the two sources do not disagree."""
    return pl.col("quantity_unit").is_in(monotonic_units) | (pl.col("tally_scope") == "since_origin")
