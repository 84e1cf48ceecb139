"""Meeting claims: summits, phone calls and video conferences, with who, how, where, when and status.

A meeting mention is a meeting noun ("Gipfeltreffen", "Videogipfel") or verb ("telefonieren",
"sich treffen"). Around it, in its clause, sentence and the preceding text of the article:

- participants: people and bodies from the gazetteer, role words resolved with the
  publication date (`roles.yaml`: "US-Präsident" in 2021 is Joe Biden), counterparts
  ("sein russischer Amtskollege") and group references ("die beiden Staatschefs") from context;
- mode from the word itself or a cue ("per Telefon"); place from "in <city>";
- date: the closest date claim of the same clause;
- status from cue words (vorgeschlagen, vereinbart, dementiert, abgesagt …) or else tense;
- source: who reports it (checker.extract.attribution when present).

A mention whose parties cannot be told is not a claim: the rules can compare nothing about it.
A meeting of one body ("EU-Gipfel", "Nato-Gipfel") is the exception: that body is its party.

All German words live in `lexicons/de/meetings.yaml` and `lexicons/de/roles.yaml`.
Which mentions are the same meeting across articles is decided later (`checker.extract.events`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from checker.document import Document, Sentence
from checker.extract.attribution import find_attribution
from checker.extract.gazetteer import EntityMatch, load_gazetteer
from checker.lexicon import LEXICON_DIR, LexiconError, load_lexicon, require_mapping
from checker.schema import MEETING_MODES, MEETING_STATUSES, Claim

LEXICON = "meetings"
ROLES_LEXICON = "roles"
# The strongest status a mention's cues give wins: a denial outweighs the plans it denies.
STATUS_RANK = {"planned": 0, "proposed": 1, "agreed": 2, "held": 3, "denied": 4, "cancelled": 5}
# An attributive cue binds to a meeting noun at most this many characters after it.
ATTRIBUTIVE_REACH = 30
# A country as place must stand this close to the meeting word ("Gespräche in Polen"); a city may be anywhere in the clause.
COUNTRY_PLACE_REACH = 40
# How far before a name a spokesperson noun or verb of saying makes it the speaker.
SPEAKER_REACH = 40
STATE_TYPES = ("country", "organisation", "city")
ADJECTIVE_ENDING = r"(?:e|en|er|es|em)?"
NOUN_ENDING = r"(?:en|n|s|es)?"

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"«»„“”]|\s[-–—]\s")
# How far after a comma the next name of a list may start.
ENUMERATION_REACH = 50
_NAME_AFTER_ROLE = re.compile(r"\s+([A-ZÄÖÜ][\w'-]+)(?=[\s,.;:]|$)")


# ---------------------------------------------------------------------------------------------
# Lexicons


@dataclass(frozen=True)
class _Role:
    key: str
    holders: tuple[tuple[str, date, date | None], ...]  # (person, from, to)
    stands_for: frozenset[str]

    def holder_on(self, day: date) -> str | None:
        for name, start, end in self.holders:
            if start <= day and (end is None or day <= end):
                return name
        return None


@dataclass(frozen=True)
class _Lexicon:
    nouns: re.Pattern
    noun_modes: dict[str, str]  # lower-cased surface -> mode
    head_modes: dict[str, str]  # lower-cased head of a closed compound -> mode
    verbs: re.Pattern
    verb_info: dict[str, tuple[str, bool, bool]]  # lower-cased surface -> (mode, reflexive, weak)
    weak_not_followed: re.Pattern
    not_meeting: tuple[re.Pattern, ...]
    mode_cues: re.Pattern
    mode_cue_modes: dict[str, str]
    status_cues: re.Pattern
    status_of_cue: dict[str, str]
    negations: re.Pattern
    attributive: frozenset[str]
    future: re.Pattern
    past: re.Pattern
    definite: frozenset[str]
    group_anaphora: re.Pattern
    counterparts: re.Pattern
    speaker_before: re.Pattern
    spokesperson_before: re.Pattern
    speech_verbs: re.Pattern
    speech_anywhere: re.Pattern
    proposer_before: re.Pattern
    topic_before: re.Pattern
    place_before: re.Pattern
    third_country: re.Pattern
    third_country_name: str
    between: re.Pattern
    anaphoric_status: re.Pattern
    anaphoric_status_of: dict[str, str]
    indefinite: frozenset[str]
    reflexive: re.Pattern
    object_determiner: re.Pattern
    enumeration_filler: re.Pattern
    coordination: re.Pattern  # "X und (der) Y"
    conjunct: re.Pattern  # "und" and the noun phrase after it
    speaker_pronoun: re.Pattern
    plural_pronoun: re.Pattern
    topic_words: re.Pattern
    setting_before: re.Pattern
    continuation: re.Pattern
    reflexive_not_with: re.Pattern
    assertion_verbs: re.Pattern
    titled_name: re.Pattern  # "Papst Franziskus", "Außenminister Wang Wenbin": a person the gazetteer lacks
    after_setting: re.Pattern
    companion: re.Pattern  # "mit (dem russischen Präsidenten)" right after a meeting noun
    roles: tuple[_Role, ...]
    role_pattern: re.Pattern
    former_before: re.Pattern
    stands_for: dict[str, tuple[_Role, ...]]


def _fail(name: str, message: str) -> LexiconError:
    return LexiconError(f"{LEXICON_DIR / (name + '.yaml')}: {message}")


def _strings(name: str, content: dict, key: str) -> list[str]:
    value = content.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item.strip() for item in value):
        raise _fail(name, f"{key!r} must be a non-empty list of words")
    return value


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


def _words_regex(words, flags: int = re.IGNORECASE) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + _alternation(words) + r")(?![\w-])", flags)


def _compile(name: str, pattern: str, where: str, flags: int = 0) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise _fail(name, f"{where}: invalid pattern {pattern!r}: {error}") from error


def _inflected_forms(key: str, entries) -> dict[str, str]:
    """Lower-cased inflected surface -> mode, for `nouns` or `compound_heads`."""
    if not isinstance(entries, list) or not entries:
        raise _fail(LEXICON, f"{key!r} must be a non-empty list")
    modes: dict[str, str] = {}
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("form"), str) or entry.get("mode") not in MEETING_MODES:
            raise _fail(LEXICON, f"{key} #{position} needs 'form' and a 'mode' out of {MEETING_MODES}")
        inflections = entry.get("inflections", [""])
        if not isinstance(inflections, list) or not all(isinstance(ending, str) for ending in inflections):
            raise _fail(LEXICON, f"{key} {entry['form']!r}: 'inflections' must be a list of endings")
        for ending in inflections:
            modes[(entry["form"] + ending).lower()] = entry["mode"]
    return modes


def _surfaces(entries) -> str:
    forms = {entry["form"] + ending for entry in entries for ending in entry.get("inflections", [""])}
    return "|".join(re.escape(form) for form in sorted(forms, key=lambda f: (-len(f), f)))


def _noun_table(content: dict) -> tuple[re.Pattern, dict[str, str], dict[str, str], str]:
    modes = _inflected_forms("nouns", content.get("nouns"))
    head_modes = _inflected_forms("compound_heads", content.get("compound_heads"))
    alternation = _surfaces(content["nouns"])
    # An optional hyphenated first part ("Ukraine-Gipfel", "Putin-Gespräch", "G7-Gipfel"); a listed
    # noun, or a closed compound on a listed head ("Klimagipfel").
    pattern = re.compile(
        r"(?<![\w-])(?P<prefix>(?:[\w]+-)*)(?P<noun>" + alternation + r"|[A-ZÄÖÜ][a-zäöüß]{2,}(?P<head>"
        + _surfaces(content["compound_heads"]) + r"))(?![\w-])"
    )
    return pattern, modes, head_modes, alternation


def _verb_table(content: dict) -> tuple[re.Pattern, dict[str, tuple[str, bool, bool]]]:
    entries = content.get("verbs")
    if not isinstance(entries, list) or not entries:
        raise _fail(LEXICON, "'verbs' must be a non-empty list")
    info: dict[str, tuple[str, bool, bool]] = {}
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or entry.get("mode") not in MEETING_MODES:
            raise _fail(LEXICON, f"verb group #{position} needs a 'mode' out of {MEETING_MODES}")
        for form in _strings(LEXICON, entry, "forms"):
            info[form.lower()] = (entry["mode"], bool(entry.get("reflexive")), bool(entry.get("weak")))
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(r"\s+".join(re.escape(w) for w in form.split()) for form in
                                    sorted(info, key=lambda s: (-len(s), s))) + r")(?![\w-])",
        re.IGNORECASE,
    )
    return pattern, info


def _cue_table(content: dict, key: str, allowed: tuple[str, ...]) -> tuple[re.Pattern, dict[str, str]]:
    table = content.get(key)
    if not isinstance(table, dict) or not table:
        raise _fail(LEXICON, f"{key!r} must map {allowed} to word lists")
    meaning: dict[str, str] = {}
    for value, words in table.items():
        if value not in allowed:
            raise _fail(LEXICON, f"{key!r}: {value!r} is not one of {allowed}")
        for word in _strings(LEXICON, table, value):
            meaning.setdefault(word.lower(), value)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(r"\s+".join(re.escape(w) for w in word.split()) for word in
                                    sorted(meaning, key=lambda s: (-len(s), s))) + r")(?![\w-])",
        re.IGNORECASE,
    )
    return pattern, meaning


def _role_form(form: str) -> str:
    return form.replace("{adj}", ADJECTIVE_ENDING).replace("{n}", NOUN_ENDING)


def _roles(known_people: frozenset[str], known_entities: frozenset[str]) -> tuple[tuple[_Role, ...], re.Pattern, re.Pattern, dict[str, tuple[_Role, ...]]]:
    content = require_mapping(ROLES_LEXICON, load_lexicon(ROLES_LEXICON), "roles", "former_markers")
    table = content["roles"]
    if not isinstance(table, dict) or not table:
        raise _fail(ROLES_LEXICON, "'roles' must map role keys to their forms and holders")
    roles: list[_Role] = []
    alternatives: list[str] = []
    stands_for: dict[str, list[_Role]] = {}
    for index, (key, entry) in enumerate(sorted(table.items())):
        if not isinstance(entry, dict):
            raise _fail(ROLES_LEXICON, f"role {key!r} must be a mapping")
        forms = _strings(ROLES_LEXICON, entry, "forms")
        holders = entry.get("holders")
        if not isinstance(holders, list) or not holders:
            raise _fail(ROLES_LEXICON, f"role {key!r} needs a list of 'holders'")
        parsed = []
        for holder in holders:
            if not isinstance(holder, dict) or not isinstance(holder.get("from"), date):
                raise _fail(ROLES_LEXICON, f"role {key!r}: every holder needs 'name' and a 'from' date (YYYY-MM-DD)")
            if holder.get("name") not in known_people:
                raise _fail(ROLES_LEXICON, f"role {key!r}: holder {holder.get('name')!r} is not a person in people.yaml")
            until = holder.get("to")
            if until is not None and not isinstance(until, date):
                raise _fail(ROLES_LEXICON, f"role {key!r}: 'to' of {holder['name']!r} must be a date")
            parsed.append((holder["name"], holder["from"], until))
        parsed.sort(key=lambda h: h[1])
        for (name, _, until), (next_name, next_from, _) in zip(parsed, parsed[1:]):
            if until is None or until >= next_from:
                raise _fail(ROLES_LEXICON, f"role {key!r}: {name!r} and {next_name!r} hold it at the same time")
        bodies = entry.get("stands_for", []) or []
        if not isinstance(bodies, list):
            raise _fail(ROLES_LEXICON, f"role {key!r}: 'stands_for' must be a list of entity names")
        unknown = sorted(set(bodies) - known_entities)
        if unknown:
            raise _fail(ROLES_LEXICON, f"role {key!r}: 'stands_for' names {unknown}, not in the gazetteer")
        role = _Role(key, tuple(parsed), frozenset(bodies))
        roles.append(role)
        for body in bodies:
            stands_for.setdefault(body, []).append(role)
        for form in forms:
            _compile(ROLES_LEXICON, _role_form(form), f"role {key!r}", re.IGNORECASE)
        alternatives.append(f"(?P<r{index}>" + "|".join(_role_form(form) for form in sorted(forms, key=len, reverse=True)) + ")")
    pattern = _compile(ROLES_LEXICON, r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", "roles", re.IGNORECASE)
    former = re.compile(
        r"(?:(?<![\w-])(?:" + _alternation(_strings(ROLES_LEXICON, content, "former_markers")) + r")\s*)$", re.IGNORECASE
    )
    return tuple(roles), pattern, former, {body: tuple(found) for body, found in sorted(stands_for.items())}


@lru_cache(maxsize=1)
def meeting_lexicon() -> _Lexicon:
    content = require_mapping(
        LEXICON, load_lexicon(LEXICON), "nouns", "compound_heads", "verbs", "mode_cues", "status_cues", "future_markers",
        "past_markers", "definite_determiners", "group_anaphora", "counterpart_nouns", "speaker_nouns",
        "speech_verbs", "proposer_cues", "topic_prepositions", "place_prepositions", "third_country", "not_meeting_contexts",
        "weak_verb_not_followed_by", "status_negations", "attributive_cues", "anaphoric_status", "function_words",
        "setting_prepositions", "after_prepositions", "continuation_cues", "person_titles", "compound_person_titles", "name_particles", "reflexive_verb_not_with", "assertion_verbs",
    )
    words = require_mapping(
        LEXICON, content["function_words"], "articles", "indefinite_articles", "possessives", "reflexive_pronouns",
        "list_joiners", "conjunction", "between", "companion", "speaker_pronouns", "plural_pronouns",
    )
    articles = _alternation(_strings(LEXICON, words, "articles"))
    indefinite = _strings(LEXICON, words, "indefinite_articles")
    anaphoric = require_mapping(LEXICON, content["anaphoric_status"], "verbs", "objects")
    anaphoric_verbs, anaphoric_status_of = _cue_table(anaphoric, "verbs", MEETING_STATUSES)
    nouns, noun_modes, head_modes, noun_alternation = _noun_table(content)
    verbs, verb_info = _verb_table(content)
    mode_cues, mode_cue_modes = _cue_table(content, "mode_cues", MEETING_MODES)
    status_cues, status_of_cue = _cue_table(content, "status_cues", MEETING_STATUSES)
    not_meeting = tuple(
        _compile(LEXICON, context.replace("{noun}", r"(?:[\w]+-)*(?:" + noun_alternation + ")"),
                 "not_meeting_contexts", re.IGNORECASE)
        for context in _strings(LEXICON, content, "not_meeting_contexts")
    )
    third = require_mapping(LEXICON, content["third_country"], "place", "forms")
    people = frozenset(
        entry["name"] for entry in load_lexicon("people")["entities"] if isinstance(entry, dict) and "name" in entry
    )
    roles, role_pattern, former_before, stands_for = _roles(people, frozenset(load_gazetteer().entities))
    speaker_nouns = _strings(LEXICON, content, "speaker_nouns")
    speech = _strings(LEXICON, content, "speech_verbs")
    return _Lexicon(
        nouns=nouns,
        noun_modes=noun_modes,
        head_modes=head_modes,
        verbs=verbs,
        verb_info=verb_info,
        weak_not_followed=re.compile(
            r"\s+(?:" + _alternation(_strings(LEXICON, content, "weak_verb_not_followed_by")) + r")(?![\w-])", re.IGNORECASE
        ),
        not_meeting=not_meeting,
        mode_cues=mode_cues,
        mode_cue_modes=mode_cue_modes,
        status_cues=status_cues,
        status_of_cue=status_of_cue,
        negations=re.compile(
            r"(?<![\w-])(?:" + _alternation(_strings(LEXICON, content, "status_negations")) + r")\s+(?:\w+\s+){0,2}$", re.IGNORECASE
        ),
        attributive=frozenset(word.lower() for word in _strings(LEXICON, content, "attributive_cues")),
        future=_words_regex(_strings(LEXICON, content, "future_markers"), 0),
        past=_words_regex(_strings(LEXICON, content, "past_markers"), 0),
        definite=frozenset(word.lower() for word in _strings(LEXICON, content, "definite_determiners")),
        group_anaphora=_words_regex(_strings(LEXICON, content, "group_anaphora")),
        counterparts=re.compile(
            r"(?<![\w-])(?P<adjective>[\w-]+)\s+(?:" + _alternation(_strings(LEXICON, content, "counterpart_nouns")) + r")(?![\w-])"
        ),
        spokesperson_before=re.compile(
            r"[\w-]*(?:" + _alternation(speaker_nouns) + r")"
            r"(?:\s+(?:" + articles + "|" + _alternation(indefinite) + r"|[A-ZÄÖÜ][\w.-]*)){0,3}?\s*,?\s*$"
        ),
        speaker_before=re.compile(
            r"(?:[\w-]*(?:" + _alternation(speaker_nouns) + r")|(?<![\w-])(?:" + _alternation(speech) + r"))"
            r"(?:\s+(?:" + articles + "|" + _alternation(indefinite) + r"|[A-ZÄÖÜ][\w.-]*)){0,3}?\s*,?\s*$"
        ),
        speech_verbs=re.compile(r"^\s*,?\s*(?:" + _alternation(speech) + r")(?![\w-])"),
        speech_anywhere=_words_regex(speech, 0),
        proposer_before=re.compile(
            r"(?<![\w-])(?:" + _alternation(_strings(LEXICON, content, "proposer_cues")) + r")\s+(?:[\w-]+\s+){0,2}$"
        ),
        topic_before=re.compile(
            r"(?<![\w-])(?i:" + _alternation(_strings(LEXICON, content, "topic_prepositions")) + r")\s+"
            # Only adjectives and role nouns in between: "über den russischen Präsidenten Putin",
            # never "über das Gespräch mit Putin".
            r"(?:(?:" + articles + r")\s+)?(?:[\w-]+(?:e|en|er|es|em)\s+){0,2}$"
        ),
        place_before=re.compile(
            r"(?<![\w-])(?i:" + _alternation(_strings(LEXICON, content, "place_prepositions")) + r")\s+(?:(?i:" + articles + r")\s+)?$"
        ),
        third_country=_words_regex(_strings(LEXICON, third, "forms")),
        third_country_name=str(third["place"]),
        between=re.compile(r"(?<![\w-])(?:" + _alternation(_strings(LEXICON, words, "between")) + r")\s+", re.IGNORECASE),
        anaphoric_status=re.compile(
            r"(?P<cue>" + anaphoric_verbs.pattern + r")\s+(?:" + _alternation(_strings(LEXICON, anaphoric, "objects")) + r")(?![\w-])",
            re.IGNORECASE,
        ),
        anaphoric_status_of=anaphoric_status_of,
        indefinite=frozenset(word.lower() for word in indefinite),
        reflexive=_words_regex(_strings(LEXICON, words, "reflexive_pronouns")),
        # "traf den russischen Präsidenten", "traf er Ministerpräsident Netanjahu".
        object_determiner=re.compile(
            r"\s+(?:(?:" + _alternation(_strings(LEXICON, words, "speaker_pronouns") + _strings(LEXICON, words, "plural_pronouns"))
            + r")\s+)?(?:(?:" + articles + "|" + _alternation(_strings(LEXICON, words, "possessives")) + r")\s+)?"
            r"(?:[A-ZÄÖÜ][\w-]*\s+(?=[A-ZÄÖÜ])){0,2}"
        ),
        # ", Mark Milley", ", dem französischen Präsidenten Macron"; never ", sagte Biden".
        enumeration_filler=re.compile(
            r"\s*(?:(?:" + articles + "|" + _alternation(indefinite + _strings(LEXICON, words, "list_joiners"))
            + r")\s+(?:[\w-]+(?:e|en|er)\s+){0,2})?"
        ),
        coordination=re.compile(
            r"\s+(?:" + _alternation(_strings(LEXICON, words, "conjunction")) + r")\s+(?:(?:" + articles + r")\s+)?"
        ),
        conjunct=re.compile(
            r"\s+(?:" + _alternation(_strings(LEXICON, words, "conjunction")) + r")\s+(?:(?:" + articles
            + r")\s+)?(?:[\w-]+\s+){0,4}?[\w-]+"
        ),
        speaker_pronoun=_words_regex(_strings(LEXICON, words, "speaker_pronouns"), 0),
        plural_pronoun=_words_regex(_strings(LEXICON, words, "plural_pronouns"), 0),
        topic_words=_words_regex(_strings(LEXICON, content, "topic_prepositions"), 0),
        after_setting=re.compile(
            r"(?<![\w-])(?i:" + _alternation(_strings(LEXICON, content, "after_prepositions")) + r")\s+(?:(?i:"
            + articles + "|" + _alternation(indefinite + _strings(LEXICON, words, "possessives"))
            + r")\s+)?(?:[a-zäöüß][\w-]*\s+){0,3}$"
        ),
        assertion_verbs=re.compile(
            r"(?<![\w-])(?:" + "|".join(r"\s+".join(re.escape(w) for w in verb.split())
                                        for verb in sorted(_strings(LEXICON, content, "assertion_verbs"), key=len, reverse=True))
            + r")(?![\w-])"
        ),
        reflexive_not_with=_words_regex(_strings(LEXICON, content, "reflexive_verb_not_with"), 0),
        titled_name=re.compile(
            r"(?<![\w])(?:(?:[\w]+-)?(?:" + _alternation(_strings(LEXICON, content, "person_titles")) + r")|[\w]+-(?:"
            + _alternation(_strings(LEXICON, content, "compound_person_titles")) + r"))\s+"
            r"(?P<name>[A-ZÄÖÜ][\w'’-]+(?:\s+(?:(?:" + _alternation(_strings(LEXICON, content, "name_particles"))
            + r")\s+)?[A-ZÄÖÜ][\w'’-]+){0,2})"
            # A name ends where the sentence goes on in lower case or with punctuation.
            r"(?=\s+[a-zäöüß]|\s*[,.;:!?)\]\"«»“”]|\s*$)"
        ),
        continuation=re.compile(
            r"(?<![\w-])(?i:" + _alternation(_strings(LEXICON, content, "continuation_cues")) + r")\s+(?:[a-zäöüß][\w-]*\s+)?$"
        ),
        setting_before=re.compile(
            # Sentence-initial "Bei dem …" too; the words in between stay lower-case adjectives.
            r"(?<![\w-])(?i:" + _alternation(_strings(LEXICON, content, "setting_prepositions")) + r")\s+(?:(?i:"
            + articles + "|" + _alternation(indefinite + _strings(LEXICON, words, "possessives"))
            + r")\s+)?(?:[a-zäöüß][\w-]*\s+){0,3}$"
        ),
        companion=re.compile(
            r"\s+(?:" + _alternation(_strings(LEXICON, words, "companion")) + r")\s+(?:(?:" + articles + r")\s+)?"
            r"(?:[\w-]+(?:e|en|er|es|em)\s+){0,2}"
        ),
        roles=roles,
        role_pattern=role_pattern,
        former_before=former_before,
        stands_for=stands_for,
    )


# ---------------------------------------------------------------------------------------------
# Parties: who is named where


@dataclass(frozen=True)
class _Party:
    start: int
    end: int
    name: str
    type: str  # person | country | organisation | city | region | group
    country: str | None
    adjective: bool = False  # "russischen": names a state, never a party by itself
    speaker: bool = False
    spokesperson: bool = False  # "Kreml-Sprecher Peskow": speaks for others, never a party
    proposer: bool = False
    topic: bool = False  # "über Putin": what the meeting is about


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    mode: str
    weak: bool
    reflexive: bool
    noun: bool
    prefix_end: int  # end of a hyphenated first part ("Putin-" in "Putin-Gespräch"), else start


@dataclass
class _Mention:
    trigger: _Trigger
    clause: tuple[int, int]
    participants: list[str] = field(default_factory=list)
    mode: str = "unspecified"
    status: str | None = None
    place: str | None = None
    date_claim: Claim | None = None
    source: str | None = None
    backdrop: bool = False  # "Beim G20-Gipfel trafen sich …": another, larger meeting the sentence's happens at


def _clauses(text: str, start: int, end: int, parties: list[_Party], filler: re.Pattern) -> list[tuple[int, int]]:
    """Clause spans of a sentence. A comma between two names that only continues a list ("Merkel,
    dem französischen Präsidenten Macron, …") does not end the clause."""
    party_starts = {p.start for p in parties}
    party_ends = {p.end for p in parties}
    bounds = [start]
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.group(0) == "," and match.start() in party_ends and any(
            filler.fullmatch(text, match.end(), position)
            for position in party_starts
            if match.end() <= position <= match.end() + ENUMERATION_REACH
        ):
            continue
        bounds.append(match.start())
        bounds.append(match.end())
    bounds.append(end)
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2) if bounds[i + 1] > bounds[i]]


def _clause_of(clauses: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for clause in clauses:
        if clause[0] <= position < clause[1]:
            return clause
    return clauses[-1] if clauses else (position, position)


class _Article:
    """Per-document state: the parties named so far and the meetings found so far."""

    def __init__(self, doc: Document, date_claims: list[Claim]):
        self.doc = doc
        self.text = doc.text
        self.lexicon = meeting_lexicon()
        self.gazetteer = load_gazetteer()
        self.day = doc.published.anchor
        self.date_claims = sorted(
            (c for c in date_claims if c.kind == "date" and c.date_start is not None),
            key=lambda c: (c.span_start, c.span_end),
        )
        self.mentions: list[_Mention] = []
        self._parties: dict[int, list[_Party]] = {}

    # -- parties --------------------------------------------------------------------------

    def parties(self, sentence: Sentence) -> list[_Party]:
        cached = self._parties.get(sentence.index)
        if cached is None:
            cached = self._find_parties(sentence.start, sentence.end)
            self._parties[sentence.index] = cached
        return cached

    def _find_parties(self, start: int, end: int) -> list[_Party]:
        text = self.text
        lexicon = self.lexicon
        found: list[_Party] = []
        matches: list[EntityMatch] = self.gazetteer.find(text, start, end)
        for match in matches:
            entity = match.entity
            found.append(_Party(match.start, match.end, entity.name, entity.type, entity.country, match.form == "adjective"))
        persons = {p.start: p for p in found if p.type == "person"}
        for match in lexicon.role_pattern.finditer(text, start, end):
            # "der frühere Kremlchef": nobody in office now.
            if lexicon.former_before.search(text, max(start, match.start() - 30), match.start()):
                continue
            if text[max(start, match.start() - 3):match.start()].endswith("Ex-"):
                continue
            role = lexicon.roles[int(match.lastgroup[1:])]
            holder = role.holder_on(self.day)
            entity = self.gazetteer.entities.get(holder) if holder else None
            if entity is None or self._named_after(match.end(), end, persons, entity.country):
                continue
            found.append(_Party(match.start(), match.end(), entity.name, "person", entity.country))
        found.extend(self._titled_names(start, end, found))
        # A role inside a longer match ("russischen Präsidenten" vs the adjective "russischen") wins.
        found = self._drop_covered(found)
        return [self._mark(party, start, end) for party in found]

    def _titled_names(self, start: int, end: int, known: list[_Party]) -> list[_Party]:
        """People the gazetteer does not know, named after a title: the name as written is the party."""
        found: list[_Party] = []
        for match in self.lexicon.titled_name.finditer(self.text, start, end):
            name_start, name_end = match.span("name")
            if any(p.start < name_end and name_start < p.end for p in known):
                continue  # a known name, or a known word inside it
            name = " ".join(match.group("name").split())
            if self.gazetteer.lookup(name) is not None:
                continue
            if self.lexicon.nouns.search(self.text, name_start, name_end):
                continue  # "der Minister Gespräche führte": a meeting word is no name
            # "des chinesischen Außenministers Wang Wenbin": the adjective names the state.
            states = [p.name for p in known if p.adjective and match.start() - 30 <= p.start < match.start() + 1]
            found.append(_Party(name_start, name_end, name, "person", states[-1] if states else None))
        return found

    def _named_after(self, position: int, end: int, persons: dict[int, _Party], country: str | None) -> bool:
        """ "US-Präsident Joe Biden", "US-Präsident Ronald Reagan": a name after the role says who
        is meant, known or not. "drohte der US-Präsident Putin" is the role and its object."""
        following = _NAME_AFTER_ROLE.match(self.text, position, end)
        if following is None:
            return False
        person = persons.get(following.end(1) - len(following.group(1)))
        if person is not None:
            return person.country == country
        return self.gazetteer.lookup(following.group(1)) is None

    @staticmethod
    def _drop_covered(found: list[_Party]) -> list[_Party]:
        found.sort(key=lambda p: (p.start, -(p.end - p.start), p.name))
        kept: list[_Party] = []
        for party in found:
            if any(k.start <= party.start and party.end <= k.end and k != party and
                   (k.end - k.start) > (party.end - party.start) for k in kept):
                continue
            kept.append(party)
        return kept

    def _mark(self, party: _Party, start: int, end: int) -> _Party:
        if party.type != "person":
            return party
        text = self.text
        before = text[max(start, party.start - SPEAKER_REACH):party.start]
        spokesperson = bool(self.lexicon.spokesperson_before.search(before))
        speaker = bool(self.lexicon.speaker_before.search(before)) or bool(
            self.lexicon.speech_verbs.match(text, party.end, min(end, party.end + 20))
        )
        proposer = bool(self.lexicon.proposer_before.search(text[max(start, party.start - 40):party.start]))
        topic = bool(self.lexicon.topic_before.search(text[max(start, party.start - 40):party.start]))
        return replace(party, speaker=speaker, spokesperson=spokesperson, proposer=proposer, topic=topic)

    def persons_before(self, position: int) -> list[_Party]:
        """Persons named in the article before `position` (not as speakers), in text order."""
        persons: list[_Party] = []
        for sentence in self.doc.sentences:
            if sentence.start >= position:
                break
            persons.extend(p for p in self.parties(sentence) if p.type == "person" and not p.speaker and p.start < position)
        return persons

    # -- meetings -------------------------------------------------------------------------

    def previous_mention(self, before: int, person: str | None = None, mode: str | None = None,
                         sentence: Sentence | None = None) -> _Mention | None:
        """The meeting named before `before` that a later mention most likely refers to: among those
        with `person` and a compatible `mode`, the one whose parties (or their states) the sentence
        names most, then the closest."""
        named: set[str] = set()
        if sentence is not None:
            for party in self.parties(sentence):
                named.add(party.name)
                if party.country:
                    named.add(party.country)
        best: tuple[int, int, _Mention] | None = None
        for position, mention in enumerate(self.mentions):
            if mention.trigger.start >= before or len(mention.participants) < 2:
                continue
            if person is not None and person not in mention.participants:
                continue
            if mode is not None and not _modes_compatible(mode, mention.mode):
                continue
            covered = set(mention.participants) | {self.country_of(name) for name in mention.participants}
            score = len(named & covered)
            if best is None or (score, position) >= best[:2]:
                best = (score, position, mention)
        return best[2] if best else None

    def country_of(self, name: str) -> str | None:
        entity = self.gazetteer.entities.get(name)
        return entity.country if entity is not None else None


def _modes_compatible(first: str, second: str) -> bool:
    return first == second or "unspecified" in (first, second)


# ---------------------------------------------------------------------------------------------
# Triggers


def _triggers(article: _Article, sentence: Sentence, clauses: list[tuple[int, int]]) -> list[_Trigger]:
    text = article.text
    lexicon = article.lexicon
    start, end = sentence.start, sentence.end
    found: list[_Trigger] = []
    mode_cue_spans = [(m.start(), m.end()) for m in lexicon.mode_cues.finditer(text, start, end)]
    for match in lexicon.nouns.finditer(text, start, end):
        noun_start = match.start("noun")
        if any(s <= noun_start < e for s, e in mode_cue_spans):
            continue
        window = (max(start, match.start() - 20), min(end, match.end() + 60))
        if any(_covers(pattern, text, window, noun_start) for pattern in lexicon.not_meeting):
            continue
        mode = _noun_mode(lexicon, match)
        found.append(_Trigger(match.start(), match.end(), mode, False, False, True, match.end("prefix")))
    for match in lexicon.verbs.finditer(text, start, end):
        if any(t.start <= match.start() < t.end for t in found):
            continue  # "Treffen" is the noun
        surface = " ".join(match.group(0).lower().split())
        mode, reflexive, weak = lexicon.verb_info.get(surface, ("unspecified", False, False))
        if weak and lexicon.weak_not_followed.match(text, match.end(), end):
            continue
        trigger = _Trigger(match.start(), match.end(), mode, weak, reflexive, False, match.start())
        if reflexive and not _reflexive_ok(article, sentence, clauses, trigger):
            continue
        found.append(trigger)
    # "hatten sich per Videoschaltung ausgetauscht" without a meeting verb we know: the cue is the mention.
    for cue_start, cue_end in mode_cue_spans:
        noun = lexicon.nouns.search(text, cue_start, cue_end)
        if noun is None:
            continue
        clause = _clause_of(clauses, cue_start)
        if any(clause[0] <= t.start < clause[1] for t in found):
            continue
        mode = _noun_mode(lexicon, noun)
        found.append(_Trigger(noun.start(), noun.end(), mode, False, False, True, noun.start()))
    found.sort(key=lambda t: (t.start, t.end))
    return found


def _noun_mode(lexicon: _Lexicon, match: re.Match) -> str:
    if match.group("head"):
        return lexicon.head_modes.get(match.group("head").lower(), "unspecified")
    return lexicon.noun_modes.get(match.group("noun").lower(), "unspecified")


def _covers(pattern: re.Pattern, text: str, window: tuple[int, int], position: int) -> bool:
    return any(m.start() <= position < m.end() for m in pattern.finditer(text, window[0], window[1]))


def _reflexive_ok(article: _Article, sentence: Sentence, clauses, trigger: _Trigger) -> bool:
    """"sich treffen", "X trifft Y" or two people in the clause make a meeting; "eine Entscheidung
    getroffen" does not."""
    clause = _clause_of(clauses, trigger.start)
    if article.lexicon.reflexive_not_with.search(article.text, clause[0], clause[1]):
        return False
    if article.lexicon.reflexive.search(article.text, clause[0], clause[1]):
        return True
    following = article.lexicon.object_determiner.match(article.text, trigger.end, min(len(article.text), trigger.end + 30))
    position = following.end() if following else trigger.end
    gap_before = re.search(r"\s+$", article.text[max(0, trigger.start - 5):trigger.start])
    before = trigger.start - (len(gap_before.group(0)) if gap_before else 0)
    people = [p for p in article.parties(sentence) if p.type == "person"]
    if any(p.start == position or p.end == before for p in people):
        return True
    # "Papst Franziskus hat Selenskyj im Vatikan empfangen": subject and object in the clause.
    return len({p.name for p in people if clause[0] <= p.start < clause[1]}) >= 2


# ---------------------------------------------------------------------------------------------
# Participants


def _participants(article: _Article, sentence: Sentence, clause: tuple[int, int], trigger: _Trigger,
                  others: list[_Trigger]) -> list[str]:
    """The sorted canonical parties of the meeting at `trigger`, or [] when they cannot be told.

    Tried in this order, the first that names the parties wins: a "zwischen A und B" phrase; a
    person in the compound ("Putin-Gespräch") or after "mit" of a definite noun ("das Gespräch mit
    Putin"), meaning the meeting named before; two or more people in the clause (a proposer left
    out); group words ("die beiden Staatschefs"); a counterpart ("sein russischer Amtskollege");
    two states joined by "und"; a body in the compound ("EU-Gipfel"); for one named person, the
    other party (`_second_party`); for none, the meeting a definite or "weiteres" noun refers to.
    A weak verb ("sprechen") never takes its parties from context alone.
    """
    lexicon = article.lexicon
    text = article.text
    # Speakers are told apart by the cues next to their names (meetings.yaml), not by the
    # attribution stage's speaker phrase: "sprechen" is a verb of saying there and a meeting here.
    parties = [p for p in article.parties(sentence) if not p.speaker and not p.topic]
    # "nach dem Putin-Gespräch": Putin belongs to that other meeting word.
    parties = [p for p in parties if not any(t.start <= p.start < t.prefix_end for t in others if t != trigger)]
    in_clause = [p for p in parties if clause[0] <= p.start < clause[1]]

    # "Gespräche zwischen Russland und der Nato": exactly the parties of the zwischen phrase.
    for between in lexicon.between.finditer(text, clause[0], clause[1]):
        if between.start() < trigger.start - 80:
            continue
        span_end = _phrase_end(lexicon, text, between.end(), clause[1])
        named = [p for p in in_clause if between.end() <= p.start < span_end and not p.adjective]
        people = _names(p for p in named if p.type == "person")
        if len(people) >= 2:
            return people
        states = _names(p for p in named if p.type in STATE_TYPES)
        if len(states) >= 2 and not people:
            return states

    # A prefix names a party: "Putin-Gespräch", "EU-Gipfel"; the other party is the one met before.
    prefix = [p for p in parties if trigger.start <= p.start < trigger.prefix_end]
    prefix_people = _names(p for p in prefix if p.type == "person")
    if len(prefix_people) == 1:
        previous = article.previous_mention(trigger.start, person=prefix_people[0], sentence=sentence)
        if previous is not None:
            return sorted(set(previous.participants))
    # "über das Gespräch mit Putin": a meeting named before, whoever else the clause names.
    companion = lexicon.companion.match(text, trigger.end, clause[1]) if trigger.noun else None
    if companion and _definite(text, trigger, sentence.start):
        partner = next((p for p in in_clause if p.start == companion.end() and p.type == "person"), None)
        previous = article.previous_mention(trigger.start, person=partner.name, sentence=sentence) if partner else None
        if previous is not None:
            return sorted(set(previous.participants))
    people = [p for p in in_clause if p.type == "person"]
    names = _names(people + [p for p in prefix if p.type == "person"])
    if len(names) > 2:
        without_proposers = _names(p for p in people if not p.proposer)
        if len(without_proposers) >= 2:
            names = without_proposers
    if not names and not trigger.weak:
        # "…, sich persönlich zu treffen oder zu telefonieren": the parties are the sentence's.
        sentence_people = _names(p for p in parties if p.type == "person" and not p.proposer)
        if len(sentence_people) >= 2:
            names = sentence_people
    if len(names) >= 2:
        return names

    group = lexicon.group_anaphora.search(text, clause[0], clause[1])
    if group:
        previous = article.previous_mention(trigger.start, sentence=sentence)
        if previous is not None:
            return sorted(set(previous.participants) | set(names))
        earlier = _last_two(article.persons_before(group.start()))
        if len(earlier) == 2:
            return earlier

    counterpart = _counterpart(article, sentence, clause, names)
    if counterpart and len(names) == 1:
        return sorted({names[0], counterpart})
    if counterpart and not names:
        # "Dort traf er seinen russischen Amtskollegen": "er" is the last person of another state.
        counterpart_country = article.country_of(counterpart)
        subjects = [p for p in article.persons_before(clause[0]) if p.country != counterpart_country]
        if subjects:
            return sorted({subjects[-1].name, counterpart})

    states = _coordinated_states(lexicon, in_clause, text)
    if not names and len(states) >= 2:
        return states

    bodies = _names(p for p in prefix if p.type == "organisation")
    if bodies and len(names) < 2:
        return bodies  # "zum EU-Gipfel", "der Nato-Gipfel": a meeting of that body
    if len(names) == 1:
        return _second_party(article, sentence, clause, trigger, names[0], parties, in_clause)

    if trigger.weak:
        return []
    if _definite(text, trigger, sentence.start):
        previous = article.previous_mention(trigger.start, mode=trigger.mode, sentence=sentence)
        if previous is not None:
            return sorted(set(previous.participants))
    if lexicon.continuation.search(text, max(sentence.start, trigger.start - 30), trigger.start):
        # "Ein weiteres Telefonat sei vereinbart worden": the next meeting of the same parties.
        previous = article.previous_mention(trigger.start, sentence=sentence)
        if previous is not None:
            return sorted(set(previous.participants))
    return []


def _second_party(article: _Article, sentence: Sentence, clause: tuple[int, int], trigger: _Trigger, named: str,
                  parties: list[_Party], in_clause: list[_Party]) -> list[str]:
    """Both parties of a meeting whose clause names one person: the other from a subject pronoun,
    an institution standing for its head, the meeting named before, the sentence, or its speaker."""
    lexicon = article.lexicon
    text = article.text
    subjects = _pronoun_subjects(article, sentence, clause, [named])
    if subjects:
        return sorted({named, *subjects})
    if trigger.weak:
        return []
    # The office a body or capital stands for: "Moskau vereinbart ein Telefonat mit Macron", also
    # from the speaker's side: "Ein Telefonat mit Biden sei nicht geplant, sagte ein Kreml-Sprecher".
    in_sentence = in_clause + [p for p in parties if p not in in_clause]
    for party in in_sentence:
        if lexicon.place_before.search(text, max(sentence.start, party.start - 16), party.start):
            continue  # "in Berlin" is where, not who
        for role in lexicon.stands_for.get(party.name, ()):
            holder = role.holder_on(article.day)
            if holder and holder != named:
                return sorted({named, holder})
    previous = article.previous_mention(trigger.start, person=named, sentence=sentence)
    if previous is not None:
        return sorted(set(previous.participants))
    sentence_people = _names(p for p in parties if p.type == "person" and not p.proposer)
    if len(sentence_people) >= 2:
        return sentence_people
    # "Nach dem Treffen mit Putin sagte Macron, …": who speaks of a meeting of their own.
    speakers = [p for p in article.parties(sentence) if p.speaker and not p.spokesperson
                and p.type == "person" and clause[0] <= p.start < clause[1] and p.name != named]
    if speakers:
        return sorted({named, speakers[0].name})
    return []


def _pronoun_subjects(article: _Article, sentence: Sentence, clause: tuple[int, int], names: list[str]) -> list[str]:
    """The people a subject pronoun of the clause stands for. "Biden sagte, er habe …": the speaker;
    "Dort traf er Netanjahu": the person named last; "Dort wollen sie Selenskyj treffen": the people
    of the sentence before, when it named several."""
    lexicon = article.lexicon
    text = article.text
    if lexicon.speaker_pronoun.search(text, clause[0], clause[1]):
        speakers = [p for p in article.parties(sentence) if p.speaker and p.type == "person"
                    and p.name not in names and p.start < clause[0]]
        if speakers:
            return [speakers[-1].name]
        # The subject comes first: "Anschließend reiste er …, wo er Netanjahu treffen will" goes back
        # to the first person of the sentence before, not to the last one named.
        here = [p for p in article.parties(sentence) if p.type == "person" and not p.speaker
                and p.start < clause[0] and p.name not in names]
        if here:
            return [here[0].name]
        if sentence.index > 0:
            before = [p for p in article.parties(article.doc.sentences[sentence.index - 1])
                      if p.type == "person" and not p.speaker and p.name not in names]
            if before:
                return [before[0].name]
        earlier = [p for p in article.persons_before(clause[0]) if p.name not in names]
        return [earlier[-1].name] if earlier else []
    if lexicon.plural_pronoun.search(text, clause[0], clause[1]):
        index = sentence.index
        if index > 0:
            before = article.doc.sentences[index - 1]
            group = _names(p for p in article.parties(before) if p.type == "person" and not p.speaker and p.name not in names)
            if len(group) >= 2:
                return group
    return []


def _names(parties) -> list[str]:
    return sorted({p.name for p in parties})


def _last_two(persons: list[_Party]) -> list[str]:
    names: list[str] = []
    for party in reversed(persons):
        if party.name not in names:
            names.append(party.name)
        if len(names) == 2:
            break
    return sorted(names)


def _phrase_end(lexicon: _Lexicon, text: str, start: int, limit: int) -> int:
    """End of a "zwischen A und B" phrase: the noun phrase after "und" plus what may belong to it."""
    conjunct = lexicon.conjunct.search(text, start, limit)
    if conjunct is None:
        return limit
    return min(limit, conjunct.end() + 60)


def _coordinated_states(lexicon: _Lexicon, in_clause: list[_Party], text: str) -> list[str]:
    """"Vertreter der USA und Russlands", "Russland und die Ukraine": two bodies joined by "und"."""
    states = [p for p in in_clause if p.type in STATE_TYPES and not p.adjective]
    for first, second in zip(states, states[1:]):
        if lexicon.coordination.fullmatch(text, first.end, second.start) and first.name != second.name:
            return sorted({first.name, second.name})
    return []


def _counterpart(article: _Article, sentence: Sentence, clause: tuple[int, int], names: list[str]) -> str | None:
    """"sein russischer Amtskollege" without a name: the person of that country named before."""
    text = article.text
    for match in article.lexicon.counterparts.finditer(text, clause[0], clause[1]):
        hit = article.gazetteer.surface.get(match.group("adjective").lower())
        if not hit:
            continue
        country = hit[0]
        candidates = [p for p in article.persons_before(match.start()) if p.country == country and p.name not in names]
        candidates += [p for p in article.parties(sentence)
                       if p.type == "person" and p.country == country and p.start < match.start() and p.name not in names]
        if candidates:
            return max(candidates, key=lambda p: p.start).name
    return None


def _definite(text: str, trigger: _Trigger, floor: int) -> bool:
    before = text[max(floor, trigger.start - 40):trigger.start].split()
    # "bei dem Videogipfel", "das geplante Telefonat", "dem gut zweistündigen Gespräch".
    lexicon = meeting_lexicon()
    for word in reversed(before[-4:]):
        lowered = word.lower()
        if lowered in lexicon.definite:
            return True
        if lowered in lexicon.indefinite:
            return False
    return False


# ---------------------------------------------------------------------------------------------
# Mode, place, date, status


def _mode(article: _Article, clause: tuple[int, int], trigger: _Trigger, triggers: list[_Trigger]) -> str:
    mode = trigger.mode
    if mode in ("phone", "video"):
        return mode
    for cue in article.lexicon.mode_cues.finditer(article.text, clause[0], clause[1]):
        if _nearest(triggers, cue.start(), cue.end(), clause) is trigger:
            cue_mode = article.lexicon.mode_cue_modes[" ".join(cue.group(0).lower().split())]
            if cue_mode != "unspecified":
                return cue_mode
    return mode


def _nearest(triggers: list[_Trigger], start: int, end: int, clause: tuple[int, int]) -> _Trigger | None:
    candidates = [t for t in triggers if clause[0] <= t.start < clause[1]]
    if not candidates:
        return None
    return min(candidates, key=lambda t: (_distance(t.start, t.end, start, end), t.start))


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def _place(article: _Article, sentence: Sentence, clause: tuple[int, int], trigger: _Trigger,
           triggers: list[_Trigger]) -> str | None:
    text = article.text
    best: tuple[int, str] | None = None
    for party in article.parties(sentence):
        if not (clause[0] <= party.start < clause[1]) or party.adjective:
            continue
        if party.type not in ("city", "country", "region"):
            continue
        if not article.lexicon.place_before.search(text, max(clause[0], party.start - 16), party.start):
            continue
        if text[party.end:party.end + 1] == "-":
            continue  # "nach US-Angaben" names no place
        distance = _distance(trigger.start, trigger.end, party.start, party.end)
        if party.type != "city" and distance > COUNTRY_PLACE_REACH:
            continue
        if _nearest(triggers, party.start, party.end, clause) is not trigger:
            continue
        if party.start > trigger.end and article.lexicon.topic_words.search(text, trigger.end, party.start):
            continue  # "sprachen über die Lage im Gazastreifen" names no place of the meeting
        if best is None or distance < best[0]:
            best = (distance, party.name)
    if best:
        return best[1]
    for match in article.lexicon.third_country.finditer(text, clause[0], clause[1]):
        if _nearest(triggers, match.start(), match.end(), clause) is trigger:
            return article.lexicon.third_country_name
    return None


def _date(article: _Article, sentence: Sentence, clauses: list[tuple[int, int]], clause: tuple[int, int],
          trigger: _Trigger, triggers: list[_Trigger]) -> Claim | None:
    """The closest date claim of the meeting's clause; else one standing alone in a clause of its own
    ("Am Montag, so das Weiße Haus, telefonierte Biden …"), never the date of a saying
    ("Ein Sprecher sagte am Mittwoch, …")."""
    best: tuple[int, int, Claim] | None = None
    for claim in article.date_claims:
        if claim.span_start < clause[0] or claim.span_end > clause[1]:
            continue
        if _nearest(triggers, claim.span_start, claim.span_end, clause) is not trigger:
            continue
        distance = _distance(trigger.start, trigger.end, claim.span_start, claim.span_end)
        if best is None or (distance, claim.span_start) < best[:2]:
            best = (distance, claim.span_start, claim)
    if best is not None or len(triggers) != 1:
        return best[2] if best else None
    text = article.text
    for claim in article.date_claims:
        if not (sentence.start <= claim.span_start and claim.span_end <= sentence.end):
            continue
        own = _clause_of(clauses, claim.span_start)
        if own == clause or article.lexicon.speech_anywhere.search(text, own[0], own[1]):
            continue
        if text[own[0]:own[1]].strip(" ,") == text[claim.span_start:claim.span_end].strip():
            return claim
    return None


def _status(article: _Article, sentence: Sentence, clause: tuple[int, int], trigger: _Trigger,
            triggers: list[_Trigger], date_claim: Claim | None, antecedent: _Mention | None) -> str:
    lexicon = article.lexicon
    text = article.text
    bound: dict[_Trigger, list[str]] = {}
    loose: list[tuple[int, int, str]] = []
    for cue in lexicon.status_cues.finditer(text, sentence.start, sentence.end):
        surface = " ".join(cue.group(0).lower().split())
        status = lexicon.status_of_cue.get(surface)
        if status is None:
            continue
        if lexicon.negations.search(text, max(sentence.start, cue.start() - 30), cue.start()):
            if status in ("denied", "cancelled"):
                continue
            status = "denied"
        if surface in lexicon.attributive:
            following = [t for t in triggers if 0 <= t.start - cue.end() <= ATTRIBUTIVE_REACH
                         and re.fullmatch(r"[\s\w-]*", text[cue.end():t.start])]
            if following:
                bound.setdefault(following[0], []).append(status)
                continue
        loose.append((cue.start(), cue.end(), status))
    statuses = list(bound.get(trigger, []))
    unbound = [t for t in triggers if t not in bound] or triggers
    setting = _in_setting(article, sentence, trigger)
    for start, end, status in loose:
        if setting and status not in ("denied", "cancelled"):
            continue  # "bei ihrem Treffen vereinbarten sie …": agreed at the meeting, not the meeting
        in_clause = clause[0] <= start < clause[1]
        if in_clause:
            owner = _nearest(unbound, start, end, clause) or _nearest(triggers, start, end, clause)
            if owner is trigger:
                statuses.append(status)
        elif status in ("denied", "cancelled") and not any(
            _same_clause(text, t.start, start) for t in triggers
        ):
            statuses.append(status)  # "Dass sich beide treffen, ist verfrüht."
    if statuses:
        return max(statuses, key=lambda s: STATUS_RANK[s])
    if trigger.noun and lexicon.after_setting.search(text, max(sentence.start, trigger.start - 60), trigger.start):
        return "held"  # "Nach dem Treffen mit Putin sagte Macron …"
    if antecedent is not None:
        # "bei dem Gespräch", "das Treffen": the meeting named before, in the state it was named in;
        # the tense of the sentence belongs to what is said about it.
        return antecedent.status or "planned"
    clause_text = text[clause[0]:clause[1]]
    if lexicon.future.search(clause_text):
        return "planned"
    if lexicon.past.search(clause_text):
        return "held"
    sentence_text = text[sentence.start:sentence.end]
    if lexicon.future.search(sentence_text):
        return "planned"
    if lexicon.past.search(sentence_text):
        return "held"
    if date_claim is not None and date_claim.date_end is not None and date_claim.date_end < article.doc.published.start:
        return "held"
    return "planned"


def _in_setting(article: _Article, sentence: Sentence, trigger: _Trigger) -> bool:
    return trigger.noun and bool(
        article.lexicon.setting_before.search(article.text, max(sentence.start, trigger.start - 60), trigger.start)
    )


def _is_backdrop(article: _Article, sentence: Sentence, trigger: _Trigger) -> bool:
    """A summit named by its body in a setting phrase ("beim G20-Gipfel", "am Nato-Gipfel"): the
    meeting the sentence reports takes place there, it is not that summit."""
    if trigger.prefix_end <= trigger.start or not _in_setting(article, sentence, trigger):
        return False
    return not any(p.type == "person" and trigger.start <= p.start < trigger.prefix_end for p in article.parties(sentence))


def _antecedent(article: _Article, sentence: Sentence, trigger: _Trigger, participants: list[str],
                mode: str) -> _Mention | None:
    """The earlier mention a definite "das Gespräch" refers to. A sentence in the past ("Biden habe in
    dem Gespräch … geäußert") points to a held meeting; otherwise the same word, then the closest."""
    text = article.text
    past = bool(article.lexicon.past.search(text, sentence.start, sentence.end))
    stem = _stem(text[trigger.prefix_end:trigger.end])
    best: tuple[bool, bool, int, _Mention] | None = None
    for position, mention in enumerate(article.mentions):
        if mention.participants != participants or not _modes_compatible(mode, mention.mode):
            continue
        key = (past and mention.status == "held",
               _stem(text[mention.trigger.prefix_end:mention.trigger.end]) == stem, position)
        if best is None or key >= best[:3]:
            best = (*key, mention)
    return best[3] if best else None


def _stem(word: str) -> str:
    return re.sub(r"(?:en|es|e|s|n)$", "", word.lower())


def _same_clause(text: str, first: int, second: int) -> bool:
    low, high = sorted((first, second))
    return not _CLAUSE_BREAK.search(text, low, high)


def _source(article: _Article, mention: _Mention) -> str | None:
    """Who reports the meeting: the attribution stage's source; else the subject of an asserting verb
    ("Russland hat … als verfrüht bezeichnet"); else the article's own source (if it names one).

    "Scholz will mit Putin sprechen": for the attribution stage "sprechen" is a verb of saying and
    Scholz its speaker; here it is the meeting itself, and nobody is quoted."""
    trigger = mention.trigger
    found = find_attribution(article.doc, trigger.start, trigger.end)
    if found is not None and found.source is not None:
        if not (trigger.weak and found.kind == "speech" and found.start <= trigger.start < found.end):
            return found.source
    return _asserting_subject(article, mention) or article.doc.source


def _asserting_subject(article: _Article, mention: _Mention) -> str | None:
    sentence = article.doc.sentence_at(mention.trigger.start)
    if sentence is None or not article.lexicon.assertion_verbs.search(article.text, sentence.start, sentence.end):
        return None
    for party in article.parties(sentence):
        if party.name in mention.participants or party.adjective or party.topic:
            continue
        if party.type == "city":
            return party.country or party.name  # "Moskau bestätigte …": the capital speaks for its state
        return party.name
    return None


# ---------------------------------------------------------------------------------------------
# Extraction


def extract_meetings(doc: Document, date_claims: list[Claim]) -> list[Claim]:
    """Meeting claims of `doc`, in text order; `date_claims` are the document's date claims."""
    article = _Article(doc, date_claims)
    claims: list[Claim] = []
    previous_sentence_mentions: list[_Mention] = []
    for sentence in doc.sentences:
        mentions = _sentence_mentions(article, sentence)
        if not mentions and previous_sentence_mentions:
            echoed = _anaphoric_status(article, sentence, previous_sentence_mentions[-1])
            if echoed is not None:
                claims.append(echoed)
        for mention in mentions:
            claims.append(_claim(article, mention))
        previous_sentence_mentions = mentions
    claims.sort(key=lambda c: (c.span_start, c.span_end))
    return claims


def _sentence_mentions(article: _Article, sentence: Sentence) -> list[_Mention]:
    text = article.text
    lexicon = article.lexicon
    if not (lexicon.nouns.search(text, sentence.start, sentence.end) or lexicon.verbs.search(text, sentence.start, sentence.end)):
        return []
    parties = article.parties(sentence)
    clauses = _clauses(text, sentence.start, sentence.end, parties, lexicon.enumeration_filler)
    triggers = _triggers(article, sentence, clauses)
    mentions: list[_Mention] = []
    for trigger in triggers:
        clause = _clause_of(clauses, trigger.start)
        participants = _participants(article, sentence, clause, trigger, triggers)
        if len(participants) < 1:
            continue
        date_claim = _date(article, sentence, clauses, clause, trigger, triggers)
        mention = _Mention(trigger, clause, participants)
        mention.mode = _mode(article, clause, trigger, triggers)
        mention.place = _place(article, sentence, clause, trigger, triggers)
        if mention.mode == "unspecified" and mention.place is not None and mention.place != lexicon.third_country_name:
            mention.mode = "in_person"  # a meeting somewhere is a meeting in person
        mention.date_claim = date_claim
        antecedent = None
        if trigger.noun and date_claim is None and _definite(text, trigger, sentence.start):
            antecedent = _antecedent(article, sentence, trigger, participants, mention.mode)
        mention.status = _status(article, sentence, clause, trigger, triggers, date_claim, antecedent)
        mention.backdrop = _is_backdrop(article, sentence, trigger)
        mentions.append(mention)
    mentions = _merge_same_clause(mentions)
    for mention in mentions:
        mention.source = _source(article, mention)
        article.mentions.append(mention)
    return mentions


def _merge_same_clause(mentions: list[_Mention]) -> list[_Mention]:
    """"zu Beratungen … zusammenkommen": two words, one meeting. Kept apart when modes, dates or statuses differ."""
    merged: list[_Mention] = []
    for mention in mentions:
        host = next((m for m in merged if m.clause == mention.clause and m.participants == mention.participants
                     and _modes_compatible(m.mode, mention.mode) and m.status == mention.status
                     and (m.date_claim is None or mention.date_claim is None or m.date_claim is mention.date_claim)), None)
        if host is None:
            merged.append(mention)
            continue
        if (mention.trigger.noun and not host.trigger.noun and not mention.backdrop) or (host.backdrop and not mention.backdrop):
            # The noun names the meeting ("empfing … zu einem Gespräch"), a backdrop does not
            # ("Beim G20-Gipfel trafen sich Biden und Xi").
            host.trigger, host.backdrop = mention.trigger, mention.backdrop
        if host.mode == "unspecified":
            host.mode = mention.mode
        host.place = host.place or mention.place
        host.date_claim = host.date_claim or mention.date_claim
    return merged


def _anaphoric_status(article: _Article, sentence: Sentence, antecedent: _Mention) -> Claim | None:
    """"Ein Kreml-Sprecher dementiert dies nun.": the previous sentence's meeting, denied or confirmed."""
    match = article.lexicon.anaphoric_status.search(article.text, sentence.start, sentence.end)
    if match is None:
        return None
    status = article.lexicon.anaphoric_status_of.get(" ".join(match.group("cue").lower().split()))
    if status is None:
        return None
    mention = _Mention(
        _Trigger(match.start(), match.end(), antecedent.mode, False, False, False, match.start()),
        (sentence.start, sentence.end),
        list(antecedent.participants),
        antecedent.mode,
        status,
        antecedent.place,
        antecedent.date_claim,
    )
    mention.source = _source(article, mention)
    return _claim(article, mention)


def _claim(article: _Article, mention: _Mention) -> Claim:
    linked = mention.date_claim
    return Claim(
        kind="meeting",
        span_start=mention.trigger.start,
        span_end=mention.trigger.end,
        source=mention.source,
        date_start=linked.date_start if linked else None,
        date_end=linked.date_end if linked else None,
        date_granularity=linked.date_granularity if linked else None,
        date_timex=linked.date_timex if linked else None,
        date_weekday=linked.date_weekday if linked else None,
        meeting_participants=sorted(set(mention.participants)),
        meeting_mode=mention.mode,
        meeting_status=mention.status,
        meeting_place=mention.place,
    )
