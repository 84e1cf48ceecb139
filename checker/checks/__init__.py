"""The fixed set of check types a rule may extend, one module each (see `checker.rules.CHECK_TYPES`)."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from checker.checks.calendar_agreement import check_calendar_agreement
from checker.checks.event_consistency import check_event_consistency
from checker.checks.quantity_series import check_quantity_series
from checker.checks.status_progression import check_status_of_article, check_status_progression
from checker.rules import Rule

CHECKS: dict[str, Callable[[pl.DataFrame, Rule], pl.DataFrame]] = {
    "quantity_series": check_quantity_series,
    "event_consistency": check_event_consistency,
    "status_progression": check_status_progression,
    "calendar_agreement": check_calendar_agreement,
}
# Check types whose report tells a finding once, from whichever articles showed it first, so that a
# single sentence checked against the corpus (`checker claim`) could find its own report left out:
# these give every finding of one article's claims instead.
ARTICLE_CHECKS: dict[str, Callable[[pl.DataFrame, Rule, str], pl.DataFrame]] = {
    "status_progression": check_status_of_article,
}
