"""The meeting lexicons, loaded once and checked at load time.

`lexicons/de/meetings.yaml`: meeting nouns and verbs, mode and status cues, and the words that
tell parties, speakers, topics and places apart. `lexicons/de/roles.yaml`: role words
("US-Präsident", "Kremlchef") and who held each role when. A bad entry fails with its file;
every pattern the meeting extractor uses is made here. Those made of the lexicon's own regex forms
(roles, not-meeting contexts) are compiled, and so checked, at once; those made of escaped words
are compiled at their first use (`LazyPattern`): an article needs about half of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from checker.extract.alternation import matched_key, word_alternation
from checker.extract.gazetteer import load_gazetteer
from checker.extract.lazy_pattern import LazyPattern
from checker.lexicon import lexicon_error, load_lexicon, require_mapping
from checker.schema import MEETING_MODES, MEETING_STATUSES

LEXICON = "meetings"
ROLES_LEXICON = "roles"
ATTRIBUTION_LEXICON = "attribution"
# What `{adj}` and `{n}` in a role form of roles.yaml stand for ("russisch{adj} Präsident{n}").
ADJECTIVE_ENDING = r"(?:e|en|er|es|em)?"
NOUN_ENDING = r"(?:en|n|s|es)?"
# The first letter of a name: a capital of any script ("Šakalienė", "Ólafsson"), i.e. a letter that
# is no lower-case letter of German or Latin-1 (`re` has no class for upper case).
NAME_CAPITAL = r"[^\W\d_a-zß-ÿ]"
# A middle initial between two words of a name ("Erik O. Schulz", "John F. Kennedy"): optional, and only
# before a further name word, so that a capital letter's full stop never ends a name.
MIDDLE_INITIAL = r"(?:\s+" + NAME_CAPITAL + r"\.)?"
# A short aside in brackets after a name, which continues a list of names: "Friedrich Merz (CDU), …".
BRACKETED_ASIDE = r"\s*\([\w/.-]+(?:\s+[\w/.-]+)?\)"
# Characters with a meaning in a regex: a role form's literal start ends before the first of them.
_LITERAL_START = re.compile(r"[^\\.^$*+?()\[\]{}|]*")
# How far before a name its place preposition and article may start ("in der Ukraine").
PLACE_PREPOSITION_REACH = 16


@dataclass(frozen=True)
class Role:
    """A role of roles.yaml and who held it when; `stands_for`: the bodies that speak for its holder."""

    key: str
    holders: tuple[tuple[str, date, date | None], ...]  # (person, from, to)
    stands_for: frozenset[str]

    def holder_on(self, day: date) -> str | None:
        for name, start, end in self.holders:
            if start <= day and (end is None or day <= end):
                return name
        return None


@dataclass(frozen=True)
class TitledName:
    """A person the gazetteer may lack, named after a title ("Außenminister Wang Wenbin"): where the
    title starts, the span of the name, and the name as written with its blanks made single."""

    title_start: int
    start: int
    end: int
    name: str


@dataclass(frozen=True, eq=False)  # hashed by identity, as the gazetteer: results are memoised per lexicon
class MeetingLexicon:
    r"""The meeting patterns (a `LazyPattern` stands for a compiled one) and word tables.

    `nouns`, `role_pattern` and `titled_name` test every word start with many alternatives, yet
    most sentences contain none of their words. Each has a plain search for the literal words any
    of its matches contains (`noun_words`, `role_starts`, `title_words`); the full pattern runs
    only where that finds something, so the results stay those of the full pattern alone.

    `verbs` begins with `(?<![\w-])`, which `re` tries at every position, and compares letters
    case-insensitively, which spares no branch of its word trie. Whether a sentence has a verb is
    asked of `folded_text` instead, by two case-sensitive patterns that begin with the character
    before the word: `verb_after_blank` with a literal blank, which `re` finds in C, and
    `verb_after_other` with any other character that is no word character or hyphen.
    """

    nouns: LazyPattern
    noun_words: LazyPattern  # the listed nouns and compound heads as written: every `nouns` match contains one
    noun_modes: dict[str, str]  # lower-cased surface -> mode
    head_modes: dict[str, str]  # lower-cased head of a closed compound -> mode
    sessions: frozenset[str]  # lower-cased nouns, compound heads and verbs of a body's session ("Sitzung", "tagte")
    hosted: frozenset[str]  # lower-cased nouns that are a meeting only with a host after them ("Reise zu Macron")
    summits: frozenset[str]  # lower-cased nouns and compound heads of a summit ("Gipfel", "G7-Gipfel", "Klimagipfel")
    summit_endings: dict[str, int]  # lower-cased inflected summit noun or head -> length of its case ending ("gipfels" -> 1)
    summit_bodies: frozenset[str]  # canonical names of the bodies whose heads meet as the body ("G7", "NATO")
    collective: LazyPattern  # a group named as one side ("Bund und Länder", "die Regierungschefs der Länder")
    collective_parties: dict[str, tuple[str, ...]]  # such a form as written -> its canonical parties
    collective_bodies: frozenset[str]  # every party of `collective_parties` ("Bundesregierung", "Länder")
    local_groups: frozenset[str]  # the parties of `collective_parties` entries marked `local` ("Oberbürgermeister")
    participation: LazyPattern  # taking part ("Teilnahme", "nahmen … teil"): the summit of the clause is no meeting claim
    host_link: LazyPattern  # fully matches the text between such a noun and the host's name
    scheduling_relative: LazyPattern  # matches a relative clause that schedules its noun ("das für Mittwoch geplant war")
    council: LazyPattern  # "Gemeinderat von Meran", "Landtages", "Gemeinderats" of "Gemeinderatssitzung"
    council_words: LazyPattern  # the council bodies as written: every `council` match contains one
    town_councils: frozenset[str]  # the councils of one town ("Stadtrat"), which take the town the article named
    outcome_cues: frozenset[str]  # lower-cased agreement cues that may tell an outcome ("geeinigt")
    # "auf einen Abschluss": what an agreement is about; group `noun`, the head noun (tested by `agrees_to_meet`)
    agreement_object: LazyPattern
    meeting_date_heads: tuple[str, ...]  # "Verhandlungstermin": an agreement on it is one to meet
    # "Vertretern der Lehrerverbände": group `body`, the capitalised words of the body represented
    representatives: LazyPattern
    # ", Vertretern der Länder und …": a list of parties going on through a group's representatives (matched
    # after the comma)
    listed_representatives: LazyPattern
    representative_not_bodies: frozenset[str]  # "Vertreter der Stadt": no body of its own
    # "der ZDS", "der Zentralverband der deutschen Seehafenbetriebe (ZDS)": group `body`, an acronym or a
    # capitalised word with its genitive phrase, `acronym` a bracketed acronym after it (`unknown_body_heads`)
    unknown_body: LazyPattern
    unknown_body_heads: tuple[str, ...]  # the ends of a compound naming a body ("Zentralverband")
    state_parliaments: frozenset[str]  # the parliaments of one region ("Landtag"), which take the region the article named
    town_dateline: LazyPattern  # "Aus Gütenbach:", "Gütenbach." opening an article: group `town` is where it reports from
    verbs: LazyPattern
    verb_after_blank: LazyPattern  # " treffen": `verbs` in `folded_text` after a blank
    verb_after_other: LazyPattern  # "\ntreffen", "(treffen": `verbs` in `folded_text` after another non-word character
    # "kamen am Mittwoch in Paris zusammen": a separable meeting verb split around the rest of the clause;
    # groups `verb`, `particle`. `separable_particle` is a cheap test that a sentence may hold one.
    separable_verbs: LazyPattern
    separable_particle: LazyPattern
    separable_modes: dict[str, str]  # lower-cased finite verb -> mode
    # "Nato-Verteidigungsminister", "Außenminister der EU": the members of a body as a group, matched right
    # after the body's name (`member_after`, at the hyphen) or searched right before it (`member_before`).
    member_after: LazyPattern
    member_before: LazyPattern
    member_anaphora: LazyPattern  # "die Minister": the members of the body met before
    postponement: LazyPattern  # "verschoben", "vertagt": a meeting put off, its old date no longer holds
    relocation: LazyPattern  # "verlegt": a meeting moved to another date or place
    new_date_before: LazyPattern  # "auf (den)" right before a date: the date a meeting is moved to
    session_body: LazyPattern  # a council or a genitive after a session noun: where a session can have its party
    verb_info: dict[str, tuple[str, bool, bool]]  # lower-cased surface -> (mode, reflexive, weak)
    weak_not_followed: LazyPattern
    not_meeting: tuple[re.Pattern, ...]
    mode_cues: LazyPattern
    mode_cue_modes: dict[str, str]
    status_cues: LazyPattern
    status_of_cue: dict[str, str]
    # "wies … Berichte zurück", "sagte seine Reise … ab": a two-word status cue split around its
    # object, the particle closing the clause; groups `verb`, `gap`, `particle`.
    separable_status: LazyPattern
    closing_particle: LazyPattern  # a separable particle closing a clause: where `separable_status` can match
    # "Scholz und Macron werden sich nicht treffen", "Biden traf Putin nicht.": a meeting verb negated.
    negated_before: LazyPattern  # a negation up to three words before a meeting verb (searched up to its start)
    negated_after: LazyPattern  # a negation closing the clause after a meeting verb (matched at its end)
    not_negating: LazyPattern  # "nicht nur", "sondern": a negation of something else in the sentence
    verb_negation: LazyPattern  # "nicht", "nie" anywhere: where the words a "sondern" corrects begin
    # "gilt als unwahrscheinlich", "ob …, ist offen": the meeting is in doubt, whatever clause the cue stands in.
    hedges: LazyPattern
    clause_hedges: LazyPattern  # doubt about the meeting of the clause: "möglicherweise", "könnten"
    open_question: LazyPattern  # "wann", "wo" (the doubt is about when or where), unless "ob" stands too
    negations: LazyPattern  # a status negation up to two words before a cue (group `negation`; searched up to its start)
    negation_correction: LazyPattern  # "sondern": what a negation before it negated was a word, not the meeting
    not_yet: LazyPattern  # "noch nicht", "noch keine": a denial that is only "not yet"
    nonexistence: re.Pattern  # "habe es nicht gegeben": a meeting said not to exist, denied
    complement_clause: LazyPattern  # "dass" opening a clause (matched at its start): a meeting the clause before governs
    reported_clause: LazyPattern  # ", wonach", "sei": what opens or marks a clause of what someone reports
    attributive: frozenset[str]
    negated_cancel: frozenset[str]  # lower-cased status cues that, negated, mean cancelled ("fand nicht statt")
    future: LazyPattern
    past: LazyPattern
    definite: frozenset[str]
    unknown_pair_not_after: frozenset[str]  # "über Zölle und Handel": a pair after these names no people
    plural_verbs: frozenset[str]  # "sind": after a name, a verb that follows no one person
    plural_verb_endings: tuple[str, ...]  # "haben", "trafen": so do verbs ending so
    common_noun_endings: tuple[str, ...]  # "Regierung", "Gewerkschaften": a word ending so is no surname
    unconfirmed_when_negated: frozenset[str]  # "bestätigte das Treffen nicht": proposed, not agreed or denied
    group_anaphora: LazyPattern
    counterparts: LazyPattern
    speaker_before: LazyPattern
    spokesperson_before: LazyPattern
    met_spokesperson_before: LazyPattern  # "mit dem Sprecher der Wirte": a spokesperson who is a party
    speech_verbs: LazyPattern
    speech_anywhere: LazyPattern
    proposer_before: LazyPattern
    topic_before: LazyPattern
    place_before: LazyPattern
    third_country: LazyPattern
    third_country_name: str
    seat_of_government: LazyPattern  # "im Kanzleramt", "im Weißen Haus"
    seat_cities: dict[str, str]  # a `seat_of_government` form, lower-cased -> the gazetteer's name of its city
    denial_act_auxiliaries: frozenset[str]  # past markers that tell when a denial was made, not when its meeting was
    shared_seat_cities: dict[str, str]  # such a form another state's seat is named by too -> that state's city
    genitive_body: LazyPattern  # "die Sitzung des Sicherheitsrats": up to where the body's name starts
    noun_genitive_before: LazyPattern  # "Chef der ", searched up to a name: the name after it is a body's
    between: LazyPattern
    anaphoric_status: LazyPattern
    anaphoric_status_of: dict[str, str]
    # "den Termin bereits zugesagt" (agreed), "Ein Termin steht noch nicht fest" (proposed): a status -> what says it
    schedule_statuses: tuple[tuple[str, re.Pattern], ...]
    indefinite: frozenset[str]
    reflexive: LazyPattern
    object_determiner: LazyPattern
    enumeration_filler: LazyPattern
    list_gap: LazyPattern  # between two names of a list: "Merz (CDU), Vizekanzler Klingbeil", " und die SPD-Vorsitzende Bas"
    noun_parties: LazyPattern  # "Treffen von": the preposition after a meeting noun that names its parties
    coordination: LazyPattern  # "X und (der) Y"
    conjunct: LazyPattern  # "und" and the noun phrase after it
    speaker_pronoun: LazyPattern
    plural_pronoun: LazyPattern
    topic_words: LazyPattern
    setting_before: LazyPattern
    continuation: LazyPattern
    reflexive_not_with: LazyPattern
    assertion_verbs: LazyPattern
    speech_act_verbs: LazyPattern  # "kündigte … an", "vereinbarten": a date before the meeting noun is the act's
    schedule_before: LazyPattern  # "für" right before a date: the date a meeting is set for
    speech_act_auxiliaries: frozenset[str]  # "vereinbart hatten": what may follow the act's verb at the clause end
    speech_act_attributes: frozenset[str]  # "das am Freitag angekündigte Treffen": the date is the announcing's
    proposal_wish: LazyPattern  # "solle … stattfinden": what a proposal named before asks for, no plan
    titled_name: LazyPattern  # "Papst Franziskus", "Außenminister Wang Wenbin": a person the gazetteer lacks
    title_words: LazyPattern  # the person titles as written: every `titled_name` match contains one
    name_rest: LazyPattern  # the words of a full name after its first
    name_first: LazyPattern  # the first word of a full name, right before the next
    name_end: LazyPattern  # where a name ends
    count_words: frozenset[str]  # "Hunderte", "Millionen" (numbers.yaml's vague counts): "Hunderte Soldaten" is no name
    after_setting: LazyPattern
    before_setting: LazyPattern  # "kurz vor dem" right before a meeting noun: still to come
    other_event_place: LazyPattern  # "vor der Konferenz" right before a place preposition: that event's place
    edge_setting: LazyPattern  # "vor Ende des" right before a meeting noun
    venue_setting: LazyPattern  # "beim", "auf dem" right before a summit: where another meeting takes place
    purpose_clause: LazyPattern  # "Um beim Gipfel Erfolg zu haben"
    companion: LazyPattern  # "mit (dem russischen Präsidenten)" right after a meeting noun
    companion_between: LazyPattern  # "mit" anywhere: "Die IG Metall trifft sich am Montag mit Berger"
    visit: LazyPattern  # a stem of a visit word ("Besuch", "besuchte"), searched within a meeting word
    visit_gap_block: LazyPattern  # an article, determiner or place preposition between a visit verb and its object
    state_head: LazyPattern  # right after a state's adjective: an office that speaks for the state ("kenianischen Präsidenten")
    roles: tuple[Role, ...]
    role_pattern: re.Pattern
    role_starts: LazyPattern  # the literal start of each role form: where a `role_pattern` match can begin
    former_before: LazyPattern
    stands_for: dict[str, tuple[Role, ...]]

    def names_meeting(self, text: str, folded: str, start: int, end: int) -> bool:
        """Whether `text[start:end]` has a meeting noun or verb; `folded` is `folded_text(text)`.

        A verb at `text[p]` is a match at `folded[p]`, the character before it (or the blank in
        front of the text); `folded[start:end + 1]` holds those of every verb in `text[start:end]`.
        Sessions ("Sitzung", "tagte") are frequent words in local news and rarely name their body:
        a sentence with no other meeting word counts only where a council or a genitive may name it.
        """
        nouns = self.nouns.finditer(text, start, end) if self.noun_words.search(text, start, end) else ()
        verbs = chain(self.verb_after_blank.finditer(folded, start, end + 1), self.verb_after_other.finditer(folded, start, end + 1))
        seen = False
        for match in nouns:
            if not self.is_session_noun(match):
                return True
            seen = True
        for match in verbs:
            if " ".join(match.group(0)[1:].split()) not in self.sessions:
                return True
            seen = True
        if self.separable_particle.search(text, start, end) and self.separable_verbs.search(text, start, end):
            return True
        return seen and bool(self.session_body.search(text, start, end))

    def agrees_on_outcome(self, text: str, cue_start: int, cue_end: int, start: int, end: int) -> bool:
        """Whether the agreement cue at `text[cue_start:cue_end]` agrees on something other than a meeting:
        an "auf" object in `text[start:end]` (the cue's clause) right before the cue or right after it
        ("sich auf einen Abschluss geeinigt", "einigten sich auf einen Kompromiss"), whose noun is no
        meeting noun and names no date of one ("auf ein Treffen", "auf einen neuen Verhandlungstermin")."""
        objects = [m for m in self.agreement_object.finditer(text, max(start, cue_start - 80), min(end, cue_end + 80))
                   if m.end() <= cue_start or m.start() >= cue_end]
        if not objects:
            return False
        noun = min(objects, key=lambda m: min(abs(m.start() - cue_end), abs(cue_start - m.end()))).group("noun")
        meeting = self.nouns.fullmatch(noun) is not None
        return not meeting and not noun.lower().endswith(self.meeting_date_heads)

    def is_session_noun(self, match: re.Match) -> bool:
        """Whether a `nouns` match names a body's session ("Sitzung", "Gemeinderatssitzung")."""
        return (match.group("head") or match.group("noun")).lower() in self.sessions

    def is_summit_noun(self, match: re.Match) -> bool:
        """Whether a `nouns` match names a summit ("Gipfel", "Klimagipfel")."""
        return (match.group("head") or match.group("noun")).lower() in self.summits

    def summit_name(self, surface: str) -> str:
        """A summit noun as named, without its case ending: "des KI-Gipfels" -> "KI-Gipfel"."""
        lowered = surface.lower()
        form = max((f for f in self.summit_endings if lowered.endswith(f)), key=len, default="")
        return surface[:len(surface) - self.summit_endings[form]] if form else surface

    def role_matches(self, text: str, start: int, end: int) -> Iterator[re.Match]:
        """The `role_pattern` matches in `text[start:end]`."""
        if self.role_starts.search(text, start, end):
            yield from self.role_pattern.finditer(text, start, end)

    def place_preposition(self, text: str, floor: int, position: int) -> re.Match | None:
        """The place preposition ("in", "in der") right before `position`, not before `floor`: a name
        after it says where, not who."""
        return self.place_before.search(text, max(floor, position - PLACE_PREPOSITION_REACH), position)

    def titled_names(self, text: str, start: int, end: int) -> Iterator[TitledName]:
        """The people `titled_name` finds in `text[start:end]`: parties of a meeting and speakers alike."""
        if self.title_words.search(text, start, end):
            for match in self.titled_name.finditer(text, start, end):
                name_start, name_end = match.span("name")
                yield TitledName(match.start(), name_start, name_end, " ".join(match.group("name").split()))


def folded_text(text: str) -> str:
    """A blank, then `text` with every character as `matched_key` reads it, so that `text[i]` is at
    index i + 1. A lower-case pattern finds here, case-sensitively, what it finds in `text` under
    re.IGNORECASE: `matched_key` keeps every character one character long and equates letters as
    re.IGNORECASE does, and no character changes between word, blank and hyphen (test_meetings).
    """
    return " " + matched_key(text)


def _strings(name: str, content: dict, key: str) -> list[str]:
    value = content.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item.strip() for item in value):
        raise lexicon_error(name, f"{key!r} must be a non-empty list of words")
    return value


def _possessives() -> list[str]:
    """The possessive determiners ("seinem", "ihrer"): attribution.yaml's `unknown_sources.possessives`,
    so that one list serves both lexicons."""
    content = require_mapping(ATTRIBUTION_LEXICON, load_lexicon(ATTRIBUTION_LEXICON), "unknown_sources")
    return _strings(ATTRIBUTION_LEXICON, require_mapping(ATTRIBUTION_LEXICON, content["unknown_sources"], "possessives"), "possessives")


def _seat_cities(seats: dict) -> dict[str, str]:
    """`seats_of_government` as each form, lower-cased, to the gazetteer's name of its city ("Moskau" -> "Moscow")."""
    gazetteer = load_gazetteer()
    cities: dict[str, str] = {}
    for city, forms in seats.items():
        entity = gazetteer.lookup(str(city))
        if entity is None or entity.type != "city":
            raise lexicon_error(LEXICON, f"seats_of_government: {city!r} is no city of the gazetteer")
        for form in _strings(LEXICON, seats, city):
            cities[form.lower()] = entity.name
    return cities


def _words_regex(words, flags: int = re.IGNORECASE) -> LazyPattern:
    return LazyPattern(r"(?<![\w-])" + word_alternation(words, ignore_case=bool(flags & re.IGNORECASE)) + r"(?![\w-])", flags)


def _compile(name: str, pattern: str, where: str, flags: int = 0) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise lexicon_error(name, f"{where}: invalid pattern {pattern!r}: {error}") from error


def _inflected_forms(key: str, entries) -> dict[str, str]:
    """Lower-cased inflected surface -> mode, for `nouns` or `compound_heads`."""
    if not isinstance(entries, list) or not entries:
        raise lexicon_error(LEXICON, f"{key!r} must be a non-empty list")
    modes: dict[str, str] = {}
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("form"), str) or entry.get("mode") not in MEETING_MODES:
            raise lexicon_error(LEXICON, f"{key} #{position} needs 'form' and a 'mode' out of {MEETING_MODES}")
        inflections = entry.get("inflections", [""])
        if not isinstance(inflections, list) or not all(isinstance(ending, str) for ending in inflections):
            raise lexicon_error(LEXICON, f"{key} {entry['form']!r}: 'inflections' must be a list of endings")
        for ending in inflections:
            modes[(entry["form"] + ending).lower()] = entry["mode"]
    return modes


def _session_forms(content: dict) -> frozenset[str]:
    forms: set[str] = set()
    for key in ("nouns", "compound_heads"):
        for entry in content[key]:
            if entry.get("session", False) not in (True, False):
                raise lexicon_error(LEXICON, f"{key} {entry['form']!r}: 'session' must be true or false")
            if entry.get("session"):
                forms.update((entry["form"] + ending).lower() for ending in entry.get("inflections", [""]))
    for entry in content["verbs"]:
        if entry.get("session"):
            forms.update(form.lower() for form in entry["forms"])
    return frozenset(forms)


def _flagged_forms(content: dict, flag: str, keys: tuple[str, ...]) -> frozenset[str]:
    """The lower-cased inflected forms of the `keys` entries marked `flag: true` ("hosted", "summit")."""
    return frozenset(_flagged_endings(content, flag, keys))


def _flagged_endings(content: dict, flag: str, keys: tuple[str, ...]) -> dict[str, int]:
    """`_flagged_forms`, each to the length of its case ending ("gipfels" -> 1)."""
    endings: dict[str, int] = {}
    for key in keys:
        for entry in content[key]:
            if entry.get(flag, False) not in (True, False):
                raise lexicon_error(LEXICON, f"{key} {entry['form']!r}: {flag!r} must be true or false")
            if entry.get(flag):
                endings.update(((entry["form"] + ending).lower(), len(ending)) for ending in entry.get("inflections", [""]))
    return endings


def _participation(content: dict) -> LazyPattern:
    """"Teilnahme", "teilgenommen" anywhere, or a split "nahmen … teil" with the particle closing the clause.
    The split may span a list of titled guests ("nehmen auch der indische Premierminister Narendra Modi und
    der ukrainische Präsident Wolodymyr Selenskyj teil"): up to sixteen words, more than `_split_verb` allows,
    and the commas of a list of nouns ("nahmen 30 Vertreter von Reedereien, Häfen und Industrie teil")."""
    cues = require_mapping(LEXICON, content["participation_cues"], "words", "split_verbs", "split_particle")
    particle = cues["split_particle"]
    if not isinstance(particle, str) or not particle.strip():
        raise lexicon_error(LEXICON, "'participation_cues': 'split_particle' must be a word")
    # The verb in any case ("Nahmen"), the particle in lower case only: "nahm einen großen Teil" is no taking part.
    return LazyPattern(
        r"(?<![\w-])(?i:" + word_alternation(_strings(LEXICON, cues, "words"), ignore_case=True) + r")(?![\w-])"
        r"|(?<![\w-])(?i:" + word_alternation(_strings(LEXICON, cues, "split_verbs"), ignore_case=True) + r")"
        r"(?:\s+(?:" + _LISTED_NOUN + "|" + _CLAUSE_WORD + r")){1,16}?\s+" + word_alternation([particle]) + _CLAUSE_CLOSE
    )


def _surfaces(entries) -> list[str]:
    return [entry["form"] + ending for entry in entries for ending in entry.get("inflections", [""])]


def _noun_table(content: dict) -> tuple[LazyPattern, LazyPattern, dict[str, str], dict[str, str], str]:
    modes = _inflected_forms("nouns", content.get("nouns"))
    head_modes = _inflected_forms("compound_heads", content.get("compound_heads"))
    nouns = _surfaces(content["nouns"])
    heads = _surfaces(content["compound_heads"])
    alternation = word_alternation(nouns)
    # An optional hyphenated first part ("Ukraine-Gipfel", "Putin-Gespräch", "G7-Gipfel"); a listed
    # noun, or a closed compound on a listed head ("Klimagipfel").
    pattern = LazyPattern(
        r"(?<![\w-])(?P<prefix>(?:[\w]+-)*)(?P<noun>" + alternation + r"|[A-ZÄÖÜ][a-zäöüß]{2,}(?P<head>"
        + word_alternation(heads) + r"))(?![\w-])"
    )
    return pattern, LazyPattern(word_alternation(nouns + heads)), modes, head_modes, alternation


def _verb_table(content: dict) -> tuple[LazyPattern, LazyPattern, LazyPattern, dict[str, tuple[str, bool, bool]]]:
    entries = content.get("verbs")
    if not isinstance(entries, list) or not entries:
        raise lexicon_error(LEXICON, "'verbs' must be a non-empty list")
    info: dict[str, tuple[str, bool, bool]] = {}
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or entry.get("mode") not in MEETING_MODES:
            raise lexicon_error(LEXICON, f"verb group #{position} needs a 'mode' out of {MEETING_MODES}")
        for form in _strings(LEXICON, entry, "forms"):
            info[form.lower()] = (entry["mode"], bool(entry.get("reflexive")), bool(entry.get("weak")))
    forms = word_alternation(info, r"\s+")  # the keys of `info` are lower-case
    pattern = LazyPattern(r"(?<![\w-])" + forms + r"(?![\w-])", re.IGNORECASE)
    after_blank = LazyPattern(" " + forms + r"(?![\w-])")
    # `re` skips in C to a character outside the class, a few per cent of a lower-cased news text;
    # the lookbehind then tells whether that character is a word character after all ("é", "_").
    after_other = LazyPattern(r"[^ \-0-9a-zäöüß](?<=[^\w-])" + forms + r"(?![\w-])")
    return pattern, after_blank, after_other, info


def _separable_verbs(content: dict) -> tuple[LazyPattern, LazyPattern, dict[str, str]]:
    """"kamen … zusammen": the finite verb, up to eight words, and the particle closing the clause."""
    entries = content["separable_verbs"]
    if not isinstance(entries, list) or not entries:
        raise lexicon_error(LEXICON, "'separable_verbs' must be a non-empty list")
    modes: dict[str, str] = {}
    particles: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or entry.get("mode") not in MEETING_MODES or not isinstance(entry.get("particle"), str):
            raise lexicon_error(LEXICON, f"separable_verbs #{position} needs a 'mode' out of {MEETING_MODES} and a 'particle'")
        particles.add(entry["particle"])
        for form in _strings(LEXICON, entry, "forms"):
            modes[form.lower()] = entry["mode"]
    pattern = _split_verb(word_alternation(modes, ignore_case=True), word_alternation(sorted(particles)))
    return pattern, LazyPattern(r" " + word_alternation(sorted(particles)) + _CLAUSE_CLOSE), modes


def _collective_parties(content: dict) -> dict[str, tuple[str, ...]]:
    """`collective_parties`: every form -> the canonical parties of its entry."""
    entries = content["collective_parties"]
    if not isinstance(entries, list) or not entries:
        raise lexicon_error(LEXICON, "'collective_parties' must be a non-empty list")
    table: dict[str, tuple[str, ...]] = {}
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise lexicon_error(LEXICON, f"collective_parties #{position} needs 'parties' and 'forms'")
        parties = tuple(_strings(LEXICON, entry, "parties"))
        for form in _strings(LEXICON, entry, "forms"):
            table[form] = parties
    return table


def _local_groups(content: dict) -> frozenset[str]:
    """The parties of the `collective_parties` entries with `local: true` (checked by `_collective_parties`)."""
    return frozenset(party for entry in content["collective_parties"] if entry.get("local") is True
                     for party in _strings(LEXICON, entry, "parties"))


def _cue_table(content: dict, key: str, allowed: tuple[str, ...]) -> tuple[LazyPattern, dict[str, str]]:
    table = content.get(key)
    if not isinstance(table, dict) or not table:
        raise lexicon_error(LEXICON, f"{key!r} must map {allowed} to word lists")
    meaning: dict[str, str] = {}
    for value, words in table.items():
        if value not in allowed:
            raise lexicon_error(LEXICON, f"{key!r}: {value!r} is not one of {allowed}")
        for word in _strings(LEXICON, table, value):
            meaning.setdefault(word.lower(), value)
    pattern = LazyPattern(r"(?<![\w-])" + word_alternation(meaning, r"\s+") + r"(?![\w-])", re.IGNORECASE)
    return pattern, meaning


def _schedule_statuses(content: dict) -> tuple[tuple[str, re.Pattern], ...]:
    """`schedule_statuses`: each status with one pattern of its regular expressions, as whole words."""
    table = require_mapping(LEXICON, content["schedule_statuses"])
    found = []
    for status in table:
        if status not in ("proposed", "agreed"):
            raise lexicon_error(LEXICON, f"'schedule_statuses': {status!r} is not proposed or agreed")
        forms = _strings(LEXICON, table, status)
        found.append((status, _compile(LEXICON, r"(?<![\w-])(?:" + "|".join(forms) + r")(?![\w-])",
                                       f"schedule_statuses {status!r}", re.IGNORECASE)))
    return tuple(found)


def _negated_cancel_cues(content: dict, status_of_cue: dict[str, str]) -> frozenset[str]:
    """The lower-cased `negated_cancel_cues`; each must be a status cue, or it could never apply."""
    cues = frozenset(word.lower() for word in _strings(LEXICON, content, "negated_cancel_cues"))
    unknown = sorted(cues - status_of_cue.keys())
    if unknown:
        raise lexicon_error(LEXICON, f"'negated_cancel_cues': {unknown} are not status cues")
    return cues


def _separable_status(status_of_cue: dict[str, str], particles: list[str]) -> LazyPattern:
    """The two-word status cues whose second word is a separable particle ("wies zurück", "sagte ab"),
    with up to twelve words between verb and particle; the particle must close the clause, as it does in
    a German main clause ("sagte seine Reise nach Paris ab."), so that "sagte zu Beginn" is none."""
    verbs = sorted({cue.split()[0] for cue in status_of_cue if len(cue.split()) == 2 and cue.split()[1] in particles})
    return _split_verb(word_alternation(verbs, ignore_case=True), word_alternation(particles, ignore_case=True), re.IGNORECASE)


# A word between a split verb and its particle: no punctuation, but the day of a date ("kamen am 18. November … zusammen").
_CLAUSE_WORD = r"(?:\d{1,2}\.|[^\s,;:.!?()\"„“”«»]+)"
# A capitalised word before the comma of a list that goes on with another, or with its article ("Reedereien,
# Häfen und Industrie", "der Wirtschaft, der Gewerkschaften"); a comma before another lower-case word may open
# a clause of its own ("nahm die Einladung an, Brown nahm nicht teil" is no taking part of the first verb).
_LISTED_NOUN = r"[A-ZÄÖÜ][^\s,;:.!?()\"„“”«»]*,(?=\s+(?:(?:der|die|das|des|dem|den)\s+)?[A-ZÄÖÜ])"
# Where a separable particle closes a clause: punctuation, a conjunction that starts a new clause, or the end.
_CLAUSE_CLOSE = r"(?=\s*[,.;:!?\"“”»)]|\s+(?:und|oder|sondern)\s|\s*$)"


def _split_verb(verbs: str, particles: str, flags: int = 0) -> LazyPattern:
    """A finite verb of `verbs`, up to twelve words (group `gap`: "sagte das für den 20. Juni geplante
    Treffen mit Macron ab"), and a particle of `particles` closing the clause."""
    return LazyPattern(
        r"(?<![\w-])(?P<verb>" + verbs + r")(?P<gap>(?:\s+" + _CLAUSE_WORD + r"){1,12}?)\s+(?P<particle>" + particles + r")" + _CLAUSE_CLOSE,
        flags,
    )


def _role_form(form: str) -> str:
    return form.replace("{adj}", ADJECTIVE_ENDING).replace("{n}", NOUN_ENDING)


def _literal_start(form: str) -> str:
    """The text every match of the role form `form` starts with (case aside): its characters up to
    the first one with a regex meaning, less the last when a quantifier makes that optional."""
    if "|" in form:
        return ""  # alternatives have no common start
    regex = _role_form(form)
    start = _LITERAL_START.match(regex).group(0)
    if regex[len(start):len(start) + 1] in ("?", "*", "{"):
        start = start[:-1]
    return start


def _roles(known_people: frozenset[str], known_entities: frozenset[str]) -> tuple[
        tuple[Role, ...], re.Pattern, LazyPattern, LazyPattern, dict[str, tuple[Role, ...]]]:
    content = require_mapping(ROLES_LEXICON, load_lexicon(ROLES_LEXICON), "roles", "former_markers")
    table = content["roles"]
    if not isinstance(table, dict) or not table:
        raise lexicon_error(ROLES_LEXICON, "'roles' must map role keys to their forms and holders")
    roles: list[Role] = []
    alternatives: list[str] = []
    starts: set[str] = set()
    stands_for: dict[str, list[Role]] = {}
    forms_by_role: list[tuple[str, list[str]]] = []
    for index, (key, entry) in enumerate(sorted(table.items())):
        if not isinstance(entry, dict):
            raise lexicon_error(ROLES_LEXICON, f"role {key!r} must be a mapping")
        forms = _strings(ROLES_LEXICON, entry, "forms")
        holders = entry.get("holders")
        if not isinstance(holders, list) or not holders:
            raise lexicon_error(ROLES_LEXICON, f"role {key!r} needs a list of 'holders'")
        parsed = []
        for holder in holders:
            if not isinstance(holder, dict) or not isinstance(holder.get("from"), date):
                raise lexicon_error(ROLES_LEXICON, f"role {key!r}: every holder needs 'name' and a 'from' date (YYYY-MM-DD)")
            if holder.get("name") not in known_people:
                raise lexicon_error(ROLES_LEXICON, f"role {key!r}: holder {holder.get('name')!r} is not a person in people.yaml")
            until = holder.get("to")
            if until is not None and not isinstance(until, date):
                raise lexicon_error(ROLES_LEXICON, f"role {key!r}: 'to' of {holder['name']!r} must be a date")
            parsed.append((holder["name"], holder["from"], until))
        parsed.sort(key=lambda h: h[1])
        for (name, _, until), (next_name, next_from, _) in zip(parsed, parsed[1:]):
            if until is None or until >= next_from:
                raise lexicon_error(ROLES_LEXICON, f"role {key!r}: {name!r} and {next_name!r} hold it at the same time")
        bodies = entry.get("stands_for", []) or []
        if not isinstance(bodies, list):
            raise lexicon_error(ROLES_LEXICON, f"role {key!r}: 'stands_for' must be a list of entity names")
        unknown = sorted(set(bodies) - known_entities)
        if unknown:
            raise lexicon_error(ROLES_LEXICON, f"role {key!r}: 'stands_for' names {unknown}, not in the gazetteer")
        role = Role(key, tuple(parsed), frozenset(bodies))
        roles.append(role)
        for body in bodies:
            stands_for.setdefault(body, []).append(role)
        forms_by_role.append((key, forms))
        starts.update(_literal_start(form) for form in forms)
        alternatives.append(f"(?P<r{index}>" + "|".join(_role_form(form) for form in sorted(forms, key=len, reverse=True)) + ")")
    source = r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])"
    try:
        pattern = re.compile(source, re.IGNORECASE)
    except re.error:
        # Name the role and form at fault. Compiling the ~150 forms one by one costs more than the
        # pattern they make up, so it is done only when that pattern does not compile.
        for key, forms in forms_by_role:
            for form in forms:
                _compile(ROLES_LEXICON, _role_form(form), f"role {key!r}", re.IGNORECASE)
        pattern = _compile(ROLES_LEXICON, source, "roles", re.IGNORECASE)
    # A form without a literal start may begin at any word.
    role_starts = LazyPattern(r"(?<![\w-])" + ("" if "" in starts else word_alternation(starts, ignore_case=True)), re.IGNORECASE)
    former = LazyPattern(
        r"(?:(?<![\w-])" + word_alternation(_strings(ROLES_LEXICON, content, "former_markers"), ignore_case=True) + r"\s*)$", re.IGNORECASE
    )
    return tuple(roles), pattern, role_starts, former, {body: tuple(found) for body, found in sorted(stands_for.items())}


def _preposition_before(prepositions: list[str], articles: str, determiners: str) -> LazyPattern:
    """One of `prepositions` right before a meeting noun, with an article and up to three lower-case
    adjectives in between ("nach dem gut zweistündigen"); searched up to the noun's start."""
    return LazyPattern(
        r"(?<![\w-])(?i:" + word_alternation(prepositions, r"\s+", ignore_case=True) + r")\s+(?:(?i:" + articles + "|" + determiners
        + r")\s+)?(?:[a-zäöüß][\w-]*\s+){0,3}$"
    )


@lru_cache(maxsize=1)
def meeting_lexicon() -> MeetingLexicon:
    content = require_mapping(
        LEXICON, load_lexicon(LEXICON), "nouns", "compound_heads", "verbs", "mode_cues", "status_cues", "future_markers",
        "past_markers", "definite_determiners", "group_anaphora", "group_pronouns", "counterpart_nouns", "speaker_nouns",
        "speech_verbs", "proposer_cues", "topic_prepositions", "place_prepositions", "third_country", "not_meeting_contexts",
        "weak_verb_not_followed_by", "status_negations", "not_yet_negations", "negation_corrections", "separable_particles", "verb_negations", "negation_exceptions", "hedge_cues", "clause_hedge_cues", "open_questions", "attributive_cues", "negated_cancel_cues", "anaphoric_status", "function_words",
        "setting_prepositions", "venue_prepositions", "after_prepositions", "before_prepositions", "edge_prepositions", "purpose_conjunctions", "continuation_cues", "person_titles", "compound_person_titles", "closed_title_heads", "state_head_nouns", "name_particles", "council_bodies", "council_place_links", "reflexive_verb_not_with", "assertion_verbs", "speech_act_verbs", "speech_act_auxiliaries", "speech_act_attributes", "proposal_wish_modals", "schedule_prepositions", "visit_stems",
        "host_prepositions", "relative_pronouns", "relative_prepositions", "schedule_words",
        "separable_verbs", "body_member_heads", "body_member_anaphora", "postponement_cues", "relocation_cues",
        "new_date_prepositions", "participation_cues", "summit_bodies",
        "collective_parties", "unknown_pair_not_after", "unconfirmed_when_negated", "town_councils",
        "town_dateline_openers", "town_dateline_closers", "outcome_agreement_cues", "outcome_agreement_objects",
        "meeting_date_heads", "representative_words", "representative_not_bodies", "unknown_body_heads", "state_parliaments",
        "nonexistence_cues", "schedule_statuses", "other_event_heads", "denied_report_openers", "complement_openers", "reported_subjunctives",
        "plural_verbs", "plural_verb_endings", "common_noun_endings", "seats_of_government", "denial_act_auxiliaries", "shared_seats_of_government",
    )
    words = require_mapping(
        LEXICON, content["function_words"], "articles", "indefinite_articles", "reflexive_pronouns",
        "list_joiners", "conjunction", "between", "noun_parties", "genitive_articles", "companion", "speaker_pronouns", "plural_pronouns",
    )
    articles = word_alternation(_strings(LEXICON, words, "articles"))
    joiners = word_alternation(_strings(LEXICON, words, "list_joiners"))
    indefinite = _strings(LEXICON, words, "indefinite_articles")
    possessives = _possessives()
    anaphoric = require_mapping(LEXICON, content["anaphoric_status"], "verbs", "objects", "calling_verbs", "predicates")
    anaphoric_verbs, anaphoric_status_of = _cue_table(anaphoric, "verbs", MEETING_STATUSES)
    anaphoric_predicates, predicate_status_of = _cue_table(anaphoric, "predicates", MEETING_STATUSES)
    anaphoric_objects = word_alternation(_strings(LEXICON, anaphoric, "objects"))
    nouns, noun_words, noun_modes, head_modes, noun_alternation = _noun_table(content)
    verbs, verb_after_blank, verb_after_other, verb_info = _verb_table(content)
    sessions = _session_forms(content)  # after the tables: they check every entry
    session_nouns = [word for word in _surfaces(content["nouns"]) + _surfaces(content["compound_heads"]) if word.lower() in sessions]
    mode_cues, mode_cue_modes = _cue_table(content, "mode_cues", MEETING_MODES)
    status_cues, status_of_cue = _cue_table(content, "status_cues", MEETING_STATUSES)
    not_meeting = tuple(
        _compile(LEXICON, context.replace("{noun}", r"(?:[\w]+-)*" + noun_alternation),
                 "not_meeting_contexts", re.IGNORECASE)
        for context in _strings(LEXICON, content, "not_meeting_contexts")
    )
    third = require_mapping(LEXICON, content["third_country"], "place", "forms")
    seat_cities = _seat_cities(require_mapping(LEXICON, content["seats_of_government"]))
    people = frozenset(
        entry["name"] for entry in load_lexicon("people")["entities"] if isinstance(entry, dict) and "name" in entry
    )
    roles, role_pattern, role_starts, former_before, stands_for = _roles(people, frozenset(load_gazetteer().entities))
    speaker_nouns = _strings(LEXICON, content, "speaker_nouns")
    speech = _strings(LEXICON, content, "speech_verbs")
    # From a speaker noun or verb up to the name after it: an article and capitalised words between
    # ("Sprecher der Wirte, "), read by `spokesperson_before`, `met_spokesperson_before`, `speaker_before`.
    up_to_name = r"(?:\s+(?:" + articles + "|" + word_alternation(indefinite) + r"|[A-ZÄÖÜ][\w.-]*)){0,3}?\s*,?\s*$"
    titles = _strings(LEXICON, content, "person_titles")
    determiners = word_alternation(indefinite + possessives)
    compound_titles = _strings(LEXICON, content, "compound_person_titles")
    closed_heads = _strings(LEXICON, content, "closed_title_heads")
    particles = word_alternation(_strings(LEXICON, content, "name_particles"))
    # A name ends where the sentence goes on in lower case or with punctuation.
    name_end = r"(?=\s+[a-zäöüß]|\s*[,.;:!?)\]\"«»“”]|\s*$|" + BRACKETED_ASIDE + ")"  # "Lars Klingbeil (SPD)" too
    # A person's title: "Außenminister", "Mossad-Chef" (a compound title after a hyphen only), "Gewerkschaftschef".
    person_title = (r"(?:(?:[\w]+-)?" + word_alternation(titles) + r"|[\w]+-" + word_alternation(compound_titles)
                    + r"|[A-ZÄÖÜ][a-zäöüß]{2,}" + word_alternation(closed_heads) + r")")
    separable, separable_particle, separable_modes = _separable_verbs(content)
    collective_parties = _collective_parties(content)
    member_heads = word_alternation(_strings(LEXICON, content, "body_member_heads"))
    # "Energieminister", "Außen- und Verteidigungsminister"; a pair form is one group: "Energieministerinnen
    # und -minister", "Energieministerinnen und Energieminister".
    member_word = (r"(?:[A-ZÄÖÜ][a-zäöüß]*innen\s+und\s+-?)?(?:[A-ZÄÖÜ][a-zäöüß]*-?(?:\s+und\s+[A-ZÄÖÜ][a-zäöüß]*)?)?"
                   + member_heads)
    return MeetingLexicon(
        nouns=nouns,
        noun_words=noun_words,
        noun_modes=noun_modes,
        head_modes=head_modes,
        sessions=sessions,
        hosted=_flagged_forms(content, "hosted", ("nouns",)),
        summits=_flagged_forms(content, "summit", ("nouns", "compound_heads")),
        summit_endings=_flagged_endings(content, "summit", ("nouns", "compound_heads")),
        summit_bodies=frozenset(_strings(LEXICON, content, "summit_bodies")),
        collective=LazyPattern(r"(?<![\w-])" + word_alternation(collective_parties, r"\s+") + r"(?!\w)"),
        collective_parties=collective_parties,
        collective_bodies=frozenset(party for parties in collective_parties.values() for party in parties),
        local_groups=_local_groups(content),
        participation=_participation(content),
        host_link=LazyPattern(
            r"\s+(?:" + word_alternation(_strings(LEXICON, content, "place_prepositions")) + r"\s+[\w-]+\s+)?"
            + word_alternation(_strings(LEXICON, content, "host_prepositions")) + r"\s+(?:[\w-]+\s+){0,4}"
        ),
        scheduling_relative=LazyPattern(
            r"\s*(?:" + word_alternation(_strings(LEXICON, content, "relative_prepositions"), ignore_case=True) + r"\s+)?"
            + word_alternation(_strings(LEXICON, content, "relative_pronouns"), ignore_case=True)
            + r"\s(?:.*\s)?" + word_alternation(_strings(LEXICON, content, "schedule_words")) + r"(?![\w-])", re.DOTALL
        ),
        council_words=LazyPattern(word_alternation(_strings(LEXICON, content, "council_bodies"))),
        town_councils=frozenset(_strings(LEXICON, content, "town_councils")),
        state_parliaments=frozenset(_strings(LEXICON, content, "state_parliaments")),
        outcome_cues=frozenset(" ".join(cue.lower().split()) for cue in _strings(LEXICON, content, "outcome_agreement_cues")),
        agreement_object=LazyPattern(
            r"(?<![\w-])" + word_alternation(_strings(LEXICON, content, "outcome_agreement_objects"), r"\s+")
            + r"\s+(?:[a-zäöüß][\w-]*\s+){0,2}(?P<noun>[A-ZÄÖÜ][\w-]*)"
        ),
        meeting_date_heads=tuple(_strings(LEXICON, content, "meeting_date_heads")),
        representatives=LazyPattern(
            r"(?<![\w-])" + word_alternation(_strings(LEXICON, content, "representative_words"), r"\s+")
            + r"\s+(?P<article>des|der)\s+(?:[a-zäöü][\w-]*\s+){0,2}"
            r"(?P<body>[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)(?![\w-])"
        ),
        listed_representatives=LazyPattern(
            r"\s*" + word_alternation(_strings(LEXICON, content, "representative_words"), r"\s+")
            + r"\s+(?:des|der|von)\s+(?:[a-zäöü][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*(?=\s*,|\s+"
            + word_alternation(_strings(LEXICON, words, "list_joiners")) + r"\s)"
        ),
        representative_not_bodies=frozenset(_strings(LEXICON, content, "representative_not_bodies")),
        unknown_body=LazyPattern(
            r"(?<![\w-])(?P<article>(?i:" + articles + r"))\s+(?P<body>[A-ZÄÖÜ]{2,6}(?![\w-])|[A-ZÄÖÜ][a-zäöüß]+"
            r"(?:\s+(?:der|des)\s+(?:[a-zäöü][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*)?(?![\w-]))"
            r"(?:\s+\((?P<acronym>[A-ZÄÖÜ]{2,6})\))?"
        ),
        unknown_body_heads=tuple(_strings(LEXICON, content, "unknown_body_heads")),
        # One or two capitalised words right at the start (after blanks), then a closer or a dash.
        town_dateline=LazyPattern(
            r"\s*(?:" + word_alternation(_strings(LEXICON, content, "town_dateline_openers")) + r"\s+)?"
            r"(?P<town>[A-ZÄÖÜ][\w'-]+(?:\s[A-ZÄÖÜ][\w'-]+)?)\s*(?:"
            + word_alternation(_strings(LEXICON, content, "town_dateline_closers")) + r"|(?:\([^()\n]{1,30}\)\s*)?[-–—])\s"
        ),
        separable_verbs=separable,
        separable_particle=separable_particle,
        separable_modes=separable_modes,
        member_after=LazyPattern(r"-" + member_word + r"(?![\w-])"),
        member_before=LazyPattern(
            r"(?<![\w-])" + member_word + r"\s+" + word_alternation(_strings(LEXICON, words, "genitive_articles"))
            + r"\s+(?:[a-zäöüß][\w-]*(?:e|en|er)\s+){0,2}$"
        ),
        postponement=_words_regex(_strings(LEXICON, content, "postponement_cues")),
        relocation=_words_regex(_strings(LEXICON, content, "relocation_cues")),
        new_date_before=LazyPattern(
            r"(?<![\w-])(?i:" + word_alternation(_strings(LEXICON, content, "new_date_prepositions"), r"\s+") + r")\s+$"
        ),
        member_anaphora=_words_regex(_strings(LEXICON, content, "body_member_anaphora")),
        session_body=LazyPattern(
            word_alternation(_strings(LEXICON, content, "council_bodies")) + "|" + word_alternation(session_nouns)
            + r"\s+" + word_alternation(_strings(LEXICON, words, "genitive_articles")) + r"\s"
        ),
        council=LazyPattern(
            r"(?<![\w-])(?P<word>(?P<body>" + word_alternation(_strings(LEXICON, content, "council_bodies")) + r")(?:es|s|e)?)"
            r"(?:(?=s?sitzung)|(?![\w-]))(?:\s+" + word_alternation(_strings(LEXICON, content, "council_place_links"), r"\s+")
            + r"\s+(?P<place>[A-ZÄÖÜ][\w-]*))?"
        ),
        verbs=verbs,
        verb_after_blank=verb_after_blank,
        verb_after_other=verb_after_other,
        verb_info=verb_info,
        weak_not_followed=LazyPattern(
            r"\s+" + word_alternation(_strings(LEXICON, content, "weak_verb_not_followed_by"), ignore_case=True) + r"(?![\w-])", re.IGNORECASE
        ),
        not_meeting=not_meeting,
        mode_cues=mode_cues,
        mode_cue_modes=mode_cue_modes,
        status_cues=status_cues,
        status_of_cue=status_of_cue,
        separable_status=_separable_status(status_of_cue, _strings(LEXICON, content, "separable_particles")),
        closing_particle=LazyPattern(
            r"\s" + word_alternation(_strings(LEXICON, content, "separable_particles")) + _CLAUSE_CLOSE
        ),
        negated_before=LazyPattern(
            r"(?<![\w-])" + word_alternation(_strings(LEXICON, content, "verb_negations"), ignore_case=True)
            + r"(?:\s+[\w-]+){0,3}?\s+$", re.IGNORECASE
        ),
        negated_after=LazyPattern(
            r"(?:\s+[\w-]+){0,4}?\s+" + word_alternation(_strings(LEXICON, content, "verb_negations"), ignore_case=True)
            # closing the clause, or before the other party ("telefonierte am Montag nicht mit Putin")
            + r"(?=\s*(?:[,.;:!?\"“”»)]|$)|\s+" + word_alternation(_strings(LEXICON, words, "companion")) + r"\s)", re.IGNORECASE
        ),
        not_negating=_words_regex(_strings(LEXICON, content, "negation_exceptions")),
        verb_negation=_words_regex(_strings(LEXICON, content, "verb_negations")),
        clause_hedges=LazyPattern(
            r"(?<![\w-])" + word_alternation(_strings(LEXICON, content, "clause_hedge_cues"), r"\s+", ignore_case=True) + r"(?![\w-])",
            re.IGNORECASE,
        ),
        hedges=LazyPattern(r"(?<![\w-])" + word_alternation(_strings(LEXICON, content, "hedge_cues"), r"\s+", ignore_case=True) + r"(?![\w-])", re.IGNORECASE),
        open_question=LazyPattern(
            r"^(?!.*(?<![\w-])[Oo]b(?![\w-])).*(?<![\w-])" + word_alternation(_strings(LEXICON, content, "open_questions"), ignore_case=True)
            + r"(?![\w-])", re.IGNORECASE | re.DOTALL
        ),
        negations=LazyPattern(
            r"(?<![\w-])(?P<negation>" + word_alternation(_strings(LEXICON, content, "status_negations"), ignore_case=True)
            + r")\s+(?:\w+\s+){0,2}$", re.IGNORECASE
        ),
        negation_correction=_words_regex(_strings(LEXICON, content, "negation_corrections")),
        nonexistence=_compile(
            LEXICON, r"(?<![\w-])(?:" + "|".join(_strings(LEXICON, content, "nonexistence_cues")) + r")(?![\w-])",
            "nonexistence_cues", re.IGNORECASE,
        ),
        complement_clause=LazyPattern(
            r"\s*" + word_alternation(_strings(LEXICON, content, "complement_openers"), ignore_case=True) + r"(?![\w-])", re.IGNORECASE
        ),
        reported_clause=LazyPattern(
            r"(?:^|(?<=[,;:]))\s*" + word_alternation(_strings(LEXICON, content, "denied_report_openers"), r"\s+", ignore_case=True)
            + r"(?![\w-])"
            r"|(?<![\w-])" + word_alternation(_strings(LEXICON, content, "reported_subjunctives")) + r"(?![\w-])",
            re.IGNORECASE,
        ),
        not_yet=LazyPattern(
            r"(?<![\w-])" + word_alternation(_strings(LEXICON, content, "not_yet_negations"), r"\s+", ignore_case=True) + r"(?![\w-])",
            re.IGNORECASE,
        ),
        attributive=frozenset(word.lower() for word in _strings(LEXICON, content, "attributive_cues")),
        negated_cancel=_negated_cancel_cues(content, status_of_cue),
        future=_words_regex(_strings(LEXICON, content, "future_markers"), 0),
        past=_words_regex(_strings(LEXICON, content, "past_markers"), 0),
        definite=frozenset(word.lower() for word in _strings(LEXICON, content, "definite_determiners")),
        unknown_pair_not_after=frozenset(word.lower() for word in _strings(LEXICON, content, "unknown_pair_not_after")),
        plural_verbs=frozenset(_strings(LEXICON, content, "plural_verbs")),
        plural_verb_endings=tuple(_strings(LEXICON, content, "plural_verb_endings")),
        common_noun_endings=tuple(_strings(LEXICON, content, "common_noun_endings")),
        unconfirmed_when_negated=frozenset(word.lower() for word in _strings(LEXICON, content, "unconfirmed_when_negated")),
        # A group pronoun is one only where no noun follows: "Beide trafen sich", not "beide Themen".
        group_anaphora=LazyPattern(
            _words_regex(_strings(LEXICON, content, "group_anaphora")).pattern
            + r"|(?<![\w-])" + word_alternation(_strings(LEXICON, content, "group_pronouns"), ignore_case=True)
            + r"(?![\w-])(?!\s+(?-i:[A-ZÄÖÜ]))", re.IGNORECASE),
        counterparts=LazyPattern(
            r"(?<![\w-])(?P<adjective>[\w-]+)\s+" + word_alternation(_strings(LEXICON, content, "counterpart_nouns")) + r"(?![\w-])"
        ),
        spokesperson_before=LazyPattern(
            r"[\w-]*" + word_alternation(speaker_nouns)
            + up_to_name
        ),
        met_spokesperson_before=LazyPattern(
            r"(?<![\w-])" + word_alternation(_strings(LEXICON, words, "companion") + _strings(LEXICON, words, "between")
                                            + _strings(LEXICON, words, "conjunction"))
            + r"\s+(?:(?:" + articles + "|" + word_alternation(indefinite) + r")\s+)?[\w-]*" + word_alternation(speaker_nouns)
            + up_to_name
        ),
        speaker_before=LazyPattern(
            r"(?:[\w-]*" + word_alternation(speaker_nouns) + r"|(?<![\w-])" + word_alternation(speech) + r")"
            + up_to_name
        ),
        speech_verbs=LazyPattern(r"^\s*,?\s*" + word_alternation(speech) + r"(?![\w-])"),
        speech_anywhere=_words_regex(speech, 0),
        proposer_before=LazyPattern(
            r"(?<![\w-])" + word_alternation(_strings(LEXICON, content, "proposer_cues")) + r"\s+(?:[\w-]+\s+){0,2}$"
        ),
        topic_before=LazyPattern(
            r"(?<![\w-])(?i:" + word_alternation(_strings(LEXICON, content, "topic_prepositions")) + r")\s+"
            # Only adjectives and role nouns in between: "über den russischen Präsidenten Putin",
            # never "über das Gespräch mit Putin".
            r"(?:" + articles + r"\s+)?(?:[\w-]+(?:e|en|er|es|em)\s+){0,2}$"
        ),
        place_before=LazyPattern(
            r"(?<![\w-])(?i:" + word_alternation(_strings(LEXICON, content, "place_prepositions")) + r")\s+(?:(?i:" + articles + r")\s+)?$"
        ),
        third_country=_words_regex(_strings(LEXICON, third, "forms")),
        visit=LazyPattern(word_alternation(_strings(LEXICON, content, "visit_stems"), ignore_case=True), re.IGNORECASE),
        visit_gap_block=_words_regex(
            _strings(LEXICON, words, "articles") + indefinite + possessives
            + _strings(LEXICON, content, "place_prepositions")
        ),
        third_country_name=str(third["place"]),
        seat_of_government=_words_regex(list(seat_cities)),
        denial_act_auxiliaries=frozenset(word.lower() for word in _strings(LEXICON, content, "denial_act_auxiliaries")),
        shared_seat_cities=_seat_cities(require_mapping(LEXICON, content["shared_seats_of_government"])),
        seat_cities=seat_cities,
        noun_genitive_before=LazyPattern(
            r"(?<![\w-])[A-ZÄÖÜ][\w-]*\s+" + word_alternation(_strings(LEXICON, words, "genitive_articles")) + r"\s+$"
        ),
        genitive_body=LazyPattern(
            r"\s+" + word_alternation(_strings(LEXICON, words, "genitive_articles")) + r"\s+(?:[a-zäöüß][\w-]*(?:e|en|er)\s+){0,2}"
        ),
        between=LazyPattern(r"(?<![\w-])" + word_alternation(_strings(LEXICON, words, "between"), ignore_case=True) + r"\s+", re.IGNORECASE),
        anaphoric_status=LazyPattern(
            r"(?P<cue>" + anaphoric_verbs.pattern + r")\s+" + anaphoric_objects + r"(?![\w-])"
            r"|(?<![\w-])" + word_alternation(_strings(LEXICON, anaphoric, "calling_verbs")) + r"\s+" + anaphoric_objects
            + r"\s+(?:als\s+)?(?:(?:eine?|reine?)\s+)?(?P<predicate>" + anaphoric_predicates.pattern + ")",
            re.IGNORECASE,
        ),
        anaphoric_status_of={**predicate_status_of, **anaphoric_status_of},
        schedule_statuses=_schedule_statuses(content),
        indefinite=frozenset(word.lower() for word in indefinite),
        reflexive=_words_regex(_strings(LEXICON, words, "reflexive_pronouns")),
        # "traf den russischen Präsidenten", "traf er Ministerpräsident Netanjahu".
        object_determiner=LazyPattern(
            r"\s+(?:" + word_alternation(_strings(LEXICON, words, "speaker_pronouns") + _strings(LEXICON, words, "plural_pronouns"))
            + r"\s+)?(?:(?:" + articles + "|" + word_alternation(possessives) + r")\s+)?"
            r"(?:[A-ZÄÖÜ][\w-]*\s+(?=[A-ZÄÖÜ])){0,2}"
        ),
        # ", Mark Milley", ", dem französischen Präsidenten Macron", ", Mossad-Chef David Barnea"; never ", sagte Biden".
        enumeration_filler=LazyPattern(
            r"\s*(?:(?:" + articles + "|" + word_alternation(indefinite + _strings(LEXICON, words, "list_joiners"))
            + r")\s+(?:[\w-]+(?:e|en|er)\s+){0,2})?(?:" + person_title + r"\s+)?"
        ),
        list_gap=LazyPattern(
            # An aside in brackets, a comma or a joiner, then what may stand before a name.
            r"(?:" + BRACKETED_ASIDE + r")?\s*(?:,\s*(?:" + joiners + r"\s+)?|" + joiners + r"\s+)(?:(?:"
            + articles + "|" + word_alternation(indefinite) + r")\s+)?(?:[\w-]+(?:e|en|er)\s+){0,2}(?:" + person_title + r"\s+)?"
        ),
        noun_parties=LazyPattern(r"\s+" + word_alternation(_strings(LEXICON, words, "noun_parties")) + r"\s+"),
        coordination=LazyPattern(
            r"\s+" + word_alternation(_strings(LEXICON, words, "conjunction")) + r"\s+(?:" + articles + r"\s+)?"
        ),
        conjunct=LazyPattern(
            r"\s+" + word_alternation(_strings(LEXICON, words, "conjunction")) + r"\s+(?:" + articles
            + r"\s+)?(?:[\w-]+\s+){0,4}?[\w-]+"
        ),
        speaker_pronoun=_words_regex(_strings(LEXICON, words, "speaker_pronouns"), 0),
        plural_pronoun=_words_regex(_strings(LEXICON, words, "plural_pronouns"), 0),
        topic_words=_words_regex(_strings(LEXICON, content, "topic_prepositions"), 0),
        after_setting=_preposition_before(_strings(LEXICON, content, "after_prepositions"), articles, determiners),
        before_setting=_preposition_before(_strings(LEXICON, content, "before_prepositions"), articles, determiners),
        other_event_place=LazyPattern(
            r"(?<![\w-])(?i:" + word_alternation(_strings(LEXICON, content, "before_prepositions") + _strings(LEXICON, content, "after_prepositions"), r"\s+", ignore_case=True)
            + r")\s+(?i:" + articles + "|" + word_alternation(indefinite) + r")\s+(?:[a-zäöüß][\w-]*\s+){0,3}(?:[A-ZÄÖÜ][\w-]*)?"
            + r"(?i:" + word_alternation(_strings(LEXICON, content, "other_event_heads")) + r")(?:es|s|en|n|e)?\s+$"
        ),
        edge_setting=_preposition_before(_strings(LEXICON, content, "edge_prepositions"), articles, determiners),
        venue_setting=_preposition_before(_strings(LEXICON, content, "venue_prepositions"), articles, determiners),
        purpose_clause=LazyPattern(
            r"\s*(?i:" + word_alternation(_strings(LEXICON, content, "purpose_conjunctions")) + r")\s.*"
            r"(?:\szu\s+[a-zäöüß]+|[a-zäöüß]zu[a-zäöüß]+en)\s*", re.DOTALL
        ),
        assertion_verbs=LazyPattern(
            r"(?<![\w-])" + word_alternation(_strings(LEXICON, content, "assertion_verbs"), r"\s+") + r"(?![\w-])"
        ),
        speech_act_verbs=LazyPattern(
            r"(?<![\w-])" + word_alternation(_strings(LEXICON, content, "speech_act_verbs"), r"\s+", ignore_case=True) + r"(?![\w-])",
            re.IGNORECASE,
        ),
        speech_act_auxiliaries=frozenset(word.lower() for word in _strings(LEXICON, content, "speech_act_auxiliaries")),
        speech_act_attributes=frozenset(word.lower() for word in _strings(LEXICON, content, "speech_act_attributes")),
        proposal_wish=_words_regex(_strings(LEXICON, content, "proposal_wish_modals")),
        schedule_before=LazyPattern(
            r"(?<![\w-])(?i:" + word_alternation(_strings(LEXICON, content, "schedule_prepositions")) + r")\s+$"
        ),
        reflexive_not_with=_words_regex(_strings(LEXICON, content, "reflexive_verb_not_with"), 0),
        titled_name=LazyPattern(
            r"(?<![\w])" + person_title + r"\s+"
            r"(?P<name>" + NAME_CAPITAL + r"[\w'’-]+(?:" + MIDDLE_INITIAL + r"\s+(?:" + particles
            + r"\s+)?" + NAME_CAPITAL + r"[\w'’-]+){0,2})" + name_end
        ),
        title_words=LazyPattern(word_alternation(titles + compound_titles + closed_heads)),
        # Without a title a name is capitalised words only ("eine Reihe von Beiträgen" is none): the words
        # after its first ("Michael| Kretschmer") up to where the sentence goes on; the first word right
        # before its last ("Gitanas |Nausėda treffen").
        name_rest=LazyPattern(r"(?:" + MIDDLE_INITIAL + r"\s+" + NAME_CAPITAL + r"[\w'’-]+){1,2}" + name_end),
        name_first=LazyPattern(r"(?<![\w-])" + NAME_CAPITAL + r"[\w'’-]+\s+$"),
        name_end=LazyPattern(name_end),
        count_words=frozenset(word for word in require_mapping("numbers", load_lexicon("numbers"), "vague")["vague"] if " " not in word),
        continuation=LazyPattern(
            r"(?<![\w-])(?i:" + word_alternation(_strings(LEXICON, content, "continuation_cues")) + r")\s+(?:[a-zäöüß][\w-]*\s+)?$"
        ),
        setting_before=LazyPattern(
            # Sentence-initial "Bei dem …" too; the words in between stay lower-case adjectives.
            r"(?<![\w-])(?i:" + word_alternation(_strings(LEXICON, content, "setting_prepositions")) + r")\s+(?:(?i:"
            + articles + "|" + word_alternation(indefinite + possessives)
            + r")\s+)?(?:[a-zäöüß][\w-]*\s+){0,3}$"
        ),
        companion=LazyPattern(
            r"\s+" + word_alternation(_strings(LEXICON, words, "companion")) + r"\s+(?:" + articles + r"\s+)?"
            r"(?:[\w-]+(?:e|en|er|es|em)\s+){0,2}"
        ),
        companion_between=LazyPattern(r"(?<![\w-])" + word_alternation(_strings(LEXICON, words, "companion")) + r"(?![\w-])"),
        state_head=LazyPattern(r"\s+" + word_alternation(_strings(LEXICON, content, "state_head_nouns")) + r"(?![\w-])"),
        roles=roles,
        role_pattern=role_pattern,
        role_starts=role_starts,
        former_before=former_before,
        stands_for=stands_for,
    )
