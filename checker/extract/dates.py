"""Date expressions resolved against the publication date (placeholder until the dates issue)."""

from __future__ import annotations

from checker.document import Document
from checker.schema import Claim


def extract_dates(doc: Document) -> list[Claim]:
    return []
