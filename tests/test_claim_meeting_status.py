"""`checker claim` on a meeting the corpus reported called off (STA001 reversals).

A small corpus of its own: a meeting planned for 20 March in Berlin, then called off. A sentence
saying it took place is contradicted by the cancellation, quoted; once a later article reports it
planned anew (rescheduled), the same sentence is only an update of the plan.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.claim_runs import claim_json, write_corpus

CANCELLATION = "Das Treffen von Scholz und Macron in Berlin ist abgesagt worden."
ARTICLES = {
    "plan": " date 2025-03-10\n\nScholz und Macron wollen sich am 20. März in Berlin treffen.\n",
    "cancellation": f" date 2025-03-14\n\n{CANCELLATION}\n",
}
REPLAN = " date 2025-03-17\n\nScholz und Macron wollen sich nun doch am 20. März in Berlin treffen.\n"
HELD = "Scholz und Macron haben sich am 20. März in Berlin getroffen."


def corpus(tmp_path: Path, articles: dict[str, str]) -> Path:
    return write_corpus(tmp_path / "status", articles)


def claim(cli, folder: Path, text: str) -> tuple[int, dict]:
    return claim_json(cli, folder, text, "2025-03-21")


def test_a_meeting_the_corpus_reported_called_off_is_contradicted_quoting_the_cancellation(cli, tmp_path):
    code, result = claim(cli, corpus(tmp_path, ARTICLES), HELD)
    assert result["verdict"] == "contradicted" and code == 1, json.dumps(result, ensure_ascii=False)[:2000]
    (evidence,) = [item for item in result["evidence"] if item["finding"]["kind"] == "contradiction"]
    assert evidence["article"] == "cancellation" and evidence["quote"] == CANCELLATION
    assert "held after it was cancelled" in evidence["finding"]["message"]


def test_a_meeting_planned_anew_after_the_cancellation_is_an_update(cli, tmp_path):
    code, result = claim(cli, corpus(tmp_path, {**ARTICLES, "replan": REPLAN}), HELD)
    assert result["verdict"] == "updated" and code == 0, json.dumps(result, ensure_ascii=False)[:2000]


# A meeting the corpus reports held: a cancellation told after it is of that meeting, and wrong.
PLAN_AND_HELD = {
    "plan": ARTICLES["plan"],
    "held": " date 2025-03-20\n\nNach dem Treffen von Scholz und Macron in Berlin kündigten beide neue Hilfen an.\n",
}


def test_a_cancellation_of_a_meeting_the_corpus_reported_held_is_contradicted(cli, tmp_path):
    code, result = claim(cli, corpus(tmp_path, PLAN_AND_HELD), CANCELLATION)
    assert result["verdict"] == "contradicted" and code == 1, json.dumps(result, ensure_ascii=False)[:2000]
    (evidence,) = [item for item in result["evidence"] if item["finding"]["kind"] == "contradiction"]
    assert evidence["article"] == "held" and "held vs. cancelled" in evidence["finding"]["message"]


def test_a_meeting_the_corpus_reports_held_confirms_a_sentence_saying_so(cli, tmp_path):
    code, result = claim(cli, corpus(tmp_path, PLAN_AND_HELD), HELD)
    assert result["verdict"] == "supported" and code == 0, json.dumps(result, ensure_ascii=False)[:2000]


def test_a_meeting_the_corpus_reports_called_off_after_its_date_is_contradicted_when_said_held(cli, tmp_path):
    late_cancellation = {"plan": ARTICLES["plan"], "cancellation": f" date 2025-03-22\n\n{CANCELLATION}\n"}
    code, result = claim(cli, corpus(tmp_path, late_cancellation), HELD)
    assert result["verdict"] == "contradicted" and code == 1, json.dumps(result, ensure_ascii=False)[:2000]
    assert any("held vs. cancelled" in item["finding"]["message"] for item in result["evidence"])


def test_a_meeting_held_days_before_the_one_the_corpus_reports_called_off_is_another_meeting(cli, tmp_path):
    late_cancellation = {"plan": ARTICLES["plan"], "cancellation": f" date 2025-03-22\n\n{CANCELLATION}\n"}
    text = "Scholz und Macron haben sich am 14. März in Berlin getroffen."
    code, result = claim(cli, corpus(tmp_path, late_cancellation), text)
    assert result["verdict"] != "contradicted" and code == 0, json.dumps(result, ensure_ascii=False)[:2000]
