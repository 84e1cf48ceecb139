"""Who says a claim is so: the canonical source of a span, from the cues around it.

German news attributes a claim with a prepositional cue ("nach westlichen Angaben",
"laut Weißem Haus"), a postposition ("dem Weißen Haus zufolge"), a verb of saying
("sagte Kreml-Sprecher Peskow", "Die Regierung hatte erklärt, …"), or the accusation
frame ("X wirft Y vor, … zu haben", where the figure is Y's and X says so). The cue words
and the naming scheme live in `lexicons/de/attribution.yaml`; names come from the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.document import Document, Sentence
from checker.document import clause_end as document_clause_end
from checker.document import clause_start as document_clause_start
from checker.extract.alternation import matched_key, word_alternation
from checker.extract.companies import legal_form_words
from checker.extract.denied_figures import is_denied
from checker.extract.gazetteer import ADJECTIVE_ENDINGS, LOCAL_PLACE_TYPES, PLACE_TYPES, Entity, EntityMatch, load_gazetteer
from checker.extract.meeting_lexicon import meeting_lexicon
from checker.extract.numbers import parse_number
from checker.lexicon import lexicon_error, load_lexicon, require_mapping

LEXICON = "attribution"
# How far a speaker phrase may run, in tokens: long enough for
# "die Sprecherin des russischen Außenministeriums, Maria Sacharowa".
MAX_PHRASE_TOKENS = 12
MAX_PHRASE_CHARS = 160  # the characters twelve tokens of a speaker phrase span at most, as a rule
# How far from a claim a cue is looked for, in characters: a very long "sentence" (a list, a table
# flattened into text) must not make every claim scan all of it.
WINDOW = 400
_TOKEN = re.compile(r"\w+(?:[-‐]\w+)*-?|[^\w\s]")
_WORD = re.compile(r"\w+")
_BLANKS = re.compile(r"\s*")
_ADVERB_GAP = r"\s+(?:[a-zäöüß]+\s+){0,2}"
# Not the decimal comma between two digits ("ein Plus von 0,1 Prozent aus"), which is inside its clause.
_CLAUSE_BREAK = re.compile(r"[;:()\"«»„“”]|(?<!\d),|,(?!\d)|\s[-–]\s")
_QUOTES = frozenset("\"«»„“”")
# A short title in quotes: a capital first, no clause break inside; and one right before a clause break's end.
_QUOTED_TITLE = re.compile(r"[\"«»„“][A-ZÄÖÜ][^,;:()\"«»„“”\n]{0,40}[\"«»“”]")
_QUOTED_NAME = re.compile(_QUOTED_TITLE.pattern + "$")


@dataclass(frozen=True)
class Attribution:
    """A resolved source and the span of the cue with its speaker phrase (entities there are not actors)."""

    source: str | None
    start: int
    end: int
    kind: str = "prepositional"  # "prepositional" (nach Angaben, laut, zufolge) | "speech" | "accusation" | "interview" (the answer's line label)
    # A verb of saying that only passes a figure on ("spricht von", "meldet", "schätzt … auf"): its
    # subject is the source, not whose figure it is. Not "kündigte an", "räumte ein" (own_deed_verbs).
    reports_only: bool = False
    # Where a local institution speaks from ("die Gesundheitsbehörde in Gaza"): the span of that place,
    # which is where its figures are when the figure names no place of its own.
    place: tuple[int, int] | None = None


@dataclass(frozen=True)
class Accusation:
    """ "X wirft Y vor, … zu haben": `source` is X, `accused` the canonical actor Y."""

    source: str | None
    accused: str | None
    start: int  # where the frame begins (the accuser's clause)
    end: int  # end of the accused phrase


@dataclass(frozen=True)
class _Cues:
    prepositional: re.Pattern
    prepositional_starts: re.Pattern  # the first word of a prepositional cue: where a `prepositional` match can begin
    postpositional: re.Pattern
    speech_verbs: re.Pattern
    accusation_verbs: re.Pattern
    accusation_joined: re.Pattern
    particle_or_comma: re.Pattern  # where the accused phrase ends: "wirft der Ukraine vor", "beschuldigt Kiew,"
    descriptors: dict[str, str]  # lower-cased inflected form -> canonical source
    self_forms: frozenset[str]
    institutions: re.Pattern
    institution_lookup: dict[str, str]  # lower-cased institution -> source
    place_links: frozenset[str]
    cue_last_words: tuple[str, ...]  # lower-cased last words of the prepositional cues, longest first
    reported_speech: re.Pattern
    reported_speech_reach: int
    anonymous_speech: re.Pattern  # "hieß es": a sentence that says its speaker is not named
    follow_up_openers: frozenset[str]  # lower-cased pronouns that open a sentence naming who told the one before
    pronoun_genders: dict[str, str]  # lower-cased speaker pronoun ("er", "ihren") -> its gender group
    subject_article_genders: dict[str, str]  # lower-cased article of a subject ("der") -> its noun's gender group
    object_article_genders: dict[str, str]  # lower-cased article after a preposition ("der") -> its noun's gender group
    government_words: re.Pattern  # "Regierung", "US-Regierung", "Bundesregierung"
    government: str  # the institutions' source for a government without a state
    bare_names: dict[str, str]  # a body's lower-cased bare noun ("kommission") -> the gazetteer name of the body
    stops: frozenset[str]
    determiners: frozenset[str]
    other_verbs_by_particle: dict[str, frozenset[str]]  # lower-cased speech verb -> particles that make it another verb
    speech_particles: dict[str, frozenset[str]]  # lower-cased verb -> the particles without which it says nothing ("gab … an")
    speech_objects: dict[str, frozenset[str]]  # lower-cased verb -> the words its clause needs to say something ("sprach … von")
    own_deed_verbs: frozenset[str]  # lower-cased speech verbs whose subject tells of its own doing
    counting_verbs: frozenset[str]  # lower-cased speech verbs whose subject, when a place alone, only says where
    counted_subjects: tuple[str, ...]  # lower-cased ends of nouns that after a verb of counting are what is counted
    subject_first_verbs: frozenset[str]  # lower-cased speech verbs after which an object follows ("sieht die Union bei")
    speaker_pronouns: frozenset[str]  # subject pronouns by which a reported clause takes up its speaker
    local_institutions: frozenset[str]  # sources of institutions that serve a town or region
    stateless_institutions: frozenset[str]  # sources of institutions a country's adjective does not make that state
    passive_auxiliaries: frozenset[str]  # lower-cased forms of "werden" that make a verb of saying passive
    passive_agent_links: frozenset[str]  # "von", "vom": before the speaker of a passive ("wie von der Polizei bestätigt wurde")
    state_passive_auxiliaries: frozenset[str]  # lower-cased forms of "sein" before a clause-final participle of saying
    national_statistics: frozenset[str]  # sources whose figures count their whole country
    national_subsets: re.Pattern  # words that narrow a figure to part of a country's count ("in Pflegeheimen")
    speaker_suffixes: tuple[str, ...]  # lower-cased ends of "Bundeswehrsprecher": the rest names the body
    documents: frozenset[str]  # lower-cased nouns of a report, not its author ("Bericht", "Studie")
    source_kinds: frozenset[str]  # lower-cased kind nouns before a name ("Zeitung Le Monde")
    body_heads: tuple[str, ...]  # lower-cased ends of nouns that name a body ("landesamt", "initiative")
    taken_up_nouns: frozenset[str]  # lower-cased bare nouns that take up a body named before ("amt", "behörde")
    taken_up_kinds: dict[str, tuple[str, ...]]  # lower-cased taken-up noun -> other nouns of its kind ("verband": "bund")
    kind_heads: tuple[str, ...]  # lower-cased ends of kind compounds before a name ("Flughafenbetreibers Fraport")
    place_noun_heads: tuple[str, ...]  # lower-cased ends of nouns of a kind of place ("Hauptstadt Berlin")
    genitive_links: frozenset[str]  # genitive articles inside a body's name: "Zentralverband der deutschen Seehafenbetriebe"
    feminine_articles: frozenset[str]  # articles before a feminine name's adjective in -en ("der Deutschen Bahn")
    masculine_or_neuter_articles: frozenset[str]  # "dem", "des", "vom" before an adjective in -en
    genitive_articles: frozenset[str]  # "des": the head noun carries -s or -es
    neuter_nominative_articles: frozenset[str]  # "das" before an adjective in -e: the name is neuter
    neuter_heads: tuple[str, ...]  # lower-cased ends of neuter head nouns ("institut", "kreuzes")
    possessives: frozenset[str]  # "seines", "ihren": a speaker the cue does not name
    name_links: frozenset[str]  # lower-case words inside a name: "Organisation für Migration"
    subject_articles: frozenset[str]  # articles that open a speaker's subject named as written
    as_clause_openers: frozenset[str]  # "wie": "…, wie das BMI mitteilte" names its subject before the verb
    subject_pronouns: frozenset[str]  # "hieß es", "sagte er": the subject after the verb
    addressee_determiners: frozenset[str]  # "der"/"dem" before a medium told something
    addressee_media: frozenset[str]  # lower-cased media nouns and names
    object_articles: frozenset[str]  # articles of a dative or accusative phrase, which is never the subject ("dem", "den")
    interviewer_labels: frozenset[str]  # lower-cased line labels of an interview's questions ("Frage")
    not_speakers: frozenset[str]  # lower-cased line labels that name no speaker ("Fazit", "Update")
    address_titles: frozenset[str]  # words that address a person by surname ("Frau", "Herr")


def _swiss_spelling(word: str) -> str:
    # Swiss German writes no ß ("gemäss", "hiess es"): every lexicon word also matches with "ss".
    return word.replace("ß", "ss")


def _words(content: dict, key: str) -> list[str]:
    value = content.get(key)
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise lexicon_error(LEXICON, f"{key!r} must be a list of non-empty strings")
    return list(dict.fromkeys(spelling for word in value for spelling in (word, _swiss_spelling(word))))


def _lowered(content: dict, key: str) -> frozenset[str]:
    """The words of `_words(content, key)` in lower case, for a lookup of lower-cased tokens."""
    return frozenset(word.lower() for word in _words(content, key))


def _mapping(content: dict, key: str) -> dict[str, str]:
    value = content.get(key)
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise lexicon_error(LEXICON, f"{key!r} must map words to names")
    return {spelling: name for word, name in value.items() for spelling in (word, _swiss_spelling(word))}


def _taken_up_kinds(content: dict) -> dict[str, tuple[str, ...]]:
    """unknown_sources.taken_up_kinds, lower-cased: a taken-up noun -> the other nouns of its kind; each
    key must be a taken-up noun, or the entry would never be read."""
    value = content.get("taken_up_kinds")
    if not isinstance(value, dict):
        raise lexicon_error(LEXICON, "'taken_up_kinds' must map taken-up nouns to lists of nouns")
    taken_up = _lowered(content, "taken_up_nouns")
    kinds = {noun.lower(): tuple(sorted(_lowered(value, noun))) for noun in value}
    unknown = sorted(set(kinds) - taken_up)
    if unknown:
        raise lexicon_error(LEXICON, f"'taken_up_kinds' names nouns that are no taken_up_nouns: {unknown}")
    return kinds


def _cue_regex(cue: str) -> str:
    # `*` is an optional descriptor of up to two words, glued by a blank or a hyphen ("US-Angaben").
    words = cue.split()
    pieces = []
    for position, word in enumerate(words):
        if word == "*":
            pieces.append(r"(?:[\w-]+?(?:\s+|-|(?=\w))){0,2}")
        else:
            pieces.append(re.escape(word) + (r"\s+" if position < len(words) - 1 else ""))
    return "".join(pieces)


def _reach(content: dict) -> int:
    reach = content.get("reported_speech_reach")
    if not isinstance(reach, int) or isinstance(reach, bool) or not 0 <= reach <= 5:
        raise lexicon_error(LEXICON, "'reported_speech_reach' must be a whole number from 0 to 5")
    return reach


def _inflected(stems: list[str]) -> dict[str, str]:
    return {(stem + ending).lower(): stem for stem in stems for ending in ADJECTIVE_ENDINGS}


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    content = require_mapping(
        LEXICON,
        load_lexicon(LEXICON),
        "prepositional_cues",
        "postpositional_cues",
        "speech_verbs",
        "descriptors",
        "self_descriptors",
        "institutions",
        "phrase_stops",
        "determiners",
        "place_links",
        "reported_speech_verbs",
        "reported_speech_adverbs",
        "reported_speech_reach",
        "anonymous_speech",
        "follow_up_openers",
        "pronoun_speakers",
        "accusation",
        "government_words",
        "other_verbs_by_particle",
        "speech_verbs_by_particle",
        "speech_verbs_by_object",
        "passive_auxiliaries",
        "passive_agent_links",
        "state_passive_auxiliaries",
        "own_deed_verbs",
        "counting_verbs",
        "counted_subjects",
        "subject_first_verbs",
        "speaker_pronouns",
        "local_institutions",
        "stateless_institutions",
        "national_statistics",
        "unknown_sources",
        "subject_pronouns",
        "addressee",
        "interview",
        "bare_names",
    )
    unknown = require_mapping(LEXICON, content["unknown_sources"], "speaker_suffixes", "documents", "kinds", "kind_heads", "body_heads",
                              "taken_up_nouns", "taken_up_kinds",
                              "possessives", "name_links", "subject_articles", "as_clause_openers", "inflection",
                              "place_noun_heads", "genitive_links")
    inflection = require_mapping(LEXICON, unknown["inflection"], "feminine_articles", "masculine_or_neuter_articles",
                                 "genitive_articles", "neuter_nominative_articles", "neuter_heads")
    accusation = require_mapping(LEXICON, content["accusation"], "verbs", "particle", "joined_verbs")
    addressee = require_mapping(LEXICON, content["addressee"], "determiners", "media", "object_articles")
    interview = require_mapping(LEXICON, content["interview"], "interviewer_labels", "not_speakers", "address_titles")
    descriptors = {}
    for stem, name in _mapping(content, "descriptors").items():
        for form in _inflected([stem]):
            descriptors[form] = name
    prepositional = sorted(_words(content, "prepositional_cues"), key=len, reverse=True)
    first_words = {cue.split()[0] for cue in prepositional}
    institutions = _mapping(content, "institutions")
    return _Cues(
        prepositional=re.compile(
            r"(?<!\w)(?:" + "|".join(_cue_regex(cue) for cue in prepositional) + r")(?!\w)", re.IGNORECASE
        ),
        # Its first letter first, so that `re` skips in C to a candidate; the check that no word character
        # stands before the word looks back past that letter. Case-blind as `prepositional` is.
        prepositional_starts=re.compile(
            r"(?i:[" + re.escape("".join(sorted({word[0] for word in first_words}))) + r"])(?<!\w.)"
            + r"(?i:" + word_alternation({word[1:] for word in first_words}, ignore_case=True)
            + ("?" if any(len(word) == 1 for word in first_words) else "") + r")"
        ),
        postpositional=re.compile(r"(?<!\w)" + word_alternation(_words(content, "postpositional_cues")) + r"(?!\w)"),
        # Up to two adverbs may stand inside a verb of two words: "spricht dagegen von", "sprach zuletzt von".
        speech_verbs=re.compile(r"(?<![\w-])" + word_alternation(_words(content, "speech_verbs") + list(content["speech_verbs_by_particle"])
                                                                 + list(content["speech_verbs_by_object"]),
                                                                 _ADVERB_GAP) + r"(?![\w-])"),
        accusation_verbs=re.compile(r"(?<![\w-])" + word_alternation(_words(accusation, "verbs")) + r"(?![\w-])"),
        accusation_joined=re.compile(r"(?<![\w-])" + word_alternation(_words(accusation, "joined_verbs")) + r"(?![\w-])"),
        particle_or_comma=re.compile(r"(?<!\w)" + re.escape(str(accusation["particle"])) + r"(?!\w)|,"),
        descriptors=descriptors,
        self_forms=frozenset(_inflected(_words(content, "self_descriptors"))),
        # Inflected forms and compound ends too: "des Bundeswahlleiters", "den Behörden".
        institutions=re.compile(
            r"(?<![\w-])[\w-]*?(?P<institution>(?i:" + word_alternation(institutions) + r"))(?:e|s|es|n|en)?(?!\w)"
        ),
        institution_lookup={name.lower(): source for name, source in institutions.items()},
        stops=_lowered(content, "phrase_stops"),
        determiners=_lowered(content, "determiners"),
        place_links=_lowered(content, "place_links"),
        reported_speech=re.compile(r"(?<![\w-])" + word_alternation(_words(content, "reported_speech_verbs")
                                                                    + _words(content, "reported_speech_adverbs")) + r"(?![\w-])"),
        reported_speech_reach=_reach(content),
        anonymous_speech=re.compile(r"(?<![\w-])" + word_alternation(_words(content, "anonymous_speech"), r"\s+", ignore_case=True) + r"(?![\w-])", re.IGNORECASE),
        follow_up_openers=_lowered(content, "follow_up_openers"),
        pronoun_genders=_pronoun_genders(content, "pronouns"),
        subject_article_genders=_pronoun_genders(content, "subject_articles"),
        object_article_genders=_pronoun_genders(content, "object_articles"),
        government_words=re.compile(r"(?<!\w)[\w-]*?" + word_alternation(_words(content, "government_words"), ignore_case=True) + r"(?!\w)", re.IGNORECASE),
        government=institutions.get("Regierung", "government"),
        bare_names={word.lower(): body for word, body in _mapping(content, "bare_names").items()},
        cue_last_words=tuple(sorted({cue.split()[-1].lower() for cue in prepositional}, key=lambda w: (-len(w), w))),
        other_verbs_by_particle=_particles(content, "other_verbs_by_particle"),
        speech_particles=_particles(content, "speech_verbs_by_particle"),
        speech_objects=_particles(content, "speech_verbs_by_object"),
        own_deed_verbs=_lowered(content, "own_deed_verbs"),
        counting_verbs=_lowered(content, "counting_verbs"),
        counted_subjects=tuple(word.lower() for word in _words(content, "counted_subjects")),
        subject_first_verbs=_lowered(content, "subject_first_verbs"),
        speaker_pronouns=_lowered(content, "speaker_pronouns"),
        local_institutions=frozenset(_words(content, "local_institutions")),
        stateless_institutions=frozenset(_words(content, "stateless_institutions")),
        passive_auxiliaries=_lowered(content, "passive_auxiliaries"),
        passive_agent_links=_lowered(content, "passive_agent_links"),
        state_passive_auxiliaries=_lowered(content, "state_passive_auxiliaries"),
        national_statistics=frozenset(_words(content, "national_statistics")),
        national_subsets=_national_subsets(content),
        speaker_suffixes=tuple(sorted((w.lower() for w in _words(unknown, "speaker_suffixes")), key=len, reverse=True)),
        documents=_lowered(unknown, "documents"),
        source_kinds=_lowered(unknown, "kinds"),
        body_heads=tuple(sorted(_lowered(unknown, "body_heads"), key=len, reverse=True)),
        taken_up_nouns=_lowered(unknown, "taken_up_nouns"),
        taken_up_kinds=_taken_up_kinds(unknown),
        kind_heads=tuple(sorted(_lowered(unknown, "kind_heads"), key=len, reverse=True)),
        place_noun_heads=tuple(_lowered(unknown, "place_noun_heads")),
        genitive_links=_lowered(unknown, "genitive_links"),
        feminine_articles=_lowered(inflection, "feminine_articles"),
        masculine_or_neuter_articles=_lowered(inflection, "masculine_or_neuter_articles"),
        genitive_articles=_lowered(inflection, "genitive_articles"),
        neuter_nominative_articles=_lowered(inflection, "neuter_nominative_articles"),
        neuter_heads=tuple(sorted(_lowered(inflection, "neuter_heads"), key=len, reverse=True)),
        possessives=_lowered(unknown, "possessives"),
        name_links=_lowered(unknown, "name_links"),
        subject_articles=_lowered(unknown, "subject_articles"),
        as_clause_openers=_lowered(unknown, "as_clause_openers"),
        subject_pronouns=_lowered(content, "subject_pronouns"),
        addressee_determiners=_lowered(addressee, "determiners"),
        addressee_media=_lowered(addressee, "media"),
        object_articles=_lowered(addressee, "object_articles"),
        interviewer_labels=_lowered(interview, "interviewer_labels"),
        not_speakers=_lowered(interview, "not_speakers"),
        address_titles=frozenset(_words(interview, "address_titles")),
    )


def _national_subsets(content: dict) -> re.Pattern:
    """A word that takes part of a count ("davon", "darunter"), or a preposition, perhaps an article and
    one adjective, then a noun with a setting or a group in it ("in Pflegeheimen", "in einem
    Krankenhaus", "unter Kindern") (attribution.yaml `national_subsets`)."""
    subsets = require_mapping(LEXICON, content["national_subsets"], "words", "prepositions", "articles", "nouns")
    return re.compile(
        r"(?<![\w-])(?:" + word_alternation(_words(subsets, "words"), ignore_case=True) + r"(?!\w)|"
        + word_alternation(_words(subsets, "prepositions"), ignore_case=True) + r"\s+(?:"
        + word_alternation(_words(subsets, "articles"), ignore_case=True) + r"\s+)?(?:[a-zäöüß]+\s+)?[\w-]*"
        + word_alternation(_words(subsets, "nouns"), ignore_case=True) + r"(?!\w))",
        re.IGNORECASE,
    )


def _pronoun_genders(content: dict, key: str) -> dict[str, str]:
    """The lower-cased words under `key` of each gender group of `pronoun_speakers`, mapped to that group."""
    groups = content["pronoun_speakers"]
    if not isinstance(groups, dict):
        raise lexicon_error(LEXICON, "'pronoun_speakers' must map gender groups to their words")
    return {word: group for group, words in groups.items()
            for word in _lowered(require_mapping(LEXICON, words, "pronouns", "subject_articles", "object_articles"), key)}


def _particles(content: dict, key: str) -> dict[str, frozenset[str]]:
    mapping = content[key]
    if not isinstance(mapping, dict):
        raise lexicon_error(LEXICON, f"{key!r} must map verbs to lists of particles")
    return {str(verb).lower(): _lowered(mapping, verb) for verb in mapping}


def determiners() -> frozenset[str]:
    """Articles and `von`: words that may stand inside a noun phrase naming someone."""
    return _cues().determiners


def actor_of(entity: Entity) -> str:
    """The canonical actor an entity stands for: a city, person or state body speaks for its country."""
    if entity.country and entity.type in ("city", "person", "organisation"):
        return entity.country
    return entity.name


def resolve_speaker(text: str, start: int, end: int) -> str | None:
    """The canonical source named in `text[start:end]`, by the scheme in attribution.yaml."""
    if end <= start:
        return None
    matches = load_gazetteer().find(text, start, end)
    persons = [m for m in matches if m.entity.type == "person"]
    if persons:
        return persons[-1].entity.name
    titled = _titled_person(text, start, end, matches)
    if titled is not None:
        return titled
    organisations = [m for m in matches if m.entity.type in ("organisation", "group")]
    if organisations:
        return organisations[0].entity.name
    bare = _bare_name(text, start, end)
    if bare is not None:
        return bare  # "nach Berechnungen der Kommission" in an article on the EU-Kommission
    taken_up = _taken_up_body(text, start, end) or _taken_up_name(text, start, end)
    if taken_up is not None:
        return taken_up  # "wie das Amt mitteilte" after "Das Landesamt für Umwelt Brandenburg meldete …"
    medium = _name_after_kind(text, start, end)
    if medium is not None:
        return medium  # "die brasilianische Zeitung „Folha“": the paper speaks, not its state
    named = _name_after_body_noun(text, start, end, matches)
    if named is not None:
        return named  # "die Katastrophenschutzbehörde Afad": Afad, as "laut Afad"
    places = [m for m in matches if m.entity.type in PLACE_TYPES and m.form != "area"]  # "bundesweit" says where, not who
    if places:
        seated = _institution_with_place(text, start, places)
        if seated and (seated[0] in _cues().local_institutions or seated[1].entity.country is None):
            # "die Polizei in Köln", and a body at a seat that names no state ("die Behörde in Nürnberg",
            # "das Bergbauministerium in Lima"): the body speaks, not the town.
            return _government_named(text, seated[0])
        if _speaker_seat(text, start, places[0]):
            return None  # "betonte eine Sprecherin in Wiesbaden": where she speaks, not for whom
        body = _body_at_place(text, start, places[0])
        if body is not None:
            return body  # "das Statistische Landesamt in Magdeburg": the body speaks, not the town
        body = (_body_with_town(text, start, places[0]) or _body_of_nationals(text, start, places[0])
                or _stateless_institution(text, places[0]))
        return body if body is not None else actor_of(places[0].entity)
    cues = _cues()
    for token in _TOKEN.finditer(text, start, end):
        name = cues.descriptors.get(token.group(0).lower())
        if name:
            return name
    institution = cues.institutions.search(text, start, end)
    if institution:
        source = cues.institution_lookup[matched_key(institution.group("institution"))]
        return _possessor_state(text, start, end, source) or _government_named(text, source)
    return _spokesperson_of_institution(text, start, end)


# Where a sentence ends: the state a possessive takes up is named in the same sentence.
_SENTENCE_END = re.compile(r"[.!?]\s")


def _possessor_state(text: str, start: int, end: int, source: str) -> str | None:
    """The state whose government a possessive names ("Die Ukraine hat nach Angaben ihres
    Verteidigungsministeriums acht Systeme aus Deutschland erhalten": Ukraine), the last one named before it
    in its sentence; None for any other source, no possessive ("des Ministeriums" is the article's one
    government, `_government_named`) or no state before it ("Nach Angaben seines Ministeriums …")."""
    cues = _cues()
    first = _TOKEN.search(text, start, end)
    if source != cues.government or first is None or first.group(0).lower() not in cues.possessives:
        return None
    sentence_start = max((match.end() for match in _SENTENCE_END.finditer(text, 0, start)), default=0)
    states = [match.entity for match in load_gazetteer().find(text, sentence_start, start)
              if match.entity.type == "country" or match.entity.country]
    return actor_of(states[-1]) if states else None


def _spokesperson_of_institution(text: str, start: int, end: int) -> str | None:
    """The institution whose spokesperson a compound in `text[start:end]` names ("ein Ministeriumssprecher":
    government, "eine Behördensprecherin": authorities), its noun before the speaker suffix with or
    without the linking -s; None for a compound of no institution ("ein Unternehmenssprecher")."""
    cues = _cues()
    for token in _TOKEN.finditer(text, start, end):
        lower = token.group(0).lower()
        suffix = next((s for s in cues.speaker_suffixes if lower.endswith(s) and len(lower) > len(s) + 2), None)
        if suffix is None:
            continue
        body = token.group(0)[: -len(suffix)].rstrip("-")
        institution = cues.institutions.fullmatch(body)
        if institution:
            return _government_named(text, cues.institution_lookup[matched_key(institution.group("institution"))])
    return None


def _bare_name(text: str, start: int, end: int) -> str | None:
    """The body a bare noun in `text[start:end]` stands for ("die Kommission": European Commission), when
    `text` names that body in full (attribution.yaml `bare_names`)."""
    bare_names = _cues().bare_names
    for word in _WORD.finditer(text, start, end):
        body = bare_names.get(matched_key(word.group(0)))
        if body is not None and body in _names_in(text):
            return body
    return None


# How many earlier mentions of a body's noun are tried for the body a bare noun takes up.
TAKEN_UP_CANDIDATES = 5


def _taken_up_body(text: str, start: int, end: int) -> str | None:
    """The body a bare noun in `text[start:end]` ("das Amt", "des Verbands", "ein Sprecher der Behörde")
    takes up: the one body named before `start` whose noun ends in that noun, or in a noun of the same kind
    ("Bund der Steuerzahler" for "der Verband"), by its known name or as written (attribution.yaml
    unknown_sources.taken_up_nouns, taken_up_kinds), among the last few such mentions; None when none is
    named before, and when two bodies are, as which one is meant is not told."""
    noun = _bare_noun(text, start, end)
    if noun is None:
        return None
    bodies: set[str] = set()
    for head in (noun, *_cues().taken_up_kinds.get(noun, ())):
        for mention in list(_noun_mentions(head).finditer(text, 0, start))[-TAKEN_UP_CANDIDATES:]:
            body = _mentioned_body(text, mention, same_noun=head == noun)
            if body is not None:
                bodies.add(body)
    fullest = max(bodies, key=lambda body: (len(body), body), default=None)
    return fullest if all(_same_body(body, fullest) for body in bodies) else None


def _same_body(first: str, second: str) -> bool:
    """Whether two names as written name one body: as equal, or as a compound and the phrase of its head
    and its first part in the genitive ("Steuerzahlerbund", "Bund der Steuerzahler NRW")."""
    if first == second:
        return True
    for compound, phrase in ((first, second), (second, first)):
        words = phrase.lower().split()
        if " " in compound or len(words) < 3 or words[1] not in _cues().genitive_links:
            continue
        head, part = _genitive_stem(words[0]), words[2]
        if compound.lower().endswith(head) and compound.lower()[: -len(head)].rstrip("-") in (part, _genitive_stem(part)):
            return True
    return False


def _mentioned_body(text: str, mention: re.Match, same_noun: bool) -> str | None:
    """The body a mention of a body's noun names, by its known name or as written; None for a bare noun
    (itself a take-up, or "der Bund" alone). Only a mention of the taken-up noun itself (`same_noun`) may
    be a body by its meaning alone ("die Gesundheitsbehörde in Gaza": health authorities); one of the same
    kind must be named ("der Bund der Steuerzahler", not the federal "Bund")."""
    group_start = _noun_group_start(text, mention.start())
    limit = min(len(text), mention.end() + MAX_PHRASE_CHARS)
    phrase_end = speaker_phrase_end(text, group_start, limit)
    if phrase_end <= group_start:
        return None
    if any(match.entity.type in ("organisation", "group") for match in load_gazetteer().find(text, group_start, phrase_end)):
        return resolve_speaker(text, group_start, phrase_end)  # "das Statistische Bundesamt": Destatis
    named = _subject_name(_named_as_written(text, group_start, limit))
    if named is not None:
        return named  # "das Landesamt für Umwelt Brandenburg", "der Hotelverband Deutschland"
    if same_noun and _bare_noun(text, group_start, phrase_end) is None:
        # "die Gesundheitsbehörde in Gaza": health authorities. Not a bare noun again ("das Amt"
        # before): the body is named further back.
        return resolve_speaker(text, group_start, phrase_end)
    return None


def _taken_up_name(text: str, start: int, end: int) -> str | None:
    """The source of the last longer noun group before `start` whose head is the one capitalised noun
    `text[start:end]` holds ("nach Angaben des Koordinationsstabs" after "der ukrainische Koordinationsstab
    für Kriegsgefangene": as that group; "des Sachwalters" after "Sachwalter Frank Kebekus"): an article
    shortens a name it gave in full, and both must be one source. None for a known institution, a
    spokesperson or a report, which keep their own meaning ("die Polizei", "ein Sprecher", "laut dem
    Bericht"), and when no longer group holds the noun before."""
    cues = _cues()
    words = [word for word in _WORD.finditer(text, start, end) if word.group(0).lower() not in cues.determiners]
    if len(words) != 1 or not words[0].group(0)[:1].isupper():
        return None
    noun = words[0].group(0)
    lower = noun.lower()
    if (cues.institutions.fullmatch(noun) or _speaker_noun(lower) or lower in cues.documents
            or load_gazetteer().find(text, words[0].start(), words[0].end())):
        return None
    mentions = list(_noun_mentions(_genitive_stem(noun), within_compounds=False).finditer(text, 0, start))
    gazetteer = load_gazetteer()
    for mention in reversed(mentions[-TAKEN_UP_CANDIDATES:]):
        group_start = _noun_group_start(text, mention.start())
        before = [word for word in _WORD.finditer(text, group_start, mention.start()) if word.group(0).lower() not in cues.determiners]
        previous = list(_TOKEN.finditer(text, max(0, mention.start() - MAX_PHRASE_CHARS), mention.start()))[-1:]
        after_name = not before and bool(previous) and previous[0].group(0)[:1].isupper() and previous[0].group(0).lower() not in cues.determiners
        if after_name or any(word.group(0)[:1].isupper() and not gazetteer.find(text, word.start(), word.end()) for word in before):
            # "Helmuth Tauber vom HGV", "nach Angaben Gallmetzers": the noun ends a longer name (a surname after
            # its first name) or follows another noun; not a body's noun after its adjectives ("Münchner")
            continue
        phrase_end = speaker_phrase_end(text, group_start, min(len(text), mention.end() + MAX_PHRASE_CHARS))
        if _named_as_written(text, mention.end(), phrase_end) is not None:
            return _named_as_written(text, mention.start(), phrase_end)  # "die größte italienische Bank Unicredit": Bank Unicredit
        if before:
            return resolve_speaker(text, group_start, phrase_end)  # "der ukrainische Koordinationsstab": Ukraine, as named so
    return None


def _bare_noun(text: str, start: int, end: int) -> str | None:
    """The lower-cased noun of `text[start:end]` when the phrase is only determiners and one noun of
    `taken_up_nouns`, in the genitive too ("des Amtes": amt), perhaps after a spokesperson ("ein Sprecher
    des Verbands": verband, whose spokesperson speaks for it), else None."""
    cues = _cues()
    words = [word for word in _WORD.findall(text, start, end) if word.lower() not in cues.determiners]
    if len(words) == 2 and _speaker_noun(words[0].lower()):
        words = words[1:]
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    lower = words[0].lower()
    for form in (lower, _genitive_stem(lower)):
        if form in cues.taken_up_nouns:
            return form
    return None


def _plain_body_noun(word: str) -> bool:
    """Whether `word` is a taken-up noun that is no compound of another ("Amt", "Verband", "Kammer"), which
    alone names no body; a compound ("Landesamt", "Bundesamt") still tells which kind of office speaks."""
    noun = _bare_noun(word, 0, len(word))
    return noun is not None and not any(noun != other and noun.endswith(other) for other in _cues().taken_up_nouns)


@lru_cache(maxsize=32)
def _noun_mentions(noun: str, within_compounds: bool = True) -> re.Pattern:
    """A capitalised word that ends in `noun` (or is `noun`, not `within_compounds`), perhaps with the
    genitive ending ("Landesamts")."""
    compound_start = r"(?=[A-ZÄÖÜ])[\w-]*?(?i:" if within_compounds else r"(?:"
    return re.compile(r"(?<![\w-])" + compound_start + re.escape(noun) + r")(?:e?s)?(?![\w-])")


def _noun_group_start(text: str, noun_start: int) -> int:
    """Where the noun group of the noun at `noun_start` begins: at its article, over up to two adjectives
    ("des Statistischen Landesamts", "das russische Verteidigungsministerium")."""
    cues = _cues()
    group_start = noun_start
    for token in reversed(list(_TOKEN.finditer(text, max(0, noun_start - 60), noun_start))[-3:]):
        lower = token.group(0).lower()
        if lower in cues.determiners:
            return token.start()
        if not lower.isalpha() or not lower.endswith(ADJECTIVE_ENDINGS[1:]):
            break
        group_start = token.start()
    return group_start


@lru_cache(maxsize=8)
def _names_in(text: str) -> frozenset[str]:
    """The gazetteer names of every entity `text` mentions."""
    return frozenset(match.entity.name for match in load_gazetteer().find(text))


def _name_after_kind(text: str, start: int, end: int) -> str | None:
    """The name as written after a kind noun in `text[start:end]` ("Zeitung Le Monde", "Sender „Suspilne“"),
    or None where no name follows the kind noun."""
    kinds = _cues().source_kinds
    for token in _TOKEN.finditer(text, start, end):
        if token.group(0).lower() not in kinds:
            continue
        following = _TOKEN.search(text, token.end(), end)
        if following is None:
            continue
        title = _QUOTED_TITLE.match(text, following.start(), end)
        if title is not None:
            return " ".join(title.group(0)[1:-1].split())  # "der Zeitung „Corriere della Sera“": the whole title
        if following.group(0)[0].isupper():
            return _named_as_written(text, token.start(), end)
    return None


def _name_after_body_noun(text: str, start: int, end: int, known: list[EntityMatch]) -> str | None:
    """The name as written right after a noun that says what kind of body it is ("die
    Katastrophenschutzbehörde Afad", "der Behörde Rosaviatsia"): the body is that name, as where an article
    names it alone ("laut Afad"); the noun would make it one with every such body ("authorities"). So too a
    short name of capitals after a noun that names a body (unknown_sources.body_heads: "der Internationalen
    Testagentur ITA", "des Weltverbands IWF" are ITA and IWF, as "laut ITA"; but "Stiftung Warentest" is one
    name). Only a single capitalised word no lexicon knows (`known`: "die Polizei Köln" is a body at a town) that ends the
    phrase or is followed by a lower-case word, and that is no noun of a body, report or speaker itself nor
    a figure ("laut Behörde Tausende"). Not after the noun of a body that serves a town or district
    (attribution.yaml local_institutions: "des Landratsamts Meißen" names its district, which no lexicon
    may know), nor after a name the lexicons know ("die israelische Behörde Cogat" is Israel's, as any
    state body named by its state); nor in an all-caps line, where capitals tell no names."""
    cues = _cues()
    if not any(character.islower() for character in text[start:end]):
        return None
    tokens = list(_TOKEN.finditer(text, start, end))
    for index, token in enumerate(tokens[:-1]):
        generic = _describing_source(token.group(0))
        name = tokens[index + 1]
        word = name.group(0)
        if generic is None and not (_body_noun(token.group(0)) is not None and _acronym(word) == word):
            continue
        after = tokens[index + 2].group(0) if index + 2 < len(tokens) else ""
        lower = word.lower()
        if (generic in cues.local_institutions or any(m.start < name.end() for m in known)
                or not word[0].isupper() or not word[0].isalpha() or after[:1].isupper()
                or _describing_source(word) is not None or lower in cues.determiners or lower in cues.documents
                or _speaker_noun(lower) or parse_number(word) is not None):
            return None
        return word
    return None


def _describing_source(word: str) -> str | None:
    """The source a noun stands for that says what kind of body a name is and alone stands for every
    such body: an institution ("Behörde", "Katastrophenschutzbehörde": authorities) or a descriptor
    ("Gesundheitsbehörde": health authorities); None for any other word, for a body's noun that heads a
    name as written ("Bürgerinitiative Lärmschutz" is one name already, `_names_body`), and for a
    spokesperson or a title, whose name is a person's ("Polizeisprecher Meier", "Innenminister Müller")."""
    cues = _cues()
    lower = word.lower()
    if _speaker_noun(lower) or meeting_lexicon().title_words.fullmatch(word):
        return None
    institution = cues.institutions.fullmatch(word)
    if institution:
        return cues.institution_lookup[matched_key(institution.group("institution"))]
    return cues.descriptors.get(lower)


def _speaker_seat(text: str, start: int, place: EntityMatch) -> bool:
    """Whether `place` is a town no state speaks from, linked right after a spokesperson or a kind noun
    ("eine Sprecherin in Wiesbaden", "wie die Fluggesellschaft in Köln mitteilte"): the seat names no
    body. A capital still names its state ("ein Sprecher in Moskau")."""
    if place.entity.type not in LOCAL_PLACE_TYPES or place.entity.country is not None:
        return False
    before = _WORD.findall(text, start, place.start)[-2:]
    return (len(before) == 2 and before[1].lower() in _cues().place_links
            and (_speaker_noun(before[0].lower()) or _kind_noun(before[0].lower())))


def _body_with_town(text: str, start: int, place: EntityMatch) -> str | None:
    """A body named by a capitalised noun right before its town, or right after the town's adjective, as
    written ("Stadtwerke München", "Messe Frankfurt", "Münchner Verkehrsgesellschaft"), or before its
    country when the noun names a body (`_names_body`: "Hotelverband Deutschland", not "Präsident
    Frankreich"), or None: for a noun of a kind of place ("Hauptstadt Berlin"), a noun the gazetteer or the
    institutions know ("Polizei München", "die Kölner Polizei" are `_institution_with_place`'s), or no noun there."""
    noun = None
    town_adjective = place.form == "adjective" and place.entity.type in LOCAL_PLACE_TYPES
    if town_adjective:
        noun = _TOKEN.match(text, _BLANKS.match(text, place.end).end())
    else:
        for noun in _TOKEN.finditer(text, start, place.start):
            pass
        if noun is not None and text[noun.end() : place.start].strip():
            return None
    if noun is None or not (noun.group(0)[:1].isupper() and noun.group(0)[1:].islower()):
        return None  # in an all-caps line ("DIE REGIERUNG IN MOSKAU") capitals tell no noun
    # "nach Angaben des Hotelverbands Deutschland": Hotelverband Deutschland; "Messe Frankfurt" as written
    body_noun = _body_noun(noun.group(0)) or noun.group(0)
    if place.entity.type not in LOCAL_PLACE_TYPES and _body_noun(body_noun) is None:
        return None
    lower = noun.group(0).lower()
    cues = _cues()
    if (lower.endswith(cues.place_noun_heads) or lower in cues.determiners or cues.institutions.fullmatch(noun.group(0))
            or load_gazetteer().find(text, noun.start(), noun.end())):
        return None
    before = _WORD.findall(text, start, noun.start())[-2:]
    if (not town_adjective and len(before) == 2 and before[1].lower() in cues.genitive_links | cues.name_links
            and _body_noun(before[0])):
        # "des Bundes der Steuerzahler NRW", "das Landesamt für Umweltschutz Sachsen": the noun before the
        # place ends a longer name, which is the body
        named = _named_as_written(text, start, place.end)
        return named if named is not None and _names_body(named) else None
    if not town_adjective and before[-1:] and before[-1].lower() in cues.genitive_articles:
        body_noun = _genitive_stem(body_noun)  # "des Landvolks Niedersachsen": Landvolk Niedersachsen, as "laut Landvolk Niedersachsen"
    place_name = text[place.start : place.end]
    return f"{place_name} {body_noun}" if town_adjective else f"{body_noun} {place_name}"


def _body_of_nationals(text: str, start: int, place: EntityMatch) -> str | None:
    """A body no lexicon knows whose name holds a country's adjective in its genitive: a body's noun, a
    genitive article, the adjective and its noun ("der Zentralverband der deutschen Seehafenbetriebe",
    "nach Angaben des Verbands der österreichischen Holzindustrie"), as written with the body's noun in the
    nominative; the adjective says whose members, not which state speaks. None for any other words before
    the place ("des Präsidenten der französischen Republik" is France's)."""
    if place.form != "adjective":
        return None
    before = list(_TOKEN.finditer(text, start, place.start))[-2:]
    after = _TOKEN.match(text, _BLANKS.match(text, place.end).end())
    if (len(before) < 2 or before[1].group(0).lower() not in _cues().genitive_links or text[before[1].end() : place.start].strip()
            or after is None or not after.group(0)[:1].isupper()):
        return None
    body_noun = _body_noun(before[0].group(0))
    if body_noun is None or not body_noun[:1].isupper():
        return None
    return f"{body_noun} {text[before[1].start() : after.end()]}"


def _stateless_institution(text: str, place: EntityMatch) -> str | None:
    """The institution right after a country's adjective when it is none of that state's
    (attribution.yaml stateless_institutions: "indonesische Zeitungen" are media, not Indonesia), else None."""
    if place.form != "adjective":
        return None
    cues = _cues()
    institution = cues.institutions.match(text, _BLANKS.match(text, place.end).end())
    if institution is None:
        return None
    source = cues.institution_lookup[matched_key(institution.group("institution"))]
    return source if source in cues.stateless_institutions else None


def _government_named(text: str, source: str) -> str:
    """`source`, or for a government named without its state the one state `text` names with a government."""
    return (_sole_government(text) or source) if source == _cues().government else source  # "Ein Regierungssprecher sagte …"


# A person's first and last name in apposition after a speaker's role, perhaps with a short place or
# body between: "dem Berater im Kreml, Juri Uschakow, …".
_APPOSED_NAME = re.compile(r"[^,\d.;:]{0,30},\s*(?P<name>[A-ZÄÖÜ][\w-]+\s+[A-ZÄÖÜ][\w-]+)\s*,")


# A short name in brackets right after a name: "Verband Deutscher Verkehrsunternehmen (VDV)".
_SHORT_NAME_AFTER = re.compile(r"\s*\((?P<short>[\w-]+)\)")


def _named_as_written(text: str, start: int, limit: int) -> str | None:
    """The speaker a prepositional cue names when no lexicon knows it, by its name as written:
    "laut VdK", "nach Angaben der Linken" (Linken), "laut Tafel Meißen", "nach Angaben der
    Internationalen Organisation für Migration", "laut einem Bericht der Zeitung Le Monde" (Le Monde: a
    report is not its author, a kind noun not the name), "laut dem Berater, Juri Uschakow" (the name in
    apposition), "nach Angaben eines Bundeswehrsprechers" (Bundeswehr: the body of a spokesperson).
    None for a report alone ("laut einer Studie"), a possessive ("nach Angaben seines Büros": the
    subject's, which the cue does not name) or no capitalised word ("nach ersten Angaben")."""
    cues = _cues()
    window_end = min(limit, start + MAX_PHRASE_CHARS)
    if not any(character.islower() for character in text[start:window_end]):
        return None  # an all-caps line: capitals tell no names there
    words: list[str] = []  # the capitalised words of the head noun group
    article = None  # the determiner right before them, which tells their case
    genitive_from = None  # where a genitive part of the name begins ("der Deutschen Bauindustrie"), kept as written
    phrase_end = start
    tokens = list(_TOKEN.finditer(text, start, window_end))
    for index, token in enumerate(tokens[:MAX_PHRASE_TOKENS]):
        word = token.group(0)
        lower = word.lower()
        if index == 0 and lower in cues.possessives:
            return None
        following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
        if word in _QUOTES and index > 0:
            continue  # "der Zeitung „Le Monde“": the quotes set the name off
        if lower in cues.determiners and (not words or words[-1].lower() in cues.documents):
            article = lower
            continue
        if word[0].isupper() and word[0].isalpha():
            after_link = bool(words) and words[-1].lower() in cues.name_links  # "Landesamt für Statistik": part of the name
            if (lower in cues.documents and not after_link) or (_speaker_noun(lower) and following.lower() in cues.determiners):
                words = []  # "einem Bericht der Zeitung …", "ein Sprecher des Betreibers …": the author follows
            else:
                words.append(word)
            phrase_end = token.end()
        elif lower in cues.name_links and words and following[:1].isupper():
            words.append(word)  # "Organisation für Migration", "Urlaub und Reisen"
        elif (lower in cues.genitive_links and genitive_from is None and words and following[:1].isupper()
              and _body_noun(words[-1]) is not None):
            # "des Hauptverbands der Deutschen Bauindustrie", "des Zentralverbands des Deutschen Baugewerbes":
            # a body's noun and a name in the genitive are one name; the noun alone would join every such body.
            genitive_from = len(words)
            words.append(word)
        elif index == 0 and not word[0].isupper():
            return None  # "nach ersten Angaben starben …": the clause, not a speaker
        elif not words and index > 0 and lower.endswith(ADJECTIVE_ENDINGS[1:]):
            continue  # "laut dem außenpolitischen Berater": an adjective before the head
        else:
            break
    short = _SHORT_NAME_AFTER.match(text, phrase_end)  # past `limit`: the speaker phrase ends before a bracket
    if words and short and _acronym(short.group("short")):
        return short.group("short")  # "des Verbands Deutscher Verkehrsunternehmen (VDV)": VDV, as "laut VDV"
    apposition = _APPOSED_NAME.match(text, phrase_end, limit)
    if words and apposition:
        return " ".join(apposition.group("name").split())  # "laut dem Berater im Kreml, Juri Uschakow, …"
    while words and _kind_noun(words[0].lower()) and len(words) > 1 and genitive_from != 1:
        words = words[1:]  # not "Verband der Automobilindustrie": the noun heads the name that follows it
        genitive_from = None if genitive_from is None else genitive_from - 1
    if not words:
        return None
    if len(words) == 1:
        lower = words[0].lower()
        if _kind_noun(lower) or lower in cues.speaker_suffixes or _plain_body_noun(words[0]):
            return None  # "ein Sprecher", "die Zeitung", "das Amt" (taken up by `_taken_up_body` if at all): nobody named
        suffix = next((s for s in cues.speaker_suffixes if lower.endswith(s) and len(lower) > len(s) + 2), None)
        if suffix is not None:
            body = words[0][: -len(suffix)]
            known = load_gazetteer().find(body.rstrip("-"))
            if known:
                return known[0].entity.name
            # "ein Fraport-Sprecher": a hyphen sets a name off; "ein Unternehmenssprecher" names nobody.
            return body.rstrip("-") if body.endswith("-") else None
    if genitive_from is not None:
        return " ".join(_nominative(words[:genitive_from], article) + words[genitive_from:])
    return " ".join(_nominative(words, article))


def _nominative(words: list[str], article: str | None) -> list[str]:
    """The words of a name with its leading declined adjectives in the nominative and, after a genitive
    article, its head noun without the genitive ending ("Deutschen Sparkassenverbands" after "des":
    "Deutscher Sparkassenverband"; attribution.yaml unknown_sources.inflection). A name without such an
    adjective, or with one whose ending does not fit the article ("der Freunde …"), is left as written, and
    so is a town's adjective in -er ("laut Hamburger Feuerwehr"); without an article an adjective in -er
    is read as feminine only after "-sch" ("laut Deutscher Umwelthilfe")."""
    cues = _cues()
    if article in cues.feminine_articles or article in cues.masculine_or_neuter_articles:
        endings: tuple[str, ...] = ("en",)
    elif article in cues.neuter_nominative_articles:
        endings = ("e",)  # "Das Statistische Landesamt meldete": Statistisches Landesamt
    elif article is None:
        endings = ("em", "er")
    else:
        return words
    adjectives = 0
    while adjectives < len(words) - 1 and words[adjectives][1:].islower() and words[adjectives].endswith(endings):
        if words[adjectives].endswith("er") and not words[adjectives].endswith("scher"):
            break  # "laut Hamburger Feuerwehr": a town's adjective in -er is not declined
        adjectives += 1
    if not adjectives:
        if article in cues.genitive_articles and len(words) == 2 and words[0].endswith("er") and words[1][1:].islower():
            return [words[0], _genitive_stem(words[1])]  # "des Marburger Bundes": a town's adjective before the head
        if article in cues.genitive_articles and words[0].split("-")[-1][1:].islower() and not words[0].endswith("us"):
            # "des Branchenverbands GIE": Branchenverband GIE; "des Städtetags": Städtetag (not "des Zensus");
            # a hyphenated name by its last part ("des Paul-Ehrlich-Instituts": Paul-Ehrlich-Institut)
            return [_genitive_stem(words[0]), *words[1:]]
        return words
    ending = next(e for e in endings if words[0].endswith(e))
    # The head noun: the last of the nouns joined by "und" after the adjectives ("Hotel- und Gaststättenverband").
    head = adjectives
    while head + 2 < len(words) and words[head + 1] == "und":
        head += 2
    if article in cues.feminine_articles or (article is None and ending == "er"):
        nominative = "e"
    elif article in cues.neuter_nominative_articles:
        nominative = "es"
    else:
        nominative = "es" if words[head].lower().endswith(cues.neuter_heads) else "er"
    named = [word[: -len(ending)] + nominative for word in words[:adjectives]] + words[adjectives:]
    if article in cues.genitive_articles:
        named[head] = _genitive_stem(named[head])
    return named


# The end of a stem that takes the genitive -es rather than -s ("Bund-es", "Verband-es", "Amt-es").
_TWO_CONSONANTS_END = re.compile(r"[b-df-hj-np-tv-zß]{2}$")


def _genitive_stem(noun: str) -> str:
    """A noun without its genitive -s or -es ("Verbands": Verband, "Hauses": Haus, "Bundes": Bund; but
    "Gebäudes": Gebäude)."""
    if noun.endswith("es") and (noun[:-2].endswith(("s", "z", "ß", "x", "sch")) or _TWO_CONSONANTS_END.search(noun[:-2])):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") else noun


def _speaker_noun(lower: str) -> bool:
    """Whether a lower-cased word is a spokesperson ("sprecher", "unternehmenssprecherin")."""
    return lower.endswith(_cues().speaker_suffixes)


def _kind_noun(lower: str) -> bool:
    """Whether a lower-cased word says what kind of body a name is ("zeitung", "flughafenbetreibers")."""
    cues = _cues()
    return lower in cues.source_kinds or lower.endswith(cues.kind_heads)


_CAPITAL = re.compile(r"[A-ZÄÖÜ]")  # the capitals of German names (not the Kelvin sign, which folds to k)


def _acronym(name: str | None) -> str | None:
    """The short name of capitals in `name` ("Sozialverband VdK": VdK), else None. Before a verb of saying
    only such a name is surely its subject: a noun there may be the object ("Das Potenzial schätzt
    Gallmetzer …"), a thing ("Das Hochwasser forderte …") or an unnamed speaker ("Ein Sprecher sagte")."""
    # Capitals counted in each part of a hyphenated word: "Mittelrhein-Lahn" is two names, not a short one;
    # a legal form is no name ("Siemens AG", "Autobahn GmbH": `_names_body` takes the whole name).
    # A place's short name is where the body is ("Bund der Steuerzahler NRW"), not the body's.
    short = [word for word in (name or "").split() if word not in legal_form_words()
             and any(len(_CAPITAL.findall(part)) >= 2 for part in word.split("-"))
             and not any(match.entity.type in PLACE_TYPES for match in load_gazetteer().find(word))]
    return short[-1] if short else None


def _subject_name(name: str | None) -> str | None:
    """The name as written by which a subject before a verb of saying is taken: its short name ("Sozialverband
    VdK": VdK, `_acronym`), else the whole name when a noun of it names a body ("Landesamt für Umwelt
    Brandenburg", "Umweltbundesamt"; `_names_body`), else None."""
    return _acronym(name) or (name if name is not None and _names_body(name) else None)


def _names_body(name: str) -> bool:
    """Whether a name as written names a body by a noun before its first name link (attribution.yaml
    unknown_sources.body_heads): "Statistisches Landesamt", "Landesamt für Umwelt", "Hotelverband
    Deutschland", or a company by its legal form ("Siemens AG", "Autobahn GmbH"); not a bare body noun alone
    ("Amt", "Initiative"), which names no one body."""
    cues = _cues()
    words = name.split()
    if len(words) > 1 and words[-1] in legal_form_words():
        return True
    link = next((index for index, word in enumerate(words) if word.lower() in cues.name_links), len(words))
    body_nouns = [_body_noun(word.lower()) for word in words[:link]]
    if len(words) == 1:
        return body_nouns[0] is not None and body_nouns[0] not in cues.body_heads
    return any(body_noun is not None for body_noun in body_nouns)


def _counted_subject(name: str | None) -> bool:
    """Whether a name as written after a verb of counting is what is counted, not who reports it
    (attribution.yaml counted_subjects): "zählte die Hotellerie 27,6 Millionen Logiernächte",
    "verzeichneten die heimischen Beherbergungsbetriebe …"; not "zählte das Museum 18.300 Besucher"."""
    return name is not None and name.split()[0].lower().endswith(_cues().counted_subjects)


def _body_noun(noun: str) -> str | None:
    """`noun` when it ends in a body's noun (unknown_sources.body_heads: "Landesamt"), its stem when it
    does so in the genitive ("Hotelverbands": Hotelverband), else None."""
    heads = _cues().body_heads
    if noun.lower().endswith(heads):
        return noun
    stem = _genitive_stem(noun)
    return stem if stem.lower().endswith(heads) else None


def _body_at_place(text: str, start: int, place: EntityMatch) -> str | None:
    """A body no lexicon knows, named as written right before a link to the place it sits in ("das
    Statistische Landesamt in Magdeburg": Statistisches Landesamt), or None. The body speaks, the place is
    where its figures are, as for a local institution."""
    link = _WORD.findall(text, start, place.start)[-1:]
    if not link or link[0].lower() not in _cues().place_links:
        return None
    name = _named_as_written(text, start, place.start)
    return name if name is not None and _names_body(name) else None


def _local_body(text: str, start: int, places: list[EntityMatch]) -> tuple[str, EntityMatch] | None:
    """(source, place) of a local institution named with its town or region ("die Gesundheitsbehörde in
    Gaza", "die Polizei aus Köln", or the town right after the body: "die Polizei Leipzig", "das
    Gesundheitsamt Kitzingen"): the institution speaks, the place is where its figures are. A state's
    bodies with a place are that state ("die Regierung in Moskau"), and so is a country ("die Polizei in
    Frankreich"), which names whose police rather than where."""
    seated = _institution_with_place(text, start, places)
    return seated if seated and seated[0] in _cues().local_institutions else None


def _institution_with_place(text: str, start: int, places: list[EntityMatch]) -> tuple[str, EntityMatch] | None:
    """(source, place) of any institution named with a town or region it sits in (see `_local_body`)."""
    cues = _cues()
    place = places[0]
    if place.entity.type not in LOCAL_PLACE_TYPES:
        return None
    if place.form == "adjective":  # "die Moskauer Polizei": the town's adjective right before its body
        institution = cues.institutions.match(text, _BLANKS.match(text, place.end).end())
        return (cues.institution_lookup[matched_key(institution.group("institution"))], place) if institution else None
    institution = cues.institutions.search(text, start, place.start)
    if institution is None:
        return None
    link = _WORD.findall(text, start, place.start)[-1:]
    apposed = not text[institution.end():place.start].strip()  # "die Polizei Leipzig"
    if not apposed and (not link or link[0].lower() not in cues.place_links):
        return None
    return cues.institution_lookup[matched_key(institution.group("institution"))], place


def _speaker_place(text: str, start: int, end: int, source: str | None) -> tuple[int, int] | None:
    """The span of the town or region the local institution `source`, or the body no lexicon knows
    (`_body_at_place`), speaks from in `text[start:end]`."""
    if source is None:
        return None
    places = [m for m in load_gazetteer().find(text, start, end) if m.entity.type in PLACE_TYPES]
    if not places:
        return None
    if source not in _cues().local_institutions:
        cue = _cues().prepositional.match(text, start)  # "nach Angaben des Statistischen Landesamts in Erfurt"
        body_start = _BLANKS.match(text, cue.end()).end() if cue else start
        return (places[0].start, places[0].end) if _body_at_place(text, body_start, places[0]) == source else None
    local = _local_body(text, start, places)
    return (local[1].start, local[1].end) if local and local[0] == source else None


def counted_country(source: str | None, text: str, sentence: Sentence, figure_start: int) -> str | None:
    """The country a national statistics body counts ("Laut RKI starben 1100 Menschen": in Germany), or
    None for any other source, whose figures may be anywhere (the Bundeswehr's soldiers abroad), and
    for a figure its clause narrows to part of the country's count ("In Pflegeheimen starben laut RKI
    zwölf Menschen", "davon 40 unter Kindern"), which is no count of the whole country."""
    cues = _cues()
    if source is None or source not in cues.national_statistics:
        return None
    clause = _clause_start(text, sentence.start, figure_start), _clause_end(text, figure_start, sentence.end)
    if cues.national_subsets.search(text, *clause):
        return None
    entity = load_gazetteer().entities.get(source)
    return entity.country if entity else None


def _titled_person(text: str, start: int, end: int, known: list[EntityMatch]) -> str | None:
    """A person the gazetteer lacks, named by first and last name after a title ("Vizepräsident Fuat Oktay",
    "sagte Innenministerin Maria Muster"): the name as written, the last one named, as for known people.
    Not a name with a known word in it ("Präsident Russlands Wladimir …" is the gazetteer's). The names are
    `MeetingLexicon.titled_names`, as a meeting's parties read them; a party may be named by one word
    ("Papst Franziskus"), a speaker here only by first and last name."""
    names = [
        titled.name for titled in meeting_lexicon().titled_names(text, start, end)
        if " " in titled.name and not any(m.start < titled.end and titled.start < m.end for m in known)
    ]
    return names[-1] if names else None


@lru_cache(maxsize=8)
def _sole_government(text: str) -> str | None:
    """The state of the one government `text` names with its state ("die französische Regierung",
    "US-Regierung", "die Regierung in Paris", "Bundesregierung"), or None for none or several."""
    cues = _cues()
    gazetteer = load_gazetteer()
    states: set[str] = set()
    for word in cues.government_words.finditer(text):
        start, end = word.span()
        for match in gazetteer.find(text, max(0, start - 30), min(len(text), end + 30)):
            if match.start < start:
                named = match.end > start or (match.form == "adjective" and not text[match.end:start].strip())
            else:
                gap = text[end:match.start].split()
                named = match.start < end or (
                    match.entity.type in PLACE_TYPES and len(gap) <= 1
                    and (not gap or gap[0].lower() in cues.place_links)
                )
            if named and (match.entity.type == "country" or match.entity.country):
                states.add(actor_of(match.entity))  # not a town of no known state ("Regionalregierung in Arequipa")
    return states.pop() if len(states) == 1 else None


def speaker_phrase_end(text: str, start: int, limit: int, after_cue_noun: bool = False) -> int:
    """End of the noun phrase naming a speaker that begins at `start` (== start when there is none).

    German nouns and names are capitalised; lower-case words inside the phrase are articles,
    `von` or adjectives, and a trailing lower-case word is a verb, so it is trimmed. A number
    right after a noun begins the next phrase, the figure the speaker gives ("laut Polizei 10
    Bergleute"); elsewhere it counts the speakers ("nach Angaben von 20 Hilfsorganisationen").
    `after_cue_noun` says that a noun ends the cue before `start` ("nach Polizeiangaben 10 …").
    """
    cues = _cues()
    gazetteer = load_gazetteer()
    # A name with a stop word or a sign in it is one piece ("der Internationalen Organisation für
    # Migration", "Ärzte ohne Grenzen", "Schutz & Rettung"): its words do not end the phrase.
    names = gazetteer.find(text, start, min(limit, start + MAX_PHRASE_CHARS))
    names_end = {match.start: match.end for match in names}
    # A name written small, or starting small ("die Nachrichtenagentur dpa", "das Münchner ifo-Institut"),
    # is a noun of the phrase, not a verb ending it.
    small_names = {match.start for match in names if match.form == "alias" and text[match.start].islower()}
    phrase_end = start
    previous_start = previous_end = start  # the last capitalised word of the phrase
    tokens = 0
    position = start
    after_noun = False  # an adjective follows an article or another adjective, never a noun
    last_was_noun = after_cue_noun
    while tokens < MAX_PHRASE_TOKENS:
        token = _TOKEN.search(text, position, limit)
        if not token or text[position : token.start()].strip():
            break
        if names_end.get(token.start(), 0) > token.end() or token.start() in small_names:
            phrase_end = position = names_end[token.start()]
            tokens += 1
            after_noun = last_was_noun = True
            continue
        word = token.group(0)
        title = _QUOTED_TITLE.match(text, token.start(), limit) if word in _QUOTES and phrase_end > start else None
        if title is not None:
            phrase_end = position = title.end()  # "die Zeitung „Le Monde“": the title in quotes names the speaker
            tokens += 1
            after_noun = last_was_noun = True
            continue
        if word[0].isdigit() and last_was_noun:
            break
        last_was_noun = word[0].isupper()
        position = token.end()
        tokens += 1
        if word == ",":
            # Apposition naming a person: "die Sprecherin des Ministeriums, Maria Sacharowa".
            person = _entity_right_after(text, token.end(), limit) if phrase_end > start else None
            if person is not None and person.entity.type == "person":
                phrase_end = position = person.end
                last_was_noun = True
                continue
            break
        if not word[0].isalnum():
            break
        lower = word.lower()
        if lower in cues.place_links and (phrase_end > start or tokens == 1):
            # "die Regierung in Moskau", "nach Angaben aus Warschau": the place is part of who speaks.
            place = _entity_right_after(text, token.end(), limit)
            if place is not None and place.entity.type in PLACE_TYPES:
                phrase_end = position = place.end
                last_was_noun = True
                continue
        if lower in cues.stops:
            # A name with the stop word inside it: "das Bundesamt für Migration und Flüchtlinge".
            name = next((m for m in gazetteer.find(text, start, limit) if m.start < token.start() < m.end), None)
            if name is None:
                if lower in cues.name_links and phrase_end == previous_end and _body_noun(text[previous_start:previous_end]):
                    following = _TOKEN.search(text, token.end(), limit)
                    if following is not None and following.group(0)[:1].isupper():
                        continue  # "das Bundesamt für Umwelt" no lexicon knows: a body's noun and its field are one name
                break
            phrase_end = position = name.end
            after_noun = last_was_noun = True
            continue
        if lower in cues.determiners:
            after_noun = False
        elif word[0].isupper() or word[0].isdigit():
            phrase_end = token.end()
            previous_start, previous_end = token.start(), token.end()
            after_noun = True
        elif lower.endswith(("e", "en", "er", "es", "em")) and not after_noun:
            continue
        else:
            break  # "der Deutschen Presse-Agentur wollen Scholz …": a verb ends the phrase
    return phrase_end


def _entity_right_after(text: str, position: int, limit: int) -> EntityMatch | None:
    """The gazetteer's first mention within 40 characters after `position` (and before `limit`), when
    only blanks stand before it: the person after an apposition's comma, the place after "in"."""
    following = load_gazetteer().find(text, position, min(limit, position + 40))
    if following and not text[position : following[0].start].strip():
        return following[0]
    return None


def takes_up_speaker(text: str, clause_start: int, start: int) -> bool:
    """Whether the reported clause of a figure at `start` has its speaker as subject, by a pronoun
    before the figure ("Die Polizei teilte mit, sie habe 30 Menschen festgenommen")."""
    pronouns = _cues().speaker_pronouns
    return any(word.lower() in pronouns for word in _WORD.findall(text, clause_start, start))


def _clause_start(text: str, floor: int, position: int) -> int:
    clause_start = document_clause_start(text, floor, position, _CLAUSE_BREAK)
    while True:
        if text[floor:clause_start].endswith(")"):
            # A parenthesis is an aside, not a new clause: "Wie das Bundesamt (BAMF) am Mittwoch mitteilte".
            opening = text.rfind("(", floor, clause_start)
        else:
            # A title in quotes is a name inside the clause: "Die Zeitung „Le Monde“ berichtet, …".
            quoted = _QUOTED_NAME.search(text, floor, clause_start)
            opening = quoted.start() if quoted else -1
        if opening < 0:
            return clause_start
        clause_start = document_clause_start(text, floor, opening, _CLAUSE_BREAK)


def _clause_end(text: str, position: int, ceiling: int) -> int:
    return document_clause_end(text, position, ceiling, _CLAUSE_BREAK)


def _first_word(text: str, start: int, end: int) -> str:
    word = _WORD.search(text, start, end)
    return word.group(0).lower() if word else ""


def _last_word(text: str, start: int, end: int) -> str:
    words = _WORD.findall(text, start, end)
    return words[-1].lower() if words else ""


def _descriptor_source(text: str, match: re.Match, sentence_start: int, sentence_end: int) -> tuple[bool, str | None]:
    """(decided, source) from the descriptor inside a cue such as "nach westlichen Angaben"."""
    cues = _cues()
    first = _TOKEN.match(text, match.start())
    matched = match.group(0).lower()
    last_word = next((word for word in cues.cue_last_words if matched.endswith(word)), None)
    if not first or not last_word:
        return False, None
    inner_start, inner_end = first.end(), match.end() - len(last_word)
    for token in _TOKEN.finditer(text, inner_start, inner_end):
        lower = token.group(0).lower().rstrip("-")
        if lower in cues.descriptors:
            return True, cues.descriptors[lower]
        if lower in cues.self_forms:
            return True, _subject(text, sentence_start, match.start()) or _inverted_subject(text, sentence_start, match, sentence_end)
    named = resolve_speaker(text, inner_start, inner_end)
    if named:
        return True, named
    # "nach AWI-Angaben": a short name no lexicon knows, glued to the cue's noun, is the speaker as written.
    glued = text[inner_start:inner_end].strip()
    short = _acronym(glued[:-1]) if glued.endswith("-") and _TOKEN.fullmatch(glued) else None
    return (True, short) if short else (False, None)


def _subject(text: str, sentence_start: int, position: int) -> str | None:
    """The speaker named at the start of the clause that ends at `position` ("Die Regierung hatte erklärt")."""
    clause_start = _clause_start(text, sentence_start, position)
    while clause_start < position and text[clause_start].isspace():
        clause_start += 1
    reporter = _cues().prepositional.match(text, clause_start, position)
    if reporter:
        # "Laut Reuters hatte die Regionalregierung … von 24 Toten gesprochen": the cue names who passes
        # the saying on; the speaker is the subject after the finite verb.
        return _subject_after_verb(text, speaker_phrase_end(text, reporter.end(), position), position)
    first = _TOKEN.search(text, clause_start, position)
    if first and first.group(0).lower() in _cues().stops:
        clause_start = first.end()  # "In der Mitteilung des Weißen Hauses hieß es"
    while clause_start < position and text[clause_start].isspace():
        clause_start += 1
    return _bracketed_short_name(text, clause_start, position) or resolve_speaker(
        text, clause_start, speaker_phrase_end(text, clause_start, position))


# A short name in brackets after a name: "Die Evangelische Kirche in Deutschland (EKD)".
_SHORT_NAME_IN_BRACKETS = re.compile(r"\((?P<short>[\w-]+)\)")


def _bracketed_short_name(text: str, start: int, end: int) -> str | None:
    """The short name in brackets after the name that opens `text[start:end]`, by its known name or as
    written ("Die Evangelische Kirche in Deutschland (EKD) hatte gemeldet": EKD, not Germany; "Die
    Asylagentur der Europäischen Union (EUAA) meldete": EUAA, as "laut EUAA"), or None: a name that holds
    a country or another body is not that country or body when its short name says which one it is."""
    bracket = _SHORT_NAME_IN_BRACKETS.search(text, start, end)
    if bracket is None or not _acronym(bracket.group("short")):
        return None
    cues = _cues()
    links = cues.determiners | cues.name_links | cues.genitive_links | cues.place_links
    words = _TOKEN.findall(text, start, bracket.start())
    if not words or not all(word[:1].isupper() or word.lower() in links for word in words):
        # "Südtirol habe demnach einen Rückgang des Bruttoinlandsproduktes (BIP) … verzeichnet": the
        # bracket is not after the name that opens the clause, which is its subject.
        return None
    if (any(match.entity.type == "person" for match in load_gazetteer().find(text, start, bracket.start()))
            or _titled_person(text, start, bracket.start(), []) is not None):
        return None  # "Innenminister Joachim Herrmann (CSU) sagte": a person's party, not who speaks
    known_short = resolve_speaker(text, bracket.start("short"), bracket.end("short"))
    if known_short is not None:
        return known_short
    whole = [m for m in load_gazetteer().find(text, start, bracket.start()) if m.entity.type in ("organisation", "group")
             and not text[m.end : bracket.start()].strip()
             and all(word.lower() in cues.determiners for word in _TOKEN.findall(text, start, m.start))]
    if whole:
        # "Die Bundesagentur für Arbeit (BA) teilte mit": the whole name before the bracket is a body the
        # lexicon knows, which speaks under that name, not under a short name the lexicon lacks (not so
        # "Die Fischereiaufsicht der Europäischen Union (EFCA)", whose name only ends in a known body's).
        return None
    return bracket.group("short")


def _inverted_subject(text: str, sentence_start: int, cue: re.Match, sentence_end: int) -> str | None:
    """The speaker named by an article phrase next to a cue in a clause opened by something else: ending
    right before the cue ("An Heiligabend hatte die Deutsche Bahn nach eigenen Angaben …") or, when the
    cue opens the clause, right after its finite verb ("Nach eigenen Angaben hat die Polizei …"). A known
    name only, not a noun as written."""
    clause_start = _clause_start(text, sentence_start, cue.start())
    if text[clause_start : cue.start()].strip():
        articles = _cues().subject_articles
        for token in reversed(list(_TOKEN.finditer(text, clause_start, cue.start()))):
            if token.group(0).lower() in articles:
                end = speaker_phrase_end(text, token.start(), cue.start())
                return resolve_speaker(text, token.start(), end) if not text[end : cue.start()].strip() else None
        return None
    return _subject_after_verb(text, cue.end(), sentence_end)


def _subject_after_verb(text: str, start: int, end: int) -> str | None:
    """The known speaker an article phrase names right after the finite verb that follows `start`
    ("[Nach eigenen Angaben] hat die Polizei …", "[Laut Reuters] hatte die Regionalregierung …")."""
    verb = _TOKEN.search(text, start, end)
    article = _TOKEN.search(text, verb.end(), end) if verb and verb.group(0).islower() else None
    if article is None or article.group(0).lower() not in _cues().subject_articles:
        return None
    return resolve_speaker(text, article.start(), speaker_phrase_end(text, article.start(), end))


def _apposition_start(text: str, sentence_start: int, clause_start: int) -> int | None:
    """Start of a subject with an apposition ending right before the verb: "Der Berater, Jake Sullivan, sagte".

    Not across a quotation ("«…», sagte er"): the words of a quote are not its speaker.
    """
    before = text[sentence_start:clause_start].rstrip()
    if not before.endswith(",") or before[:-1].rstrip()[-1:] in "\"'«»„“”‚‘’":
        return None
    start = clause_start
    for _ in range(2):
        comma = text.rfind(",", sentence_start, start - 1)
        if comma < 0:
            return sentence_start
        if text[sentence_start:comma].rstrip()[-1:] in "\"'«»„“”‚‘’":
            return comma + 1
        start = comma + 1
    return start


def _speech_source(text: str, verb: re.Match, sentence_start: int, sentence_end: int,
                   clause_start: int) -> tuple[str | None, int, int]:
    """Source of a verb of saying: the subject before it, or the inverted subject after it (V2 order);
    `clause_start` is where the verb's clause begins (`_clause_start`)."""
    phrase_end = speaker_phrase_end(text, verb.end(), sentence_end)
    speaker_start, speaker_end = _without_addressee(text, verb.end(), phrase_end)
    # "Die Institute sagen dem RN 35 Prozent voraus": a phrase in the dative or accusative after the verb
    # is whom the figure is given to or what is said, not who says it.
    names_object = _first_word(text, speaker_start, speaker_end) in _cues().object_articles
    after = None if names_object else resolve_speaker(text, speaker_start, speaker_end)
    # Where the cue ends when its subject comes before the verb: past the medium told, if any ("Körzell
    # sagte der Deutschen Presse-Agentur, …"), which is whom the speaker tells, never whose figure it is.
    subject_cue_end = phrase_end if (speaker_start, speaker_end) != (verb.end(), phrase_end) else verb.end()
    before_text = text[clause_start : verb.start()]
    first = _TOKEN.search(before_text)
    # "Das teilte die Bundesnetzagentur mit": a demonstrative alone before the verb is its object.
    object_only = before_text.strip().lower() in _cues().follow_up_openers
    if not before_text.strip() or object_only or (first and first.group(0).lower() in _cues().stops):
        # Nothing, an adverbial or the object before the verb: the subject follows it ("…, sagte Peskow").
        if after:
            named = load_gazetteer().find(text, speaker_start, speaker_end)
            if verb.group().lower() in _cues().subject_first_verbs and named:
                # "In der Umfrage sieht Forsa die SPD bei 15 Prozent": the speaker is the first name, its object follows.
                return after, verb.start(), named[0].end
            return after, verb.start(), phrase_end
        if phrase_end > verb.end() and text[verb.end():phrase_end].split()[-1][:1].isupper() and not names_object:
            # "…, teilte Fraport mit", "sagte ein Sprecher des Betreibers Fraport": the name as written.
            # "…, sagte ein Sprecher.": a speaker nobody can name; the people of the quote before are not it;
            # A title with a name is the person ("sagte Energieminister Bayraktar": Bayraktar, as "Bayraktar
            # sagte"); a title in any other phrase names no one ("sagte ein Sprecher von Minister Bayraktar").
            titled = meeting_lexicon().title_words.search(text, verb.end(), phrase_end)
            named = _person_named(text, verb.end(), phrase_end) if titled else _named_as_written(text, verb.end(), phrase_end)
            if verb.group().lower() in _cues().counting_verbs and _counted_subject(named):
                named = None  # "Im Juli verzeichneten die Hotels 18,9 Millionen Nächtigungen": what is counted
            return named, verb.start(), phrase_end
        subject = _TOKEN.search(text, verb.end(), sentence_end)
        if subject and not text[verb.end() : subject.start()].strip() and subject.group(0).lower() in _cues().subject_pronouns:
            return None, verb.start(), subject.end()  # "…, hieß es.": no apposition before the comma
        # A subject named after "wie" is the speaker, not the people of the clause before ("Wadephul und Barrot
        # wollen sich treffen, wie das Auswärtige Amt mitteilte"); a pronoun there takes them up ("…, wie er sagte").
        subject_words = [word.lower() for word in _WORD.findall(before_text)]
        if subject_words[:1] and subject_words[0] in _cues().as_clause_openers:
            subject_words = subject_words[1:]
        names_own_subject = bool(subject_words) and subject_words[0] not in _cues().subject_pronouns
        apposition_start = None if names_own_subject else _apposition_start(text, sentence_start, clause_start)
        if apposition_start is not None:
            # Only a person closes an apposition ("Der Berater, Jake Sullivan, sagte"); anything else
            # before the comma is another clause ("es sei an Moskau, …, hieß es").
            people = [m for m in load_gazetteer().find(text, apposition_start, verb.start()) if m.entity.type == "person"]
            if people:
                return people[-1].entity.name, apposition_start, subject_cue_end
        subject = _subject(text, sentence_start, verb.start())
        if subject is None and first and first.group(0).lower() in _cues().as_clause_openers:
            # "…, wie das BMI mitteilte", "…, wie die Bürgerinitiative Süd mitteilte": a subject no lexicon knows, as written.
            named = _named_as_written(text, clause_start + first.end(), verb.start())
            subject = _subject_name(named) or _name_without_article(text, clause_start + first.end(), named, verb)
        return subject, clause_start, subject_cue_end
    before = _subject(text, sentence_start, verb.start())
    if before is None and first and first.group(0).lower() in _cues().subject_articles:
        # "Der Sozialverband VdK spricht von …", "Das Umweltbundesamt beziffert …": a subject no lexicon knows, as written.
        named = _named_as_written(text, clause_start + first.start(), verb.start())
        before = _subject_name(named)
        if before is None and _says_a_clause(text, verb.end()) and not meeting_lexicon().title_words.search(
                text, clause_start, verb.start()):
            before = named  # "Der Sachwalter teilte mit, 52 Filialen würden geschlossen": who says the clause
    if before is None:
        before = _person_named(text, clause_start, verb.start())
    if before:
        return before, clause_start, subject_cue_end
    if verb.group().lower() in _cues().subject_first_verbs:
        return None, clause_start, verb.end()  # "Die jüngste Umfrage sieht die AfD bei 20 Prozent": the party is seen
    if (first and first.group(0).lower() in _cues().subject_articles and _name_phrase(before_text[first.end():])
            and any(character.isdigit() for character in text[verb.end():phrase_end])):
        # "Das Landesamt für Verbraucherschutz bestätigte die Zahl von 58 Fällen in Halle": an article and a
        # name before the verb are its subject, though no lexicon knows it, when what follows the verb holds
        # a figure, which is what is said ("Die Zahl bestätigte die Polizei" keeps the police).
        return None, clause_start, subject_cue_end
    return after, verb.start(), max(phrase_end, verb.end())


def _name_without_article(text: str, start: int, named: str | None, verb: re.Match) -> str | None:
    """`named` when it is one capitalised word right at `start`, without an article, before a verb of saying
    in the singular ("wie Eurowings mitteilte", "wie Eurowings am Montag mitteilte"): a singular noun with no
    article is a name; a common noun there is plural ("wie Experten mitteilten") or has its article ("wie
    das Papier zeigt"). Not a word the lexicons know as no name (a report, a kind of body, a spokesperson)."""
    if named is None or " " in named or verb.group(0).lower().endswith("n") or not text.startswith(named, _BLANKS.match(text, start).end()):
        return None
    lower = named.lower()
    cues = _cues()
    if (lower in cues.documents or _kind_noun(lower) or _speaker_noun(lower) or _bare_noun(named, 0, len(named))
            or _describing_source(named) is not None or load_gazetteer().find(named)):
        return None
    return named


def _person_named(text: str, start: int, end: int) -> str | None:
    """A person no lexicon knows whom `text[start:end]` names whole as the speaker of a verb of saying, as
    written: by an office and a name ("Energieminister Bayraktar sprach von 32 Eingeschlossenen", "sagte
    Ministerin Anna Berg"; `MeetingLexicon.titled_names`) or, before the verb, by a given name and a surname
    ("Jens Hartmann sagte, …"; people.yaml given_names). Not a title alone ("Der Landrat sagte"), one
    capitalised word that opens the clause ("Gestern sagte", "Hartmann sagte": a capital there tells no
    name), nor a phrase with more words than the name ("Der Sprecher von Minister Bayraktar sagte")."""
    phrase = text[start:end]
    if not any(character.islower() for character in phrase):
        return None  # nothing named, or an all-caps line
    start += len(phrase) - len(phrase.lstrip())
    end -= len(phrase) - len(phrase.rstrip())
    for titled in meeting_lexicon().titled_names(text, start, end):
        if titled.title_start == start and titled.end == end:
            return titled.name
    words = phrase.split()
    if 2 <= len(words) <= 3 and words[0] in load_gazetteer().given_names and all(
            _CAPITAL.match(word) and word.replace("-", "").isalpha() for word in words[1:]):
        return " ".join(words)
    return None


# A verb of saying whose clause ends right after it, perhaps with its particle, before the clause it says:
# "teilte mit, …", "sagte, …"; not "bestätigte sie, …" (its subject follows) nor "forderte 30 Tote".
_VERB_BEFORE_SAID_CLAUSE = re.compile(r"(?:\s+(?P<particle>[a-zäöüß]+))?\s*,")


def _says_a_clause(text: str, verb_end: int) -> bool:
    """Whether the verb of saying ending at `verb_end` opens a said clause after a comma, so that the noun
    before it is surely its speaker, not its object or a thing ("Das Hochwasser forderte 30 Tote")."""
    said = _VERB_BEFORE_SAID_CLAUSE.match(text, verb_end)
    return said is not None and (said.group("particle") or "") not in _cues().subject_pronouns


def _place_alone(text: str, start: int, end: int, source: str | None) -> bool:
    """Whether the speaker phrase `text[start:end]` names places and no body of theirs, so that its
    `source` is a place's: "Berlin verzeichnete", "Die Stadt Köln registrierte"; not "Die Berliner Polizei
    verzeichnete", nor a body named as written with its town ("Die Handwerkskammer Leipzig verzeichnete")."""
    matches = load_gazetteer().find(text, start, end)
    return (bool(matches) and all(match.entity.type in PLACE_TYPES for match in matches)
            and not _cues().institutions.search(text, start, end)
            and (source is None or source in {actor_of(match.entity) for match in matches}))


def _name_phrase(words: str) -> bool:
    """Whether `words` are capitalised words with only name links or articles between them
    ("Landesamt für Verbraucherschutz", "Verband der Chemischen Industrie")."""
    cues = _cues()
    tokens = [token.group(0) for token in _TOKEN.finditer(words)]
    return bool(tokens) and tokens[0][:1].isupper() and all(
        token[:1].isupper() or token.lower() in cues.name_links or token.lower() in cues.determiners for token in tokens)


def _without_addressee(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of the speaker phrase [start, end) that is not the medium told ("sagte Peskow der
    Nachrichtenagentur Interfax" → "Peskow"; "sagte der Zeitung «Bild» ein Sprecher" → "ein Sprecher")."""
    cues = _cues()
    tokens = list(_TOKEN.finditer(text, start, end))
    for index, token in enumerate(tokens):
        if token.group(0).lower() not in cues.addressee_determiners:
            continue
        words = [t.group(0) for t in tokens[index + 1 :] if t.group(0)[0].isalnum()]
        # The medium's noun, or its name, may follow a declined adjective: "der Deutschen Presse-Agentur".
        heads = words[:2] if words[:1] and words[0][:1].isupper() and words[0].endswith("en") else words[:1]
        if not any(head.lower() in cues.addressee_media for head in heads):
            continue
        if index > 0:
            return start, token.start()
        speaker = next((t for t in tokens[index + 1 :] if t.group(0).lower() in cues.determiners), None)
        return (speaker.start(), end) if speaker else (end, end)
    return start, end


@dataclass(frozen=True)
class _Cue:
    kind: str  # "prepositional" | "speech" | "accusation"
    position: int
    attribution: Attribution


def _prepositional_cues(text: str, start: int, end: int) -> Iterator[re.Match]:
    """What `prepositional.finditer(text, start, end)` finds, tried only where `prepositional_starts`
    finds the first word of a cue: the case-blind alternation of some 40 cues, tried at every
    position of a sentence, was a third of the time of finding a sentence's cues."""
    cues = _cues()
    position = start
    while (first_word := cues.prepositional_starts.search(text, position, end)) is not None:
        match = cues.prepositional.match(text, first_word.start(), end)
        if match is not None:
            yield match
            position = match.end()  # matches do not overlap, as in finditer
        else:
            position = first_word.start() + 1


@lru_cache(maxsize=64)
def _sentence_cues(text: str, sentence_start: int, sentence_end: int) -> tuple[_Cue, ...]:
    """The cues in `text[sentence_start:sentence_end]`: prepositional ones, then verbs of saying.

    Memoised: each figure of a sentence asks for the cues of its claim window, which is the whole
    sentence but in a long one, and `names_unknown_speaker`, `_reported_speech` and
    `ends_prepositional_cue` ask again for stretches already read. Reading them resolves every
    speaker in the stretch: an eighth of the time of extracting quantity claims, a quarter of it
    spent on stretches read before.
    """
    cues = _cues()
    found: list[_Cue] = []
    for match in _prepositional_cues(text, sentence_start, sentence_end):
        decided, source = _descriptor_source(text, match, sentence_start, sentence_end)
        cue_words = match.group(0).split()
        # "nach Polizeiangaben", "nach Angaben" end in a noun, "laut" (even capitalised) does not.
        cue_ends_in_noun = len(cue_words) > 1 and cue_words[-1][0].isupper()
        phrase_end = speaker_phrase_end(text, match.end(), sentence_end, after_cue_noun=cue_ends_in_noun)
        if not decided or source is None:
            source = resolve_speaker(text, match.end(), phrase_end) or source
        if not decided and source is None:
            source = _named_as_written(text, match.end(), sentence_end)
        span_end = max(phrase_end, match.end())
        place = _speaker_place(text, match.start(), span_end, source)
        found.append(_Cue("prepositional", match.start(), Attribution(source, match.start(), span_end, place=place)))
    # A verb that begins a prepositional cue naming someone ("hieß es aus Diplomatenkreisen",
    # "verlautete aus Moskau") is that cue, not a saying of its own.
    named_cue_starts = {cue.position for cue in found if cue.attribution.source}
    for match in cues.postpositional.finditer(text, sentence_start, sentence_end):
        clause_start = _clause_start(text, sentence_start, match.start())
        source = resolve_speaker(text, clause_start, match.start())
        place = _speaker_place(text, clause_start, match.start(), source)
        found.append(_Cue("prepositional", match.start(), Attribution(source, clause_start, match.end(), place=place)))
    for match in cues.speech_verbs.finditer(text, sentence_start, sentence_end):
        verb = match.group().lower()
        verb_clause_end = _clause_end(text, match.end(), sentence_end)
        particles = cues.other_verbs_by_particle.get(verb)
        required = cues.speech_particles.get(verb)
        if particles or required:
            last_word = _last_word(text, match.end(), verb_clause_end)
            if (particles and last_word in particles) or (required and last_word not in required):
                continue  # "sagte seine Reise ab": absagen, no saying; "gab 30 Euro aus": no angeben
        if match.start() in named_cue_starts or _attribute_after_figure(text, match, sentence_start):
            continue
        clause_start = _clause_start(text, sentence_start, match.start())
        objects = cues.speech_objects.get(verb)
        if objects and not any(word.lower() in objects for word in _WORD.findall(text, clause_start, verb_clause_end)):
            continue  # "hatte mit Putin gesprochen": a meeting, no saying
        words_before = [word.lower() for word in _WORD.findall(text, clause_start, match.start())]
        if any(word in cues.passive_auxiliaries for word in words_before) or (
                _first_word(text, match.end(), verb_clause_end) in cues.passive_auxiliaries
                and not any(word in cues.passive_agent_links for word in words_before)):
            # "In Kitzingen wurden 19 Fälle gemeldet", and the auxiliary after its participle: "In Burundi
            # seien 170 Fälle bestätigt worden": nobody named says so ("Wie von der Polizei bestätigt
            # wurde" names its speaker, the agent)
            continue
        if any(word in cues.state_passive_auxiliaries for word in words_before) and not _WORD.search(text, match.end(), verb_clause_end):
            continue  # "In Bayern waren 281.000 Arbeitslose gemeldet": a state, the participle ends the clause
        source, span_start, span_end = _speech_source(text, match, sentence_start, sentence_end, clause_start)
        if verb in cues.counting_verbs and _place_alone(text, span_start, span_end, source):
            source = None  # "Berlin verzeichnete 300 Fälle": where they are counted, not who says so
        reports_only = verb not in cues.own_deed_verbs
        place = _speaker_place(text, span_start, span_end, source)
        found.append(_Cue("speech", match.start(), Attribution(source, span_start, span_end, "speech", reports_only, place)))
    return tuple(found)


_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_CAPITALISED_WORD = re.compile(r"\s+([A-ZÄÖÜ]\w*)")


def _attribute_after_figure(text: str, verb: re.Match, floor: int) -> bool:
    """Whether a form of a verb of saying stands between a figure and its counted noun, as the noun's
    participle: "15 bestätigte Ausbrüche", "drei bestätigte Fälle" say what is counted, not who says so.
    A noun right after it, no article: "2023 bestätigte das Amt …" opens a sentence with a year."""
    number = _WORD_BEFORE.search(text, max(floor, verb.start() - 30), verb.start())
    noun = _CAPITALISED_WORD.match(text, verb.end())
    return (number is not None and noun is not None and parse_number(number.group(1)) is not None
            and noun.group(1).lower() not in _cues().determiners)


def find_accusation(doc: Document, start: int, end: int) -> Accusation | None:
    """The accusation frame whose object holds [start, end): "X wirft Y vor, … zu haben"."""
    try:
        return _find_accusation(doc, start, end)
    except (IndexError, ValueError):  # extraction never raises on odd input
        return None


def claim_window(doc: Document, start: int, end: int) -> Sentence | None:
    """The sentence around [start, end), cut to WINDOW characters either side of it."""
    sentence = doc.sentence_at(start)
    if sentence is None:
        return None
    return Sentence(sentence.index, max(sentence.start, start - WINDOW), min(sentence.end, max(end, start) + WINDOW))


def _find_accusation(doc: Document, start: int, end: int) -> Accusation | None:
    sentence = claim_window(doc, start, end)
    if sentence is None:
        return None
    text = doc.text
    cues = _cues()
    gazetteer = load_gazetteer()
    best: Accusation | None = None
    for verb in cues.accusation_verbs.finditer(text, sentence.start, start):
        clause_start = _clause_start(text, sentence.start, verb.start())
        source = resolve_speaker(text, clause_start, verb.start())
        # The accused is the first entity after the verb, before the particle or the comma.
        stop = cues.particle_or_comma.search(text, verb.end(), sentence.end)
        object_end = stop.start() if stop else min(sentence.end, verb.end() + 80)
        accused = _first_actor(gazetteer.find(text, verb.end(), object_end))
        if accused is not None:
            best = Accusation(source, accused, clause_start, object_end)
    for verb in cues.accusation_joined.finditer(text, sentence.start, start):
        clause_start = _clause_start(text, sentence.start, verb.start())
        matches = gazetteer.find(text, clause_start, verb.start())
        if len(matches) >= 2:
            best = Accusation(
                resolve_speaker(text, matches[0].start, matches[0].end),
                actor_of(matches[-1].entity),
                clause_start,
                verb.end(),
            )
    return best


def _first_actor(matches: list[EntityMatch]) -> str | None:
    return actor_of(matches[0].entity) if matches else None


def find_attribution(doc: Document, start: int, end: int) -> Attribution | None:
    """The cue that attributes the claim at [start, end), with its resolved source (None: unattributed)."""
    return find_attribution_and_accusation(doc, start, end)[0]


def find_attribution_and_accusation(doc: Document, start: int, end: int) -> tuple[Attribution | None, Accusation | None]:
    """`find_attribution` and `find_accusation` of one span; the accusation frame, which decides both, is looked for once."""
    # Extraction never raises on odd input: what fails is None (an attribution needs its accusation).
    try:
        accusation = _find_accusation(doc, start, end)
    except (IndexError, ValueError):
        return None, None
    try:
        attribution = _find_attribution(doc, start, end, accusation)
    except (IndexError, ValueError):
        return None, accusation
    if attribution is not None and attribution.source is not None:
        short = _paired_short_name(doc.text, attribution.source)
        if short is not None:
            attribution = replace(attribution, source=short)
    return attribution, accusation


# A name's declension ending, left out where two spellings of one name are compared ("Kraftfahrt-Bundesamts").
_DECLENSION_END = re.compile(r"(?:es|en|er|em|s|e|n)$")


def _name_key(words: list[str]) -> tuple[str, ...]:
    """The words of a name without case or declension endings, so that "des Kraftfahrt-Bundesamts" and
    "das Kraftfahrt-Bundesamt", "Statistischen Landesamt" and "Statistisches Landesamt" are one name."""
    return tuple(_DECLENSION_END.sub("", word.lower()) if len(word) > 4 else word.lower() for word in words)


@lru_cache(maxsize=8)
def _short_names_paired(text: str) -> dict[tuple[str, ...], str]:
    """The long forms of bodies the article pairs with a short name in brackets ("Das Kraftfahrt-Bundesamt
    (KBA) ordnete …", "des Bundesamts für Strahlenschutz (BfS)"), by each tail of the capitalised words and
    name links right before the bracket (`_name_key`) -> the short name."""
    cues = _cues()
    paired: dict[tuple[str, ...], str] = {}
    for bracket in _SHORT_NAME_IN_BRACKETS.finditer(text):
        short = bracket.group("short")
        if not _acronym(short):
            continue
        words = _TOKEN.findall(text, max(0, bracket.start() - MAX_PHRASE_CHARS), bracket.start())
        name: list[str] = []
        while words and (words[-1][:1].isupper() or (name and words[-1].lower() in cues.name_links)):
            name.insert(0, words.pop())
        while name and name[0].lower() in cues.name_links:
            name.pop(0)
        for first in range(len(name)):
            paired.setdefault(_name_key(name[first:]), short)
    return paired


def _paired_short_name(text: str, source: str) -> str | None:
    """The short name the article gives in brackets after a body's long form, for a source named by that
    long form elsewhere in it ("Das Kraftfahrt-Bundesamt (KBA) ordnete den Rückruf an. Nach Angaben des
    Kraftfahrt-Bundesamts …": KBA, as "laut KBA"): one body is one source, whichever of its names a
    sentence uses. Only a name that names a body (`_names_body`): "Joachim Herrmann (CSU)" is a person and
    his party."""
    if "(" not in text or not _names_body(source):
        return None
    short = _short_names_paired(text).get(_name_key(source.split()))
    return short if short != source else None


def _find_attribution(doc: Document, start: int, end: int, accusation: Accusation | None) -> Attribution | None:
    sentence = claim_window(doc, start, end)
    if sentence is None:
        return None
    text = doc.text
    if accusation is not None and accusation.source is not None:
        return Attribution(accusation.source, accusation.start, accusation.end, "accusation")
    sentence_cues = [cue for cue in _sentence_cues(text, sentence.start, sentence.end)
                     if not _tells_rejected_figure(text, sentence, cue)]
    cues = [cue for cue in sentence_cues if cue.attribution.source]
    if not cues:
        return (_interview_answer(text, sentence.start) or _pronoun_speaker(doc, sentence, sentence_cues, start, end)
                or _reported_speech(doc, sentence) or _follow_up(doc, sentence))
    clause_start = _clause_start(text, sentence.start, start)
    clause_end = _clause_end(text, end, sentence.end)
    if (not any(clause_start <= cue.position < clause_end for cue in cues)
            and any(_unknown_speaker_in_clause(text, cue, clause_start, start) for cue in sentence_cues)):
        return None

    def distance(cue: _Cue) -> int:
        return min(abs(cue.position - start), abs(cue.position - end))

    same_clause = [
        cue for cue in cues if cue.kind == "prepositional" and clause_start <= cue.position < clause_end
    ]
    # A main clause after the figure's that opens with its subject before the verb of saying says a figure of
    # its own: "Der Verein nannte 4000 Besucher, die Stadt sprach von 2500" (not "…, sagte die Polizei",
    # nor "…, wie das Bundesamt mitteilte", whose clause opens with a phrase stop).
    cues = [cue for cue in cues if not (cue.kind == "speech" and clause_end <= cue.attribution.start < cue.position
                                        and _first_word(text, cue.attribution.start, cue.position) not in _cues().stops)]
    speech = [cue for cue in cues if cue.kind == "speech"]
    # A speaker in the figure's clause beside a prepositional cue is whose words the cue passes on: "Laut
    # Reuters hatte die Regionalregierung … von 24 Toten gesprochen" (the regional government's figure).
    reported = [cue for cue in speech if clause_start <= cue.position < clause_end] if same_clause else []
    for group in (reported, same_clause, speech, cues):
        if group:
            chosen = min(group, key=lambda cue: (distance(cue), cue.position))
            return chosen.attribution
    return None


def _tells_rejected_figure(text: str, sentence: Sentence, cue: _Cue) -> bool:
    """Whether `cue` is a clause "wie X angegeben hatte" right after a figure the sentence rejects ("Verletzt
    seien sechs Menschen, nicht neun, wie die Stadt zunächst angegeben hatte, teilte die Polizei mit"): X
    told the rejected figure (denied_figures), so it is no source of the sentence's other figures."""
    if cue.kind != "speech":
        return False
    clause_start = _clause_start(text, sentence.start, cue.position)
    if clause_start <= sentence.start or _first_word(text, clause_start, cue.position) not in _cues().as_clause_openers:
        return False
    previous_start = _clause_start(text, sentence.start, clause_start - 1)  # the clause before the break that opens the cue's
    return any(parse_number(word.group(0)) is not None and is_denied(text, sentence, word.start())
               for word in _WORD.finditer(text, previous_start, clause_start))


def names_unknown_speaker(text: str, clause_start: int, clause_end: int, figure_start: int) -> bool:
    """Whether the figure's clause names before it a speaker no lexicon knows ("…, die Arbeitgeber sprachen
    lediglich von 400"): the figure is that speaker's, not the source of a figure it takes its unit from."""
    return any(_unknown_speaker_in_clause(text, cue, clause_start, figure_start) for cue in _sentence_cues(text, clause_start, clause_end))


def _unknown_speaker_in_clause(text: str, cue: _Cue, clause_start: int, figure_start: int) -> bool:
    """Whether `cue`, before the figure in its clause, names a speaker no lexicon knows: a verb of saying
    whose subject opens with an article before it ("…, die Betreibergesellschaft sprach dagegen von 5000"),
    or a prepositional cue with a speaker after its words ("laut Hafenbetreiber 23 Frachter"). In a clause
    where no known speaker is named (the caller's test; "Die Menge bezifferte das Havariekommando laut
    Reuters auf …" names one), the figure is that speaker's, not that of a known speaker in another clause
    ("Nach Angaben der Polizei kamen 3000 Menschen, …"). Not a cue that names nobody ("nach offiziellen Angaben")."""
    if cue.attribution.source is not None or not clause_start <= cue.position < figure_start:
        return False
    if cue.kind == "speech":
        return _first_word(text, clause_start, cue.position) in _cues().subject_articles
    words = _cues().prepositional.match(text, cue.position)
    return words is not None and _WORD.search(text, words.end(), min(cue.attribution.end, figure_start)) is not None


def _reported_speech(doc: Document, sentence: Sentence) -> Attribution | None:
    """The speaker of the sentences before, when this one goes on in their subjunctive ("Es gebe keine Pläne")
    or says it is theirs ("demnach"): the last verb of saying that names one, else the one source that
    prepositional cues name in the sentence right before ("Nach Angaben des Flughafens wurden 17 Flüge
    gestrichen. 3000 Passagiere seien betroffen gewesen."), when this one has no verb of saying of its own
    ("Emily Horne, …, erklärte, es werde …" is hers, a verb of counting is none); with several sources named so, whose it is stays open."""
    cues = _cues()
    text = doc.text
    if not cues.reported_speech.search(text, sentence.start, sentence.end):
        return None
    if cues.anonymous_speech.search(text, sentence.start, sentence.end):
        return None  # "Acht Bergleute würden weiterhin vermisst, hieß es": told as no one's, not the last speaker's
    own_cues = _sentence_cues(text, sentence.start, sentence.end)
    if any(cue.kind == "prepositional" for cue in own_cues):
        return None  # "Sie hätten nach ihren Angaben 3 Autos verloren": it names its teller, whom no lexicon knows
    # A verb of counting says no one speaks ("Südtirol habe demnach einen Rückgang verzeichnet").
    says_itself = any(cue.kind == "speech" and _first_word(text, cue.position, sentence.end) not in cues.counting_verbs
                      for cue in own_cues)
    for back in range(1, cues.reported_speech_reach + 1):
        index = sentence.index - back
        if index < 0:
            return None
        previous = doc.sentences[index]
        window_start = max(previous.start, previous.end - WINDOW)
        named = [cue for cue in _sentence_cues(text, window_start, previous.end) if cue.attribution.source]
        speech = [cue for cue in named if cue.kind == "speech"]
        if speech:
            return speech[-1].attribution
        if named and back == 1 and not says_itself:
            return named[-1].attribution if len({cue.attribution.source for cue in named}) == 1 else None
        if not cues.reported_speech.search(text, previous.start, previous.end):
            return None  # the chain of reported speech is broken
    return None


def _follow_up(doc: Document, sentence: Sentence) -> Attribution | None:
    """The speaker the next sentence names when it only says who told this one: "Die Zahl der Toten ist
    auf 17 gestiegen. Das teilte das Ministerium am Dienstag mit." (attribution.yaml follow_up_openers)."""
    if sentence.index + 1 >= len(doc.sentences):
        return None
    text = doc.text
    following = doc.sentences[sentence.index + 1]
    opener = _TOKEN.search(text, following.start, following.end)
    if opener is None or opener.group(0).lower() not in _cues().follow_up_openers:
        return None
    window_end = min(following.end, following.start + WINDOW)
    for cue in _sentence_cues(text, following.start, window_end):
        if cue.kind == "speech" and cue.attribution.source and not text[opener.end() : cue.position].strip():
            return cue.attribution
    return None


def _pronoun_speaker(doc: Document, sentence: Sentence, sentence_cues: tuple[_Cue, ...], start: int, end: int) -> Attribution | None:
    """The cue nearest the claim whose speaker is a pronoun ("Nach ihren Angaben …", "Er sprach von …", "…, wie
    sie mitteilte"), with the source it takes up: the last one named in the sentences before whose gender
    and number the pronoun fits (attribution.yaml pronoun_speakers). None when no cue names its speaker by
    a pronoun, or no source fits before it: a pronoun with no source before it names nobody."""
    text = doc.text
    pronoun_cues = [(cue, gender) for cue in sentence_cues if (gender := _pronoun_gender(text, cue, sentence.start)) is not None]
    if not pronoun_cues:
        return None
    cue, gender = min(pronoun_cues, key=lambda pair: (min(abs(pair[0].position - start), abs(pair[0].position - end)), pair[0].position))
    for back in range(1, _cues().reported_speech_reach + 1):
        index = sentence.index - back
        if index < 0:
            return None
        previous = doc.sentences[index]
        named = sorted((earlier for earlier in _sentence_cues(text, previous.start, previous.end) if earlier.attribution.source),
                       key=lambda earlier: earlier.position)
        for earlier in reversed(named):
            if _source_gender(text, earlier) in (None, gender):
                return replace(cue.attribution, source=earlier.attribution.source)
    return None


def _pronoun_gender(text: str, cue: _Cue, sentence_start: int) -> str | None:
    """The gender group of the pronoun by which `cue` names its speaker: a possessive in a prepositional cue
    ("nach seinen Angaben"), a subject pronoun right before or after a verb of saying ("Sie spricht von",
    "…, wie sie mitteilte", "sagte er"); None for any other cue. A possessive after its clause's subject, a
    noun or a pronoun, is that subject's ("Die Flüchtlinge machten nach ihren Angaben …")."""
    cues = _cues()
    genders = cues.pronoun_genders
    clause_start = _clause_start(text, sentence_start, cue.position)
    before = _WORD.findall(text, clause_start, cue.position)
    if cue.kind == "prepositional":
        words = cues.prepositional.match(text, cue.position)
        owners = [word.lower() for word in _WORD.findall(text, cue.position, words.end())] if words else []
        gender = next((genders[word] for word in owners if word in genders and word in cues.possessives), None)
        if gender is None or any(word.lower() in cues.subject_pronouns or (index > 0 and word[:1].isupper())
                                 for index, word in enumerate(before)):
            return None
        return gender
    verb = cues.speech_verbs.match(text, cue.position)
    after = _WORD.search(text, verb.end()) if verb else None
    # right after "wie" ("…, wie sie weiter mitteilte"), right before the verb or right after it
    opened = before[1:2] if before[:1] and before[0].lower() in cues.as_clause_openers else []
    subjects = [word.lower() for word in (opened + before[-1:] + ([after.group(0)] if after else [])) if word.lower() in cues.subject_pronouns]
    return next((genders[word] for word in subjects if word in genders), None)


def _source_gender(text: str, cue: _Cue) -> str | None:
    """The gender group of the source `cue` names, by the first article in its span: as the subject of a
    verb of saying ("der Verband meldete") or after a preposition ("nach Angaben der Polizei"); None for a
    name without an article ("sagte Olaf Scholz"), which any pronoun may take up."""
    cues = _cues()
    articles = cues.subject_article_genders if cue.kind == "speech" else cues.object_article_genders
    return next((articles[word.lower()] for word in _WORD.findall(text, cue.attribution.start, cue.attribution.end)
                 if word.lower() in articles), None)


# A label at the start of a line: one to three capitalised words ("Müller", "Boris Pistorius",
# "Generalinspekteur Carsten Breuer") before a colon and a blank, which a time ("12:30") never is.
_LINE_LABEL = re.compile(r"[ \t]*(?P<label>[A-ZÄÖÜ][\w.-]*(?:[ \t]+[A-ZÄÖÜ][\w.-]*){0,2})[ \t]*:(?=\s)")
_LINE_LABELS = re.compile(r"^" + _LINE_LABEL.pattern, re.MULTILINE)


@lru_cache(maxsize=8)
def _is_interview(text: str) -> bool:
    """Whether a line of `text` opens with an interviewer's label ("Frage: …", "F: …")."""
    interviewer = _cues().interviewer_labels
    return any(" ".join(label.group("label").split()).lower() in interviewer for label in _LINE_LABELS.finditer(text))


def _interview_answer(text: str, sentence_start: int) -> Attribution | None:
    """The speaker whose label opens the line of the sentence ("Müller: „Wir haben derzeit rund 500 Soldaten
    dort.“"): the gazetteer's name, else the person the article names so, else the label as written. In an
    interview (`_is_interview`), or for a label the article names as a person elsewhere (`_person_of_label`:
    "Bas: …" after "Arbeitsministerin Bärbel Bas" or "Frau Bas, …"). None on the interviewer's lines, for a
    label that names nobody ("Fazit:") or a place ("Berlin:")."""
    label = _LINE_LABEL.match(text, text.rfind("\n", 0, sentence_start) + 1)
    if label is None:
        return None
    cues = _cues()
    written = " ".join(label.group("label").split())
    if written.lower() in cues.interviewer_labels or written.lower() in cues.not_speakers:
        return None
    start, end = label.span("label")
    if any(match.entity.type in PLACE_TYPES for match in load_gazetteer().find(text, start, end)):
        return None
    person = _person_of_label(text, start, end)
    if person is None and not _is_interview(text):
        return None
    return Attribution(resolve_speaker(text, start, end) or person or written, start, label.end(), "interview", reports_only=True)


@lru_cache(maxsize=64)
def _person_of_label(text: str, start: int, end: int) -> str | None:
    """The person a line label `text[start:end]` names, when the article names a person so: the label
    itself by a given name and a surname or an office and a name (`_person_named`), else the label's
    surname ending a name after an office or a given name elsewhere ("Arbeitsministerin Bärbel Bas",
    "Jens Hartmann"), else the label as written when the
    article addresses it ("Frau Bas, wie teuer …"). None for a label the article never names as a person
    ("Wichtig", "Polizei"), which in other news is a heading, not a speaker."""
    named = _person_named(text, start, end)
    if named is not None:
        return named
    written = " ".join(text[start:end].split())
    for line in re.finditer(r"[^\n]+", text):  # a name never runs on into the next line
        for titled in meeting_lexicon().titled_names(text, line.start(), line.end()):
            if titled.name.endswith(f" {written}"):
                return titled.name  # "Arbeitsministerin Bärbel Bas"
    given_names = load_gazetteer().given_names
    addressed = False
    for mention in re.finditer(r"\b(\w+)[ \t]+" + re.escape(written) + r"\b", text):
        if mention.group(1) in given_names:
            return f"{mention.group(1)} {written}"
        addressed = addressed or mention.group(1) in _cues().address_titles
    return written if addressed else None


def find_source(doc: Document, start: int, end: int) -> str | None:
    """The canonical source of the claim whose span is [start, end), or None when nobody is named."""
    attribution = find_attribution(doc, start, end)
    return attribution.source if attribution else None


def ends_prepositional_cue(doc: Document, end: int) -> bool:
    """Whether the speaker phrase of a prepositional cue ends at `end`, whether or not its speaker is
    a known source: "laut Betreiber", "nach Angaben des Betreibers" before a figure end a phrase of their own."""
    sentence = doc.sentence_at(end - 1)
    if sentence is None:
        return False
    return any(cue.kind == "prepositional" and cue.attribution.end == end for cue in _sentence_cues(doc.text, sentence.start, sentence.end))
