"""`checker extract --format table`: one readable line per claim."""

from __future__ import annotations

import polars as pl


def _describe(row: dict) -> str:
    if row["kind"] == "quantity":
        parts = [f"{row['quantity_value']:g} {row['quantity_unit'] or '?'} ({row['quantity_qualifier']})"]
        if row["actor"]:
            parts.append(f"actor={row['actor']}")
        if row["location"]:
            parts.append(f"at={row['location']}")
        return " ".join(parts)
    if row["kind"] == "meeting":
        who = "+".join(row["meeting_participants"] or []) or "?"
        return f"{who} {row['meeting_mode']} {row['meeting_status']} place={row['meeting_place']} event={row['meeting_event']}"
    return f"{row['date_start']}..{row['date_end']} {row['date_granularity']} {row['date_timex']}"


def claims_table(claims: pl.DataFrame) -> str:
    lines = [f"{'article':<24} {'line':>4} {'kind':<8} {'text':<36} normalised"]
    for row in claims.iter_rows(named=True):
        text = row["text"].replace("\n", " ")
        text = text if len(text) <= 36 else text[:33] + "..."
        source = f" source={row['source']}" if row["source"] else ""
        lines.append(f"{row['article'][:24]:<24} {row['line']:>4} {row['kind']:<8} {text:<36} {_describe(row)}{source}")
    return "\n".join(lines) + "\n"
