"""Quantity claims: a figure with what it counts, how exact it is, whose it is, where, and who says so.

A numeral becomes a claim only with a counted noun after it ("150.000 Soldaten"), a count noun
before it ("Die Zahl der Toten stieg auf 42", "Die Opferzahl stieg auf 57") or a verb of dying or
being hurt right after it ("mehr als 50 wurden verletzt"); that alone keeps years, times, page
counters and ordinals out. Qualifiers turn the figure into an interval (`qualifiers.yaml`), units
normalise the noun (`units.yaml`; people counted with a casualty verb are deaths, injured or
missing; money is its currency's ISO code, the adjective deciding words of several currencies:
"kanadische Dollar" → CAD, bare "Kronen" no claim), the gazetteer gives actor and location, `attribution` the source. A change is not a
level: "um 2000 gestiegen" and "10.000 mehr als im Vorjahr" are claims with `quantity_role`
"change", "12 weitere Menschen starben" one with role "addition", "weitere 10.000 Soldaten an die
Grenze verlegt" one with role "deployment" (`increment_kind`, units.yaml `increments`); only
figures with role "level" are counts that rules compare as a series.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.document import Document, Sentence, clause_end
from checker.extract.alternation import matched_key, word_alternation
from checker.extract.attribution import (
    Accusation,
    Attribution,
    actor_of,
    claim_window,
    counted_country,
    determiners,
    ends_prepositional_cue,
    find_attribution,
    find_attribution_and_accusation,
    names_unknown_speaker,
    resolve_speaker,
    takes_up_speaker,
)
from checker.extract.companies import company_mentions
from checker.extract.currency_before import currency_before
from checker.extract.energy_prices import price_per_energy
from checker.extract.dates import is_comparison_base
from checker.extract.dates_context import ZU_INFINITIVE
from checker.extract.denied_figures import is_denied
from checker.extract.event_dates import dates_an_event_not_the_count
from checker.extract.gazetteer import ADJECTIVE_ENDINGS, OFFSHORE_PLACE_TYPES, PLACE_TYPES, EntityMatch, load_gazetteer
from checker.extract.lazy_pattern import LazyPattern
from checker.extract.measures import quantity_measure, told_by_a_telling_verb, unit_of_measure
from checker.extract.numbers import Numeral, find_numerals, has_grouped_digits, parse_number, scale_of, sign_before
from checker.lexicon import lexicon_error, load_lexicon, require_mapping, word_list
from checker.schema import QUALIFIERS, Claim
from checker.units import AmbiguousUnit, UnitEntries, unit_entries, unit_families

# How many skippable words ("weitere", "russische") may stand between a numeral and its noun.
MAX_WORDS_BEFORE_UNIT = 3
# How far back a qualifier or a count noun is looked for, in characters. A count noun may stand
# well before its figure: "Die Zahl der Flüchtlinge aus der Region ist nach Angaben der armenischen
# Regierung auf 88.780 gestiegen" (no punctuation or conjunction may come between, `segment_break`).
QUALIFIER_WINDOW = 40
COUNT_NOUN_WINDOW = 140
# How far before a figure its period adverb and a link may start: "wöchentlich von" is the longest.
RATE_ADVERB_WINDOW = 20
# A comma or colon between digits is part of a number ("2,5 Millionen", "8:15 Uhr"), not a break.
_PUNCTUATION_BREAK = r"(?<!\d)[,:]|[,:](?!\d)|[;()\"«»„“”]|\s[-–]\s"
# Every break, punctuation or conjunction, starts with one of these characters. Testing that first
# lets a search pass over a word at one test per character instead of one per alternative (~7x
# faster through a long sentence without a break).
_BREAK_START = r"(?=[,:;()\"«»„“”\s])"
_CLAUSE_BREAK = re.compile(_BREAK_START + "(?:" + _PUNCTUATION_BREAK + ")")
_ACTOR_TYPES = ("country", "city", "organisation", "group", "person")
_WORD = re.compile(r"[\w-]+")
# One character inside a sentence or a clause: a full stop or comma only between digits ("500.000", "11,8").
_WITHIN_SENTENCE = r"(?:[^.!?;:]|(?<=\d)[.:](?=\d))"
_WITHIN_CLAUSE = r"(?:[^,.!?;:]|(?<=\d)[.,](?=\d))"
_YEAR = re.compile(r"1[89]\d\d|20\d\d")


@dataclass(frozen=True)
class _Qualifiers:
    # A qualifier phrase ending right where the numeral starts, read backwards: matched at the start of
    # the reversed text before the numeral, it is one attempt instead of a search through that text.
    reversed_before_numeral: re.Pattern
    kind_of: dict[str, str]  # lower-cased phrase -> qualifier
    widths: dict[str, float]
    opening: re.Pattern  # "zwischen" right before the first numeral of a range
    joiner: re.Pattern  # what may stand between the two numerals of a range
    joiner_needs_opening: frozenset[str]
    among_one_of: frozenset[str]  # "einer unter 30 Bewerbern": "unter" is "among" (qualifiers.yaml `among`)
    among_survey: re.Pattern  # a noun of asking or choosing among a group: "Umfrage", "Langzeitstudie"
    among_not_after: frozenset[str]  # prepositions that govern the noun after "unter" themselves
    among_singular: frozenset[str]  # determiners of a singular noun only: "ein Sieger unter 60 Teilnehmern"
    among_survey_links: frozenset[str]  # lower-case words that join a survey noun to its "unter": "Umfrage des Rats unter"
    about_before: re.Pattern  # "Berichte über" at the end of the text before a figure: "über" is "about" (qualifiers.yaml `about_after`)
    # "Scheck über", "verfügt im Landtag über", "verfügt über 41 Sitze, die SPD über" at the end of the
    # text before a figure, and "verfügt" ending the figure's clause: "über" is "in the amount of"
    # (qualifiers.yaml `amount_after`, `amount_verbs`)
    amount_before: re.Pattern
    amount_verb_after: re.Pattern
    down_to: frozenset[str]  # "bis zu" before a figure below zero: as low as it (qualifiers.yaml `down_to`)


@lru_cache(maxsize=1)
def _qualifiers() -> _Qualifiers:
    name = "qualifiers"
    content = require_mapping(name, load_lexicon(name), "widths", "qualifiers", "range")
    widths = content["widths"]
    if not isinstance(widths, dict) or not all(
        isinstance(width, (int, float)) and 0 <= width < 1 for width in widths.values()
    ):
        raise lexicon_error(name, "'widths' must map qualifiers to fractions between 0 and 1")
    for needed in ("approx", "almost", "over"):
        if needed not in widths:
            raise lexicon_error(name, f"'widths' misses {needed!r}")
    kind_of: dict[str, str] = {}
    qualifiers = content["qualifiers"]
    if not isinstance(qualifiers, dict):
        raise lexicon_error(name, "'qualifiers' must map qualifier names to phrases")
    for kind, phrases in qualifiers.items():
        if kind not in QUALIFIERS:
            raise lexicon_error(name, f"unknown qualifier {kind!r}; expected one of {QUALIFIERS}")
        for phrase in word_list(name, qualifiers, kind):
            kind_of[" ".join(phrase.lower().split())] = kind
    range_words = require_mapping(name, content["range"], "opening", "joiners")
    amount_verbs = word_alternation(word_list(name, content, "amount_verbs")) + r"(?![\w-])"
    among = require_mapping(name, content.get("among"), "one_of", "surveys", "prepositions", "singular_determiners", "survey_links")
    joiners = word_list(name, range_words, "joiners")
    return _Qualifiers(
        reversed_before_numeral=re.compile(
            r"\s*(?P<phrase>" + word_alternation([phrase[::-1] for phrase in kind_of], r"\s+", ignore_case=True) + r")(?![\w.])",
            re.IGNORECASE,
        ),
        kind_of=kind_of,
        widths={kind: float(width) for kind, width in widths.items()},
        opening=re.compile(r"(?<!\w)" + word_alternation(word_list(name, range_words, "opening"), ignore_case=True) + r"\s+$", re.IGNORECASE),
        joiner=re.compile(r"\s*(?P<joiner>" + word_alternation(joiners, r"\s+") + r")\s*"),
        joiner_needs_opening=frozenset(joiner for joiner in joiners if joiner.isalpha() and joiner != "bis"),
        among_one_of=frozenset(word.lower() for word in word_list(name, among, "one_of")),
        among_survey=re.compile(
            r"(?<![\w-])(?=[A-ZÄÖÜ])[\w-]*?(?i:" + word_alternation(word_list(name, among, "surveys"), ignore_case=True) + r")(?![\w-])"
        ),
        among_not_after=frozenset(word.lower() for word in word_list(name, among, "prepositions")),
        among_singular=frozenset(word.lower() for word in word_list(name, among, "singular_determiners")),
        among_survey_links=frozenset(word.lower() for word in word_list(name, among, "survey_links")),
        about_before=re.compile(
            r"(?<![\w-])(?=[A-ZÄÖÜ])[\w-]*?(?i:" + word_alternation(word_list(name, content, "about_after"), ignore_case=True) + r")\s+über\s+$", re.IGNORECASE
        ),
        amount_before=re.compile(
            r"(?:(?<![\w-])(?-i:(?=[A-ZÄÖÜ]))[\w-]*?" + word_alternation(word_list(name, content, "amount_after"), ignore_case=True)
            # a genitive between: "ein Gesuch Deutschlands über", "der Antrag der Stadt über" (a noun
            # written as one, not any word of an all-caps text: "PAKET VON ÜBER")
            + r"(?:\s+(?:(?:des|der)\s+)?(?-i:[A-ZÄÖÜ][a-zäöüß])[\w-]*)?"
            # "verfügt nach dem Wechsel zweier Abgeordneter inzwischen über": up to eight words between,
            # none of them another "über" ("verfügt über ein Stadion mit über 40.000 Plätzen" is more than that).
            + r"|(?<![\w-])" + amount_verbs + r"(?:(?:\s+(?!über(?![\w-]))[\w-]+){0,8}|\s" + _WITHIN_SENTENCE + r"*?,\s*(?:(?:der|die|das)\s+)?[\w-]+))"
            + r"\s+über\s+$", re.IGNORECASE
        ),
        amount_verb_after=re.compile(_WITHIN_CLAUSE + r"{0,80}?\s" + amount_verbs + r"\s*(?:[,.;:!?)]|$)", re.IGNORECASE),
        down_to=frozenset(" ".join(phrase.lower().split()) for phrase in word_list(name, content, "down_to")),
    )


@dataclass(frozen=True)
class _Units:
    unit_after: re.Pattern  # skippable words, then the counted noun, right after a numeral
    joined_noun: re.Pattern  # a second counted noun the figure also counts: "100 Tote und Vermisste"
    unit_of: dict[str, str]  # form -> unit (lower-cased for compound forms)
    compound_forms: frozenset[str]
    of_place: frozenset[str]
    denominators: re.Pattern
    continued_count: re.Pattern  # "waren es", "es sind" (and a few words) right before a figure
    referring_count: re.Pattern  # "die Zahl" with no genitive (and a few words) right before a figure
    continued_end: re.Pattern  # the clause's end (after "gewesen" at most) right after a continuing figure
    tally_after: re.Pattern  # "zu" and the other figure of a tally right after a figure: "mit 63 zu 55 Stimmen"
    gapped_vote: re.Pattern  # "mit Nein", "dagegen" right after a bare figure, at a clause's end
    gapped_vote_unit: dict[str, str]  # lower-cased, single-spaced cue -> vote unit
    inverted_vote_after: re.Pattern  # a vote verb right before a figure ("stimmten 38 …")
    inverted_vote_direction_after: re.Pattern  # "mit Ja", "gegen" right after the counted noun
    inverted_vote_direction_before: re.Pattern  # "Dafür" right before the vote verb
    inverted_vote_unit: dict[str, str]  # lower-cased, single-spaced direction -> vote unit
    rate_after: re.Pattern  # "pro Tag", "Wasser je Sekunde", "täglich", "im Jahr" right after a counted noun
    um_before: re.Pattern  # "um", "um insgesamt" right before a figure: the size of a change
    balance_before: re.Pattern  # "Minus von" right before an amount: a deficit, no change
    rate_before: re.Pattern  # "täglich", "jährlich von" right before a figure: "verkehren täglich rund 180 Züge"
    rate_opening: re.Pattern  # "Täglich rollen": a period adverb opening the clause, its verb right before the figure
    rate_period: dict[str, str]  # period noun, adverb or phrase ("im Jahr") -> period name
    part_link: re.Pattern  # between a part and its whole: "32 der 88 Sitze", "52 ihrer 186 Filialen"
    subset_cue: re.Pattern
    remainder_word: re.Pattern  # "übrigen", "restlichen": a word of the rest of a whole ("die übrigen zwei Bewerber")
    ellipsis_words: frozenset[str]  # the lower-case words a verbless clause before a bare figure may hold
    ellipsis_speech_verbs: frozenset[str]  # verbs of reporting a gapped clause may repeat ("Verdi sprach von 5000")
    ellipsis_account_nouns: frozenset[str]  # "…, nach eigenen Angaben 111": a noun before the bare figure that is no label
    ellipsis_count_genitives: frozenset[str]  # "…, die der Verletzten mit 84": a demonstrative's genitive, no subject
    count_noun: re.Pattern
    count_compound: re.Pattern
    year_cue: re.Pattern
    border: re.Pattern
    border_link: re.Pattern
    town_before_border: re.Pattern  # what joins a town to a border phrase describing it ("Emmerich an der …"), up to that phrase
    location_prepositions: frozenset[str]
    offshore_before: re.Pattern  # "vor" right before a sea or an island
    coast_before: re.Pattern  # "vor der Küste (von)" right before a place
    offshore_article_before: re.Pattern  # "vor der" right before a place's adjective ("vor der libyschen Küste")
    coast_after: re.Pattern  # "Küste" right after a place's adjective
    route_unit_endings: tuple[str, ...]  # units of journeys, whose "nach X" is a destination
    diversion_after: re.Pattern  # "umgeleitet" right after a place: "nach Stuttgart umgeleitet" is a destination
    sector_after: re.Pattern  # " Hotellerie" right after a state's adjective: where a figure counts
    named_facility_before: re.Pattern  # "des Flughafens " right before a place: the place completes the facility's name
    object_prepositions: frozenset[str]
    object_attribute_before: re.Pattern  # "gegen die Politik der " right before a name: the object's genitive attribute
    origin_after: re.Pattern  # "aus (den)" between counted people and the place they come from
    armed_forces_after: re.Pattern  # "der chinesischen Luftwaffe" right after the counted noun; group `owner`
    origin_is_actor_units: frozenset[str]  # units whose "aus X" names who acts: "aus Deutschland abgeschoben"
    candidate_units: frozenset[str]  # units of a party's or candidate's figures: seats, votes, delegates
    candidate_party_before: re.Pattern  # "mit seiner" right before the party a candidate's figure belongs to
    segment_break: re.Pattern
    correction: re.Pattern  # "nicht auf 70 gestiegen, sondern ": a denial and its correction, one segment
    determiners: frozenset[str]
    casualty_of: frozenset[str]  # units a casualty cue turns into death / injured / missing
    casualty_units: frozenset[str]  # death, injured, missing
    casualty_cue: re.Pattern  # one named group per casualty unit
    casualty_not_after: frozenset[str]
    casualty_negation: re.Pattern
    plural_articles: frozenset[str]
    casualty_not_for_one: frozenset[str]  # cue forms that do not count one person ("tötete": the killer)
    casualty_units_not_for_one: frozenset[str]  # units whose cues never count one person ("evakuiert": a place, mostly)
    hospital_stay: re.Pattern  # "im Krankenhaus": where the injured a figure counts still stay
    hospital_stay_unit: str
    one_person: re.Pattern  # "Ein Mensch", "ein 58-jähriger Fahrgast", "einer": one person before a cue
    additive_before: re.Pattern  # "weitere" right before a figure
    additive_word: re.Pattern
    additive_after: re.Pattern  # "zusätzlich" right after the counted noun: "sieben Personen zusätzlich"
    new_noun: re.Pattern  # a noun of new ones ("Neuinfektionen"), at a word start or after a hyphen
    deployment: re.Pattern
    transport: re.Pattern  # a verb of taking people somewhere: a sending only with a destination
    deployment_noun_before: re.Pattern  # "Verlegung von" right before a figure
    destination_before: re.Pattern  # "nach", "in die" right before a place
    change_word: re.Pattern
    change_noun_before: re.Pattern  # "<change noun> von|um" right before a figure
    change_noun: re.Pattern  # a change noun anywhere ("Erhöhung der Löhne um …")
    comparative_after: re.Pattern  # "mehr", "weniger" right after a figure or its noun
    comparative_after_um: re.Pattern  # "unter", "über" right after "um N" and its noun
    change_units: frozenset[str]
    loss_and_gain_verb: re.Pattern  # "verlor", "legte": a percentage in their clause is a change
    gain_verb: re.Pattern  # "gewann": a change only with a market noun in the clause
    market_noun: re.Pattern
    cut_verb: re.Pattern  # "abbauen", "baut … ab": any figure in the clause is a cut
    cancelled_unit_endings: tuple[str, ...]  # units of journeys and events, which a cut verb calls off
    expectation_word: re.Pattern  # "gerechnet", "erwartet" with a pluperfect: the figure was expected, no claim
    expectation_auxiliary: re.Pattern
    possibility_modal: re.Pattern  # "kann", "könnte": with a change word and "auf N", the figure is a potential
    demand_before: re.Pattern  # "fordert" and lower-case words only, right before a figure
    demand_not_for: frozenset[str]  # units a demand verb takes as a toll ("forderte 190 Todesopfer")
    cap_before: re.Pattern  # "Obergrenze von" right before a figure
    unit_after_caps: LazyPattern  # unit_after for an all-caps headline ("RUND 150.000 SOLDATEN")
    unit_of_caps: dict[str, str]  # upper-cased form -> unit
    other_after: re.Pattern  # adjectives, then any noun right after a numeral ("vierzehn ausländische Verlage")
    not_between: frozenset[str]
    known_units: frozenset[str]  # the units above; any other unit is a noun of `other_nouns`
    not_counted: frozenset[str]  # lower-cased nouns that make a figure no count ("fünf Jahre")
    not_counted_endings: tuple[str, ...]
    label_before: re.Pattern  # "§ ", "§§ 212, ", "Az. ": the figure after it labels a law or a file, at the end of a window
    label_nouns: frozenset[str]  # lower-cased nouns a number after names a thing of: "Artikel 5", "Flug 447"
    phrase_prepositions: frozenset[str]  # prepositions that open a phrase before a figure ("wegen Listerien acht Produkte")
    verbs_before_subject: frozenset[str]  # finite verbs a bare subject follows in verb-second order ("Bislang hat Deutschland")
    group_openers: frozenset[tuple[str, ...]]  # ("unter", "den"): a plural group the figure after its noun counts members of
    group_opening: re.Pattern  # "unter den (20) Toten": a group opener and the noun of the group, a whole of the figures after it
    plural_ending: re.Pattern  # a plural ending of singular_of_plural_ending at a noun's end, the longest
    singular_of_plural_ending: dict[str, str]  # "isten" -> "ist"
    singular_en_endings: tuple[str, ...]  # a final -en the singular has too ("Abkommen")
    s_plural_endings: tuple[str, ...]  # a vowel and -s: the plural of a loanword ("Kitas")
    singular_s_endings: tuple[str, ...]  # an ending with -s the singular has too ("Ergebnis")
    citizen_nouns: frozenset[str]  # "Staatsangehörige": after a country's adjective, a count of its people
    nationals: dict[str, str]  # lower-cased country adjective stem -> unit of its people ("deutsch" -> "deutsche")
    share_cue: re.Pattern  # a fraction noun ("Drittel", "Hälfte") or "jeder dritte"
    share_count_before: re.Pattern  # the count and an adjective before a fraction noun, at the end of a window
    share_nouns: dict[str, int]  # fraction noun -> denominator
    share_ordinals: dict[str, int]  # lower-cased ordinal -> denominator
    share_not_after: frozenset[str]
    share_whole_noun: re.Pattern  # adjectives, then the noun after the whole of "drei von zehn …"
    share_populations: tuple[str, ...]  # lower-cased population nouns; a compound ending in one is one
    ambiguous: dict[str, AmbiguousUnit]  # ambiguous word (a unit_of value) -> how to resolve it
    country_adjective: re.Pattern  # a stem of a country adjective, at its end
    measures: frozenset[str]  # units of amounts and measures ("unter 200 Euro" is never "among")
    below_zero_units: frozenset[str]  # units a sign after the figure may turn negative ("fünf Grad unter Null")
    below_zero_after: re.Pattern  # that sign, right after the counted noun
    below_zero_forms: frozenset[str]  # forms that are negative themselves ("zehn Minusgrade")
    age_after: re.Pattern  # "-jährige" right after a figure: an age
    age_between: re.Pattern  # " 17-jährige" after a figure; " 17-Jährige" a noun (group "unit")
    heads_after: re.Pattern  # "-köpfige Delegation" right after a figure: a count of people, the noun in group "unit"
    heads_unit: str
    unit_before: re.Pattern  # a noun naming the unit right before a figure ("Tempo 130"), at the end of a window
    unit_of_word_before: dict[str, str]


def _casualty_cue(
    name: str, content: dict, units: dict[str, str]
) -> tuple[frozenset[str], re.Pattern, frozenset[str], re.Pattern, frozenset[str], frozenset[str], frozenset[str]]:
    casualties = require_mapping(
        name, content["casualties"], "of_units", "cues", "not_after", "negations", "plural_articles", "not_for_one", "not_for_one_units"
    )
    known = set(units.values())
    of_units = word_list(name, casualties, "of_units")
    cues = casualties["cues"]
    if not isinstance(cues, dict) or not cues:
        raise lexicon_error(name, "'casualties.cues' must map units to cue words")
    not_for_one_units = word_list(name, casualties, "not_for_one_units")
    for unit in [*of_units, *cues, *not_for_one_units]:
        if unit not in known:
            raise lexicon_error(name, f"casualties: unknown unit {unit!r}")
    groups = []
    for unit in sorted(cues):
        variants, separable = set(), []
        for form in word_list(name, cues, unit):
            if _GAP in form:
                # "nahm … fest": a separable verb, its particle after the figure and up to a few words.
                verb, particle = (part.strip() for part in form.split(_GAP))
                separable.append(re.escape(verb) + r"\s+(?:[^\s,;:.!?]+\s+){1,8}?" + re.escape(particle))
                continue
            variants.add(form)
            if not form.endswith(("e", "en")):
                variants.add(form[:1].upper() + form[1:])  # sentence-initial "Getötet wurden …"
        # The leftmost cue wins, so "tödlich verletzt" (death) is found before its "verletzt".
        groups.append(f"(?P<{unit}>" + "|".join([word_alternation(variants, r"\s+"), *separable]) + ")")
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])")
    plural_articles = frozenset(word.lower() for word in word_list(name, casualties, "plural_articles"))
    negation = _whole_words(word_list(name, casualties, "negations"))
    not_after = frozenset(word.lower() for word in word_list(name, casualties, "not_after"))
    not_for_one = frozenset(word_list(name, casualties, "not_for_one"))
    return frozenset(of_units), pattern, not_after, negation, plural_articles, not_for_one, frozenset(not_for_one_units)


_GAP = "…"  # in a cue form: the words of the clause between a separable verb and its particle


def _whole_words(words: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + word_alternation(words, ignore_case=True) + r"(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _units() -> _Units:
    name = "units"
    content = require_mapping(
        name,
        load_lexicon(name),
        "units",
        "not_between",
        "adverbs_before_adjective",
        "denominators",
        "continued_count",
        "referring_count",
        "continued_count_participles",
        "tally_joiners",
        "gapped_votes",
        "rate_periods",
        "rate_adverbs",
        "rate_phrases",
        "rate_phrase_not_before",
        "rate_adverb_links",
        "subset_cues",
        "remainder_words",
        "part_links",
        "part_whole_adverbs",
        "count_nouns",
        "count_links",
        "count_phrase_prepositions",
        "year_cues",
        "border_nouns",
        "border_links",
        "town_border_prepositions",
        "location_prepositions",
        "offshore_prepositions",
        "coast_nouns",
        "object_prepositions",
        "origin_prepositions",
        "armed_forces_owners",
        "origin_is_actor_units",
        "candidate_units",
        "candidate_party_prepositions",
        "segment_conjunctions",
        "correction_negations",
        "correction_conjunctions",
        "joined_noun_links",
        "casualties",
        "increments",
        "other_nouns",
        "shares",
        "country_adjective_endings",
        "measures",
        "below_zero",
        "figure_adjectives",
        "ellipsis_words",
        "ellipsis_speech_verbs",
        "ellipsis_account_nouns",
        "ellipsis_count_genitives",
        "units_before",
        "hospital_stay",
    )
    unit_of: dict[str, str] = {}
    compound_forms: set[str] = set()
    of_place: set[str] = set()
    checked = unit_entries()
    for unit, entry in checked.entries.items():
        for form in word_list(name, entry, "forms"):
            if unit_of.get(form, unit) != unit:
                raise lexicon_error(name, f"form {form!r} belongs to both {unit_of[form]!r} and {unit!r}")
            unit_of[form] = unit
            if entry.get("compounds"):
                compound_forms.add(form.lower())
                unit_of.setdefault(form.lower(), unit)
        if entry.get("of_place"):
            of_place.add(unit)
    not_between = word_list(name, content, "not_between")
    # An adjective with its adverb, even one of `not_between`: "500 nicht lieferbare Medikamente".
    graded_adjective = (r"(?:" + word_alternation(word_list(name, content, "adverbs_before_adjective")) + r")\s+"
                        + r"[a-zäöüß][\w-]*(?:e|en|er|es|em)(?![\w-])")
    skippable = (r"(?:" + graded_adjective + r"|(?!" + word_alternation(not_between)
                 + r"(?![\w-]))(?:[a-zäöüß][\w-]*|[A-ZÄÖÜ]{1,4}-[a-zäöüß][\w-]*)(?![\w-]))")
    exact = word_alternation(form for form in unit_of if form not in compound_forms or form[:1].isupper() or not form[:1].isalpha())
    compound = word_alternation(compound_forms)
    # The truncated first noun of two joined ones shares the second's last part, which decides the
    # unit: "40 Staats- und Regierungschefs" counts heads, "Bus- und Bahnfahrer" drivers.
    truncated_noun = r"(?:[A-ZÄÖÜ][\w]*-\s+" + word_alternation(word_list(name, content, "joined_noun_links")) + r"\s+)?"
    unit_after = re.compile(
        r"(?:\s+" + skippable + r"){0," + str(MAX_WORDS_BEFORE_UNIT) + r"}\s*" + truncated_noun +
        # A compound's last part decides its unit, whatever its first parts: "Leopard-2A8-Panzer", "F-35-Kampfjets".
        r"(?P<unit>(?P<exact>" + exact + r")|(?P<prefix>[A-ZÄÖÜ][\w]*(?:-[\w]+)*-?)(?P<compound>(?i:" + compound + r")))"
        r"(?![\w])"
    )
    # All-caps headlines: the same forms in capitals, adjectives in capitals between.
    unit_of_caps: dict[str, str] = {}
    for form, unit in unit_of.items():
        if len(form) > 1 and any(char.isalpha() for char in form) and unit_of_caps.setdefault(form.upper(), unit) != unit:
            raise lexicon_error(name, f"form {form!r} in capitals belongs to two units")
    caps_skippable = r"(?:(?!" + word_alternation(word.upper() for word in not_between) + r"(?![\w-]))[A-ZÄÖÜ][A-ZÄÖÜß-]*(?![\w-]))"
    unit_after_caps = LazyPattern(  # all-caps text is rare: compiled (~4 ms) at its first use
        r"(?:\s+" + caps_skippable + r"){0," + str(MAX_WORDS_BEFORE_UNIT) + r"}\s*"
        r"(?P<unit>(?P<exact>" + word_alternation(unit_of_caps) + r")"
        r"|(?P<prefix>[A-ZÄÖÜ]+-?)(?P<compound>" + word_alternation(form.upper() for form in compound_forms) + r"))(?![\w])"
    )
    other = require_mapping(
        name, content["other_nouns"], "not_counted", "not_counted_endings", "singular_of_plural_endings", "singular_en_endings",
        "s_plural_endings", "singular_s_endings", "label_signs", "label_joiners", "label_nouns", "phrase_prepositions",
        "verbs_before_subject", "group_openers", "citizen_nouns", "nationals",
    )
    plural_endings = other["singular_of_plural_endings"]
    if not isinstance(plural_endings, dict) or not all(
        isinstance(ending, str) and ending.isalpha() and ending.islower() and isinstance(singular, str) and singular.isalpha()
        for ending, singular in plural_endings.items()
    ):
        raise lexicon_error(name, "'other_nouns.singular_of_plural_endings' must map lower-case endings to endings")
    adjective = r"(?!" + word_alternation(not_between) + r"(?![\w-]))[a-zäöüß][\w-]*(?:e|en|er|es|em)(?![\w-])"
    shares = require_mapping(name, content["shares"], "nouns", "ordinals", "not_after", "populations")
    share_nouns, share_ordinals = shares["nouns"], shares["ordinals"]
    for key in ("nouns", "ordinals"):
        if not isinstance(shares[key], dict) or not all(isinstance(v, int) and v > 1 for v in shares[key].values()):
            raise lexicon_error(name, f"'shares.{key}' must map words to denominators above 1")
    count_nouns = word_list(name, content, "count_nouns")
    count_noun = re.compile(
        r"(?<![\w-])" + word_alternation(count_nouns) + r"\s+" + word_alternation(word_list(name, content, "count_links")) + r"\s+"
        # "Zahl der im Paznaun eingeschlossenen Menschen": a place after a preposition, then adjectives;
        # "Zahl der von der Afrikanischen Schweinepest betroffenen Höfe", "von der Maul- und
        # Klauenseuche betroffenen": a cause of one or two names after a preposition, then the participle.
        r"(?:" + word_alternation([*word_list(name, content, "location_prepositions"), *word_list(name, content, "count_phrase_prepositions")])
        + r"\s+(?:[a-zäöüß]+\s+)?[A-ZÄÖÜ][\w-]*(?:\s+(?:" + word_alternation(word_list(name, content, "joined_noun_links"))
        + r"\s+)?[A-ZÄÖÜ][\w-]*)?\s+)?"
        r"(?:[a-zäöüß][\w-]*\s+){0,2}"
        r"(?:(?:[A-ZÄÖÜ][\w]*-)?(?P<unit>" + exact + r")"  # "Zahl der Corona-Neuinfektionen"
        r"|[A-ZÄÖÜ][\w]*?-?(?P<compound>(?i:" + compound + r"))"  # "Zahl der Verkehrstoten"
        r"|(?P<other>[A-ZÄÖÜ][\w-]*))(?![\w])"  # "Zahl der Eingeschlossenen": a noun no unit names
    )
    # A count noun made of the counted one: "Die Opferzahl stieg auf 57", "Totenzahl", "Einwohnerzahl".
    count_compound = re.compile(r"(?<![\w-])(?P<unit>" + exact + r")s?zahl(?:en)?(?![\w-])")
    conjunctions = word_list(name, content, "segment_conjunctions")
    rate_periods, rate_adverbs = _rate_words(name, content, "rate_periods"), _rate_words(name, content, "rate_adverbs")
    rate_phrases = _rate_words(name, content, "rate_phrases")
    gapped_votes = content["gapped_votes"]
    inverted_votes = require_mapping(name, content["inverted_votes"], "verbs", "after", "before")
    word_list(name, inverted_votes, "verbs")
    for direction in ("after", "before"):
        cues = inverted_votes[direction]
        if not isinstance(cues, dict) or not all(isinstance(cue, str) and unit in unit_of.values() for cue, unit in cues.items()):
            raise lexicon_error(name, f"'inverted_votes.{direction}' must map cues to units listed in 'units'")
    if not isinstance(gapped_votes, dict) or not all(isinstance(cue, str) and unit in unit_of.values() for cue, unit in gapped_votes.items()):
        raise lexicon_error(name, "'gapped_votes' must map cues to units listed in 'units'")
    articles = word_alternation(determiners())
    offshore = r"(?<![\w-])" + word_alternation(word_list(name, content, "offshore_prepositions"), ignore_case=True)
    coast = word_alternation(word_list(name, content, "coast_nouns"))
    casualty_of, casualty_cue, casualty_not_after, casualty_negation, plural_articles, not_for_one, not_for_one_units = _casualty_cue(name, content, unit_of)
    hospital_stay = require_mapping(name, content["hospital_stay"], "unit", "places")
    if hospital_stay["unit"] not in checked.entries:
        raise lexicon_error(name, f"hospital_stay: unknown unit {hospital_stay['unit']!r}")
    increments = require_mapping(
        name, content["increments"], "additive", "deployment_stems", "transport_stems", "destination_prepositions", "change_words", "change_nouns", "comparatives", "change_units",
        "new_nouns", "loss_and_gain_verbs", "gain_verbs", "market_nouns", "cut_verbs", "cut_separable", "cancelled_unit_endings", "expectation_words",
        "expectation_auxiliaries", "possibility_modals", "demand_verbs", "demand_beneficiary_prepositions", "demand_not_for", "cap_nouns",
        "adverbs_after_um", "balance_nouns", "additive_after",
    )
    cut_separable = increments["cut_separable"]
    if not isinstance(cut_separable, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in cut_separable.items()):
        raise lexicon_error(name, "'increments.cut_separable' must map verb forms to their particle")
    separable = "|".join(
        r"(?<![\w-])" + re.escape(verb) + r"(?![\w-]).*?(?<![\w-])" + re.escape(particle) + r"(?![\w-])"
        for verb, particle in sorted(cut_separable.items())
    )
    change_units = word_list(name, increments, "change_units")
    for unit in change_units + word_list(name, increments, "demand_not_for"):
        if unit not in unit_of.values():
            raise lexicon_error(name, f"increments: unknown unit {unit!r}")
    units_before = content["units_before"]
    if not isinstance(units_before, dict) or not all(isinstance(unit, str) and unit in unit_of.values() for unit in units_before.values()):
        raise lexicon_error(name, "'units_before' must map nouns to units listed in 'units'")
    additive = word_alternation(word_list(name, increments, "additive"), ignore_case=True)
    deployment_stems = word_alternation(word_list(name, increments, "deployment_stems"), ignore_case=True)
    destination_prepositions = word_alternation(word_list(name, increments, "destination_prepositions"), r"\s+", ignore_case=True)
    change_nouns = word_alternation(word_list(name, increments, "change_nouns"), ignore_case=True)
    return _Units(
        unit_after=unit_after,
        joined_noun=re.compile(
            r"\s+" + word_alternation(word_list(name, content, "joined_noun_links")) + r"\s+(?P<unit>" + exact + r")(?![\w])"
        ),
        unit_of=unit_of,
        compound_forms=frozenset(compound_forms),
        of_place=frozenset(of_place),
        denominators=re.compile(r"(?<![\w-])" + word_alternation(word_list(name, content, "denominators"), ignore_case=True) + r"\s+$", re.IGNORECASE),
        gapped_vote=re.compile(
            r"\s+(?P<cue>" + word_alternation(gapped_votes, r"\s+", ignore_case=True) + r")\s*(?:[.,;!?]|$)",
            re.IGNORECASE,
        ),
        gapped_vote_unit={cue.lower(): unit for cue, unit in gapped_votes.items()},
        inverted_vote_after=re.compile(r"(?<![\w-])" + word_alternation(inverted_votes["verbs"]) + r"\s+$", re.IGNORECASE),
        inverted_vote_direction_after=re.compile(r"\s+(?P<cue>" + word_alternation(inverted_votes["after"], whitespace=r"\s+") + r")(?![\w-])", re.IGNORECASE),
        inverted_vote_direction_before=re.compile(
            r"(?<![\w-])(?P<cue>" + word_alternation(inverted_votes["before"], whitespace=r"\s+") + r")\s+" + word_alternation(inverted_votes["verbs"]) + r"\s+$",
            re.IGNORECASE,
        ),
        inverted_vote_unit={cue.lower(): unit for direction in ("after", "before") for cue, unit in inverted_votes[direction].items()},
        continued_count=re.compile(
            r"(?<![\w-])" + word_alternation(word_list(name, content, "continued_count"), r"\s+", ignore_case=True)
            + r"(?:\s+[^\W\d][\w-]*){0,4}\s+$",
            re.IGNORECASE,
        ),
        referring_count=re.compile(
            r"(?<![\w-])" + word_alternation(word_list(name, content, "referring_count"), r"\s+", ignore_case=True)
            + r"(?!\s+(?:der|des|von)\s)(?:\s+[^\W\d][\w-]*){0,4}\s+$",
            re.IGNORECASE,
        ),
        continued_end=re.compile(r"(?:\s+" + word_alternation(word_list(name, content, "continued_count_participles")) + r")?\s*(?:[.,;!?)]|$)"),
        tally_after=re.compile(r"\s+" + word_alternation(word_list(name, content, "tally_joiners")) + r"\s+\d+(?:\.\d{3})*"),
        rate_after=re.compile(
            r"(?:\s+[A-ZÄÖÜ][\w-]*)?\s+(?:(?i:" + word_alternation(word_list(name, content, "denominators"), ignore_case=True)
            + r")\s+(?P<period>" + word_alternation(sorted(rate_periods)) + r")|(?P<adverb>"
            + word_alternation(sorted(rate_adverbs)) + r")"
            + r"|(?P<phrase>" + word_alternation(rate_phrases, r"\s+") + r")(?![\w-])(?!\s*\d)(?!\s+[A-ZÄÖÜ])(?!\s+"
            + word_alternation(word_list(name, content, "rate_phrase_not_before")) + r"(?![\w-])))(?![\w-])"
        ),
        um_before=re.compile(
            r"(?<![\w-])um\s+(?:" + word_alternation(word_list(name, increments, "adverbs_after_um")) + r"\s+)?$"
        ),
        balance_before=re.compile(r"(?<![\w-])" + word_alternation(word_list(name, increments, "balance_nouns")) + r"\s+von\s+$"),
        rate_before=re.compile(
            r"(?<![\w-])(?P<adverb>" + word_alternation(sorted(rate_adverbs)) + r")\s+(?:"
            + word_alternation(word_list(name, content, "rate_adverb_links")) + r"\s+)?$"
        ),
        rate_opening=re.compile(
            r"\s*(?P<adverb>(?i:" + word_alternation(sorted(rate_adverbs), ignore_case=True) + r"))\s+(?:[a-zäöüß][\w-]*\s+){1,3}"
        ),
        rate_period={**rate_periods, **rate_adverbs, **rate_phrases},
        count_noun=count_noun,
        count_compound=count_compound,
        ellipsis_words=frozenset(word.lower() for word in word_list(name, content, "ellipsis_words")),
        ellipsis_speech_verbs=frozenset(word.lower() for word in word_list(name, content, "ellipsis_speech_verbs")),
        ellipsis_account_nouns=frozenset(word.lower() for word in word_list(name, content, "ellipsis_account_nouns")),
        ellipsis_count_genitives=frozenset(word.lower() for word in word_list(name, content, "ellipsis_count_genitives")),
        part_link=re.compile(
            r"\s+" + word_alternation(word_list(name, content, "part_links"), whitespace=r"\s+")
            + r"\s+(?:" + word_alternation(word_list(name, content, "part_whole_adverbs")) + r"\s+)?"
        ),
        subset_cue=re.compile(r"(?<![\w-])" + word_alternation(word_list(name, content, "subset_cues"), ignore_case=True) + r"\s+$", re.IGNORECASE),
        remainder_word=re.compile(r"(?<![\w-])" + word_alternation(word_list(name, content, "remainder_words"), ignore_case=True) + r"(?![\w-])", re.IGNORECASE),
        year_cue=re.compile(r"(?<![\w-])" + word_alternation(word_list(name, content, "year_cues"), ignore_case=True) + r"\s+$", re.IGNORECASE),
        border=re.compile(r"(?<![\w-])" + word_alternation(word_list(name, content, "border_nouns")) + r"(?![\w-])"),
        border_link=re.compile(
            r"\s+" + word_alternation(word_list(name, content, "border_links")) + r"(?:\s+" + articles + r")?\s+"
        ),
        town_before_border=re.compile(
            r",?\s+" + word_alternation(word_list(name, content, "town_border_prepositions")) + r"\s+" + articles + r"\s+(?:"
            + word_alternation(word_list(name, content, "border_nouns")) + r"\s+" + word_alternation(word_list(name, content, "border_links"))
            + r"(?:\s+" + articles + r")?\s+)?"
        ),
        location_prepositions=frozenset(word.lower() for word in word_list(name, content, "location_prepositions")),
        offshore_before=re.compile(offshore + r"\s+$", re.IGNORECASE),
        coast_before=re.compile(offshore + r"\s+(?:" + articles + r"\s+)?" + coast + r"\s+(?:von\s+)?$", re.IGNORECASE),
        offshore_article_before=re.compile(offshore + r"\s+" + articles + r"\s+$", re.IGNORECASE),
        coast_after=re.compile(r"\s+" + coast + r"(?![\w-])"),
        route_unit_endings=tuple(word_list(name, content, "route_unit_endings")),
        diversion_after=re.compile(r"\s+" + word_alternation(word_list(name, content, "diversion_verbs")) + r"(?![\w-])"),
        sector_after=re.compile(r"\s+[\w-]*" + word_alternation(word_list(name, content, "sector_noun_endings")) + r"(?![\w-])", re.IGNORECASE),
        named_facility_before=re.compile(
            r"(?<![\w-])[\w-]*" + word_alternation(word_list(name, content, "named_facility_endings"), ignore_case=True) + r"(?:e?s)?\s+$",
            re.IGNORECASE,
        ),
        object_prepositions=frozenset(word.lower() for word in word_list(name, content, "object_prepositions")),
        object_attribute_before=re.compile(
            r"(?<![\w-])" + word_alternation(word_list(name, content, "object_prepositions"), ignore_case=True)
            + r"\s+(?:" + articles + r"\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*\s+(?:der|des)\s+(?:[a-zäöüß][\w-]*\s+){0,2}$"
        ),
        armed_forces_after=re.compile(
            r"\s+(?:der|des)\s+(?P<owner>[\w-]+)\s+" + word_alternation(word_list(name, content, "armed_forces_owners")) + r"(?![\w-])"
        ),
        origin_after=re.compile(r"\s+" + word_alternation(word_list(name, content, "origin_prepositions")) + r"(?:\s+" + articles + r")?\s+"),
        origin_is_actor_units=frozenset(word_list(name, content, "origin_is_actor_units")),
        candidate_units=frozenset(word_list(name, content, "candidate_units")),
        candidate_party_before=re.compile(
            r"(?<![\w-])" + word_alternation(word_list(name, content, "candidate_party_prepositions")) + r"(?:\s+[a-zäöüß]+){0,2}\s+$",
            re.IGNORECASE,  # "MIT DER PIS" in a headline
        ),
        segment_break=re.compile(_BREAK_START + "(?:" + _PUNCTUATION_BREAK + r"|\s" + word_alternation(conjunctions) + r"\s)"),
        correction=re.compile(
            r"(?<![\w-])" + word_alternation(word_list(name, content, "correction_negations"), ignore_case=True) + r"(?![\w-]).*(?<![\w-])"
            + word_alternation(word_list(name, content, "correction_conjunctions")) + r"\s",
            re.IGNORECASE,
        ),
        determiners=determiners(),
        casualty_of=casualty_of,
        casualty_units=frozenset(casualty_cue.groupindex),
        casualty_cue=casualty_cue,
        casualty_not_after=casualty_not_after,
        casualty_negation=casualty_negation,
        plural_articles=plural_articles,
        casualty_not_for_one=not_for_one,
        casualty_units_not_for_one=not_for_one_units,
        hospital_stay=re.compile(r"(?<![\w-])" + word_alternation(word_list(name, hospital_stay, "places"), r"\s+") + r"(?![\w-])"),
        hospital_stay_unit=hospital_stay["unit"],
        one_person=re.compile(
            # The first letter before the look-behind: a scan for [Ee] is ~3x faster than a look-behind at every position.
            r"[Ee](?<![\w-][Ee])(?:in|ine|iner)"
            r"(?:(?:\s+\d+-jährige[rn]?|\s+" + adjective + r"){0,2}\s+[A-ZÄÖÜ][a-zäöüß][\w-]*"  # "ein 58-jähriger Fahrgast"
            r"|(?=\s+(?:der|von)\s+[\w-]+\s)(?:\s+(?:der|von)\s+[\w-]+)?|(?=\s+[a-zäöüß]))(?![\w-])"  # "einer der Fahrgäste", "einer wurde"
        ),
        additive_before=re.compile(r"(?<![\w-])" + additive + r"\s+$", re.IGNORECASE),
        additive_word=re.compile(r"(?<![\w-])" + additive + r"(?![\w-])", re.IGNORECASE),
        additive_after=re.compile(r"\s+" + word_alternation(word_list(name, increments, "additive_after")) + r"(?![\w-])"),
        new_noun=re.compile(r"(?<!\w)" + word_alternation(word_list(name, increments, "new_nouns")) + r"\w*"),
        deployment=re.compile(
            r"(?<![\w-])(?:ge)?" + deployment_stems + r"(?:e|en|end|et|n|st|t|te|ten|tet|ung|ungen)?(?![\w-])",
            re.IGNORECASE,
        ),
        transport=re.compile(
            r"(?<![\w-])(?:ge)?" + word_alternation(word_list(name, increments, "transport_stems"), ignore_case=True)
            + r"(?:e|en|end|et|n|st|t|te|ten|tet)?(?![\w-])",
            re.IGNORECASE,
        ),
        deployment_noun_before=re.compile(r"(?<![\w-])" + deployment_stems + r"ung(?:en)?\s+von\s+$", re.IGNORECASE),
        destination_before=re.compile(r"(?<![\w-])" + destination_prepositions + r"\s+$", re.IGNORECASE),
        change_word=_whole_words(word_list(name, increments, "change_words")),
        # A noun naming a change, alone or as the end of a compound ("Umsatzplus"), then "von"/"um".
        change_noun_before=re.compile(
            r"(?<![\w-])(?=[A-ZÄÖÜ])[\w-]*?(?i:" + change_nouns + r")\s+(?:von|um)\s+$"
        ),
        # The same noun anywhere before "um N" in the clause: "Erhöhung der Löhne um 4,8 Prozent".
        change_noun=re.compile(r"(?<![\w-])(?=[A-ZÄÖÜ])[\w-]*?(?i:" + change_nouns + r")(?:e?s|en)?(?![\w-])"),
        comparative_after=re.compile(
            r"\s+" + word_alternation(word_list(name, increments, "comparatives")) + r"(?![\w-])(?!\s+als\s+(?:\S+\s+){0,2}?(?!(?:1[89]|20)\d\d(?!\d|[.,]\d))\d)"
        ),
        comparative_after_um=re.compile(r"\s+" + word_alternation(word_list(name, increments, "comparatives_after_um")) + r"(?![\w-])"),
        change_units=frozenset(change_units),
        loss_and_gain_verb=_whole_words(word_list(name, increments, "loss_and_gain_verbs")),
        gain_verb=_whole_words(word_list(name, increments, "gain_verbs")),
        market_noun=re.compile(r"(?<![\w-])(?:[A-ZÄÖÜ][\w]*?-?)?(?i:" + word_alternation(word_list(name, increments, "market_nouns")) + r")(?![\w-])"),
        cut_verb=re.compile(
            r"(?<![\w-])" + word_alternation(word_list(name, increments, "cut_verbs"), r"\s+") + r"(?![\w-])|" + separable, re.IGNORECASE
        ),
        cancelled_unit_endings=tuple(word_list(name, increments, "cancelled_unit_endings")),
        expectation_word=_whole_words(word_list(name, increments, "expectation_words")),
        expectation_auxiliary=_whole_words(word_list(name, increments, "expectation_auxiliaries")),
        possibility_modal=_whole_words(word_list(name, increments, "possibility_modals")),
        demand_before=re.compile(
            r"(?<![\w-])(?i:" + word_alternation(word_list(name, increments, "demand_verbs"), ignore_case=True)
            + r")(?:\s+(?!" + word_alternation(word_list(name, increments, "demand_beneficiary_prepositions"))
            + r"(?![\w-]))[a-zäöüß][\w-]*){0,3}\s+$"
        ),
        demand_not_for=frozenset(word_list(name, increments, "demand_not_for")),
        cap_before=re.compile(
            r"(?<![\w-])[\w-]*?(?i:" + word_alternation(word_list(name, increments, "cap_nouns"), ignore_case=True)
            + r")\s+(?:\w+\s+)?(?:von|bei)\s+$"
        ),
        unit_after_caps=unit_after_caps,
        unit_of_caps=unit_of_caps,
        # An acronym or type code before a noun is no part of what is counted: "14 LNG-Tanker" are
        # tankers, "60 CH-47-Hubschrauber" helicopters.
        other_after=re.compile(
            r"(?:\s+(?:" + graded_adjective + r"|" + adjective + r")){0,2}\s+" + truncated_noun + r"(?:[A-ZÄÖÜ\d]+-)*(?P<unit>[A-ZÄÖÜ][a-zäöüß][\w]*(?:-[\w]+)*)(?![\w-])"
        ),
        not_between=frozenset(not_between),
        known_units=frozenset(unit for unit in checked.entries if unit not in checked.ambiguous),
        not_counted=frozenset(word.lower() for word in word_list(name, other, "not_counted")),
        not_counted_endings=tuple(word_list(name, other, "not_counted_endings")),
        label_before=re.compile(
            r"(?<![\w-])" + word_alternation(word_list(name, other, "label_signs"))
            + r"(?:\s*(?:\d+[a-z]?|" + word_alternation(word_list(name, other, "label_joiners")) + r"))*\s*$"
        ),
        label_nouns=frozenset(word.lower() for word in word_list(name, other, "label_nouns")),
        phrase_prepositions=frozenset(word_list(name, other, "phrase_prepositions")),
        verbs_before_subject=frozenset(word_list(name, other, "verbs_before_subject")),
        group_openers=frozenset(tuple(opener.lower().split()) for opener in word_list(name, other, "group_openers")),
        group_opening=re.compile(
            r"(?<![\w-])(?i:" + word_alternation(word_list(name, other, "group_openers"), whitespace=r"\s+", ignore_case=True)
            + r")\s+(?:(?:\d[\d.,]*|[a-zäöüß][\w-]*)\s+){0,2}(?P<noun>[A-ZÄÖÜ][\w-]*)(?![\w-])"
        ),
        plural_ending=re.compile("(?:" + "|".join(sorted(plural_endings, key=len, reverse=True)) + ")$"),
        singular_of_plural_ending=plural_endings,
        singular_en_endings=tuple(word_list(name, other, "singular_en_endings")),
        s_plural_endings=tuple(word_list(name, other, "s_plural_endings")),
        singular_s_endings=tuple(word_list(name, other, "singular_s_endings")),
        citizen_nouns=frozenset(word_list(name, other, "citizen_nouns")),
        nationals=_nationals(name, other),
        share_cue=re.compile(
            r"(?<![\w-])(?:(?P<noun>" + word_alternation([*share_nouns, "Hälfte"]) + r")"
            r"|[Jj]ede[rs]?\s+(?P<ordinal>" + word_alternation(share_ordinals, ignore_case=True) + r"))(?![\w-])",
        ),
        share_count_before=re.compile(r"(?<![\w-])(?P<count>\d+|[A-Za-zäöüß]+)\s+(?:(?P<adjective>knapp|gut)e[snmr]?\s+)?$"),
        share_nouns={noun: int(denominator) for noun, denominator in share_nouns.items()},
        share_ordinals={word.lower(): int(denominator) for word, denominator in share_ordinals.items()},
        share_not_after=frozenset(word.lower() for word in word_list(name, shares, "not_after")),
        share_whole_noun=re.compile(r"\s+(?:" + adjective + r"\s+){0,2}(?P<noun>[A-ZÄÖÜ][\w-]*)(?![\w-])"),
        share_populations=tuple(sorted({word.lower() for word in word_list(name, shares, "populations")})),
        ambiguous=checked.ambiguous,
        country_adjective=re.compile(
            "(?:" + word_alternation(word_list(name, content, "country_adjective_endings")) + r")$"
        ),
        measures=_measures(name, content, checked),
        unit_before=re.compile(r"(?<![\w-])(?P<word>" + word_alternation(units_before) + r")\s+$"),
        unit_of_word_before=dict(units_before),
        **_below_zero(name, content, unit_of),
        **_figure_adjectives(name, content, unit_of, adjective),
    )


def _rate_words(name: str, content: dict, key: str) -> dict[str, str]:
    """A units.yaml mapping of words to period names (`rate_periods`, `rate_adverbs`)."""
    words = content[key]
    if not isinstance(words, dict) or not all(isinstance(word, str) and isinstance(period, str) and period.isalpha()
                                              for word, period in words.items()):
        raise lexicon_error(name, f"{key!r} must map words to period names")
    return words


def _figure_adjectives(name: str, content: dict, unit_of: dict[str, str], adjective: str) -> dict:
    figure_adjectives = require_mapping(name, content["figure_adjectives"], "ages", "heads", "heads_unit")
    heads_unit = figure_adjectives["heads_unit"]
    if heads_unit not in unit_of.values():
        raise lexicon_error(name, f"figure_adjectives: unknown unit {heads_unit!r}")
    ending = r"(?:e|en|er|es|em)?(?![\w-])"
    ages = word_list(name, figure_adjectives, "ages")
    age_nouns = [age for age in ages if age[:1].isupper()]
    age_adjectives = [age for age in ages if not age[:1].isupper()]
    return {
        "age_after": re.compile(r"-?" + word_alternation(ages) + ending),
        "age_between": re.compile(
            r"\s+\d+(?:(?P<unit>-?" + word_alternation(age_nouns) + ending + r")|-?" + word_alternation(age_adjectives) + ending + ")"
        ),
        "heads_after": re.compile(
            r"-?" + word_alternation(word_list(name, figure_adjectives, "heads")) + ending
            + r"(?:\s+" + adjective + r")?\s+(?P<unit>[A-ZÄÖÜ][a-zäöüß][\w]*(?:-[\w]+)*)(?![\w-])"
        ),
        "heads_unit": heads_unit,
    }


def _below_zero(name: str, content: dict, unit_of: dict[str, str]) -> dict:
    below_zero = require_mapping(name, content["below_zero"], "units", "after", "forms")
    below_units = word_list(name, below_zero, "units")
    forms = word_list(name, below_zero, "forms")
    for unit in below_units:
        if unit not in unit_of.values():
            raise lexicon_error(name, f"below_zero: unknown unit {unit!r}")
    for form in forms:
        if unit_of.get(form) not in below_units:
            raise lexicon_error(name, f"below_zero: {form!r} is no form of its units")
    return {
        "below_zero_units": frozenset(below_units),
        # Not before another figure: "20 Grad minus 5 Grad" is arithmetic.
        "below_zero_after": re.compile(r"\s+" + word_alternation(word_list(name, below_zero, "after"), r"\s+") + r"(?![\w-])(?!\s*[\d−-])"),
        "below_zero_forms": frozenset(forms),
    }


def _nationals(name: str, content: dict) -> dict[str, str]:
    """`nationals` of `other_nouns`: a country adjective's stem -> the unit of its people, checked."""
    nationals = content["nationals"]
    if not isinstance(nationals, dict) or not all(
        isinstance(stem, str) and stem.islower() and isinstance(unit, str) and unit.islower() for stem, unit in nationals.items()
    ):
        raise lexicon_error(name, "'nationals' must map lower-case adjective stems to lower-case units")
    return nationals


def _measures(name: str, content: dict, checked: UnitEntries) -> frozenset[str]:
    measures: set[str] = set()
    for unit in word_list(name, content, "measures"):
        if unit in checked.families:
            measures.update(checked.families[unit])
        elif unit in checked.entries and unit not in checked.ambiguous:
            measures.add(unit)
        else:
            raise lexicon_error(name, f"measures: {unit!r} is no unit or family of units.yaml")
    return frozenset(measures)


@dataclass(frozen=True)
class _Figure:
    """One figure before its unit is known: a numeral or a range of two, with its qualifier."""

    start: int  # where the claim text starts (the qualifier or "zwischen")
    numeral_start: int
    end: int  # end of the last numeral
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    ordinal_dot: bool
    is_year_like: bool
    unit: str | None = None  # known from the words themselves: a share ("ein Drittel") is a percentage


def extract_quantities(doc: Document, date_claims: list[Claim]) -> list[Claim]:
    """Every quantity claim in the document body, sorted by position."""
    try:
        numerals = find_numerals(doc.text, doc.body_start)
    except (ValueError, IndexError):
        return []
    date_spans = sorted((claim.span_start, claim.span_end) for claim in date_claims)
    claims: list[Claim] = []
    entities = _Entities(doc.text, doc.sentences)
    figures = _figures(doc.text, numerals)
    figures = _preferring(_shares(doc.text, doc.body_start), figures)
    figures = _preferring(_single_casualties(doc, numerals), figures)
    ages = _ages(doc.text, figures)
    wholes: set[int] = set()  # positions of figures that are the whole of a part before them

    def following(position: int) -> int | None:
        # An age between a figure and its noun does not end the noun phrase: "drei 17-jährige Jugendliche".
        return next((other for other in range(position + 1, len(figures)) if other not in ages), None)

    def claim_of(figure: _Figure, next_position: int | None) -> Claim | None:
        next_start = figures[next_position].numeral_start if next_position is not None else len(doc.text)
        previous = claims[-1] if claims else None
        try:
            return _claim(doc, figure, date_spans, date_claims, next_start, previous, _count_before(claims), entities)
        except (ValueError, IndexError):  # one odd sentence must not stop the article
            return None

    for position, figure in enumerate(figures):
        if position in ages or position in wholes:
            continue  # "der 36-Jährige": an age, no count
        whole = following(position)
        claim = None
        part = _part_of_whole(doc.text, figure, figures[whole]) if whole is not None else None
        if part is not None:
            # "32 der 88 Sitze", "12 von 300 Passagieren": the part is the claim, with the whole's noun.
            claim = claim_of(part, following(whole))
            if claim is not None:
                wholes.add(whole)
                if part.unit is None and claim.actor is None and claim.quantity_part_of is None:
                    # A part of its noun's whole. A share ("drei von zehn") is none; nor is an actor's
                    # part ("Die CDU stellt 36 der 101 Abgeordneten"): that is the actor's own count.
                    claim.quantity_part_of = claim.quantity_unit
        if claim is None:
            claim = claim_of(figure, whole)
        if claim is None and whole is not None and _moves_from(doc.text, figure, figures[whole]):
            earlier = _earlier_level(doc.text, figure, figures[whole], claim_of(figures[whole], following(whole)))
            claim = claim_of(earlier, whole) if earlier is not None else None
        if claim is not None:
            claims.append(claim)
    claims.sort(key=lambda claim: (claim.span_start, claim.span_end))
    return claims


def _count_before(claims: list[Claim]) -> Claim | None:
    """The last claim a continued count ("Im Vorjahresmonat waren es 17.000") takes its unit from:
    the last one that is no relative change ("17.300 Wohnungen genehmigt, 2,4 Prozent mehr"), whose
    percent would make 17.000 a percentage. A percentage that is a level ("Die Quote lag bei 6,1
    Prozent. Im Vorjahr waren es 5,8.") is continued as any level."""
    if not claims:
        return None  # before the first claim the unit patterns need not be built (see _claim)
    change_units = _units().change_units
    return next((claim for claim in reversed(claims)
                 if not (claim.quantity_role == "change" and claim.quantity_unit in change_units)), None)


# "von <earlier> auf <later> <noun>": the earlier level of a move, whose noun only the later figure names.
_FROM_BEFORE = re.compile(r"(?<![\w-])(?i:von)\s+$")
_TO_BETWEEN = re.compile(r"\s+(?i:auf)\s+")
_FROM_WINDOW = 12  # how far before the figure "von" may start: a search from the text's start would scan it per figure


def _moves_from(text: str, earlier: _Figure, later: _Figure) -> bool:
    """Whether the words around two figures are "von <earlier> auf <later>"."""
    return bool(_TO_BETWEEN.fullmatch(text, earlier.end, later.start)) and bool(
        _FROM_BEFORE.search(text, max(0, earlier.start - _FROM_WINDOW), earlier.start)
    )


def _earlier_level(text: str, earlier: _Figure, later: _Figure, later_claim: Claim | None) -> _Figure | None:
    """The bare first figure of "von <earlier> auf <later> <noun>" with the later figure's unit and
    scale ("Die Kosten stiegen von rund 8,3 auf etwa 10 Milliarden Euro": 8,3 billion euros, the
    level before the move), or None when the later figure has no unit either."""
    if later_claim is None or later_claim.quantity_value is None or not later.value or earlier.value is None or earlier.is_year_like:
        return None
    # The later figure's scale word ("Milliarden") and any factor of its unit word ("Cent") are the earlier one's too.
    factor = later_claim.quantity_value / later.value
    if scale_of(text[earlier.numeral_start : earlier.end]) == 1:
        factor *= scale_of(text[later.numeral_start : later.end])
    return replace(
        earlier, value=_round(earlier.value * factor),
        low=None if earlier.low is None else _round(earlier.low * factor),
        high=None if earlier.high is None else _round(earlier.high * factor),
        unit=later_claim.quantity_unit,
    )


def _preferring(found: list[_Figure], figures: list[_Figure]) -> list[_Figure]:
    """`found` and the figures none of them overlaps, by start."""
    if not found:
        return figures
    spans = [(figure.start, figure.end) for figure in found]
    return sorted([*found, *(figure for figure in figures if not overlaps_any(spans, figure.start, figure.end))], key=lambda figure: figure.start)


def _single_casualties(doc: Document, numerals: list[Numeral]) -> list[_Figure]:
    """One dead, injured or missing person named by an article (units.yaml `casualties.not_for_one`).

    "Ein Mensch kam ums Leben", "ein 58-jähriger Fahrgast erlag seinen Verletzungen", "27 Menschen
    wurden verletzt und einer getötet". The first casualty cue after the person, in the same stretch
    of the sentence (up to punctuation) with no figure or other person between, gives the unit; the
    figure spans the article and noun.
    """
    text, body_start = doc.text, doc.body_start
    figures: list[_Figure] = []
    if not _casualty_words().search(text, body_start):
        return figures
    units = _units()
    ones = list(units.one_person.finditer(text, body_start))
    if not ones:
        return figures
    # A figure or another person before the cue is the one the cue counts: "Ein Sturm hat drei
    # Menschen getötet", "Ein Baum stürzte um und ein Mensch starb".
    blockers = sorted([numeral.start for numeral in numerals] + [one.start() for one in ones])
    # An article that opens a numeral is the numeral's, not one person: "ein Dutzend Bergleute", "eine Million Menschen".
    numeral_starts = frozenset(numeral.start for numeral in numerals)
    for one in ones:
        if one.start() in numeral_starts:
            continue
        # The document's sentence, not any full stop: "nach Angaben von Dr. Meier", "am 3. Mai".
        sentence = doc.sentence_at(one.start())
        if sentence is None:
            continue
        stop = clause_end(text, one.end(), sentence.end, _CLAUSE_BREAK)
        cue = units.casualty_cue.search(text, one.end(), stop)
        if cue is None or cue.lastgroup in units.casualty_units_not_for_one or cue.group(0) in units.casualty_not_for_one or units.casualty_negation.search(text, one.start(), stop):
            continue
        following = bisect_left(blockers, one.end())
        if following < len(blockers) and blockers[following] < cue.start():
            continue
        floor = max(sentence.start, one.start() - 30)
        if _object_of_preposition(text, floor, one.start()):
            continue  # "bei einer Explosion": the object of a preposition
        figures.append(_Figure(one.start(), one.start(), one.end(), 1.0, 1.0, 1.0, "exact", False, False, cue.lastgroup))
    return figures


# A whole a part is read against as a share: "drei von zehn Deutschen" is 30 per cent (see _of_population).
_SHARE_WHOLES = frozenset({10.0, 100.0, 1000.0})
_FROM_TO_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:auf|bis)\s")


def _part_of_whole(text: str, part: _Figure, whole: _Figure) -> _Figure | None:
    """The part of "<part> der|von <whole> <noun>" as a figure that reaches over the whole to its noun.

    In "Die AfD hat 32 der 88 Sitze" the claim is 32 seats; the whole (the size of the parliament)
    is no level of the actor's, and as a second figure of the same unit it would read as a fall
    from 88 to 32. A whole of 10, 100 or 1000 after a bare "von" is a proportion when it is a
    population or names none: "drei von zehn Deutschen" is 30 %, "3 von 10 Verdächtigen" 3 suspects.
    A range is a part too: "zwischen 230 und 280 der 577 Sitze" are 230 to 280 seats. None when the
    words between are no such link (units.yaml `part_links`), when the whole is a range, when either
    figure may be a year (a qualifier of size says it is none: "650 von knapp 1800 Stellen") or an
    ordinal, or when "von … auf" is a change of level ("von 30 auf 25 Sitze").
    """
    if whole.value is None or part.ordinal_dot or part.unit or whole.unit:
        return None
    if part.qualifier not in ("exact", "approx", "more_than", "less_than", "almost", "over", "at_least", "at_most", "range"):
        return None
    smallest, largest = (part.low, part.high) if part.value is None else (part.value, part.value)
    if smallest is None or largest is None:
        return None
    link = _units().part_link.fullmatch(text, part.end, whole.start)
    if link is None or _may_be_year(part) or _may_be_year(whole) or not 0 < smallest <= largest < whole.value:
        return None
    if _FROM_TO_AFTER.match(text, whole.end):
        return None
    if (whole.value in _SHARE_WHOLES and whole.qualifier == "exact" and link.group(0).split() == ["von"]
            and _of_population(text, whole.end)):
        if part.value is None:
            return None  # "zwischen drei und vier von zehn Deutschen": no share of one value
        share = 100 * part.value / whole.value
        low, high = _qualified_bounds(share, part.qualifier)
        return replace(part, end=whole.end, value=_round(share), low=_round(low), high=_round(high), unit="percent",
                       ordinal_dot=whole.ordinal_dot)
    return replace(part, end=whole.end, ordinal_dot=whole.ordinal_dot)


def _of_population(text: str, whole_end: int) -> bool:
    """Whether the noun after the whole of "<part> von <whole>" is a population or there is none:
    "drei von zehn (jungen) Wählern", "eins von zehn Babys", "Sieben von zehn halten …" read as a
    share; "3 von 10 Verdächtigen", "8 von 10 Spielen" count the part (units.yaml `shares.populations`;
    a compound counts by its last part: "Bundesbürgern", "Erstwähler")."""
    units = _units()
    noun = units.share_whole_noun.match(text, whole_end)
    return noun is None or noun.group("noun").lower().endswith(units.share_populations)


def _ages(text: str, figures: list[_Figure]) -> frozenset[int]:
    """The positions of the figures that are ages: "36-Jährige", "40-jähriger"."""
    ages = [position for position, figure in enumerate(figures) if text.startswith(("-", "j", "J"), figure.end)]
    if not ages:
        return frozenset()  # most texts: no pattern built or tried
    age_after = _units().age_after
    return frozenset(position for position in ages if age_after.match(text, figures[position].end))


def _round(number: float | None) -> float | None:
    """`number` as the clean decimal the words mean. A bound is a product such as 12e9 * 1.1, whose
    binary error would otherwise reach the claims, the comparisons and the reports as
    13200000000.000002: keep 12 significant digits (more than any figure in a text has), and at
    most 6 decimals (a third, 33.333333). Every value and bound passes here once, where it is made."""
    return None if number is None else round(float(f"{number:.12g}"), 6)


def _figures(text: str, numerals: list[Numeral]) -> list[_Figure]:
    qualifiers = _qualifiers()
    figures: list[_Figure] = []
    index = 0
    while index < len(numerals):
        first = numerals[index]
        second = numerals[index + 1] if index + 1 < len(numerals) else None
        if second is not None and first.form != "vague" and second.form != "vague":
            joiner, first_sign, first_end, second_end = _signed_range_ends(text, first, second, qualifiers.joiner)
            opening = qualifiers.opening.search(text, max(0, first_sign - QUALIFIER_WINDOW), first_sign) if joiner else None
            if joiner and (joiner.group("joiner").lower() not in qualifiers.joiner_needs_opening or opening):
                low, high = first_end, second_end
                if scale_of(text[first.start : first.end]) == 1 and scale_of(text[second.start : second.end]) > 1:
                    factor = scale_of(text[second.start : second.end])  # "1,5 bis 2 Millionen"
                    low = first_end * factor
                if min(low, high) < 0:
                    low, high = sorted((low, high))  # "minus 3 bis minus 8 Grad": the colder end is the lower
                if low <= high:
                    start = opening.start() if opening else first_sign
                    years = _is_year_like(text, first) and _is_year_like(text, second)  # "von 2019 bis 2021"
                    figures.append(
                        _Figure(start, first.start, second.end, None, _round(low), _round(high), "range",
                                second.ordinal_dot, years)
                    )
                    index += 2
                    continue
        figures.append(_single_figure(text, first))
        index += 1
    return figures


def qualified_figures(text: str, numerals: list[Numeral]) -> list[_Figure]:
    """The figures of `numerals` with their qualifiers and ranges, read as quantity claims read them:
    for the extractors of other figures (durations.py), so that "knapp zwei Stunden" or "zwischen drei
    und fünf Tage" bound a duration as they bound a count."""
    return _figures(text, numerals)


def _signed_range_ends(text: str, first: Numeral, second: Numeral, joiner_pattern: re.Pattern) -> tuple[re.Match | None, int, float, float]:
    """The joiner between two numerals that may form a range, where the first one's sign starts, and
    the two ends with their signs: "minus 3 bis minus 8 Grad" is −3 and −8, "zwischen -5 und -12 Grad"
    −5 and −12. The second one's sign stands between the joiner and its numeral; a "-" right before it
    is the joiner itself when nothing else is ("5 - 12 Grad")."""
    first_sign = sign_before(text, first.start)
    first_end = -first.low if first_sign < first.start else first.low
    joiner = joiner_pattern.fullmatch(text, first.end, second.start)
    if joiner is not None:
        return joiner, first_sign, first_end, second.high
    second_sign = sign_before(text, second.start)
    if second_sign == second.start:
        return None, first_sign, first_end, second.high
    return joiner_pattern.fullmatch(text, first.end, second_sign), first_sign, first_end, -second.high


def _with_unit_before(text: str, figure: _Figure, sentence: Sentence) -> _Figure:
    """The figure from a noun right before it that names its unit ("mit Tempo 130": km/h, units.yaml `units_before`)."""
    if figure.unit or figure.start <= sentence.start or not text[figure.start - 1].isspace():
        return figure
    units = _units()
    noun = units.unit_before.search(text, max(sentence.start, figure.start - 20), figure.start)
    if noun is None:
        return figure
    return replace(figure, start=noun.start(), unit=units.unit_of_word_before[noun.group("word")])


# A year takes no qualifier of size: "über 2000", "rund 1900", "knapp 2000" count something
# ("Die Opferzahl ist auf über 2000 gestiegen"); "bis 2025", "ab 2019", "2014" may be years.
_NOT_WITH_YEARS = frozenset({"more_than", "approx", "almost", "over", "less_than"})


def _may_be_year(figure: _Figure) -> bool:
    return figure.is_year_like and figure.qualifier not in _NOT_WITH_YEARS


def _is_year_like(text: str, numeral: Numeral) -> bool:
    return numeral.form == "digits" and _YEAR.fullmatch(text, numeral.start, numeral.end) is not None


def _single_figure(text: str, numeral: Numeral) -> _Figure:
    is_year_like = _is_year_like(text, numeral)
    if numeral.form == "vague":
        return _Figure(numeral.start, numeral.start, numeral.end, None, numeral.low, numeral.high, "range", False, False)
    value = numeral.value
    start = sign_before(text, numeral.start)
    if start < numeral.start:
        value = -value  # "minus 2,8 Grad"
    qualifier, start = _qualifier_before(text, start, below_zero=value < 0)
    low, high = _qualified_bounds(value, qualifier, _last_digit_unit(value))
    return _Figure(start, numeral.start, numeral.end, _round(value), _round(low), _round(high), qualifier,
                   numeral.ordinal_dot, is_year_like)


def _qualified_bounds(value: float, qualifier: str, digit_unit: float | None = None) -> tuple[float | None, float | None]:
    """(low, high) a qualified figure allows (qualifiers.yaml `widths`).

    `digit_unit`: the place value of the figure's last written digit (`_last_digit_unit`), which bounds
    how far "rund", "knapp" or "gut" reach ("knapp 95 Prozent" is 94 .. 95); None for a figure the text
    does not write as digits of its own (a share worked out from "ein knappes Drittel"), which takes
    the whole relative width.
    """
    width = value * _qualifiers().widths.get(qualifier, 0.0)  # signed: "knapp minus 2 Grad" is −2 .. −1,8
    if digit_unit:  # 0 for the figure 0, which has no reach anyway
        if qualifier == "approx" and round(abs(value) / digit_unit) % 10 == 5:
            digit_unit *= 5  # "etwa 125.000", "rund 3500": rounded to a half of the next place
        if digit_unit < abs(width):
            width = math.copysign(digit_unit, value)
    low, high = {
        "exact": (value, value),
        "approx": (value - width, value + width),
        "almost": (value - width, value),
        "over": (value, value + width),
        "more_than": (value, None),
        "at_least": (value, None),
        "less_than": (None, value),
        "at_most": (None, value),
    }[qualifier]
    if low is not None and high is not None and low > high:
        low, high = high, low  # a negative value: "rund minus 20 Grad"
    return low, high


def _last_digit_unit(value: float) -> float:
    """The place value of the last digit of `value` other than 0: 1 for 95, 0.1 for 94,6, 10.000 for
    2,79 Millionen and for 150.000, 100 for 100. Zeros ending a whole number say nothing of its precision
    (150.000 is rounded to ten thousands), and figures are read from their value, so the zero of
    "2,50" counts as unwritten; 0 for 0."""
    mantissa, exponent = f"{abs(value):.11e}".split("e")
    significant = mantissa.replace(".", "").rstrip("0")
    return 10.0 ** (int(exponent) - len(significant) + 1) if significant else 0.0


def _qualifier_before(text: str, start: int, below_zero: bool = False) -> tuple[str, int]:
    """(qualifier, where the claim starts) for a figure starting at `start`: "rund", "mehr als" … or exact.

    `below_zero`: the figure is negative, so "bis zu" bounds it from below ("bis zu minus 15 Grad").
    """
    qualifiers = _qualifiers()
    match = qualifiers.reversed_before_numeral.match(text[max(0, start - QUALIFIER_WINDOW) : start][::-1])
    if not match:
        return "exact", start
    if qualifiers.about_before.search(text, max(0, start - QUALIFIER_WINDOW), start):
        return "exact", start  # "Berichte über 10.000 Soldaten": reports about the figure, not more than it
    phrase = " ".join(matched_key(match.group("phrase")[::-1]).split())
    if phrase == "über" and (
        qualifiers.amount_before.search(text, max(0, start - _AMOUNT_WINDOW), start) or qualifiers.amount_verb_after.match(text, start)
    ):
        return "exact", start  # "ein Scheck über 500.000 Euro", "verfügt über 42 Sitze": the amount itself
    if below_zero and phrase in qualifiers.down_to:
        return "at_least", start - match.end("phrase")  # "bis zu minus 15 Grad": as cold as −15, not colder
    return qualifiers.kind_of[phrase], start - match.end("phrase")


# How far back "verfügt … über" of a gapped clause is looked for: "Die CDU verfügt über 41 Sitze, die SPD über zehn".
_AMOUNT_WINDOW = 160


_HALF_BEFORE = re.compile(r"(?<![\w-])(?:um\s+)?(?:die|zur)\s+$")
_HALF_AFTER = re.compile(r"\s+(?:der|des|aller|ihrer|seiner|unserer|von|davon)(?![\w-])")
_FOLLOWING_WORD = re.compile(r"\s+([\w-]+)")


def _share_words(share_nouns) -> tuple[str, ...]:
    """The words a share cue starts with: the fraction nouns, "Hälfte" and "jede"/"Jede"."""
    return (*sorted(share_nouns), "Hälfte", "jede", "Jede")


@lru_cache(maxsize=1)
def _share_literals() -> tuple[str, ...]:
    """The words a share cue starts with, read without building the unit patterns (~15 ms in a
    fresh process), which an article with no share word and no figure outside a date never
    needs. A malformed units lexicon is left to `_units` to report."""
    content = load_lexicon("units")
    shares = content.get("shares") if isinstance(content, dict) else None
    nouns = shares.get("nouns") if isinstance(shares, dict) else None
    if not isinstance(nouns, dict):
        _units()
        return ()
    return _share_words(nouns)


@lru_cache(maxsize=1)
def _casualty_words() -> re.Pattern[str]:
    """The words one of which a text must hold for a casualty cue to match in it (the longest word of
    every cue form, as written and capitalised: "Flucht", not the "auf" every text holds), read
    without building the unit patterns: most articles name no casualty, and those patterns cost
    ~20 ms in a fresh process. A malformed lexicon is left to `_units` to report.

    A pattern that finds any of them anywhere, inside a word too: one search through the text, where
    one `str.find` per word (some 150 words) cost three times as much.
    """
    content = load_lexicon("units")
    casualties = content.get("casualties") if isinstance(content, dict) else None
    cues = casualties.get("cues") if isinstance(casualties, dict) else None
    if not isinstance(cues, dict) or not all(isinstance(forms, list) for forms in cues.values()):
        _units()
        return re.compile(word_alternation(()))
    words = {max(str(form).split(), key=len) for forms in cues.values() for form in forms if str(form).split()}
    return re.compile(word_alternation(words | {word[:1].upper() + word[1:] for word in words}))


def _share_cues(text: str, body_start: int) -> list[re.Match]:
    """The matches of `share_cue` in the body, tried only where one of its words occurs.

    Few texts hold a share; finding its words with `str.find` (in C) and matching there is ~10x
    faster than a regex search through every position of every text.
    """
    if all(text.find(literal, body_start) < 0 for literal in _share_literals()):
        return []
    units = _units()
    cues = []
    for literal in _share_literals():
        index = text.find(literal, body_start)
        while index >= 0:
            cue = units.share_cue.match(text, index)
            if cue:
                cues.append(cue)
            index = text.find(literal, index + 1)
    return sorted(cues, key=lambda cue: cue.start())


def _shares(text: str, body_start: int) -> list[_Figure]:
    """Fractions of a group as percentages: "ein Drittel", "drei Viertel", "die Hälfte der", "jeder dritte"."""
    cues = _share_cues(text, body_start)
    if not cues:
        return []
    units = _units()
    found = []
    for cue in cues:
        numeral_start, end = cue.start(), cue.end()
        adjective = None
        if cue.group("ordinal"):
            following = _FOLLOWING_WORD.match(text, end)
            if following and following.group(1).lower() in units.not_counted:
                continue  # "jede zweite Woche": a frequency
            share = 100 / units.share_ordinals[cue.group("ordinal").lower()]
        elif cue.group("noun") == "Hälfte":
            article = _HALF_BEFORE.search(text, max(body_start, numeral_start - 12), numeral_start)
            if not article or not (article.group(0).startswith("um") or _HALF_AFTER.match(text, end)):
                continue  # "die zweite Hälfte", "die eine Hälfte"
            numeral_start, share = article.start(), 50.0
        else:
            count = units.share_count_before.search(text, max(body_start, numeral_start - 30), numeral_start)
            if not count:
                continue
            value = parse_number(count.group("count"))
            if value is None or value <= 0 or value != int(value):
                continue  # "im letzten Drittel"
            previous = _words_before(text, body_start, count.start(), 1)
            if previous and previous[0] in units.share_not_after:
                continue  # "in einem Viertel": a part of a town
            numeral_start, adjective = count.start(), count.group("adjective")
            share = 100 * value / units.share_nouns[cue.group("noun")]
        qualifier, start = _qualifier_before(text, numeral_start)
        if adjective and qualifier == "exact":
            qualifier = "almost" if adjective == "knapp" else "over"  # "ein knappes Drittel", "ein gutes Viertel"
        low, high = _qualified_bounds(share, qualifier)
        found.append(_Figure(start, numeral_start, end, _round(share), _round(low), _round(high), qualifier, False, False, "percent"))
    return found


def overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether `text[start:end]` overlaps any of `spans` (start, end pairs)."""
    return any(span_start < end and start < span_end for span_start, span_end in spans)


class _Entities:
    """The gazetteer's matches in stretches of one document, each stretch looked up once.

    A figure's location and actor are both looked for in its segment, and the figures of one segment
    share it; the gazetteer's regex and fuzzy pass are the costliest step of a claim.
    """

    def __init__(self, text: str, sentences: list[Sentence]):
        self.text = text
        self.sentences = sentences
        self._found: dict[tuple[int, int], tuple[EntityMatch, ...]] = {}
        self._coordinated: dict[int, tuple[list[int], list[tuple[int, int, int, int]]] | None] = {}
        self._company_mentions: list[EntityMatch] | None = None
        self._company_starts: list[int] = []

    def find(self, start: int, end: int) -> tuple[EntityMatch, ...]:
        """Every entity mention in `text[start:end]`, as `Gazetteer.find` gives them, and the mentions of
        the article's companies (`company_mentions`) that no listed name covers."""
        key = (start, end)
        if key not in self._found:
            found = load_gazetteer().find(self.text, start, end)
            companies = [m for m in self._companies()[bisect_left(self._company_starts, start):] if m.end <= end]
            if companies:
                # A place inside the phrase that names a company is where the company is from ("Der
                # Münchner Konzern Alpentrans", "die 3M Deutschland GmbH"); a listed organisation or
                # person keeps its name ("Deutsche Bahn AG" is the listed Deutsche Bahn).
                introductions = [(m.start, m.end) for m in companies if m.form == "introduction"]
                found = [m for m in found if not ((m.entity.type in PLACE_TYPES or m.form == "adjective")
                                                  and overlaps_any(introductions, m.start, m.end))]
                listed = [(m.start, m.end) for m in found]
                found = sorted([*found, *(m for m in companies if not overlaps_any(listed, m.start, m.end))],
                               key=lambda m: (m.start, -m.end))
            self._found[key] = tuple(found)
        return self._found[key]

    def names_company(self, start: int, end: int) -> bool:
        """Whether `text[start:end]` names one of the article's companies (`company_mentions`)."""
        return any(m in self._companies() for m in self.find(start, end))

    def _companies(self) -> list[EntityMatch]:
        """The article's company mentions, found once (their starts in `_company_starts`)."""
        if self._company_mentions is None:
            self._company_mentions = company_mentions(self.text, self.sentences, load_gazetteer())
            self._company_starts = [m.start for m in self._company_mentions]
        return self._company_mentions

    def _sentence_places(self, start: int, end: int) -> tuple[EntityMatch, ...] | None:
        """The entity mentions of a sentence, as `find` gives them, looked up piece by piece in a long
        sentence (the gazetteer's fuzzy pass grows with the square of a stretch's names); None when a
        piece is too long to look up at once.

        No name holds a comma or semicolon, so no mention reaches over one and pieces that end after
        one find what the whole sentence does.
        """
        if end - start <= _PLACES_PIECE:
            return self.find(start, end)
        if not _no_name_has_a_break(load_gazetteer()):
            return None
        found: list[EntityMatch] = []
        piece_start = start
        while piece_start < end:
            piece_end = end
            if end - piece_start > _PLACES_PIECE:
                breaks = [b.end() for b in _NAME_BREAK.finditer(self.text, piece_start, min(end, piece_start + _PLACES_PIECE))]
                if not breaks:
                    return None
                piece_end = breaks[-1]
            found += load_gazetteer().find(self.text, piece_start, piece_end)
            piece_start = piece_end
        return tuple(found)

    def coordinated_places(self, window: Sentence) -> list[tuple[int, int]]:
        """The spans of places in `window` (a figure's sentence, or the part of it around the figure)
        that are coordinated with another place in it: "der Türkei und Syrien", "in der Türkei und in
        Syrien", "Deutschland, Frankreich".

        The pairs of the whole sentence are found once, and each window takes those that lie in it: a
        long sentence has many figures, each with its own window, and scanning each window again made
        extraction grow with the square of the figures in a sentence.
        """
        if window.index not in self._coordinated:
            sentence = self.sentences[window.index]
            places = self._sentence_places(sentence.start, sentence.end)
            self._coordinated[window.index] = None if places is None else _coordinated_pairs(self.text, places)
        found = self._coordinated[window.index]
        if found is None:  # a long stretch without a comma: the window's own places
            found = _coordinated_pairs(self.text, self.find(window.start, window.end))
        starts, pairs = found
        spans = []
        for first_start, first_end, second_start, second_end in pairs[bisect_left(starts, window.start):]:
            if first_start >= window.end:
                break
            if second_end <= window.end:
                spans += [(first_start, first_end), (second_start, second_end)]
        return spans


# What no gazetteer name reaches over (checked by _no_name_has_a_break), and the longest stretch of a
# sentence looked up at once for its coordinated places.
_NAME_BREAK = re.compile(r"[,;]\s+")
_PLACES_PIECE = 1000


def _coordinated_pairs(text: str, found: tuple[EntityMatch, ...]) -> tuple[list[int], list[tuple[int, int, int, int]]]:
    """The (start, end) of each two neighbouring places joined into one phrase, and the starts of the
    pairs' first places."""
    places = [m for m in found if m.entity.type in PLACE_TYPES and m.form != "adjective"]
    pairs = [(first.start, first.end, second.start, second.end) for first, second in zip(places, places[1:])
             if first.end <= second.start and _PLACE_COORDINATION.fullmatch(text, first.end, second.start)]
    return [pair[0] for pair in pairs], pairs


@lru_cache(maxsize=4)
def _no_name_has_a_break(gazetteer) -> bool:
    return not gazetteer.exact_case and not any("," in form or ";" in form for form in gazetteer.surface)


@dataclass(frozen=True)
class _Mention:
    """A figure with its counted noun, and the stretches of text its actor and location are looked for in."""

    text: str
    entities: _Entities  # of the whole document
    sentence: Sentence
    start: int  # the claim's span
    end: int
    unit: str
    noun_phrase: tuple[int, int] | None  # from after the numeral to the end of the counted noun
    segment: tuple[int, int]  # the stretch of the sentence the figure belongs to
    attribution: Attribution | None
    accusation: Accusation | None


def _counted_noun(
    doc: Document, figure: _Figure, sentence: Sentence, next_start: int, previous: Claim | None, date_spans: list[tuple[int, int]]
) -> tuple[str, re.Match | None] | None:
    """(unit, match of the noun after the figure, or None when the words before the figure give the unit)."""
    text = doc.text
    units = _units()
    if currency := currency_before(text, figure.start):
        return currency, None  # "CHF 3,5 Mio.", "Fr. 250'000.–": the currency written first
    if not figure.ordinal_dot and text.startswith(("-", "k"), figure.end):
        heads = units.heads_after.match(text, figure.end, sentence.end)
        if heads:
            return units.heads_unit, heads  # "eine 24-köpfige Delegation"
    quoted = _quoted(text, figure)
    noun_from = figure.end + 1 if quoted else figure.end  # 'Es seien "mehr als 10.000" Soldaten': past the closing quote
    if not figure.ordinal_dot and text.startswith(" ", noun_from):
        age = units.age_between.match(text, noun_from, sentence.end)
        if age and age.group("unit"):
            return units.heads_unit, age  # "zwei 17-Jährige"
        noun_from = age.end() if age else noun_from  # "drei 17-jährige Jugendliche"
    if not figure.ordinal_dot:
        # The counted noun comes before the next figure: "2007 und 2008 insgesamt achtzehn Menschen".
        unit_match = units.unit_after.match(text, noun_from, min(sentence.end, next_start))
        if unit_match:
            form = unit_match.group("exact") or unit_match.group("compound")
            unit = _unit_of_form(form)
            joined = units.joined_noun.match(text, unit_match.end(), sentence.end)
            if joined and _unit_of_form(joined.group("unit")) not in (None, unit):
                return None  # "über 100 Toten und Vermissten": one figure of two units, a count of neither
            if unit:
                return unit, unit_match
        if _CAPITALS_AFTER.match(text, noun_from):
            unit_match = units.unit_after_caps.match(text, noun_from, min(sentence.end, next_start))
            if unit_match:
                return units.unit_of_caps[unit_match.group("exact") or unit_match.group("compound")], unit_match
    if not figure.ordinal_dot:
        # Before a noun, a year-like figure the date extractor left (no date span holds it, see _claim)
        # counts it: "1800 Kita-Plätze", "2000 Lehrerstellen". Only words before it make it a year.
        other = _other_noun(doc, figure, sentence, next_start, noun_from, date_spans)
        if other:
            return other
    if _may_be_year(figure):
        return None
    if (
        previous is not None
        and previous.span_end <= figure.start
        and sentence.start <= previous.span_start
        and units.subset_cue.search(text, max(previous.span_end, figure.start - 20), figure.start)
    ):
        return previous.quantity_unit, None  # "…, davon knapp 300.000 in Deutschland"
    count = None
    window_start = max(sentence.start, figure.start - COUNT_NOUN_WINDOW)
    for pattern in (units.count_noun, units.count_compound):
        for candidate in pattern.finditer(text, window_start, figure.start):
            if count is None or candidate.end() > count.end():
                count = candidate
    # 'die Zahl der Soldaten auf "mehr als 10.000"': the opening quote of the figure breaks nothing, nor
    # does the colon of a telegraphic line ("Zahl der Toten laut Gesundheitsbehörde: über 40.000").
    count_end = figure.start - 1 if quoted else figure.start
    if count is not None and (colon := _COLON_BEFORE.search(text, count.end(), count_end)):
        count_end = colon.start()
    # "Die Zahl der Fälle ist nicht auf 70 gestiegen, sondern liegt bei 58": the correction's figure too.
    correction = units.correction.search(text, count.end(), count_end) if count is not None else None
    if count is not None and not units.segment_break.search(text, correction.end() if correction else count.end(), count_end):
        if count.re is units.count_noun and count.group("other"):
            # "Die Zahl der Eingeschlossenen stieg auf 15.000": a noun no unit names, the unit of a bare
            # figure only ("seit mindestens 20 Jahren" counts years, not the noun).
            noun, after = count.group("other"), _FIRST_LETTER_AFTER.match(text, figure.end)
            if not (after and after.group(1).isupper()) and noun.lower() not in units.not_counted and not noun.lower().endswith(units.not_counted_endings):
                return _state_in_count_phrase(text, count, _unit_of_form(noun) or _singular(units, noun.lower())), None
        else:
            unit = _unit_of_form(count.group("unit") or count.group("compound"))
            if unit:
                return _state_in_count_phrase(text, count, unit), None
    bare = _bare_casualty(doc, figure, sentence)
    return (bare, None) if bare else None


def _state_in_count_phrase(text: str, count: re.Match, unit: str) -> str:
    """The unit of a count phrase whose noun a casualty cue before it describes, else `unit`.

    "Die Zahl der eingeschlossenen Bergleute ist auf 28 gesunken", "die Zahl der getöteten
    Zivilisten stieg auf 120": the state word makes the unit, as it does before a counted noun after
    a figure ("8000 getötete Zivilisten"), for people a cue may count (units.yaml `casualties`).
    """
    units = _units()
    if count.re is not units.count_noun or (unit in units.known_units and unit not in units.casualty_of):
        return unit
    noun = next(group for group in ("unit", "compound", "other") if count.group(group))
    cue = units.casualty_cue.search(text, count.start(), count.start(noun))
    return cue.lastgroup if cue else unit


_COLON_BEFORE = re.compile(r":\s*$")
_OPENING_QUOTES = frozenset("\"„«»“‚'")
_CLOSING_QUOTES = frozenset("\"“”»«'‘’")


def _quoted(text: str, figure: _Figure) -> bool:
    """Whether the figure with its qualifier, and nothing else, stands in quotes: 'Es seien "mehr als 10.000" Soldaten'."""
    return 0 < figure.start and figure.end < len(text) and text[figure.start - 1] in _OPENING_QUOTES and text[figure.end] in _CLOSING_QUOTES


# Where a gapped clause may start: a comma or semicolon, or a conjunction of coordination.
_GAP_START = re.compile(r"[,;]\s*|\s(?:und|sowie|während)\s+")
# What may follow the bare figure of a gapped clause: the clause's end.
_GAP_END = re.compile(r"\)?\s*(?:[.,;!?](?:\s|$)|$)|\s+(?:und|sowie|oder)\s")
# A year in a gapped clause dates its figure: "2023 etwa 3200 und 2022 rund 4500".
_YEAR_WORD = re.compile(r"(?:19|20)\d\d")
_GAP_WORD = re.compile(r"[^\W\d_][\w-]*\.?|\d+|\S")


def _unit_of_form(form: str) -> str | None:
    """The unit of a form as written, else of its lower case (a compound's last part)."""
    unit_of = _units().unit_of
    return unit_of.get(form) or unit_of.get(form.lower())


def _elliptic_unit(text: str, figure: _Figure, sentence: Sentence, previous: Claim | None) -> str | None:
    """The unit of the claim before a bare figure in a gapped clause ("…, die Polizei von 30.000"), or
    of a counted noun the gapped clause names itself ("Die Zahl der Fälle liegt bei 96.000, die der
    Todesfälle bei 455")."""
    gap_start = _gapped_clause(text, figure, sentence, previous)
    if gap_start is None:
        return None
    units = _units()
    for word in _GAP_WORD.findall(text, gap_start, figure.start):
        if word[:1].isupper():
            unit = units.unit_of.get(word)
            if unit is None:
                compound = units.count_compound.fullmatch(word.lower()) or units.count_compound.fullmatch(word)
                unit = compound and _unit_of_form(compound.group("unit"))
            if unit and unit in units.known_units:
                return unit
    return previous.quantity_unit


def _gapped_clause(text: str, figure: _Figure, sentence: Sentence, previous: Claim | None) -> int | None:
    """Where the gapped clause of a bare figure starts, or None when the figure is not in one.

    units.yaml `ellipsis_words` says which clauses count as gapped.
    """
    if previous is None or previous.span_start < sentence.start or previous.span_end > figure.start:
        return None
    if figure.ordinal_dot:
        if text[figure.end + 1 : sentence.end].strip():
            return None  # "3. Francesco …": an ordinal of a list
    elif not _GAP_END.match(text, figure.end, sentence.end):
        return None
    gap = None
    for gap in _GAP_START.finditer(text, previous.span_end, figure.start):
        pass
    if gap is None:
        return None
    words = _GAP_WORD.findall(text, gap.end(), figure.start)
    noun_before = _CAPITALISED_WORD_BEFORE.search(text, gap.end(), figure.start) if figure.start == figure.numeral_start else None
    if noun_before and not (
        (len(words) >= 2 and words[-2].lower() in _units().determiners)  # "laut den Veranstaltern 8000"
        or noun_before.group(0).strip().lower() in _units().ellipsis_account_nouns  # "nach eigenen Angaben 111"
        or any(m.start == noun_before.start() for m in load_gazetteer().find(text, noun_before.start(), noun_before.end()))
    ):
        return None  # "…, Artikel 5", "…, auf Platz 3": a figure after a noun is its label
    function_words, speech_verbs = _units().ellipsis_words, _units().ellipsis_speech_verbs
    for index, word in enumerate(words):
        if word[:1].isupper():
            continue
        if word.lower() in function_words or _YEAR_WORD.fullmatch(word):
            continue  # "…, 2022 sogar rund 4500": the year the gapped clause is about
        if word.lower() in speech_verbs and index > 0 and words[index - 1][:1].isupper():
            continue  # "…, Verdi sprach von 5000": the verb of reporting after its subject
        following = words[index + 1] if index + 1 < len(words) else ""
        if word.isalpha() and word.endswith(ADJECTIVE_ENDINGS[1:]) and following[:1].isupper():
            continue  # "nach offiziellen Angaben"
        return None  # a verb, a digit, a punctuation mark: no gapped clause
    return gap.end()


def _gapped_speaker(doc: Document, figure: _Figure, sentence: Sentence, previous: Claim | None,
                    attribution: Attribution | None) -> Attribution | None:
    """The speaker of a gapped clause that repeats a verb of saying with a subject of its own.

    "Die Veranstalter sprachen von 100.000 Teilnehmern, die Polizei von 30.000": the second figure
    is the police's, not the organisers'. A gapped clause that starts with a preposition ("…, in
    Syrien bei 1500") has no subject and keeps the attribution it has. One that repeats a verb of
    reporting has a speaker of its own after any attribution before it: "Nach Angaben der Polizei
    kamen 2000 Teilnehmer, die Veranstalter nannten 5000". One that repeats the count of the clause
    before ("Das Ministerium gab die Zahl der Toten mit 19 an, die der Verletzten mit 84") has no
    subject and keeps its source.
    """
    if attribution is None or attribution.end > figure.start:
        return attribution
    gap_start = _gapped_clause(doc.text, figure, sentence, previous)
    if gap_start is None or attribution.end > gap_start:
        return attribution
    units = _units()
    gap_words = [word.lower() for word in _WORD.findall(doc.text, gap_start, figure.start)]
    if any(word in units.ellipsis_account_nouns for word in gap_words):
        # "115 Geiseln nach israelischen Angaben, nach eigenen Angaben 111": an account of its own, whose
        # source the attribution before does not give.
        return replace(attribution, source=None, start=gap_start, end=figure.start)
    if attribution.kind != "speech":
        if not any(word in units.ellipsis_speech_verbs for word in gap_words):
            return attribution
        attribution = replace(attribution, kind="speech", reports_only=True)  # the gapped clause's own verb of reporting
    first = _WORD.search(doc.text, gap_start, figure.start)
    if first is None:
        return attribution
    if first.group(0).lower() in units.determiners and _repeats_count(doc.text, first.end(), figure.start):
        return attribution  # "…, die der Verletzten mit 84": "die" stands for the count before, no subject of its own
    speaker = resolve_speaker(doc.text, gap_start, figure.start)
    if speaker is None and first.group(0).lower() in units.determiners:
        # "…, die Arbeitgeber von 9000": a subject of its own, whom the lexicons do not name
        return replace(attribution, source=None, start=gap_start, end=figure.start)
    if speaker is None or not (first.group(0).lower() in units.determiners or first.group(0)[:1].isupper()):
        return attribution  # "…, in Syrien bei 1500", "…, Anfang Mai 500": no subject of its own
    return replace(attribution, source=speaker, start=gap_start, end=figure.start)


def _repeats_count(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]`, after a gapped clause's article, goes on as the count before it: a
    genitive of what the demonstrative "die"/"der" stands for ("die der Verletzten": die Zahl der
    Verletzten) or the count noun itself ("die Zahl der Verletzten mit 84"); not a subject ("die Polizei von 30.000")."""
    units = _units()
    second = _WORD.search(text, start, end)
    return second is not None and (second.group(0).lower() in units.ellipsis_count_genitives
                                   or units.count_noun.match(text, second.start()) is not None)


_CAPITALS_AFTER = re.compile(r"\s*[A-ZÄÖÜ]{2}")


def _other_noun(
    doc: Document, figure: _Figure, sentence: Sentence, next_start: int, noun_from: int, date_spans: list[tuple[int, int]]
) -> tuple[str, re.Match] | None:
    """(the noun as unit, its match) for a figure before a noun no unit names: "150 Namen", "drei Durchgängen"."""
    text = doc.text
    units = _units()
    match = units.other_after.match(text, noun_from, min(sentence.end, next_start))
    if not match:
        return None
    noun = match.group("unit").lower()
    if noun in units.not_counted or noun.endswith(units.not_counted_endings):
        return None
    # "Formel 1 Weltmeister", "Ahrntal 1 Levico 2": digits after a noun name or score, even at a
    # sentence start; a capitalised preposition there is no noun ("Mit 126 Ratsuchenden"). Number
    # words after a noun mostly begin another phrase ("in allen Ländern zwei große Themen"). An
    # additive word opening the sentence is none ("Weitere 19 Filialen werden geschlossen").
    word_before = _CAPITALISED_WORD_BEFORE.search(text, max(sentence.start, figure.start - 40), figure.start)
    if (
        word_before
        and figure.start == figure.numeral_start  # "jedes Jahr mehr als 12.000 Bücher": a qualifier starts a phrase
        and word_before.group(0).strip().lower() not in units.not_between
        and not units.additive_word.fullmatch(word_before.group(0).strip())
        and (text[figure.start].isdigit() or text[sentence.start : word_before.start()].strip())
        and not _ends_a_phrase(doc, figure, word_before, date_spans)
        and _names_a_thing(doc, figure, word_before, sentence)
    ):
        return None
    if units.label_before.search(text, max(sentence.start, figure.start - 40), figure.start):
        return None  # "nach § 211 StGB", "§§ 212, 213 StGB", "Az. 3 StR 123/24": a law's or a file's number
    if figure.qualifier == "exact" and _POSTAL_CODE.fullmatch(text, figure.numeral_start, figure.end):
        return None  # "60313 Frankfurt": a postal code before its town
    return _citizens(units, text, match) or _singular(units, noun), match


_ADJECTIVE_AT_END = re.compile(r"(?<![\w-])(?P<stem>[\w-]+?)(?:e|en|er|es|em)\s+$")


def _citizens(units: _Units, text: str, match: re.Match) -> str | None:
    """The unit of a country's people for a count of its citizens ("zwei deutsche Staatsangehörige":
    deutsche, as "zwei Deutsche"), from the country's adjective right before the citizen noun; None
    for any other noun and for citizens of no named country ("ausländische Staatsangehörige")."""
    if match.group("unit") not in units.citizen_nouns:
        return None
    adjective = _ADJECTIVE_AT_END.search(text, match.start(), match.start("unit"))
    return units.nationals.get(adjective.group("stem").lower()) if adjective else None


def _names_a_thing(doc: Document, figure: _Figure, word_before: re.Match, sentence: Sentence) -> bool:
    """Whether the capitalised word right before a figure and the figure name one thing ("Artikel 5",
    "die Baureihe 2", "Formel 1", "Bozen 2 Meran 1") rather than a noun phrase and the count after it
    ("beschäftigt die Behörde 2500 Ingenieure", "hat das Schiff 44 Besatzungsmitglieder", "ruft
    wegen Listerien acht Produkte zurück").

    A listed label noun always names a thing with its number, and so does a one: a count of one
    takes the article, not the numeral ("ein Weltmeister"). A capitalised number word in
    mid-sentence belongs to a title or name ("Enid Blytons Fünf Freunde", "die Bewegung Fünf
    Sterne"). Otherwise the figure is a count when the noun ends a phrase of its own: a subject or
    object with its article, not after a preposition ("beschäftigt die Behörde 2500 Ingenieure"),
    a bare subject right after a finite auxiliary or modal verb ("Bislang hat Deutschland sechs
    Haubitzen geliefert", "Insgesamt hat Russland 997 Ukrainer freigelassen"), a plural group that
    "unter den" opens, whose members the figure counts ("Laut Polizei sind unter den Toten vier
    Deutsche"), or, before a number word (a label's number is written in digits), a bare noun right after a
    preposition ("wegen Listerien acht Produkte"). Digits after a bare noun or a name stay a
    label's or a score's ("Ahrntal 1").
    """
    units = _units()
    if word_before.group(0).strip().lower() in units.label_nouns or figure.value == 1:
        return True
    number_word = not doc.text[figure.start].isdigit()
    if number_word and doc.text[figure.start].isupper():
        return True
    words = _words_before(doc.text, sentence.start, word_before.start(), 2)
    if words and words[-1] in units.phrase_prepositions:
        return not number_word
    if words and words[-1] in units.verbs_before_subject:
        return False
    if tuple(words) in units.group_openers:
        return False  # "Laut Polizei sind unter den Toten vier Deutsche": members of the group, counted
    with_article = bool(words) and words[-1] in units.determiners
    return not with_article or (len(words) == 2 and words[0] in units.phrase_prepositions)


def _singular(units: _Units, noun: str) -> str:
    """The lower-cased noun's singular, or one form for all its cases where no rule gives it, so
    that the cases of a noun no unit lists are one unit ("Anträge"/"Anträgen": antrag)."""
    plural = units.plural_ending.search(noun)
    if plural:
        return noun[: plural.start()] + units.singular_of_plural_ending[plural.group(0)]
    # A final -n after e, r or l is the dative plural or the plural ("Spielen"/"Spiele",
    # "Ländern"/"Länder"), unless the singular ends so too ("Päckchen", "Abkommen").
    if noun.endswith(("en", "ern", "eln")) and not noun.endswith(units.singular_en_endings):
        return noun[:-1]
    # "Kitas"/"Kita", "Autos"/"Auto": the -s plural of a loanword, in every case.
    if noun.endswith(units.s_plural_endings) and not noun.endswith(units.singular_s_endings):
        return noun[:-1]
    return noun


_POSTAL_CODE = re.compile(r"\d{5}")


def _ends_a_phrase(doc: Document, figure: _Figure, word_before: re.Match, date_spans: list[tuple[int, int]]) -> bool:
    """Whether the capitalised word right before a figure ends a phrase of its own, so that the figure
    starts the counted phrase rather than being the word's number ("Artikel 5", "Formel 1").

    It does when the figure's digits are grouped or scaled ("meldete die Behörde 5.120 Anträge",
    "Laut VDV hat das Ticket 11,2 Millionen Abonnenten": no name's or score's number is), when the word ends a date ("meldete am Montag 12 Anträge") or when it ends
    an attribution, named source or not ("sind nach Angaben der Polizei zehn Bergleute gestorben",
    "laut Polizei 10 Bergleute", "laut Betreiber 14 Tanker"). A subject before a small figure stays ambiguous ("meldete die Behörde 512 Anträge",
    "gewann die Formel 1 Weltmeisterschaft"): no claim.
    """
    if has_grouped_digits(doc.text, figure.numeral_start, figure.end) or _SCALED_DIGITS.match(doc.text, figure.numeral_start, figure.end):
        return True
    word_end = word_before.start() + len(word_before.group(0).rstrip())
    if any(start < word_end <= end for start, end in date_spans):
        return True
    return ends_prepositional_cue(doc, word_end)


# Digits with a scale word after them: "11,2 Millionen", "3 Mrd.".
_SCALED_DIGITS = re.compile(r"\d[\d.,]*\s*[^\W\d_]")
# Between a bare figure and the casualty cue after it: only lower-case words ("wurden", "von ihnen").
_LOWER_WORDS_AFTER = re.compile(r"(?:\s+[a-zäöüß][\w-]*){0,4}\s+")
# Between a casualty cue and the bare figure after it: an auxiliary or an adverb at most.
_LOWER_WORDS_BEFORE = re.compile(r"(?:\s+[a-zäöüß][\w-]*){0,2}\s+")
_SEGMENT_END = re.compile(r"[\s.!?]*")
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w-]*\s+$")


def _bare_casualty(doc: Document, figure: _Figure, sentence: Sentence) -> str | None:
    """The casualty unit of a figure with no noun, from a cue right after or before it.

    "mehr als 50 wurden verletzt", "3 starben", "Bei dem Anschlag starben mindestens 3", also across
    an attribution ("Neun von ihnen konnten nach Angaben der Feuerwehr lebend geborgen werden"). A
    figure that is the object of a preposition ("Von den 300 wurden …") or looks like a year is none.
    """
    text = doc.text
    units = _units()
    if _may_be_year(figure) or _object_of_preposition(text, sentence.start, figure.start):
        return None
    if figure.value is not None and figure.value != int(figure.value):
        return None  # people are counted whole: "der Stärke 6,8 tötete …"
    if not units.casualty_cue.search(text, sentence.start, sentence.end):
        # Few sentences tell of casualties; this one search spares the rest for all others. A cue the
        # searches below find in the figure's segment is found here too: the segment ends at a break
        # character or the sentence end, so the cue's "no word character after" test sees the same.
        return None
    noun_before = _CAPITALISED_WORD_BEFORE.search(text, sentence.start, figure.start)
    if noun_before and text[sentence.start : noun_before.start()].strip():
        return None  # "Artikel 5", "der Stärke 6": a figure after a noun names or measures it
    segment_start, segment_end = _segment(text, sentence, figure.start, figure.end)
    if units.casualty_negation.search(text, segment_start, segment_end):
        return None
    if not figure.ordinal_dot:
        cue = units.casualty_cue.search(text, figure.end, segment_end)
        if cue and (_LOWER_WORDS_AFTER.fullmatch(text, figure.end, cue.start()) or _attribution_between(doc, figure, cue.start())):
            return cue.lastgroup
    if figure.ordinal_dot and not re.match(r"\.(?:\s*$|\s+[A-ZÄÖÜ\"„])", text[figure.end : figure.end + 3]):
        return None  # "am 3. Mai": an ordinal, not a sentence end
    last = None
    for cue in units.casualty_cue.finditer(text, segment_start, figure.start):
        last = cue
    if last and _LOWER_WORDS_BEFORE.fullmatch(text, last.end(), figure.start) and _SEGMENT_END.fullmatch(text, figure.end, segment_end):
        return last.lastgroup
    return None


def _attribution_between(doc: Document, figure: _Figure, cue_start: int) -> bool:
    """Whether only lower-case words and a prepositional attribution stand between a bare figure and
    its cue: "Neun von ihnen konnten nach Angaben der Feuerwehr lebend geborgen werden"."""
    attribution = find_attribution(doc, figure.start, figure.end)
    if attribution is None or attribution.kind != "prepositional" or not figure.end < attribution.start < attribution.end < cue_start:
        return False
    return bool(_LOWER_WORDS_AFTER.fullmatch(doc.text, figure.end, attribution.start)
                and _LOWER_WORDS_AFTER.fullmatch(doc.text, attribution.end, cue_start))


def _object_of_preposition(text: str, floor: int, position: int) -> bool:
    """A figure after a preposition (and an article) is not the subject: "unter den 300 Passagieren".

    Only in the figure's clause: in "Die Rettungsarbeiten dauern an, 13 Bergleute wurden gerettet"
    the word before the comma is a verb's particle.
    """
    units = _units()
    for clause_break in _CLAUSE_BREAK.finditer(text, max(floor, position - 60), position):
        floor = clause_break.end()
    words = _words_before(text, floor, position, 2)
    if not words:
        return False
    if words[-1] in units.casualty_not_after:
        return True
    return len(words) == 2 and words[-1] in units.plural_articles and words[0] in units.casualty_not_after


def _casualty_unit(text: str, segment: tuple[int, int], clause: tuple[int, int], start: int, end: int) -> str | None:
    """death / injured / missing when a casualty cue stands in the figure's stretch of the sentence.

    The cue nearest to the figure wins ("Bei dem Anschlag starben 12 Menschen", "8000 getötete
    Zivilisten", "mehr als 300 Zivilisten wurden verletzt"). A noun phrase joined by "und" shares
    the cue after it ("3 Kinder und 2 Erwachsene kamen ums Leben"). Cues of two kinds joined by
    "oder" ("ums Leben gekommen oder werden vermisst") leave the unit as it is.
    """
    units = _units()
    if units.casualty_negation.search(text, *segment):
        return None  # "Keiner der 200 Passagiere wurde verletzt"
    if len({cue.lastgroup for cue in _own_casualty_cues(text, *clause, start, end)}) > 1 and _OR.search(text, *clause):
        return None
    best = None
    for cue in _own_casualty_cues(text, *segment, start, end):
        distance = 0 if start <= cue.start() < end else (cue.start() - end if cue.start() >= end else start - cue.end())
        if best is None or distance < best[0]:
            best = (distance, cue.lastgroup)
    if best is None and _AND_AFTER.match(text, end):
        cue = next(_own_casualty_cues(text, end, clause[1], start, end), None)
        if cue and not units.casualty_negation.search(text, end, cue.start()):
            return cue.lastgroup
    return best[1] if best else None


_CAPITALISED_WORD_AFTER = re.compile(r"\s+[A-ZÄÖÜ]")


def _own_casualty_cues(text: str, floor: int, ceiling: int, start: int, end: int) -> Iterator[re.Match]:
    """The casualty cues in [floor, ceiling) that may say what the figure in [start, end) counts.

    A cue outside the figure's noun phrase that is the adjective of another noun, after an article or
    a preposition and before a capitalised word, tells that noun's state, not the figure's: "Bei der
    Suche nach dem vermissten Wanderer waren 120 Einsatzkräfte im Einsatz", "Für die verletzten
    Kinder spendeten 300 Menschen Blut". Inside the phrase it is the figure's own ("29 toten
    Geiseln"), and a verb before the figure keeps its reading ("Die Angreifer töteten Dutzende Menschen").
    """
    units = _units()
    for cue in units.casualty_cue.finditer(text, floor, ceiling):
        if not start <= cue.start() < end:
            noun_after = _CAPITALISED_WORD_AFTER.match(text, cue.end())
            words = _words_before(text, floor, cue.start(), 1)
            if (noun_after and not start <= noun_after.end() - 1 < end
                    and words and (words[0] in determiners() or words[0] in units.casualty_not_after)):
                continue
        yield cue


def _hospitalised(text: str, segment: tuple[int, int], end: int) -> str | None:
    """The unit of those still in hospital when a hospital stay follows the figure in its stretch
    with no casualty cue between (units.yaml `hospital_stay`), else None."""
    units = _units()
    place = units.hospital_stay.search(text, end, segment[1])
    if place is None or units.casualty_cue.search(text, end, place.start()):
        return None  # "zwei Menschen wurden schwer verletzt im Krankenhaus behandelt": injured
    return units.hospital_stay_unit


def _inverted_vote(text: str, sentence: Sentence, start: int, end: int) -> str | None:
    """The vote of people counted right after a vote verb, by the direction named right after their
    noun or right before the verb (units.yaml `inverted_votes`): "stimmten 38 Mitglieder mit Ja"."""
    units = _units()
    window_start = max(sentence.start, start - QUALIFIER_WINDOW)
    if not units.inverted_vote_after.search(text, window_start, start):
        return None
    cue = units.inverted_vote_direction_after.match(text, end, sentence.end) or units.inverted_vote_direction_before.search(
        text, window_start, start
    )
    return units.inverted_vote_unit[" ".join(cue.group("cue").lower().split())] if cue else None


_OR = re.compile(r"\s(?:oder|bzw\.)\s")
_AND_AFTER = re.compile(r"\s+und\s")


def _other_casualty_before(doc: Document, sentence: Sentence, position: int, unit: str, previous: Claim | None) -> bool:
    """Whether the sentence, or the previous claim in it or in the sentence before, told of another
    kind of casualty before `position` (a figure or a cue).

    "Zwei Bergsteiger kamen ums Leben, drei weitere wurden verletzt", "100 Menschen starben. Rund
    1000 weitere seien verletzt worden": "weitere" means others here.
    """
    units = _units()
    earlier_sentence_start = doc.sentences[sentence.index - 1].start if sentence.index > 0 else sentence.start
    if (
        previous is not None
        and previous.span_start >= earlier_sentence_start
        and previous.quantity_unit in units.casualty_units
        and previous.quantity_unit != unit
    ):
        return True
    return any(cue.lastgroup != unit for cue in units.casualty_cue.finditer(doc.text, sentence.start, position))


def _clause(text: str, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence between punctuation around [start, end) (conjunctions do not cut it)."""
    clause_start = sentence.start
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, start):
        clause_start = match.end()
    following = _CLAUSE_BREAK.search(text, end, sentence.end)
    return clause_start, following.start() if following else sentence.end


_SPACES = re.compile(r"\s*")
_UM_INSIDE = re.compile(r"(?<![\w-])um\s")
_TO_AFTER = re.compile(r"\s+auf\s")


def increment_kind(text: str, start: int, numeral_start: int, numeral_end: int, end: int, clause: tuple[int, int]) -> str | None:
    """What a figure says about a level, by the cues in units.yaml (`increments`).

    `start`/`end` are the claim's span (qualifier to counted noun), `numeral_start`/`numeral_end` the
    figure's digits or words, `clause` the stretch of the sentence to look for verbs in. Returns
    None for a level ("rund 150.000 Soldaten"), "change" for a difference ("um 2000 gestiegen",
    "10.000 mehr als im Vorjahr", "ein Plus von 3000"), "addition" for an amount added to another
    ("12 weitere Menschen starben") and "deployment" for an addition that is the size of a sending
    ("rund 3000 weitere Soldaten … nach Polen zu verlegen"). The claim's `quantity_role` is this
    kind, or "level" for None.
    """
    units = _units()
    clause_start, clause_end = clause
    before = text[max(clause_start, start - QUALIFIER_WINDOW) : start]
    qualifier = text[start:numeral_start]
    # "um weitere 50 Euro erhöht": the additive word does not make a difference an amount added.
    before_additive = before[: additive.start()] if (additive := units.additive_before.search(before)) else before
    if (units.um_before.search(before_additive) or _UM_INSIDE.search(qualifier)) and (
        units.change_word.search(text, clause_start, clause_end)
        or units.change_noun.search(text, clause_start, start)
        or units.comparative_after_um.match(text, end)
    ):
        return "change"  # "ist um 2000 gestiegen", "eine Erhöhung der Löhne um 4,8 Prozent", "um 19 Prozent unter"
    change_noun = units.change_noun_before.search(before)
    if change_noun and not (change_noun.group(0).rstrip().endswith("von") and _TO_AFTER.match(text, end)):
        return "change"  # "ein Plus von 3000"; not "ein Anstieg von 80 auf 82": 80 is the level before
    if units.comparative_after.match(text, end) or (end > numeral_end and units.comparative_after.match(text, numeral_end)):
        return "change"
    if (
        units.additive_before.search(before)
        or units.additive_word.match(text, _SPACES.match(text, numeral_end).end())  # "12 weitere starben"
        or units.additive_word.search(text, numeral_end, end)  # "3000 weitere Soldaten"
        or (end > numeral_end and units.additive_after.match(text, end))  # "sieben Personen zusätzlich"
    ):
        return "deployment" if units.deployment.search(text, clause_start, clause_end) else "addition"
    return None


_LEVEL_PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(?:auf|bei|von|vom)\s+$", re.IGNORECASE)
_AS_BEFORE = re.compile(r"(?<![\w-])(?:als|wie)\s+$", re.IGNORECASE)


def _changed_by_verb(text: str, sentence: Sentence, clause: tuple[int, int], start: int, unit: str) -> bool:
    """A change told by a verb without "um" (units.yaml `loss_and_gain_verbs`, `gain_verbs`, `cut_verbs`).

    "Der Dax verlor 1,2 Prozent", "Die Aktie gewann knapp vier Prozent", "will 3900 Stellen
    abbauen". A figure right after a preposition is a level ("verlor 1,2 Prozent auf 23.850 Punkte"),
    and so is a count of flights or events called off ("17 Flüge wurden gestrichen") or of people a
    casualty cue counts ("Seit Januar sind 33 Geiseln freigekommen": the released, not a cut of the held).
    A unit a cue may also turn into another is no such count: "vier Geiseln befreit" is a cut of the
    hostages, though "verschleppt" makes people hostages.
    """
    units = _units()
    if _LEVEL_PREPOSITION_BEFORE.search(text, clause[0], start):
        return False
    if units.cut_verb.search(text, clause[0], clause[1]):
        return not unit.endswith(units.cancelled_unit_endings) and unit not in units.casualty_units - units.casualty_of
    if unit not in units.change_units:
        return False
    if units.loss_and_gain_verb.search(text, clause[0], clause[1]):
        return True
    return bool(units.gain_verb.search(text, clause[0], clause[1]) and units.market_noun.search(text, sentence.start, clause[1]))


def _part_of_previous(text: str, figure: _Figure, sentence: Sentence, previous: Claim | None, unit: str) -> bool:
    """Whether a figure without a noun is a part ("davon 3300") or a gapped twin ("die ÖVP 3") of the
    sentence's figure before it that is no level, and so has that figure's role."""
    if previous is None or previous.quantity_role in (None, "level") or previous.quantity_unit != unit:
        return False
    if previous.span_start < sentence.start or previous.span_end > figure.start:
        return False
    if _LEVEL_PREPOSITION_BEFORE.search(text, max(previous.span_end, figure.start - 10), figure.start):
        return False  # "verlor 5 Prozent und kam auf 20": the level after the change
    units = _units()
    return bool(units.subset_cue.search(text, max(previous.span_end, figure.start - 20), figure.start)) or (
        _gapped_clause(text, figure, sentence, previous) is not None
    )


def _whole_named_before(text: str, sentence: Sentence, clause: tuple[int, int], claim: Claim, previous: Claim | None) -> str | None:
    """The unit of the whole the words before a claim's figure make it a part of, or None: the figure
    of the sentence before a subset cue ("60.000 Fahrzeuge, darunter etwa 9000 Lastwagen", "12
    Menschen starben, davon drei Kinder": units.yaml `subset_cues`), or a group of a known unit
    opened earlier in the clause ("Unter den Festgenommenen seien 31 Soldaten und zwölf
    Zivilisten": `group_openers`) or right after the figure's noun ("12 Touristen unter den Verletzten"). The part of "720 der 800 Delegierten" is marked where it is read
    (`_part_of_whole`).

    A figure with an actor is that actor's own count, compared with the actor's other figures:
    "Unter den Toten sind vier Deutsche" are Germany's dead, as "der Tod von zwei deutschen
    Staatsangehörigen" elsewhere. So is a subset at a place of its own the place's count: "39
    Fälle, davon 21 im Landkreis Kitzingen".

    The rest of a whole told before ("die übrigen zwei Bewerber", "die restlichen 30 Passagiere",
    "die drei verbleibenden Geiseln": units.yaml `remainder_words`) is a part of its own noun,
    whoever's or wherever it is: no total of the noun beside the whole."""
    units = _units()
    start = claim.span_start
    if _remainder(text, sentence, claim, units):
        return claim.quantity_unit
    if claim.actor is not None:
        return None
    if (previous is not None and previous.span_start >= sentence.start and previous.span_end <= start
            and units.subset_cue.search(text, max(previous.span_end, start - 20), start)):
        return previous.quantity_unit if claim.location in (None, previous.location) else None
    groups = list(units.group_opening.finditer(text, clause[0], start))
    if groups:
        return _unit_of_form(groups[-1].group("noun"))  # the last group opened before the figure
    group_after = units.group_opening.match(text, claim.span_end + 1) if text[claim.span_end : claim.span_end + 1].isspace() else None
    return _unit_of_form(group_after.group("noun")) if group_after else None  # "12 Touristen unter den Verletzten"


def _remainder(text: str, sentence: Sentence, claim: Claim, units: _Units) -> bool:
    """Whether a remainder word stands right before the figure, after at most an article ("die
    übrigen zwei"), or inside its noun phrase, between the figure and its noun ("drei verbleibenden
    Geiseln"). Not where a casualty verb counts the rest in a state of its own ("Drei Bergleute wurden
    gerettet, die anderen drei werden noch vermisst"): that is the whole count of the missing."""
    before = text[max(sentence.start, claim.span_start - 30) : claim.span_start].split()
    if not ((before and units.remainder_word.fullmatch(before[-1])) or units.remainder_word.search(text, claim.span_start, claim.span_end)):
        return False
    noun = text[claim.span_start : claim.span_end].split()[-1]
    return claim.quantity_unit not in units.casualty_units or _unit_of_form(noun) == claim.quantity_unit


def _expected(text: str, clause: tuple[int, int], start: int) -> bool:
    """Whether an expectation word in the figure's clause makes the figure a forecast (units.yaml `expectation_words`)."""
    units = _units()
    if not units.expectation_auxiliary.search(text, clause[0], clause[1]):
        return False  # "Wir rechnen mit 30 Millionen Euro": a forecast in the present stays a claim
    for word in units.expectation_word.finditer(text, clause[0], clause[1]):
        if not _AS_BEFORE.search(text, clause[0], word.start()):
            return True
    return False


_AUF_BEFORE = re.compile(r"(?<![\w-])auf\s+$", re.IGNORECASE)


def _wished_or_possible(text: str, clause: tuple[int, int], start: int, unit: str) -> bool:
    """Whether the figure is a potential, a demand or a cap rather than a count (units.yaml
    `possibility_modals`, `demand_verbs`, `cap_nouns`)."""
    units = _units()
    before = max(clause[0], start - COUNT_NOUN_WINDOW)
    if unit not in units.demand_not_for and units.demand_before.search(text, before, start):
        return True
    if units.cap_before.search(text, before, start):
        return True
    return bool(
        _AUF_BEFORE.search(text, before, start)
        and units.possibility_modal.search(text, clause[0], clause[1])
        and units.change_word.search(text, clause[0], clause[1])
    )


def is_increment(text: str, start: int, numeral_start: int, numeral_end: int, end: int, clause: tuple[int, int]) -> bool:
    """True when the figure is an amount added or a difference rather than a level (see increment_kind)."""
    return increment_kind(text, start, numeral_start, numeral_end, end, clause) is not None


_WORD_BEFORE = re.compile(r"(?<![\w-])[\w-]+\s+$")


def _distributive(text: str, sentence: Sentence, denominator_start: int, date_spans: list[tuple[int, int]]) -> bool:
    """Whether "je"/"pro" before a figure means "each" rather than "per": after a verb, an adverb or a
    date ("Beide Seiten ließen am Mittwoch je 195 Gefangene frei", "erhielten je 20 Euro"), not after
    the figure or noun it divides ("50 je 100.000", "Fälle je 100.000 Einwohner").
    """
    word = _WORD_BEFORE.search(text, sentence.start, denominator_start)
    return word is not None and (word.group().islower() and not word.group()[0].isdigit() or overlaps_any(date_spans, word.start(), word.end()))


def _rate(units: _Units, text: str, sentence: Sentence, clause: tuple[int, int], start: int, end: int, unit: str) -> tuple[str, int] | None:
    """(the rate's unit "<unit>_per_<period>", where the claim ends) when a period follows the counted
    noun ("pro Tag", "im Jahr", "täglich") or a period adverb comes right before the figure ("täglich
    rund 180 Züge", "jährlich von 90.000 Besuchern") or opens its clause ("Täglich rollen rund 60.000
    Fahrzeuge"), else None. A measure's or an amount's rate only
    when units.yaml lists it (EUR_per_year, family `currency`): the rules leave money and measures out
    by their units, which an unlisted rate's unit would escape ("12 Prozent im Jahr" stays percent)."""
    after = units.rate_after.match(text, end, sentence.end)
    before = None if after else units.rate_before.search(text, max(sentence.start, start - RATE_ADVERB_WINDOW), start)
    if after is None and before is None:
        # "Täglich rollen rund 60.000 Fahrzeuge über die Brücke": the adverb opens the clause, the
        # verb (and lower-case words) stand between it and the figure.
        before = units.rate_opening.fullmatch(text, clause[0], start)
        if before is None:
            return None
    if after:
        period = after.group("period") or after.group("adverb") or " ".join(after.group("phrase").split())
    else:
        period = before.group("adverb").lower()
    rate_unit = f"{unit}_per_{units.rate_period[period]}"
    if unit in units.measures and rate_unit not in units.known_units:
        return None
    return rate_unit, after.end() if after else end


def _claim(
    doc: Document,
    figure: _Figure,
    date_spans: list[tuple[int, int]],
    date_claims: list[Claim],
    next_start: int,
    previous: Claim | None,
    count_before: Claim | None,
    entities: _Entities,
) -> Claim | None:
    text = doc.text
    sentence = claim_window(doc, figure.numeral_start, figure.end)
    if sentence is None or overlaps_any(date_spans, figure.numeral_start, figure.end):
        return None
    if is_denied(text, doc.sentence_at(figure.numeral_start) or sentence, figure.start):
        return None  # "Berichte über 10.000 Soldaten seien falsch", "keine 10.000 Soldaten": no report of the figure
    # Only now: an article whose numbers all belong to dates ("am 10. Januar") never builds the
    # unit patterns (~10 ms of regex compilation in a fresh process).
    units = _units()
    denominator = units.denominators.search(text, max(sentence.start, figure.start - 20), figure.start)
    if denominator and not _distributive(text, sentence, denominator.start(), date_spans):
        return None  # "5 Fälle je 100.000 Einwohner", "50 je 1000": a denominator
    if (figure.is_year_like and units.year_cue.search(text[max(sentence.start, figure.numeral_start - 20) : figure.numeral_start])
            and not _date_ends_right_before(text, figure, date_spans)):
        return None  # "im Jahr 2014"; not "am 10. Februar 1874 Menschen", whose date left the count out
    figure = _with_unit_before(text, figure, sentence)
    counted = (figure.unit, None) if figure.unit else _counted_noun(doc, figure, sentence, next_start, previous, date_spans)
    # The claim an elliptical figure continues ("…, die Polizei von 30.000", "Im Januar waren es
    # rund 26.400 gewesen"): its unit, and where the figure's clause names none its place and source.
    antecedent = None
    if counted is None:
        continued, antecedent = _elliptic_unit(text, figure, sentence, previous), previous
        if continued is None:
            continued, antecedent = _continued_unit(doc, figure, sentence, count_before), count_before
        antecedent = antecedent if continued else None
        # A tally's or a gapped vote's figure ends in words of its own ("zu 55 Stimmen", "mit Nein"),
        # a continued one ends its clause: the order of the two lookups does not matter.
        unit_of_count = continued or _tally_unit(text, figure, sentence) or _gapped_vote_unit(text, figure, sentence, previous)
        if unit_of_count is None:
            return None
        counted = unit_of_count, None  # "mit 63 zu 55 Stimmen", "… Anträge gestellt. Im Januar waren es rund 26.400 gewesen."
    unit, unit_match = counted
    if denominator and unit in units.of_place:
        return None  # "liegt je 100.000 Einwohner bei 50": a denominator after a verb too
    if unit in units.ambiguous:
        word = units.ambiguous[unit]
        unit = _ambiguous_unit(units, word, doc, figure, unit_match)
        if unit is None:
            return None  # "zwei Pfund Kartoffeln", "4 Milliarden Kronen": no currency the words name
        if word.factor != 1.0:
            figure = _scaled(figure, word.factor)  # "50 Cent": 0.5 EUR
    if figure.qualifier == "less_than" and unit_match is not None and _among(text, sentence, figure, unit, unit_match):
        # "Unter 1314 Kindern waren 20 krank": the group's exact size, the claim starts at the figure.
        figure = replace(figure, start=figure.numeral_start, qualifier="exact", low=figure.value, high=figure.value)
    surveyed = unit_match is not None and _surveyed_group(text, sentence, figure, unit)
    start, end = figure.start, unit_match.end("unit") if unit_match else figure.end
    if unit_match is not None and unit_match.start() > figure.end and _quoted(text, figure):
        start -= 1  # '"mehr als 10.000" Soldaten': both quotes in the claim's text
    if unit in units.below_zero_units and unit_match is not None and not ((figure.low or 0) < 0 or (figure.high or 0) < 0):
        sign = units.below_zero_after.match(text, end, sentence.end)
        if sign or unit_match.group("unit") in units.below_zero_forms:
            figure = _below_zero_figure(figure)  # "zwei bis drei Grad unter Null": −3 .. −2
            end = sign.end() if sign else end
    segment = _segment(text, sentence, start, end)
    clause = _clause(text, sentence, start, end)
    # A noun no unit names ("Bergsteiger", "Erwachsene") may be people a casualty cue counts too.
    casualty_capable = unit in units.casualty_of or (unit_match is not None and unit not in units.known_units)
    if casualty_capable and not _object_of_preposition(text, sentence.start, start):
        # "12 Menschen kamen ums Leben", "Im Kreistag stimmten 38 Mitglieder mit Ja"
        unit = _inverted_vote(text, sentence, start, end) or _casualty_unit(text, segment, clause, start, end) or unit
    elif casualty_capable:
        # After a preposition the clause's cue is not the figure's, but an adjective of the noun
        # phrase itself is: "spricht von 29 toten Geiseln" counts deaths ("unter den 300 Passagieren").
        unit = _casualty_unit(text, (figure.end, end), (figure.end, end), start, end) or unit
    if unit == "injured" or unit in units.casualty_of:
        unit = _hospitalised(text, segment, end) or unit  # "noch vier Verletzte im Klinikum behandelt": a part of the injured
    kind = increment_kind(text, start, figure.numeral_start, figure.end, end, clause)
    if kind == "addition" and unit in units.casualty_units and _other_casualty_before(doc, sentence, segment[0], unit, previous):
        kind = None  # "3 Menschen starben, 40 weitere wurden verletzt": others, not more of the same
    if kind is None and units.new_noun.search(text, unit_match.start("unit") if unit_match else max(segment[0], start - COUNT_NOUN_WINDOW),
                                              end if unit_match else start):
        kind = "addition"  # "4312 Neuinfektionen", "Die Zahl der Neuinfektionen liegt bei 1870"
    if kind == "addition" and unit in units.change_units:
        kind = None  # "weitere 20 Prozent der Befragten": another part of the whole, not more of one (units.yaml)
    if kind == "change" and unit in unit_families().get("currency", ()) and units.balance_before.search(
        text, max(sentence.start, start - QUALIFIER_WINDOW), start
    ):
        kind = None  # "ein Minus von 6,2 Milliarden Euro": a deficit, a level of its own
    if kind is None and _expected(text, clause, start):
        return None  # "Ökonomen hatten mit 2,2 Prozent gerechnet": a forecast, no fact
    if _wished_or_possible(text, clause, start, unit):
        return None  # "kann auf 64 Millionen Euro steigen", "fordert eine Obergrenze von 200.000": no count
    if kind is None and _changed_by_verb(text, sentence, clause, start, unit):
        kind = "change"  # "Der Dax verlor 1,2 Prozent", "will 3900 Stellen abbauen"
    if kind is None and unit_match is None and _part_of_previous(text, figure, sentence, previous, unit):
        kind = previous.quantity_role  # "3900 Stellen abbauen, davon 3300 in Deutschland": a part of the cut
    rate = _rate(units, text, sentence, clause, start, end, unit) if unit_match is not None else None
    if rate:
        unit, end = rate  # "100 Lastwagen pro Tag", "täglich rund 180 Züge", "vier Milliarden Euro pro Jahr"
    elif unit_match is not None and (price := price_per_energy(text, end, unit)):
        unit, end = price  # "89 Euro pro Megawattstunde": a price per energy unit, no amount
    attribution, accusation = find_attribution_and_accusation(doc, start, end)
    if unit_match is None and attribution is not None:
        attribution = _gapped_speaker(doc, figure, sentence, previous, attribution)
    mention = _Mention(
        text=text,
        entities=entities,
        sentence=sentence,
        start=start,
        end=end,
        unit=unit,
        noun_phrase=(unit_match.start(), unit_match.end("unit")) if unit_match else None,
        segment=segment,
        attribution=attribution,
        accusation=accusation,
    )
    location, location_entity = _location(mention)
    if kind is None and unit not in units.measures and _sent(text, clause, start, location_entity):
        kind = "deployment"  # "Die Bundeswehr verlegt 300 Soldaten nach Litauen"
    measure = quantity_measure(text, clause, start, end, unit)
    unit = unit_of_measure(measure, unit)  # "Der Mindestlohn steigt auf 13,90 Euro": per hour
    claim = Claim(
        kind="quantity",
        span_start=start,
        span_end=end,
        source=mention.attribution.source if mention.attribution and not _self_report_of_another(mention, location_entity) else None,
        quantity_value=figure.value,
        quantity_low=figure.low,
        quantity_high=figure.high,
        quantity_qualifier=figure.qualifier,
        quantity_unit=unit,
        quantity_role="sample" if surveyed else kind or "level",
        quantity_measure=measure,
        # A figure that describes a place (its inhabitants) is nobody's: no actor, the place is the location.
        # Nor is one that describes a thing named in a prepositional phrase ("Im Landtag mit 101 Sitzen hat
        # die CDU 36 Sitze"): it is that thing's, not the clause subject's.
        actor=None if unit in units.of_place or _attribute_in_phrase(text, sentence, figure.start) else _actor(mention, location_entity, previous),
        location=location,
    )
    if antecedent is not None:
        claim = _with_antecedent_context(claim, antecedent, mention, clause)
    claim.quantity_part_of = _whole_named_before(text, sentence, clause, claim, previous)
    # Backwards to the figure an "und" joins it to, forwards over an "und" inside its own phrase.
    dated = _date_segment(text, sentence, _dated_stretch(text, sentence, segment, start), end)
    _link_date(doc.text, dated, claim, date_claims)
    return claim


def _with_antecedent_context(claim: Claim, antecedent: Claim, mention: _Mention, clause: tuple[int, int]) -> Claim:
    """An elliptical figure with the place, source and actor of the figure it continues, where its own
    clause names none: "In Wien fehlen 400 Lehrer, sagt die Gewerkschaft. Im Jänner waren es noch 280
    gewesen" is the union's count for Vienna too. A clause that names an account ("…, nach eigenen
    Angaben 111", "Laut Ministerium waren es 280", "die Arbeitgeber sprachen von 400") or a place of its
    own ("In Graz waren es 280") is another account or another place, of which the figure before says
    nothing: it carries nothing. An
    account in the clause before ("In Bayern wurden nach Angaben des Ministeriums 900 Lawinen gemeldet,
    2023 etwa 700") is the antecedent's and the figure's alike.
    """
    attribution = mention.attribution
    own_account = (attribution is not None and clause[0] <= attribution.start < clause[1]) or names_unknown_speaker(mention.text, *clause, mention.start)
    if own_account or any(match.entity.type in PLACE_TYPES for match in mention.entities.find(*clause)):
        return claim
    return replace(
        claim,
        location=claim.location or antecedent.location,
        source=claim.source or antecedent.source,
        actor=claim.actor or antecedent.actor,
    )


_MIT_BEFORE = re.compile(r"(?<![\w-])mit\s+$")


@lru_cache(maxsize=1)
def _attribute_in_phrase_pattern() -> re.Pattern:
    # "im neuen Landtag mit ", "in einem Haus mit ": a preposition (qualifiers.yaml among.prepositions),
    # an optional article, up to two lower-case words and a capitalised noun right before "mit".
    prepositions = _qualifiers().among_not_after - {"mit"}
    return re.compile(
        r"(?<![\w-])(?i:" + word_alternation(prepositions, ignore_case=True) + r")\s+(?:[a-zäöüß][\w-]*\s+){0,3}[A-ZÄÖÜ][\w-]*\s+mit\s+$"
    )


def _attribute_in_phrase(text: str, sentence: Sentence, start: int) -> bool:
    """Whether the figure starting at `start` is a "mit N" attribute of a noun inside a prepositional
    phrase: "Im neuen Landtag mit 101 Sitzen", "in einem Haus mit 20 Zimmern". The noun is no subject,
    so the figure is not the subject's ("Russland schickte einen Konvoi mit 300 Soldaten" keeps Russia).
    """
    if not _MIT_BEFORE.search(text, max(sentence.start, start - 8), start):
        return False  # most figures: no "mit" right before, no need for the longer look back
    return bool(_attribute_in_phrase_pattern().search(text, max(sentence.start, start - 80), start))


def _sent(text: str, clause: tuple[int, int], start: int, place: EntityMatch | None) -> bool:
    """Whether a figure is the size of a sending rather than a level at its place (units.yaml
    `increments`): a deployment noun right before it ("die Verlegung von 300 Soldaten"), or a
    deployment word in its clause and its place a destination ("schickt 300 Soldaten nach Litauen"), or a
    verb of transport and a destination ("acht Verletzte wurden nach Deutschland zurückgebracht").
    """
    units = _units()
    if units.deployment_noun_before.search(text, max(clause[0], start - QUALIFIER_WINDOW), start):
        return True
    if place is None or not clause[0] <= place.start < clause[1]:
        return False
    return bool(units.destination_before.search(text, max(clause[0], place.start - QUALIFIER_WINDOW), place.start)
                and (units.deployment.search(text, clause[0], clause[1]) or units.transport.search(text, clause[0], clause[1])))


def _tally_unit(text: str, figure: _Figure, sentence: Sentence) -> str | None:
    """The unit of a tally's second figure for its first (units.yaml `tally_joiners`): "mit 63 zu
    55 Stimmen" counts 63 votes too."""
    units = _units()
    tally = units.tally_after.match(text, figure.end, sentence.end)
    unit_match = tally and units.unit_after.match(text, tally.end(), sentence.end)
    return _unit_of_form(unit_match.group("exact") or unit_match.group("compound")) if unit_match else None


def _gapped_vote_unit(text: str, figure: _Figure, sentence: Sentence, previous: Claim | None) -> str | None:
    """The vote a bare figure counts after a vote in its sentence, its verb left out (units.yaml
    `gapped_votes`): "63 Abgeordnete stimmten mit Ja, 55 mit Nein"."""
    if previous is None or previous.span_start < sentence.start or previous.quantity_unit not in unit_families().get("votes", ()):
        return None
    units = _units()
    cue = units.gapped_vote.match(text, figure.end, sentence.end)
    return units.gapped_vote_unit[" ".join(cue.group("cue").lower().split())] if cue else None


def _continued_unit(doc: Document, figure: _Figure, sentence: Sentence, previous: Claim | None) -> str | None:
    """The unit of the claim before a bare figure that continues its count ("waren es rund 26.400",
    "Das waren 15.000 weniger", "sank die Zahl um 11.000": units.yaml `continued_count`,
    `referring_count`), when that claim is in the figure's sentence or the one before."""
    units = _units()
    if previous is None or not (
        units.continued_end.match(doc.text, figure.end, sentence.end) or units.comparative_after.match(doc.text, figure.end)
    ):
        return None
    window_start = max(sentence.start, figure.start - COUNT_NOUN_WINDOW)
    if not (units.continued_count.search(doc.text, window_start, figure.start)
            or units.referring_count.search(doc.text, window_start, figure.start)):
        return None
    earliest = doc.sentences[sentence.index - 1].start if sentence.index > 0 else sentence.start
    return previous.quantity_unit if earliest <= previous.span_start and previous.span_end <= figure.start else None


def _date_ends_right_before(text: str, figure: _Figure, date_spans: list[tuple[int, int]]) -> bool:
    """Whether a date claim ends right before the figure, which the date extractor thus read as no
    year of it: "vom 3. bis 9. Februar 1874 Wahlberechtigte" (checker/extract/dates.py `_without_counted_year`)."""
    return any(end <= figure.start and not text[end : figure.start].strip(" ,") for _, end in date_spans)


def _scaled(figure: _Figure, factor: float) -> _Figure:
    def scale(number: float | None) -> float | None:
        return None if number is None else _round(number * factor)

    return replace(figure, value=scale(figure.value), low=scale(figure.low), high=scale(figure.high))


# A qualifier of a figure that a sign after it turns negative bounds the other side: "mehr als fünf
# Grad unter Null" is less than −5.
_MIRRORED_QUALIFIER = {"more_than": "less_than", "less_than": "more_than", "at_least": "at_most", "at_most": "at_least"}


def _below_zero_figure(figure: _Figure) -> _Figure:
    """The figure below zero: value, bounds and open qualifiers mirrored at zero."""
    if figure.value is None:  # a range: "zwei bis drei Grad unter Null"
        low = None if figure.high is None else -figure.high
        high = None if figure.low is None else -figure.low
        return replace(figure, low=_round(low), high=_round(high))
    qualifier = _MIRRORED_QUALIFIER.get(figure.qualifier, figure.qualifier)
    low, high = _qualified_bounds(-figure.value, qualifier, _last_digit_unit(figure.value))
    return replace(figure, value=_round(-figure.value), low=_round(low), high=_round(high), qualifier=qualifier)


_LAST_WORD = re.compile(r"(?<![\w-])[\w-]+\s*$")


def _among(text: str, sentence: Sentence, figure: _Figure, unit: str, unit_match: re.Match) -> bool:
    """Whether "unter" before the figure is the preposition "among" (qualifiers.yaml `among`)."""
    if " ".join(text[figure.start : figure.numeral_start].lower().split()) != "unter" or unit in _units().measures:
        return False
    qualifiers = _qualifiers()
    word_before = _LAST_WORD.search(text, max(sentence.start, figure.start - 40), figure.start)
    word = word_before.group(0).strip() if word_before else ""
    if word.lower() in qualifiers.among_not_after:
        return False  # "Betriebe mit unter 50 Mitarbeitern"
    if word.lower() in qualifiers.among_one_of:
        return True  # "einer unter 30 Bewerbern"
    segment_start, _ = _segment(text, sentence, figure.start, figure.end)
    if qualifiers.among_survey.search(text, segment_start, figure.start):
        return True  # "eine Umfrage unter 1000 Menschen"
    if word[:1].isupper() and text[sentence.start : word_before.start()].strip():
        # A noun right before "unter": one of the group when it is singular ("der Sieger unter 60
        # Teilnehmern"), a threshold of a kind otherwise ("Gemeinden unter 5000 Einwohnern"); a
        # figure of a place's inhabitants is a threshold of the place ("ein Ort unter 2000 Einwohnern").
        return (
            unit not in _units().of_place
            and _singular_head(text, sentence.start, word_before.start(), word, qualifiers.among_singular)
            and _dative_plural(unit, unit_match)
        )
    return _dative_plural(unit, unit_match)


def _surveyed_group(text: str, sentence: Sentence, figure: _Figure, unit: str) -> bool:
    """Whether the figure counts the group a survey or a study asked ("eine Umfrage des Rats unter
    rund 2000 Abiturienten", "Laut einer Studie unter 1200 Pflegekräften"): "unter" right before it
    (or before its qualifier), and a noun of qualifiers.yaml `among.surveys` earlier in its stretch of
    the sentence that "unter" belongs to: only names and words of `among.survey_links` between ("Laut
    einer Studie starben unter 300 Patienten" has a verb between: "fewer than"). Such a group is a
    sample of the noun, not the count of it a story follows: "unter rund 2000 Abiturienten" beside a
    year's "412 Abiturienten" with the best grade is no rise."""
    if unit in _units().measures:
        return False
    word_before = _LAST_WORD.search(text, max(sentence.start, figure.start - 40), figure.start)
    if word_before is None or word_before.group(0).strip().lower() != "unter":
        return False
    qualifiers = _qualifiers()
    segment_start, _ = _segment(text, sentence, figure.start, figure.end)
    survey = None
    for survey in qualifiers.among_survey.finditer(text, segment_start, word_before.start()):
        pass  # the survey noun nearest to "unter"
    if survey is None:
        return False
    between = text[survey.end() : word_before.start()].split()
    return all(word[:1].isupper() or word.lower() in qualifiers.among_survey_links for word in between)


_WORDS_BEFORE_HEAD = re.compile(r"(?<![\w-])(?:[\w-]+\s+){1,3}$")


def _singular_head(text: str, sentence_start: int, noun_start: int, noun: str, singular_determiners: frozenset[str]) -> bool:
    """Whether the noun at noun_start is singular by its determiner: "ein/das/jeder Sieger", "der/die
    einzige Frau" (a weak adjective in -e is singular, "die besten" is not), "der Sieger" unless the
    "der" is a genitive after a noun ("die Zahl der Dörfer"), "die Siegerin" (a feminine noun in -in,
    whose plural ends in -innen). Otherwise a bare "die" or "den" is open and read as plural."""
    words = _WORDS_BEFORE_HEAD.search(text, max(sentence_start, noun_start - 60), noun_start)
    before = words.group(0).split() if words else []
    adjectives: list[str] = []  # lower-case words between the determiner and the noun, nearest first
    while before and len(adjectives) <= 2:
        word = before.pop()
        lowered = word.lower()
        if lowered in singular_determiners:
            return True
        if lowered in ("der", "die"):
            if adjectives:
                return adjectives[0].endswith("e")
            if lowered == "die":
                return noun.endswith("in")
            # "der Sieger" (nominative, or dative feminine), not "die Zahl der Dörfer" (genitive plural)
            return not (before and before[-1][:1].isupper())
        if not word[:1].islower():
            return False
        adjectives.append(lowered)
    return False


def _dative_plural(unit: str, unit_match: re.Match) -> bool:
    """Whether the counted noun is a dative plural no other case shares: "Kindern", "Tieren", "Jugendlichen"."""
    units = _units()
    groups = unit_match.groupdict()
    form = groups.get("compound") or groups.get("exact") or unit_match.group("unit")
    if unit not in units.known_units:
        return form.endswith(("ern", "eln"))  # "Ratgebern", "Artikeln"; not "Schulen" (nominative too)
    # The form without its final -n is a form of the same unit: "Kindern"/"Kinder", "Tieren"/"Tiere".
    return form.endswith("n") and _unit_of_form(form[:-1]) == unit


# The last word before a noun as an adjective: its stem and an inflection ending.
_LAST_ADJECTIVE = re.compile(r"(?<![\w-])(?P<stem>[\w-]+?)(?:e|en|er|es|em)\s*$", re.IGNORECASE)
# The word right after a noun, and its stem without an inflection ending: "starker" -> "stark".
_NEXT_STEM = re.compile(r"\s+(?P<word>(?P<stem>[\w-]+?)(?:e|en|er|es|em)?)(?![\w-])")


def _ambiguous_unit(units: _Units, word: AmbiguousUnit, doc: Document, figure: _Figure, unit_match: re.Match | None) -> str | None:
    """The unit of a word of several units (units.yaml `ambiguous`), or None when the words leave it open."""
    if unit_match is not None:
        adjective = _LAST_ADJECTIVE.search(doc.text, figure.end, unit_match.start("unit"))
        if adjective:
            stem = adjective.group("stem").lower()
            if stem in word.by_adjective:
                return word.by_adjective[stem]  # "kanadische Dollar"
            if units.country_adjective.search(stem):
                return None  # "neuseeländische Dollar": a currency the lexicon does not name
        if word.by_next_word:
            following = _NEXT_STEM.match(doc.text, unit_match.end("unit"))
            if following:
                stem = following.group("word").lower()
                unit = word.by_next_word.get(stem) or word.by_next_word.get(following.group("stem").lower())
                if unit is not None:
                    return unit  # "ein 300 Seiten starker Bericht", "zwei Seiten lang"
    size = next((bound for bound in (figure.value, figure.low, figure.high) if bound is not None), None)
    for unit, min_value, published_before in word.otherwise:
        if min_value is not None and (size is None or size < min_value):
            continue
        if published_before is not None and doc.published.start >= published_before:
            continue
        return unit
    return None


def _segment(text: str, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence the figure belongs to: between punctuation or clause conjunctions."""
    units = _units()
    segment_start = sentence.start
    for match in units.segment_break.finditer(text, sentence.start, start):
        if not _joins_a_pair(text, sentence.start, match):
            segment_start = match.end()
    following = next((match for match in units.segment_break.finditer(text, end, sentence.end)
                      if not _joins_a_pair(text, sentence.start, match)), None)
    return segment_start, following.start() if following else sentence.end


# "zwischen" and one or two words right before an "und": a range or a pair ("im Alter zwischen 24 und
# 61 Jahren", "zwischen Köln und Bonn").
_BETWEEN_BEFORE = re.compile(r"(?<![\w-])[Zz]wischen(?:\s+[\w.,-]+){1,2}\s*$")


def _joins_a_pair(text: str, floor: int, conjunction: re.Match) -> bool:
    """Whether a break is the "und" of "zwischen A und B", which joins two words of one phrase, not two
    stretches: "Zwölf Tatverdächtige im Alter zwischen 24 und 61 Jahren wurden festgenommen" are arrests."""
    return (conjunction.group(0).strip() == "und"
            and bool(_BETWEEN_BEFORE.search(text, max(floor, conjunction.start() - 40), conjunction.start())))


# A short figure with a full stop before a capitalised article ends a sentence, though the sentence
# splitter reads "41." as an ordinal ("am 7. Dezember"): "…, die ÖVP 51 und die SPÖ 41. Die FPÖ
# kommt auf 28,8 Prozent". No ordinal stands before an article.
def _first_clause_end(text: str, sentence: Sentence) -> int:
    following = _CLAUSE_BREAK.search(text, sentence.start, sentence.end)
    return following.start() if following else sentence.end


def _words_before(text: str, floor: int, position: int, count: int) -> list[str]:
    return [word.lower() for word in _WORD.findall(text[max(floor, position - 60) : position])[-count:]]


# A word in lower case: in a sentence, no name.
_LOWER_CASE_WORD = re.compile(r"(?<![\w-])[a-zäöüß]")


def _governed_by(mention: _Mention, floor: int, match: EntityMatch, prepositions: frozenset[str]) -> bool:
    """Whether one of the prepositions, among the three words before the name, governs it ("in die
    Ukraine", "im Norden Israels"). Not when it governs another name before it, with a lower-case word
    between the two that joins no list: "In Bremen hat Deutschland … zugesagt" names where (Bremen)
    and who (Germany); "in Bremen und Hamburg" is one place phrase."""
    text = mention.text
    words = list(_WORD.finditer(text, max(floor, match.start - 60), match.start))[-3:]
    governing = [word for word in words if word.group(0).lower() in prepositions]
    if not governing:
        return False
    return not any(
        other.end <= match.start and _LOWER_CASE_WORD.search(text, other.end, match.start)
        and not _PLACE_COORDINATION.fullmatch(text, other.end, match.start)
        for other in mention.entities.find(governing[-1].end(), match.start)
    )


def _border(entities: _Entities, start: int, end: int) -> tuple[str, EntityMatch] | None:
    """"an der Grenze zur Ukraine", "an der ukrainischen Grenze" → ("Ukraine border", the entity match);
    but a border phrase that describes the town named right before it names that town: "In Emmerich an
    der niederländischen Grenze" is in Emmerich."""
    text = entities.text
    units = _units()
    for noun in units.border.finditer(text, start, end):
        before = [m for m in entities.find(max(start, noun.start() - 40), noun.start())
                  if not text[m.end : noun.start()].strip() and m.form == "adjective"]
        if before:
            return _town_described(entities, start, before[-1].start) or (f"{actor_of(before[-1].entity)} border", before[-1])
        link = units.border_link.match(text, noun.end(), end)
        if link:
            after = entities.find(link.end(), min(end, link.end() + 60))
            if after and after[0].start == link.end() and after[0].entity.type in PLACE_TYPES:
                return _town_described(entities, start, noun.start()) or (f"{actor_of(after[0].entity)} border", after[0])
    return None


def _town_described(entities: _Entities, start: int, phrase_start: int) -> tuple[str, EntityMatch] | None:
    """The town named right before a border phrase that starts at `phrase_start` and describes it
    ("Emmerich an der niederländischen Grenze", "Görlitz, an der Grenze zu Polen"), as (its name, its match)."""
    towns = [m for m in entities.find(max(start, phrase_start - 60), phrase_start) if m.entity.type == "city" and m.form == "alias"]
    if towns and _units().town_before_border.fullmatch(entities.text, towns[-1].end, phrase_start):
        return towns[-1].entity.name, towns[-1]
    return None


def _location(mention: _Mention) -> tuple[str | None, EntityMatch | None]:
    """(canonical location, the entity match it came from) for the figure."""
    text, (segment_start, segment_end) = mention.text, mention.segment
    units = _units()
    # A place inside the speaker's words is where the speaker is ("Die Regierung in Peking meldete …").
    speaker = []
    if mention.attribution:
        speaker_start, speaker_end = mention.attribution.start, mention.attribution.end
        if speaker_start <= mention.start < speaker_end:
            speaker_end = mention.start  # "Die Bundeswehr hat die Stationierung … in Litauen angekündigt": what is said
        speaker.append((speaker_start, speaker_end))
    places = [m for m in mention.entities.find(segment_start, segment_end)
              if m.entity.type in PLACE_TYPES and not (mention.start <= m.start < mention.end)
              and not overlaps_any(speaker, m.start, m.end)]
    if mention.unit in units.of_place:
        # "die Krim mit ihren zwei Millionen Einwohnern": the place named with the figure, before it if any.
        before = [m for m in places if m.end <= mention.start]
        chosen = before[-1] if before else (places[0] if places else None)
        return (chosen.entity.name, chosen) if chosen else (None, None)
    border = _border(mention.entities, segment_start, segment_end)
    if border:
        return border
    candidates = []
    for match in places:
        offshore = _offshore(text, segment_start, match)  # "vor der libyschen Küste": an adjective that says where
        sector = _state_adjective_of_sector(text, match)  # "die Schweizer Hotellerie": an adjective that says where
        if (match.form == "adjective" and not (offshore or sector) and not _city_adjective_after_preposition(text, segment_start, match)) or _destination_of_route(mention, match):
            continue
        if (match.form == "area" or offshore or sector or _governed_by(mention, segment_start, match, units.location_prepositions)
                or _region_as_subject(mention, match)):
            distance = match.start - mention.end if match.start >= mention.end else mention.start - match.end
            candidates.append((distance, match.start, match))
    if candidates:
        chosen = min(candidates, key=lambda item: (item[0], item[1]))[2]
        if overlaps_any(_coordinated_places(mention), chosen.start, chosen.end):
            # "in der Türkei und in Syrien sind 46.000 Menschen gestorben": a figure of both places, of neither alone.
            return None, chosen
        return chosen.entity.name, chosen
    if mention.attribution and mention.attribution.place:
        # "Die Gesundheitsbehörde in Gaza meldet 28.340 Tote": a local institution counts where it is.
        local = mention.entities.find(*mention.attribution.place)
        if local:
            return local[0].entity.name, local[0]
    if mention.attribution:
        # "Laut RKI starben rund 1100 Menschen": a national statistics body counts its country.
        return counted_country(mention.attribution.source, text, mention.sentence, mention.start), None
    return None, None


def _self_report_of_another(mention: _Mention, location_entity: EntityMatch | None) -> bool:
    """Whether the figure's source is the subject of an earlier clause speaking of itself while the
    figure's own clause has a subject of its own: "Nordrhein-Westfalen hat nach eigenen Angaben rund
    48.000 aufgenommen, Bayern etwa 36.000" — NRW's account of NRW is no source of Bavaria's figure."""
    attribution = mention.attribution
    if (attribution is None or attribution.kind != "prepositional" or attribution.end > mention.segment[0]
            or location_entity is None or not _region_as_subject(mention, location_entity)
            or location_entity.entity.name == attribution.source):
        return False
    return any(match.entity.name == attribution.source or actor_of(match.entity) == attribution.source
               for match in mention.entities.find(mention.sentence.start, attribution.start))


# The first letter of the word after a name or a figure; a capital one after a place makes the place no
# subject: a noun it is the genitive of ("Bayerns Innenminister") or a second part of a name ("Bayern
# München"). Also used by `_counted_noun`.
_FIRST_LETTER_AFTER = re.compile(r"\s+(\w)")


def _region_as_subject(mention: _Mention, place: EntityMatch) -> bool:
    """Whether a region (a federal state, a province) opens the figure's segment as its subject, before
    the figure: "Nordrhein-Westfalen hat rund 48.000 Asylsuchende aufgenommen, Bayern etwa 36.000". A
    region is no actor of a figure, so the figure counts in it; a country or city as subject is the
    actor instead ("Frankreich schickt 3000 Soldaten")."""
    if place.entity.type != "region" or place.form in ("adjective", "area") or place.end > mention.start:
        return False
    before = _WORD.findall(mention.text[mention.segment[0] : place.start].lower())
    after = _FIRST_LETTER_AFTER.match(mention.text, place.end)
    return all(word in _units().determiners for word in before) and not (after and after.group(1).isupper())


def _offshore(text: str, floor: int, place: EntityMatch) -> bool:
    """Whether "vor" puts the figure at sea off the place: "vor Lampedusa", "im Mittelmeer vor
    der Küste Libyens", "vor der libyschen Küste" (units.yaml offshore_prepositions). Not "vor"
    alone before a country or town, which ranks or fears it: "liegt vor Deutschland"."""
    units = _units()
    before_start = max(floor, place.start - QUALIFIER_WINDOW)
    if place.form == "adjective":
        return bool(units.coast_after.match(text, place.end) and units.offshore_article_before.search(text, before_start, place.start))
    if units.coast_before.search(text, before_start, place.start):
        return True
    return place.entity.type in OFFSHORE_PLACE_TYPES and bool(units.offshore_before.search(text, before_start, place.start))


def _state_adjective_of_sector(text: str, place: EntityMatch) -> bool:
    """Whether the place is a country's adjective before a branch of its economy (units.yaml
    `sector_noun_endings`): "die Schweizer Hotellerie", "die deutsche Autoindustrie" count in the country."""
    return place.form == "adjective" and place.entity.type == "country" and bool(_units().sector_after.match(text, place.end))


def _completes_facility_name(text: str, floor: int, place: EntityMatch) -> bool:
    """Whether the place, as written, right after a noun of a facility or a body that is not the state
    (units.yaml `named_facility_endings`) is part of that name: "die Bergwacht Bayern", "des Flughafens
    Leipzig/Halle". Such a name says where at most; the state or town does not act ("Die Sparkasse Hannover
    senkt den Zins")."""
    if place.entity.type not in PLACE_TYPES or place.form == "adjective":
        return False
    return bool(_units().named_facility_before.search(text, max(floor, place.start - QUALIFIER_WINDOW), place.start))


def _town_adjective_of_noun(text: str, place: EntityMatch) -> bool:
    """Whether the place is a town's adjective before a noun ("Die Kölner Haie", "die Düsseldorfer
    Bootsmesse"), which says where the team, fair or body is, not who acts. Not a capital's, which speaks
    for its state ("die Moskauer Führung", gazetteer.py), nor the adjective used as a noun for the
    town's people ("die Zürcherinnen und Zürcher haben … gutgeheissen": the town's voters)."""
    if place.form != "adjective" or place.entity.type != "city" or place.entity.country is not None:
        return False
    after = _FIRST_LETTER_AFTER.match(text, place.end)
    return after is not None and after.group(1).isupper()


def _city_adjective_after_preposition(text: str, floor: int, place: EntityMatch) -> bool:
    """Whether a city's adjective in -er says where the figure is: right after a location preposition
    and its article ("am Münchner Flughafen", "in der Kölner Innenstadt" are in the city). A
    country's adjective names who ("deutsche Soldaten"), and a city's without such a preposition
    names a body ("Die Berliner Zeitung berichtete …")."""
    if place.entity.type != "city":
        return False
    units = _units()
    words = _words_before(text, floor, place.start, 2)
    return bool(words) and (words[-1] in units.location_prepositions
                            or (len(words) == 2 and words[0] in units.location_prepositions and words[1] in units.determiners))


def _destination_of_route(mention: _Mention, place: EntityMatch) -> bool:
    """Whether the place is where the counted journeys go, named right after them: "zwei Flüge
    nach Kopenhagen" were cancelled elsewhere (units.yaml route_unit_endings); or where anything
    counted was diverted to: "15 Maschinen nach Stuttgart umgeleitet" (units.yaml diversion_verbs)."""
    units = _units()
    text = mention.text
    if mention.end > place.start or not units.destination_before.search(text, mention.end, place.start):
        return False
    return mention.unit.endswith(units.route_unit_endings) or bool(units.diversion_after.match(text, place.end))


# What joins two places into one phrase: "der Türkei und Syrien", "in der Türkei und in Syrien",
# "Deutschland, Frankreich".
_PLACE_COORDINATION = re.compile(r"\s*(?:,|und|oder|sowie)\s+(?:(?:in|im|nach|aus|von)\s+)?(?:(?:der|die|dem|den|des)\s+)?")


def _coordinated_places(mention: _Mention) -> list[tuple[int, int]]:
    """The spans of places in the figure's sentence (as far as its window reaches) that are coordinated with another place."""
    return mention.entities.coordinated_places(mention.sentence)


def _actor_candidates(mention: _Mention, floor: int, ceiling: int, excluded: list[tuple[int, int]]) -> list[EntityMatch]:
    """States, organisations, groups and people in [floor, ceiling) that can be the subject of the figure."""
    text = mention.text
    units = _units()
    found = []
    coordinated = None
    not_subject_prepositions = units.location_prepositions | units.object_prepositions
    for match in mention.entities.find(floor, ceiling):
        if match.entity.type not in _ACTOR_TYPES or match.form == "area":
            continue  # "bundesweit": where a figure counts, not whose
        if match.entity.type in PLACE_TYPES and match.form != "adjective":
            coordinated = _coordinated_places(mention) if coordinated is None else coordinated
            if overlaps_any(coordinated, match.start, match.end):
                continue  # "zwischen der Türkei und Syrien", "Russland und die Ukraine": no one state's figure
        if overlaps_any(excluded, match.start, match.end) or (mention.start <= match.start < mention.end):
            continue
        if _completes_facility_name(text, floor, match):
            continue  # "des Flughafens Leipzig/Halle", "Die Sparkasse Hannover senkt …": the facility's, not the town's
        if _governed_by(mention, floor, match, not_subject_prepositions):
            continue  # "in die Ukraine", "gegen Russland": a place or an object, not the subject
        if units.object_attribute_before.search(text, max(floor, match.start - 80), match.start):
            continue  # "gegen die Politik der Bundesregierung": whom a protest or a demand is aimed at
        if match.form == "adjective" and not all(word in units.determiners for word in _WORD.findall(text[floor : match.start].lower())):
            continue  # "einen russischen Einmarsch": an adjective of another noun
        if _town_adjective_of_noun(text, match):
            continue  # "Die Kölner Haie", "die Kölner Weinmesse": a team's or a fair's town says where, not who
        if _state_adjective_of_sector(text, match):
            continue  # "die Schweizer Hotellerie": where, not who
        found.append(match)
    return found


def _actor(mention: _Mention, location_entity: EntityMatch | None, previous: Claim | None) -> str | None:
    """The canonical state, organisation or group whose figure it is (`previous`: the claim right before it)."""
    if mention.accusation is not None and mention.accusation.accused:
        return mention.accusation.accused  # "X wirft Y vor, … zu haben": Y's figure
    origins = _origins_of_people(mention)
    if mention.noun_phrase is not None:
        # "3000 russische Soldaten", "US-Soldaten": the words of the noun phrase name the actor.
        # Not a city's adjective that is the counted noun itself: "500 Hamburger" are food (a country's
        # is its people: "1,5 Millionen Deutsche").
        inside = [m for m in mention.entities.find(*mention.noun_phrase)
                  if (m.entity.type in _ACTOR_TYPES or m.form == "adjective") and not overlaps_any(origins, m.start, m.end)
                  and not (m.form == "adjective" and m.entity.type == "city" and m.end == mention.noun_phrase[1])]
        if inside:
            return actor_of(inside[-1].entity)
        owner = _units().armed_forces_after.match(mention.text, mention.noun_phrase[1], mention.segment[1])
        owners = mention.entities.find(*owner.span("owner")) if owner else []
        if owners and owners[0].entity.type == "country":
            return owners[0].entity.name  # "71 Flugzeuge der chinesischen Luftwaffe": China's
    # Who reports a figure is not whose it is ("nach US-Angaben hat Russland …", "Die Linke spricht von
    # 200 Soldaten"); the subject of a verb of saying may be both ("Die US-Regierung erklärte, 3000
    # Soldaten zu verlegen", "Russland kündigte 3000 Soldaten an").
    attribution = mention.attribution
    # A company's confirmation of a clause passes that clause on, as other verbs of saying do: "Die Reederei
    # X bestätigte, dass 19 Seeleute gerettet wurden" (not "Russland bestätigte, dass 3000 Soldaten …").
    passes_on = attribution is not None and (attribution.reports_only or (
        mention.entities.names_company(attribution.start, attribution.end)
        and _COMMA.search(mention.text, attribution.end, mention.start) is not None))
    excluded = [(attribution.start, attribution.end)] if attribution and (
        attribution.kind == "prepositional" or (passes_on and not _speakers_own(mention))) else []
    if location_entity is not None:
        excluded.append((location_entity.start, location_entity.end))
    excluded.extend(origins)
    excluded.extend(_local_dateline(mention))
    in_segment = _actor_candidates(mention, *mention.segment, excluded)
    before = [m for m in in_segment if m.end <= mention.start]
    after = [m for m in in_segment if m.start >= mention.end]
    if before or after:
        subject = _whole_name(mention, before[0] if before else after[0])
        # "Zusammen kämen CDU, BSW und SPD auf 66 Sitze": the figure of all of them, no one party's.
        return None if _listed_with_another_actor(mention, subject, excluded) else _whose(mention, subject)
    if previous is not None and _ALSO_JOIN.fullmatch(mention.text, previous.span_end, mention.start):
        # "Das BSW kam auf 11,8 Prozent und 15 Sitze": the second figure of the same subject.
        return previous.actor
    gapped = _verbless_list_clause(mention)
    if gapped is not None:
        # "Die CDU kam auf 23,6 Prozent, das BSW auf 15,8 Prozent": the clause names its own subject.
        own = _actor_candidates(mention, *gapped, excluded)
        return actor_of(own[0].entity) if own else None
    # The subject of the sentence: "Die US-Regierung hatte erklärt, … 3000 Soldaten … zu verlegen".
    first_clause_end = _first_clause_end(mention.text, mention.sentence)
    if attribution is not None and attribution.kind == "speech" and attribution.start >= first_clause_end:
        return None  # "Verdi zählte 30.000, die Arbeitgeber sprachen von 18.000": a clause and a speaker of its own
    if first_clause_end < mention.segment[0]:
        if previous is not None and mention.sentence.start <= previous.span_start:
            # "… rund 17.000 Hamas-Kämpfer getötet worden, insgesamt starben dort 40.005 Menschen": a name
            # inside another figure's noun phrase is that figure's actor, not the sentence's subject.
            excluded = [*excluded, (previous.span_start, previous.span_end)]
        subject = _actor_candidates(mention, mention.sentence.start, first_clause_end, excluded)
        if subject:
            return _whose(mention, subject[0])
    return None


# What ends a local report's dateline after its town, past a district glued to it ("Düsseldorf-Eller:"):
# a colon ("Hagen: …") or a dash set off by blanks ("Berlin - …", "München – …"), not a hyphen inside a
# name ("Berlin-Mitte hat …").
_LOCAL_DATELINE_END = re.compile(r"(?:-[A-ZÄÖÜ][\w-]*)?(?::|\s+[-–—]\s)")


def _local_dateline(mention: _Mention) -> list[tuple[int, int]]:
    """The span of a town opening the figure's line with a colon or a dash, a local report's dateline
    ("Hagen: Drei Verletzte bei Brand", "Berlin - Die Partei hat …"): like an agency's ("Hagen (dpa) -",
    datelines.yaml) it says where the report was written, so it is no actor ("Berlin:" is not the German
    government). Only a town: a country or a body before a colon is a headline's topic or speaker
    ("Glamos: Gletscher verlieren …")."""
    text, line_start = mention.text, mention.sentence.start
    if line_start > 0 and text[line_start - 1] != "\n":
        return []
    opening = mention.entities.find(line_start, mention.sentence.end)
    if opening and opening[0].start == line_start and opening[0].entity.type == "city" and _LOCAL_DATELINE_END.match(text, opening[0].end):
        return [(opening[0].start, opening[0].end)]
    return []


def _whose(mention: _Mention, subject: EntityMatch) -> str:
    """The actor the subject of a figure stands for: its country for a person's, city's or state body's
    figure (`actor_of`), but a person's seats, votes or delegates are their own or, when the clause names
    it ("Tusk kommt mit seiner Bürgerkoalition auf 176 Sitze"), their party's: a country's rival
    candidates are no one series."""
    units = _units()
    if subject.entity.type != "person" or mention.unit not in units.candidate_units:
        return actor_of(subject.entity)
    for party in mention.entities.find(subject.end, mention.segment[1]):
        if (party.entity.type == "organisation" and party.entity.country is None and party.form != "adjective"
                and units.candidate_party_before.search(mention.text, subject.end, party.start)):
            return party.entity.name
    return subject.entity.name


def _whole_name(mention: _Mention, subject: EntityMatch) -> EntityMatch:
    """The name a conjunction that opens the figure's segment cut in two: "kommen CDU und CSU auf 27
    Prozent" starts the segment at "CSU", but "CDU und CSU" is one name, the Union's."""
    segment_start = mention.segment[0]
    if segment_start <= mention.sentence.start or mention.text[segment_start : subject.start].strip():
        return subject
    for whole in mention.entities.find(mention.sentence.start, subject.end):
        if whole.start < segment_start and whole.end >= subject.end and whole.entity.type in _ACTOR_TYPES:
            return whole
    return subject


def _origins_of_people(mention: _Mention) -> list[tuple[int, int]]:
    """The span of the place the counted people come from, named right after them ("kamen zwei
    Skitourengeher aus Deutschland ums Leben", "zwei Urlauber aus den Niederlanden"): the victims' or
    travellers' origin, not whose figure it is. Only for casualties and nouns no unit knows; soldiers,
    refugees or a delegation "aus Japan" are their state's, as "japanische" would say. A state's adjective
    before a noun no unit knows says where the counted come from too ("28 afghanische Straftäter", "500
    russische Touristen"), not the noun itself ("2,4 Millionen Deutsche": the country's people); casualties
    keep it, as it says whose losses they are ("12 ukrainische Soldaten getötet"). Nor citizens, whose
    adjective names the people as the people's noun does ("zwei deutsche Staatsangehörige", "zwei
    Deutsche"). Of deportations only the adjective is the origin: "aus Deutschland abgeschoben" names the
    deporting state."""
    units = _units()
    deported = mention.unit in units.origin_is_actor_units
    if mention.noun_phrase is None or not (mention.unit in units.casualty_units or mention.unit not in units.known_units or deported):
        return []
    origins = []
    if (mention.unit not in units.known_units and mention.unit not in units.nationals.values()) or deported:
        origins = [(m.start, m.end) for m in mention.entities.find(*mention.noun_phrase)
                   if m.form == "adjective" and m.entity.type == "country" and m.end < mention.noun_phrase[1]]
    if deported:
        return origins  # "28 afghanische Straftäter aus Deutschland abgeschoben": Germany deports them
    link = units.origin_after.match(mention.text, mention.noun_phrase[1], mention.segment[1])
    if link is None:
        return origins
    place = mention.entities.find(link.end(), min(mention.segment[1], link.end() + 60))
    if place and place[0].start == link.end() and place[0].entity.type in PLACE_TYPES:
        origins.append((place[0].start, place[0].end))
    return origins


# Only "und" or "sowie" between two figures: "auf 11,8 Prozent und 15 Sitze".
_ALSO_JOIN = re.compile(r"\s+(?:und|sowie)\s+", re.IGNORECASE)
# What joins two actors into one subject: "BSW und SPD", "die Union und die SPD". A comma alone does
# not: "Verdi, Deutschlands größte Gewerkschaft" is an apposition; a list with commas ends in "und",
# and the word before or after the actor is then joined to it by "und" or by a comma before "X und"
# ("CDU, BSW und SPD", "SPD, Grüne und FDP").
_ARTICLE = r"(?i:der|die|das|den|dem|des)\s+"
_ACTOR_COORDINATION = re.compile(r"\s*(?i:und|sowie|oder)\s+(?:" + _ARTICLE + r")?")
_ACTOR_COORDINATION_BEFORE = re.compile(r"(?<![\w-])(?i:und|sowie|oder)\s+(?:" + _ARTICLE + r")?$")
_LIST_END_BEFORE = re.compile(r",\s*(?:" + _ARTICLE + r")?[A-ZÄÖÜ][\w-]*\s+(?i:und|sowie)\s+(?:" + _ARTICLE + r")?$")
_LIST_END_AFTER = re.compile(r"\s*,\s*(?:" + _ARTICLE + r")?[A-ZÄÖÜ][\w-]*\s+(?i:und|sowie)\s")


def _listed_with_another_actor(mention: _Mention, subject: EntityMatch, excluded: list[tuple[int, int]]) -> bool:
    """Whether the actor is one of a list of actors joined into one subject ("CDU, BSW und SPD",
    "die Union und die SPD"), which the figure counts together."""
    text, sentence = mention.text, mention.sentence
    if (_LIST_END_BEFORE.search(text, max(sentence.start, subject.start - 60), subject.start)
            or _LIST_END_AFTER.match(text, subject.end, sentence.end)):
        return True  # "SPD, Grüne und FDP": a list of three or more, whose members the gazetteer need not know
    if not (_ACTOR_COORDINATION_BEFORE.search(text, max(sentence.start, subject.start - 20), subject.start)
            or _ACTOR_COORDINATION.match(text, subject.end, sentence.end)):
        return False  # no "und" next to it: the gazetteer's look-up of the whole sentence spared
    others = [m for m in mention.entities.find(sentence.start, sentence.end)
              if m.entity.type in _ACTOR_TYPES and m.form != "area" and not overlaps_any(excluded, m.start, m.end)]
    return any(
        (other.end <= subject.start and _ACTOR_COORDINATION.fullmatch(text, other.end, subject.start))
        or (subject.end <= other.start and _ACTOR_COORDINATION.fullmatch(text, subject.end, other.start))
        for other in others if other.entity != subject.entity
    )


def _speakers_own(mention: _Mention) -> bool:
    """Whether the clause a verb of saying reports is about the speaker's own doing: an infinitive with
    zu ("erklärte, 3000 Soldaten zu verlegen") or a pronoun taking the speaker up ("teilte mit, man habe …")."""
    clause_start, clause_stop = _clause(mention.text, mention.sentence, mention.start, mention.end)
    return bool(ZU_INFINITIVE.search(mention.text, mention.end, clause_stop)) or takes_up_speaker(
        mention.text, clause_start, mention.start)


_COMMA = re.compile(r"(?<!\d),|,(?!\d)|;")
_PARENTHESIS = re.compile(r"\([^()]*\)")
_NAME_LINKS = frozenset({"für", "und"})  # lower-case words inside a name: "Alternative für Deutschland"
_LIST_JOIN = re.compile(r"\s(?:und|sowie)\s+(?=[\w„\"])")


def _verbless_list_clause(mention: _Mention) -> tuple[int, int] | None:
    """The stretch after a comma that is a clause without its verb, a subject and the figure's
    preposition only ("…, das Bündnis Sahra Wagenknecht (BSW) auf 15,8 Prozent"), or None: where
    the figure's own actor is named. (`_gapped_clause` asks another question of such clauses:
    whether a bare figure there takes the unit of the figure before it.)"""
    text, sentence = mention.text, mention.sentence
    comma_end = None
    for comma in _COMMA.finditer(text, sentence.start, mention.start):
        comma_end = comma.end()
    # The last member of a list may be joined by "und" alone: "…, die Neos 9,0 Prozent und die
    # Grünen 8,3 Prozent", "die ÖVP 51 und die SPÖ 41".
    joined = None
    for joined in _LIST_JOIN.finditer(text, comma_end or sentence.start, mention.start):
        pass
    if joined is not None:
        comma_end = joined.end()
    if comma_end is None:
        return None
    words = _WORD.findall(_PARENTHESIS.sub(" ", text[comma_end : mention.start]))
    if words and words[0] in ("und", "sowie"):
        words = words[1:]
    if len(words) < 2:
        return None
    determiners = _units().determiners
    # The subject and the figure's preposition ("die ÖVP auf 26,3 Prozent"), or the subject alone
    # before a figure that ends the member ("die Neos 9,0 Prozent, …", "und die SPÖ 41.").
    subject, preposition = (words[:-1], words[-1]) if words[-1].islower() and words[-1] not in _NAME_LINKS else (words, None)
    if preposition is None or joined is not None:
        if not _GAP_END.match(text, mention.end, sentence.end):
            return None  # "… und die Ausbildung von 300 Rekruten begonnen": a clause with a verb
    if not subject or subject[0].lower() not in determiners:
        return None
    if not all(word[0].isupper() or word.lower() in determiners or word in _NAME_LINKS for word in subject[1:]):
        return None
    return comma_end, mention.start


# A figure, up to two nouns of its unit, and the "und" or "sowie" that joins the next figure to it
# as another object of one verb: "102 Personen und ", "3,5 Millionen Autos sowie ". Not after a
# verb ("30 Menschen festgenommen und 12 …" may begin a clause of its own).
_FIGURE_JOINED_BEFORE = re.compile(r"\d[\d.,]*(?:\s+[A-ZÄÖÜ][\w-]*){0,2}\s+(?:und|sowie)\s+$")


def _dated_stretch(text: str, sentence: Sentence, segment: tuple[int, int], start: int) -> tuple[int, int]:
    """The stretch whose date dates the figure: its segment, or, for a figure that opens its segment
    right after an "und" joining it to the figure before ("Eine Woche zuvor hatte die EU 102
    Personen und 28 Unternehmen auf ihre Liste gesetzt"), the segment of that figure too: two
    objects of one verb share its clause's date. A second clause names its own ("300 Fälle und im
    Februar 450 Fälle": the figure does not open its segment, which keeps its date)."""
    segment_start, segment_end = segment
    if text[segment_start:start].strip():
        return segment
    joined = _FIGURE_JOINED_BEFORE.search(text, max(sentence.start, segment_start - 60), segment_start)
    if joined is None:
        return segment
    return _segment(text, sentence, joined.start(), joined.start() + 1)[0], segment_end


_AND_BREAK = re.compile(r"\s+und\s")


def _date_segment(text: str, sentence: Sentence, segment: tuple[int, int], end: int) -> tuple[int, int]:
    """The stretch the figure's date is looked for in: its segment, run on over an "und" that joins
    two nouns of the figure's own phrase, to the next break. In "Mehr als 60 Einsatzkräfte der
    Bergwacht und der Polizei suchten am Sonntag das Gelände ab" the day after the verb dates the
    figure. Only determiners and capitalised words may stand between the figure and the "und", and
    at least one (the attribute the "und" continues), and a determiner or a capitalised word must
    follow it: "60 Verletzte und am Sonntag zwei Tote" stay two segments."""
    segment_start, segment_end = segment
    joined = _AND_BREAK.match(text, segment_end)
    if joined is None:
        return segment
    determiners = _units().determiners
    # In a sentence written in capitals ("UND AM SONNTAG") only a determiner tells a noun phrase.
    capitals_tell_nouns = not text[sentence.start : sentence.end].isupper()

    def noun_phrase_word(word: str) -> bool:
        return word.lower() in determiners or (capitals_tell_nouns and word[0].isupper())

    attribute = _WORD.findall(text, end, segment_end)
    following = _WORD.search(text, joined.end(), sentence.end)
    if not attribute or following is None or not all(map(noun_phrase_word, attribute)) or not noun_phrase_word(following.group()):
        return segment
    next_break = next((match for match in _units().segment_break.finditer(text, joined.end() - 1, sentence.end)
                       if not _joins_a_pair(text, sentence.start, match)), None)
    return segment_start, next_break.start() if next_break else sentence.end


def _link_date(text: str, segment: tuple[int, int], claim: Claim, date_claims: list[Claim]) -> None:
    """Copy the date of the claim's segment onto the figure ("im Januar … 3000 Soldaten").

    The segment is cut at conjunctions too, so that in "… am 20. Februar für möglich zu halten und
    rund 3000 Soldaten zu verlegen" the date of the first half does not date the second. The base a
    figure is compared with dates it not: "Gegenüber dem Vormonat stiegen die Preise um 0,3
    Prozent" in an October report is October's rise, not September's. Nor does the day a measured
    figure was told date the period it measures: "Die Versicherung bezifferte den Schaden am
    Sonntagabend auf 2 Millionen Euro" is the damage as told on Sunday, one figure of the damage's
    series with Monday's, not Sunday's damage (`told_by_a_telling_verb`). A count keeps the day: it
    is the count as it stood then. A date of the event a count is of does not date the count
    either: "bei der Explosion am Dienstag sieben Tote" is the toll as told (`event_dates`).
    """
    segment_start, segment_end = segment
    told_day = claim.quantity_measure is not None and told_by_a_telling_verb(text, segment)
    best = None
    for date_claim in date_claims:
        if date_claim.span_start < segment_start or date_claim.span_end > segment_end:
            continue
        if told_day and date_claim.date_granularity == "day":
            continue
        if is_comparison_base(text, date_claim.span_start):
            continue
        if dates_an_event_not_the_count(text, date_claim.span_start, claim.quantity_unit):
            continue
        if date_claim.span_start < claim.span_end and claim.span_start < date_claim.span_end:
            continue
        distance = min(abs(date_claim.span_start - claim.span_end), abs(claim.span_start - date_claim.span_end))
        key = (distance, date_claim.span_start)
        if best is None or key < best[0]:
            best = (key, date_claim)
    if best is not None:
        date_claim = best[1]
        claim.date_start = date_claim.date_start
        claim.date_end = date_claim.date_end
        claim.date_granularity = date_claim.date_granularity
        claim.date_timex = date_claim.date_timex
