"""Event identity: which meeting mentions across articles are one meeting (checker/extract/events.py).

Unit tests build frames from the meeting extractor with hand-made date claims; the seed tests run
the real extraction over seeds/ and check the acceptance criteria of the meetings issue.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Document
from checker.extract import claims_frame, extract_document
from checker.extract.events import assign_events
from checker.extract.meetings import extract_meetings
from checker.published import PublicationDate
from checker.schema import CLAIMS_SCHEMA, Claim

from conftest import SEEDS


def _date(text: str, phrase: str, start: date, end: date, granularity: str = "day", weekday: int | None = None) -> Claim:
    position = text.index(phrase)
    return Claim(kind="date", span_start=position, span_end=position + len(phrase), date_start=start, date_end=end,
                 date_granularity=granularity, date_timex=start.isoformat(), date_weekday=weekday)


def _article(article: str, published: str, text: str, dates: list[tuple] = ()) -> pl.DataFrame:
    doc = Document(article=article, text=text, published=PublicationDate.parse(published))
    date_claims = [_date(text, *spec) for spec in dates]
    return claims_frame(doc, date_claims + extract_meetings(doc, date_claims))


def _events(*frames: pl.DataFrame) -> dict[tuple[str, str], str]:
    result = assign_events(pl.concat(frames))
    meetings = result.filter(pl.col("kind") == "meeting")
    return {(row["article"], row["text"]): row["meeting_event"] for row in meetings.iter_rows(named=True)}


DECEMBER_A = _article(
    "a", "2021-12", "Bereits am 7. Dezember hatten sich Biden und Putin per Videoschaltung ausgetauscht.",
    [("am 7. Dezember", date(2021, 12, 7), date(2021, 12, 7))],
)
# "am Dienstag" in a month-dated article: any Tuesday of the month, as the date stage gives it.
DECEMBER_B = _article(
    "b", "2021-12", "Bei dem Videogipfel am Dienstag sprach Biden mit Putin über die Ukraine.",
    [("am Dienstag", date(2021, 12, 7), date(2021, 12, 28), "day", 2)],
)


def test_a_weekday_joins_the_dated_meeting_of_that_weekday() -> None:
    events = _events(DECEMBER_A, DECEMBER_B)
    assert events[("a", "ausgetauscht")] == events[("b", "Videogipfel")] == "Joe Biden+Wladimir Putin/video/2021-12-07"


def test_a_weekday_guessed_as_a_single_day_still_joins() -> None:
    guessed = _article(
        "b", "2021-12", "Bei dem Videogipfel am Dienstag sprach Biden mit Putin über die Ukraine.",
        [("am Dienstag", date(2021, 11, 30), date(2021, 11, 30), "day", 2)],
    )
    events = _events(DECEMBER_A, guessed)
    assert events[("a", "ausgetauscht")] == events[("b", "Videogipfel")]


def test_another_weekday_is_another_meeting() -> None:
    thursday = _article(
        "c", "2021-12", "Biden und Putin sprachen am Donnerstag per Video miteinander.",
        [("am Donnerstag", date(2021, 12, 2), date(2021, 12, 30), "day", 4)],
    )
    events = _events(DECEMBER_A, thursday)
    assert events[("a", "ausgetauscht")] != events[("c", "sprachen")]


def test_other_participants_are_never_merged() -> None:
    other = _article(
        "c", "2021-12", "Am 7. Dezember haben Blinken und Selenskyj per Video miteinander gesprochen.",
        [("Am 7. Dezember", date(2021, 12, 7), date(2021, 12, 7))],
    )
    events = _events(DECEMBER_A, other)
    assert events[("c", "gesprochen")] == "Antony Blinken+Wolodymyr Selenskyj/video/2021-12-07"
    assert events[("a", "ausgetauscht")] != events[("c", "gesprochen")]


def test_modes_keep_meetings_apart_unless_one_is_unspecified() -> None:
    phone = _article(
        "c", "2021-12", "Am 7. Dezember haben Biden und Putin telefoniert.",
        [("Am 7. Dezember", date(2021, 12, 7), date(2021, 12, 7))],
    )
    unspecified = _article(
        "d", "2021-12", "Am 7. Dezember haben Biden und Putin miteinander gesprochen.",
        [("Am 7. Dezember", date(2021, 12, 7), date(2021, 12, 7))],
    )
    events = _events(DECEMBER_A, phone, unspecified)
    assert events[("a", "ausgetauscht")] != events[("c", "telefoniert")]
    assert events[("d", "gesprochen")] in (events[("a", "ausgetauscht")], events[("c", "telefoniert")])


def test_an_undated_mention_joins_the_dated_one_of_its_article() -> None:
    text = ("Biden und Putin wollen am Donnerstag telefonieren. Kreml-Sprecher Peskow bestätigte das geplante "
            "Telefonat zwischen Biden und Putin.")
    article = _article("a", "2021-12", text, [("am Donnerstag", date(2021, 12, 2), date(2021, 12, 30), "day", 4)])
    events = _events(article)
    assert events[("a", "telefonieren")] == events[("a", "Telefonat")]


def test_a_held_mention_joins_the_past_meeting_and_a_plan_the_coming_one() -> None:
    text = ("Zwei Monate nach ihrem letzten Gespräch verabreden sich Putin und Biden für ein neues Gespräch. "
            "Sie werden am Samstag telefonieren. Biden und Putin telefonierten zuletzt Ende Dezember miteinander.")
    article = _article("a", "2022-02", text, [
        ("am Samstag", date(2022, 2, 5), date(2022, 2, 26), "day", 6),
        ("Ende Dezember", date(2021, 12, 21), date(2021, 12, 31), "month"),
    ])
    result = assign_events(article).filter(pl.col("kind") == "meeting").sort("span_start")
    rows = result.select("text", "meeting_status", "meeting_event").rows()
    last_talk, new_talk = rows[0], rows[1]
    latest = next(row for row in rows if row[0] == "telefonierten")
    assert last_talk[1] == "held" and last_talk[2] == latest[2]
    assert new_talk[1] == "agreed" and new_talk[2] != latest[2]
    assert new_talk[2].startswith("Joe Biden+Wladimir Putin/")


def test_keys_depend_on_content_not_on_article_ids_or_row_order() -> None:
    first = _events(DECEMBER_A, DECEMBER_B)
    renamed_a = DECEMBER_A.with_columns(pl.lit("zz").alias("article"), pl.col("id").str.replace("^a", "zz"))
    frame = pl.concat([DECEMBER_B, renamed_a]).reverse()
    second = assign_events(frame).filter(pl.col("kind") == "meeting")
    assert sorted(set(second["meeting_event"].to_list())) == sorted(set(first.values()))


def test_other_rows_and_the_schema_are_kept() -> None:
    frame = pl.concat([DECEMBER_A, DECEMBER_B])
    result = assign_events(frame)
    assert result.schema == pl.Schema(CLAIMS_SCHEMA)
    assert result.height == frame.height
    assert result.filter(pl.col("kind") != "meeting")["meeting_event"].null_count() == result.filter(pl.col("kind") != "meeting").height
    assert assign_events(pl.DataFrame(schema=CLAIMS_SCHEMA)).height == 0


# --- the seeds: acceptance criteria of the meetings issue -----------------------------------------------


@pytest.fixture(scope="module")
def seed_meetings() -> pl.DataFrame:
    frames = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        header = re.match(r"\A\s*date[ \t]+(\S+)[ \t]*", text)
        doc = Document(path.stem, text, PublicationDate.parse(header.group(1)), header.end())
        frames.append(extract_document(doc))
    claims = assign_events(pl.concat(frames))
    return claims.filter(pl.col("kind") == "meeting").with_columns(
        pl.col("meeting_participants").list.join("+").alias("who"),
        pl.col("sentence").alias("said"),
    )


BIDEN_PUTIN = "Joe Biden+Wladimir Putin"


def _events_where(meetings: pl.DataFrame, sentence_part: str, text: str) -> set[str]:
    rows = meetings.filter(pl.col("said").str.contains(sentence_part, literal=True) & (pl.col("text") == text))
    assert rows.height, f"no meeting {text!r} in a sentence with {sentence_part!r}"
    return set(rows["meeting_event"].to_list())


def test_seed_geneva_meeting_is_one_event(seed_meetings: pl.DataFrame) -> None:
    geneva = seed_meetings.filter((pl.col("meeting_place") == "Geneva") & (pl.col("who") == BIDEN_PUTIN))
    assert geneva["article"].n_unique() == 2
    assert geneva["meeting_event"].n_unique() == 1
    assert geneva["meeting_mode"].unique().to_list() == ["in_person"]


def test_seed_video_summit_of_7_december_is_one_event(seed_meetings: pl.DataFrame) -> None:
    events = (_events_where(seed_meetings, "am 7. Dezember", "ausgetauscht")
              | _events_where(seed_meetings, "Videogipfel am Dienstag", "Videogipfel"))
    assert events == {f"{BIDEN_PUTIN}/video/2021-12-07"}


def test_seed_thursday_call_is_the_call_of_late_december(seed_meetings: pl.DataFrame) -> None:
    events = (_events_where(seed_meetings, "am Donnerstag telefonieren", "telefonieren")
              | _events_where(seed_meetings, "zuletzt Ende Dezember", "telefonierten"))
    assert len(events) == 1
    assert next(iter(events)).startswith(f"{BIDEN_PUTIN}/phone/")


def test_seed_february_summit_is_agreed_by_france_and_denied_by_the_kremlin(seed_meetings: pl.DataFrame) -> None:
    agreed = seed_meetings.filter(pl.col("said").str.contains("französischen Regierung") & (pl.col("meeting_status") == "agreed"))
    denied = seed_meetings.filter(pl.col("meeting_status") == "denied")
    assert agreed.height and denied.height
    assert set(agreed["meeting_event"]) & set(denied["meeting_event"])
    assert "France" in set(agreed["source"].drop_nulls()) or "French government" in set(agreed["source"].drop_nulls())
    assert "Kremlin" in set(denied["source"].drop_nulls())


def test_seed_april_summit_is_proposed(seed_meetings: pl.DataFrame) -> None:
    proposal = seed_meetings.filter(pl.col("said").str.contains("Vorschlag von US-Präsident") & (pl.col("text") == "Gipfeltreffen"))
    assert proposal["meeting_status"].to_list() == ["proposed"]
    assert proposal["who"].to_list() == [BIDEN_PUTIN]


@pytest.mark.parametrize("who", [
    "Antony Blinken+Wolodymyr Selenskyj",
    "Mark Milley+Waleri Gerassimow",
    "Emmanuel Macron+Wladimir Putin",
])
def test_seed_meetings_of_other_people_are_their_own_events(seed_meetings: pl.DataFrame, who: str) -> None:
    theirs = set(seed_meetings.filter(pl.col("who") == who)["meeting_event"])
    biden_putin = set(seed_meetings.filter(pl.col("who") == BIDEN_PUTIN)["meeting_event"])
    assert theirs and not theirs & biden_putin
    assert all(event.startswith(who + "/") for event in theirs)


def test_erstmals_and_zuletzt_pick_the_earliest_and_the_latest_meeting_held() -> None:
    june = _article("a", "2021-07", "Biden und Putin haben sich im Juni in Genf getroffen.",
                    [("im Juni", date(2021, 6, 1), date(2021, 6, 30), "month")])
    october = _article("b", "2021-11", "Biden und Putin haben sich im Oktober in Rom getroffen.",
                       [("im Oktober", date(2021, 10, 1), date(2021, 10, 31), "month")])
    first = _article("c", "2021-12", "Biden und Putin hatten sich erstmals persönlich getroffen.")
    latest = _article("d", "2021-12", "Biden und Putin hatten sich zuletzt persönlich getroffen.")
    events = _events(june, october, first, latest)
    assert events[("c", "getroffen")] == events[("a", "getroffen")]
    assert events[("d", "getroffen")] == events[("b", "getroffen")]
    assert events[("a", "getroffen")] != events[("b", "getroffen")]


_PEOPLE = ["Joe Biden", "Wladimir Putin", "Olaf Scholz", "Emmanuel Macron"]


@st.composite
def _meeting_rows(draw) -> pl.DataFrame:
    rows = []
    for index in range(draw(st.integers(min_value=0, max_value=12))):
        start = draw(st.one_of(st.none(), st.dates(min_value=date(2021, 1, 1), max_value=date(2022, 12, 31))))
        length = draw(st.integers(min_value=0, max_value=40))
        published = draw(st.sampled_from(["2021-06", "2021-12", "2022-02", "2022-02-12"]))
        period = PublicationDate.parse(published)
        rows.append({
            "id": f"a{index % 3}#meeting@{index}", "article": f"a{index % 3}", "published": published,
            "published_start": period.start, "published_end": period.end, "kind": "meeting", "text": "Treffen",
            "span_start": index * 10, "span_end": index * 10 + 7, "sentence": draw(st.sampled_from(["", "zuletzt", "erstmals"])),
            "date_start": start, "date_end": None if start is None else start + timedelta(days=length),
            "date_weekday": draw(st.one_of(st.none(), st.integers(min_value=1, max_value=7))),
            "meeting_participants": sorted(draw(st.sets(st.sampled_from(_PEOPLE), min_size=1, max_size=3))),
            "meeting_mode": draw(st.sampled_from(["in_person", "phone", "video", "unspecified"])),
            "meeting_status": draw(st.sampled_from(["proposed", "agreed", "planned", "held", "denied", "cancelled"])),
            "meeting_place": draw(st.sampled_from([None, "Geneva", "Vienna", "third country"])),
        })
    return pl.DataFrame(rows, schema=CLAIMS_SCHEMA) if rows else pl.DataFrame(schema=CLAIMS_SCHEMA)


@settings(max_examples=150, deadline=None)
@given(_meeting_rows(), st.randoms(use_true_random=False))
def test_events_never_raise_and_do_not_depend_on_row_order(frame: pl.DataFrame, random) -> None:
    result = assign_events(frame)
    keys = dict(zip(result["id"], result["meeting_event"]))
    for row in result.iter_rows(named=True):
        assert row["meeting_event"].startswith("+".join(row["meeting_participants"]) + "/")
    order = list(range(frame.height))
    random.shuffle(order)
    shuffled = assign_events(frame[order]) if order else assign_events(frame)
    assert dict(zip(shuffled["id"], shuffled["meeting_event"])) == keys


# --- undated mentions of other articles -----------------------------------------------------------------

# Announced in one article for a day three weeks ahead; called off, undated, in another.
ANNOUNCED = _article(
    "plan", "2024-05-03", "Merkel und Macron wollen sich am 24. Mai in Aachen treffen.",
    [("am 24. Mai", date(2024, 5, 24), date(2024, 5, 24))],
)


def test_an_undated_cancellation_joins_the_announced_meeting_of_another_article() -> None:
    called_off = _article("off", "2024-05-20", "Das geplante Treffen von Merkel und Macron ist abgesagt worden.")
    events = _events(ANNOUNCED, called_off)
    assert events[("off", "Treffen")] == events[("plan", "treffen")] == "Angela Merkel+Emmanuel Macron/in_person/2024-05-24"


def test_an_undated_mention_long_before_or_after_the_meeting_stays_apart() -> None:
    early = _article("early", "2024-01-10", "Merkel und Macron wollen sich treffen.")
    late = _article("late", "2024-08-20", "Das Treffen von Merkel und Macron wurde abgesagt.")
    events = _events(ANNOUNCED, early, late)
    assert events[("early", "treffen")] != events[("plan", "treffen")]
    assert events[("late", "Treffen")] != events[("plan", "treffen")]


def test_an_undated_mention_between_two_summits_joins_the_nearer_one_only() -> None:
    june = _article("june", "2024-06-03", "Merkel und Macron treffen sich am 12. Juni in Aachen.",
                    [("am 12. Juni", date(2024, 6, 12), date(2024, 6, 12))])
    december = _article("dec", "2024-11-28", "Merkel und Macron treffen sich am 4. Dezember in Aachen.",
                        [("am 4. Dezember", date(2024, 12, 4), date(2024, 12, 4))])
    summer = _article("summer", "2024-06-05", "Das Treffen von Merkel und Macron findet nicht statt.")
    autumn = _article("autumn", "2024-09-15", "Der Gipfel von Merkel und Macron wurde abgesagt.")
    events = _events(june, december, summer, autumn)
    assert events[("june", "treffen")] != events[("dec", "treffen")]
    assert events[("summer", "Treffen")] == events[("june", "treffen")]
    assert events[("autumn", "Gipfel")] not in (events[("june", "treffen")], events[("dec", "treffen")])


def test_a_cancellation_does_not_join_a_meeting_reported_only_as_held() -> None:
    held = _article("held", "2024-05-25", "Merkel und Macron haben sich am 24. Mai in Aachen getroffen.",
                    [("am 24. Mai", date(2024, 5, 24), date(2024, 5, 24))])
    called_off = _article("off", "2024-05-28", "Das Treffen von Merkel und Macron ist abgesagt worden.")
    events = _events(held, called_off)
    assert events[("off", "Treffen")] != events[("held", "getroffen")]


def test_an_undated_mention_of_an_article_dated_only_to_the_month_stays_apart() -> None:
    month = _article("month", "2024-05", "Das Treffen von Merkel und Macron ist abgesagt worden.")
    events = _events(ANNOUNCED, month)
    assert events[("month", "Treffen")] != events[("plan", "treffen")]


@pytest.mark.parametrize("first, second", [("a", "b"), ("b", "a")])
def test_undated_mentions_that_disagree_join_neither_whatever_the_file_names(first, second) -> None:
    """A planned talk, a cancelled phone call and a cancelled meeting: the two cancellations disagree
    on the mode, so neither joins, and the keys do not depend on which article id sorts first."""
    plan = _article("plan", "2024-05-03", "Merkel und Macron wollen am 24. Mai miteinander sprechen.",
                    [("am 24. Mai", date(2024, 5, 24), date(2024, 5, 24))])
    call = _article(first, "2024-05-20", "Das geplante Telefonat von Merkel und Macron ist abgesagt worden.")
    meeting = _article(second, "2024-05-20", "Das geplante Treffen von Merkel und Macron ist abgesagt worden.")
    events = _events(plan, call, meeting)
    assert events[("plan", "sprechen")] == "Angela Merkel+Emmanuel Macron/unspecified/2024-05-24"
    assert events[(first, "Telefonat")].endswith("/phone/undated-2024-05-20")
    assert events[(second, "Treffen")].endswith("/in_person/undated-2024-05-20")


@pytest.mark.parametrize("first, second", [("a", "b"), ("b", "a")])
def test_undated_mentions_that_agree_join_the_same_meeting_whatever_the_file_names(first, second) -> None:
    plan = _article("plan", "2024-05-03", "Merkel und Macron wollen am 24. Mai miteinander sprechen.",
                    [("am 24. Mai", date(2024, 5, 24), date(2024, 5, 24))])
    call = _article(first, "2024-05-20", "Das geplante Telefonat von Merkel und Macron ist abgesagt worden.")
    again = _article(second, "2024-05-21", "Das Telefonat von Merkel und Macron findet nicht statt.")
    events = _events(plan, call, again)
    assert events[(first, "Telefonat")] == events[(second, "Telefonat")] == events[("plan", "sprechen")]
    assert events[("plan", "sprechen")] == "Angela Merkel+Emmanuel Macron/phone/2024-05-24"
