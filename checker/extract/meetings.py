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

All German words live in `lexicons/de/meetings.yaml` and `lexicons/de/roles.yaml`, loaded by
`meeting_lexicon`. Who is named where is `parties`; the meeting words, their clauses and the
meetings of the article so far are `meeting_mentions`; a mention's parties are `participants`.
This module links mode, place, date, status and source and makes the claims.
Which mentions are the same meeting across articles is decided later (`checker.extract.events`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from checker.document import Document, Sentence, clause_end, clause_start
from checker.extract.alternation import matched_key
from checker.extract.attribution import find_attribution, resolve_speaker, speaker_phrase_end
from checker.extract.dates_context import ZU_INFINITIVE
from checker.extract.dates_lexicon import dates_lexicon, fold
from checker.extract.denied_figures import denial_predicate_over
from checker.extract.gazetteer import PLACE_TYPES
from checker.extract.lazy_pattern import LazyPattern
from checker.extract.meeting_mentions import (
    CLAUSE_BREAK,
    MeetingArticle,
    Mention,
    Trigger,
    clause_of,
    find_triggers,
    is_definite,
    modes_compatible,
    sentence_clauses,
)
from checker.extract.participants import meeting_participants, visited_place
from checker.extract.parties import Party
from checker.schema import Claim

# The strongest status a mention's cues give wins: a denial outweighs the plans it denies.
STATUS_RANK = {"planned": 0, "proposed": 1, "agreed": 2, "held": 3, "denied": 4, "cancelled": 5}
# An attributive cue binds to a meeting noun at most this many characters after it.
ATTRIBUTIVE_REACH = 30
# A country as place must stand this close to the meeting word ("Gespräche in Polen"); a city may be anywhere in the clause.
COUNTRY_PLACE_REACH = 40
# A year this close after a topic preposition is the topic's ("über die Klimaziele für 2030").
TOPIC_REACH = 40
# A line ending in one of these is a sentence of the text, not a title.
TITLE_CLOSERS = ".!?:;,\"“”»)"
# Days of a week: a weekday read as the past one is the next one when that is nearer.
WEEK_DAYS = 7


# ---------------------------------------------------------------------------------------------
# Mode, place, date, status


def _mode(article: MeetingArticle, clause: tuple[int, int], trigger: Trigger, triggers: list[Trigger],
          negated: tuple[int, int] | None) -> str:
    """The trigger's own mode if phone or video; else that of the mode cue of its clause nearest to it ("Statt per
    Videokonferenz wollen sie sich nun persönlich treffen" is in person), or its own; none in the `negated`
    words a "sondern" corrects (`_corrected_words`)."""
    mode = trigger.mode
    if mode in ("phone", "video"):
        return mode
    nearest: tuple[int, str] | None = None
    for cue in article.lexicon.mode_cues.finditer(article.text, clause[0], clause[1]):
        if _nearest(triggers, cue.start(), cue.end(), clause) is trigger and not _within(cue.start(), negated):
            cue_mode = article.lexicon.mode_cue_modes[" ".join(matched_key(cue.group(0)).split())]
            distance = _distance(trigger.start, trigger.end, cue.start(), cue.end())
            if cue_mode != "unspecified" and (nearest is None or distance < nearest[0]):
                nearest = (distance, cue_mode)
    return nearest[1] if nearest is not None else mode


def _nearest(triggers: list[Trigger], start: int, end: int, clause: tuple[int, int]) -> Trigger | None:
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


def _place(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], trigger: Trigger,
           triggers: list[Trigger], negated: tuple[int, int] | None) -> str | None:
    """The place of the meeting at `trigger` in its clause; none in the `negated` words a "sondern" corrects
    ("nicht im Kanzleramt, sondern per Video" names where it did not take place)."""
    text = article.text
    best: tuple[int, str] | None = None
    for party in article.parties(sentence):
        if not (clause[0] <= party.start < clause[1]) or party.adjective or _within(party.start, negated):
            continue
        if party.type not in PLACE_TYPES:
            continue
        preposition = article.lexicon.place_preposition(text, clause[0], party.start)
        if not preposition:
            continue
        if text[party.end:party.end + 1] == "-":
            continue  # "nach US-Angaben" names no place
        distance = _distance(trigger.start, trigger.end, party.start, party.end)
        if party.type != "city" and distance > COUNTRY_PLACE_REACH:
            continue
        # "Vor Beginn des G8-Gipfels in Kanada traf Obama …": the place right after a meeting noun is its own.
        attached = next((t for t in triggers if t.noun and _right_after(article, t, party.start)), None)
        owner = attached or _nearest(triggers, party.start, party.end, clause)
        if owner is not trigger:
            continue
        if attached is None and article.lexicon.other_event_place.search(text, max(clause[0], preposition.start() - 80), preposition.start()):
            continue  # "habe es vor der Konferenz in Bremen nicht gegeben": the place of the event before or after which it is
        if party.start > trigger.end and article.lexicon.topic_words.search(text, trigger.end, party.start):
            continue  # "sprachen über die Lage im Gazastreifen" names no place of the meeting
        if best is None or distance < best[0]:
            best = (distance, party.name)
    if best:
        return best[1]
    for match in article.lexicon.seat_of_government.finditer(text, clause[0], clause[1]):
        # "trafen sich am Donnerstag im Kanzleramt": the seat's city.
        if _nearest(triggers, match.start(), match.end(), clause) is trigger and not _within(match.start(), negated):
            return _seat_city(article, sentence, " ".join(match.group(0).lower().split()))
    for match in article.lexicon.third_country.finditer(text, clause[0], clause[1]):
        if _nearest(triggers, match.start(), match.end(), clause) is trigger:
            return article.lexicon.third_country_name
    return None


def _within(position: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= position < span[1]


def _corrected_words(article: MeetingArticle, clause: tuple[int, int]) -> tuple[int, int] | None:
    """The words from a negation to a "sondern" correcting them in the clause (`sentence_clauses` keeps the
    correction in the clause): "hat nicht wie geplant im Kanzleramt, sondern als Videokonferenz stattgefunden",
    "fand nicht im Kanzleramt statt, sondern per Video" name where or how the meeting did not take place."""
    text = article.text
    correction = article.lexicon.negation_correction.search(text, clause[0], clause[1])
    if correction is None:
        return None
    negations = list(article.lexicon.verb_negation.finditer(text, clause[0], correction.start()))
    if not negations or article.lexicon.not_negating.match(text, negations[-1].start()):
        return None  # "nicht nur in Bali, sondern auch in San Francisco": both
    return negations[-1].start(), correction.start()


def _seat_city(article: MeetingArticle, sentence: Sentence, form: str) -> str:
    """The city of the seat of government named by `form`: for one that two states' seats share ("im
    Kanzleramt"), the other state's city when the article up to `sentence` names that state and not
    the first one ("Bundeskanzler Karl Nehammer empfing … im Kanzleramt": Vienna)."""
    city = article.lexicon.seat_cities[form]
    other = article.lexicon.shared_seat_cities.get(form)
    if other is None:
        return city
    named: set[str | None] = set()
    for earlier in article.doc.sentences[: sentence.index + 1]:
        for party in article.parties(earlier):
            named.update((party.country, party.name))
    countries = article.gazetteer.entities
    return other if countries[other].country in named and countries[city].country not in named else city


def _right_after(article: MeetingArticle, trigger: Trigger, position: int) -> bool:
    """Whether only a place preposition (and an article) stands between `trigger` and `position`."""
    gap = article.text[trigger.end:position]
    return gap[:1] == " " and len(gap) <= 12 and bool(article.lexicon.place_before.fullmatch(gap, 1))


def _date(article: MeetingArticle, sentence: Sentence, clauses: list[tuple[int, int]], clause: tuple[int, int],
          trigger: Trigger, triggers: list[Trigger]) -> Claim | None:
    """The closest date claim of the meeting's clause; else one standing alone in a clause of its own
    ("Am Montag, so das Weiße Haus, telefonierte Biden …"), never the date of a saying
    ("Ein Sprecher sagte am Mittwoch, …")."""
    text = article.text
    best: tuple[bool, int, int, Claim] | None = None
    for claim in article.date_claims:
        if claim.span_start < clause[0] or claim.span_end > clause[1]:
            continue
        if _nearest(triggers, claim.span_start, claim.span_end, clause) is not trigger:
            continue
        # "wollen am 15. Oktober über die Gasversorgung im Winter beraten": a date of the topic yields to one
        # of the meeting's own, however near it stands.
        in_topic = bool(article.lexicon.topic_words.search(text, max(clause[0], claim.span_start - TOPIC_REACH), claim.span_start))
        if _topic_year(claim, in_topic) or _speech_act_date(article, sentence, clause, trigger, claim):
            continue
        distance = _distance(trigger.start, trigger.end, claim.span_start, claim.span_end)
        if best is None or (in_topic, distance, claim.span_start) < best[:3]:
            best = (in_topic, distance, claim.span_start, claim)
    if best is not None:
        return best[3]
    relative = _scheduling_relative(article, clauses, clause, trigger, triggers)
    if relative is not None:
        # "Das Treffen, das für Mittwoch geplant war, wurde abgesagt": the date of the relative clause.
        return next((c for c in article.date_claims if relative[0] <= c.span_start and c.span_end <= relative[1]), None)
    if len(triggers) != 1:
        return None
    for claim in article.date_claims:
        if not (sentence.start <= claim.span_start and claim.span_end <= sentence.end):
            continue
        own = clause_of(clauses, claim.span_start)
        if own == clause or article.lexicon.speech_anywhere.search(text, own[0], own[1]):
            continue
        if text[own[0]:own[1]].strip(" ,") == text[claim.span_start:claim.span_end].strip():
            return claim
    return None


def _topic_year(claim: Claim, in_topic: bool) -> bool:
    """A year or longer period in the topic of the talk ("über den Haushalt 2027 beraten", "über die
    Klimaziele für 2030 sprechen") is what is talked about, not when: a topic preposition stands before it
    in its clause (`in_topic`). A day ("über den Anschlag vom Dienstag") is left alone: a talk's day is mostly given so."""
    return in_topic and claim.date_granularity in ("year", "decade", "century")


def _speech_act_date(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], trigger: Trigger,
                     claim: Claim) -> bool:
    """A date before a meeting noun, in a clause with a verb of announcing, agreeing or denying, is the day
    of that act: "Das Weiße Haus kündigte am Freitag ein Telefonat an", "Am Montag vereinbarten beide ein
    Treffen". Not when it is the meeting's by its preposition or attribute ("kündigte für Freitag ein
    Treffen an", "bestätigte das am Freitag geplante Treffen"). After the noun, only a date between a
    meeting named before and the verb closing the clause is the act's ("hatte das Gespräch am Freitag
    angekündigt"); after a new one it is the meeting's ("hat ein Treffen am Freitag angekündigt")."""
    if not trigger.noun:
        return False
    lexicon = article.lexicon
    text = article.text
    if lexicon.schedule_before.search(text, max(clause[0], claim.span_start - 8), claim.span_start):
        return False
    if claim.span_start >= trigger.end:
        if not is_definite(text, trigger, sentence.start) or not re.fullmatch(r"\s+(?:[a-zäöüß]+\s+)?", text[trigger.end:claim.span_start]):
            return False  # only "am" may stand between
        after = text[claim.span_end:clause[1]]
        verb = lexicon.speech_act_verbs.match(text, clause[1] - len(after.lstrip()), clause[1])  # the word after the date
        return verb is not None and all(
            word.lower() in lexicon.speech_act_auxiliaries for word in re.findall(r"[\w-]+", text[verb.end():clause[1]])
        )
    # "am Freitag geplante (deutsch-französische) Treffen": an attribute of the noun right after the date.
    attribute = re.fullmatch(r"\s*([\w-]+)(?:\s+[a-zäöüß][\w-]*)*\s*", text[claim.span_end:trigger.start])
    if attribute is not None and attribute.group(1).lower() in lexicon.speech_act_attributes:
        return True  # "das am Freitag angekündigte Treffen": announced on Friday, held whenever the clause says
    if not lexicon.speech_act_verbs.search(text, clause[0], clause[1]):
        return False
    return attribute is None or attribute.group(1).lower() not in lexicon.attributive


def _ahead(article: MeetingArticle, claim: Claim, status: str) -> Claim:
    """The date of a meeting still to come, on the side of publication its status says: "Biden und Xi
    vereinbarten ein Treffen im November" (published in June) is this November, though the past verb
    of agreeing made it last year's. Only a month or a day of a month named with no year and no word
    placing it ("im vergangenen November"), and only when one year on it is nearer to publication.
    A bare weekday of a meeting agreed or proposed is the next one when nearer ("haben ein Treffen am
    Donnerstag vereinbart" on a Monday); a planned one keeps the tense's reading ("wollte sich am
    Donnerstag treffen" on a Monday is last Thursday)."""
    if claim.date_weekday is not None:
        return _weekday_ahead(article, claim) if status in ("agreed", "proposed") else claim
    if claim.date_start is None or claim.date_end is None or claim.date_timex is None:
        return claim
    published = article.doc.published.start
    if claim.date_end >= published or claim.date_granularity not in ("month", "day"):
        return claim
    lexicon = dates_lexicon()
    words = [fold(word) for word in re.findall(r"[\w']+", article.text[claim.span_start:claim.span_end])]
    if not any(word in lexicon.months for word in words):
        return claim
    if any((word.isdecimal() and len(word) == 4) or word.startswith("'") for word in words):
        return claim  # a year written ("im November 2023", "Nov. '23")
    if any(word.startswith(stem) for word in words for stem in lexicon.relative_shifts):
        return claim
    try:
        start, end = claim.date_start.replace(year=claim.date_start.year + 1), claim.date_end.replace(year=claim.date_end.year + 1)
    except ValueError:  # the 29th of February
        return claim
    if abs((start - published).days) >= abs((claim.date_start - published).days):
        return claim  # "vereinbarten ein Treffen im Mai" in June: last May is nearer than the next one
    timex = str(start.year) + claim.date_timex[4:]
    return replace(claim, date_start=start, date_end=end, date_timex=timex)


def _moved_to(article: MeetingArticle, sentence: Sentence, clauses: list[tuple[int, int]], clause: tuple[int, int],
              trigger: Trigger, triggers: list[Trigger]) -> tuple[str | None, Claim | None, re.Match | None]:
    """How a meeting is moved, the date it is moved to ("wurde auf den 19. Februar verlegt", "auf nächste
    Woche verschoben") if the cue's clause gives one, and the cue: "postponed" ("verschoben", "vertagt": its
    old date no longer holds), "relocated" ("verlegt": to another date or place), or None."""
    lexicon = article.lexicon
    for how, cues in (("postponed", lexicon.postponement), ("relocated", lexicon.relocation)):
        cue = _move_cue(article, cues, sentence, clauses, clause, trigger, triggers)
        if cue is not None:
            break
    else:
        return None, None, None
    text = article.text
    cue_clause = clause_of(clauses, cue.start())
    for claim in article.date_claims:
        if cue_clause[0] <= claim.span_start and claim.span_end <= cue_clause[1] and lexicon.new_date_before.search(
            text, max(cue_clause[0], claim.span_start - 12), claim.span_start
        ):
            return how, claim, cue
    return how, None, cue


def _move_cue(article: MeetingArticle, cues: LazyPattern, sentence: Sentence, clauses: list[tuple[int, int]],
              clause: tuple[int, int], trigger: Trigger, triggers: list[Trigger]) -> re.Match | None:
    """A cue that moves this meeting: in the meeting's clause and nearest to it, or in a clause of no meeting
    word ("Der Gipfel, der am 3. Mai stattfinden sollte, wurde verschoben"); not negated ("wird nicht
    verschoben": the date holds), as a status cue is not."""
    for cue in cues.finditer(article.text, sentence.start, sentence.end):
        if article.lexicon.negations.search(article.text, max(sentence.start, cue.start() - 30), cue.start()):
            continue
        own = clause_of(clauses, cue.start())
        if _nearest(triggers, cue.start(), cue.end(), own) is (trigger if own == clause else None):
            return cue
    return None


def _weekday_ahead(article: MeetingArticle, claim: Claim) -> Claim:
    """A bare weekday ("am Donnerstag", no day of the month) read as the past one, moved to the next one
    when that is nearer to the article's day: the tense it was read by is that of agreeing or putting off."""
    if (claim.date_weekday is not None and claim.date_granularity == "day" and claim.date_start is not None
            and claim.date_start == claim.date_end  # a weekday of a month-dated article stays the month's span
            and not any(ch.isdigit() for ch in article.text[claim.span_start:claim.span_end])
            and (article.day - claim.date_start).days > WEEK_DAYS // 2):
        ahead = claim.date_start + timedelta(days=WEEK_DAYS)
        return replace(claim, date_start=ahead, date_end=ahead, date_timex=ahead.isoformat())
    return claim


def _called_off_date(article: MeetingArticle, mention: Mention, cue: re.Match, old_date: Claim) -> Mention:
    """The meeting at the date it was moved from to a new one: it does not take place then ("Das Treffen am
    Donnerstag wurde auf Februar verschoben" is also no meeting on Thursday), a cancelled claim at the cue.
    Put off with no new date, the meeting gets no such claim: it is still planned, and a postponement read as
    a cancellation of its day would support "Das Treffen am Donnerstag wurde abgesagt". That
    date had not come when the meeting was put off: a bare weekday read as the past one (the tense is the
    postponement's) is the next one when that is nearer to the article's day ("am Donnerstag" on a Monday)."""
    old_date = _weekday_ahead(article, old_date)
    trigger = Trigger(cue.start(), cue.end(), mention.mode, False, False, cue.start())
    called_off = Mention(trigger, mention.clause, list(mention.participants), mention.mode, "cancelled", mention.place, old_date)
    called_off.backdrop = mention.backdrop
    return called_off


def _scheduling_relative(article: MeetingArticle, clauses: list[tuple[int, int]], clause: tuple[int, int],
                         trigger: Trigger, triggers: list[Trigger]) -> tuple[int, int] | None:
    """The relative clause right after the clause of a meeting noun, when it schedules the meeting
    ("…, das für Mittwoch geplant war") and no other meeting word stands between or in it."""
    if not trigger.noun or clause not in clauses:
        return None
    index = clauses.index(clause)
    if index + 1 >= len(clauses):
        return None
    following = clauses[index + 1]
    if article.text[clause[1]:following[0]].strip() != ",":
        return None
    if any(trigger.end <= t.start < following[1] for t in triggers if t is not trigger):
        return None
    if not article.lexicon.scheduling_relative.match(article.text, following[0], following[1]):
        return None
    return following


def _cue_statuses(article: MeetingArticle, sentence: Sentence,
                  triggers: list[Trigger]) -> tuple[dict[Trigger, list[str]], list[tuple[int, int, str]]]:
    """The statuses the cues of a sentence give: those bound to the meeting noun an attributive cue stands
    before ("das geplante Treffen"), by trigger, and the others with their spans in text order. The same
    for every meeting of the sentence, so found once for all of them."""
    lexicon = article.lexicon
    text = article.text
    bound: dict[Trigger, list[str]] = {}
    loose: list[tuple[int, int, str]] = []
    cues = _status_cues(lexicon, text, sentence)
    denied_cancellations, denials_of_reports = _denied_cancellations(article, sentence, cues)
    for cue, surface, negated in cues:
        status = lexicon.status_of_cue.get(surface)
        if status is None:
            continue
        if cue.start() in denied_cancellations:
            status = "planned"  # "dementierte, dass das Treffen abgesagt worden sei": it still takes place
        elif status == "denied" and any(start <= cue.start() < end for start, end in denials_of_reports):
            continue  # the denial is of the report of a cancellation, not of the meeting
        if surface in lexicon.outcome_cues and lexicon.agrees_on_outcome(text, cue.start(), cue.end(), *_clause_around(text, sentence, cue)):
            continue  # "haben verhandelt und sich auf einen Abschluss geeinigt": the talks' result
        negated = negated or _negates_cue(lexicon, text, sentence,
                                          lexicon.negations.search(text, max(sentence.start, cue.start() - 30), cue.start()))
        if surface in lexicon.unconfirmed_when_negated:
            if negated or lexicon.negated_after.match(text, cue.end(), sentence.end):
                status = "proposed"  # "bestätigte das Treffen zunächst nicht": not confirmed, not denied
        elif negated:
            if status in ("denied", "cancelled"):
                continue
            # "fand nicht statt": it was called off; "nicht zugestimmt": it is denied.
            status = "cancelled" if surface in lexicon.negated_cancel else "denied"
        if status == "denied" and lexicon.not_yet.search(text, max(sentence.start, cue.start() - 30), cue.end()):
            status = "proposed"  # "ist noch nicht vereinbart", "noch nicht geplant": still open, no denial
        if surface in lexicon.attributive:
            following = [t for t in triggers if 0 <= t.start - cue.end() <= ATTRIBUTIVE_REACH
                         and re.fullmatch(r"[\s\w-]*", text[cue.end():t.start])]
            if following:
                bound.setdefault(following[0], []).append(status)
                continue
        loose.append((cue.start(), cue.end(), status))
    for cue in lexicon.nonexistence.finditer(text, sentence.start, sentence.end):
        # "Ein Treffen habe es nicht gegeben": denied; "noch nicht gegeben": not yet, still open.
        loose.append((cue.start(), cue.end(), "proposed" if lexicon.not_yet.search(text, cue.start(), cue.end()) else "denied"))
    loose.sort()
    return bound, loose


def _status(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], trigger: Trigger,
            triggers: list[Trigger], cue_statuses: tuple[dict[Trigger, list[str]], list[tuple[int, int, str]]],
            date_claim: Claim | None, antecedent: Mention | None) -> str:
    """The status of the meeting at `trigger`; `cue_statuses` are its sentence's (`_cue_statuses`)."""
    lexicon = article.lexicon
    text = article.text
    bound, loose = cue_statuses
    statuses = list(bound.get(trigger, []))
    unbound = [t for t in triggers if t not in bound] or triggers
    setting = _in_setting(article, sentence, trigger)
    governing = _governing_clause(article, sentence, clause, triggers)
    complement = _complement_governor(article, sentence, clause) if not _told_past(article, trigger) else None
    for start, end, status in loose:
        in_governing = governing is not None and governing[0] <= start < governing[1]
        if setting and status not in ("denied", "cancelled") and not in_governing:
            # "bei ihrem Treffen vereinbarten sie …": agreed at the meeting, not the meeting; but "haben vereinbart,
            # sich in einer Videokonferenz auszutauschen" agrees the meeting its zu-infinitive names.
            continue
        in_clause = clause[0] <= start < clause[1]
        if in_clause:
            owner = _nearest(unbound, start, end, clause) or _nearest(triggers, start, end, clause)
            if owner is trigger and not (status not in ("denied", "cancelled") and _told_past(article, trigger)
                                         and lexicon.coordination.search(text, trigger.end, start)):
                # "trafen sich am Samstag und kündigten ein Projekt an": the second verb speaks of the
                # project; the meeting's own past verb says it took place.
                statuses.append(status)
        elif in_governing:
            statuses.append(status)  # "haben vereinbart, sich am Freitag zu treffen": agreed
        elif complement is not None and complement[0] <= start < complement[1] and status not in ("denied", "cancelled"):
            statuses.append(status)  # "haben vereinbart, dass sich beide am 4. Dezember treffen": agreed
        elif status in ("denied", "cancelled") and not any(
            _same_clause(text, t.start, start) for t in triggers
        ):
            statuses.append(status)  # "Dass sich beide treffen, ist verfrüht."
    if _negated_verb(article, sentence, clause, trigger):
        # "Scholz und Macron werden sich nicht treffen": called off; "haben sich nicht getroffen", "trafen sich
        # nicht": a statement that no meeting took place, denied; "haben sich noch nicht getroffen" is still open.
        not_yet = lexicon.not_yet.search(text, max(clause[0], trigger.start - 40), trigger.start)
        # Told in the past by the verb or its clause ("hat nicht mit Putin telefoniert"): no meeting took place.
        clause_past = lexicon.past.search(text, clause[0], clause[1]) and not lexicon.future.search(text, clause[0], clause[1])
        statuses.append("proposed" if not_yet else "denied" if _told_past(article, trigger) or clause_past else "cancelled")
    if lexicon.hedges.search(text, sentence.start, sentence.end) and not lexicon.open_question.match(text[sentence.start:sentence.end]):
        statuses.append("proposed")  # "Ob sich beide treffen, ist offen."
    if not setting and lexicon.clause_hedges.search(text, clause[0], clause[1]):
        # "Sie wollen sich möglicherweise am Montag treffen"; not "Beim Treffen könnten sie über … sprechen".
        statuses.append("proposed")
    if (set(statuses) == {"planned"} and all(status == "planned" for _, _, status in loose)
            and antecedent is not None and antecedent.status == "proposed"
            and lexicon.proposal_wish.search(text, clause[0], clause[1])):
        return "proposed"  # "Das Treffen solle vor dem Sommer stattfinden, hieß es": the proposal's wish
    if statuses:
        return max(statuses, key=lambda s: STATUS_RANK[s])
    if trigger.noun and lexicon.after_setting.search(text, max(sentence.start, trigger.start - 60), trigger.start):
        return "held"  # "Nach dem Treffen mit Putin sagte Macron …"
    if antecedent is not None:
        # "bei dem Gespräch", "das Treffen": the meeting named before, in the state it was named in;
        # the tense of the sentence belongs to what is said about it.
        return antecedent.status or "planned"
    if trigger.noun and lexicon.before_setting.search(text, max(sentence.start, trigger.start - 60), trigger.start):
        return "planned"  # "Kurz vor dem EU-Gipfel hat Merkel mit Obama telefoniert"
    clause_text = text[clause[0]:clause[1]]
    if lexicon.purpose_clause.fullmatch(clause_text):
        return "planned"  # "Um beim Nato-Gipfel Erfolg zu haben, hat Obama …"
    if governing is not None:
        return "planned"  # "hat angekündigt, am Freitag mit Macron zu telefonieren": the perfect is the announcing
    if lexicon.future.search(clause_text):
        return "planned"
    if lexicon.past.search(clause_text):
        return _held_unless_ahead(article, date_claim)
    sentence_text = text[sentence.start:sentence.end]
    if lexicon.future.search(sentence_text):
        return "planned"
    if lexicon.past.search(sentence_text):
        return _held_unless_ahead(article, date_claim)
    if date_claim is not None and date_claim.date_end is not None and date_claim.date_end < article.doc.published.start:
        return "held"
    return "planned"


def _held_unless_ahead(article: MeetingArticle, date_claim: Claim | None) -> str:
    """Held, as a past in the sentence says, unless the meeting's date lies after publication: the past is
    then that of something else said about it ("Scholz und Macron treffen sich am 12. Mai, hatte ein Sprecher
    gesagt", published on 10 May), and a meeting still to come was never held."""
    if date_claim is not None and date_claim.date_start is not None and date_claim.date_start > article.doc.published.end:
        return "planned"
    return "held"


def _complement_governor(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int]) -> tuple[int, int] | None:
    """The clause right before a meeting's dass-clause told in no past, whose cue (vereinbart, vorgeschlagen)
    says what became of the meeting, as `_governing_clause` finds for a zu-infinitive: "Bund und Länder haben
    vereinbart, dass sich Merz und die Ministerpräsidenten am 4. Dezember treffen". None otherwise
    ("bestätigte, dass sie sich getroffen haben" keeps its own past)."""
    text = article.text
    lexicon = article.lexicon
    if not lexicon.complement_clause.match(text, clause[0]) or lexicon.past.search(text, clause[0], clause[1]):
        return None
    before = text.rfind(",", sentence.start, clause[0])
    if before < sentence.start or text[before:clause[0]].strip(" ,"):
        return None
    return max(text.rfind(",", sentence.start, before) + 1, sentence.start), before


def _denied_cancellations(article: MeetingArticle, sentence: Sentence,
                          cues: list[tuple[re.Match, str, bool]]) -> tuple[set[int], set[tuple[int, int]]]:
    """The cancelling cues a speaker denies, by start, and the spans of the denial predicates denying them:
    a cue in a clause of what is reported ("wies Berichte zurück, wonach das Treffen abgesagt werden solle",
    "dementierte, dass der Gipfel abgesagt worden sei") in the scope of a denial predicate of denied figures
    outside that clause, so that "und" between the parties in it does not end the scope."""
    text = article.text
    starts: set[int] = set()
    predicates: set[tuple[int, int]] = set()
    for cue, surface, negated in cues:
        if negated or article.lexicon.status_of_cue.get(surface) != "cancelled":
            continue
        clause = _clause_around(text, sentence, cue)
        if not article.lexicon.reported_clause.search(text, clause[0], clause[1]):
            continue
        predicate = denial_predicate_over(text, sentence, *clause)
        if predicate is not None and (predicate[1] <= clause[0] or predicate[0] >= clause[1]):
            starts.add(cue.start())
            predicates.add(predicate)
    return starts, predicates


def _told_past(article: MeetingArticle, trigger: Trigger) -> bool:
    """The meeting verb itself is a past form ("trafen", "getroffen", "telefonierte"), in any case."""
    return not trigger.noun and bool(article.lexicon.past.fullmatch(article.text[trigger.start:trigger.end].lower()))


def _governing_clause(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int],
                      triggers: list[Trigger]) -> tuple[int, int] | None:
    """The clause right before a meeting's zu-infinitive clause, whose verb (vereinbart, angekündigt,
    geeinigt) says what became of the meeting: "haben vereinbart, sich am Freitag zu treffen". None when
    the clause ends in no zu-infinitive, in a perfect one ("bestritt, ihn getroffen zu haben"), or when
    a meeting word of its own stands in the clause before."""
    text = article.text
    infinitive = ZU_INFINITIVE.search(text, clause[0], clause[1])
    if infinitive is None or fold(infinitive.group("verb") or "") in dates_lexicon().context["perfect_auxiliaries"]:
        return None
    before = text.rfind(",", sentence.start, clause[0])
    if before < sentence.start or text[before:clause[0]].strip(" ,"):
        return None
    start = max(text.rfind(",", sentence.start, before) + 1, sentence.start)
    if any(start <= t.start < before for t in triggers):
        return None
    return start, before


def _status_cues(lexicon, text: str, sentence: Sentence) -> list[tuple[re.Match, str, bool]]:
    """The status cues of a sentence in text order: (match, lower-cased cue, negated within). The verb of
    taking part is none ("An dem Treffen nahmen Merkel und Sarkozy teil": they attended, not accepted)."""
    attending = {m.start() for m in lexicon.participation.finditer(text, sentence.start, sentence.end)}
    found = [(cue, " ".join(cue.group(0).lower().split()), False)
             for cue in lexicon.status_cues.finditer(text, sentence.start, sentence.end) if cue.start() not in attending]
    split = _split_status_cues(lexicon, text, sentence)
    if split:
        found = sorted(found + split, key=lambda item: item[0].start())
    return found


def _split_status_cues(lexicon, text: str, sentence: Sentence) -> list[tuple[re.Match, str, bool]]:
    """The split cues ("wies … Berichte zurück"), verb to particle, in text order; a negation
    between ("sagte das Treffen nicht ab") negates it."""
    if not lexicon.closing_particle.search(text, sentence.start, sentence.end):
        return []
    found = []
    for cue in lexicon.separable_status.finditer(text, sentence.start, sentence.end):
        surface = cue.group("verb").lower() + " " + cue.group("particle").lower()
        if surface in lexicon.status_of_cue:
            negation = lexicon.negations.search(text, cue.start("gap"), cue.start("particle"))
            found.append((cue, surface, _negates_cue(lexicon, text, sentence, negation)))
    return found


def _negates_cue(lexicon, text: str, sentence: Sentence, negation: re.Match | None) -> bool:
    """Whether a negation found before a status cue (`lexicon.negations`) negates the cue: not when words
    stand between them and a "sondern" after it corrects those words ("nicht wie geplant im Kanzleramt,
    sondern als Videokonferenz", "fand nicht im Kanzleramt statt, sondern per Video"): the meeting took place."""
    if negation is None:
        return False
    between = negation.group(0)[negation.end("negation") - negation.start():]
    return not (between.strip() and lexicon.negation_correction.search(text, negation.end("negation"), sentence.end))


def _negated_verb(article: MeetingArticle, sentence: Sentence, clause: tuple[int, int], trigger: Trigger) -> bool:
    """Whether a meeting verb is negated: "werden sich nicht treffen", "traf Putin nicht."; not "nicht nur"."""
    if trigger.noun:
        return False
    lexicon = article.lexicon
    text = article.text
    negated = lexicon.negated_before.search(text, max(clause[0], trigger.start - 40), trigger.start) or (
        lexicon.negated_after.match(text, trigger.end, clause[1])
    )
    return bool(negated) and not lexicon.not_negating.search(text, sentence.start, sentence.end)


def _in_setting(article: MeetingArticle, sentence: Sentence, trigger: Trigger) -> bool:
    return trigger.noun and bool(
        article.lexicon.setting_before.search(article.text, max(sentence.start, trigger.start - 60), trigger.start)
    )


def _is_backdrop(article: MeetingArticle, sentence: Sentence, trigger: Trigger) -> bool:
    """A summit named by its body in a setting phrase ("beim G20-Gipfel", "am Nato-Gipfel"): the
    meeting the sentence reports takes place there, it is not that summit."""
    if trigger.prefix_end <= trigger.start or not _in_setting(article, sentence, trigger):
        return False
    return not any(p.type == "person" and trigger.start <= p.start < trigger.prefix_end for p in article.parties(sentence))


def _antecedent(article: MeetingArticle, sentence: Sentence, trigger: Trigger, participants: list[str],
                mode: str) -> Mention | None:
    """The earlier mention a definite "das Gespräch" refers to. A sentence in the past ("Biden habe in
    dem Gespräch … geäußert") points to a held meeting; otherwise the same word, then the closest."""
    text = article.text
    past = bool(article.lexicon.past.search(text, sentence.start, sentence.end))
    stem = _stem(text[trigger.prefix_end:trigger.end])
    best: tuple[bool, bool, int, Mention] | None = None
    for position, mention in enumerate(article.mentions):
        if mention.participants != participants or not modes_compatible(mode, mention.mode):
            continue
        key = (past and mention.status == "held",
               _stem(text[mention.trigger.prefix_end:mention.trigger.end]) == stem, position)
        if best is None or key >= best[:3]:
            best = (*key, mention)
    return best[3] if best else None


def _stem(word: str) -> str:
    return re.sub(r"(?:en|es|e|s|n)$", "", word.lower())


def _clause_around(text: str, sentence: Sentence, cue: re.Match) -> tuple[int, int]:
    """The clause of `sentence` around a cue: from the last clause break before it to the first after it."""
    return clause_start(text, sentence.start, cue.start(), CLAUSE_BREAK), clause_end(text, cue.end(), sentence.end, CLAUSE_BREAK)


def _same_clause(text: str, first: int, second: int) -> bool:
    low, high = sorted((first, second))
    return not CLAUSE_BREAK.search(text, low, high)


def _source(article: MeetingArticle, mention: Mention) -> str | None:
    """Who reports the meeting: the attribution stage's source; else the subject of an asserting verb
    ("Russland hat … als verfrüht bezeichnet"); else nobody. The outlet of the article (front matter
    `source`) is not who says so in its text, as for dates and figures: it is the article's.

    "Scholz will mit Putin sprechen": for the attribution stage "sprechen" is a verb of saying and
    Scholz its speaker; here it is the meeting itself, and nobody is quoted."""
    trigger = mention.trigger
    found = find_attribution(article.doc, trigger.start, trigger.end)
    if found is not None and found.source is not None:
        if not (trigger.weak and found.kind == "speech" and found.start <= trigger.start < found.end):
            return found.source
    return _asserting_subject(article, mention)


def _asserting_subject(article: MeetingArticle, mention: Mention) -> str | None:
    sentence = article.doc.sentence_at(mention.trigger.start)
    if sentence is None:
        return None
    lexicon = article.lexicon
    text = article.text
    verb = lexicon.assertion_verbs.search(text, sentence.start, sentence.end)
    if verb is None:
        verb = next((cue for cue, surface, _ in _split_status_cues(lexicon, text, sentence)
                     if lexicon.assertion_verbs.fullmatch(surface)), None)
    if verb is None:
        return None
    # "Ein Sprecher des chinesischen Außenministeriums wies Berichte zurück": the phrase before the verb.
    if not CLAUSE_BREAK.search(text, sentence.start, verb.start()):
        speaker = resolve_speaker(text, sentence.start, speaker_phrase_end(text, sentence.start, verb.start()))
        if speaker is not None and speaker not in mention.participants:
            return speaker
    for party in article.parties(sentence):
        if party.name in mention.participants or party.adjective or party.topic:
            continue
        if party.type in PLACE_TYPES and lexicon.place_preposition(text, sentence.start, party.start):
            continue  # "Nach ihrem Treffen in Berlin haben Schnieder und Palla … angekündigt": where, not who says so
        if party.type == "city":
            return party.country or party.name  # "Moskau bestätigte …": the capital speaks for its state
        return party.name
    return None


# ---------------------------------------------------------------------------------------------
# Extraction


def extract_meetings(doc: Document, date_claims: list[Claim]) -> list[Claim]:
    """Meeting claims of `doc`, in text order; `date_claims` are the document's date claims."""
    article = MeetingArticle(doc, date_claims)
    claims: list[Claim] = []
    headline_plans: set[int] = set()  # ids of the undated plans read off title lines
    previous_sentence_mentions: list[Mention] = []
    previous_claim_index: int | None = None  # where the last meeting claim of the previous sentence is in `claims`
    for sentence in doc.sentences:
        mentions = _sentence_mentions(article, sentence)
        if not mentions and previous_sentence_mentions:
            echoed = _anaphoric_status(article, sentence, previous_sentence_mentions[-1])
            if echoed is not None:
                claims.append(echoed)
            elif previous_claim_index is not None:
                # "Müller will Haas am Montag empfangen. Das Unternehmen habe den Termin bereits zugesagt."
                scheduled = _schedule_status(article, sentence)
                if scheduled is not None:
                    previous = claims[previous_claim_index]
                    claims[previous_claim_index] = replace(previous, meeting_status=_stronger_plan(previous.meeting_status, scheduled))
        previous_claim_index = None
        if _is_question(article.text, sentence):
            # "Findet das Treffen im Juli in Genf statt?" asserts no status; what follows may still refer to it.
            previous_sentence_mentions = mentions
            continue
        # Looked for only in a sentence with a meeting: most have none, and the search costs.
        scheduled = _schedule_status(article, sentence) if mentions else None
        for mention in mentions:
            if scheduled is not None:
                mention.status = _stronger_plan(mention.status, scheduled)
            claim = _claim(article, mention)
            previous_claim_index = len(claims)
            claims.append(claim)
            if (mention.status == "planned" and mention.date_claim is None and not mention.trigger.noun
                    and _title_line(article.text, sentence)):
                headline_plans.add(id(claim))
        previous_sentence_mentions = mentions
    # "Scholz trifft Xi am Rande des G20-Gipfels" over a report that they met: a title's present tense
    # is the news of the day, no plan of a second meeting. A title's noun may name other meetings
    # ("Biden plant weitere Treffen"): only a meeting verb's is dropped.
    held = {tuple(c.meeting_participants) for c in claims if c.meeting_status == "held"}
    claims = [c for c in claims if id(c) not in headline_plans or tuple(c.meeting_participants) not in held]
    claims.sort(key=lambda c: (c.span_start, c.span_end))
    return claims


def _schedule_status(article: MeetingArticle, sentence: Sentence) -> str | None:
    """What `sentence` says of a meeting's date: "agreed" for a date granted ("hat den Termin bereits
    zugesagt"), "proposed" for none fixed yet ("Ein Termin steht noch nicht fest"), else None."""
    for status, pattern in article.lexicon.schedule_statuses:
        if pattern.search(article.text, sentence.start, sentence.end):
            return status
    return None


def _stronger_plan(status: str, scheduled: str) -> str:
    """`status` moved to `scheduled` where that says more of a meeting still to come: a planned meeting
    whose date is granted is agreed, one with no date fixed only proposed; a meeting held, denied or
    cancelled, or agreed before its date is said to be open, keeps its status."""
    if STATUS_RANK[status] < STATUS_RANK[scheduled] <= STATUS_RANK["agreed"]:
        return scheduled
    return status


def _is_question(text: str, sentence: Sentence) -> bool:
    """Whether `sentence` ends in a question mark, before closing quotes or brackets."""
    return text[sentence.start:sentence.end].rstrip(" \t\n\"'“”»«‘’)").endswith("?")


def _title_line(text: str, sentence: Sentence) -> bool:
    """Whether `sentence` is a title: a line of its own with no closing stop ("Scholz trifft Xi in Rio")."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    return bool(line) and line == text[sentence.start:sentence.end].strip() and line[-1] not in TITLE_CLOSERS


def _sentence_mentions(article: MeetingArticle, sentence: Sentence) -> list[Mention]:
    text = article.text
    lexicon = article.lexicon
    if not lexicon.names_meeting(text, article.folded, sentence.start, sentence.end):
        return []
    parties = article.parties(sentence)
    clauses = sentence_clauses(text, sentence.start, sentence.end, parties, lexicon)
    triggers = find_triggers(article, sentence, clauses)
    people = sum(1 for p in parties if p.type == "person")
    if people < 2:
        # "Merkel und Sarkozy trafen sich": a surname of someone introduced earlier ("der französische
        # Präsident Nicolas Sarkozy") counts only where a meeting lacks its parties, so that looking it up costs little.
        # So does a meeting verb found no meeting for want of two people whose object is such a name
        # ("Pistorius wird Gitanas Nausėda treffen", "Pistorius traf Gitanas Nausėda"): with it, the meeting
        # words are found again. Not a subject before the verb alone ("Umweltberater James Connaughton besuchte …"),
        # only with a person after the verb in its clause ("Heße trifft am Donnerstag in Berlin Kardinal Reinhard Marx").
        unmet = [m.span() for m in lexicon.verbs.finditer(text, sentence.start, sentence.end)
                 if not any(t.start <= m.start() < t.end for t in triggers)]
        words = [(t.start, t.end) for t in triggers] + unmet
        if words:
            spans = {clause_of(clauses, start) for start, _ in words}
            # "Reul und Behrens vereinbarten, sich im Juli zu treffen": who meets with a verb in a zu-infinitive
            # is named in the clause governing it. Not for a noun's ("vereinbarten, die Gespräche fortzusetzen").
            verb_clauses = {clause_of(clauses, t.start) for t in triggers if not t.noun} | {clause_of(clauses, start) for start, _ in unmet}
            spans = sorted(spans | {governing for span in verb_clauses
                                    if (governing := _governing_clause(article, sentence, span, triggers)) is not None})
            known = parties
            parties = article.add_surnames(sentence, spans, words)
            added = [p for p in parties if p.type == "person" and p not in known]
            if any(_object_of(article, sentence, clauses, verb, person) or _meets_in_clause(clauses, verb, person, parties)
                   for verb in unmet for person in added):
                triggers = find_triggers(article, sentence, clauses)
    mentions: list[Mention] = []
    cue_statuses = None  # found at the first meeting that needs them
    for trigger in triggers:
        clause = clause_of(clauses, trigger.start)
        # A noun beside its clause's meeting verb names that meeting ("haben vereinbart, sich in einer
        # Videokonferenz auszutauschen"), whose parties the governing clause names too. A body's sitting has
        # its body as party, whoever agrees to hold it ("… verständigt, zum Koalitionsausschuss zusammenzukommen").
        beside = [t for t in triggers if t is not trigger and clause_of(clauses, t.start) == clause]
        verb_beside = not trigger.noun or any(not t.noun for t in beside)
        sitting = trigger.session or any(t.session for t in beside)
        governing = _governing_clause(article, sentence, clause, triggers) if verb_beside and not sitting else None
        participants = meeting_participants(article, sentence, clause, trigger, triggers, governing)
        if len(participants) < 1:
            continue
        date_claim = old_date = _date(article, sentence, clauses, clause, trigger, triggers)
        moved, moved_to, move_cue = _moved_to(article, sentence, clauses, clause, trigger, triggers)
        if moved_to is not None:
            date_claim = moved_to  # "Das für Donnerstag geplante Treffen wurde auf den 19. Februar verlegt"
        elif moved == "postponed":
            date_claim = None  # "Das Treffen am Mittwoch wurde verschoben": Wednesday no longer holds
        mention = Mention(trigger, clause, participants)
        negated = _corrected_words(article, clause)
        mention.mode = _mode(article, clause, trigger, triggers, negated)
        mention.place = _place(article, sentence, clause, trigger, triggers, negated)
        if mention.place is None and not trigger.weak:
            # "Merkel besuchte China": the visited city or country is the place.
            visited = visited_place(article, sentence, clause, trigger)
            mention.place = visited.name if visited is not None else None
        if mention.mode == "unspecified" and mention.place is not None and mention.place != lexicon.third_country_name:
            mention.mode = "in_person"  # a meeting somewhere is a meeting in person
        mention.date_claim = date_claim
        antecedent = None
        if trigger.noun and date_claim is None and is_definite(text, trigger, sentence.start):
            antecedent = _antecedent(article, sentence, trigger, participants, mention.mode)
        if cue_statuses is None:
            cue_statuses = _cue_statuses(article, sentence, triggers)
        mention.status = _status(article, sentence, clause, trigger, triggers, cue_statuses, date_claim, antecedent)
        if mention.status in ("planned", "proposed", "agreed") and date_claim is not None:
            mention.date_claim = _ahead(article, date_claim, mention.status)
        if (moved_to is not None and mention.status == "cancelled") or (moved is not None and mention.status == "held"):
            # Put off, to a new date or none, not called off; a meeting moved ("wurde nach Genf verlegt") is
            # still to come. "Das Treffen wurde abgesagt" alone stays cancelled.
            mention.status = "planned"
        if mention.status == "denied" and _no_further_meeting(article, sentence, trigger, date_claim):
            continue
        mention.backdrop = _is_backdrop(article, sentence, trigger)
        mentions.append(mention)
        if move_cue is not None and moved_to is not None and old_date is not None and old_date is not moved_to:
            mentions.append(_called_off_date(article, mention, move_cue, old_date))
    mentions = _merge_same_clause(mentions)
    for mention in mentions:
        mention.source = _source(article, mention)
        article.mentions.append(mention)
    return mentions


def _no_further_meeting(article: MeetingArticle, sentence: Sentence, trigger: Trigger, date_claim: Claim | None) -> bool:
    """"Ein weiteres Treffen ist für KW 12 nicht geplant": no further meeting within a span, which denies
    no meeting anyone reported; as a dated denial it would read as one. A further meeting denied for a
    day ("ein weiteres Treffen am Freitag sei nicht geplant") may answer a report and stays."""
    if not trigger.noun or (date_claim is not None and date_claim.date_granularity == "day"):
        return False
    return bool(article.lexicon.continuation.search(article.text, max(sentence.start, trigger.start - 30), trigger.start))


def _object_of(article: MeetingArticle, sentence: Sentence, clauses: list[tuple[int, int]], verb: tuple[int, int],
               person: Party) -> bool:
    """Whether `person` is named as the object of the meeting verb at `verb`: right after it ("traf
    Gitanas Nausėda", or after a date: "trifft am Mittwoch Thomas Berger") or right before it where it
    closes the clause ("wird … Gitanas Nausėda treffen")."""
    text = article.text
    if person.start >= verb[1]:
        return text[article.past_unnamed(sentence, verb[1]):person.start].strip() == ""
    closes_clause = text[verb[1]:clause_of(clauses, verb[0])[1]].strip(" .!?") == ""
    return person.end <= verb[0] and text[person.end:verb[0]].strip() == "" and closes_clause


def _meets_in_clause(clauses: list[tuple[int, int]], verb: tuple[int, int], person: Party, parties: list[Party]) -> bool:
    """Whether `person` is named before the meeting verb at `verb` in its clause and another person after
    it, who is met ("Heße trifft am Donnerstag in Berlin Kardinal Reinhard Marx"). A person before the
    subject is none ("Bushs Umweltberater James Connaughton besuchte …")."""
    clause = clause_of(clauses, verb[0])
    return clause[0] <= person.start and person.end <= verb[0] and any(
        p.type == "person" and p.name != person.name and verb[1] <= p.start < clause[1] for p in parties)


def _merge_same_clause(mentions: list[Mention]) -> list[Mention]:
    """"zu Beratungen … zusammenkommen": two words, one meeting. Kept apart when modes, dates or statuses differ."""
    merged: list[Mention] = []
    for mention in mentions:
        host = next((m for m in merged if m.clause == mention.clause and m.participants == mention.participants
                     and modes_compatible(m.mode, mention.mode) and m.status == mention.status
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


def _anaphoric_status(article: MeetingArticle, sentence: Sentence, antecedent: Mention) -> Claim | None:
    """"Ein Kreml-Sprecher dementiert dies nun.": the previous sentence's meeting, denied or confirmed."""
    match = article.lexicon.anaphoric_status.search(article.text, sentence.start, sentence.end)
    if match is None:
        return None
    status = article.lexicon.anaphoric_status_of.get(" ".join((match.group("cue") or match.group("predicate")).lower().split()))
    if status is None:
        return None
    mention = Mention(
        Trigger(match.start(), match.end(), antecedent.mode, False, False, match.start()),
        (sentence.start, sentence.end),
        list(antecedent.participants),
        antecedent.mode,
        status,
        antecedent.place,
        antecedent.date_claim,
    )
    mention.source = _source(article, mention)
    return _claim(article, mention)


def _claim(article: MeetingArticle, mention: Mention) -> Claim:
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
