"""The time between two intervals as a polars expression, for the windows that link stories' articles,
meeting mentions and a series' figures (`checker.stories`, `checker.single_claim`, `checker.checks`)."""

from __future__ import annotations

import polars as pl


def interval_gap(start: str | pl.Expr, end: str | pl.Expr, other_start: str | pl.Expr, other_end: str | pl.Expr) -> pl.Expr:
    """The duration from the end of the earlier interval to the start of the later one; zero or
    negative when they share a day, so that `gap <= pl.duration(days=n)` reads "at most n days apart"."""
    return pl.max_horizontal(start, other_start) - pl.min_horizontal(end, other_end)


def paired_gap(start: str, end: str) -> pl.Expr:
    """`interval_gap` between a pair's two claims: the columns `start`, `end` and their `_b` twins."""
    return interval_gap(start, end, start + "_b", end + "_b")
