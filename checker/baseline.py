"""The baseline: findings someone has already looked at, keyed by content fingerprint.

`checker check` marks each finding new or known and lists baseline entries that no longer occur
(stale). A corrupt baseline is an input error, never silently ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from checker.atomic import write_atomic
from checker.errors import InputError, InputProblem

BASELINE_VERSION = 1


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    rule: str
    kind: str
    summary: str
    reason: str | None = None


def load_baseline(path: str | Path) -> dict[str, BaselineEntry]:
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise InputProblem(InputError(name, "baseline file not found")) from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputProblem(InputError(name, f"cannot read baseline: {error}")) from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputProblem(InputError(name, f"corrupt baseline: {error.msg}", error.lineno)) from error
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputProblem(InputError(name, "corrupt baseline: expected an object with a 'findings' list"))
    if data.get("version", BASELINE_VERSION) != BASELINE_VERSION:
        raise InputProblem(InputError(name, f"unsupported baseline version {data.get('version')!r}; expected {BASELINE_VERSION}", field="version"))
    entries: dict[str, BaselineEntry] = {}
    for position, item in enumerate(data["findings"]):
        where = f"findings[{position}]"
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item.get(k) for k in ("fingerprint", "rule", "kind", "summary")):
            raise InputProblem(
                InputError(name, "corrupt baseline: each entry needs non-empty string fields fingerprint, rule, kind, summary", field=where)
            )
        reason = item.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise InputProblem(InputError(name, "corrupt baseline: 'reason' must be a string or null", field=f"{where}.reason"))
        if item["fingerprint"] in entries:
            raise InputProblem(InputError(name, f"corrupt baseline: fingerprint {item['fingerprint']} appears twice", field=where))
        entries[item["fingerprint"]] = BaselineEntry(item["fingerprint"], item["rule"], item["kind"], item["summary"], reason)
    return entries


def write_baseline(path: str | Path, findings: pl.DataFrame, previous: dict[str, BaselineEntry] | None = None) -> int:
    """Accept every finding; reasons given earlier for the same fingerprint are kept."""
    previous = previous or {}
    entries = []
    for row in findings.sort("fingerprint").iter_rows(named=True):
        old = previous.get(row["fingerprint"])
        entries.append(
            {
                "fingerprint": row["fingerprint"],
                "rule": row["rule"],
                "kind": row["kind"],
                "summary": row["message"],
                "reason": old.reason if old else None,
            }
        )
    write_atomic(path, json.dumps({"version": BASELINE_VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


def mark_new(findings: pl.DataFrame, baseline: dict[str, BaselineEntry]) -> pl.DataFrame:
    return findings.with_columns((~pl.col("fingerprint").is_in(list(baseline))).alias("new"))


def stale_entries(findings: pl.DataFrame, baseline: dict[str, BaselineEntry]) -> list[BaselineEntry]:
    current = set(findings["fingerprint"].to_list())
    return [entry for fingerprint, entry in sorted(baseline.items()) if fingerprint not in current]
