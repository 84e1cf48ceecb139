"""`checker check --format json`: findings and summary as INTERFACE.md fixes them."""

from __future__ import annotations

import json

import polars as pl

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
    }


def findings_json(findings: pl.DataFrame, summary: Summary) -> str:
    document = {
        "findings": [finding_to_json(row) for row in findings.iter_rows(named=True)],
        "summary": summary.as_dict(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
