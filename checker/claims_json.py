"""The claim as scripts read it (INTERFACE.md): the flat claims frame turned into nested JSON objects."""

from __future__ import annotations

from datetime import date
from typing import Any


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _date_block(row: dict) -> dict | None:
    if row["date_start"] is None and row["date_timex"] is None:
        return None
    block = {
        "start": _iso(row["date_start"]),
        "end": _iso(row["date_end"]),
        "granularity": row["date_granularity"],
        "timex": row["date_timex"],
    }
    if row.get("date_weekday") is not None:
        block["weekday"] = row["date_weekday"]
    return block


def claim_to_json(row: dict) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "id": row["id"],
        "article": row["article"],
        "published": row["published"],
        "kind": row["kind"],
        "text": row["text"],
        "span": [row["span_start"], row["span_end"]],
        "line": row["line"],
        "sentence": row["sentence"],
        "source": row["source"],
    }
    if row["kind"] == "date":
        claim["date"] = _date_block(row)
    elif row["kind"] == "quantity":
        claim["quantity"] = {
            "value": _number(row["quantity_value"]),
            "low": _number(row["quantity_low"]),
            "high": _number(row["quantity_high"]),
            "qualifier": row["quantity_qualifier"],
            "unit": row["quantity_unit"],
            "role": row.get("quantity_role"),
        }
        if row.get("quantity_measure") is not None:
            claim["quantity"]["measure"] = row["quantity_measure"]  # only where the sentence names it
        if row.get("quantity_part_of"):
            claim["quantity"]["part_of"] = row["quantity_part_of"]  # only a part carries it (README.md)
        claim["actor"] = row["actor"]
        claim["location"] = row["location"]
        date_block = _date_block(row)
        if date_block:
            claim["date"] = date_block
    elif row["kind"] == "meeting":
        claim["meeting"] = {
            "participants": list(row["meeting_participants"] or []),
            "mode": row["meeting_mode"],
            "status": row["meeting_status"],
            "place": row["meeting_place"],
            "date": _date_block(row),
            "event": row["meeting_event"],
        }
    return claim
