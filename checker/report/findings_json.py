"""`checker check --format json`: findings and summary as INTERFACE.md fixes them."""

from __future__ import annotations

import json

import polars as pl

from checker.baseline import BaselineEntry
from checker.report.summary import Summary


def finding_to_json(row: dict) -> dict:
    return {
        "fingerprint": row["fingerprint"],
        "rule": row["rule"],
        "kind": row["kind"],
        "severity": row["severity"],
        "message": row["message"],
        "claims": list(row["claims"]),
        "articles": list(row["articles"]),
        "new": bool(row.get("new", True)),
        "subject": row.get("subject"),
    }


def stale_to_json(entry: BaselineEntry) -> dict:
    return {"fingerprint": entry.fingerprint, "rule": entry.rule, "kind": entry.kind, "summary": entry.summary, "reason": entry.reason}


def findings_json(findings: pl.DataFrame, summary: Summary, stale: list[BaselineEntry] | None = None) -> str:
    """INTERFACE.md's shape, plus `stale`: baseline entries that no longer occur."""
    document = {
        "findings": [finding_to_json(row) for row in findings.iter_rows(named=True)],
        "summary": summary.as_dict(),
        "stale": [stale_to_json(entry) for entry in stale or []],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
