"""`checker claim`: one sentence against the seed corpus, with a verdict, evidence and exit code."""

from __future__ import annotations

import json

import pytest

from tests.conftest import RULES, SEEDS


def claim(cli, text, published, *extra):
    code, stdout, stderr = cli("claim", text, "--published", published, "--corpus", SEEDS, "--rules", RULES, "--format", "json", *extra)
    assert "Traceback" not in stderr
    return code, json.loads(stdout) if stdout.strip() else None


@pytest.mark.parametrize(
    "text, published, verdict, code",
    [
        ("Biden und Putin haben sich im Juni 2021 erstmals in Genf getroffen.", "2021-12", "supported", 0),
        ("Biden und Putin haben sich im Juli 2021 erstmals in Genf getroffen.", "2021-12", "contradicted", 1),
        ("Biden und Putin haben sich im Juni 2021 erstmals in Wien getroffen.", "2021-12", "contradicted", 1),
        ("Russland hat rund 50.000 Soldaten an der Grenze zur Ukraine zusammengezogen.", "2022-02", "contradicted", 1),
        ("Rund 50.000 Soldaten stehen an der Grenze zur Ukraine.", "2022-02", "contradicted", 1),
        ("Russland hat rund 170.000 Soldaten an der Grenze zur Ukraine zusammengezogen.", "2022-02-25", "updated", 0),
        ("Inzwischen sind es rund 170.000 Soldaten.", "2022-02-25", "updated", 0),
        ("In Berlin regnet es am Wochenende bei zwölf Grad.", "2022-02", "not_enough_info", 0),
    ],
)
def test_verdicts_against_the_seeds(cli, text, published, verdict, code):
    exit_code, result = claim(cli, text, published)
    assert result["verdict"] == verdict, json.dumps(result, ensure_ascii=False, indent=1)[:3000]
    assert exit_code == code


def test_json_shape_follows_the_interface(cli):
    _, result = claim(cli, "Russland hat rund 50.000 Soldaten an der Grenze zur Ukraine zusammengezogen.", "2022-02")
    assert set(result) >= {"claims", "verdict", "evidence"}
    (quantity,) = [c for c in result["claims"] if c["kind"] == "quantity"]
    assert quantity["quantity"]["value"] == 50000 and quantity["quantity"]["qualifier"] == "approx"
    assert result["evidence"], "a contradiction must quote the corpus"
    for item in result["evidence"]:
        assert set(item) >= {"finding", "quote", "article"}
        assert item["article"] != "claim" and item["quote"]
        assert item["finding"]["kind"] in ("contradiction", "update", "confirmation")


def test_text_output_quotes_the_corpus(cli):
    code, stdout, _ = cli("claim", "Russland hat rund 50.000 Soldaten an der Grenze zur Ukraine zusammengezogen.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 1
    assert stdout.startswith("verdict: contradicted")
    assert "150.000" in stdout and "line" in stdout


def test_no_checkable_claim_says_what_it_looked_for(cli):
    code, stdout, _ = cli("claim", "Das Wetter ist schön.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0
    assert "not_enough_info" in stdout and "looked for" in stdout


def test_a_figure_no_rule_compares_says_so_not_that_the_corpus_is_silent(cli):
    code, stdout, _ = cli("claim", "Die Partei kam in Sachsen auf 31,9 Prozent der Stimmen.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "not_enough_info" in stdout
    assert "'31,9 Prozent' is not compared: no rule compares level figures in percent" in stdout
    assert "says nothing" not in stdout
    _, result = claim(cli, "Die Partei kam in Sachsen auf 31,9 Prozent der Stimmen.", "2022-02")
    assert len(result["not_compared"]) == 1


def test_a_compared_figure_the_corpus_is_silent_on_is_no_uncompared_one(cli):
    code, stdout, _ = cli("claim", "Frankreich hat rund 2000 Soldaten in Rumänien stationiert.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "not compared" not in stdout and "The corpus says nothing about these claims" in stdout


def test_a_figure_only_a_story_could_compare_says_it_belongs_to_none(cli):
    """A count with neither actor nor place is compared only within a story of the corpus; the
    seeds tell no story of striking pilots, so it was not compared, and the note says why."""
    code, stdout, _ = cli("claim", "Rund 5000 Piloten streiken am Montag.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "'Rund 5000 Piloten' is not compared: it names no actor or location and belongs to no story" in stdout


def test_empty_claim_is_a_usage_error(cli):
    code, _, stderr = cli("claim", "  ", "--corpus", SEEDS, "--rules", RULES)
    assert code == 2 and "empty claim" in stderr
