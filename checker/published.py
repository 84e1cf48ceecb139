"""Publication dates as intervals: `2021`, `2021-12` or `2021-12-07`.

A date known only to the month is the whole month, never an invented day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# An ISO 8601 date-time, as content systems export it ("2024-03-05T10:30:00+01:00", "… 10:30Z").
_DATE_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](?:[01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:[.,]\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?$"
)


@dataclass(frozen=True)
class PublicationDate:
    start: date
    end: date
    granularity: str  # "day" | "month" | "year"

    @property
    def text(self) -> str:
        if self.granularity == "year":
            return f"{self.start.year:04d}"
        if self.granularity == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()

    @property
    def anchor(self) -> date:
        """The day a reader resolves relative expressions from when only a day will do."""
        if self.granularity == "day":
            return self.start
        # Middle of the known interval: "heute" in a month-dated article is somewhere in that month.
        return date.fromordinal((self.start.toordinal() + self.end.toordinal()) // 2)

    @classmethod
    def parse(cls, value: str) -> "PublicationDate":
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or an ISO date-time, whose day is the one written
        (the newsroom's local day, which its readers see; not converted to UTC); raises ValueError
        with a readable reason."""
        value = value.strip()
        date_time = _DATE_TIME.match(value)
        match = _PATTERN.match(date_time.group(1) if date_time else value)
        if not match:
            raise ValueError(f"date {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time (YYYY-MM-DDThh:mm…)")
        year = int(match.group(1))
        if match.group(2) is None:
            return cls(date(year, 1, 1), date(year, 12, 31), "year")
        month = int(match.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"date {value!r} has month {month:02d}, which does not exist")
        last_day = calendar.monthrange(year, month)[1]
        if match.group(3) is None:
            return cls(date(year, month, 1), date(year, month, last_day), "month")
        day = int(match.group(3))
        if not 1 <= day <= last_day:
            raise ValueError(f"date {value!r} has day {day:02d}, which {year:04d}-{month:02d} does not have")
        return cls(date(year, month, day), date(year, month, day), "day")
