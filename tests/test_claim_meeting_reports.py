"""`checker claim` on a meeting: the sentence against every corpus report of the same meeting.

The report tells each step of a meeting once, from whichever articles reported it; a sentence must
still meet each report of its meeting: the same status confirms it (supported), a step before it
makes it an update, a conflicting one contradicts it, each quoted. A meeting the corpus holds is
never one the corpus "says nothing" about.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.claim_runs import claim_json, write_corpus

AGREEMENT = "Oberbürgermeisterin Anna Kessler und Landrat Peter Brandt haben sich auf ein Treffen am 16. Mai in Kassel verständigt."
CANCELLATION = "Das für Freitag geplante Treffen von Anna Kessler und Peter Brandt in Kassel wurde abgesagt, teilte die Stadt mit."
HELD = "Anna Kessler und Peter Brandt haben sich am Freitag in Kassel getroffen."
AGREED = {"agreement": f" date 2025-05-05\n\n{AGREEMENT}\n"}
CANCELLED = {**AGREED, "cancellation": f" date 2025-05-14\n\n{CANCELLATION}\n"}
HELD_REPORTED = {**AGREED, "held": f" date 2025-05-17\n\n{HELD}\n"}


def claim(cli, tmp_path: Path, articles: dict[str, str], text: str, published: str) -> tuple[int, dict]:
    return claim_json(cli, write_corpus(tmp_path / "meeting", articles), text, published)


def quoted(result: dict, kind: str) -> list[str]:
    return sorted(item["article"] for item in result["evidence"] if item["finding"]["kind"] == kind)


def test_a_copy_of_a_corpus_meeting_sentence_is_supported_quoting_it(cli, tmp_path):
    code, result = claim(cli, tmp_path, AGREED, AGREEMENT, "2025-05-06")
    assert result["verdict"] == "supported" and code == 0, json.dumps(result, ensure_ascii=False)[:2000]
    assert [item["quote"] for item in result["evidence"]] == [AGREEMENT]


# (corpus, sentence, published, verdict, exit code, {finding kind: corpus articles quoted for it})
VERDICTS = {
    "a cancellation after the corpus agreement is an update quoting it": (
        AGREED, "Das Treffen von Anna Kessler und Peter Brandt am 16. Mai wurde abgesagt.", "2025-05-15", "updated", 0, {"update": ["agreement"]},
    ),
    # The report tells agreed → cancelled once, from the corpus's own cancellation, and the step
    # from the agreement is no news to a corpus that reports the cancellation.
    "a cancellation the corpus reports too is supported, though the report tells that step from the corpus": (
        CANCELLED, "Das Treffen von Anna Kessler und Peter Brandt am 16. Mai wurde abgesagt.", "2025-05-15", "supported", 0,
        {"confirmation": ["cancellation"], "update": []},
    ),
    "a meeting denied after the corpus reported it held is contradicted": (
        HELD_REPORTED, "Anna Kessler und Peter Brandt haben sich am 16. Mai in Kassel nicht getroffen.", "2025-05-19", "contradicted", 1,
        {"contradiction": ["held"]},
    ),
}


@pytest.mark.parametrize("case", VERDICTS)
def test_a_meeting_sentence_meets_each_corpus_report_of_its_meeting(cli, tmp_path, case):
    articles, text, published, verdict, exit_code, quotes = VERDICTS[case]
    code, result = claim(cli, tmp_path, articles, text, published)
    assert result["verdict"] == verdict and code == exit_code, json.dumps(result, ensure_ascii=False)[:2000]
    assert {kind: quoted(result, kind) for kind in quotes} == quotes


def test_a_meeting_on_another_date_is_one_the_corpus_says_nothing_about(cli, tmp_path):
    code, result = claim(cli, tmp_path, CANCELLED, "Das Treffen von Anna Kessler und Peter Brandt am 20. Juni wurde abgesagt.", "2025-06-21")
    assert result["verdict"] == "not_enough_info" and code == 0, json.dumps(result, ensure_ascii=False)[:2000]
    assert result["evidence"] == [] and result["not_compared"] == []


def test_a_status_no_rule_orders_against_the_corpus_reports_names_them(cli, tmp_path):
    # Planned again after the cancellation: neither a step nor a conflict, but not "nothing".
    code, result = claim(cli, tmp_path, CANCELLED, "Das Treffen von Anna Kessler und Peter Brandt am 16. Mai in Kassel findet statt.", "2025-05-15")
    assert result["verdict"] == "not_enough_info" and code == 0, json.dumps(result, ensure_ascii=False)[:2000]
    (note,) = [note for note in result["not_compared"] if "Treffen" in note]
    assert "agreement (2025-05-05): agreed" in note and "cancellation (2025-05-14): cancelled" in note
