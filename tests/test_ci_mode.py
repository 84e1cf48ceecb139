"""`checker check` as a CI gate, run through the CLI on a corpus, rules and baseline in a temporary copy.

The gate logic must not wait for (or break with) the extractors, so most tests run with a small
stand-in extractor for troop figures; `test_gate_with_the_real_extractors` runs the same story
with the real ones and skips until they extract such figures.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from checker.schema import Claim

REPO_ROOT = Path(__file__).resolve().parents[1]

EARLY = "date 2022-01\nRussland hat nach Angaben der US-Regierung mehr als 100.000 Soldaten an der Grenze zur Ukraine zusammengezogen.\nDie Außenminister beraten in Genf.\n"
LATE = "date 2022-02\nDer Ton wird schärfer.\nNach Schätzungen der USA hat Russland inzwischen rund 150.000 Soldaten an der Grenze zur Ukraine stationiert.\n"
CONTRADICTING = "date 2022-02\nRussland hat nach Angaben der US-Regierung rund 60.000 Soldaten an der Grenze zur Ukraine zusammengezogen.\n"

FIGURE = re.compile(r"(?:(?P<qualifier>rund|mehr als) )?(?P<number>\d{1,3}(?:\.\d{3})+) Soldaten")


def troop_figures(document) -> list[Claim]:
    """Stand-in extractor: troop figures near the Ukrainian border, as the real one would normalise them."""
    claims = []
    for match in FIGURE.finditer(document.text):
        value = float(match["number"].replace(".", ""))
        low, high, qualifier = {
            "rund": (value * 0.9, value * 1.1, "approx"),
            "mehr als": (value, None, "more_than"),
            None: (value, value, "exact"),
        }[match["qualifier"]]
        claims.append(
            Claim(kind="quantity", span_start=match.start(), span_end=match.end(), source="USA", quantity_value=value, quantity_low=low,
                  quantity_high=high, quantity_qualifier=qualifier, quantity_unit="soldier", actor="Russia", location="Ukraine border")
        )
    return claims


@pytest.fixture
def stand_in_extractor(monkeypatch):
    import checker.extract as extract

    monkeypatch.setattr(extract, "extract_claims", troop_figures)
    # Claims of the stand-in must never be cached where a real run could read them.
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """A copy of a repository using checker: corpus/, rules/, reports/; the working directory is its root."""
    shutil.copytree(REPO_ROOT / "rules", tmp_path / "rules")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a-early.txt").write_text(EARLY, encoding="utf-8")
    (corpus / "b-late.txt").write_text(LATE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings_of(cli, *options: str) -> tuple[int, dict]:
    code, stdout, _ = cli("check", "corpus", "--format", "json", *options)
    return code, json.loads(stdout)


def fingerprints(cli) -> set[str]:
    return {finding["fingerprint"] for finding in findings_of(cli, "--no-baseline")[1]["findings"]}


def gate_story(cli, repository: Path) -> None:
    code, stdout, _ = cli("baseline", "corpus")
    assert code == 0 and (repository / "reports" / "baseline.json").exists(), stdout
    code, before = findings_of(cli)
    assert code == 0 and before["findings"], "the corpus should have an accepted finding (the rising estimate)"
    assert not any(finding["new"] for finding in before["findings"])

    (repository / "corpus" / "c-contradicting.txt").write_text(CONTRADICTING, encoding="utf-8")
    code, after = findings_of(cli)
    assert code == 1
    new = [finding for finding in after["findings"] if finding["new"]]
    assert new and any(finding["kind"] == "contradiction" for finding in new)
    assert all("c-contradicting" in finding["articles"] for finding in new)
    assert all(finding["new"] is False for finding in after["findings"] if "c-contradicting" not in finding["articles"])

    code, _, _ = cli("baseline", "corpus")
    assert code == 0
    code, accepted = findings_of(cli)
    assert code == 0 and not any(finding["new"] for finding in accepted["findings"])


def test_gate_fails_on_a_new_contradiction_and_passes_once_accepted(cli, repository, stand_in_extractor):
    gate_story(cli, repository)


def require_real_troop_figures(repository: Path) -> None:
    from checker.pipeline import extract_corpus

    claims = extract_corpus([repository / "corpus"]).claims
    figures = claims.filter((claims["kind"] == "quantity") & (claims["quantity_unit"] == "soldier") & claims["actor"].is_not_null())
    if figures.height < 2:
        pytest.skip("the quantity extractor does not yet give troop figures with an actor (the stand-in tests cover the gate)")


def test_gate_with_the_real_extractors(cli, repository, monkeypatch):
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    require_real_troop_figures(repository)
    gate_story(cli, repository)


def check_fingerprints_survive_renaming_reordering_and_editing(cli, repository):
    (repository / "corpus" / "c-contradicting.txt").write_text(CONTRADICTING, encoding="utf-8")
    original = fingerprints(cli)
    assert len(original) >= 2

    corpus = repository / "corpus"
    (corpus / "a-early.txt").rename(corpus / "z-renamed-early.txt")  # renamed, and now read last
    (corpus / "c-contradicting.txt").rename(corpus / "0-first.txt")  # renamed, and now read first
    assert fingerprints(cli) == original

    edited = LATE.replace("Der Ton wird schärfer.", "Der Ton zwischen beiden Seiten wird schärfer.\nEin weiterer Satz ohne Angaben.")
    (corpus / "b-late.txt").write_text(edited, encoding="utf-8")
    assert fingerprints(cli) == original


def test_renaming_reordering_and_editing_claim_free_text_keep_fingerprints(cli, repository, stand_in_extractor):
    check_fingerprints_survive_renaming_reordering_and_editing(cli, repository)


def test_fingerprints_survive_with_the_real_extractors(cli, repository, monkeypatch):
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    require_real_troop_figures(repository)
    check_fingerprints_survive_renaming_reordering_and_editing(cli, repository)


def test_fail_on_update_and_never(cli, repository, stand_in_extractor):
    # Without a baseline the rising estimate is a new update, and there is no contradiction.
    code, document = findings_of(cli, "--no-baseline")
    assert code == 0 and {finding["kind"] for finding in document["findings"]} == {"update"}
    assert findings_of(cli, "--no-baseline", "--fail-on", "update")[0] == 1
    (repository / "corpus" / "c-contradicting.txt").write_text(CONTRADICTING, encoding="utf-8")
    assert findings_of(cli, "--no-baseline", "--fail-on", "never")[0] == 0
    assert findings_of(cli, "--no-baseline")[0] == 1


def test_an_input_error_wins_over_a_new_contradiction(cli, repository, stand_in_extractor):
    (repository / "corpus" / "c-contradicting.txt").write_text(CONTRADICTING, encoding="utf-8")
    (repository / "corpus" / "d-undated.txt").write_text("Ein Artikel ohne Datum.\n", encoding="utf-8")
    code, stdout, stderr = cli("check", "corpus", "--no-baseline", "--format", "json")
    assert code == 2
    assert "d-undated.txt" in stderr
    assert any(finding["kind"] == "contradiction" for finding in json.loads(stdout)["findings"]), "the other articles are still checked"


def test_a_corrupt_baseline_is_an_input_error_naming_the_file(cli, repository, stand_in_extractor):
    baseline = repository / "reports" / "baseline.json"
    baseline.parent.mkdir()
    baseline.write_text('{"version": 1, "findings": [', encoding="utf-8")
    code, _, stderr = cli("check", "corpus")
    assert code == 2
    assert "reports/baseline.json" in stderr and "corrupt baseline" in stderr
    assert "Traceback" not in stderr
    code, _, stderr = cli("baseline", "corpus")
    assert code == 2 and "reports/baseline.json" in stderr
    assert baseline.read_text(encoding="utf-8") == '{"version": 1, "findings": [', "a corrupt baseline is never overwritten silently"


def test_stale_entries_are_reported_and_reasons_survive_a_new_baseline(cli, repository, stand_in_extractor):
    (repository / "corpus" / "c-contradicting.txt").write_text(CONTRADICTING, encoding="utf-8")
    assert cli("baseline", "corpus")[0] == 0
    baseline_path = repository / "reports" / "baseline.json"
    baseline = json.loads(baseline_path.read_text(encoding="utf-8"))
    for entry in baseline["findings"]:
        entry["reason"] = f"geprüft: {entry['kind']}"
    baseline_path.write_text(json.dumps(baseline, ensure_ascii=False), encoding="utf-8")

    (repository / "corpus" / "c-contradicting.txt").unlink()
    code, document = findings_of(cli)
    assert code == 0
    assert document["stale"] and all(entry["reason"] == "geprüft: contradiction" for entry in document["stale"] if entry["kind"] == "contradiction")
    report = (repository / "reports" / "report.md").read_text(encoding="utf-8")
    assert "## Stale baseline entries" in report

    code, stdout, _ = cli("baseline", "corpus")
    assert code == 0 and "stale entries dropped" in stdout
    kept = json.loads(baseline_path.read_text(encoding="utf-8"))["findings"]
    assert kept and all(entry["reason"] == f"geprüft: {entry['kind']}" for entry in kept)


def test_sarif_from_the_cli_marks_baseline_states(cli, repository, stand_in_extractor):
    (repository / "corpus" / "c-contradicting.txt").write_text(CONTRADICTING, encoding="utf-8")
    assert cli("baseline", "corpus")[0] == 0
    (repository / "corpus" / "c-contradicting.txt").unlink()
    (repository / "corpus" / "d-other.txt").write_text(CONTRADICTING.replace("60.000", "40.000"), encoding="utf-8")
    code, stdout, _ = cli("check", "corpus", "--format", "sarif")
    assert code == 1
    results = json.loads(stdout)["runs"][0]["results"]
    states = {result["baselineState"] for result in results}
    assert states == {"new", "unchanged", "absent"}
    for result in results:
        assert result["locations"], "GitHub code scanning rejects a file with an unlocated result"
        if result["baselineState"] == "absent":
            assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "reports/baseline.json"
            continue
        for location in result["locations"]:
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uri"].startswith("corpus/")
            line = (repository / physical["artifactLocation"]["uri"]).read_text(encoding="utf-8").splitlines()[physical["region"]["startLine"] - 1]
            assert line[physical["region"]["startColumn"] - 1 :].startswith(physical["region"]["snippet"]["text"])


def test_report_and_chart_are_written_next_to_each_other(cli, repository, stand_in_extractor):
    code, _, _ = cli("check", "corpus", "--no-baseline", "--report", "out/report.md")
    assert code == 0
    report = (repository / "out" / "report.md").read_text(encoding="utf-8")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", report)
    assert links and all((repository / "out" / link).is_file() for link in links)
    first = (repository / "out" / "report.md").read_bytes()
    cli("check", "corpus", "--no-baseline", "--report", "out/report.md")
    assert (repository / "out" / "report.md").read_bytes() == first


def test_baseline_is_not_written_while_an_article_cannot_be_read(cli, repository, stand_in_extractor):
    (repository / "corpus" / "d-undated.txt").write_text("Ein Artikel ohne Datum.\n", encoding="utf-8")
    code, _, stderr = cli("baseline", "corpus")
    assert code == 2
    assert "d-undated.txt" in stderr and "baseline not written" in stderr
    assert not (repository / "reports" / "baseline.json").exists()


def test_the_documented_github_workflow_runs_the_check_and_uploads_sarif():
    import yaml

    text = (REPO_ROOT / "docs" / "ci-github-actions.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(re.search(r"```yaml\n(.*?)```", text, re.DOTALL).group(1))
    steps = workflow["jobs"]["check"]["steps"]
    assert any("checker check" in step.get("run", "") and "--format sarif" in step.get("run", "") for step in steps)
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps)
    assert workflow["permissions"]["security-events"] == "write"


def test_seed_fingerprints_survive_renaming_reordering_and_a_new_paragraph(cli, tmp_path, monkeypatch):
    """On real articles: every file renamed in reverse order and a claim-free paragraph inserted, shifting all lines."""
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    shutil.copytree(REPO_ROOT / "rules", tmp_path / "rules")
    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    original = fingerprints(cli)
    if not original:
        pytest.skip("the extractors find nothing to compare in the seeds yet")

    articles = sorted((tmp_path / "corpus").glob("*.txt"))
    for position, article in enumerate(articles):
        text = article.read_text(encoding="utf-8")
        first_break = text.index("\n\n") + 2
        text = text[:first_break] + "Die Redaktion hat diesen Beitrag überarbeitet.\n\n" + text[first_break:]
        article.write_text(text, encoding="utf-8")
        article.rename(article.with_name(f"{len(articles) - position:03d}-renamed.txt"))
    assert fingerprints(cli) == original
