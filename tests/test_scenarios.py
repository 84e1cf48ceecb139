"""Acceptance: the seeds, and what one more article of our own does to the findings.

Each scenario copies the seed articles into a temporary directory next to a new article and runs
the whole check. Findings are recognised by what the claims say (their text), never by seed file
names, so these tests hold for any renaming of the corpus.
"""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import polars as pl

from checker.check import CheckResult, run_check

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"


def check(tmp_path: Path, articles: dict[str, str], with_seeds: bool = True) -> CheckResult:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if with_seeds:
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, corpus / seed.name)
    for name, text in articles.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    result = run_check([corpus], RULES, None)
    assert not result.errors, result.errors
    return result


@lru_cache(maxsize=1)
def seeds_only() -> CheckResult:
    return run_check([SEEDS], RULES, None)


def claim_texts(result: CheckResult, finding: dict) -> list[str]:
    texts = dict(result.extraction.claims.select("id", "text").iter_rows())
    return sorted(texts[claim_id] for claim_id in finding["claims"])


def findings(result: CheckResult, kind: str | None = None, rule_prefix: str = "") -> list[dict]:
    rows = result.findings.filter(pl.col("rule").str.starts_with(rule_prefix))
    if kind:
        rows = rows.filter(pl.col("kind") == kind)
    return list(rows.iter_rows(named=True))


def new_contradictions(result: CheckResult, article: str) -> list[dict]:
    before = {row["fingerprint"] for row in findings(seeds_only(), "contradiction")}
    return [row for row in findings(result, "contradiction") if row["fingerprint"] not in before and article in row["articles"]]


def describe(result: CheckResult) -> str:
    return "\n".join(f"{row['rule']} {row['kind']}: {row['message']}" for row in result.findings.iter_rows(named=True))


# --- the seeds ----------------------------------------------------------------------------------


def test_seed_troop_estimates_are_one_series_reported_as_an_update():
    result = seeds_only()
    troop_findings = [row for row in findings(result, rule_prefix="QTY") if "soldier" in row["subject"]]
    updates = [row for row in troop_findings if row["kind"] == "update"]
    assert any(claim_texts(result, row) == ["mehr als 100.000 Soldaten", "rund 150.000 Soldaten"] for row in updates), describe(result)
    assert not [row for row in troop_findings if row["kind"] == "contradiction"], describe(result)


def test_seed_us_deployment_to_poland_is_a_claim_marked_as_a_deployment():
    claims = seeds_only().extraction.claims
    sent = claims.filter(pl.col("text") == "rund 3000 weitere Soldaten")
    assert sent.height >= 1 and set(sent["quantity_role"]) == {"deployment"}, sent
    assert set(claims.filter(pl.col("kind") == "quantity")["quantity_role"]) <= {"level", "deployment", "change", "addition"}
    assert claims.filter(pl.col("kind") != "quantity")["quantity_role"].null_count() == claims.filter(pl.col("kind") != "quantity").height


def test_seed_figure_russia_attributes_to_ukraine_is_in_no_finding():
    result = seeds_only()
    for row in result.findings.iter_rows(named=True):
        assert not any("120.000" in text for text in claim_texts(result, row)), row["message"]


def test_seed_summit_agreed_by_france_is_contradicted_by_the_kremlin():
    result = seeds_only()
    status = [row for row in findings(result, "contradiction", "STA") if "agreed vs. denied" in row["message"] or "denied vs. agreed" in row["message"]]
    assert status, describe(result)
    assert any("France" in row["message"] and ("Kremlin" in row["message"] or "Peskow" in row["message"]) for row in status), describe(result)


def test_seed_geneva_meeting_and_video_summit_are_confirmed_across_two_articles():
    result = seeds_only()
    confirmations = findings(result, "confirmation")
    assert any("Geneva" in row["message"] and len(row["articles"]) == 2 for row in confirmations), describe(result)
    assert any("video" in row["message"] and len(row["articles"]) == 2 for row in confirmations), describe(result)


def test_seed_findings_hold_no_contradiction_but_the_summit():
    result = seeds_only()
    contradictions = findings(result, "contradiction")
    assert all(row["rule"].startswith("STA") for row in contradictions), describe(result)


# --- one more article ---------------------------------------------------------------------------

SIXTY_THOUSAND = """ date 2022-02 Russland hat nach Angaben aus Kiew rund 60.000 Soldaten an der ukrainischen Grenze zusammengezogen.

Die ukrainische Regierung rief die Bevölkerung zur Ruhe auf. Eine unmittelbare Gefahr eines Angriffs sehe man derzeit nicht, hieß es.
"""

UP_TO_190K = """ date 2022-02 Die US-Regierung schätzt, dass Russland bis zu 190.000 Soldaten an der Grenze zur Ukraine zusammengezogen hat.

Das sei die größte Truppenkonzentration in Europa seit dem Ende des Kalten Krieges, sagte ein Sprecher.
"""

REINFORCEMENT = """ date 2022-02 Russland hat nach Angaben aus Kiew weitere 10.000 Soldaten an die Grenze zur Ukraine verlegt.

Die ukrainische Regierung rief die Bevölkerung zur Ruhe auf.
"""

VIDEO_ON_ANOTHER_DAY = """ date 2021-12 Biden und Putin hatten sich am 9. Dezember per Videoschaltung ausgetauscht.

Nach dem Videogipfel beriet sich Biden mit den europäischen Verbündeten.
"""

GENEVA_ELSEWHERE = """ date 2021-12 Als Staatschefs hatten sich Biden und Putin erstmals im Juni in Wien persönlich getroffen.

Seitdem haben die beiden Präsidenten mehrmals miteinander telefoniert.
"""


def test_sixty_thousand_soldiers_in_the_same_month_is_a_new_contradiction(tmp_path):
    result = check(tmp_path, {"sixty": SIXTY_THOUSAND})
    new = new_contradictions(result, "sixty")
    assert any(row["rule"].startswith("QTY") and "rund 60.000 Soldaten" in claim_texts(result, row) for row in new), describe(result)
    assert result.exit_code("contradiction") == 1


def test_up_to_190_thousand_soldiers_is_no_contradiction(tmp_path):
    result = check(tmp_path, {"upper_bound": UP_TO_190K})
    assert not new_contradictions(result, "upper_bound"), describe(result)
    assert any("bis zu 190.000 Soldaten" in claim_texts(result, row) for row in findings(result, "update", "QTY")), describe(result)


def test_ten_thousand_more_soldiers_sent_to_the_border_is_no_contradiction(tmp_path):
    result = check(tmp_path, {"reinforcement": REINFORCEMENT})
    assert not new_contradictions(result, "reinforcement"), describe(result)
    assert not [row for row in findings(result, rule_prefix="QTY") if "reinforcement" in row["articles"]], describe(result)
    sent = result.extraction.claims.filter(pl.col("article") == "reinforcement", pl.col("kind") == "quantity")
    assert sent.select("text", "quantity_value", "quantity_role", "actor", "location").rows() == [
        ("10.000 Soldaten", 10_000, "deployment", "Russia", "Ukraine border")
    ]


def test_video_summit_on_another_day_is_a_new_contradiction(tmp_path):
    result = check(tmp_path, {"video_ninth": VIDEO_ON_ANOTHER_DAY})
    new = new_contradictions(result, "video_ninth")
    assert any("2021-12-09" in row["message"] for row in new), describe(result)


def test_geneva_meeting_in_another_city_is_a_new_contradiction(tmp_path):
    result = check(tmp_path, {"vienna": GENEVA_ELSEWHERE})
    new = new_contradictions(result, "vienna")
    assert any("place" in row["message"] and "Vienna" in row["message"] for row in new), describe(result)


# --- another topic, no rule written for it ------------------------------------------------------

DEATHS_FIRST = """ date 2023-02 Nach dem schweren Erdbeben ist die Zahl der Toten in der Türkei auf mehr als 5000 gestiegen.

Rettungskräfte suchen in den Trümmern weiter nach Überlebenden. Tausende Gebäude sind eingestürzt.
"""

DEATHS_LATER = """ date 2023-03 Einen Monat nach dem Erdbeben ist die Zahl der Toten in der Türkei auf rund 40.000 gestiegen.

Die Regierung kündigte an, die zerstörten Städte innerhalb eines Jahres wieder aufzubauen.
"""


def test_a_rising_death_toll_is_an_update_without_a_rule_for_earthquakes(tmp_path):
    result = check(tmp_path, {"quake_first": DEATHS_FIRST, "quake_later": DEATHS_LATER}, with_seeds=False)
    assert not findings(result, "contradiction"), describe(result)
    updates = findings(result, "update", "QTY")
    assert any(row["articles"] == ["quake_first", "quake_later"] and "death" in row["subject"] for row in updates), describe(result)


def test_renaming_and_reordering_articles_keeps_every_fingerprint(tmp_path):
    original = check(tmp_path, {"sixty": SIXTY_THOUSAND})
    corpus = tmp_path / "renamed"
    corpus.mkdir()
    for position, seed in enumerate(sorted(SEEDS.glob("*.txt"), reverse=True)):
        shutil.copy(seed, corpus / f"z{position}_{seed.stem[::-1]}.txt")
    (corpus / "a_renamed.txt").write_text(SIXTY_THOUSAND, encoding="utf-8")
    renamed = run_check([corpus], RULES, None)
    assert sorted(original.findings["fingerprint"]) == sorted(renamed.findings["fingerprint"])
