"""`checker claim`: one sentence against the seed corpus, with a verdict, evidence and exit code."""

from __future__ import annotations

import json

import pytest

from tests.claim_runs import claim_json, write_corpus
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
    # A share of the votes names its measure: QTY007 would compare it within a story, and the seeds hold none of it.
    assert "'31,9 Prozent' is not compared: it belongs to no story of the corpus" in stdout and "which QTY007 needs to compare it" in stdout
    assert "says nothing" not in stdout
    _, result = claim(cli, "Die Partei kam in Sachsen auf 31,9 Prozent der Stimmen.", "2022-02")
    assert len(result["not_compared"]) == 1


def test_a_figure_of_a_unit_a_rule_leaves_out_quotes_the_rules_reason(cli):
    """Units a rule leaves out with a reason (options.why_left_out) are explained in the note (money,
    percentages); others still point to the rules' descriptions (degrees)."""
    code, stdout, _ = cli("claim", "Die Stadt zahlte ein Lösegeld von 2 Millionen Euro.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "it names no noun of what it measures (Kosten, Wahlbeteiligung)" in stdout
    assert "which QTY007 needs to compare it; the other rules leave out its unit: QTY001: amounts of money" in stdout
    code, stdout, _ = cli("claim", "Die Partei kam in Sachsen auf 31,9 Prozent der Stimmen.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "the other rules leave out its unit: QTY001: a percentage is a share of something" in stdout
    code, stdout, _ = cli("claim", "Die Gasspeicher sind laut Bundesnetzagentur zu 80 Prozent gefüllt.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "QTY001: a percentage is a share of something" in stdout and "a storage's fill level" in stdout
    # A change names no level of a measure: no rule is about it, and the rules say why.
    code, stdout, _ = cli("claim", "Der Umsatz stieg um 2 Millionen Euro.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "no rule compares change figures in EUR, the corpus was not searched for it; why: QTY001: amounts of money" in stdout
    code, stdout, _ = cli("claim", "In Sachsen waren es am Sonntag 31 Grad.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "why: `checker rules explain QTY001`" in stdout


def test_a_duration_is_not_compared_and_the_note_says_why(cli):
    """A story tells many lengths of time: no rule compares durations (unit family `duration`)."""
    code, stdout, _ = cli("claim", "Die Rechner der Stadtwerke waren 23 Tage offline.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "not_enough_info" in stdout
    assert "'23 Tage' is not compared: no rule compares level figures in day, the corpus was not searched for it; why: QTY001: a story tells many lengths of time" in stdout


def test_a_compared_figure_the_corpus_is_silent_on_is_no_uncompared_one(cli):
    code, stdout, _ = cli("claim", "Frankreich hat rund 2000 Soldaten in Rumänien stationiert.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "not compared" not in stdout and "The corpus says nothing about these claims" in stdout


def test_a_figure_only_its_actor_and_place_keep_from_the_corpus_series_says_which_figures_exist(cli):
    """The seeds hold soldiers of Russia at the Ukrainian border: a figure of France in Romania is
    of another series, and the note names the series the corpus holds; a figure of that series is
    compared and gets no such note."""
    code, stdout, _ = cli("claim", "Frankreich hat rund 2000 Soldaten in Rumänien stationiert.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "'rund 2000 Soldaten' (actor France, location Romania) is compared only with figures of its actor and location" in stdout
    assert "actor Russia, location Ukraine border: rund 150.000 Soldaten" in stdout
    code, stdout, _ = cli("claim", "Russland hat rund 150.000 Soldaten an der Grenze zur Ukraine zusammengezogen.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "is compared only with figures of its actor and location" not in stdout


def test_a_figure_only_a_story_could_compare_says_it_belongs_to_none(cli):
    """A count with neither actor nor place is compared only within a story of the corpus; the
    seeds tell no story of striking pilots, so it was not compared, and the note says why."""
    code, stdout, _ = cli("claim", "Rund 5000 Piloten streiken am Montag.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "'Rund 5000 Piloten' is not compared: it names no actor or location or source and belongs to no story" in stdout


def test_a_figure_at_a_place_of_a_unit_the_place_rule_leaves_out_names_that_rule_too(cli):
    """Pilots at a place name no actor (QTY001), and the rule of counts at a place (QTY002) would
    group them by their place but takes no pilots: the note says both, not only the missing actor."""
    code, stdout, _ = cli("claim", "In Hamburg streiken am Montag rund 5000 Piloten.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0
    # A statistic at a place (QTY006) needs a source and a story as well.
    assert "it names no actor or source and belongs to no story" in stdout
    assert "which QTY001, QTY006 need to compare it; QTY002 would compare it by what it names, but takes no figures in pilot" in stdout


def test_a_figure_without_a_place_names_no_rule_that_leaves_its_unit_out(cli):
    """Without a place, the rule of counts at a place would not group the figure at all: its unit
    is not why it is left out, and the note does not say so."""
    code, stdout, _ = cli("claim", "Rund 5000 Piloten streiken am Montag.", "--published", "2022-02", "--corpus", SEEDS, "--rules", RULES)
    assert code == 0 and "takes no figures" not in stdout


def test_empty_claim_is_a_usage_error(cli):
    code, _, stderr = cli("claim", "  ", "--corpus", SEEDS, "--rules", RULES)
    assert code == 2 and "empty claim" in stderr


def test_several_corpus_paths_after_one_option_as_the_interface_writes(cli):
    """`--corpus A B` (the interface's `[--corpus PATH ...]`) reads the same corpus as the repeated
    `--corpus A --corpus B`; the paths end at the next option."""
    seed_files = sorted(SEEDS.iterdir())[:2]
    text = "Russland hat rund 50.000 Soldaten an der Grenze zur Ukraine zusammengezogen."
    listed = cli("claim", text, "--corpus", *seed_files, "--published", "2022-02", "--rules", RULES, "--format", "json")
    repeated = cli("claim", text, "--corpus", seed_files[0], "--corpus", seed_files[1], "--published", "2022-02", "--rules", RULES, "--format", "json")
    assert listed[0] == repeated[0] and json.loads(listed[1]) == json.loads(repeated[1])


def test_a_stray_argument_says_where_paths_go(cli):
    code, stdout, stderr = cli("claim", "Rund 5000 Piloten streiken.", SEEDS, "--rules", RULES)
    assert code == 2 and "Traceback" not in stderr and stdout == ""
    # The message is wrapped in a box: its words, not its lines, are compared.
    message = " ".join(stderr.replace("│", " ").split())
    assert "TEXT is the one sentence to check (quote it), corpus files or directories go after --corpus" in message


def test_spread_option_values():
    from checker.cli import spread_option_values

    assert spread_option_values(["T", "--corpus", "a", "b", "--format", "json"], "--corpus") == ["T", "--corpus", "a", "--corpus", "b", "--format", "json"]
    assert spread_option_values(["T", "--corpus=a", "b"], "--corpus") == ["T", "--corpus=a", "--corpus", "b"]
    # Not after another option's value, nor after `--`.
    assert spread_option_values(["--published", "2022", "T", "--", "x"], "--corpus") == ["--published", "2022", "T", "--", "x"]
    assert spread_option_values(["T", "--corpus", "a", "--", "b"], "--corpus") == ["T", "--corpus", "a", "--", "b"]


STRIKE_STORY = {
    "strike_1.txt": "date 2024-03-04\nDie Vereinigung Cockpit hat die Piloten der Lufthansa zum Streik aufgerufen. Nach Angaben der Gewerkschaft beteiligen sich rund 5000 Piloten an dem Ausstand in Frankfurt und München. Die Lufthansa strich Hunderte Flüge, Gewerkschaftschef Stefan Herth verteidigte den Streik.\n",
    "strike_2.txt": "date 2024-03-05\nDer Streik der Piloten bei der Lufthansa geht weiter. Die Vereinigung Cockpit und Gewerkschaftschef Stefan Herth lehnen das Angebot ab. In Frankfurt und München fielen erneut Flüge aus, rund 5000 Piloten legten die Arbeit nieder.\n",
}
HEATING_STORY = {
    "heating_1.txt": "date 2024-03-05\nDer Bundestag hat am Donnerstag das neue Heizungsgesetz beschlossen. Bauministerin Klara Geywitz verteidigte die Förderung, die Opposition kritisierte die Kosten für Hausbesitzer in Bayern und Sachsen.\n",
    "heating_2.txt": "date 2024-03-06\nNach dem Beschluss des Heizungsgesetzes im Bundestag fordert die Opposition Nachbesserungen. Bauministerin Klara Geywitz will die Förderung für Hausbesitzer in Bayern und Sachsen ausweiten.\n",
}


def _story_corpus(tmp_path, *stories):
    for story in stories:
        for name, text in story.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_typed_sentence_joins_the_story_it_shares_most_terms_with(cli, tmp_path):
    """One sentence is too short to link to an article as two articles link; the desk means a story
    of the corpus: the strike story (sharing 'Piloten', 'Streik'), not the heating law's story of
    the same days, and the verdict names it and its articles."""
    corpus = _story_corpus(tmp_path, STRIKE_STORY, HEATING_STORY)
    code, stdout, _ = cli("claim", "Am Streik beteiligen sich 8000 Piloten.", "--published", "2024-03-06", "--corpus", corpus, "--rules", RULES, "--format", "json")
    result = json.loads(stdout)
    assert code == 0 and result["verdict"] == "updated"
    (note,) = [note for note in result["assumptions"] if "story" in note]
    assert "(articles strike_1, strike_2)" in note and "Piloten" in note and "heating" not in note
    assert {item["article"] for item in result["evidence"]} == {"strike_2"}
    # The story's label is said to be one: its terms are no list of actors or places.
    assert "/ story: " in result["evidence"][0]["finding"]["subject"]


SHIP_REPORT = {
    "ship.txt": "date 2024-05-02\nDas Forschungsschiff Meteor ist am Donnerstag in Emden eingelaufen. Die 45 Forschenden hätten mehr als 300 Proben genommen, sagte Fahrtleiter Jan Berg.\n",
}


def test_a_typed_sentence_joins_an_article_of_no_story_that_shares_its_terms(cli, tmp_path):
    """An article linked to no other is a story of its own: a sentence about its news joins it as a
    second report would, and its figure is compared with the article's."""
    corpus = _story_corpus(tmp_path, SHIP_REPORT, HEATING_STORY)
    code, stdout, _ = cli("claim", "An Bord der Meteor waren 60 Forschende.", "--published", "2024-05-02", "--corpus", corpus, "--rules", RULES, "--format", "json")
    result = json.loads(stdout)
    assert code == 1 and result["verdict"] == "contradicted"
    (note,) = [note for note in result["assumptions"] if "story" in note]
    assert "(article ship and the sentence)" in note and "Meteor" in note
    assert {item["article"] for item in result["evidence"]} == {"ship"}


@pytest.mark.parametrize(
    "text, published, stories",
    [
        # Outside the window that links articles, the strike story is another story.
        ("Am Streik beteiligen sich 8000 Piloten.", "2024-06-06", (STRIKE_STORY, HEATING_STORY)),
        # A story of the same days that shares no distinctive term with the sentence is none of it.
        ("Am Streik beteiligen sich 8000 Piloten.", "2024-03-06", (HEATING_STORY,)),
        # Two months later the ship's report (an article of no story) is other news.
        ("An Bord der Meteor waren 60 Forschende.", "2024-07-02", (SHIP_REPORT, HEATING_STORY)),
        # An article of the same days that shares no distinctive term with the sentence is none of its news.
        ("An Bord der Meteor waren 60 Forschende.", "2024-05-02", ({"match.txt": "date 2024-05-02\nDer SC Freiburg hat am Donnerstag in Mainz mit 2:1 gewonnen. Trainer Christian Streich lobte die Abwehr.\n"},)),
    ],
)
def test_a_typed_sentence_joins_no_story_far_off_or_sharing_nothing(cli, tmp_path, text, published, stories):
    corpus = _story_corpus(tmp_path, *stories)
    code, stdout, _ = cli("claim", text, "--published", published, "--corpus", corpus, "--rules", RULES, "--format", "json")
    result = json.loads(stdout)
    assert code == 0 and result["verdict"] == "not_enough_info" and not result["evidence"]
    assert not [note for note in result["assumptions"] if "story" in note]
    assert "belongs to no story of the corpus" in result["not_compared"][0]


DEPORTATION_STORY = {
    "deportation_1.txt": "date 2025-07-08\nDie Bundespolizei hat am Dienstag ihre Halbjahresbilanz vorgelegt. Demnach wurden im ersten Halbjahr 9400 Menschen aus Deutschland abgeschoben. Bundesinnenminister Alexander Dobrindt sprach von einem Erfolg, Pro Asyl von Härte gegen Familien.\n",
    "deportation_2.txt": "date 2025-07-09\nNach der Halbjahresbilanz der Bundespolizei kritisieren Hilfsorganisationen den Kurs von Bundesinnenminister Alexander Dobrindt. Unter den Abgeschobenen seien auch Familien mit Kindern gewesen, erklärte Pro Asyl in Frankfurt.\n",
}


@pytest.mark.parametrize(
    "text, verdict",
    [
        # Its words link nothing ("Januar", "Menschen", "Deutschland"), but it counts what the story
        # counts, of the same actor: Germany's deportations.
        ("Von Januar bis Juni wurden 12.000 Menschen aus Deutschland abgeschoben.", "contradicted"),
        # Another actor's deportations are another count: no story of the corpus.
        ("Von Januar bis Juni wurden 12.000 Menschen aus Österreich abgeschoben.", "not_enough_info"),
    ],
)
def test_a_typed_sentence_joins_the_story_that_counts_the_same_thing_of_the_same_actor(cli, tmp_path, text, verdict):
    corpus = _story_corpus(tmp_path, DEPORTATION_STORY, HEATING_STORY)
    _, stdout, _ = cli("claim", text, "--published", "2025-07-10", "--corpus", corpus, "--rules", RULES, "--format", "json")
    result = json.loads(stdout)
    assert result["verdict"] == verdict, json.dumps(result, ensure_ascii=False, indent=1)[:3000]
    story_notes = [note for note in result["assumptions"] if "story" in note]
    if verdict == "contradicted":
        (note,) = story_notes
        assert "deportation (Germany)" in note and "heating" not in note
        assert {item["article"] for item in result["evidence"]} == {"deportation_1"}
    else:
        assert not story_notes and not result["evidence"]


def test_corpus_input_errors_follow_the_verdict_once_and_are_in_the_json(cli, tmp_path):
    corpus = _story_corpus(tmp_path, STRIKE_STORY)
    (tmp_path / "undated.txt").write_text("Ein Artikel ohne Datum.\n", encoding="utf-8")
    code, stdout, stderr = cli("claim", "Am Streik beteiligen sich 8000 Piloten.", "--published", "2024-03-06", "--corpus", corpus, "--rules", RULES)
    assert code == 2 and stdout.startswith("verdict: updated")
    assert stderr.count("undated.txt") == 1 and "1 input error(s) in the corpus" in stderr
    code, stdout, _ = cli("claim", "Am Streik beteiligen sich 8000 Piloten.", "--published", "2024-03-06", "--corpus", corpus, "--rules", RULES, "--format", "json")
    result = json.loads(stdout)
    assert code == 2 and result["verdict"] == "updated" and len(result["input_errors"]) == 1 and "undated.txt" in result["input_errors"][0]


def test_an_unchanged_rule_set_is_validated_once_in_the_cache_folder(cli, tmp_path, monkeypatch):
    import checker.rules as rules_module

    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    first = claim(cli, "Rund 50.000 Soldaten stehen an der Grenze zur Ukraine.", "2022-02")
    assert len(list(tmp_path.glob("rules-*.valid"))) == 1

    def no_schema_checks():
        raise AssertionError("schema-checked again although nothing changed")

    monkeypatch.setattr(rules_module, "_schema_validator", no_schema_checks)
    rules_module._validator.cache_clear()
    assert claim(cli, "Rund 50.000 Soldaten stehen an der Grenze zur Ukraine.", "2022-02") == first


def test_without_the_cache_the_rules_are_validated_and_leave_no_mark(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    claim(cli, "Rund 50.000 Soldaten stehen an der Grenze zur Ukraine.", "2022-02")
    assert not list(tmp_path.glob("rules-*.valid"))


def test_the_corpus_comes_from_the_claims_cache_like_checks_does(cli, tmp_path, monkeypatch, count_extractions):
    """A desk checking sentence after sentence waits for the corpus's extraction once: a warm run
    extracts the sentence alone, and the verdict is the one without the cache."""
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    sentence = ("Rund 50.000 Soldaten stehen an der Grenze zur Ukraine.", "2022-02")
    uncached = claim(cli, *sentence, "--no-cache")
    assert not (tmp_path / "cache").exists()
    assert claim(cli, *sentence, "--jobs", "1") == uncached
    assert list((tmp_path / "cache").glob("claims-*/segment-*.parquet"))
    count_extractions.clear()
    assert claim(cli, *sentence) == uncached
    assert count_extractions == ["claim"]


def test_the_story_a_sentence_joins_is_named_with_each_shared_term_once(cli, tmp_path):
    """Two forms of one word in the story's articles ("Streik", "Streiks") are one shared term."""
    corpus = _story_corpus(tmp_path, {**STRIKE_STORY, "strike_2.txt": STRIKE_STORY["strike_2.txt"].replace("Der Streik der Piloten", "Die Streiks der Piloten")})
    code, stdout, _ = cli("claim", "Am Streik beteiligen sich 8000 Piloten.", "--published", "2024-03-06", "--corpus", corpus, "--rules", RULES, "--format", "json")
    (note,) = [note for note in json.loads(stdout)["assumptions"] if "story" in note]
    assert note.endswith("shares the most terms with it (Piloten, Streik)")


def test_a_corpus_file_named_twice_is_read_once(cli, corpus):
    """`--corpus DIR DIR/a.txt` is the corpus DIR: the same verdict, no copy of an article."""
    sentence = ("Rund 50.000 Soldaten stehen an der Grenze zur Ukraine.", "--published", "2022-02", "--format", "json")
    code, alone, _ = cli("claim", *sentence, "--corpus", corpus, "--no-cache")
    inside = sorted(corpus.glob("*.txt"))[0]
    assert cli("claim", *sentence, "--corpus", corpus, inside, "--no-cache") == (code, alone, "")


def test_a_sentence_written_after_the_corpus_paths_is_a_usage_error_saying_where_it_goes(cli):
    code, _, stderr = cli("claim", "--corpus", "seeds", "Rund 50.000 Soldaten stehen an der Grenze zur Ukraine.")
    assert code == 2 and "missing TEXT" in stderr and "before --corpus" in stderr
    # No sentence at all, or one path after --corpus: TEXT is simply missing.
    for args in (("--published", "2022-02"), ("--corpus", "seeds")):
        code, _, stderr = cli("claim", *args)
        assert code == 2 and "Missing argument" in stderr and "missing TEXT" not in stderr


OUTBREAK_STORY = {
    "measles_1.txt": "date 2025-04-07\nDie Zahl der Masernfälle in Kassel ist nach Angaben des Gesundheitsamts auf 27 gestiegen. Betroffen sind vor allem ungeimpfte Schüler, Oberbürgermeister Sven Schoeller rief zur Impfung auf. Die Stadt stellt 2,5 Millionen Euro für Impfaktionen bereit.\n",
    "measles_2.txt": "date 2025-04-11\nDer Masernausbruch in Kassel weitet sich aus: Nach Angaben des Gesundheitsamts ist die Zahl der Masernfälle in Kassel auf 41 gestiegen. Oberbürgermeister Sven Schoeller verlängerte die Impfaktionen an den Schulen.\n",
}


@pytest.mark.parametrize(
    "text, held, article",
    [
        # An amount whose words name no measure: the note says so, and quotes the corpus's same figure.
        ("Die Stadt stellt 2,5 Millionen Euro für Impfaktionen bereit.", "it names no noun of what it measures", "measles_1, line 2"),
        # Cases with no place, in a story that counts them at a place: QTY005 needs the place.
        ("Das Gesundheitsamt meldet 41 Masernfälle.", "it names no location, which QTY005 needs to compare it", "measles_2, line 2"),
    ],
)
def test_a_figure_not_compared_quotes_the_same_figure_where_the_corpus_holds_it(cli, tmp_path, text, held, article):
    corpus = _story_corpus(tmp_path, OUTBREAK_STORY)
    code, stdout, _ = cli("claim", text, "--published", "2025-04-11", "--corpus", corpus, "--rules", RULES)
    assert code == 0 and "not_enough_info" in stdout and "says nothing" not in stdout
    (note,) = [line for line in stdout.splitlines() if "is not compared" in line]
    assert held in note
    assert f"the corpus holds the same figure, not compared with it: {article} (" in note


@pytest.mark.parametrize("text", ["Die Stadt stellt 3 Millionen Euro für Impfaktionen bereit.", "Das Gesundheitsamt meldet 35 Masernfälle."])
def test_a_figure_not_compared_that_the_corpus_does_not_hold_quotes_nothing(cli, tmp_path, text):
    corpus = _story_corpus(tmp_path, OUTBREAK_STORY)
    code, stdout, _ = cli("claim", text, "--published", "2025-04-11", "--corpus", corpus, "--rules", RULES)
    assert code == 0 and "is not compared" in stdout
    assert "holds the same figure" not in stdout


def test_cases_at_the_place_the_story_counts_them_are_compared(cli, tmp_path):
    corpus = _story_corpus(tmp_path, OUTBREAK_STORY)
    code, stdout, _ = cli("claim", "In Kassel gibt es nach Angaben des Gesundheitsamts 41 Masernfälle.", "--published", "2025-04-11", "--corpus", corpus, "--rules", RULES)
    # The story's 27 before it is an update, its 41 a confirmation.
    assert code == 0 and "confirmation (QTY005)" in stdout and "rising from 27" in stdout
    assert "is not compared" not in stdout


RALLY = {"rally.txt": "date 2024-03-09\nIn Hannover demonstrierten am Samstag nach Angaben der Veranstalter rund 9000 Menschen gegen den Ausbau der Autobahn. Die Polizei sprach dagegen von etwa 4000 Teilnehmern.\n"}


def test_a_compared_figure_the_corpus_holds_in_another_series_is_quoted(cli, tmp_path):
    """The police's count at another place than the rally's, against the corpus's same count that
    names no place: the rules compare it with nothing, yet the corpus holds it."""
    corpus = _story_corpus(tmp_path, RALLY)
    code, stdout, _ = cli("claim", "Bei der Demonstration in Braunschweig zählte die Polizei etwa 4000 Teilnehmer.", "--published", "2024-03-09", "--corpus", corpus, "--rules", RULES)
    assert code == 0 and "says nothing" not in stdout
    assert "(actor none, location Braunschweig) is compared only with figures of the same quantity_unit and location (QTY002)" in stdout
    assert 'the corpus holds the same figure, not compared with it: rally, line 2 (actor none, location none): "Die Polizei sprach dagegen von etwa 4000 Teilnehmern."' in stdout
    code, stdout, _ = cli("claim", "Bei der Demonstration in Braunschweig zählte die Polizei etwa 5000 Teilnehmer.", "--published", "2024-03-09", "--corpus", corpus, "--rules", RULES)
    assert code == 0 and "The corpus says nothing about these claims." in stdout and "holds the same figure" not in stdout


# A warehouse fire told twice, each report naming the town and counting the injured without a place.
FIRE_STORY = {
    "fire_1.txt": "date 2025-05-03\nIn einer Lagerhalle des Möbelhändlers Hollweg in Paderborn ist am Freitagabend ein Großbrand ausgebrochen. Sieben Menschen wurden nach Angaben der Feuerwehr verletzt. Feuerwehrsprecher Jochen Brackel sagte, die Halle an der Senner Straße sei nicht mehr zu retten.\n",
    "fire_2.txt": "date 2025-05-04\nNach dem Großbrand in der Lagerhalle des Möbelhändlers Hollweg in Paderborn ermittelt die Kriminalpolizei. Sieben Menschen wurden nach Angaben der Feuerwehr verletzt, zwei von ihnen schwer. Feuerwehrsprecher Jochen Brackel sagte, die Halle an der Senner Straße sei vollständig ausgebrannt.\n",
}


@pytest.mark.parametrize(
    "story, text, verdict",
    [
        # The desk names the town every report is in: the story's count, without a place, is the town's.
        (FIRE_STORY, "Beim Großbrand in Paderborn wurden sieben Menschen verletzt.", "supported"),
        (FIRE_STORY, "Beim Großbrand in Paderborn wurden fünf Menschen verletzt.", "contradicted"),
        (RALLY, "Bei der Demonstration in Hannover zählte die Polizei etwa 4000 Teilnehmer.", "supported"),
        # Another town than the story's is no figure of the story.
        (FIRE_STORY, "Beim Großbrand in Bielefeld wurden sieben Menschen verletzt.", "not_enough_info"),
        # A report that does not name the town may be of a fire elsewhere: the place is kept.
        ({**FIRE_STORY, "fire_2.txt": FIRE_STORY["fire_2.txt"].replace(" in Paderborn", "")}, "Beim Großbrand in Paderborn wurden sieben Menschen verletzt.", "not_enough_info"),
    ],
)
def test_a_sentence_naming_the_place_its_whole_story_is_at_is_compared_as_the_storys_figure(cli, tmp_path, story, text, verdict):
    corpus = _story_corpus(tmp_path, story)
    published = "2024-03-09" if story is RALLY else "2025-05-05"
    code, stdout, _ = cli("claim", text, "--published", published, "--corpus", corpus, "--rules", RULES, "--format", "json")
    result = json.loads(stdout)
    assert result["verdict"] == verdict, stdout[:3000]
    unplaced = [note for note in result["assumptions"] if "compared as the story's figure without a place" in note]
    assert bool(unplaced) == (verdict != "not_enough_info")


# A data leak told in three reports: the first also gives the insurer's whole membership at a place,
# so `check` compares no figure of the unit in this story (it cannot tell which thing each counts).
# The insurer is named by no descriptor here ("Der Versicherer Nordkasse" makes it the actor of its
# 1,5 Millionen Versicherte in Germany: see the test after these two).
LEAK_STORY = {
    "leak_1.txt": "date 2025-03-04\nDie Krankenkasse Nordkasse meldet ein Datenleck. Nach einem Hackerangriff sind nach Angaben der Datenschutzbehörde 300.000 Versicherte betroffen. Die Nordkasse hat in Deutschland rund 1,5 Millionen Versicherte.\n",
    "leak_2.txt": "date 2025-03-11\nBeim Datenleck der Nordkasse sind nach Angaben der Datenschutzbehörde knapp 600.000 Versicherte betroffen. Ein Sprecher der Nordkasse in Hamburg sagte, Vorstandschef Jens Albers bedauere den Vorfall. Hinter dem Angriff steht die Gruppe Black Basta, die Ermittlungen führt das Landeskriminalamt Hamburg.\n",
    "leak_3.txt": "date 2025-03-18\nIm Fall des Datenlecks bei der Nordkasse in Hamburg hat das Landeskriminalamt zwei Verdächtige festgenommen. Sie sollen zur Gruppe Black Basta gehören. Vorstandschef Jens Albers dankte den Ermittlern. Die Datenschutzbehörde prüft ein Bußgeld.\n",
}
LEAK_CLAIM = "Beim Datenleck der Nordkasse sind nach Angaben der Datenschutzbehörde 200.000 Versicherte betroffen."


def test_a_typed_sentence_is_compared_within_the_stories_check_finds(cli, tmp_path):
    """The sentence repeats the terms that link the first report to the others; as one more article
    it would weigh them down and split the story, leaving a story whose unit `check` never
    compares looking comparable. It joins the story `check` finds, and is compared as `check` would."""
    corpus = _story_corpus(tmp_path, LEAK_STORY)
    code, stdout, _ = cli("claim", LEAK_CLAIM, "--published", "2025-03-12", "--corpus", corpus, "--rules", RULES, "--format", "json")
    result = json.loads(stdout)
    assert code == 0 and result["verdict"] == "not_enough_info" and not result["evidence"]
    (note,) = [note for note in result["assumptions"] if "story" in note]
    assert "(articles leak_1, leak_2, leak_3)" in note


def test_a_typed_sentence_is_compared_where_check_compares_the_story(cli, tmp_path):
    """Without the membership at a place the story's figures are one thing, compared by `check`
    and with the sentence alike."""
    story = {**LEAK_STORY, "leak_1.txt": LEAK_STORY["leak_1.txt"].replace(" Die Nordkasse hat in Deutschland rund 1,5 Millionen Versicherte.", "")}
    corpus = _story_corpus(tmp_path, story)
    code, stdout, _ = cli("claim", LEAK_CLAIM, "--published", "2025-03-12", "--corpus", corpus, "--rules", RULES, "--format", "json")
    result = json.loads(stdout)
    assert code == 0 and result["verdict"] == "updated"
    (note,) = [note for note in result["assumptions"] if "story" in note]
    assert "(articles leak_1, leak_2, leak_3)" in note



@pytest.mark.parametrize(
    "text, verdict, lent",
    [
        # Those affected are nearest the story's affected counts, which name no insurer: not the
        # insurer's whole membership, an update 1,5 Millionen -> 200.000 that no source said.
        (LEAK_CLAIM, "not_enough_info", False),
        # A membership is nearest the insurer's membership: its series is lent, and compared.
        ("Die Krankenkasse hat 1,4 Millionen Versicherte.", "updated", True),
    ],
)
def test_a_sentence_is_lent_the_series_of_the_figure_nearest_in_size_even_one_naming_nobody(cli, tmp_path, text, verdict, lent):
    story = {**LEAK_STORY, "leak_1.txt": LEAK_STORY["leak_1.txt"].replace("Die Krankenkasse Nordkasse", "Der Versicherer Nordkasse")}
    corpus = _story_corpus(tmp_path, story)
    code, stdout, _ = cli("claim", text, "--published", "2025-03-12", "--corpus", corpus, "--rules", RULES, "--format", "json")
    result = json.loads(stdout)
    assert code == 0 and result["verdict"] == verdict, stdout[:2000]
    assert any("compared as actor Nordkasse, location Germany" in note for note in result["assumptions"]) == lent

TICKETS_FIRST = "date 2025-08-02\nDas Open-Air-Konzert der Band Sturmvogel auf dem Messegelände in Rostock ist wegen eines Gewitters abgesagt worden. Rund 12.000 Karten seien verkauft gewesen, sagte ein Sprecher des Veranstalters.\n"
TICKETS_DISPUTED = "date 2025-08-03\nNach der Absage des Konzerts der Band Sturmvogel in Rostock gibt es Streit um die Zahl der verkauften Karten. Laut Stadt Rostock waren lediglich 7000 Karten verkauft; der Veranstalter spricht weiter von rund 12.000.\n"
TICKETS_AGAIN = "date 2025-08-03\nNach der Absage des Konzerts der Band Sturmvogel in Rostock erstattet der Veranstalter das Geld für die Karten. Nach Angaben des Veranstalters waren rund 12.000 Karten verkauft.\n"


@pytest.mark.parametrize(
    "second, published, verdict",
    [
        # The promoter's figure, which the city disputes the next day: contradicted as `check`
        # reports it, whether the sentence is dated between the two reports or after both.
        (TICKETS_DISPUTED, "2025-08-02", "contradicted"),
        (TICKETS_DISPUTED, "2025-08-04", "contradicted"),
        # Told again by the promoter, undisputed: the sentence only refines it.
        (TICKETS_AGAIN, "2025-08-02", "updated"),
        (TICKETS_AGAIN, "2025-08-04", "updated"),
    ],
)
def test_a_sentence_giving_a_figure_the_corpus_disputes_is_contradicted_as_check_reports_it(cli, tmp_path, second, published, verdict):
    corpus = write_corpus(tmp_path / "corpus", {"first": TICKETS_FIRST, "second": second})
    _, result = claim_json(cli, corpus, "Das Konzert der Band Sturmvogel in Rostock wurde abgesagt, 12.000 Karten waren verkauft.", published)
    assert result["verdict"] == verdict, json.dumps(result, ensure_ascii=False, indent=1)[:3000]
    messages = [item["finding"]["message"] for item in result["evidence"]]
    if verdict == "contradicted":
        assert any("lediglich 7000 Karten" in message and "the sources disagree" in message for message in messages)
        # No update from or to the city's figure: that is the dispute, told once.
        assert not any(item["finding"]["kind"] == "update" and "7000" in item["finding"]["message"] for item in result["evidence"])
    else:
        assert not any("7000" in message for message in messages)


RAID_LKA = "date 2025-10-07\nBei einer Großrazzia gegen eine Schleuserbande haben Spezialkräfte des Landeskriminalamts am Dienstagmorgen 38 Wohnungen durchsucht. Die Staatsanwaltschaft wirft den Beschuldigten gewerbsmäßiges Einschleusen vor, sagte Oberstaatsanwalt Henning Marschall.\n"
RAID_PAPER = "date 2025-10-07\nGroßrazzia gegen Schleuserbande: Spezialkräfte stürmten am Dienstagmorgen mehr als 60 Wohnungen. Oberstaatsanwalt Henning Marschall ermittelt gegen die Beschuldigten wegen gewerbsmäßigen Einschleusens.\n"


@pytest.mark.parametrize(
    "articles, text, disputed",
    [
        # "rund 40" agrees with the 38 (no finding: neither the same figure nor another), which a
        # paper disputes the same day: the sentence is disputed as the 38 is, not "says nothing".
        ({"lka": RAID_LKA, "paper": RAID_PAPER}, "Bei der Großrazzia gegen die Schleuserbande wurden rund 40 Wohnungen durchsucht.", True),
        # Undisputed, or of another unit than the disputed one: no dispute.
        ({"lka": RAID_LKA}, "Bei der Großrazzia gegen die Schleuserbande wurden rund 40 Wohnungen durchsucht.", False),
        ({"lka": RAID_LKA, "paper": RAID_PAPER}, "Bei der Großrazzia gegen die Schleuserbande wurden rund 40 Fahrzeuge beschlagnahmt.", False),
    ],
)
def test_a_sentence_compared_without_a_finding_that_agrees_with_a_disputed_figure_shows_the_dispute(cli, tmp_path, articles, text, disputed):
    corpus = write_corpus(tmp_path / "corpus", articles)
    _, result = claim_json(cli, corpus, text, "2025-10-08")
    contradictions = [item["finding"]["message"] for item in result["evidence"] if item["finding"]["kind"] == "contradiction"]
    assert (result["verdict"] == "contradicted") == disputed, json.dumps(result, ensure_ascii=False, indent=1)[:3000]
    assert any("mehr als 60 Wohnungen" in message and "38 Wohnungen" in message for message in contradictions) == disputed
