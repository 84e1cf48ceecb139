"""`checker check --format sarif`: SARIF 2.1.0, one result per finding, for code-scanning tools.

Each result points at the quoted claims in the article files (one location per claim), carries the
content fingerprint as `partialFingerprints["checker/v1"]`, and says whether the baseline already
knew it (`unchanged`) or not (`new`). Baseline entries that no longer occur are `absent` results.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote as percent_encode

from checker import __version__
from checker.baseline import BaselineEntry
from checker.check import CheckResult
from checker.report.evidence import Quote
from checker.rules import Rule

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "checker/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# Only in these formats are a claim's line and column also its line and column in the file;
# `.tml` and `.jsonl` offsets point into text taken out of the file, so they get no region.
FILE_TEXT_SUFFIXES = (".txt", ".md")


def artifact_uri(path: str, root: Path | None = None) -> str:
    """The article file as a URI: relative to `root` (the working directory) when it lies below it."""
    root = (root or Path.cwd()).resolve()
    file_path = Path(path)
    absolute = file_path if file_path.is_absolute() else (root / file_path)
    try:
        relative = absolute.resolve().relative_to(root)
    except ValueError:
        return absolute.resolve().as_uri()
    return percent_encode(relative.as_posix(), safe="/")


def _rule_name(rule: Rule) -> str:
    """A readable name: the rule file's name without its id (`QTY001-quantity-series` → `quantity-series`)."""
    stem = Path(rule.path).stem
    name = stem[len(rule.id) :].lstrip("-_") if stem.startswith(rule.id) else ""
    return name or rule.extends


def _rule_descriptor(rule: Rule) -> dict:
    descriptor = {
        "id": rule.id,
        "name": _rule_name(rule),
        "shortDescription": {"text": rule.title},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity_of("contradiction"), "warning")},
        "properties": {"checkType": rule.extends},
    }
    if rule.description:
        description = " ".join(rule.description.split())
        descriptor["fullDescription"] = {"text": description}
        # Code scanning shows `help` beside each alert; explain what to do about one.
        descriptor["help"] = {"text": f"{description} Fix the article, or accept the finding with `checker baseline` and give a reason in the baseline file."}
    return descriptor


def _location(quote: Quote, root: Path | None) -> dict | None:
    if not quote.path:
        return None
    physical: dict = {"artifactLocation": {"uri": artifact_uri(quote.path, root)}}
    if Path(quote.path).suffix in FILE_TEXT_SUFFIXES and quote.line:
        physical["region"] = {"startLine": quote.line, "startColumn": quote.column, "snippet": {"text": quote.text}}
    sentence = " ".join(quote.sentence.split())
    return {"physicalLocation": physical, "message": {"text": f"{quote.article} ({quote.published}): {sentence}"}}


def _finding_result(row: dict, quotes: list[Quote], rule_index: dict[str, int], root: Path | None) -> dict:
    result: dict = {"ruleId": row["rule"]}
    if row["rule"] in rule_index:
        result["ruleIndex"] = rule_index[row["rule"]]
    result.update(
        level=LEVELS.get(row["severity"], "warning"),
        message={"text": row["message"]},
        locations=[location for location in (_location(quote, root) for quote in quotes) if location is not None],
        partialFingerprints={FINGERPRINT_KEY: row["fingerprint"]},
        baselineState="new" if row.get("new", True) else "unchanged",
        properties={"findingKind": row["kind"], "subject": row["subject"], "articles": list(row["articles"]), "claims": list(row["claims"])},
    )
    return result


def _baseline_location(entry: BaselineEntry, baseline_path: str | None, root: Path | None) -> list[dict]:
    """Where a stale entry sits in the baseline file: GitHub code scanning rejects a whole SARIF file
    when one result has no location, and that line is where the user acts (drops the entry)."""
    if baseline_path is None:
        return []
    line, column = 1, 1
    try:
        for number, text in enumerate(Path(baseline_path).read_text(encoding="utf-8").splitlines(), start=1):
            if entry.fingerprint in text:
                line, column = number, text.index(entry.fingerprint) + 1
                break
    except (OSError, UnicodeDecodeError):
        pass
    physical = {"artifactLocation": {"uri": artifact_uri(baseline_path, root)}, "region": {"startLine": line, "startColumn": column}}
    return [{"physicalLocation": physical, "message": {"text": "accepted baseline entry that no longer occurs"}}]


def _absent_result(entry: BaselineEntry, rule_index: dict[str, int], baseline_path: str | None, root: Path | None) -> dict:
    result: dict = {"ruleId": entry.rule}
    if entry.rule in rule_index:
        result["ruleIndex"] = rule_index[entry.rule]
    # A finding that went away is news, not a problem in the corpus.
    level = "note"
    properties = {"findingKind": entry.kind}
    if entry.reason:
        properties["baselineReason"] = entry.reason
    result.update(
        level=level,
        message={"text": f"No longer found (accepted in the baseline): {entry.summary}"},
        locations=_baseline_location(entry, baseline_path, root),
        partialFingerprints={FINGERPRINT_KEY: entry.fingerprint},
        baselineState="absent",
        properties=properties,
    )
    return result


def sarif_document(result: CheckResult, quotes: dict[str, list[Quote]], root: Path | None = None) -> dict:
    rules = sorted(result.rules, key=lambda rule: rule.id)
    rule_index = {rule.id: position for position, rule in enumerate(rules)}
    results = [
        _finding_result(row, quotes.get(row["fingerprint"], []), rule_index, root) for row in result.findings.iter_rows(named=True)
    ]
    results.extend(_absent_result(entry, rule_index, result.baseline_path, root) for entry in sorted(result.stale, key=lambda e: e.fingerprint))
    run = {
        "tool": {
            "driver": {
                "name": "checker",
                "version": __version__,
                "rules": [_rule_descriptor(rule) for rule in rules],
            }
        },
        # Columns count characters, as the claim spans do (not UTF-16 code units).
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"summary": result.summary.as_dict()},
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def sarif_json(result: CheckResult, quotes: dict[str, list[Quote]], root: Path | None = None) -> str:
    return json.dumps(sarif_document(result, quotes, root), ensure_ascii=False, indent=2) + "\n"
