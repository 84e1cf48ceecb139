"""Which meeting mentions, across all articles, are the same meeting.

Mentions are grouped in polars by their sorted participants; inside a group (a handful of rows)
they are merged when they can all be true of one meeting:

- modes agree (or one is `unspecified`), places agree (or one is unknown);
- date intervals overlap; a weekday ("am Dienstag") must fall inside the overlap;
- a mention without a date joins a dated mention of the same article: a held one for a mention
  reported as held, a coming one for a proposal or plan, otherwise the closest;
- an undated mention reported as held with "erstmals" or "zuletzt" joins the earliest or latest
  meeting held before its article appeared;
- an undated mention left over ("Das geplante Treffen ist abgesagt worden") joins the dated
  meeting of another article nearest in time to its publication, if that meeting lies at most
  NEARBY_BEFORE_DAYS before the publication or NEARBY_AHEAD_DAYS after it, is dated to a month
  or finer, and its mode and place agree. The mention's article must be dated to the day or week
  (one dated to a month is as near to every meeting of that month). A mention reported as held
  joins only a meeting dated up to its publication; any other only a meeting not yet over when it
  appeared or one announced (not only reported as held), so that a cancellation never explains
  away a meeting that took place. A denial told in the past ("Ein Treffen habe es nicht gegeben")
  denies a meeting reported held: it looks back as a held mention does, never at one still ahead.
  Two meetings equally near leave the mention alone. So a summit in June and another in December
  stay apart, and a mention published between them joins the one within the window, or neither;
- undated mentions left over are one meeting per participants, mode and publication period.

The key is made of content only, never of article ids or row order:
"Joe Biden+Wladimir Putin/video/2021-12-07".
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import groupby
from operator import attrgetter
from typing import NamedTuple

import polars as pl

from checker.extract.meeting_lexicon import meeting_lexicon
from checker.lexicon import lexicon_error, load_lexicon
from checker.schema import CLAIMS_SCHEMA, validate_frame

# Without an end ("in den kommenden Monaten") an interval is taken to run this long.
OPEN_INTERVAL_DAYS = 366
# A weekday named in an article dated only to the month or year can be any such weekday around
# the publication period, whatever single day the date stage guessed for it.
WEEKDAY_SLACK_DAYS = 7
# Longest interval whose days are listed to find the candidate days of a weekday.
MAX_ENUMERATED_DAYS = 62
PROSPECTIVE = ("proposed", "agreed", "planned")
# An undated mention joins a dated meeting of another article that lies at most this long before
# its publication ("Der Gipfel fand nicht statt" the week after) …
NEARBY_BEFORE_DAYS = 14
# … or at most this long after it ("Das geplante Treffen ist abgesagt worden" four days before it) …
NEARBY_AHEAD_DAYS = 62
# … and is dated this precisely at least: a meeting "im Jahr 2025" is near every article of the year.
NEARBY_MAX_WIDTH_DAYS = 31
# The mention's article must be dated this precisely too: one dated to a month is near every meeting of it.
NEARBY_MAX_PUBLISHED_DAYS = 7


class _MentionRow(NamedTuple):
    """One meeting mention as `assign_events` reads it from the claims: participants key, then claim columns."""

    participants_key: str
    id: str
    article: str | None
    span_start: int | None
    published: str | None
    published_start: date | None
    published_end: date | None
    meeting_mode: str | None
    meeting_status: str | None
    meeting_place: str | None
    date_start: date | None
    date_end: date | None
    date_weekday: int | None
    sentence: str | None


@dataclass
class _Mention:
    id: str
    article: str
    position: int
    published: str
    published_start: date | None
    published_end: date | None
    mode: str
    status: str | None
    place: str | None
    start: date | None
    end: date | None
    weekday: int | None
    sequence: str | None  # "first" | "latest": a cue of the mention's sentence
    looks_back: bool  # held, or a denial told in the past: it speaks of a meeting up to its publication


@dataclass
class _Event:
    start: date | None
    end: date | None
    weekdays: set[int]
    mode: str
    place: str | None
    period: str | None = None  # publication period of an event known only from undated mentions
    members: list[_Mention] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)  # status classes of the members

    def accepts(self, mention: _Mention) -> bool:
        if not _modes_compatible(self.mode, mention.mode) or not _places_compatible(self.place, mention.place):
            return False
        if mention.start is None or self.start is None:
            return True
        start, end = max(self.start, mention.start), min(self.end, mention.end)
        weekdays = self.weekdays | ({mention.weekday} if mention.weekday else set())
        return _has_day(start, end, weekdays)

    def has_class(self, wanted: str) -> bool:
        return wanted == "any" or wanted in self.classes or "any" in self.classes

    def add(self, mention: _Mention) -> None:
        self.members.append(mention)
        self.classes.add(_status_class(mention.status))
        if self.mode == "unspecified":
            self.mode = mention.mode
        if self.place is None or self.place == _third_country():
            self.place = mention.place or self.place
        if mention.start is None:
            return
        if self.start is None:
            self.start, self.end = mention.start, mention.end
        else:
            self.start, self.end = max(self.start, mention.start), min(self.end, mention.end)
        if mention.weekday:
            self.weekdays.add(mention.weekday)


def _modes_compatible(first: str, second: str) -> bool:
    return first == second or "unspecified" in (first, second)


@lru_cache(maxsize=1)
def _third_country() -> str:
    """The place name meetings.yaml gives "in einem Drittland": it agrees with any named place."""
    third = load_lexicon("meetings").get("third_country")
    if not isinstance(third, dict) or not isinstance(third.get("place"), str):
        raise lexicon_error("meetings", "'third_country' needs a 'place'")
    return third["place"]


def _places_compatible(first: str | None, second: str | None) -> bool:
    return first is None or second is None or first == second or _third_country() in (first, second)


def _has_day(start: date, end: date, weekdays: set[int]) -> bool:
    if start > end or len(weekdays) > 1:
        return False
    if not weekdays:
        return True
    if (end - start).days >= 6:
        return True
    (weekday,) = weekdays
    return any((start + timedelta(days=offset)).isoweekday() == weekday for offset in range((end - start).days + 1))


def _mention_dates(row: _MentionRow) -> tuple[date | None, date | None]:
    start, end = row.date_start, row.date_end
    if start is None and end is None:
        return None, None
    if start is None:
        start = end - timedelta(days=OPEN_INTERVAL_DAYS)
    if end is None:
        end = start + timedelta(days=OPEN_INTERVAL_DAYS)
    published_start, published_end = row.published_start, row.published_end
    guessed_day = start == end and row.date_weekday
    if guessed_day and published_start and published_end and published_start != published_end:
        start = min(start, published_start - timedelta(days=WEEKDAY_SLACK_DAYS))
        end = max(end, published_end + timedelta(days=WEEKDAY_SLACK_DAYS))
    return start, end


def _mention(row: _MentionRow) -> _Mention:
    start, end = _mention_dates(row)
    return _Mention(
        id=row.id,
        article=row.article or "",
        position=row.span_start or 0,
        published=row.published or "",
        published_start=row.published_start,
        published_end=row.published_end,
        mode=row.meeting_mode or "unspecified",
        status=row.meeting_status,
        place=row.meeting_place,
        start=start,
        end=end,
        weekday=row.date_weekday,
        sequence=_sequence_cue(row.sentence or ""),
        looks_back=row.meeting_status == "held" or (row.meeting_status == "denied" and _told_past(row.sentence or "")),
    )


# Agency copies repeat a meeting's sentence word for word across articles: each is judged once.
@lru_cache(maxsize=4096)
def _told_past(sentence: str) -> bool:
    """Whether a denial's sentence speaks of a past meeting: a past marker other than the tense of the
    denying (meetings.yaml `past_markers` less `denial_act_auxiliaries`) and no future one: "habe es
    nicht gegeben", not "werde es nicht geben" nor "hat ein Treffen dementiert"."""
    lexicon = meeting_lexicon()
    past = any(marker.group(0).lower() not in lexicon.denial_act_auxiliaries for marker in lexicon.past.finditer(sentence))
    return past and not lexicon.future.search(sentence)


@lru_cache(maxsize=1)
def _sequence_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    cues = load_lexicon("meetings").get("sequence_cues")
    if not isinstance(cues, dict) or set(cues) != {"first", "latest"} or not all(
        isinstance(words, list) and words and all(isinstance(w, str) for w in words) for words in cues.values()
    ):
        raise lexicon_error("meetings", "'sequence_cues' must map first and latest to word lists")
    return tuple(
        (kind, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])",
                          re.IGNORECASE))
        for kind, words in sorted(cues.items())
    )


# Agency copies repeat a meeting's sentence word for word across articles: each is searched once.
@lru_cache(maxsize=4096)
def _sequence_cue(sentence: str) -> str | None:
    found = [kind for kind, pattern in _sequence_patterns() if pattern.search(sentence)]
    return found[0] if len(found) == 1 else None


def _span_days(dated: _Mention | _Event) -> int:
    """How many days a dated mention's or meeting's interval spans, less one."""
    return (dated.end - dated.start).days


def _weeks(start: date, end: date) -> range:
    return range(start.toordinal() // 7, end.toordinal() // 7 + 1)


def _cluster_dated(mentions: list[_Mention]) -> list[_Event]:
    """Narrowest dates first, so that a month-wide mention joins the day it can be, not the reverse.

    Events are indexed by the weeks their first interval covers (an event's interval only shrinks),
    so a mention is checked against the meetings of its own weeks, not against all of them."""
    events: list[_Event] = []
    by_week: dict[int, list[int]] = {}
    ordered = sorted(mentions, key=lambda m: (_span_days(m), m.weekday is None, m.start, m.end, m.article, m.position))
    for mention in ordered:
        candidates = sorted({index for week in _weeks(mention.start, mention.end) for index in by_week.get(week, ())})
        fitting = [index for index in candidates if events[index].accepts(mention)]
        if fitting:
            # "Heute wollen beide sprechen" fits a held call and a planned one of the same month: the planned one.
            wanted = _status_class(mention.status)
            best = min(fitting, key=lambda i: (not events[i].has_class(wanted), events[i].mode != mention.mode, i))
            events[best].add(mention)
            continue
        event = _Event(None, None, set(), mention.mode, mention.place)
        event.add(mention)
        for week in _weeks(mention.start, mention.end):
            by_week.setdefault(week, []).append(len(events))
        events.append(event)
    return events


def _status_class(status: str | None) -> str:
    if status == "held":
        return "held"
    if status in PROSPECTIVE:
        return "prospective"
    return "any"


def _attach_undated(mentions: list[_Mention], event_of: dict[str, _Event]) -> list[_Mention]:
    """Undated mentions join a meeting their own article dates; returns those that found none."""
    left: list[_Mention] = []
    by_article: dict[str, list[_Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article, []).append(mention)
    for article in sorted(by_article):
        in_article = sorted(by_article[article], key=lambda m: (m.position, m.id))
        for mention in in_article:
            if mention.start is not None:
                continue
            wanted = _status_class(mention.status)
            best: tuple[tuple, _Event] | None = None
            for other in in_article:
                event = event_of.get(other.id)
                if other is mention or event is None or not event.accepts(mention):
                    continue
                # An undated mention after the one it refers to; a dated one may come later in the text.
                if other.start is None and other.position > mention.position:
                    continue
                # A plan never joins a meeting reported as held, nor the reverse, on position alone.
                if wanted != "any" and _status_class(other.status) not in (wanted, "any"):
                    continue
                if not _plausible(mention, event):
                    continue
                # The meeting referred to is named before; one named later only when none was.
                rank = (other.position > mention.position, abs(other.position - mention.position), other.position)
                if best is None or rank < best[0]:
                    best = (rank, event)
            if best is None:
                left.append(mention)
            else:
                best[1].add(mention)
                event_of[mention.id] = best[1]
    return left


def _plausible(mention: _Mention, event: _Event) -> bool:
    """A meeting planned in an article cannot be over before it appeared; one held cannot lie after it."""
    if event.start is None or mention.published_start is None or mention.published_end is None:
        return True
    if mention.looks_back:
        return event.start <= mention.published_end
    if _status_class(mention.status) == "prospective":
        return event.end >= mention.published_start
    return True


def _attach_by_sequence(mentions: list[_Mention], events: list[_Event]) -> list[_Mention]:
    """"Biden und Putin trafen sich erstmals …": the earliest meeting held before the article."""
    left: list[_Mention] = []
    for mention in mentions:
        if mention.sequence is None or mention.status != "held" or mention.published_end is None:
            left.append(mention)
            continue
        held_before = [e for e in events if e.start is not None and e.start <= mention.published_end and e.accepts(mention)]
        if not held_before:
            left.append(mention)
            continue
        if mention.sequence == "first":
            chosen = min(held_before, key=lambda e: (e.start, e.end))
        else:
            chosen = max(held_before, key=lambda e: (min(e.end, mention.published_end), e.start))
        chosen.add(mention)
    return left


def _attach_nearby(mentions: list[_Mention], events: list[_Event]) -> list[_Mention]:
    """Undated mentions join the dated meeting nearest to their publication (see the module docstring);
    returns those that found none. The meetings are sorted by start once, so that each mention looks
    only at those starting within its window."""
    dated = sorted((e for e in events if e.start is not None and _span_days(e) <= NEARBY_MAX_WIDTH_DAYS),
                   key=lambda e: (e.start, e.end))
    if not dated:
        return mentions
    starts = [e.start for e in dated]
    left: list[_Mention] = []
    # Every mention chooses among the meetings as they were before this step, and only then do the
    # choices join: a mention that joined first would change the meeting's mode or place for the
    # next, and the order of mentions is the order of article ids, i.e. of file names.
    chosen_by: dict[int, list[_Mention]] = {}
    for mention in mentions:
        chosen = _nearest_event(mention, dated, starts)
        if chosen is None:
            left.append(mention)
        else:
            chosen_by.setdefault(id(chosen), []).append(mention)
    for event in dated:
        joining = chosen_by.get(id(event), [])
        if not _agree(joining):
            left.extend(joining)  # mentions that disagree on mode or place: which one is right cannot be told
            continue
        # In an order of their content, so that the mode or place they give the meeting does not
        # depend on file names ("phone" and "video" agree, and the first sets the mode).
        for mention in sorted(joining, key=lambda m: (m.mode, m.place or "")):
            event.add(mention)
    return left


def _agree(mentions: list[_Mention]) -> bool:
    """Whether every two of `mentions` agree on mode and place."""
    return all(
        _modes_compatible(first.mode, second.mode) and _places_compatible(first.place, second.place)
        for index, first in enumerate(mentions)
        for second in mentions[index + 1 :]
    )


def _nearest_event(mention: _Mention, dated: list[_Event], starts: list[date]) -> _Event | None:
    published_start, published_end = mention.published_start, mention.published_end
    if published_start is None or published_end is None:
        return None
    if (published_end - published_start).days >= NEARBY_MAX_PUBLISHED_DAYS:
        return None
    low = published_start - timedelta(days=NEARBY_BEFORE_DAYS)
    high = published_end + timedelta(days=NEARBY_AHEAD_DAYS)
    looks_back = mention.looks_back
    ranked: list[tuple[tuple[int, bool], int, _Event]] = []
    first = bisect_left(starts, low - timedelta(days=NEARBY_MAX_WIDTH_DAYS))
    for index in range(first, bisect_right(starts, high)):
        event = dated[index]
        if event.end < low or not event.accepts(mention):
            continue
        if any(member.article == mention.article for member in event.members):
            continue  # its own article's meetings were weighed by `_attach_undated`
        if looks_back and event.start > published_end:
            continue
        if not looks_back and event.end < published_start and "prospective" not in event.classes:
            continue
        gap = max((event.start - published_end).days, (published_start - event.end).days, 0)
        ranked.append(((gap, event.mode != mention.mode), index, event))
    if not ranked:
        return None
    ranked.sort(key=lambda item: item[:2])
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None  # two meetings equally near: which one is meant cannot be told
    return ranked[0][2]


def _cluster_undated(mentions: list[_Mention]) -> list[_Event]:
    events: list[_Event] = []
    by_period: dict[str, list[_Event]] = {}
    for mention in sorted(mentions, key=lambda m: (m.published, m.article, m.position, m.id)):
        same_period = by_period.setdefault(mention.published, [])
        for event in same_period:
            if event.accepts(mention):
                event.add(mention)
                break
        else:
            event = _Event(None, None, set(), mention.mode, mention.place, period=mention.published)
            event.add(mention)
            same_period.append(event)
            events.append(event)
    return events


def _date_key(event: _Event) -> str:
    if event.start is None:
        return f"undated-{event.period}"
    start, end = event.start, event.end
    weekday = next(iter(event.weekdays), None)
    if weekday and (end - start).days <= MAX_ENUMERATED_DAYS:
        days = [start + timedelta(days=offset) for offset in range((end - start).days + 1)]
        days = [day for day in days if day.isoweekday() == weekday]
        if len(days) == 1:
            return days[0].isoformat()
        if days:
            start, end = days[0], days[-1]
    suffix = f"-wd{weekday}" if weekday else ""
    if start == end:
        return start.isoformat()
    if start.day == 1 and end == date(start.year, start.month, calendar.monthrange(start.year, start.month)[1]):
        return f"{start.year:04d}-{start.month:02d}{suffix}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start.year:04d}{suffix}"
    return f"{start.isoformat()}..{end.isoformat()}{suffix}"


def _events_of_group(participants: str, rows: list[_MentionRow]) -> dict[str, str]:
    mentions = [_mention(row) for row in rows]
    dated = [m for m in mentions if m.start is not None]
    events = _cluster_dated(dated)
    event_of = {member.id: event for event in events for member in event.members}
    left = _attach_undated(mentions, event_of)
    left = _attach_by_sequence(left, events)
    left = _attach_nearby(left, events)
    events.extend(_cluster_undated(left))
    keys: dict[str, str] = {}
    used: dict[str, int] = {}
    for event in events:
        key = f"{participants}/{event.mode}/{_date_key(event)}"
        if key in used:
            # Two meetings that differ only in place ("in Genf" / "in Wien").
            used[key] += 1
            key = f"{key}@{event.place}" if event.place else f"{key}#{used[key]}"
        used.setdefault(key, 1)
        for member in event.members:
            keys[member.id] = key
    return keys


def assign_events(claims: pl.DataFrame) -> pl.DataFrame:
    """`claims` (CLAIMS_SCHEMA, every article) with `meeting_event` filled for meeting rows."""
    claims = validate_frame(claims, CLAIMS_SCHEMA, "events")
    # The groups are a few dozen rows each: one query brings every mention into Python, sorted so
    # that each group's rows are contiguous, instead of a filter and a conversion per group.
    mentions = (
        claims.lazy()
        .filter((pl.col("kind") == "meeting") & (pl.col("meeting_participants").list.len() > 0))
        .select(pl.col("meeting_participants").list.sort().list.join("+").alias("participants_key"), *_MentionRow._fields[1:])
        .sort("participants_key", "article", "span_start", "id")
        .collect()
    )
    # Column by column into Python, then zipped into rows: converting row by row into dicts costs several times as much.
    rows = map(_MentionRow._make, zip(*(mentions[column].to_list() for column in _MentionRow._fields)))
    event_of: dict[str, str] = {}
    for participants, group in groupby(rows, key=attrgetter("participants_key")):
        event_of.update(_events_of_group(participants, list(group)))
    if not event_of:
        return claims
    return claims.with_columns(
        pl.when(pl.col("kind") == "meeting")
        .then(pl.col("id").replace_strict(event_of, default=None, return_dtype=pl.String))
        .otherwise(pl.col("meeting_event"))
        .alias("meeting_event")
    )
