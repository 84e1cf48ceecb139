"""Dates of an event named by a noun, which do not date the figures counted of it (event_dates.yaml).

"Bei der Explosion am Dienstag sind sieben Menschen ums Leben gekommen", published on Thursday:
Tuesday dates the explosion; the seven dead are the toll as it stands on Thursday. A toll dated to
its event's day would sit before figures published between the event and the telling, so a later,
higher toll would read as an earlier one, and a rise as a fall. The quantity extractor asks
`dates_an_event_not_the_count` of each date before it copies the date onto a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.alternation import word_alternation
from checker.lexicon import load_lexicon, require_mapping, word_list

LEXICON = "event_dates"
_LOOK_BACK = 100  # characters before a date an event's phrase may start: "bei der Explosion in einem Chemiepark in Spanien am "


@dataclass(frozen=True)
class _EventDates:
    event_before: re.Pattern  # "bei der Explosion (im Chemiepark) am " right before a date; group `since` for "seit"
    counted_as_told_units: frozenset[str]


@lru_cache(maxsize=1)
def _event_dates() -> _EventDates:
    content = require_mapping(
        LEXICON, load_lexicon(LEXICON),
        "event_nouns", "event_prepositions", "since_prepositions", "place_prepositions", "date_prepositions", "counted_as_told_units",
    )

    def words(key: str) -> str:
        return "(?i:" + word_alternation(word_list(LEXICON, content, key), ignore_case=True) + ")"

    # Case-sensitive but for the lexicon's words and the articles: the event is a noun, the place a name.
    articles = r"(?:(?i:dem|der|den|des|das|die|einem|einer|eines|einen|ein|eine)\s+)?"
    adjectives = r"(?:[a-zäöüß][\w-]*\s+){0,2}"  # "bei der schweren Explosion", "vom verheerenden Erdbeben"
    # The noun alone or as the end of a compound, with a case ending: "Gasexplosion", "des Anschlags".
    noun = r"(?=[A-ZÄÖÜ])[\w-]*?" + words("event_nouns") + r"(?:e|en|n|s|es|er|ern)?(?![\w-])"
    place = r"(?:\s+" + words("place_prepositions") + r"\s+" + articles + r"[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,2}){0,2}"
    return _EventDates(
        event_before=re.compile(
            r"(?<![\w-])(?:(?P<since>" + words("since_prepositions") + r")|" + words("event_prepositions") + r")\s+"
            + articles + adjectives + noun + place + r"\s+(?:" + words("date_prepositions") + r"\s+" + articles + r")?$"
        ),
        counted_as_told_units=frozenset(word_list(LEXICON, content, "counted_as_told_units")),
    )


def dates_an_event_not_the_count(text: str, date_start: int, unit: str | None) -> bool:
    """Whether the date starting at `date_start` dates an event named right before it ("bei der
    Explosion am Dienstag") rather than a figure counted in `unit`: a count of the event's victims
    (`counted_as_told_units`), or any count since the event ("seit dem Unglück am Montag")."""
    event_dates = _event_dates()
    match = event_dates.event_before.search(text, max(0, date_start - _LOOK_BACK), date_start)
    if match is None:
        return False
    return match.group("since") is not None or unit in event_dates.counted_as_told_units
