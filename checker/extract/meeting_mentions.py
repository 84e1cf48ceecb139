"""Meeting mentions: the words that name a meeting in a sentence, the clause each stands in, and
what the extractor keeps of one article while it reads it (its parties, the meetings so far).

A meeting mention is a meeting noun ("Gipfeltreffen", "Videogipfel", "Klimagipfel") or verb
("telefonieren", "sich treffen"); a mode cue with a meeting noun in it ("per Videoschaltung")
is one too when its clause has no other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from checker.document import Document, Sentence
from checker.extract.gazetteer import PLACE_TYPES
from checker.extract.meeting_lexicon import BRACKETED_ASIDE, MeetingLexicon, folded_text, meeting_lexicon
from checker.extract.parties import ArticleParties, Party
from checker.schema import Claim

# A date in a sentence ending longer than this before publication makes its roles name that time's holders.
PAST_ROLE_GAP = timedelta(days=365)

CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"«»„“”]|\s[-–—]\s")
# An aside in brackets right after a capitalised word: "Friedrich Merz (CDU)".
_NAME_ASIDE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w'’-]*(?P<aside>" + BRACKETED_ASIDE + ")")
# A name in commas after a noun, the clause going on after it: "die Leiterin der Datenschutzbehörde,
# Andrea Jelinek, haben …", or ending the sentence: "traf den Chef der Autobahn GmbH, Michael Güntner."
# (`_NOUN_BEFORE` checks the noun).
_NAME_APPOSITION = re.compile(r"(?<=[\w-]),\s+[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+){1,2}(?:,(?=\s+[a-zäöüß])|(?=[.!?]))")
# The blanks after a comma, up to the word that follows it.
_BLANKS = re.compile(r"\s*")
# A noun after an article (and an adjective), right before an apposition: "der Datenschutzbehörde", "des
# Verbands", a body's name of two words "der Autobahn GmbH"; not a name ("Herr Hengsbach, Herr Homann, wir
# danken …" addresses two people).
_NOUN_BEFORE = re.compile(
    r"(?<![\w-])(?:[dD](?:er|ie|as|en|em|es)|[eE]ine?[mnrs]?)\s+(?:[a-zäöüß][\w-]*\s+)?[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?$"
)
# How far after a comma the next name of a list may start.
ENUMERATION_REACH = 50


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    mode: str
    weak: bool
    noun: bool
    prefix_end: int  # end of a hyphenated first part ("Putin-" in "Putin-Gespräch"), else start
    session: bool = False  # "Sitzung", "tagte": the meeting of the one body in its clause
    summit: bool = False  # "Gipfel", "G7-Gipfel": a summit, which many may attend


@dataclass
class Mention:
    trigger: Trigger
    clause: tuple[int, int]
    participants: list[str] = field(default_factory=list)
    mode: str = "unspecified"
    status: str | None = None
    place: str | None = None
    date_claim: Claim | None = None
    source: str | None = None
    backdrop: bool = False  # "Beim G20-Gipfel trafen sich …": another, larger meeting the sentence's happens at


def sentence_clauses(text: str, start: int, end: int, parties: list[Party], lexicon: MeetingLexicon) -> list[tuple[int, int]]:
    """Clause spans of a sentence. A comma between two names that only continues a list ("Merkel,
    dem französischen Präsidenten Macron, …"), or between a name and a group's representatives the list
    goes on after ("mit Verena Hubertz, Vertretern der Länder und mehr als 30 Verbänden"), does not end the clause,
    nor does one before a "sondern" correcting a negation ("fand nicht im Kanzleramt statt, sondern per Video")."""
    filler = lexicon.enumeration_filler
    party_starts = {p.start for p in parties}
    party_ends = {p.end for p in parties}
    # "Friedrich Merz (CDU), Lars Klingbeil (SPD) und …": the bracketed aside belongs to the name before it.
    # So does a comma after it when a name or title follows: "Merz (CDU), Vizekanzler Lars Klingbeil".
    asides = [aside.span("aside") for aside in _NAME_ASIDE.finditer(text, start, end)]
    listed_after = {aside_end for _, aside_end in asides
                    if text.startswith(",", aside_end) and text[(name := filler.match(text, aside_end + 1).end()):name + 1].isupper()}
    # The commas around a name in apposition to a noun do not end the clause either.
    apposed = {comma for apposition in _NAME_APPOSITION.finditer(text, start, end)
               if _NOUN_BEFORE.search(text, max(start, apposition.start() - 60), apposition.start())
               for comma in (apposition.start(), apposition.end() - 1)}
    bounds = [start]
    for match in CLAUSE_BREAK.finditer(text, start, end):
        if any(aside_start <= match.start() < aside_end for aside_start, aside_end in asides) or match.start() in listed_after:
            continue
        if match.start() in apposed:
            continue
        if match.group(0) == "," and (negation := lexicon.verb_negation.search(text, bounds[-1], match.start())) and (
            lexicon.negation_correction.match(text, _BLANKS.match(text, match.end()).end())
        ) and not lexicon.not_negating.match(text, negation.start()) and not any(
            negation.start() < p.start < match.start() and p.type not in PLACE_TYPES for p in parties
        ):
            # "nicht im Kanzleramt, sondern per Video": the correction of a place or a mode goes on with the negated
            # clause; not of a party ("hat sich nicht mit Macron getroffen, sondern mit Starmer telefoniert"), nor
            # "nicht nur …, sondern auch", which adds to what it keeps.
            continue
        if match.group(0) == "," and match.start() in party_ends and (any(
            filler.fullmatch(text, match.end(), position)
            for position in party_starts
            if match.end() <= position <= match.end() + ENUMERATION_REACH
        ) or lexicon.listed_representatives.match(text, match.end(), end)):
            continue
        bounds.append(match.start())
        bounds.append(match.end())
    bounds.append(end)
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2) if bounds[i + 1] > bounds[i]]


def clause_of(clauses: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for clause in clauses:
        if clause[0] <= position < clause[1]:
            return clause
    return clauses[-1] if clauses else (position, position)


class MeetingArticle(ArticleParties):
    """Per-document state: the parties named so far and the meetings found so far."""

    def __init__(self, doc: Document, date_claims: list[Claim]):
        super().__init__(doc)
        self.folded = folded_text(doc.text)  # where `names_meeting` looks for verbs
        self.date_claims = sorted(
            (c for c in date_claims if c.kind == "date" and c.date_start is not None),
            key=lambda c: (c.span_start, c.span_end),
        )
        self.mentions: list[Mention] = []

    def role_day(self, start: int, end: int) -> date:
        """The day whose office holders the roles in `text[start:end]` name: the start of a date there that
        ends more than a year before publication ("Bundeskanzler Schröder traf im Juni 1999 den
        brasilianischen Präsidenten": Cardoso then, not the president of the publication day), else the
        publication day. A role in a sentence about the past names who held the office then."""
        for claim in self.date_claims:
            if start <= claim.span_start < end and claim.date_end is not None and claim.date_end < self.day - PAST_ROLE_GAP:
                return claim.date_start
        return self.day

    def unnamed_spans(self, sentence: Sentence) -> list[tuple[int, int]]:
        """The dates of `sentence`: "Am Montag", "Ende Mai" are no names."""
        return [(c.span_start, c.span_end) for c in self.date_claims
                if sentence.start <= c.span_start < sentence.end]

    def previous_mention(self, before: int, person: str | None = None, mode: str | None = None,
                         sentence: Sentence | None = None, summit: bool = False) -> Mention | None:
        """The meeting named before `before` that a later mention most likely refers to: among those
        with two parties or more, `person` and a compatible `mode`, the one whose parties (or their
        states) the sentence names most, then the closest. For `summit`, among those named by a
        summit word, one body's ("Vor dem G7-Gipfel …") too."""
        named: set[str] = set()
        if sentence is not None:
            for party in self.parties(sentence):
                named.add(party.name)
                if party.country:
                    named.add(party.country)
        best: tuple[int, int, Mention] | None = None
        for position, mention in enumerate(self.mentions):
            if mention.trigger.start >= before or (len(mention.participants) < 2 and not summit):
                continue
            if mention.trigger.summit and self.lexicon.summit_name(self.text[mention.trigger.start:mention.trigger.end]) in mention.participants:
                continue  # one guest's attendance ([Friedrich Merz, KI-Gipfel]): "Der Gipfel beginnt" is the summit's own
            if person is not None and person not in mention.participants:
                continue
            if mode is not None and not modes_compatible(mode, mention.mode):
                continue
            if summit and not mention.trigger.summit:
                continue
            covered = set(mention.participants) | {self.country_of(name) for name in mention.participants}
            score = len(named & covered)
            if best is None or (score, position) >= best[:2]:
                best = (score, position, mention)
        return best[2] if best else None


def modes_compatible(first: str, second: str) -> bool:
    return first == second or "unspecified" in (first, second)


def find_triggers(article: MeetingArticle, sentence: Sentence, clauses: list[tuple[int, int]]) -> list[Trigger]:
    text = article.text
    lexicon = article.lexicon
    start, end = sentence.start, sentence.end
    found: list[Trigger] = []
    mode_cue_spans = [(m.start(), m.end()) for m in lexicon.mode_cues.finditer(text, start, end)]
    for match in lexicon.nouns.finditer(text, start, end):
        noun_start = match.start("noun")
        if any(s <= noun_start < e for s, e in mode_cue_spans):
            continue
        window = (max(start, match.start() - 20), min(end, match.end() + 60))
        if any(_covers(pattern, text, window, noun_start) for pattern in lexicon.not_meeting):
            continue
        if match.group("noun").lower() in lexicon.hosted and not _has_host(article, sentence, match.end()):
            continue
        mode = _noun_mode(lexicon, match)
        found.append(Trigger(match.start(), match.end(), mode, False, True, match.end("prefix"),
                             lexicon.is_session_noun(match), lexicon.is_summit_noun(match)))
    for match in lexicon.verbs.finditer(text, start, end):
        if any(t.start <= match.start() < t.end for t in found):
            continue  # "Treffen" is the noun
        surface = " ".join(match.group(0).lower().split())
        mode, reflexive, weak = lexicon.verb_info.get(surface, ("unspecified", False, False))
        if weak and lexicon.weak_not_followed.match(text, match.end(), end):
            continue
        trigger = Trigger(match.start(), match.end(), mode, weak, False, match.start(), surface in lexicon.sessions)
        if reflexive and not _reflexive_ok(article, sentence, clauses, trigger):
            continue
        found.append(trigger)
    # "kamen am Mittwoch in Paris zusammen": the finite verb of a split separable verb.
    if lexicon.separable_particle.search(text, start, end):
        for match in lexicon.separable_verbs.finditer(text, start, end):
            verb_start, verb_end = match.span("verb")
            if any(match.start() <= t.start < match.end() for t in found):
                continue  # "kommt am Dienstag zu einer Sitzung zusammen": the noun names the meeting
            mode = lexicon.separable_modes[match.group("verb").lower()]
            found.append(Trigger(verb_start, verb_end, mode, False, False, verb_start))
    # "hatten sich per Videoschaltung ausgetauscht" without a meeting verb we know: the cue is the mention.
    for cue_start, cue_end in mode_cue_spans:
        noun = lexicon.nouns.search(text, cue_start, cue_end)
        if noun is None:
            continue
        clause = clause_of(clauses, cue_start)
        if any(clause[0] <= t.start < clause[1] for t in found):
            continue
        mode = _noun_mode(lexicon, noun)
        found.append(Trigger(noun.start(), noun.end(), mode, False, True, noun.start()))
    found.sort(key=lambda t: (t.start, t.end))
    return [t for position, t in enumerate(found) if not _venue_of(article, found[position - 1] if position else None, t)]


def _venue_of(article: MeetingArticle, meeting: Trigger | None, trigger: Trigger) -> bool:
    """Whether the summit of `trigger` is where the meeting named by the noun `meeting` right before it
    takes place ("Ein Treffen der beiden Präsidenten beim Gipfel der Apec im November"): its occasion,
    not a second meeting of the same parties; its date and place are the meeting's. Only in the same
    stretch without a comma, and only a venue phrase ("beim", "auf dem"; not "nach dem") between."""
    if meeting is None or not (meeting.noun and trigger.noun and trigger.summit) or meeting.summit:
        return False
    between = article.text[meeting.end:trigger.start]
    if len(between) > 60 or any(mark in between for mark in ",;:.()"):
        return False
    return bool(article.lexicon.venue_setting.search(article.text, meeting.end, trigger.start))


def _has_host(article: MeetingArticle, sentence: Sentence, end: int) -> bool:
    """"Reise zu Macron", "Reise nach Paris zum französischen Präsidenten Macron": a person right
    after a host preposition follows the noun ending at `end`."""
    link = article.lexicon.host_link
    return any(
        person.type == "person" and end < person.start <= end + 60 and link.fullmatch(article.text, end, person.start)
        for person in article.parties(sentence)
    )


def _noun_mode(lexicon: MeetingLexicon, match: re.Match) -> str:
    if match.group("head"):
        return lexicon.head_modes.get(match.group("head").lower(), "unspecified")
    return lexicon.noun_modes.get(match.group("noun").lower(), "unspecified")


def _covers(pattern: re.Pattern, text: str, window: tuple[int, int], position: int) -> bool:
    return any(m.start() <= position < m.end() for m in pattern.finditer(text, window[0], window[1]))


def _reflexive_ok(article: MeetingArticle, sentence: Sentence, clauses, trigger: Trigger) -> bool:
    """"sich treffen", "X trifft Y" or two people in the clause make a meeting; "eine Entscheidung
    getroffen" does not."""
    clause = clause_of(clauses, trigger.start)
    if article.lexicon.reflexive_not_with.search(article.text, clause[0], clause[1]):
        return False
    if visited_place(article, sentence, clause, trigger) is not None:
        return True  # "Obama will Frankreich besuchen"
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


def visited_place(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], trigger: Trigger) -> Party | None:
    """The city or country a visit word names as visited: the object of the verb ("besuchte am Montag
    China", "Frankreich besuchen") or a place right after the noun ("Besuch in Moskau", "Besuch von
    Merkel in China", "Russland-Besuch", "zu einem Besuch nach China"). None for other meeting words and for anything
    else visited ("besuchte die Schule in Berlin", "der Besuch der Ausstellung in Bozen", "besuchte Bayern")."""
    lexicon = article.lexicon
    text = article.text
    if not lexicon.visit.search(text, trigger.prefix_end, trigger.end):
        return None
    parties = article.parties(sentence)
    people = [p for p in parties if p.type == "person"]
    for party in parties:
        if party.type not in ("city", "country") or party.adjective or not (clause[0] <= party.start < clause[1]):
            continue
        if trigger.start <= party.start < trigger.prefix_end:
            return party  # "Russland-Besuch"
        if text[party.end:party.end + 1] == "-":
            continue  # "Russland-Besuch" is the noun's prefix, "China-Politik" no place
        placed = lexicon.place_preposition(text, clause[0], party.start)
        if trigger.noun:
            if party.start < trigger.end or party.start - trigger.end > 40 or not placed:
                continue
            gap = text[trigger.end:placed.start()]
            for person in people:
                if trigger.end <= person.start and person.end <= placed.start():
                    gap = gap.replace(text[person.start:person.end], "")
            if any(word[:1].isupper() and not lexicon.title_words.fullmatch(word) for word in gap.split()):
                continue  # another noun between: "Besuch der Ausstellung in Bozen"
            return party
        if placed:
            continue  # "besuchte Schulen in China"
        gap = text[trigger.end:party.start] if party.start >= trigger.end else text[party.end:trigger.start]
        if party.start >= trigger.end and len(gap) <= 30 and not lexicon.visit_gap_block.search(gap) and "," not in gap:
            return party
        if party.end <= trigger.start and not gap.strip():
            return party
    return None


def is_definite(text: str, trigger: Trigger, floor: int) -> bool:
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
