"""The parties of a meeting mention, from its clause, its sentence and the article before it.

Participants are people or, when no person is named, states and bodies; counterparts ("sein
russischer Amtskollege") and group references ("die beiden Staatschefs") are resolved from context.
"""

from __future__ import annotations

from checker.document import Sentence
from checker.extract.dates_context import ZU_INFINITIVE
from checker.extract.meeting_lexicon import MeetingLexicon
from checker.extract.meeting_mentions import MeetingArticle, Trigger, is_definite, visited_place
from checker.extract.parties import Party

# Parties that are no person: states, bodies, the cities standing for them and armed groups ("Israel und die Hamas").
STATE_TYPES = ("country", "organisation", "city", "group")


def meeting_participants(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], trigger: Trigger,
                         others: list[Trigger], governing: tuple[int, int] | None = None) -> list[str]:
    """The sorted canonical parties of the meeting at `trigger`, or [] when they cannot be told.

    Tried in this order, the first that names the parties wins: a "zwischen A und B" phrase; a
    person in the compound ("Putin-Gespräch") or after "mit" of a definite noun ("das Gespräch mit
    Putin"), meaning the meeting named before; two or more people in the clause (a proposer left
    out); group words ("die beiden Staatschefs"); a counterpart ("sein russischer Amtskollege");
    two states joined by "und"; a body in the compound ("EU-Gipfel"); for one named person, the
    other party (`_second_party`); for none, the meeting a definite or "weiteres" noun refers to.
    A weak verb ("sprechen") never takes its parties from context alone. `governing` is the clause that
    governs a meeting verb's zu-infinitive clause, where its parties and group words stand ("Beide vereinbarten,
    sich … zu treffen", "Müller und die Landräte haben vereinbart, sich … auszutauschen").
    """
    lexicon = article.lexicon
    text = article.text
    if trigger.summit and lexicon.participation.search(text, clause[0], clause[1]):
        return _attendance(article, sentence, clause, trigger)
    # Speakers are told apart by the cues next to their names (meetings.yaml), not by the
    # attribution stage's speaker phrase: "sprechen" is a verb of saying there and a meeting here.
    parties = [p for p in article.parties(sentence) if not p.speaker and not p.topic]
    # "nach dem Putin-Gespräch": Putin belongs to that other meeting word.
    parties = [p for p in parties if not any(t.start <= p.start < t.prefix_end for t in others if t != trigger)]
    # "Schnieder und Vertreter der Binnenschifffahrt haben vereinbart, sich … zu treffen": who meets in a
    # zu-infinitive clause is named in the clause governing it.
    naming = (min(clause[0], governing[0]), clause[1]) if governing is not None else clause
    in_clause = [p for p in parties if naming[0] <= p.start < naming[1]]

    # "Gespräche zwischen Russland und der Nato": exactly the parties of the zwischen phrase.
    for between in lexicon.between.finditer(text, clause[0], clause[1]):
        if between.start() < trigger.start - 80:
            continue
        span_end = _phrase_end(lexicon, text, between.end(), clause[1])
        # "zwischen Verdi und der VKA in Potsdam": where they meet is none of them.
        named = [p for p in in_clause if between.end() <= p.start < span_end and not p.adjective
                 and not lexicon.place_preposition(text, between.end(), p.start)]
        sides = _people_or_states(named)
        if sides:
            return sides

    # "Das Treffen von Scholz, Macron und Meloni", "ein Treffen von Putin und Selenskyj, das Erdoğan
    # angekündigt hat": the list after the noun is all its parties; who announces it is none. So is
    # the list after "mit" right after it ("von Papst Franziskus mit Bischof Georg Bätzing und …").
    link = lexicon.noun_parties.match(text, trigger.end, clause[1]) if trigger.noun else None
    if link is not None:
        listed = _listed(lexicon, text, link.end(), in_clause)
        companion = lexicon.companion.match(text, listed[-1].end, clause[1]) if listed else None
        if companion is not None:
            listed += _listed(lexicon, text, companion.end(), in_clause)
        sides = _people_or_states(listed)
        if sides:
            return sides

    collective = _collective_sides(article, sentence, naming, in_clause)
    if collective:
        return collective

    # A prefix names a party: "Putin-Gespräch", "EU-Gipfel"; the other party is the one met before.
    prefix = [p for p in parties if trigger.start <= p.start < trigger.prefix_end]
    bodies = _names(p for p in prefix if p.type == "organisation")
    genitive_bodies: list[str] = []
    genitive = None
    if trigger.noun and not bodies:
        genitive = lexicon.genitive_body.match(text, trigger.end, clause[1])
        if genitive is not None:
            genitive_bodies = _names(p for p in in_clause if p.start == genitive.end() and p.type == "organisation" and not p.adjective)
    if (bodies or genitive_bodies) and _times_the_sentence(article, sentence, trigger):
        return bodies or genitive_bodies  # "Kurz vor dem EU-Gipfel hat Merkel mit Obama telefoniert"
    prefix_people = _names(p for p in prefix if p.type == "person")
    if len(prefix_people) == 1:
        previous = article.previous_mention(trigger.start, person=prefix_people[0], sentence=sentence)
        if previous is not None:
            return sorted(set(previous.participants))
    # "über das Gespräch mit Putin": a meeting named before, whoever else the clause names.
    companion = lexicon.companion.match(text, trigger.end, clause[1]) if trigger.noun else None
    if companion and is_definite(text, trigger, sentence.start):
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
    if not names and not trigger.weak and not trigger.summit and not bodies and not genitive_bodies:
        # "…, sich persönlich zu treffen oder zu telefonieren": the parties are the sentence's;
        # "Um beim Nato-Gipfel Erfolg zu haben, hat Obama …" names NATO's summit. Not for a summit
        # ("Merz traf Trump, bevor der Gipfel begann"): those two are not all it has.
        sentence_people = _names(p for p in parties if p.type == "person" and not p.proposer)
        if len(sentence_people) >= 2:
            names = sentence_people
    if len(names) >= 2:
        return sorted({*names, *_subject_of_companions(article, sentence, clause, people, names)})
    # "Šefčovič und Lutnick hatten sich getroffen", "Die Minister trafen sich miteinander": the clause names
    # people of its own that we cannot tell; the meeting named before is not theirs.
    own_people = article.names_unknown_pair(sentence, clause[0], clause[1])
    if len(names) <= 1 and not bodies and not genitive_bodies:
        # "Die Nato-Verteidigungsminister treffen sich", "Die EU-Außenminister beraten mit Blinken": the body meets.
        members = _member_bodies(lexicon, text, in_clause)
        if len(members) == 1 and _may_meet(article, members[0], names):
            return sorted({*members, *names})
        if not names and lexicon.member_anaphora.search(text, clause[0], clause[1]):
            # "Die Minister sollen nun am 19. Februar zusammenkommen": the body met before; people met
            # before are no ministers of it.
            previous = _previous_body_meeting(article, trigger.start)
            if previous is not None:
                return previous
            own_people = True
    if not names and not bodies and not genitive_bodies and not trigger.weak:
        # "Die G7 treffen sich im Juni in Italien", "Die G7-Staaten hatten auf ihrem Gipfel … zugesagt": a summit
        # format's heads meet as the body; where it is named as a place ("in der EU") it is not who meets.
        summit_bodies = _names(p for p in in_clause if p.name in lexicon.summit_bodies and not p.adjective
                               and not lexicon.place_preposition(text, clause[0], p.start))
        if len(summit_bodies) == 1:
            return summit_bodies
    if trigger.session and not names and not bodies and not genitive_bodies:
        # "Der Gemeinderat von Meran kommt zu einer Sitzung zusammen", "Der Landtag tagte": the one body of the clause.
        sitting = _names(p for p in in_clause if p.type == "organisation" and not p.adjective)
        if len(sitting) == 1:
            return sitting

    # "Die beiden vereinbarten, sich im Juli zu treffen": the subject of a zu-infinitive is that of the clause governing it.
    group = lexicon.group_anaphora.search(text, governing[0] if governing else clause[0], clause[1])
    if group and not own_people:
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
        # "Das BSW hat die Sondierungsgespräche mit CDU und SPD abgebrochen": the one body before the
        # meeting word whose talks "mit" the listed ones they are is a party too.
        companion = lexicon.companion.match(text, trigger.end, clause[1])
        if companion is not None and any(p.start == companion.end() for p in in_clause if p.name in states):
            subjects = _names(p for p in in_clause if p.type in STATE_TYPES and not p.adjective and p.end <= trigger.start
                              and text[p.end:p.end + 1] != "-" and not lexicon.place_preposition(text, clause[0], p.start))
            if len(subjects) == 1:
                return sorted({*states, *subjects})
        return states
    if len(names) == 1 and len(states) >= 2 and not trigger.weak:
        # "Kretschmer lädt BSW und SPD zu Sondierungsgesprächen ein": who invites bodies to talks and the bodies.
        return sorted({names[0], *states})

    if not bodies and not names:
        bodies = genitive_bodies
    if bodies and len(names) < 2:
        return bodies  # "zum EU-Gipfel", "der Nato-Gipfel": a meeting of that body
    if len(names) == 1:
        # "Merkel besuchte China": the visitor and the state visited (its city stands for no office here).
        # A person of that state the sentence names is the host ("… Staatsbesuch in Moskau, wo er Putin treffen will").
        host = visited_state(article, sentence, clause, trigger, names[0])
        if host:
            leader = next((p.name for p in parties if p.type == "person" and not p.proposer and p.name != names[0]
                           and p.country == host), None)
            return sorted({names[0], leader or host})
        return _second_party(article, sentence, clause, trigger, names[0], parties, in_clause, own_people)

    if trigger.weak:
        return []
    if (trigger.session or trigger.summit) and genitive is not None and text[genitive.end():genitive.end() + 1].isupper():
        # "Die Sitzung des Ausschusses wurde abgesagt", "Der Gipfel der Andengemeinschaft endete": a body we
        # do not know, not the people met before.
        return []
    if own_people:
        return []
    # "Das Treffen", not "sich am Montag getroffen": a verb refers to no meeting named before.
    if trigger.noun and is_definite(text, trigger, sentence.start):
        # "Vor dem G7-Gipfel will Merz mit Trump zusammenkommen. … Der Gipfel beginnt am Sonntag": a bare
        # summit word refers back to the summit named before, not to the meeting of two of its guests; with
        # none named ("Trump und Putin trafen sich. Der Gipfel endete ohne Einigung"), to that meeting.
        # "beim Erdgipfel", "der G20-Gipfel" name a summit of their own.
        bare = trigger.prefix_end == trigger.start and text[trigger.start:trigger.end].lower() in lexicon.noun_modes
        if trigger.summit and not bare:
            return []  # "Der Mercosur-Gipfel endete", "beim Klimagipfel": a summit of its own, whose parties we do not know
        previous = article.previous_mention(trigger.start, mode=trigger.mode, sentence=sentence, summit=True) if trigger.summit and bare else None
        previous = previous or article.previous_mention(trigger.start, mode=trigger.mode, sentence=sentence)
        if previous is not None:
            return sorted(set(previous.participants))
    if lexicon.continuation.search(text, max(sentence.start, trigger.start - 30), trigger.start):
        # "Ein weiteres Telefonat sei vereinbart worden": the next meeting of the same parties.
        previous = article.previous_mention(trigger.start, sentence=sentence)
        if previous is not None and not _new_companion(article, sentence, clause, trigger, previous.participants):
            return sorted(set(previous.participants))
    return []


def _attendance(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], trigger: Trigger) -> list[str]:
    """The parties of one person's attendance at a summit named in the clause: that person and the summit as
    named ("Merz hat seine Teilnahme am KI-Gipfel abgesagt" -> [Friedrich Merz, KI-Gipfel]), so that his
    acceptance, withdrawal and presence are one event's steps, apart from the summit's own (one guest's
    withdrawal calls no summit off). None for several guests ("Am G7-Gipfel nehmen auch Modi und Selenskyj
    teil": they do not meet each other) or a summit not told from others by its name ("am Gipfel")."""
    text = article.text
    surface = text[trigger.start:trigger.end]
    if trigger.prefix_end == trigger.start and surface.lower() in article.lexicon.noun_modes:
        return []
    guests = _names(p for p in article.parties(sentence) if clause[0] <= p.start < clause[1] and p.type == "person"
                    and not p.speaker and not p.topic and not trigger.start <= p.start < trigger.end)
    return sorted({guests[0], article.lexicon.summit_name(surface)}) if len(guests) == 1 else []


def _new_companion(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], trigger: Trigger,
                   participants: list[str]) -> bool:
    """Whether the meeting noun names who it is with ("Ein weiteres Treffen mit dem Deutschen Bauernverband"), and
    that is none of `participants`: a further meeting with someone else, not the next one of the same parties.
    "Ein weiteres Treffen mit Macron" after Scholz met Macron is theirs."""
    text = article.text
    companion = article.lexicon.companion.match(text, trigger.end, clause[1])
    if companion is None or not text[companion.end():companion.end() + 1].isupper():
        return False
    return not any(p.start == companion.end() and p.name in participants for p in article.parties(sentence))


def _collective_sides(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], in_clause: list[Party]) -> list[str]:
    """The sides of a meeting whose clause names a group as one ("Bund und Länder", "mit den Ministerpräsidenten",
    "die Sozialpartner": meetings.yaml `collective_parties`) and at most one person, or [] when it names none.
    A person whose office stands for a party of any group is that party ("Scholz trifft sich mit den
    Ministerpräsidenten" -> [Bundesregierung, Länder]), so every phrasing of one meeting gives one event."""
    lexicon = article.lexicon
    sides: set[str] = set()
    for match in lexicon.collective.finditer(article.text, clause[0], clause[1]):
        if any(p.type == "country" and not p.adjective and (
                not article.text[match.end():p.start].strip() or lexicon.noun_parties.fullmatch(article.text, match.end(), p.start))
               for p in in_clause):
            continue  # "die Ministerpräsidenten Polens", "… von Polen und Tschechien" are no German Länder
        sides.update(lexicon.collective_parties[" ".join(match.group().split())])
    # "Ein Treffen von Merz mit den Ministerpräsidenten": who proposes a meeting with the group is its other side.
    people = _names(p for p in in_clause if p.type == "person")
    if sides and not people:
        people = _reflexive_infinitive_subject(article, sentence, clause)
    if not sides or len(people) > 1 or (not people and sides & lexicon.local_groups):
        return []
    for person in people:
        office = next((body for body in sorted(lexicon.collective_bodies) for role in lexicon.stands_for.get(body, ())
                       if role.holder_on(article.day) == person), None)
        sides.add(office or person)
    return sorted(sides)


def _reflexive_infinitive_subject(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int]) -> list[str]:
    """The person who meets in a clause "sich … zu treffen" after the verb whose subject they are: "Dobrindt
    kündigte an, sich am Mittwoch mit den Innenministern der Länder auszutauschen" -> [Alexander Dobrindt]
    (a speaker too, as "ankündigen" is a verb of saying; no spokesperson, who speaks for others)."""
    text = article.text
    opening = text[clause[0]:clause[1]].lstrip()
    if not article.lexicon.reflexive.match(opening) or not ZU_INFINITIVE.search(text, clause[0], clause[1]):
        return []
    subjects = [p for p in article.parties(sentence) if p.type == "person" and not p.spokesperson and p.start < clause[0]]
    return [subjects[0].name] if subjects else []


def _member_bodies(lexicon: MeetingLexicon, text: str, in_clause: list[Party]) -> list[str]:
    """The bodies whose members the clause names as a group: "Nato-Verteidigungsminister",
    "die Außenminister der EU", "die Verteidigungsminister der Nato-Staaten"."""
    return _names(
        p for p in in_clause
        if p.type == "organisation" and not p.adjective
        and (lexicon.member_after.match(text, p.end) or lexicon.member_before.search(text, max(0, p.start - 60), p.start))
    )


def _may_meet(article: MeetingArticle, body: str, names: list[str]) -> bool:
    """Whether `body` is a party of a meeting with the people `names`: a body the gazetteer knows always;
    one it does not ("Vertreter des AStA", "mit Vertretern der Bürgerinitiative") only beside a person named
    in full, as such bodies and "Bürgermeister Müller" are found in every town."""
    return body in article.gazetteer.entities or any(" " in name for name in names)


def _previous_body_meeting(article: MeetingArticle, before: int) -> list[str] | None:
    """The parties of the last meeting before `before` whose one party is a body."""
    for mention in reversed(article.mentions):
        if mention.trigger.start >= before:
            continue
        if len(mention.participants) == 1:
            entity = article.gazetteer.entities.get(mention.participants[0])
            if entity is not None and entity.type == "organisation":
                return list(mention.participants)
        return None
    return None


def visited_state(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], trigger: Trigger,
                  visitor: str) -> str | None:
    """The host of `visitor`'s visit: the state of the city or country visited, unless it is the visitor's own."""
    place = visited_place(article, sentence, clause, trigger)
    if place is None:
        return None
    host = place.name if place.type == "country" else place.country
    if host is None or host == article.country_of(visitor):
        return None  # a chancellor in Dresden meets no other state
    return host


def _times_the_sentence(article: MeetingArticle, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a meeting noun only says when the sentence's event happens: "kurz vor dem EU-Gipfel",
    "nach dem Gipfel der EU", "kurz vor Ende des EU-Gipfels"."""
    if not trigger.noun:
        return False
    lexicon = article.lexicon
    start = max(sentence.start, trigger.start - 60)
    return any(pattern.search(article.text, start, trigger.start)
               for pattern in (lexicon.before_setting, lexicon.after_setting, lexicon.edge_setting))


def _second_party(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], trigger: Trigger, named: str,
                  parties: list[Party], in_clause: list[Party], own_people: bool) -> list[str]:
    """Both parties of a meeting whose clause names one person: the other from a subject pronoun,
    an institution standing for its head, the meeting named before (not when the clause names an
    unknown person with `named`: `own_people`), the sentence, its speaker, or the one body of the clause."""
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
        if lexicon.place_preposition(text, sentence.start, party.start):
            continue  # "in Berlin" is where, not who
        for role in lexicon.stands_for.get(party.name, ()):
            holder = role.holder_on(article.day)
            if holder and holder != named:
                return sorted({named, holder})
    previous = None if own_people else article.previous_mention(trigger.start, person=named, sentence=sentence)
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
    # "Die IG Metall soll mit Vorstandschef Thomas Berger zusammenkommen", "Berger trifft sich mit der IG Metall":
    # the one body of the clause joined to the person by "mit"; not one that leads talks of others
    # ("Verhandlungen unter Führung der OSZE"), a word's first part ("SPD-Chef") or a state's adjective.
    person = next((p for p in in_clause if p.name == named), None)
    bodies = [] if person is None else _names(
        p for p in in_clause if p.type == "organisation" and not p.adjective and text[p.end:p.end + 1] != "-"
        and _may_meet(article, p.name, [named])
        and lexicon.companion_between.search(text, min(p.end, person.end), max(p.start, person.start)))
    if len(bodies) == 1:
        return sorted({named, bodies[0]})
    return []


def _pronoun_subjects(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], names: list[str]) -> list[str]:
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



def _subject_of_companions(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], people: list[Party],
                           names: list[str]) -> list[str]:
    """The person a subject pronoun stands for where everyone the clause names is met "mit" after it: "Er will
    sich am Mittwoch mit Söder und Klingbeil treffen" -> the person "er" is (`_pronoun_subjects`); [] else."""
    if not people:
        return []
    text = article.text
    first = min(p.start for p in people)
    companions = list(article.lexicon.companion_between.finditer(text, clause[0], first))
    if not companions or not article.lexicon.speaker_pronoun.search(text, clause[0], companions[-1].start()):
        return []
    return _pronoun_subjects(article, sentence, clause, names)


def _people_or_states(named: list[Party]) -> list[str] | None:
    """The parties of a phrase that names them all ("zwischen …", "das Treffen von …"): two or more
    people, or, when it names no person, two or more states or bodies."""
    people = _names(p for p in named if p.type == "person")
    if len(people) >= 2:
        return people
    states = _names(p for p in named if p.type in STATE_TYPES)
    if len(states) >= 2 and not people:
        return states
    return None

def _names(parties) -> list[str]:
    return sorted({p.name for p in parties})


def _last_two(persons: list[Party]) -> list[str]:
    names: list[str] = []
    for party in reversed(persons):
        if party.name not in names:
            names.append(party.name)
        if len(names) == 2:
            break
    return sorted(names)


def _phrase_end(lexicon: MeetingLexicon, text: str, start: int, limit: int) -> int:
    """End of a "zwischen A und B" phrase: the noun phrase after "und" plus what may belong to it."""
    conjunct = lexicon.conjunct.search(text, start, limit)
    if conjunct is None:
        return limit
    return min(limit, conjunct.end() + 60)


def _coordinated_states(lexicon: MeetingLexicon, in_clause: list[Party], text: str) -> list[str]:
    """"Vertreter der USA und Russlands", "Russland und die Ukraine", "CDU, BSW und SPD": the first
    bodies listed together, all of them."""
    # "in Paris und Berlin" says where, not who.
    states = [p for p in in_clause if p.type in STATE_TYPES and not p.adjective
              and not lexicon.place_preposition(text, 0, p.start)]
    for first in states:
        listed = _listed(lexicon, text, first.start, states)
        names = _names(listed)
        if len(names) >= 2 and any(lexicon.coordination.fullmatch(text, a.end, b.start) for a, b in zip(listed, listed[1:])):
            return names
    return []


def _listed(lexicon: MeetingLexicon, text: str, start: int, parties: list[Party]) -> list[Party]:
    """The parties listed from `start` on: the first right there (an article, adjectives or a title
    before it), then each one after a comma or "und" ("Bundeskanzler Merz (CDU), CSU-Chef Söder und
    die SPD-Vorsitzende Bas"). A word's first part ("SPD-" in "SPD-Vorsitzende") names no one here."""
    listed: list[Party] = []
    for party in parties:
        if party.start < start or party.adjective or text[party.end:party.end + 1] == "-":
            continue
        if listed and party.start < listed[-1].end:
            continue
        gap = lexicon.enumeration_filler if not listed else lexicon.list_gap
        if not gap.fullmatch(text, listed[-1].end if listed else start, party.start):
            break
        listed.append(party)
    return listed


def _counterpart(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], names: list[str]) -> str | None:
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
