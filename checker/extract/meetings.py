"""Meeting claims (placeholder until the meetings issue)."""

from __future__ import annotations

from checker.document import Document
from checker.schema import Claim


def extract_meetings(doc: Document, date_claims: list[Claim]) -> list[Claim]:
    return []
