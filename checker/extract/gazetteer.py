"""Canonical names for countries, places, organisations and people.

The entries live in `lexicons/de/{places,towns,organisations,people}.yaml`: one canonical name per
entity with its German aliases and inflected forms; adjectives are given as stems
(`russisch` matches russische, russischen, russischer …). Exact matching looks names up by their
first word (see `Gazetteer.find`); rapidfuzz catches spelling variants of capitalised words
(Selenski → Selenskyj).

German capitalises every noun, so fuzzy matching is kept narrow: the first letter must agree, an
entity can opt out (`fuzzy: false`), and `exact_case` aliases (towns named like a verb: Erlangen,
not "Bedeutung erlangen") match only as written. `context_aliases` (cities whose name is also a common
noun: Essen, Halle, Kassel) match only as written and right after a word that makes them a place
(places.yaml `context_words`: "in Essen", "Stadt Kassel"; not "beim Essen", "in der Halle").

A place's name inside another name stands for no place: a declined adjective written with a capital
inside a sentence, before a capitalised noun, opens a proper name ("die Deutsche Bahn", "der
Französischen Revolution"; unlike "deutsche Soldaten" or a sentence's first word), and a place before
a currency (places.yaml `currency_words`: "US-Dollar", "Hongkong-Dollar") names the money. Likewise a
noun that names a party alone ends another body's name after such an adjective (organisations.yaml
`name_ends`: "der Afrikanischen Union" is not the CDU/CSU's "Union"), and a place opening a quoted
title of capitalised words names the outlet or work ("die Zeitung «Kyiv Independent»"). A short name two
bodies share names the other body after a noun of its kind (organisations.yaml `other_bodies_before`:
"der Weltverband IWF" is the weightlifting federation, "der IWF" alone the Monetary Fund).

A known person's surname alone right after another given name (people.yaml `given_names`: "Werkleiter
Jens Köhler") names someone else, and a fuzzy match adds no letters to a surname ("Köhlert"). So does
one right after a local title (people.yaml `local_titles`: "Werkleiter Köhler", "Bürgermeisterin
Schröder") that was none of that person's offices (an entity's `offices`: "Bürgermeister Scholz" of
Hamburg is Olaf Scholz); a title of national rank ("Altkanzler Schröder", "CDU-Chef Merz") is no
local title and keeps the famous person.

A capital speaks for its state ("Wien reagierte gelassen": Austria), but not when a noun names it a
municipality (places.yaml `municipality_words`: "Die Stadt Wien investiert …", "der Kanton Zürich"):
there the town itself acts, so its match carries the town without a `country`.

A compound "City-District" names the city, whatever the district: "Köln-Ehrenfeld", "Düsseldorf-Bilk"
and "Köln-Mülheim" are all in Cologne or Düsseldorf. A district that shares its name with another
town or a region (Mülheim an der Ruhr, Porz) is taken into the city's match, so that it is found as
no place of its own. The district is not kept: a claim's place is an entity of the gazetteer, and a
figure told "in Köln-Ehrenfeld" and again "in Köln" is one figure of one place.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from checker.extract.alternation import matched_key, word_alternation
from checker.lexicon import LexiconError, LEXICON_DIR, lexicon_error, load_lexicon

GAZETTEER_FILES = ("places", "towns", "organisations", "people")
ENTITY_TYPES = ("country", "city", "region", "sea", "island", "organisation", "person", "group")
PLACE_TYPES = ("country", "city", "region", "sea", "island")  # the entity types that are places
OFFSHORE_PLACE_TYPES = ("sea", "island")  # places a boat is "vor" ("vor Lampedusa"), unlike a country one ranks "vor"
LOCAL_PLACE_TYPES = ("city", "region")  # places below a country: where a town's police speaks, a surname's namesake
ENTRY_KEYS = {"name", "type", "aliases", "adjectives", "area_words", "country", "roles", "note", "fuzzy", "exact_case", "context_aliases", "offices"}
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
FUZZY_CUTOFF = 90
FUZZY_MIN_LENGTH = 6
CONTEXT_REACH = 20  # characters a context word and its blanks span before its alias ("Großstadt ")


@dataclass(frozen=True)
class Entity:
    name: str
    type: str
    country: str | None  # the state an organisation, city or person stands for, if any
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityMatch:
    start: int
    end: int
    entity: Entity
    # "alias" | "adjective" | "area" ("bundesweit": the whole place, where a figure counts) | "fuzzy" |
    # "introduction" (the phrase that names a company of the article: extract/companies.py)
    form: str


@dataclass(frozen=True, eq=False)  # hashed by identity: the fuzzy lookup is memoised per gazetteer
class Gazetteer:
    entities: dict[str, Entity]
    surface: dict[str, tuple[str, str]]  # lower-cased surface form -> (entity name, form)
    form_lengths: dict[str, tuple[int, ...]]  # first word of surface forms -> their lengths, longest first
    fuzzy_choices: tuple[str, ...]
    exact_case: dict[str, str]  # alias matched only as written (alone, or as a context alias) -> entity name
    exact_case_pattern: re.Pattern | None
    context_pattern: re.Pattern | None  # a context word, then a context alias (group "alias")
    declined_adjectives: frozenset[str]  # lower-cased adjective forms written small outside a name ("deutsche")
    currency_after: re.Pattern | None  # a currency word right after a place's name ("-Dollar", " Franken")
    name_ends: frozenset[str]  # lower-cased aliases that end another name after a capitalised adjective ("union")
    other_bodies_before: dict[str, re.Pattern]  # lower-cased shared short name -> another body's noun right before it
    municipality_before: re.Pattern  # a municipality noun right before a town's name ("Stadt Wien"), searched up to its start
    given_names: frozenset[str]  # people.yaml `given_names`: before a person's surname alone, another person's first name
    local_title: re.Pattern  # people.yaml `local_titles`, alone or ending a compound, right before a name ("Werkleiter ")
    offices: dict[str, frozenset[str]]  # person -> the lower-cased local titles that were their offices ("bürgermeister")

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[EntityMatch]:
        """Every entity mention in `text[start:end]`, left to right, longest match first.

        Finds what one regex of all surface forms would, compiled with re.IGNORECASE between
        `(?<!\\w)` and `(?!\\w)` (leftmost, then longest, not overlapping), without compiling that
        regex: with some 1,700 forms it took ~10 ms, in every process and on every warm run. A
        form starts with a word character (checked at load time), so it can only start where a
        word does: each word is looked up, as `matched_key` reads it, among the first words of
        the forms, and the forms it begins are tried longest first.
        """
        end = len(text) if end is None else end
        matches: list[EntityMatch] = []
        # The keys of all words and forms of the stretch at once: `matched_key` of the stretch keeps
        # every offset, and a character's key depends on no other character but for a capital sigma's
        # (lower() writes a final sigma by the letters around it), so a word's key is its piece of the
        # stretch's. One call for the stretch, not two per word, was a third of this method's time.
        stretch = text[start:end]
        keys = matched_key(stretch) if "Σ" not in stretch else None
        resume = start  # the end of the last match: forms do not overlap
        for word in _WORD.finditer(text, start, end):
            begin, word_end = word.span()
            if begin < resume:
                continue
            lengths = self.form_lengths.get(keys[begin - start : word_end - start] if keys is not None else matched_key(word.group()))
            if lengths is None:
                continue
            for length in lengths:
                stop = begin + length
                if stop > end or _WORD_CHARACTER.match(text, stop, end):
                    continue
                hit = self.surface.get(keys[begin - start : stop - start] if keys is not None else matched_key(text[begin:stop]))
                if hit is not None:
                    name, form = hit
                    if matches and _district_of(text, matches[-1], begin, self.entities[name].type):
                        matches[-1] = replace(matches[-1], end=stop)  # "Köln-Mülheim": Cologne's district, not the Ruhr town
                    elif not self._inside_other_name(text, begin, stop, form, end, self.entities[name].type):
                        matches.append(EntityMatch(begin, stop, self._as_named(text, begin, self.entities[name]), form))
                    resume = stop
                    break
        # The spans taken so far are indexed only for a stretch that holds an exact-case or context alias: few do.
        exact_case = list(self.exact_case_pattern.finditer(text, start, end)) if self.exact_case_pattern is not None else []
        if exact_case:
            taken = _Spans(matches)
            for match in exact_case:
                if not taken.overlaps(match.start(), match.end()):
                    matches.append(EntityMatch(match.start(), match.end(), self.entities[self.exact_case[match.group(0)]], "alias"))
        # The context word may stand before the stretch: the town of "die Behörde in Halle" is found in
        # the stretch "Halle" alone as in the whole sentence.
        in_context = (list(self.context_pattern.finditer(text, max(0, start - CONTEXT_REACH), end))
                      if self.context_pattern is not None else [])
        if in_context:
            taken = _Spans(matches)
            for match in in_context:
                begin, stop = match.span("alias")
                if begin >= start and not taken.overlaps(begin, stop):
                    matches.append(EntityMatch(begin, stop, self.entities[self.exact_case[match.group("alias")]], "alias"))
        matches.extend(self._fuzzy(text, start, end, matches))
        matches = [match for match in matches if not self._other_persons_surname(text, match)]
        matches.sort(key=lambda m: (m.start, -m.end))
        return matches

    def _other_persons_surname(self, text: str, match: EntityMatch) -> bool:
        """Whether a person's surname alone, found at `match`, follows the first name of someone else
        or a local title that was none of the person's offices: "Werkleiter Jens Köhler" and
        "Werkleiter Köhler" are not Horst Köhler, "Doris Schröder-Köpf" not Gerhard Schröder. The
        person's own first name is part of a longer alias ("Horst Köhler"), which was found instead."""
        if match.entity.type != "person" or " " in text[match.start:match.end]:
            return False
        reach = max(0, match.start - 30)
        before = _WORD_BEFORE.search(text, reach, match.start)
        if before is not None and before.group(1) in self.given_names:
            return True
        title = self.local_title.search(text, reach, match.start)
        return title is not None and title.group("title").lower() not in self.offices.get(match.entity.name, ())

    def _as_named(self, text: str, start: int, entity: Entity) -> Entity:
        """`entity`, or for a capital named as a municipality ("die Stadt Wien") the town alone, which
        speaks for no state (see the module's docstring)."""
        if entity.type != "city" or entity.country is None:
            return entity
        if self.municipality_before.search(text, max(0, start - 40), start) is None:
            return entity
        return replace(entity, country=None)

    def _inside_other_name(self, text: str, start: int, end: int, form: str, limit: int, entity_type: str) -> bool:
        """Whether the form found at [start, end) is part of a name of something else: "Deutsche Bahn",
        "US-Dollar", the newspaper «Kyiv Independent» (see the module's docstring)."""
        if self.currency_after is not None and self.currency_after.match(text, end, limit):
            return True
        if entity_type in PLACE_TYPES and text[start - 1:start] in _QUOTES and _QUOTED_TITLE_REST.match(text, end, limit):
            return True
        other_body = self.other_bodies_before.get(matched_key(text[start:end])) if form == "alias" else None
        if other_body is not None and other_body.search(text, max(0, start - 40), start):
            return True
        if form == "alias" and matched_key(text[start:end]) in self.name_ends:
            adjective = _CAPITALISED_ADJECTIVE_BEFORE.search(text, max(0, start - 40), start)
            return adjective is not None and _after_sentence_start(text, adjective.start())
        if form != "adjective" or matched_key(text[start:end]) not in self.declined_adjectives:
            return False
        if not _CAPITALISED_WORD.match(text, start, end) or not _NAME_NOUN_AFTER.match(text, end, limit):
            return False
        return _after_sentence_start(text, start)

    def lookup(self, surface: str) -> Entity | None:
        """The entity a single name or alias stands for (exact, then fuzzy)."""
        hit = self.surface.get(surface.strip().lower())
        if hit:
            return self.entities[hit[0]]
        fuzzy = _fuzzy_lookup(self, surface.strip())
        return self.entities[fuzzy] if fuzzy else None

    def _fuzzy(self, text: str, start: int, end: int, exact: list[EntityMatch]) -> list[EntityMatch]:
        covered = _Spans(exact)
        found: list[EntityMatch] = []
        for word in _CAPITALISED.finditer(text, start, end):
            if covered.overlaps(word.start(), word.start() + 1):
                continue
            name = _fuzzy_lookup(self, word.group(0))
            if name:
                found.append(EntityMatch(word.start(), word.end(), self.entities[name], "fuzzy"))
        return found


def _district_of(text: str, city: EntityMatch, start: int, entity_type: str) -> bool:
    """Whether the town or region named at `start` is the second part of a compound "City-District"
    glued by a hyphen to the city `city` before it ("Köln-Mülheim", "Köln-Porz", "Berlin-Brandenburg"):
    the first part is the place, the second a part of it that shares a name with another town (see
    the module's docstring)."""
    return (city.entity.type == "city" and city.form == "alias" and entity_type in LOCAL_PLACE_TYPES
            and city.end == start - 1 and text[city.end] in _HYPHENS)


def _after_sentence_start(text: str, start: int) -> bool:
    """Whether the word at `start` stands inside a sentence or quote, where a capital tells a name."""
    before = text[max(0, start - 10) : start].rstrip(" \t\xa0")
    return bool(before) and before[-1] not in _SENTENCE_OPENERS


class _Spans:
    """The spans of matches that do not overlap each other, sorted, asked whether a stretch
    overlaps one of them by bisection: a long text holds thousands of names, and a test against
    every one of them for every capitalised word grew with the square of the text."""

    def __init__(self, matches: list[EntityMatch]):
        spans = sorted((m.start, m.end) for m in matches)
        self.starts = [span_start for span_start, _ in spans]
        self.ends = [span_end for _, span_end in spans]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a span: the last span starting before `end` reaches past `start`."""
        index = bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start


# Where a surface form can start, with the run of word characters that is its first word; and what
# must not follow a form.
_WORD = re.compile(r"(?<!\w)\w+")
_WORD_CHARACTER = re.compile(r"\w")
# A word written with a capital, then small letters ("Deutsche", not "DEUTSCHE" in an all-caps line);
# a capitalised noun after it; and what may stand before a sentence's or quote's first word.
_CAPITALISED_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+")
_NAME_NOUN_AFTER = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]")
# A place's name that opens a quoted title of capitalised words names the title's work or outlet, not
# the place: «Kyiv Independent», „Moscow Times".
_QUOTES = frozenset("«»„“”\"‚‘’‹›")
_QUOTED_TITLE_REST = re.compile(r"(?:[ \t\xa0-][A-ZÄÖÜ][\w'’-]*){1,3}[«»“”\"‘’‹›]")
# The word right before a name, past blanks.
_WORD_BEFORE = re.compile(r"(?<![\w-])(\w+)[ \t\xa0]+$")
# A declined adjective written with a capital right before a name's last noun ("Afrikanischen Union").
_CAPITALISED_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?:e|en|er)[ \t\xa0]+$")
_HYPHENS = frozenset("-‐‑")
_SENTENCE_OPENERS = frozenset(".!?:;\n\r\"'„“”«»‚‘’(–-")

# A capital first, so that the regex engine jumps from capital to capital; the check that the word
# starts there (no letter or hyphen before it) therefore looks back past that capital. After it any
# letter but a German capital: a name's letters with diacritics ("Erdoğans", "Nausėdas") are
# letters of the word, which otherwise ended at the first of them and so was never looked up.
_CAPITALISED = re.compile(r"[A-ZÄÖÜ](?<![\w-].)[^\W\d_A-ZÄÖÜ]{%d,}(?![\w-])" % (FUZZY_MIN_LENGTH - 1))


@lru_cache(maxsize=65536)
def _fuzzy_lookup(gazetteer: Gazetteer, word: str) -> str | None:
    """The entity whose alias `word` misspells, if any.

    Memoised on the gazetteer itself, not on its tuple of choices: a tuple hashes all its items
    on every call, and the same capitalised words recur in every article.
    """
    if len(word) < FUZZY_MIN_LENGTH:
        return None
    best = process.extractOne(word.lower(), gazetteer.fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    surface = best[0] if best else None
    if surface is None or surface[0] != word[0].lower():
        return None
    name, form = gazetteer.surface[surface]
    if form != "alias":
        return None
    # A surname with letters added is another name ("Köhlert" is not Köhler), but for a genitive "-s".
    lowered = word.lower()
    if gazetteer.entities[name].type == "person" and lowered.startswith(surface) and lowered != surface + "s":
        return None
    return name


def _entries(file_name: str) -> list[dict]:
    content = load_lexicon(file_name)
    if not isinstance(content, dict) or not isinstance(content.get("entities"), list):
        raise lexicon_error(file_name, "expected a mapping with a list under 'entities'")
    for position, entry in enumerate(content["entities"], start=1):
        if not isinstance(entry, dict) or "name" not in entry or "type" not in entry:
            raise lexicon_error(file_name, f"entity #{position} needs 'name' and 'type'")
        unknown = set(entry) - ENTRY_KEYS
        if unknown:
            raise lexicon_error(file_name, f"entity {entry['name']!r} has unknown keys {sorted(unknown)}")
        if entry["type"] not in ENTITY_TYPES:
            raise lexicon_error(file_name, f"entity {entry['name']!r} has unknown type {entry['type']!r}")
    return content["entities"]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    entities: dict[str, Entity] = {}
    surface: dict[str, tuple[str, str]] = {}
    exact_case: dict[str, str] = {}
    offices: dict[str, frozenset[str]] = {}
    context_aliases: set[str] = set()
    no_fuzzy: set[str] = set()
    declined: set[str] = set()
    for file_name in GAZETTEER_FILES:
        for entry in _entries(file_name):
            name = entry["name"]
            if name in entities:
                raise lexicon_error(file_name, f"entity {name!r} defined twice")
            entities[name] = Entity(name, entry["type"], entry.get("country"), tuple(entry.get("roles", ())))
            if entry.get("offices"):
                offices[name] = frozenset(office.lower() for office in entry["offices"])
            # A name that is also a common word ("Essen", "Erlangen") is no alias of its own: only its
            # context or exact-case aliases find it.
            as_written = {*entry.get("context_aliases", []), *entry.get("exact_case", [])}
            for alias in [*([] if name in as_written else [name]), *entry.get("aliases", [])]:
                surface.setdefault(alias.lower(), (name, "alias"))
            for alias in entry.get("context_aliases", []):
                context_aliases.add(alias)
                exact_case.setdefault(alias, name)
            for alias in entry.get("exact_case", []):
                exact_case.setdefault(alias, name)
            if entry.get("fuzzy") is False:
                no_fuzzy.add(name)
            for stem in entry.get("adjectives", []):
                # A place's adjective in -er is not declined ("die Schweizer Regierung", "das Pekinger
                # Ministerium"); any other stem takes the adjective's endings ("russisch" → "russische").
                undeclined = stem.endswith("er")
                for ending in ("",) if undeclined else ADJECTIVE_ENDINGS[1:]:
                    surface.setdefault((stem + ending).lower(), (name, "adjective"))
                    if not undeclined and not stem[0].isupper():
                        declined.add((stem + ending).lower())  # not "Schweizer", "Südtiroler": always capitalised
            for stem in entry.get("area_words", []):
                for ending in ADJECTIVE_ENDINGS:  # "bayernweit" and "die bayernweite Zahl"
                    surface.setdefault((stem + ending).lower(), (name, "area"))
    form_lengths = _form_lengths(surface)
    fuzzy_choices = tuple(
        sorted(
            form
            for form, (name, kind) in surface.items()
            if kind == "alias" and len(form) >= FUZZY_MIN_LENGTH and name not in no_fuzzy
        )
    )
    alone = [alias for alias in exact_case if alias not in context_aliases]
    exact_case_pattern = re.compile(r"(?<![\w])" + word_alternation(alone) + r"(?![\w])") if alone else None
    return Gazetteer(entities, surface, form_lengths, fuzzy_choices, exact_case, exact_case_pattern,
                     _context_pattern(context_aliases), frozenset(declined), _currency_after(), _name_ends(),
                     _other_bodies_before(), _municipality_before(), _given_names(), _local_title(), offices)


def _currency_after() -> re.Pattern | None:
    """A currency word glued by a hyphen or a blank to the place before it ("US-Dollar", "Schweizer Franken")."""
    words = load_lexicon("places").get("currency_words")
    if not isinstance(words, list) or not words or not all(isinstance(word, str) and word for word in words):
        raise lexicon_error("places", "'currency_words' must list the currencies named after a place")
    return re.compile(r"[-‐\s]" + word_alternation(words, ignore_case=True) + r"(?![\w-])", re.IGNORECASE)


def _municipality_before() -> re.Pattern:
    """A municipality noun (places.yaml `municipality_words`) as the last word before a town's name."""
    words = load_lexicon("places").get("municipality_words")
    if not isinstance(words, list) or not words or not all(isinstance(word, str) and word for word in words):
        raise lexicon_error("places", "'municipality_words' must list the nouns that name a town a municipality")
    return re.compile(r"(?<![\w-])" + word_alternation(words, ignore_case=True) + r"\s+$", re.IGNORECASE)


def _given_names() -> frozenset[str]:
    """The given names (people.yaml `given_names`) that make a known surname after them another person's."""
    words = load_lexicon("people").get("given_names")
    if not isinstance(words, list) or not words or not all(isinstance(word, str) and word[:1].isupper() for word in words):
        raise lexicon_error("people", "'given_names' must list capitalised given names")
    return frozenset(words)


def _local_title() -> re.Pattern:
    """A local title (people.yaml `local_titles`) as the last word before a name, alone or ending a
    compound ("Werkleiter", "Oberbürgermeisterin", "SPD-Landrat"); group "title" is the word without a
    hyphenated first part, which names a party or a former office ("SPD-", "Ex-"), not another office."""
    words = load_lexicon("people").get("local_titles")
    if not isinstance(words, list) or not words or not all(isinstance(word, str) and word[:1].isupper() for word in words):
        raise lexicon_error("people", "'local_titles' must list capitalised titles of local office holders")
    return re.compile(r"(?<![\w-])(?:\w+-)?(?P<title>\w*?" + word_alternation(words, ignore_case=True) + r")[ \t\xa0]+$", re.IGNORECASE)


def _name_ends() -> frozenset[str]:
    """The lower-cased aliases that name their entity only without a capitalised adjective before them."""
    words = load_lexicon("organisations").get("name_ends")
    if not isinstance(words, list) or not all(isinstance(word, str) and word for word in words):
        raise lexicon_error("organisations", "'name_ends' must list the aliases that end other names after an adjective")
    return frozenset(word.lower() for word in words)


def _other_bodies_before() -> dict[str, re.Pattern]:
    """For each short name two bodies share (organisations.yaml `other_bodies_before`), a noun ending in one
    of its listed ends as the last word before it ("Weltverband ", "Gewichtheber-Weltverbands ")."""
    shared = load_lexicon("organisations").get("other_bodies_before", {})
    if not isinstance(shared, dict) or not all(
            isinstance(ends, list) and ends and all(isinstance(end, str) and end for end in ends) for ends in shared.values()):
        raise lexicon_error("organisations", "'other_bodies_before' must map a short name to the ends of other bodies' nouns")
    return {matched_key(name): re.compile(r"(?<![\w-])[\w-]*?" + word_alternation(ends, ignore_case=True) + r"[ \t\xa0]+$", re.IGNORECASE)
            for name, ends in shared.items()}


def _context_pattern(context_aliases: set[str]) -> re.Pattern | None:
    """A context word (either case of its first letter: "In Essen"), then a context alias, not before a
    figure ("in Halle 7" of a fair is a hall)."""
    if not context_aliases:
        return None
    words = load_lexicon("places").get("context_words")
    if not isinstance(words, list) or not words or not all(isinstance(word, str) and word for word in words):
        raise lexicon_error("places", "'context_words' must list the words before a context alias")
    either_case = sorted({variant for word in words for variant in (word, word[0].upper() + word[1:])})
    return re.compile(
        r"(?<![\w-])" + word_alternation(either_case) + r"\s+(?P<alias>" + word_alternation(context_aliases) + r")(?![\w-])(?!\s*\d)"
    )


def _form_lengths(surface: dict[str, tuple[str, str]]) -> dict[str, tuple[int, ...]]:
    """The lengths of the surface forms by their first word, longest first (`Gazetteer.find`).

    A form's first word is its leading run of word characters; in a text, a letter that
    re.IGNORECASE equates with one of the form's is a word character too, so the text's word
    there is exactly as long. A form that starts with no word character could not be found.
    """
    lengths: dict[str, set[int]] = {}
    for form, (name, _) in surface.items():
        first_word = _WORD.match(form)
        if first_word is None:
            raise LexiconError(f"{LEXICON_DIR}: a name or alias of {name!r} ({form!r}) must start with a letter or digit")
        lengths.setdefault(first_word.group(), set()).add(len(form))
    return {word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()}
