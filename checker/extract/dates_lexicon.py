"""The date lexicon (checker/lexicons/de/dates.yaml), loaded once and checked at load time."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial

from checker.lexicon import lexicon_error, load_lexicon, require_mapping

LEXICON_NAME = "dates"
UNITS = ("day", "week", "weekend", "month", "quarter", "half", "year", "decade", "century", "millennium")
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI")
SEASONS = ("SP", "SU", "FA", "WI")
VAGUE_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
PERIOD_PARTS = ("begin", "mid", "end", "first_half", "second_half")
CONTEXT_LISTS = (
    "articles", "lead_words", "enumeration_words", "enumeration_articles", "range_words", "day_part_adjectives",
    "every", "every_year", "month_cues", "months_also_names", "month_prepositions", "season_cues", "season_phrase_cues", "deictic_nouns",
    "noun_articles", "generic_future_before", "time_nouns", "time_noun_before", "genitive_words", "comparatives",
    "comparative_after", "comparative_before", "by_tense", "vague_counts", "plural_count_words", "numeric_date_cues", "year_before_period_nouns", "whole_year_nouns", "month_half_nouns", "split_year_nouns",
    "present_after_cue", "early_before", "same_as_named", "then_words", "last_in_month", "within", "counted_from_other_time", "moves_forward", "calendar_week", "age_words", "bare_range_words", "night_before", "night_openings", "cues_also_nouns", "count_qualifiers", "same_day_before_ago", "advent_sundays", "orthodox", "follows_verbs",
    "speech_verbs", "separable_future", "scheduling_before", "event_set_for_before", "scheduled_event_past", "scheduled_event_called_off", "verb_phrase_joins", "moved_to_before", "moving_verbs", "onset_before", "after_articles", "onset_present_verbs", "change_present_verbs", "intention_verbs", "plan_modals", "perfect_auxiliaries",
    "comparison_before", "comparison_articles", "change_from", "change_to", "count_change_words", "contrast_before", "count_verbs", "since_before", "holiday_bound_before", "street_name_endings", "date_named_place_endings", "this_year", "year_genitive", "indefinite_articles",
    "preterite_endings", "subjunctive_like_preterite", "present_particles", "not_preterite_stems", "superlative_endings", "preterite_double_s", "attributive_before", "deadline_before", "deadline_inserts", "new_year", "speech_day_before", "story_day_words", "apposition_articles",
    "date_range_joins", "between_range_before", "between_range_joins", "ended_state_auxiliaries",
    "after_articles_not_day", "holiday_span_before",
    "count_adjective_endings", "count_noun_endings", "dative_count_prepositions", "dative_plural_endings",
    "embedded_clause_openers",
    "past_verb_prepositions", "reflexive_pronouns", "perfect_finite_auxiliaries", "state_participles", "moved_to_inserts", "date_setting_verbs", "deadline_setting_verbs",
    "agreed_thing_articles", "present_passive_auxiliaries", "report_insert_verbs", "lasting_state_verbs", "present_state_auxiliaries", "counterfactual_auxiliaries", "modal_infinitives",
    "noun_list_joins",
)


@dataclass(frozen=True)
class DatesLexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]  # only in front of a numeric date: "Mo., 12.3."
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    season_parts: dict[str, tuple[str, str]]
    deictic_days: dict[str, int]
    deictic_day_adjectives: dict[str, int]
    deictic_years: dict[str, int]
    vague: dict[str, str]  # phrase -> PRESENT_REF | PAST_REF | FUTURE_REF
    relative_shifts: dict[str, int]
    relative_nouns: dict[str, tuple[str, int]]
    anaphoric_days: dict[str, int]
    after_words: dict[str, int]
    point_prepositions: dict[str, int]
    year_blockers_before: frozenset[str]
    units: dict[str, str]
    unit_plurals: dict[str, str]
    quarter_units: dict[str, str]
    named_quarters: dict[str, tuple[str, int]]  # "Schlussquartal": ("quarter", 4)
    context: dict[str, frozenset[str]]  # context_words: lists named in CONTEXT_LISTS
    period_parts: dict[str, str]
    period_part_nouns: dict[str, tuple[str, str]]
    number_words: dict[str, int]
    ordinal_words: dict[str, int]
    decade_words: dict[str, int]
    fixed_holidays: dict[str, tuple[int, int] | None]
    easter_holidays: dict[str, int]
    easter_periods: dict[str, tuple[int, int]]  # first and last day, counted from Easter Sunday
    weekday_holidays: dict[str, tuple[int, int, int]]  # month, ISO weekday, which one of the month
    advent_holidays: dict[str, int]  # days from the fourth Sunday of Advent
    year_turns: dict[str, tuple[tuple[int, int], tuple[int, int]]]  # first and last day (month, day); a last before the first is in the next year
    holiday_days_around: dict[str, tuple[int, int]]  # "Ostern": (-2, 1), days before and after the holiday's own day
    split_year_months: dict[str, tuple[int, int]]  # "Wintersemester": (10, 3), first month in the first year, last in the second
    year_period_months: dict[str, tuple[int, int]]  # "Sommersemester": (4, 9); a last month before the first is in the next year
    year_cues: frozenset[str]
    strong_year_cues: frozenset[str]
    today_event_cues: frozenset[str]
    today_general_cues: frozenset[str]
    year_blockers_after: frozenset[str]
    past_cues: frozenset[str]
    strong_tense_cues: frozenset[str]
    future_cues: frozenset[str]

    def month(self, surface: str) -> int:
        return self.months[fold(surface)]

    def weekday(self, surface: str) -> int:
        return self.weekdays[fold(surface)]

    def season(self, surface: str) -> tuple[str, str | None]:
        """The season code, and the part of it a compound names ("Spätsommer": SU, end)."""
        folded = fold(surface)
        if folded in self.season_parts:
            return self.season_parts[folded]
        return self.seasons[folded], None

    def unit(self, surface: str) -> str:
        folded = fold(surface)
        return self.units.get(folded) or self.unit_plurals[folded]

    def turn_crosses_year(self, surface: str) -> bool:
        """A turn of the year whose last (month, day) comes before its first ends in the next year."""
        first, last = self.year_turns[fold(surface)]
        return last < first


# Remembered per string: the handlers fold the same few words ("im", "seit", "am") thousands of
# times; safe as the result depends on the string alone.
@lru_cache(maxsize=8192)
def fold(surface: str) -> str:
    """Lookup key: lower case, single blanks. A word of letters and digits alone (most of what
    the handlers look up) has no blanks to join."""
    if surface.isalnum():
        return surface.lower()
    return " ".join(surface.lower().split())


_fail = partial(lexicon_error, LEXICON_NAME)


def _mapping(content: dict, key: str, check) -> dict:
    section = content[key]
    if not isinstance(section, dict) or not section:
        raise _fail(f"{key!r} must be a non-empty mapping")
    result = {}
    for surface, value in section.items():
        if not isinstance(surface, str) or not surface.strip():
            raise _fail(f"{key!r} has an empty or non-text entry {surface!r}")
        if not check(value):
            raise _fail(f"{key!r}: entry {surface!r} has an invalid value {value!r}")
        result[fold(surface)] = value
    return result


def _pair_mapping(content: dict, key: str, first_ok, second_ok) -> dict[str, tuple]:
    """A section mapping surfaces to two-element lists, as tuples ("Spätsommer": [summer, late])."""
    section = _mapping(
        content, key, lambda value: isinstance(value, list) and len(value) == 2 and first_ok(value[0]) and second_ok(value[1])
    )
    return {surface: (value[0], value[1]) for surface, value in section.items()}


def _words(content: dict, key: str) -> frozenset[str]:
    section = content[key]
    if not isinstance(section, list) or not all(isinstance(word, str) and word.strip() for word in section if word is not None):
        raise _fail(f"{key!r} must be a list of words")
    return frozenset(fold(word) for word in section if word is not None)


def _context_words(content: dict) -> dict[str, frozenset[str]]:
    section = content["context_words"]
    if not isinstance(section, dict) or sorted(section) != sorted(CONTEXT_LISTS):
        missing = sorted(set(CONTEXT_LISTS) - set(section or {})) if isinstance(section, dict) else list(CONTEXT_LISTS)
        extra = sorted(set(section) - set(CONTEXT_LISTS)) if isinstance(section, dict) else []
        raise _fail(f"'context_words' must have exactly the lists {list(CONTEXT_LISTS)} (missing {missing}, unknown {extra})")
    return {name: _words(section, name) for name in CONTEXT_LISTS}


def _month_day(surface: str, value, section: str = "fixed_holidays") -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        month, day = (int(piece) for piece in str(value).split("-"))
    except ValueError:
        raise _fail(f"{section}: {surface!r} must be MM-DD or null, not {value!r}") from None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise _fail(f"{section}: {surface!r} has an impossible day {value!r}")
    return month, day


@lru_cache(maxsize=1)
def dates_lexicon() -> DatesLexicon:
    return build_dates_lexicon(load_lexicon(LEXICON_NAME))


def build_dates_lexicon(raw: object) -> DatesLexicon:
    """Check the parsed lexicon file; every defect names the file and the section."""
    content = require_mapping(
        LEXICON_NAME,
        raw,
        "months", "weekdays", "weekday_abbreviations", "parts_of_day", "seasons", "season_parts", "deictic_days", "deictic_day_adjectives",
        "deictic_years", "vague", "relative_shifts", "relative_nouns", "units", "unit_plurals", "quarter_units", "named_quarters", "context_words", "period_parts", "period_part_nouns",
        "number_words", "ordinal_words", "decade_words", "fixed_holidays", "easter_holidays", "easter_periods", "weekday_holidays", "advent_holidays",
        "year_turns", "holiday_days_around", "split_year_months", "year_period_months", "anaphoric_days", "after_words", "point_prepositions", "year_blockers_before", "year_cues", "strong_year_cues", "year_blockers_after", "today_event_cues", "today_general_cues",
        "tense_cues", "strong_tense_cues",
    )
    is_int = lambda value: isinstance(value, int) and not isinstance(value, bool)  # noqa: E731
    vague_section = content["vague"]
    if not isinstance(vague_section, dict) or sorted(vague_section) != sorted(VAGUE_VALUES):
        raise _fail(f"'vague' must have exactly the keys {list(VAGUE_VALUES)}")
    vague: dict[str, str] = {}
    for value, phrases in vague_section.items():
        for phrase in _words({value: phrases}, value):
            vague[phrase] = value
    tense = content["tense_cues"]
    if not isinstance(tense, dict) or sorted(tense) != ["future", "past"]:
        raise _fail("'tense_cues' must have exactly the keys 'past' and 'future'")
    past, future = _words(tense, "past"), _words(tense, "future")
    return DatesLexicon(
        months=_mapping(content, "months", lambda value: is_int(value) and 1 <= value <= 12),
        weekdays=_mapping(content, "weekdays", lambda value: is_int(value) and 1 <= value <= 7),
        weekday_abbreviations=_mapping(content, "weekday_abbreviations", lambda value: is_int(value) and 1 <= value <= 7),
        parts_of_day=_mapping(content, "parts_of_day", lambda value: value in PARTS_OF_DAY),
        seasons=_mapping(content, "seasons", lambda value: value in SEASONS),
        season_parts=_pair_mapping(content, "season_parts", SEASONS.__contains__, PERIOD_PARTS.__contains__),
        deictic_days=_mapping(content, "deictic_days", is_int),
        deictic_day_adjectives=_mapping(content, "deictic_day_adjectives", is_int),
        deictic_years=_mapping(content, "deictic_years", is_int),
        vague=vague,
        relative_shifts=_mapping(content, "relative_shifts", lambda value: value in (-2, -1, 0, 1, 2)),
        relative_nouns=_pair_mapping(content, "relative_nouns", UNITS.__contains__, is_int),
        anaphoric_days=_mapping(content, "anaphoric_days", is_int),
        after_words=_mapping(content, "after_words", lambda value: value in (-1, 1)),
        point_prepositions=_mapping(content, "point_prepositions", lambda value: value in (-1, 1)),
        year_blockers_before=_words(content, "year_blockers_before"),
        units=_mapping(content, "units", lambda value: value in UNITS),
        unit_plurals=_mapping(content, "unit_plurals", lambda value: value in UNITS),
        quarter_units=_mapping(content, "quarter_units", lambda value: value in ("quarter", "half")),
        named_quarters=_pair_mapping(content, "named_quarters", ("quarter", "half").__contains__, lambda value: is_int(value) and 1 <= value <= 4),
        context=_context_words(content),
        period_parts=_mapping(content, "period_parts", lambda value: value in PERIOD_PARTS),
        period_part_nouns=_pair_mapping(content, "period_part_nouns", UNITS.__contains__, PERIOD_PARTS.__contains__),
        number_words=_mapping(content, "number_words", lambda value: is_int(value) and value > 0),
        ordinal_words=_mapping(content, "ordinal_words", lambda value: is_int(value) and value > 0),
        decade_words=_mapping(content, "decade_words", lambda value: is_int(value) and 0 <= value <= 9),
        fixed_holidays={
            surface: _month_day(surface, value)
            for surface, value in _mapping(content, "fixed_holidays", lambda value: True).items()
        },
        easter_holidays=_mapping(content, "easter_holidays", is_int),
        easter_periods=_pair_mapping(content, "easter_periods", is_int, is_int),
        weekday_holidays={
            surface: tuple(value)
            for surface, value in _mapping(
                content, "weekday_holidays",
                lambda value: isinstance(value, list) and len(value) == 3 and all(is_int(piece) for piece in value)
                and 1 <= value[0] <= 12 and 1 <= value[1] <= 7 and 1 <= value[2] <= 5,
            ).items()
        },
        advent_holidays=_mapping(content, "advent_holidays", lambda value: is_int(value) and -35 <= value <= 0),
        year_turns={
            surface: (_month_day(surface, first, "year_turns"), _month_day(surface, last, "year_turns"))
            for surface, (first, last) in _mapping(
                content, "year_turns", lambda value: isinstance(value, list) and len(value) == 2 and all(isinstance(piece, str) for piece in value)
            ).items()
        },
        holiday_days_around=_pair_mapping(content, "holiday_days_around", lambda days: is_int(days) and days <= 0, lambda days: is_int(days) and days >= 0),
        year_period_months=_pair_mapping(content, "year_period_months", lambda month: is_int(month) and 1 <= month <= 12, lambda month: is_int(month) and 1 <= month <= 12),
        split_year_months=_pair_mapping(content, "split_year_months", lambda month: is_int(month) and 1 <= month <= 12, lambda month: is_int(month) and 1 <= month <= 12),
        year_cues=_words(content, "year_cues"),
        strong_year_cues=_words(content, "strong_year_cues"),
        today_event_cues=_words(content, "today_event_cues"),
        today_general_cues=_words(content, "today_general_cues"),
        year_blockers_after=_words(content, "year_blockers_after"),
        past_cues=past - future,
        strong_tense_cues=_words(content, "strong_tense_cues"),
        future_cues=future - past,
    )
