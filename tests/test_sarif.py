"""`--format sarif`: SARIF 2.1.0 that validates, with locations, fingerprints and baseline states."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.baseline import BaselineEntry
from checker.report.evidence import quotes_by_finding
from checker.report.sarif import FINGERPRINT_KEY, artifact_uri, sarif_document, sarif_json
from checker.rules import load_rules
from test_reports import troop_result

REPO_ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = REPO_ROOT.parent / "shared" / "data" / "sarif" / "sarif-schema-2.1.0.json"


def sarif_of(tmp_path: Path, stale: list[BaselineEntry] | None = None) -> dict:
    result = troop_result(tmp_path, stale=stale)
    baseline = tmp_path / "reports" / "baseline.json"
    baseline.parent.mkdir(parents=True, exist_ok=True)
    baseline.write_text('{"version": 1, "findings": [\n  {"fingerprint": "f-gone"}\n]}\n', encoding="utf-8")
    result.baseline_path = str(baseline)
    result.rules = load_rules(REPO_ROOT / "rules")
    extraction = result.extraction
    quotes = quotes_by_finding(result.findings, extraction.claims, extraction.articles)
    return json.loads(sarif_json(result, quotes, root=tmp_path))


@pytest.fixture
def sarif_validator():
    if not SARIF_SCHEMA.exists():
        pytest.skip(f"SARIF 2.1.0 schema not found at {SARIF_SCHEMA} (shared data folder absent)")
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema)


def test_sarif_validates_against_the_schema(tmp_path, sarif_validator):
    document = sarif_of(tmp_path, stale=[BaselineEntry("f-gone", "QTY001", "contradiction", "alt", "Grund")])
    errors = sorted(sarif_validator.iter_errors(document), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_one_result_per_finding_with_fingerprint_and_baseline_state(tmp_path):
    document = sarif_of(tmp_path, stale=[BaselineEntry("f-gone", "QTY001", "contradiction", "alt", None)])
    results = document["runs"][0]["results"]
    states = [(r["partialFingerprints"][FINGERPRINT_KEY], r["baselineState"], r["level"]) for r in results]
    assert states == [("f-known", "unchanged", "error"), ("f-new", "new", "error"), ("f-update", "new", "note"), ("f-gone", "absent", "note")]
    assert all(r["ruleId"] == "QTY001" for r in results)


def test_locations_point_at_the_claims_in_the_article_files(tmp_path):
    document = sarif_of(tmp_path)
    new = next(r for r in document["runs"][0]["results"] if r["baselineState"] == "new")
    uris = [location["physicalLocation"]["artifactLocation"]["uri"] for location in new["locations"]]
    assert uris == ["corpus/jan.txt", "corpus/feb.txt"]
    region = new["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (1, 1)
    assert document["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_rules_carry_their_title(tmp_path):
    driver = sarif_of(tmp_path)["runs"][0]["tool"]["driver"]
    rule = next(rule for rule in driver["rules"] if rule["id"] == "QTY001")
    assert rule["shortDescription"]["text"]
    assert rule["name"] == "quantity-series"


def test_artifact_uri_is_relative_below_the_root_and_a_file_uri_elsewhere(tmp_path):
    (tmp_path / "a b").mkdir()
    assert artifact_uri(str(tmp_path / "a b" / "x.txt"), tmp_path) == "a%20b/x.txt"
    assert artifact_uri("/elsewhere/x.txt", tmp_path) == "file:///elsewhere/x.txt"


def test_sarif_is_deterministic(tmp_path):
    result = troop_result(tmp_path)
    first = sarif_document(result, {}, tmp_path)
    second = sarif_document(result, {}, tmp_path)
    assert first == second


def test_every_result_has_a_location_as_github_code_scanning_requires(tmp_path):
    document = sarif_of(tmp_path, stale=[BaselineEntry("f-gone", "QTY001", "contradiction", "alt", None)])
    results = document["runs"][0]["results"]
    assert all(result["locations"] for result in results)
    absent = next(result for result in results if result["baselineState"] == "absent")
    physical = absent["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "reports/baseline.json"
    assert (physical["region"]["startLine"], physical["region"]["startColumn"]) == (2, 20)


def test_articles_read_out_of_jsonl_or_timeml_get_a_file_location_without_region(tmp_path):
    from checker.report.evidence import Quote
    from checker.report.sarif import _location

    for suffix in (".jsonl", ".tml"):
        quote = Quote("c", "a", str(tmp_path / f"corpus{suffix}"), 3, 7, "2022-02", "rund 150.000", "Satz.")
        location = _location(quote, tmp_path)["physicalLocation"]
        assert location == {"artifactLocation": {"uri": f"corpus{suffix}"}}, "their lines count in the article text, not in the file"


def test_markdown_articles_get_columns_in_the_file(tmp_path):
    from report_frames import articles_frame, claim_row, claims_frame, finding_row, findings_frame

    article = tmp_path / "m.md"
    text = "---\npublished: 2022-02\nsource: tagesschau\n---\n# Titel\n\nLaut Pentagon sind es rund 150.000 Soldaten.\n"
    article.write_text(text, encoding="utf-8")
    start = text.index("rund")
    claims = claims_frame([claim_row("m#q", "m", "2022-02", "quantity", "rund 150.000", line=7, span_start=start)])
    quotes = quotes_by_finding(findings_frame([finding_row("f", "QTY001", "update", ["m#q"], ["m"])]), claims, articles_frame({"m": str(article)}, {"m": "2022-02"}))
    assert quotes["f"][0].column == text.splitlines()[6].index("rund") + 1
