"""Quantity claims (placeholder until the numbers issue)."""

from __future__ import annotations

from checker.document import Document
from checker.schema import Claim


def extract_quantities(doc: Document, date_claims: list[Claim]) -> list[Claim]:
    return []
