"""A price per unit of energy: "89 Euro pro Megawattstunde", "32 Cent je Kilowattstunde", "89 €/MWh".

An amount of money keeps its currency as unit (quantities.py: "12,41 Euro pro Stunde" stays EUR),
but a price per megawatt hour is no amount: it compares only with prices per the same energy unit.
units.yaml `prices_per_energy` names the energy units after "pro", "je" (`denominators`) or "/";
the price's unit is "<currency>_per_<energy unit>" when units.yaml lists it as a unit (family
`currency`, so that the rules leave it out with all money), else the figure keeps its currency.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract.alternation import matched_key, word_alternation
from checker.lexicon import lexicon_error, load_lexicon, word_list
from checker.units import unit_entries

LEXICON = "units"
KEY = "prices_per_energy"


@lru_cache(maxsize=1)
def _energy_units() -> tuple[re.Pattern, dict[str, str]]:
    """(a pattern of "pro"/"je"/"/" and an energy unit right after a position, in any case as the unit
    words themselves ("PRO MEGAWATTSTUNDE"), lower-cased word -> energy unit name)."""
    content = load_lexicon(LEXICON)
    words = content.get(KEY)
    if not isinstance(words, dict) or not all(isinstance(word, str) and word and isinstance(name, str) for word, name in words.items()):
        raise lexicon_error(LEXICON, f"{KEY!r} must map the words of energy units to their names")
    per = r"(?:\s*/\s*|\s+" + word_alternation(word_list(LEXICON, content, "denominators"), ignore_case=True) + r"\s+)"
    energy = word_alternation(words, ignore_case=True)
    return re.compile(per + r"(?P<energy>" + energy + r")(?![\w-])", re.IGNORECASE), {word.lower(): name for word, name in words.items()}


def price_per_energy(text: str, position: int, currency: str) -> tuple[str, int] | None:
    """(the unit of a price per unit of energy, where its energy unit ends) when "pro Megawattstunde",
    "/kWh" … follows the amount of money in `currency` ending at `position`, else None."""
    pattern, energy_of = _energy_units()
    match = pattern.match(text, position)
    if match is None:
        return None
    unit = f"{currency}_per_{energy_of[matched_key(match.group('energy'))]}"
    return (unit, match.end()) if unit in unit_entries().entries else None
