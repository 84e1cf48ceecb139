"""One name per person across articles (checker/extract/surnames.py): a meeting party named by a
surname alone in one article is the person another article names in full, if only one."""

from __future__ import annotations

from datetime import date

import polars as pl

from checker.pipeline import link_events
from test_events import _article

PLANNED = _article(
    "a", "2025-03-09", "Bürgermeisterin Karla Brenning will sich am Montag mit Landrat Udo Fessler in Passau treffen.",
    [("am Montag", date(2025, 3, 10), date(2025, 3, 10), "day", 1)],
)
CANCELLED = _article(
    "b", "2025-03-10", "Das für heute geplante Treffen von Bürgermeisterin Brenning mit Landrat Fessler in Passau wurde abgesagt.",
    [("heute", date(2025, 3, 10), date(2025, 3, 10))],
)


def _meetings(*frames: pl.DataFrame) -> dict[str, tuple[list[str], str]]:
    linked = link_events(pl.concat(frames)).filter(pl.col("kind") == "meeting")
    return {row["article"]: (row["meeting_participants"], row["meeting_event"]) for row in linked.iter_rows(named=True)}


def test_surnames_name_the_people_another_article_names_in_full() -> None:
    meetings = _meetings(PLANNED, CANCELLED)
    assert meetings["a"] == meetings["b"] == (["Karla Brenning", "Udo Fessler"], "Karla Brenning+Udo Fessler/in_person/2025-03-10")


def test_a_surname_two_people_share_stays_as_written() -> None:
    other = _article("c", "2025-03-09", "Bürgermeisterin Petra Fessler traf sich am Montag mit Landrat Jonas Kleber in Straubing.",
                     [("am Montag", date(2025, 3, 10), date(2025, 3, 10), "day", 1)])
    meetings = _meetings(PLANNED, CANCELLED, other)
    assert meetings["b"][0] == ["Fessler", "Karla Brenning"]


def test_a_surname_alone_in_the_corpus_stays_as_written() -> None:
    assert _meetings(CANCELLED)["b"][0] == ["Brenning", "Fessler"]
