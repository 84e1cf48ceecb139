"""The meeting timeline: every meeting the articles mention, by date, with what each source says of it."""

from __future__ import annotations

from datetime import date

import polars as pl

from checker.formatting import NO_SOURCE_NAMED, table_cell


def _date_text(start: date | None, end: date | None) -> str:
    """A mention's date interval; an open side is said as such, as the findings do ("in den kommenden
    Monaten" is from the publication on, not the day it starts)."""
    if start is None and end is None:
        return "no date"
    if end is None:
        return f"from {start.isoformat()}"
    if start is None:
        return f"until {end.isoformat()}"
    if end == start:
        return start.isoformat()
    return f"{start.isoformat()} – {end.isoformat()}"


def _distinct(values: list) -> str:
    present = sorted({value for value in values if value})
    return ", ".join(present) if present else "–"


def meeting_timeline(claims: pl.DataFrame) -> str:
    """A Markdown section with one table row per meeting event, sorted by the earliest date said of it.

    Each row lists the dates, modes and places the articles give (several when they disagree) and,
    per mention, the source, its status, and the article and line.
    """
    meetings = claims.filter((pl.col("kind") == "meeting") & pl.col("meeting_event").is_not_null())
    lines = ["## Meeting timeline", ""]
    if meetings.is_empty():
        lines.append("No meetings found.")
        return "\n".join(lines) + "\n"
    events = (
        meetings.group_by("meeting_event")
        .agg(pl.col("date_start").min().alias("first_date"))
        .sort(["first_date", "meeting_event"], nulls_last=True)
    )
    lines.extend(["| event | date | mode | place | statuses by source |", "|---|---|---|---|---|"])
    # One sorted conversion of every mention, grouped here: a filter per event costs a query each.
    mentions_of: dict[str, list[dict]] = {}
    shown = ["meeting_event", "date_start", "date_end", "meeting_mode", "meeting_place", "source", "meeting_status", "text", "article", "line"]
    in_order = meetings.sort(["meeting_event", "published_start", "article", "line", "span_start"], nulls_last=True, maintain_order=True)
    for row in in_order.select(shown).iter_rows(named=True):
        mentions_of.setdefault(row["meeting_event"], []).append(row)
    for event in events.iter_rows(named=True):
        rows = mentions_of[event["meeting_event"]]
        dated = {(row["date_start"], row["date_end"]) for row in rows if row["date_start"] is not None or row["date_end"] is not None}
        dates = sorted(dated, key=lambda interval: (interval[0] or date.min, interval[1] or date.max))
        date_cell = ", ".join(_date_text(start, end) for start, end in dates) if dates else "no date"
        # The words that carry the status tell mentions in the same line apart; identical ones are shown once.
        mentions_text = [
            table_cell(f"{row['source'] or NO_SOURCE_NAMED}: {row['meeting_status'] or '?'} «{row['text']}» ({row['article']}, line {row['line']})")
            for row in rows
        ]
        statuses = "<br>".join(dict.fromkeys(mentions_text))
        lines.append(
            f"| {table_cell(event['meeting_event'])} | {date_cell} | {table_cell(_distinct([r['meeting_mode'] for r in rows]))} "
            f"| {table_cell(_distinct([r['meeting_place'] for r in rows]))} | {statuses} |"
        )
    return "\n".join(lines) + "\n"
