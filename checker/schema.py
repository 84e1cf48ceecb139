"""The frames that pass between stages, declared once and validated where stages meet.

Claims are flat rows in polars: the nested JSON shape of INTERFACE.md is produced only at
the edge (`checker.claims_json`). Columns prefixed `quantity_` / `meeting_` belong to that
kind; `date_*` is the time the claim is about (the expression itself for a date claim, the
meeting's date for a meeting, the date linked to a figure for a quantity).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

import polars as pl

KINDS = ("date", "quantity", "meeting")
GRANULARITIES = ("day", "week", "month", "quarter", "year", "decade", "century")
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "almost", "over", "range")
MEETING_MODES = ("in_person", "phone", "video", "unspecified")
MEETING_STATUSES = ("proposed", "agreed", "planned", "held", "denied", "cancelled")
# What a figure says about its count: the count itself ("rund 150.000 Soldaten"), the size of a
# sending ("weitere 10.000 Soldaten verlegt"), a difference ("um 2000 gestiegen") or an amount
# added to an unnamed total ("12 weitere Menschen starben"); of a length of time, a prison term a
# court imposed ("vier Jahre Haft", checker/extract/durations.py); the group a survey asked ("eine
# Umfrage unter 2000 Abiturienten"), a sample of its noun. Only levels form a series.
QUANTITY_ROLES = ("level", "deployment", "change", "addition", "sentence", "sample")
# Grouping fields whose null is a value of its own: a figure that is no part of a whole
# (`quantity_part_of` null) is compared with other such figures, not left out of every rule that
# groups by the field (checker.engine fills the null with "" where a rule groups by it).
NULL_IS_A_GROUP = ("quantity_part_of",)

ARTICLES_SCHEMA: dict[str, pl.DataType] = {
    "article": pl.String,
    "path": pl.String,
    "published": pl.String,
    "published_start": pl.Date,
    "published_end": pl.Date,
    "published_granularity": pl.String,
    "source": pl.String,
    "title": pl.String,
    "url": pl.String,
    "body_start": pl.Int64,
    "content_hash": pl.String,
    # The distinct capitalised words of its title and text, space-separated (checker/story_terms.py).
    "terms": pl.String,
}

CLAIMS_SCHEMA: dict[str, pl.DataType] = {
    "id": pl.String,
    "article": pl.String,
    "published": pl.String,
    "published_start": pl.Date,
    "published_end": pl.Date,
    "kind": pl.String,
    "text": pl.String,
    "span_start": pl.Int64,
    "span_end": pl.Int64,
    "line": pl.Int64,
    "sentence_index": pl.Int64,
    "sentence": pl.String,
    "source": pl.String,
    "date_start": pl.Date,
    "date_end": pl.Date,
    "date_granularity": pl.String,
    "date_timex": pl.String,
    "date_weekday": pl.Int64,
    "quantity_value": pl.Float64,
    "quantity_low": pl.Float64,
    "quantity_high": pl.Float64,
    "quantity_qualifier": pl.String,
    "quantity_unit": pl.String,
    "quantity_role": pl.String,
    "quantity_measure": pl.String,
    "quantity_part_of": pl.String,
    "actor": pl.String,
    "location": pl.String,
    "meeting_participants": pl.List(pl.String),
    "meeting_mode": pl.String,
    "meeting_status": pl.String,
    "meeting_place": pl.String,
    "meeting_event": pl.String,
}

FINDINGS_SCHEMA: dict[str, pl.DataType] = {
    "fingerprint": pl.String,
    "rule": pl.String,
    "kind": pl.String,
    "severity": pl.String,
    "message": pl.String,
    "subject": pl.String,
    "claims": pl.List(pl.String),
    "articles": pl.List(pl.String),
}


@dataclass(slots=True)
class Claim:
    """What an extractor returns: a span of the document plus the normalised fields of its kind.

    The pipeline fills in id, article, line and sentence; extractors fill the rest.
    """

    kind: str
    span_start: int
    span_end: int
    source: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_granularity: str | None = None
    date_timex: str | None = None
    date_weekday: int | None = None  # ISO weekday (1 = Monday) the text names, if any
    quantity_value: float | None = None
    quantity_low: float | None = None
    quantity_high: float | None = None
    quantity_qualifier: str | None = None
    quantity_unit: str | None = None
    quantity_role: str | None = None  # one of QUANTITY_ROLES for a quantity claim, else None
    quantity_measure: str | None = None  # what an amount or a share measures, where its words name it (checker.extract.measures)
    # The unit of the whole a figure counts a part of, where the sentence says so ("etwa 720 der 800
    # Delegierten": delegate; "60.000 Fahrzeuge, darunter 9000 Lastwagen": the vehicles' unit;
    # "unter den Toten vier Deutsche": death), else None. A part is no level of the whole: the
    # quantity rules group by it, so it is compared only with parts of the same whole.
    quantity_part_of: str | None = None
    actor: str | None = None
    location: str | None = None
    meeting_participants: list[str] = field(default_factory=list)
    meeting_mode: str | None = None
    meeting_status: str | None = None
    meeting_place: str | None = None
    meeting_event: str | None = None

    def __post_init__(self) -> None:
        # A figure nobody marked as an increment is the count itself: an extractor that knows no
        # roles (a plug-in, a stand-in in a test) still yields claims the series rules compare.
        if self.kind == "quantity" and self.quantity_role is None:
            self.quantity_role = "level"


CLAIM_FIELDS = tuple(f.name for f in fields(Claim))


class SchemaError(Exception):
    """A frame does not have the declared columns and types: a defect between two stages."""


def empty_frame(schema: dict[str, pl.DataType]) -> pl.DataFrame:
    return pl.DataFrame(schema=schema)


def validate_frame(frame: pl.DataFrame, schema: dict[str, pl.DataType], stage: str) -> pl.DataFrame:
    """Check columns and dtypes against `schema`; return the frame with columns in schema order."""
    # `frame.schema` builds a new Schema object on every access: read it once (this runs per article).
    actual = frame.schema
    missing = [name for name in schema if name not in actual]
    if missing:
        raise SchemaError(f"{stage}: missing columns {missing}")
    wrong = [f"{name} is {actual[name]}, expected {dtype}" for name, dtype in schema.items() if actual[name] != dtype]
    if wrong:
        raise SchemaError(f"{stage}: " + "; ".join(wrong))
    # A frame built in schema order is returned as it is; else indexing by names projects at once,
    # where `select` would plan and run a query.
    columns = list(schema)
    return frame if frame.columns == columns else frame[columns]
