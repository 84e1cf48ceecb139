"""A currency written before its figure: "CHF 3,5 Mio.", "Fr. 250'000.–", "€ 12,50".

A figure's unit is normally the noun after it (quantities.py); Swiss and business writing puts the
currency code, sign or abbreviation first instead. units.yaml `currency_before_figure` lists those
words with the currency each names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract.alternation import word_alternation
from checker.lexicon import lexicon_error, load_lexicon
from checker.units import unit_entries

LEXICON = "units"
KEY = "currency_before_figure"
# The longest word of the list and a blank: how far back from a figure the word may start.
_LOOK_BACK = 8
# A day of the month with its ordinal dot: "Fr. 12. Mai" is Freitag, not francs ("Fr. 12.–" are).
_DAY_OF_MONTH = re.compile(r"\d{1,2}\.(?![\d–-])")


@lru_cache(maxsize=1)
def _currency_words() -> tuple[re.Pattern, dict[str, str]]:
    """(a pattern of a currency word and blanks right before a position, word -> currency unit)."""
    words = load_lexicon(LEXICON).get(KEY)
    currencies = unit_entries().families.get("currency", ())
    if not isinstance(words, dict) or not all(isinstance(word, str) and word and unit in currencies for word, unit in words.items()):
        raise lexicon_error(LEXICON, f"{KEY!r} must map words to units of the family 'currency'")
    if max(len(word) for word in words) + 1 > _LOOK_BACK:
        raise lexicon_error(LEXICON, f"{KEY!r}: words of at most {_LOOK_BACK - 1} characters")
    # Not the end of a longer word ("ABCHF", "Gebühr.") nor glued to digits before it.
    return re.compile(r"(?<![\w$€£-])(?P<currency>" + word_alternation(words) + r")\s*$"), dict(words)


def currency_before(text: str, position: int) -> str | None:
    """The currency unit of a code or sign right before the figure at `position` ("CHF 3,5 Mio."), else None."""
    if _DAY_OF_MONTH.match(text, position):
        return None
    pattern, unit_of = _currency_words()
    match = pattern.search(text, max(0, position - _LOOK_BACK), position)
    return unit_of[match.group("currency")] if match else None
