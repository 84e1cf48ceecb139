"""The checked view of units.yaml: its units, their families and its ambiguous words.

Extraction (checker.extract.quantities) and rule loading (checker.rules) both read it; it imports
only checker.lexicon, so loading rules does not import the extractors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from checker.lexicon import lexicon_error, load_lexicon, require_mapping, word_list


@dataclass(frozen=True)
class AmbiguousUnit:
    """A word of several units (units.yaml `ambiguous`): "Dollar", "Pfund", "Kronen"."""

    by_adjective: dict[str, str]  # lower-cased adjective stem -> unit
    by_next_word: dict[str, str]  # lower-cased stem of the word right after the noun -> unit ("Seiten starker")
    otherwise: tuple[tuple[str, float | None, date | None], ...]  # (unit, min_value, published_before), tried in order
    factor: float = 1.0  # the word is a part of its unit: "50 Cent" is 0.5 EUR


@dataclass(frozen=True)
class UnitEntries:
    """The `units` mapping of units.yaml, checked: what extraction and rule loading both read."""

    entries: dict[str, dict]  # unit (or ambiguous word) -> its entry
    ambiguous: dict[str, AmbiguousUnit]  # key of an ambiguous entry -> how to resolve it
    families: dict[str, tuple[str, ...]]  # family -> its units, sorted


_UNIT_ENTRY_KEYS = {"forms", "compounds", "of_place", "family", "ambiguous", "factor"}
_FAMILY_NAME = re.compile(r"[a-z][a-z_]*")


@lru_cache(maxsize=1)
def unit_entries() -> UnitEntries:
    """The units of units.yaml with their families and ambiguous words; a broken entry is a
    LexiconError naming the file and the entry. Cheap (no patterns): rule loading reads it too."""
    name = "units"
    content = require_mapping(name, load_lexicon(name), "units")
    entries = content["units"]
    if not isinstance(entries, dict):
        raise lexicon_error(name, "'units' must map unit names to {forms, compounds}")
    families: dict[str, list[str]] = {}
    ambiguous: dict[str, AmbiguousUnit] = {}
    for unit, entry in entries.items():
        if not isinstance(entry, dict) or "forms" not in entry or set(entry) - _UNIT_ENTRY_KEYS:
            raise lexicon_error(name, f"unit {unit!r} needs 'forms' and may have 'compounds', 'of_place', 'family', 'ambiguous', 'factor'")
        if "factor" in entry and ("ambiguous" not in entry or isinstance(entry["factor"], bool)
                                  or not isinstance(entry["factor"], (int, float)) or entry["factor"] <= 0):
            raise lexicon_error(name, f"unit {unit!r}: 'factor' must be a positive number, and only with 'ambiguous'")
        word_list(name, entry, "forms")
        family = entry.get("family")
        if family is not None:
            if not isinstance(family, str) or not _FAMILY_NAME.fullmatch(family):
                raise lexicon_error(name, f"unit {unit!r}: 'family' must be a lower-case name")
            if "ambiguous" in entry:
                raise lexicon_error(name, f"unit {unit!r}: an ambiguous word has no family (its units have)")
            families.setdefault(family, []).append(unit)
    for family in families:
        if family in entries:
            raise lexicon_error(name, f"family {family!r} is also a unit: a rule naming it would be ambiguous")
    for unit, entry in entries.items():
        if "ambiguous" in entry:
            ambiguous[unit] = _ambiguous_entry(name, unit, entry["ambiguous"], entries)
    return UnitEntries(entries=entries, ambiguous=ambiguous, families={family: tuple(sorted(units)) for family, units in families.items()})


def _ambiguous_entry(name: str, word: str, spec: object, entries: dict) -> AmbiguousUnit:
    def target(unit: object, where: str) -> str:
        if not isinstance(unit, str) or unit not in entries or "ambiguous" in entries[unit]:
            raise lexicon_error(name, f"unit {word!r}: {where}: {unit!r} is no unit of units.yaml")
        return unit

    if not isinstance(spec, dict) or not {"by_adjective", "otherwise"} <= set(spec) <= {"by_adjective", "by_next_word", "otherwise"}:
        raise lexicon_error(
            name, f"unit {word!r}: 'ambiguous' needs 'by_adjective' (adjective stem: unit) and 'otherwise' (a list), and may have 'by_next_word'"
        )
    by_adjective, by_next_word = spec["by_adjective"], spec.get("by_next_word", {})
    for key, stems in (("by_adjective", by_adjective), ("by_next_word", by_next_word)):
        if not isinstance(stems, dict) or not all(isinstance(stem, str) and stem == stem.lower() for stem in stems):
            raise lexicon_error(name, f"unit {word!r}: {key!r} must map lower-case word stems to units")
    otherwise = []
    if not isinstance(spec["otherwise"], list):
        raise lexicon_error(name, f"unit {word!r}: 'otherwise' must be a list of {{unit, min_value, published_before}}")
    for case in spec["otherwise"]:
        if not isinstance(case, dict) or "unit" not in case or set(case) - {"unit", "min_value", "published_before"}:
            raise lexicon_error(name, f"unit {word!r}: each of 'otherwise' needs 'unit' and may have 'min_value', 'published_before'")
        min_value, before = case.get("min_value"), case.get("published_before")
        if min_value is not None and (isinstance(min_value, bool) or not isinstance(min_value, (int, float))):
            raise lexicon_error(name, f"unit {word!r}: 'min_value' must be a number")
        if before is not None and not (isinstance(before, date) and type(before) is date):
            raise lexicon_error(name, f"unit {word!r}: 'published_before' must be a date YYYY-MM-DD")
        otherwise.append((target(case["unit"], "otherwise"), None if min_value is None else float(min_value), before))
    return AmbiguousUnit(
        by_adjective={stem: target(unit, f"by_adjective {stem!r}") for stem, unit in by_adjective.items()},
        by_next_word={stem: target(unit, f"by_next_word {stem!r}") for stem, unit in by_next_word.items()},
        otherwise=tuple(otherwise),
        factor=float(entries[word].get("factor", 1.0)),
    )


def unit_families() -> dict[str, tuple[str, ...]]:
    """Family name -> its units (units.yaml `family`): `currency` -> ("ATS", "AUD", …, "USD")."""
    return unit_entries().families
