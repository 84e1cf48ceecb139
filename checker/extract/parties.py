"""Who is named where in an article: people and bodies from the gazetteer, role words resolved
with the publication date (`roles.yaml`: "US-Präsident" in 2021 is Joe Biden) and people after a
title the gazetteer lacks ("Papst Franziskus") and, where a meeting lacks its parties, people named
by their surname alone whom the article introduced before ("der französische Präsident Nicolas
Sarkozy" … "Merkel und Sarkozy") or by a full name in a party's place ("Das Treffen von Michael
Kretschmer und Franziska Schubert"). Each person is marked as speaker, spokesperson,
proposer or topic by the cues next to the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from checker.document import Document, Sentence
from checker.extract.gazetteer import LOCAL_PLACE_TYPES, PLACE_TYPES, EntityMatch, load_gazetteer
from checker.extract.meeting_lexicon import TitledName, meeting_lexicon

# How far before a name a spokesperson noun or verb of saying makes it the speaker.
SPEAKER_REACH = 40
_NAME_AFTER_ROLE = re.compile(r"\s+([A-ZÄÖÜ][\w'-]+)(?=[\s,.;:]|$)")
# Capitalised words that may be surnames the article introduced with a title and first name, where a
# surname can name a meeting's party: next to these words ("Merkel und Sarkozy", "mit Sarkozy",
# "Besuch von Sarkozy", "Sarkozy, Merkel …") or right before or after the meeting word ("Papandreou
# traf Merkel", `_WORD`). Elsewhere a capitalised word is taken for a noun ("am Berg", "Die") and
# not looked up, which keeps looking up cheap. A capital first: `re` jumps from capital to capital.
_SURNAME_SLOT = re.compile(
    r"[A-ZÄÖÜ](?<![\w-].)(?:(?<= und .)|(?<= sowie .)|(?<= mit .)|(?<= von .)|(?<= zwischen .)|(?<=, .)"
    r"|(?=[\w'’]*(?: und | sowie |,)))[\w'’]+(?![\w'’-])"
)
# A capitalised word that follows no article or contraction ("am Berg trafen sich", "der Koch traf").
# "eine", "keine", "seine" are articles; a first name ending so ("Sabine Kolb traf") is none.
_WORD = re.compile(
    r"[A-ZÄÖÜ](?<![\w-].)(?<![dD]e[rmns] .)(?<![dD]ie .)(?<![dD]as .)(?<![aAiI]m .)(?<![zZ]u[mr] .)(?<![vV]om .)"
    r"(?<![bB]eim .)(?<![eE]in .)(?<![kK]ein .)(?<![eE]ine .)(?<![eE]ine[mnrs] .)[\w'’]+(?![\w'’-])"
)
# Two words joined by "und" or "sowie" (`names_unknown_pair` checks that both are capitalised):
# "Šefčovič und Lutnick", "Kagame sowie Tshisekedi".
_WORD_PAIR = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’]*\s+(?i:und|sowie)\s+[^\W\d_][\w'’]*(?![\w'’-])")
# A middle initial of a name ("Erik O. Schulz"): upper case, yet no word written in capitals.
_INITIAL = re.compile(r"[^\W\d_]\.")
# Where a clause's first word may begin: past blanks and opening quotes or brackets.
_CLAUSE_OPENING = re.compile(r"[\s\"„“»«(]*")
# The lower-case word after a name, past a short aside in brackets ("Cem Özdemir (Grüne) hat"): its verb
# where the name is a clause's subject.
_WORD_AFTER_NAME = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+([a-zäöüß]+)(?![\w'’-])")
# What may stand between a word and a date right after it: a space, or a preposition ("trifft am Mittwoch").
_DATE_LEAD = re.compile(r"\s+(?:[a-zäöüß]+\s+)?")
def _body_name(words: list[str], article: str) -> str:
    """The name of a body the gazetteer does not know, as written after `article`, a genitive "-s"/"-es"
    after "des" dropped ("des Betriebsrats" -> "Betriebsrat"; "des BUND" stays)."""
    if article == "des" and not words[-1].isupper():
        words = [*words[:-1], re.sub(r"(?<=[^s])e?s$", "", words[-1])]
    return " ".join(words)


# An article right before a role word: "traf der Kanzler Berlusconi" may be the role and its object.
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:[dD](?:er|ie|as|en|em|es))\s+$")
# The word right before a council ("der Bozner Gemeinderat", "der bayerische Landtag").
_WORD_BEFORE = re.compile(r"(?<![\w-])([\w-]+)\s+$")
# How far before a surname its title and first name may start ("des französischen Präsidenten Nicolas").
INTRODUCTION_REACH = 80


# Words after which role words name where or of what, not who: "Machthaber in Berlin".
_ROLE_COMPLEMENT_WORDS = frozenset({"in", "von", "vom", "aus", "für", "der", "des", "im", "am", "zu", "zur", "zum"})


def _feminine(role_words: str) -> bool:
    """Whether role words name a woman: "Kanzlerin", "Präsidentinnen", "Bürgermeisterin von Rom";
    not "Machthaber in Berlin" (the words after a preposition or article name a place or body)."""
    for word in role_words.split():
        if word.lower() in _ROLE_COMPLEMENT_WORDS:
            return False
        if word.lower().endswith(("in", "innen")):
            return True
    return False


def _adjectives_of(gazetteer, country: str) -> list[str]:
    """The gazetteer's shortest adjective of `country` ("österreichische"), as a list: none when it has none."""
    shortest = _shortest_adjectives(gazetteer).get(country)
    return [shortest] if shortest is not None else []


@lru_cache(maxsize=1)
def _shortest_adjectives(gazetteer) -> dict[str, str]:
    """Entity name -> its shortest adjective (then the first in order); memoised on the gazetteer itself."""
    shortest: dict[str, str] = {}
    for surface, (name, form) in gazetteer.surface.items():
        if form == "adjective" and (name not in shortest or (len(surface), surface) < (len(shortest[name]), shortest[name])):
            shortest[name] = surface
    return shortest


@lru_cache(maxsize=None)
def _names_other_offices(lexicon, gazetteer, role_words: str, role_index: int) -> bool:
    """Whether `role_words` with another state's adjective name a role other than `role_index`:
    "Bundeskanzler" ("österreichischer Bundeskanzler"), not "US-Präsident"."""
    countries = sorted({entity.country for role in lexicon.roles for name, _, _ in role.holders
                        if (entity := gazetteer.entities.get(name)) is not None and entity.country is not None})
    for country in countries:
        for adjective in _adjectives_of(gazetteer, country):
            phrase = f"{adjective} {role_words}"
            if any(match.start() == 0 and int(match.lastgroup[1:]) != role_index
                   for match in lexicon.role_matches(phrase, 0, len(phrase))):
                return True
    return False


@dataclass(frozen=True)
class Party:
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


class ArticleParties:
    """The parties of an article, found once per sentence."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.lexicon = meeting_lexicon()
        self.gazetteer = load_gazetteer()
        self.day = doc.published.anchor
        self._parties: dict[int, list[Party]] = {}
        self._introduced: dict[tuple[str, int], tuple[str, str | None] | None] = {}  # (surname, before) -> (full name, state)
        # (role end, role index, feminine words, person) of "Bundeskanzler Faymann"
        self._titled_holders: list[tuple[int, int, bool, Party]] | None = None

    def parties(self, sentence: Sentence) -> list[Party]:
        cached = self._parties.get(sentence.index)
        if cached is None:
            cached = self._find_parties(sentence.start, sentence.end)
            self._parties[sentence.index] = cached
        return cached

    def role_day(self, start: int, end: int) -> date:
        """The day whose office holders the roles in `text[start:end]` name: the publication day here;
        `MeetingArticle` knows the dates of the text."""
        return self.day

    def _find_parties(self, start: int, end: int) -> list[Party]:
        text = self.text
        lexicon = self.lexicon
        found: list[Party] = []
        matches: list[EntityMatch] = self.gazetteer.find(text, start, end)
        for match in matches:
            entity = match.entity
            found.append(Party(match.start, match.end, entity.name, entity.type, entity.country, match.form == "adjective"))
        persons = {p.start: p for p in found if p.type == "person"}
        for match in lexicon.role_matches(text, start, end):
            # "der frühere Kremlchef": nobody in office now.
            if lexicon.former_before.search(text, max(start, match.start() - 30), match.start()):
                continue
            if text[max(start, match.start() - 3):match.start()].endswith("Ex-"):
                continue
            role_index = int(match.lastgroup[1:])
            role = lexicon.roles[role_index]
            holder = role.holder_on(self.role_day(start, end))
            entity = self.gazetteer.entities.get(holder) if holder else None
            if entity is None or self._named_after(match, end, persons, entity.country):
                continue
            # "Bundeskanzler Faymann … der Bundeskanzler sagte": a holder of the same words named before,
            # of another state than the day's holder ("Bundeskanzler" is Austria's too), is meant.
            earlier = self._titled_holder_before(match, role_index, entity.country)
            if earlier is not None:
                found.append(Party(match.start(), match.end(), earlier.name, "person", earlier.country))
                continue
            found.append(Party(match.start(), match.end(), entity.name, "person", entity.country))
        found.extend(self._unknown_heads(start, end, found))
        found.extend(self._titled_names(start, end, found))
        found.extend(self._councils(start, end, found))
        found.extend(self._represented_bodies(start, end, found))
        found.extend(self._coordinated_bodies(start, end, found))
        # A role inside a longer match ("russischen Präsidenten" vs the adjective "russischen") wins.
        found = self._drop_covered(found)
        return [self._mark(party, start, end) for party in found]

    def _unknown_heads(self, start: int, end: int, known: list[Party]) -> list[Party]:
        """"den kenianischen Präsidenten": the head of a state roles.yaml has no holders for, named by
        office alone, is a party speaking for that state; its name is the state's. Not where a name
        follows ("der kenianische Präsident William Ruto" is the person) or the office is a former one."""
        found: list[Party] = []
        for party in known:
            if not (party.adjective and party.type == "country" and start <= party.start):
                continue
            head = self.lexicon.state_head.match(self.text, party.end, end)
            if head is None or _NAME_AFTER_ROLE.match(self.text, head.end(), end):
                continue
            if any(p.type == "person" and p.start <= party.start and head.end() <= p.end for p in known):
                continue  # "den russischen Präsidenten": the role's holder
            if self.lexicon.former_before.search(self.text, max(start, party.start - 30), party.start):
                continue
            found.append(Party(party.start, head.end(), party.name, "person", party.name))
        return found

    def _titled_names(self, start: int, end: int, known: list[Party]) -> list[Party]:
        """People the gazetteer does not know, named after a title: the name as written is the party."""
        found: list[Party] = []
        for titled in self.lexicon.titled_names(self.text, start, end):
            if any(p.start < titled.end and titled.start < p.end and (p.start <= titled.start or p.type not in LOCAL_PLACE_TYPES)
                   for p in known):
                continue  # a known name, or a known word inside it; not a town as surname ("Sportdirektor Sebastian Kehl")
            if self.gazetteer.lookup(titled.name) is not None and not self._someone_else(titled):
                continue
            if self.lexicon.nouns.search(self.text, titled.start, titled.end):
                continue  # "der Minister Gespräche führte": a meeting word is no name
            # "des chinesischen Außenministers Wang Wenbin": the adjective names the state.
            states = [p.name for p in known if p.adjective and titled.title_start - 30 <= p.start < titled.title_start + 1]
            name, country = titled.name, states[-1] if states else None
            if " " not in name:
                # "Landeshauptmann Mattle" after "Landeshauptmann Anton Mattle": the person introduced before.
                introduced = self._introduction(name, titled.start)
                if introduced is not None:
                    name, country = introduced[0], introduced[1] or country
            found.append(Party(titled.start, titled.end, name, "person", country))
        return found

    def _someone_else(self, titled: TitledName) -> bool:
        """Whether a known person's surname alone names someone else where it stands, as the gazetteer
        reads it there ("Werkleiter Köhler" is not Horst Köhler): that person is a party as written."""
        return " " not in titled.name and not self.gazetteer.find(self.text, titled.start, titled.end)

    def _councils(self, start: int, end: int, known: list[Party]) -> list[Party]:
        """Councils and parliaments ("der Gemeinderat von Meran", "der Bozner Gemeinderat", "des Landtages"):
        the body and its place's canonical name ("Gemeinderat Merano"), or the body alone."""
        found: list[Party] = []
        if not self.lexicon.council_words.search(self.text, start, end):
            return found
        for match in self.lexicon.council.finditer(self.text, start, end):
            if any(p.start <= match.start() < p.end and not p.adjective for p in known):
                continue
            party_start, party_end = match.span("word")
            place = self._council_place(match.group("place"), False) if match.group("place") else None
            if place is not None:
                party_end = match.end()
            else:
                before = _WORD_BEFORE.search(self.text, max(start, party_start - 30), party_start)
                place = self._council_place(before.group(1), True) if before else None
                if place is not None:
                    party_start = before.start(1)
                elif match.group("body") in self.lexicon.town_councils:
                    place = self._article_place(party_start, "city")
                elif match.group("body") in self.lexicon.state_parliaments:
                    place = self._article_place(party_start, "region")
            country = None if place is None else (place.country or (place.name if place.type == "country" else None))
            town = place.name if place is not None else None
            if town is None and match.group("body") in self.lexicon.town_councils:
                town = self._dateline_town()
            name = match.group("body") + (" " + town if town is not None else "")
            found.append(Party(party_start, party_end, name, "organisation", country))
        return found

    def _represented_bodies(self, start: int, end: int, known: list[Party]) -> list[Party]:
        """Bodies the gazetteer does not know whose representatives are named ("mit Vertretern der
        Lehrerverbände", "Vertreter des Betriebsrats"): the body as written, a genitive ending dropped."""
        found: list[Party] = []
        for match in self.lexicon.representatives.finditer(self.text, start, end):
            body_start, body_end = match.span("body")
            if any(p.start < body_end and body_start < p.end for p in known):
                continue  # "Vertreter der EU": the known body
            words = match.group("body").split()
            if words[0] in self.lexicon.representative_not_bodies:
                continue
            found.append(Party(body_start, body_end, _body_name(words, match.group("article")), "organisation", None))
        return found

    def _coordinated_bodies(self, start: int, end: int, known: list[Party]) -> list[Party]:
        """Bodies the gazetteer does not know, joined by a conjunction to a body it knows ("Verdi und der
        ZDS", "Der Zentralverband der deutschen Seehafenbetriebe (ZDS) und Verdi"): the sides of talks,
        named as written, by a bracketed acronym after the name if there is one. An acronym or a compound
        on a body's head noun (`unknown_body_heads`) only: "Verdi und der Streik" names no body."""
        lexicon = self.lexicon
        text = self.text
        bodies = [p for p in known if p.type == "organisation" and not p.adjective]
        if not bodies:
            return []
        found: list[Party] = []
        for match in lexicon.unknown_body.finditer(text, start, end):
            body_start, body_end = match.span("body")
            if any(p.start < body_end and body_start < p.end and not (p.adjective and p.start > body_start) for p in known):
                continue  # "die IG Metall": the known body; "der deutschen Seehafenbetriebe" is part of the name
            words = match.group("body").split()
            if not (words[0].isupper() or words[0].lower().endswith(lexicon.unknown_body_heads)):
                continue
            if not any(lexicon.coordination.fullmatch(text, p.end, body_start) or lexicon.coordination.fullmatch(text, match.end(), p.start)
                       for p in bodies):
                continue
            name = match.group("acronym") or _body_name(words, match.group("article").lower())
            found.append(Party(body_start, match.end(), name, "organisation", None))
        return found

    def _dateline_town(self) -> str | None:
        """The town a local dateline opening the article names ("Aus Gütenbach: …", "Gütenbach. …"):
        the gazetteer's name when it knows the place, else the town as written, or None."""
        dateline = self.lexicon.town_dateline.match(self.text, self.doc.body_start)
        if dateline is None:
            return None
        town = dateline.group("town")
        hit = self.gazetteer.surface.get(town.lower())
        if hit is None:
            return town
        entity = self.gazetteer.entities[hit[0]]
        return entity.name if entity.type in LOCAL_PLACE_TYPES and hit[1] != "adjective" else None

    def _article_place(self, before: int, place_type: str):
        """The one place of `place_type` ("city", "region") the article names before `before` ("Nach dem Brand
        in Köln hat der Stadtrat …", "In Niedersachsen … der Landtag"), or None."""
        places = {m.entity.name: m.entity for m in self.gazetteer.find(self.text, 0, before)
                  if m.entity.type == place_type and m.form != "adjective"}
        return next(iter(places.values())) if len(places) == 1 else None

    def _council_place(self, word: str, adjective: bool):
        """The city, region or country a council belongs to: "Meran" after "von"; as an adjective
        "bayerische" (the gazetteer's) or a city with -er: "Meraner", "Bozner", "Münchner", "Bremer"."""
        surface = self.gazetteer.surface
        hit = surface.get(word.lower())
        if hit is not None and (hit[1] == "adjective") == adjective:
            entity = self.gazetteer.entities[hit[0]]
            return entity if entity.type in PLACE_TYPES else None
        if not adjective or not word[:1].isupper() or not word.endswith("er"):
            return None
        for candidate in (word[:-2], word[:-3] + "en", word[:-2] + "en"):
            hit = surface.get(candidate.lower())
            if hit is not None and hit[1] != "adjective" and self.gazetteer.entities[hit[0]].type == "city":
                return self.gazetteer.entities[hit[0]]
        return None

    def names_unknown_pair(self, sentence: Sentence, start: int, end: int) -> bool:
        """Whether `text[start:end]` joins two capitalised words by "und" of which the sentence's parties
        know at most one, after no article or preposition (`unknown_pair_not_after`): "Šefčovič und
        Lutnick telefonierten", "Trump und Lutnick trafen sich". Such a clause names people of its own
        whom the gazetteer does not know, so its meeting is not one named before; "die Minister und
        Beamten", "über Zölle und Handel" name nobody."""
        text = self.text
        lexicon = self.lexicon
        known = self.parties(sentence)
        for pair in _WORD_PAIR.finditer(text, start, end):
            words = pair.group().split()
            if not (words[0][0].isupper() and words[-1][0].isupper()):
                continue
            covered = [p for p in known if p.start < pair.end() and pair.start() < p.end]
            if len(covered) >= 2 or any(p.start <= pair.start() and pair.end() <= p.end for p in covered):
                continue  # "Trump und Putin", "Bosnien und Herzegowina": known
            before = text[max(sentence.start, pair.start() - 30):pair.start()].split()
            if before and (before[-1].lower() in lexicon.definite or before[-1].lower() in lexicon.indefinite
                           or before[-1].lower() in lexicon.unknown_pair_not_after):
                continue
            return True
        return False

    def add_surnames(self, sentence: Sentence, spans: list[tuple[int, int]], skip: list[tuple[int, int]]) -> list[Party]:
        """The sentence's parties with the people it names in `spans` (the meetings' clauses) by their
        surname alone whom the article introduced before with a title and full name ("der französische
        Präsident Nicolas Sarkozy" … "Merkel und Sarkozy trafen sich"), else by a full name the gazetteer
        lacks (`_untitled_full_name`). Asked only where a meeting lacks
        its parties, once per sentence (extract_meetings reads each sentence once); `skip` are the meeting
        words, which name nobody."""
        known = self.parties(sentence)
        text = self.text
        # Names stand right before and after the meeting words and the verb of a split status cue too: its
        # subject ("Angela Titzrath sagte das Treffen mit … ab"), its object ("Frank Werneke schlug Angela
        # Titzrath ein Treffen vor").
        skip = skip + [cue.span("verb") for cue in self.lexicon.separable_status.finditer(text, sentence.start, sentence.end)]
        taken = [(p.start, p.end) for p in known] + skip
        words = [word for span in spans for word in _SURNAME_SLOT.finditer(text, *span)]
        # A clause's subject far from its verb: its first words ("Cem Özdemir hat sich am Dienstag mit Holger
        # Hennies getroffen") or those right after its reflexive pronoun ("Am Dienstag hat sich Cem Özdemir mit …").
        lexicon = self.lexicon
        openings = {span: _WORD.match(text, _CLAUSE_OPENING.match(text, *span).end(), span[1]) for span in spans}
        openings = {span: word for span, word in openings.items() if word is not None and not (
            word.group(0).lower() in lexicon.definite or word.group(0).lower() in lexicon.indefinite
            or word.group(0).lower() in lexicon.unknown_pair_not_after)}  # "Die", "Am", "In" open no name
        words += list(openings.values())
        words += [_WORD.match(text, pronoun.end() + 1, span[1])
                  for span in spans for pronoun in lexicon.reflexive.finditer(text, *span)]
        for meeting_start, meeting_end in skip:
            after = self.past_unnamed(sentence, meeting_end)  # "trifft am Mittwoch Thomas Berger": past the date
            if text.startswith(" ", after):
                words.append(_WORD.match(text, after + 1, sentence.end))
            if meeting_start > sentence.start and text.startswith(" ", meeting_start - 1):
                before = text.rfind(" ", sentence.start, meeting_start - 1)
                words.append(_WORD.fullmatch(text, max(before + 1, sentence.start), meeting_start - 1))
        found: list[Party] = []
        for word in words:
            if word is None:
                continue
            word_start, word_end = word.span()
            if any(s <= word_start < e for s, e in taken) or any(p.start <= word_start < p.end for p in found):
                continue
            surname = word.group(0)
            person = self._introduction(surname, sentence.end)
            if person is None and surname.endswith("s"):
                person = self._introduction(surname[:-1], sentence.end)  # "Sarkozys"
            if person is not None:
                found.append(self._mark(Party(word_start, word_end, person[0], "person", person[1]), sentence.start, sentence.end))
                continue
            full_name = self._untitled_full_name(sentence, word_start, word_end, taken)
            opened = next((span for span, opening in openings.items() if opening is word), None)
            # The name opens the clause, or follows a job word that opens it ("Kuratorin Anna Keller will …").
            if full_name is not None and opened is not None and not (
                full_name[0] >= word_start and not text[word_end:full_name[0]].strip()
                and self._opens_with_one_person(opened, full_name)
            ):
                continue
            if full_name is not None:
                name = " ".join(text[full_name[0]:full_name[1]].split())
                found.append(self._mark(Party(*full_name, name, "person", None), sentence.start, sentence.end))
        found += self._surname_pairs(sentence, spans, taken, [*known, *found])
        if found:
            known = sorted(known + found, key=lambda p: (p.start, -(p.end - p.start), p.name))
            self._parties[sentence.index] = known
        return known

    def _surname_pairs(self, sentence: Sentence, spans: list[tuple[int, int]], taken: list[tuple[int, int]],
                       parties: list[Party]) -> list[Party]:
        """People named by surnames alone that nothing in the article introduced, as wire copy names them
        after the first mention: two capitalised words joined by "und" that are the subject of a clause's
        meeting verb in the plural, opening the clause ("Medinski und Umerow trafen sich") or right after
        its reflexive pronoun ("Stattdessen trafen sich Medinski und Umerow"). Each word is a known person
        ("Pistorius und Healey telefonierten": Healey is someone too) or one the article never uses as a
        noun: no word the gazetteer or the meeting lexicon knows, none ending as a common noun does
        (`common_noun_endings`: "Regierung und Opposition"), none written after an article elsewhere
        ("die Schüler … Schüler und Lehrer trafen sich"). Named as written; `unify_surnames` finds the
        full name another article gives."""
        text = self.text
        lexicon = self.lexicon
        known_people = {(p.start, p.end) for p in parties if p.type == "person"}
        taken = taken + [(p.start, p.end) for p in parties]
        found: list[Party] = []
        for span in spans:
            opening = _CLAUSE_OPENING.match(text, *span).end()
            starts = [(opening, True)] + [(pronoun.end() + 1, False) for pronoun in lexicon.reflexive.finditer(text, *span)]
            for pair_start, opens_clause in starts:
                pair = _WORD_PAIR.match(text, pair_start, span[1])
                if pair is None or lexicon.collective.search(text, pair.start(), pair.end()):
                    continue  # "Bund und Länder berieten": a group of its own
                if opens_clause:
                    verb = _WORD_AFTER_NAME.match(text, pair.end(), span[1])
                    if verb is None or not (verb.group(1) in lexicon.plural_verbs
                                            or verb.group(1).endswith(lexicon.plural_verb_endings)):
                        continue  # "Medinski und Umerow trafen": the pair is the subject of a plural verb
                words = [(word.start(), word.end()) for word in re.finditer(r"[^\W\d_][\w'’]*", pair.group())]
                words = [(pair.start() + start, pair.start() + end) for start, end in (words[0], words[-1])]
                unknown = [word for word in words if word not in known_people]
                not_names = taken + self.unnamed_spans(sentence)  # "Montag und Dienstag trafen sich …": dates
                if unknown and all(self._may_be_surname(*word, not_names) for word in unknown):
                    found.extend(self._mark(Party(start, end, text[start:end], "person", None), sentence.start, sentence.end)
                                 for start, end in unknown)
        return found

    def _may_be_surname(self, start: int, end: int, taken: list[tuple[int, int]]) -> bool:
        """Whether the capitalised word at `text[start:end]` may be a surname nobody introduced: see `_surname_pairs`."""
        text = self.text
        lexicon = self.lexicon
        word = text[start:end]
        if not word[0].isupper() or word.isupper() or any(s < end and start < e for s, e in taken):
            return False
        lowered = word.lower()
        if lowered in lexicon.definite or lowered in lexicon.indefinite or lowered in lexicon.unknown_pair_not_after:
            return False
        if lowered.endswith(lexicon.common_noun_endings) or word in self.gazetteer.given_names:
            return False
        if word in lexicon.count_words or lexicon.title_words.fullmatch(word) or lexicon.nouns.search(text, start, end):
            return False
        if self.gazetteer.lookup(word) is not None:
            return False
        # "die Schüler" elsewhere: a noun; "Jonas Eberhardt" elsewhere: a name `_introduction` resolves or leaves
        # ambiguous, not a bare surname.
        before_word = re.compile(r"(?<![\w-])([\w-]+)\s+" + re.escape(word) + r"(?![\w'’-])")
        return not any(before.group(1).lower() in lexicon.definite or before.group(1).lower() in lexicon.indefinite
                       or before.group(1) in self.gazetteer.given_names for before in before_word.finditer(text))

    def _opens_with_one_person(self, clause: tuple[int, int], name: tuple[int, int]) -> bool:
        """Whether the full name at `name`, the first words of `clause`, is one person as the subject
        of a verb in the singular ("Cem Özdemir hat sich … getroffen"). A plural verb or an article after
        the words follows no one person: "Zahlreiche Landwirte haben sich getroffen", "Große Teile der
        Bauernschaft haben sich …" name none."""
        lexicon = self.lexicon
        verb = _WORD_AFTER_NAME.match(self.text, name[1], clause[1])
        following = verb.group(1) if verb is not None else ""
        return bool(following) and not (
            following in lexicon.plural_verbs or following.endswith(lexicon.plural_verb_endings)
            or following in lexicon.definite or following in lexicon.indefinite
        )

    def _untitled_full_name(self, sentence: Sentence, word_start: int, word_end: int,
                            taken: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The span of a full name without a title that the name slot word at `word_start` begins or
        ends: "Das Treffen von Michael Kretschmer und Franziska Schubert", "wird Gitanas Nausėda treffen".
        The name as written is the party. None when a word of it is known, a title, a meeting word or
        part of what `unnamed_spans` says names nobody ("Am Montag trifft …")."""
        text = self.text
        lexicon = self.lexicon
        rest = lexicon.name_rest.match(text, word_end, sentence.end)
        if rest is not None:
            span = (word_start, rest.end())
        else:
            first = lexicon.name_first.search(text, max(sentence.start, word_start - 40), word_start)
            if first is None or not lexicon.name_end.match(text, word_end, sentence.end):
                return None
            span = (first.start(), word_end)
        if any(s < span[1] and span[0] < e for s, e in taken + self.unnamed_spans(sentence)):
            return None
        words = text[span[0]:span[1]].split()
        if words[0].lower() in lexicon.definite or words[0].lower() in lexicon.indefinite:
            return None  # "Die Energieministerinnen und Energieminister": a name begins with no article
        if lexicon.noun_genitive_before.search(text, max(sentence.start, span[0] - 40), span[0]):
            return None  # "der Chef der Autobahn GmbH": a noun's genitive names a body, not the person met
        if any((word.isupper() and not _INITIAL.fullmatch(word)) or word in lexicon.count_words or lexicon.title_words.fullmatch(word) for word in words) or (
            lexicon.nouns.search(text, *span)
        ):
            return None  # "DIE MESSE" in capitals, "Hunderte Soldaten", "Trainer", "Gespräch" are no names
        if self.gazetteer.lookup(" ".join(words)) is not None:
            return None
        if len(words) == 3 and words[1] in self.gazetteer.given_names and words[0] not in self.gazetteer.given_names:
            # "Kuratorin Anna Wallner": a job no lexicon lists before a first name and surname is no part of the name.
            return text.index(words[1], span[0] + len(words[0])), span[1]
        return span

    def unnamed_spans(self, sentence: Sentence) -> list[tuple[int, int]]:
        """Spans of `sentence` that name nobody whatever their capitals: none known here (a subclass
        that knows the dates names them)."""
        return []

    def past_unnamed(self, sentence: Sentence, position: int) -> int:
        """`position` moved past the `unnamed_spans` that follow it, each after a space and at most one
        lowercase word ("trifft am Mittwoch Thomas Berger": the object comes after the date)."""
        for start, end in sorted(self.unnamed_spans(sentence)):
            if start > position and _DATE_LEAD.fullmatch(self.text, position, start):
                position = end
        return position

    def _introduction(self, surname: str, until: int) -> tuple[str, str | None] | None:
        """The full name and state of the one person the article introduces as "<title> <first
        name> <surname>" before `until`, or else names by a full name without a title as a party of a
        meeting before ("Frank Werneke und Angela Titzrath wollen sich treffen. … Werneke und Titzrath
        vereinbarten …"), or None. Looked up per word where a meeting needs its parties: the article is
        searched for the word itself, which is fast, not for every title."""
        key = (surname, until)
        if key in self._introduced:
            return self._introduced[key]
        text = self.text
        people: set[tuple[str, str | None]] = set()
        position = text.find(" " + surname, 0, until)
        while position != -1:
            word_start, word_end = position + 1, position + 1 + len(surname)
            if word_end < len(text) and (text[word_end].isalnum() or text[word_end] in "-_'’"):
                position = text.find(" " + surname, word_end, until)
                continue
            # A first name right before: the only place a titled full name can end here.
            first = text.rfind(" ", max(0, position - 40), position)
            if text[first + 1:first + 2].isupper():
                person = self._titled_full_name(max(0, word_start - INTRODUCTION_REACH), word_end)
                if person is not None:
                    people.add(person)
            position = text.find(" " + surname, word_end, until)
        if not people:
            # The parties found so far: those of the sentences whose meetings were looked at.
            people = {(p.name, p.country) for found in self._parties.values() for p in found
                      if p.type == "person" and p.start < until and p.name.endswith(" " + surname)}
        introduced = people.pop() if len(people) == 1 else None  # two Bushes: nobody
        self._introduced[key] = introduced
        return introduced

    def _titled_full_name(self, start: int, end: int) -> tuple[str, str | None] | None:
        """The titled name of two or more words that ends at `end`, with the state of an adjective before its title."""
        for titled in self.lexicon.titled_names(self.text, start, end):
            if titled.end != end:
                continue
            name = titled.name
            if " " not in name:
                return None
            known = self.gazetteer.lookup(name)
            if known is not None:
                # A person the lexicon knows by the full name only, because the surname alone is
                # a common word ("Sebastian Kurz": "kurz"): after this introduction it names them.
                exact = name.lower() in self.gazetteer.surface  # not a fuzzy likeness
                return (known.name, known.country) if exact and known.type == "person" else None
            if self.lexicon.nouns.search(self.text, titled.start, titled.end):
                return None
            states = [m.entity.name for m in self.gazetteer.find(self.text, max(0, titled.title_start - 30), titled.title_start + 1)
                      if m.form == "adjective"]
            return name, states[-1] if states else None
        return None

    def _named_after(self, role: re.Match, end: int, persons: dict[int, Party], country: str | None) -> bool:
        """ "US-Präsident Joe Biden", "US-Präsident Ronald Reagan": a name after the role says who
        is meant, known or not. "drohte der US-Präsident Putin" is the role and its object, unless
        the words of the role are those of an office the person held in their own state:
        "Bundeskanzler Sebastian Kurz" is Austria's chancellor ("österreichischer Bundeskanzler")."""
        following = _NAME_AFTER_ROLE.match(self.text, role.end(), end)
        if following is None:
            return False
        person = persons.get(following.end(1) - len(following.group(1)))
        if person is not None:
            return (person.country == country or self._holds_office_named(role.group(0), person)
                    or (not self._names_state(role.group(0)) and not _ARTICLE_BEFORE.search(self.text, max(0, role.start() - 5), role.start())))
        return self.gazetteer.lookup(following.group(1)) is None

    def _names_state(self, role_words: str) -> bool:
        """Whether role words name their state ("US-Präsident", "russischer Präsident", "Kremlchef"), unlike
        a title many states use ("Bundespräsident", "Ministerpräsident"): "Bundespräsident Van der Bellen" is
        Austria's president, not the German one beside him; "der US-Präsident Putin" is the role and its object,
        and so is "traf der Kanzler Berlusconi" (an article before the title: the caller checks)."""
        return "-" in role_words or bool(self.gazetteer.find(role_words, 0, len(role_words)))

    def _holds_office_named(self, role_words: str, person: Party) -> bool:
        """Whether `person` held a role of roles.yaml that `role_words` name with the person's state
        before them: "Bundeskanzler" for Sebastian Kurz ("österreichischer Bundeskanzler")."""
        if person.country is None:
            return False
        lexicon = self.lexicon
        for adjective in _adjectives_of(self.gazetteer, person.country):
            phrase = f"{adjective} {role_words}"
            for match in lexicon.role_matches(phrase, 0, len(phrase)):
                if match.start() == 0 and any(name == person.name for name, _, _ in lexicon.roles[int(match.lastgroup[1:])].holders):
                    return True
        return False

    def _titled_holder_before(self, role: re.Match, role_index: int, country: str | None) -> Party | None:
        """The person last named before `role` right after words of the same role and gender ("Bundeskanzler
        Faymann" … "der Kanzler", not "die Kanzlerin") whose state is not `country`, that of the day's holder."""
        if not _names_other_offices(self.lexicon, self.gazetteer, role.group(0).lower(), role_index):
            return None  # "US-Präsident", "Kremlchef": the words name one state's office only
        if self._titled_holders is None:
            self._titled_holders = self._find_titled_holders()
        feminine = _feminine(role.group(0))
        earlier = [person for role_end, index, words_feminine, person in self._titled_holders
                   if role_end <= role.start() and index == role_index and words_feminine == feminine and person.country != country]
        return earlier[-1] if earlier else None

    def _find_titled_holders(self) -> list[tuple[int, int, bool, Party]]:
        """Every role of the article followed by a known person of another state who held an office
        of those words: (end of the role, role index, whether the words are feminine, the person)."""
        text = self.text
        found: list[tuple[int, int, bool, Party]] = []
        for match in self.lexicon.role_matches(text, 0, len(text)):
            following = _NAME_AFTER_ROLE.match(text, match.end(), min(len(text), match.end() + 60))
            if following is None:
                continue
            role_index = int(match.lastgroup[1:])
            holder = self.lexicon.roles[role_index].holder_on(self.day)
            holder_country = self.country_of(holder) if holder else None
            for named in self.gazetteer.find(text, following.start(1), min(len(text), following.start(1) + 60)):
                if named.start == following.start(1) and named.entity.type == "person":
                    person = Party(named.start, named.end, named.entity.name, "person", named.entity.country)
                    if person.country != holder_country and self._holds_office_named(match.group(0), person):
                        found.append((match.end(), role_index, _feminine(match.group(0)), person))
                    break
        return found

    @staticmethod
    def _drop_covered(found: list[Party]) -> list[Party]:
        found.sort(key=lambda p: (p.start, -(p.end - p.start), p.name))
        kept: list[Party] = []
        for party in found:
            if any(k.start <= party.start and party.end <= k.end and k != party and
                   (k.end - k.start) > (party.end - party.start) for k in kept):
                continue
            kept.append(party)
        return kept

    def _mark(self, party: Party, start: int, end: int) -> Party:
        if party.type != "person":
            return party
        text = self.text
        before = text[max(start, party.start - SPEAKER_REACH):party.start]
        # "ein Treffen mit dem Sprecher der Wirte, Peter Inselkammer": the one met speaks for others, not of the meeting.
        met = bool(self.lexicon.met_spokesperson_before.search(before))
        spokesperson = not met and bool(self.lexicon.spokesperson_before.search(before))
        speaker = (not met and bool(self.lexicon.speaker_before.search(before))) or bool(
            self.lexicon.speech_verbs.match(text, party.end, min(end, party.end + 20))
        )
        proposer = bool(self.lexicon.proposer_before.search(text[max(start, party.start - 40):party.start]))
        topic = bool(self.lexicon.topic_before.search(text[max(start, party.start - 40):party.start]))
        return replace(party, speaker=speaker, spokesperson=spokesperson, proposer=proposer, topic=topic)

    def persons_before(self, position: int) -> list[Party]:
        """Persons named in the article before `position` (not as speakers), in text order."""
        persons: list[Party] = []
        for sentence in self.doc.sentences:
            if sentence.start >= position:
                break
            persons.extend(p for p in self.parties(sentence) if p.type == "person" and not p.speaker and p.start < position)
        return persons

    def country_of(self, name: str) -> str | None:
        entity = self.gazetteer.entities.get(name)
        return entity.country if entity is not None else None
