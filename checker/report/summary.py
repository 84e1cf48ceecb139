"""The run's summary figures, computed once and shown by every output format."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class Summary:
    articles: int
    claims: int
    contradictions: int
    new_contradictions: int
    updates: int
    confirmations: int
    new_findings: int
    stale: int
    input_errors: int

    @classmethod
    def of(cls, articles: int, claims: int, findings: pl.DataFrame, stale: int, input_errors: int) -> "Summary":
        def count(kind: str, only_new: bool = False) -> int:
            selected = findings.filter(pl.col("kind") == kind)
            if only_new:
                selected = selected.filter(pl.col("new"))
            return selected.height

        return cls(
            articles=articles,
            claims=claims,
            contradictions=count("contradiction"),
            new_contradictions=count("contradiction", only_new=True),
            updates=count("update"),
            confirmations=count("confirmation"),
            new_findings=findings.filter(pl.col("new")).height,
            stale=stale,
            input_errors=input_errors,
        )

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "claims": self.claims,
            "contradictions": self.contradictions,
            "new_contradictions": self.new_contradictions,
            "updates": self.updates,
            "confirmations": self.confirmations,
            "new_findings": self.new_findings,
            "stale_baseline_entries": self.stale,
            "input_errors": self.input_errors,
        }

    def line(self) -> str:
        return (
            f"{self.articles} articles, {self.claims} claims: {self.contradictions} contradictions "
            f"({self.new_contradictions} new), {self.updates} updates, {self.confirmations} confirmations"
            + (f", {self.stale} stale baseline entries" if self.stale else "")
            + (f", {self.input_errors} input errors" if self.input_errors else "")
        )
