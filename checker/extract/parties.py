"""Who is named where in an article: people and bodies from the gazetteer, role words resolved
with the publication date (`roles.yaml`: "US-Präsident" in 2021 is Joe Biden) and people after a
title the gazetteer lacks ("Papst Franziskus"). Each person is marked as speaker, spokesperson,
proposer or topic by the cues next to the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checker.document import Document, Sentence
from checker.extract.gazetteer import EntityMatch, load_gazetteer
from checker.extract.meeting_lexicon import meeting_lexicon

# How far before a name a spokesperson noun or verb of saying makes it the speaker.
SPEAKER_REACH = 40
_NAME_AFTER_ROLE = re.compile(r"\s+([A-ZÄÖÜ][\w'-]+)(?=[\s,.;:]|$)")


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

    def parties(self, sentence: Sentence) -> list[Party]:
        cached = self._parties.get(sentence.index)
        if cached is None:
            cached = self._find_parties(sentence.start, sentence.end)
            self._parties[sentence.index] = cached
        return cached

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
            role = lexicon.roles[int(match.lastgroup[1:])]
            holder = role.holder_on(self.day)
            entity = self.gazetteer.entities.get(holder) if holder else None
            if entity is None or self._named_after(match.end(), end, persons, entity.country):
                continue
            found.append(Party(match.start(), match.end(), entity.name, "person", entity.country))
        found.extend(self._titled_names(start, end, found))
        # A role inside a longer match ("russischen Präsidenten" vs the adjective "russischen") wins.
        found = self._drop_covered(found)
        return [self._mark(party, start, end) for party in found]

    def _titled_names(self, start: int, end: int, known: list[Party]) -> list[Party]:
        """People the gazetteer does not know, named after a title: the name as written is the party."""
        found: list[Party] = []
        for match in self.lexicon.titled_names(self.text, start, end):
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
            found.append(Party(name_start, name_end, name, "person", states[-1] if states else None))
        return found

    def _named_after(self, position: int, end: int, persons: dict[int, Party], country: str | None) -> bool:
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
        spokesperson = bool(self.lexicon.spokesperson_before.search(before))
        speaker = bool(self.lexicon.speaker_before.search(before)) or bool(
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
