"""Two figures of one period of a count that only grows (a death toll) are no fall: their order
within the period is not time. They are told from the lower to the higher, as a rise that may have
happened within the period; a lower toll in a later period still contradicts."""

from __future__ import annotations

import json

from tests.claim_runs import write_corpus
from tests.conftest import RULES

ARTICLES = {
    "early": ("2023-02-07", "Bei dem Erdbeben in der Türkei sind nach Angaben der Behörden mehr als 3000 Menschen ums Leben gekommen."),
    "agency": ("2023-02-09", "Die Zahl der Toten nach dem Erdbeben in der Türkei ist auf rund 12.000 gestiegen, teilte die Katastrophenschutzbehörde mit."),
    "ministry": ("2023-02-09", "Nach dem Erdbeben in der Türkei meldet das Gesundheitsministerium 8000 Tote."),
}


def dated_corpus(directory, articles):
    """`write_corpus` of articles given as (publication date, text)."""
    return write_corpus(directory, {name: f"date {published}\n{text}\n" for name, (published, text) in articles.items()})


def toll_findings(cli, corpus):
    code, stdout, stderr = cli("check", corpus, "--rules", RULES, "--no-baseline", "--no-cache", "--report", corpus.parent / "report.md", "--format", "json")
    assert "Traceback" not in stderr
    return code, [finding for finding in json.loads(stdout)["findings"] if finding["rule"] == "QTY002"]


def test_two_tolls_of_one_day_read_from_lower_to_higher(cli, tmp_path):
    code, findings = toll_findings(cli, dated_corpus(tmp_path / "quake", ARTICLES))
    assert code == 0
    (same_day,) = [finding for finding in findings if set(finding["articles"]) == {"agency", "ministry"}]
    assert same_day["kind"] == "update"
    assert same_day["message"] == (
        "death / Turkey: may have risen within the same period from 8000 Tote (8.000, health ministry, 2023-02-09)"
        " to rund 12.000 (11.000–13.000, authorities, 2023-02-09)"
    )
    assert not any("falling" in finding["message"] for finding in findings)


def test_a_lower_toll_of_the_same_source_on_a_later_day_still_contradicts(cli, tmp_path):
    # Another source's lower toll a day later is a dispute or its correction (QTY002's examples).
    same_source = "Nach dem Erdbeben in der Türkei meldet die Katastrophenschutzbehörde 8000 Tote."
    later = {"agency": ("2023-02-08", ARTICLES["agency"][1]), "ministry": ("2023-02-09", same_source)}
    code, findings = toll_findings(cli, dated_corpus(tmp_path / "quake", later))
    assert code == 1
    (finding,) = findings
    assert finding["kind"] == "contradiction" and "the later figure is below the earlier one" in finding["message"]


def test_a_claim_below_two_tolls_of_its_day_is_updated_not_contradicted(cli, tmp_path):
    corpus = dated_corpus(tmp_path / "quake", ARTICLES)
    code, stdout, stderr = cli(
        "claim", "Beim Erdbeben in der Türkei starben rund 5000 Menschen.", "--published", "2023-02-09",
        "--corpus", corpus, "--rules", RULES, "--format", "json",
    )
    assert "Traceback" not in stderr
    result = json.loads(stdout)
    assert (code, result["verdict"]) == (0, "updated")
    messages = sorted(item["finding"]["message"] for item in result["evidence"])
    assert messages == [
        "death / Turkey: may have risen within the same period from rund 5000 Menschen (4.500–5.500, no source named, 2023-02-09)"
        " to 8000 Tote (8.000, health ministry, 2023-02-09)",
        "death / Turkey: may have risen within the same period from rund 5000 Menschen (4.500–5.500, no source named, 2023-02-09)"
        " to rund 12.000 (11.000–13.000, authorities, 2023-02-09)",
    ]
