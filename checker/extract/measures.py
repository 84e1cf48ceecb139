"""What an amount of money or a percentage measures, where its sentence's grammar names it.

"5,9 Milliarden Euro" or "58,7 Prozent" alone is no subject a figure of another article could be
compared with: a story tells a budget, a credit and a price, a turnout and a party's share. News
often names the measure, though, in a few shapes:

- the measure noun before the amount, or before a genitive or "für" phrase that qualifies it:
  "Kosten von knapp 5,9 Milliarden Euro", "Vermögenswerte der Zentralbank in Höhe von 210 Milliarden
  Euro", also with an adverb of when before the amount ("eine Lücke von zuletzt 30 Milliarden
  Euro"; not "Kosten von 3,6 auf 5,9 Milliarden": the earlier value);
- the measure noun as the subject or object of a verb that tells its value: "Die Wahlbeteiligung
  lag bei 58,7 Prozent", "Der Schaden wird auf 12 Millionen Euro geschätzt", "Die Kommission gab
  die Wahlbeteiligung mit 58,7 Prozent an", "Die Kosten betragen 5,9 Milliarden Euro";
- a percentage followed by what it is a share of: "87,3 Prozent der Stimmen".

The measure is the noun's key in lexicons/de/measures.yaml; a compound ending in one of its nouns
measures itself ("Sanierungskosten", "Haushaltslücke") unless the lexicon says it is its head's
("Baukosten" are the costs). No such noun in one of these shapes, or two different ones, and the
figure has no measure: it is never guessed. Nor has a figure its clause tells as a target or a
recommendation ("Die WHO empfiehlt eine Impfquote von mindestens 75 Prozent", "Ziel ist eine Quote
von 60 Prozent", "Die Quote soll 60 Prozent erreichen"): what is wished is no measured level.

A measure told of a group of people or things is another series than the measure of all: "Die
Impfquote bei den über 60-Jährigen liegt bei 31,7 Prozent" and "Die Impfquote unter Pflegekräften
liegt bei 45 Prozent" are two. Such a figure's measure carries its group ("impfquote bei über
60-jährigen"), so only the same group's figure is compared with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.alternation import word_alternation
from checker.lexicon import lexicon_error, load_lexicon, require_mapping, word_list
from checker.units import unit_families

LEXICON = "measures"
# A capitalised word (a noun, or any word opening the sentence): the candidates for a measure noun.
_CAPITALISED_WORD = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w-]*")
_ARTICLES = r"(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)"
_PREPOSITIONS = (
    r"(?:von|vom|für|wegen|trotz|mit|bei|beim|nach|aus|über|unter|zu|zur|zum|im|am|in|an|auf|durch|gegen|ohne|um|angesichts|aufgrund|infolge)"
)
# A preposition right before a figure: it is the object of another phrase ("um 5 Prozent").
_PREPOSITION_BEFORE = re.compile(rf"(?<![\w-])(?i:{_PREPOSITIONS})\s+$")
# A noun inside a prepositional phrase ("wegen der Kosten") or a genitive attribute of another
# noun ("die Höhe der Kosten") is not what the clause tells the value of.
_GOVERNED = re.compile(
    rf"(?:(?<![\w-])(?i:{_PREPOSITIONS})\s+(?:(?i:{_ARTICLES})\s+)?(?:[\w-]+\s+)?|(?<![\w-])[A-ZÄÖÜ][\w-]*\s+(?i:der|des)\s+(?:[\w-]+\s+)?)$"
)
# What the words before the noun may be looked at in: a few words.
_LOOK_BEFORE = 40


@dataclass(frozen=True)
class _Measures:
    nouns: dict[str, str]  # a measure noun's form, lower case -> its measure
    noun_forms: tuple[str, ...]  # the forms of `nouns`: what a compound of a measure noun ends with
    only_in_compounds: frozenset[str]  # forms (lower case) that measure only as a compound's end
    same_measure: dict[str, str]  # a compound, lower case -> its head's measure
    verbs: frozenset[str]  # forms (lower case) of the verbs that tell a measure's value
    telling_verbs: frozenset[str]  # forms (lower case) of the verbs that tell who gave a figure and when
    value_before: re.Pattern  # the word right before the value ("bei", "auf", "mit")
    value_after_verb: frozenset[str]  # verbs the value follows without a preposition ("beträgt")
    amount_link: re.Pattern  # noun -> amount: " von ", " in Höhe von "
    share_of: re.Pattern  # after a percentage: "der Stimmen"
    share_measure: dict[str, str]  # that phrase, lower case -> its measure
    target_words: frozenset[str]  # words (lower case) that make a clause's figure a target ("empfiehlt", "Ziel")
    aim_modals: frozenset[str]  # modals (lower case) that with an aim verb make one ("soll")
    aim_verbs: frozenset[str]  # verbs (lower case) that with a modal make one ("erreichen")
    subgroup: re.Pattern  # right after a measure noun: "bei den", "unter" opening the group it is of
    periods: dict[str, str]  # a measure -> the period its amounts are per ("mindestlohn" -> "hour")


@lru_cache(maxsize=1)
def _measures() -> _Measures:
    content = require_mapping(LEXICON, load_lexicon(LEXICON), "measure_nouns", "only_in_compounds", "same_measure", "measure_verbs", "telling_verbs",
                              "value_openers", "value_after_verb", "amount_links", "amount_adverbs", "share_of",
                              "target_words", "aim_modals", "aim_verbs",
                              "subgroup_prepositions", "measure_periods")
    mappings = {key: content[key] for key in ("measure_nouns", "same_measure", "share_of", "measure_periods")}
    for key, mapping in mappings.items():
        if not isinstance(mapping, dict) or not all(isinstance(k, str) and k and isinstance(v, str) and v for k, v in mapping.items()):
            raise lexicon_error(LEXICON, f"{key!r} must map words to measures")
    share_of = {phrase.lower(): measure for phrase, measure in mappings["share_of"].items()}
    nouns = {form.lower(): measure for form, measure in mappings["measure_nouns"].items()}
    # A period no rate unit of units.yaml has would leave its measure's amounts in their plain unit
    # without a word (`unit_of_measure`): a misspelt "hours" fails here instead.
    rate_periods = {unit.rsplit("_per_", 1)[1] for unit in measured_units() if "_per_" in unit}
    unknown_periods = sorted(set(mappings["measure_periods"].values()) - rate_periods)
    if unknown_periods:
        raise lexicon_error(LEXICON, f"'measure_periods' names periods no rate unit of units.yaml has: {', '.join(unknown_periods)}")
    return _Measures(
        nouns=nouns,
        noun_forms=tuple(nouns),
        only_in_compounds=frozenset(word.lower() for word in word_list(LEXICON, content, "only_in_compounds")),
        same_measure={compound.lower(): measure for compound, measure in mappings["same_measure"].items()},
        verbs=frozenset(word.lower() for word in word_list(LEXICON, content, "measure_verbs")),
        telling_verbs=frozenset(word.lower() for word in word_list(LEXICON, content, "telling_verbs")),
        value_before=re.compile(r"(?<![\w-])" + word_alternation(word_list(LEXICON, content, "value_openers"), ignore_case=True) + r"\s+$", re.IGNORECASE),
        value_after_verb=frozenset(word.lower() for word in word_list(LEXICON, content, "value_after_verb")),
        # The noun, then a genitive or "für" phrase of a few words ("Vermögenswerte der russischen
        # Zentralbank in Höhe von", "Kosten für den Tunnel von"), then the link, then perhaps an
        # adverb of when ("eine Lücke von zuletzt 30 Milliarden Euro").
        amount_link=re.compile(
            r"(?:\s+(?:der|des|für)(?:\s+[\w-]+){1,4}?)?\s+" + word_alternation(word_list(LEXICON, content, "amount_links"), r"\s+", ignore_case=True)
            + r"\s+(?:" + word_alternation(word_list(LEXICON, content, "amount_adverbs"), ignore_case=True) + r"\s+)?$",
            re.IGNORECASE,
        ),
        share_of=re.compile(r"\s+(" + word_alternation(share_of, r"\s+", ignore_case=True) + r")(?![\w-])", re.IGNORECASE),
        share_measure=share_of,
        target_words=frozenset(word.lower() for word in word_list(LEXICON, content, "target_words")),
        aim_modals=frozenset(word.lower() for word in word_list(LEXICON, content, "aim_modals")),
        aim_verbs=frozenset(word.lower() for word in word_list(LEXICON, content, "aim_verbs")),
        # A preposition and a plural group, with "den" or no article ("bei den über 60-Jährigen",
        # "unter Pflegekräften"); an article of the singular opens an event or a thing ("bei der
        # Wahl", "beim Brand"), which tells when or where, not of whom; a figure right after the
        # preposition is the value ("unter 5 Prozent"), no group.
        subgroup=re.compile(
            r"\s+(" + word_alternation(word_list(LEXICON, content, "subgroup_prepositions"), ignore_case=True)
            + r")\s+(?:den\s+)?(?!(?:der|dem|des|ein|eine|einem|einer|eines)(?![\w-]))(?=[^\W\d])",
            re.IGNORECASE,
        ),
        periods={measure.lower(): period for measure, period in mappings["measure_periods"].items()},
    )


def measured_units() -> frozenset[str]:
    """The units whose figures may name a measure: every currency, and percentages."""
    return frozenset((*unit_families().get("currency", ()), "percent"))


def quantity_measure(text: str, clause: tuple[int, int], start: int, end: int, unit: str) -> str | None:
    """What the figure of `unit` at [start, end) of `text` measures, by its clause `clause`, or None
    (see the module's description): an amount of money or a percentage only."""
    if unit not in measured_units():
        return None
    measures = _measures()
    if _told_as_target(text, clause, measures):
        return None  # "Die WHO empfiehlt eine Impfquote von 75 Prozent": a target, no measured level
    if unit == "percent" and (share := measures.share_of.match(text, end, clause[1])):
        return measures.share_measure[re.sub(r"\s+", " ", share.group(1).lower())]
    if _followed_by_new_value(text, end, clause[1]):
        return None  # "Kosten von 3,6 auf 5,9 Milliarden Euro", "stiegen von 3,6 auf …": the earlier value
    nouns = [(match, _measure_of(match.group(), measures)) for match in _CAPITALISED_WORD.finditer(text, clause[0], start)]
    nouns = [(match, measure) for match, measure in nouns if measure is not None]
    if not nouns:
        return None
    last, last_measure = nouns[-1]
    if measures.amount_link.fullmatch(text, last.end(), start):
        return last_measure  # "Kosten von knapp 5,9 Milliarden Euro"
    told = [(match, measure) for match, measure in nouns if not _GOVERNED.search(text, max(clause[0], match.start() - _LOOK_BEFORE), match.start())]
    if len({measure for _, measure in told}) != 1 or not _value_told(text, clause, start, measures):
        return None
    noun, measure = told[0]
    if not (subgroup := measures.subgroup.match(text, noun.end(), start)):
        return measure
    group = _group_words(text, subgroup.end(), start, measures)
    # "Die Impfquote unter Pflegekräften liegt bei 45 Prozent": the group's own series; a group whose
    # words do not end at a verb of the value is not delimited, and no measure is guessed.
    return f"{measure} {subgroup.group(1).lower()} {' '.join(group)}" if group else None


def unit_of_measure(measure: str | None, unit: str) -> str:
    """The unit of a figure of `measure` told in `unit`: a plain amount of a measure that is per a
    period by what it is (lexicon `measure_periods`: a minimum wage is per hour, child benefit per
    month) is that rate, where units.yaml lists it; any other figure keeps `unit`.

    "Der Mindestlohn steigt auf 13,90 Euro" tells the same hourly wage as "13,90 Euro pro Stunde",
    in the same article or in another that never writes the period: made one unit here, the two are
    one series for every rule. (Taking the unit an article gave the measure first would miss the
    articles that give none, and every rule comparing EUR with EUR_per_hour would have to know which
    measures are per hour anyway.)"""
    if measure is None:
        return unit
    period = _measures().periods.get(measure.split(" ", 1)[0])  # a group's measure: its measure's period
    rate = f"{unit}_per_{period}"
    return rate if period is not None and rate in measured_units() else unit


def told_by_a_telling_verb(text: str, stretch: tuple[int, int]) -> bool:
    """Whether the stretch of a measured figure's clause holds a verb that tells who gave the figure
    and when ("bezifferte", "nannte": `telling_verbs` of lexicons/de/measures.yaml): a day there is
    the day the figure was told, not the period it measures."""
    return any(word.lower() in _measures().telling_verbs for word in _WORD.findall(text, *stretch))


def _measure_of(word: str, measures: _Measures) -> str | None:
    """The measure a noun names: a listed compound's head's, a measure noun's, a compound's own
    (the whole word, without hyphens, in lower case), or None."""
    lowered = word.lower()
    if lowered in measures.same_measure:
        return measures.same_measure[lowered]
    if lowered in measures.nouns:
        return None if lowered in measures.only_in_compounds else measures.nouns[lowered]
    if lowered.endswith(measures.noun_forms):  # one call for all forms, not a Python loop over them per noun
        return lowered.replace("-", "")
    return None


_WORD = re.compile(r"[\w-]+")


# How many words a group after a measure noun may have: "bei den über 60-Jährigen in Bayern".
_GROUP_WORDS = 5


def _group_words(text: str, group_start: int, start: int, measures: _Measures) -> list[str]:
    """The words (lower case) of the group from `group_start` up to the verb that tells the figure at
    `start`, or after it the figure's "bei"/"auf"/"mit" ("Die Impfquote unter Pflegekräften liegt
    bei", "gab die Impfquote bei Kindern mit … an"); none where no such word ends it soon."""
    words = [match.group() for match in _WORD.finditer(text, group_start, start)]
    for count, word in enumerate(words[:_GROUP_WORDS + 1]):
        if word.lower() in measures.verbs or measures.value_before.fullmatch(word + " "):
            return [word.lower() for word in words[:count]]
    return []


def _told_as_target(text: str, clause: tuple[int, int], measures: _Measures) -> bool:
    """Whether the clause tells its figures as a target or a recommendation: a target word anywhere
    in it ("empfiehlt", "Ziel", "angestrebt"), or a modal with a verb of reaching ("soll … erreichen")."""
    words = {word.lower() for word in _WORD.findall(text, clause[0], clause[1])}
    return bool(words & measures.target_words) or bool(words & measures.aim_modals and words & measures.aim_verbs)


_NEW_VALUE_AFTER = re.compile(r"\s+auf(?![\w-])", re.IGNORECASE)


def _followed_by_new_value(text: str, end: int, clause_end: int) -> bool:
    return _NEW_VALUE_AFTER.match(text, end, clause_end) is not None



def _value_told(text: str, clause: tuple[int, int], start: int, measures: _Measures) -> bool:
    """Whether the clause tells the figure at `start` as a value by a measure verb: the verb anywhere in
    the clause and the figure right after "bei", "auf" or "mit" ("lag bei", "wird auf … geschätzt"),
    or the figure with no preposition before it in the clause of a verb that takes its value so
    ("beträgt 5,9 Milliarden", "soll 92 Milliarden Euro betragen")."""
    words = [word.lower() for word in _WORD.findall(text, clause[0], clause[1])]
    if not measures.verbs.intersection(words):
        return False
    if measures.value_before.search(text, max(clause[0], start - 8), start):
        return True
    # "Die Kosten betragen 5,9 Milliarden Euro", "Die Neuverschuldung soll 92 Milliarden Euro betragen":
    # the verb before or after, and no preposition of another phrase right before the figure ("um").
    return bool(measures.value_after_verb.intersection(words)) and not _PREPOSITION_BEFORE.search(text, max(clause[0], start - 16), start)
