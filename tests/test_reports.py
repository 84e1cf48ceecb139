"""The Markdown report, its charts and the meeting timeline, built on hand-made claims and findings frames."""

from __future__ import annotations

import struct
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from checker.baseline import BaselineEntry
from checker.check import CheckResult
from checker.pipeline import Extraction
from checker.report import charts as charts_module
from checker.report.charts import quantity_series, render_chart, slugify, write_charts
from checker.report.evidence import column_in_text, quotes_by_finding
from checker.report.findings_json import findings_json
from checker.report.summary import Summary
from checker.report.timeline import meeting_timeline
from checker.report.writer import write_reports
from report_frames import articles_frame, claim_row, claims_frame, finding_row, findings_frame, troop_claims

TROOP_ARTICLES = {"nov": "2021-11", "dec": "2021-12", "jan": "2022-01", "feb": "2022-02", "feb2": "2022-02"}


def troop_findings() -> pl.DataFrame:
    return findings_frame(
        [
            finding_row("f-known", "QTY001", "contradiction", ["feb#q", "feb2#q"], ["feb", "feb2"], message="bekannter Widerspruch", new=False),
            finding_row("f-new", "QTY001", "contradiction", ["jan#q", "feb#q"], ["feb", "jan"], message="neuer Widerspruch", new=True),
            finding_row("f-update", "QTY001", "update", ["nov#q", "dec#q"], ["dec", "nov"], message="steigend", severity="info", new=True),
        ]
    )


def troop_result(tmp_path: Path, stale: list[BaselineEntry] | None = None, baseline: dict | None = None) -> CheckResult:
    paths = {}
    for article in TROOP_ARTICLES:
        path = tmp_path / "corpus" / f"{article}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"date {TROOP_ARTICLES[article]}\nSatz mit Zahl.\n", encoding="utf-8")
        paths[article] = str(path)
    claims = troop_claims()
    findings = troop_findings()
    stale = stale or []
    summary = Summary.of(articles=len(paths), claims=claims.height, findings=findings, stale=len(stale), input_errors=0)
    extraction = Extraction(articles_frame(paths, TROOP_ARTICLES), claims, [])
    return CheckResult(extraction, findings, stale, summary, [], baseline or {})


def test_new_contradictions_come_before_known_ones_and_updates(tmp_path):
    report = tmp_path / "reports" / "report.md"
    write_reports(troop_result(tmp_path), report, "text", "corpus")
    text = report.read_text(encoding="utf-8")
    assert text.index("## New contradictions (1)") < text.index("neuer Widerspruch") < text.index("## Known contradictions (in the baseline) (1)")
    assert text.index("bekannter Widerspruch") < text.index("## Updates (1)") < text.index("steigend")
    assert "| new contradictions | 1 |" in text


def test_each_finding_quotes_its_sentences_with_article_and_line(tmp_path):
    report = tmp_path / "report.md"
    write_reports(troop_result(tmp_path), report, "text", "corpus")
    text = report.read_text(encoding="utf-8")
    assert "> Satz mit **rund 127.000**." in text
    assert "— jan, line 1, published 2022-01" in text


def test_report_links_a_chart_per_quantity_series_relative_to_the_report(tmp_path):
    report = tmp_path / "out" / "report.md"
    write_reports(troop_result(tmp_path), report, "text", "corpus")
    text = report.read_text(encoding="utf-8")
    link = "charts/soldier-russia-ukraine-border.png"
    assert f"]({link})" in text
    png = (report.parent / link).read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert "| 2022-02 | no source named | bis zu 190.000 | open – 190.000 | feb2, line 1 |" in text


def test_regenerating_the_report_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a" / "report.md", tmp_path / "b" / "report.md"
    write_reports(troop_result(tmp_path), first, "text", "corpus")
    write_reports(troop_result(tmp_path), second, "text", "corpus")
    assert first.read_bytes() == second.read_bytes()
    chart = "charts/soldier-russia-ukraine-border.png"
    assert (first.parent / chart).read_bytes() == (second.parent / chart).read_bytes()


def _png_text_keys(png: bytes) -> list[bytes]:
    keys, position = [], 8
    while position < len(png):
        length, chunk_type = struct.unpack(">I4s", png[position : position + 8])
        if chunk_type in (b"tEXt", b"iTXt", b"zTXt", b"tIME"):
            keys.append(chunk_type + b":" + png[position + 8 : position + 8 + length].split(b"\0")[0])
        position += 12 + length
    return keys


def test_chart_carries_no_software_or_time_metadata():
    series = quantity_series(troop_findings(), troop_claims())
    png = render_chart(series[0])
    assert not [key for key in _png_text_keys(png) if b"Software" in key or b"tIME" in key or b"Date" in key]
    assert render_chart(series[0]) == png


def test_only_series_that_a_finding_cites_are_charted():
    claims = pl.concat(
        [
            troop_claims(),
            claims_frame([claim_row("tanks#q", "dec", "2021-12", "quantity", "500 Panzer", quantity_value=500.0, quantity_low=500.0, quantity_high=500.0, quantity_unit="tank", actor="Russia", location="Ukraine border")]),
        ]
    )
    series = quantity_series(troop_findings(), claims)
    assert [(item.unit, item.actor, item.location) for item in series] == [("soldier", "Russia", "Ukraine border")]
    # every claim of the series is shown, cited or not, in period order
    assert series[0].claims["id"].to_list() == ["nov#q", "dec#q", "jan#q", "feb#q", "feb2#q"]
    assert "Russia, Ukraine border" in series[0].title and "soldier" in series[0].title


def test_slug_is_ascii_and_readable():
    assert slugify("Tote / Türkei / Gaziantep Ost") == "tote-tuerkei-gaziantep-ost"
    assert slugify("ß") == "ss"


def test_a_failing_chart_is_reported_and_the_report_is_still_written(tmp_path, monkeypatch, capsys):
    def broken(series):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(charts_module, "render_chart", broken)
    report = tmp_path / "report.md"
    write_reports(troop_result(tmp_path), report, "text", "corpus")
    text = report.read_text(encoding="utf-8")
    assert "chart not written" in text and "no fonts" in text
    assert "no fonts" in capsys.readouterr().err
    assert not (tmp_path / "charts").exists()
    # the series' figures are still listed, without a chart to link
    series_section = text.split("## Quantity series", 1)[1]
    assert "reported figures (soldier)" in series_section and "| published | period |" in series_section
    assert "](charts/" not in series_section


def test_a_range_without_a_single_value_is_charted_at_its_middle():
    claims = troop_claims().with_columns(
        pl.when(pl.col("id") == "dec#q").then(None).otherwise(pl.col("quantity_value")).alias("quantity_value")
    )
    png = render_chart(quantity_series(troop_findings(), claims)[0])
    assert png.startswith(b"\x89PNG")


def test_write_charts_leaves_no_temporary_files(tmp_path):
    written, failures = write_charts(quantity_series(troop_findings(), troop_claims()), tmp_path / "report.md")
    assert failures == []
    assert sorted(p.name for p in (tmp_path / "charts").iterdir()) == ["soldier-russia-ukraine-border.png"]
    assert written[0].link == "charts/soldier-russia-ukraine-border.png"


def test_stale_entries_are_listed_with_their_reason(tmp_path):
    stale = [BaselineEntry("f-gone", "QTY001", "contradiction", "ein alter Widerspruch", "Übersetzungsfehler der Agentur")]
    report = tmp_path / "report.md"
    stdout = write_reports(troop_result(tmp_path, stale=stale), report, "text", "corpus")
    text = report.read_text(encoding="utf-8")
    assert "## Stale baseline entries (1)" in text
    assert "`f-gone` QTY001 (contradiction): ein alter Widerspruch — accepted because: Übersetzungsfehler der Agentur" in text
    assert "STALE QTY001" in stdout


def test_known_finding_shows_the_reason_it_was_accepted(tmp_path):
    baseline = {"f-known": BaselineEntry("f-known", "QTY001", "contradiction", "bekannter Widerspruch", "verschiedene Zählweisen")}
    report = tmp_path / "report.md"
    write_reports(troop_result(tmp_path, baseline=baseline), report, "text", "corpus")
    assert "Accepted in the baseline: verschiedene Zählweisen" in report.read_text(encoding="utf-8")


def test_json_output_marks_new_and_lists_stale(tmp_path):
    import json

    stale = [BaselineEntry("f-gone", "QTY001", "update", "alt", None)]
    result = troop_result(tmp_path, stale=stale)
    document = json.loads(findings_json(result.findings, result.summary, result.stale))
    assert [(f["fingerprint"], f["new"]) for f in document["findings"]] == [("f-known", False), ("f-new", True), ("f-update", True)]
    assert document["summary"]["new_contradictions"] == 1
    assert document["stale"] == [{"fingerprint": "f-gone", "rule": "QTY001", "kind": "update", "summary": "alt", "reason": None}]


def test_the_report_ends_with_one_newline(tmp_path):
    """Printed with `cat`, the shell's next line (or stderr's) starts on a line of its own."""
    report = tmp_path / "report.md"
    write_reports(troop_result(tmp_path), report, "text", "corpus")
    text = report.read_bytes()
    assert text.endswith(b"\n") and not text.endswith(b"\n\n")


def test_an_unwritable_report_is_an_input_error(tmp_path):
    from checker.errors import InputProblem

    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    with pytest.raises(InputProblem, match="not-a-directory"):
        write_reports(troop_result(tmp_path), blocker / "report.md", "text", "corpus")


def test_columns_are_one_based_within_the_line():
    text = "date 2022-02\nRussland hat rund 150.000 Soldaten."
    offset = text.index("rund")
    assert column_in_text(text, offset) == 14
    assert column_in_text(text, 0) == 1


def test_quotes_carry_the_column_of_the_claim_in_its_file(tmp_path):
    article = tmp_path / "a.txt"
    text = "date 2022-02\nNach US-Angaben hat Russland rund 150.000 Soldaten zusammengezogen.\n"
    article.write_text(text, encoding="utf-8")
    start = text.index("rund 150.000")
    claims = claims_frame([claim_row("a#q", "a", "2022-02", "quantity", "rund 150.000", line=2, span_start=start)])
    findings = findings_frame([finding_row("f", "QTY001", "update", ["a#q"], ["a"])])
    quotes = quotes_by_finding(findings, claims, articles_frame({"a": str(article)}, {"a": "2022-02"}))
    assert (quotes["f"][0].line, quotes["f"][0].column) == (2, text.splitlines()[1].index("rund") + 1)


def test_articles_of_one_text_are_read_from_one_file_or_the_next_copy_when_it_fails(tmp_path, monkeypatch):
    import checker.corpus
    from checker.report.evidence import article_texts

    text = "date 2022-02\nNach US-Angaben hat Russland rund 150.000 Soldaten zusammengezogen.\n"
    for name in ("b", "c", "d"):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    # Four articles with one content hash; the first one's file can no longer be read.
    articles = articles_frame({name: str(tmp_path / f"{name}.txt") for name in "abcd"}, dict.fromkeys("abcd", "2022-02"))
    articles = articles.with_columns(content_hash=pl.lit("one text"))
    read_file, opened = checker.corpus.read_file, []
    monkeypatch.setattr(checker.corpus, "read_file", lambda path, published: opened.append(path.name) or read_file(path, published))
    texts = article_texts(articles)
    assert opened == ["a.txt", "b.txt"]
    assert sorted(texts) == ["a", "b", "c", "d"]
    assert set(texts.values()) == {read_file(tmp_path / "c.txt", None)[0].document.text}


def meeting(identifier, article, published, status, line, event="Biden-Putin summit", source=None, **fields):
    return claim_row(identifier, article, published, "meeting", "Gipfel", line=line, meeting_event=event, meeting_status=status, source=source, meeting_participants=["Joe Biden", "Wladimir Putin"], **fields)


def test_meeting_timeline_is_sorted_by_date_with_statuses_by_source():
    claims = claims_frame(
        [
            meeting("x#m1", "x", "2022-02", "agreed", 3, source="France", meeting_mode="in_person", date_start=date(2022, 2, 24), date_end=date(2022, 2, 24)),
            meeting("y#m1", "y", "2022-02", "denied", 5, source="Kremlin", meeting_mode="unspecified"),
            meeting("z#m1", "z", "2021-12", "held", 7, event="Biden-Putin video call", meeting_mode="video", date_start=date(2021, 12, 7), date_end=date(2021, 12, 7)),
            claim_row("z#q", "z", "2021-12", "quantity", "100.000", quantity_value=1e5),
            meeting("w#m1", "w", "2022-01", "held", 2, event=None),
        ]
    )
    table = meeting_timeline(claims)
    rows = [line for line in table.splitlines() if line.startswith("| Biden")]
    assert rows[0].startswith("| Biden-Putin video call | 2021-12-07 | video |")
    assert rows[1].startswith("| Biden-Putin summit | 2022-02-24 | in_person, unspecified | – |")
    assert "France: agreed «Gipfel» (x, line 3)<br>Kremlin: denied «Gipfel» (y, line 5)" in rows[1]
    assert len(rows) == 2


def test_meeting_timeline_says_an_open_interval_is_open():
    # "in den kommenden Monaten" runs from the publication on: not the single day it starts.
    claims = claims_frame(
        [
            meeting("x#m1", "x", "2022-02", "planned", 3, date_start=date(2022, 2, 1), date_end=None),
            meeting("y#m1", "y", "2022-02", "planned", 4, date_start=None, date_end=date(2022, 6, 30)),
            meeting("z#m1", "z", "2022-04", "held", 5, date_start=date(2022, 4, 12), date_end=date(2022, 4, 12)),
        ]
    )
    row = next(line for line in meeting_timeline(claims).splitlines() if line.startswith("| Biden"))
    assert row.startswith("| Biden-Putin summit | until 2022-06-30, from 2022-02-01, 2022-04-12 |")


def test_meeting_timeline_without_meetings_says_so():
    assert "No meetings found." in meeting_timeline(troop_claims())


REPO_ROOT = Path(__file__).resolve().parents[1]


def _regenerate_committed_report(cli, tmp_path: Path, monkeypatch) -> Path:
    """Run `checker check` with its defaults in a copy of the repository; return the copy's reports/."""
    import shutil

    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(REPO_ROOT / "rules", tmp_path / "rules")
    (tmp_path / "reports").mkdir()
    if (REPO_ROOT / "reports" / "baseline.json").exists():
        shutil.copy(REPO_ROOT / "reports" / "baseline.json", tmp_path / "reports" / "baseline.json")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    code, _, stderr = cli("check")
    assert code in (0, 1), stderr
    return tmp_path / "reports"


def test_seeds_report_is_the_same_bytes_on_every_run(cli, tmp_path, monkeypatch):
    first = _regenerate_committed_report(cli, tmp_path / "one", monkeypatch)
    second = _regenerate_committed_report(cli, tmp_path / "two", monkeypatch)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file() and p.name != "baseline.json")
    assert Path("report.md") in files
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file() and p.name != "baseline.json")
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_committed_seeds_report_is_up_to_date(cli, tmp_path, monkeypatch):
    import subprocess

    committed = REPO_ROOT / "reports" / "report.md"
    try:
        tracked = subprocess.run(["git", "ls-files", "--error-unmatch", "reports/report.md"], cwd=REPO_ROOT, capture_output=True).returncode == 0
    except OSError:
        tracked = False
    if not tracked:
        pytest.skip("reports/report.md is not committed yet (the integrator regenerates and commits it)")
    regenerated = _regenerate_committed_report(cli, tmp_path, monkeypatch)
    assert (regenerated / "report.md").read_bytes() == committed.read_bytes(), (
        "reports/report.md is out of date: run `checker check` at the repository root and commit reports/"
    )
    for chart in sorted((regenerated / "charts").glob("*.png")) if (regenerated / "charts").exists() else []:
        assert (REPO_ROOT / "reports" / "charts" / chart.name).read_bytes() == chart.read_bytes(), chart.name


def test_each_finding_names_its_rule_title(tmp_path):
    from checker.rules import load_rules

    result = troop_result(tmp_path)
    result.rules = load_rules(REPO_ROOT / "rules")
    title = next(rule.title for rule in result.rules if rule.id == "QTY001")
    report = tmp_path / "report.md"
    write_reports(result, report, "text", "corpus")
    assert f"*QTY001: {title}*" in report.read_text(encoding="utf-8")


def test_charts_of_series_that_are_gone_are_removed_and_other_images_kept(tmp_path):
    series = quantity_series(troop_findings(), troop_claims())
    written, _ = write_charts(series, tmp_path / "report.md")
    charts = tmp_path / "charts"
    old_chart = charts / "tank-russia-belarus.png"
    old_chart.write_bytes(written[0].path.read_bytes())
    someone_elses = charts / "logo.png"
    someone_elses.write_bytes(b"\x89PNG\r\n\x1a\nnot ours")
    write_charts(series, tmp_path / "report.md")
    assert sorted(p.name for p in charts.iterdir()) == ["logo.png", "soldier-russia-ukraine-border.png"]


def test_a_series_of_zero_figures_still_renders():
    claims = claims_frame(
        [claim_row(f"{m}#q", m, f"2023-0{m}", "quantity", "keine Toten", quantity_value=0.0, quantity_low=0.0, quantity_high=0.0, quantity_unit="death", location="Gaziantep") for m in ("1", "2")]
    )
    series = quantity_series(findings_frame([finding_row("f", "QTY002", "confirmation", ["1#q", "2#q"], ["1", "2"])]), claims)
    assert render_chart(series[0]).startswith(b"\x89PNG")


def test_series_table_shows_only_level_figures(tmp_path):
    """A deployment of 10.000 more soldiers is not a level of the troop series: it stays out of table and chart."""
    import shutil

    from checker.check import run_check
    from checker.report.charts import quantity_series
    from tests.conftest import RULES, SEEDS

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "deployment.txt").write_text(
        " date 2022-02 Russland hat nach westlichen Angaben weitere 10.000 Soldaten an die Grenze zur Ukraine verlegt.\n",
        encoding="utf-8",
    )
    result = run_check([corpus], RULES, None)
    series = [s for s in quantity_series(result.findings, result.extraction.claims) if s.actor == "Russia"]
    assert series, "the troop series must be charted"
    for one in series:
        assert set(one.claims["quantity_role"].to_list()) == {"level"}
        assert 10000 not in one.claims["quantity_value"].to_list()


def test_unchanged_chart_is_not_redrawn_and_changed_data_is(tmp_path, monkeypatch):
    import checker.report.charts as charts
    from checker.check import run_check
    from tests.conftest import RULES, SEEDS

    result = run_check([SEEDS], RULES, None)
    series = charts.quantity_series(result.findings, result.extraction.claims)
    assert series
    report = tmp_path / "report.md"
    charts.write_charts(series, report)
    drawn = []
    original = charts.render_chart
    monkeypatch.setattr(charts, "render_chart", lambda item: drawn.append(item.title) or original(item))
    charts.write_charts(series, report)
    assert drawn == [], "an unchanged series must keep its chart"
    changed = [charts.QuantitySeries(s.unit, s.actor, s.location, s.claims.with_columns(quantity_value=s.claims["quantity_value"] * 2)) for s in series]
    charts.write_charts(changed, report)
    assert drawn == [s.title for s in series]


def test_a_series_compared_only_within_stories_is_charted_per_story(tmp_path):
    """The missing of a ferry accident and of a mine accident months later are two series, each
    with its story's figures only, as QTY003 compares them, not one that falls from 40 to 3."""
    from checker.check import run_check
    from tests.conftest import RULES

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = {
        "ferry_a": ("2025-03-03", "Vor der Insel Lombok ist eine Fähre der Reederei Pelni gekentert. Nach Angaben der Küstenwache Bakamla werden 40 Menschen vermisst."),
        "ferry_b": ("2025-03-05", "Nach dem Untergang der Fähre der Reederei Pelni vor Lombok sucht die Küstenwache Bakamla weiter. Nach Angaben der Küstenwache Bakamla werden noch 25 Menschen vermisst."),
        "mine_a": ("2025-09-10", "Im Kohlebergwerk von Zonguldak ist ein Stollen der Betreiberfirma TTK eingestürzt. Nach Angaben der Bergbaubehörde AFAD werden sieben Bergleute vermisst."),
        "mine_b": ("2025-09-11", "Nach dem Einsturz im Kohlebergwerk von Zonguldak suchen Retter der AFAD im Stollen der TTK. Nach Angaben der Bergbaubehörde AFAD werden noch drei Bergleute vermisst."),
    }
    for name, (published, text) in texts.items():
        (corpus / f"{name}.txt").write_text(f" date {published}\n{text}\n", encoding="utf-8")
    result = run_check([corpus], RULES, None)
    report = tmp_path / "report.md"
    write_reports(result, report, "text", "corpus")
    series = {title: table for title, table in (part.split("\n", 1) for part in report.read_text(encoding="utf-8").split("### ")[1:]) if "over time" in title}
    assert len(series) == 2 and all(" in story " in title for title in series), list(series)
    for table in series.values():
        articles = {line.split("|")[-2].split(",")[0].strip() for line in table.splitlines() if line.startswith("| 2025")}
        assert articles in ({"ferry_a", "ferry_b"}, {"mine_a", "mine_b"})


def test_a_series_a_rule_compares_across_stories_is_charted_whole():
    """A series that a rule not grouped by story (QTY001) cites is one chart, whatever rules that
    compare within a story say of its figures."""
    within_story = finding_row("f-story", "QTY004", "update", ["nov#q", "dec#q"], ["dec", "nov"], message="steigend", severity="info", new=True)
    findings = pl.concat([troop_findings(), findings_frame([within_story])])
    series = quantity_series(findings, troop_claims(), story_rules=["QTY004"])
    assert [(item.unit, item.story) for item in series] == [("soldier", None)]
    assert series[0].claims["id"].to_list() == ["nov#q", "dec#q", "jan#q", "feb#q", "feb2#q"]
    assert " in story " not in series[0].title


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Der Streik im Hafen beginnt am Donnerstag, 4. Juni, um 6 Uhr.", '### CAL001 · warning: "Donnerstag, 4. Juni" (streik, line 2)'),
        ("Die Messe öffnet am Freitag, 4. Juni 2026, ihre Tore.", '### CAL001 · warning: "Freitag, 4. Juni 2026" (streik, line 2)'),
        # A weekday that is the date's is no finding, and no heading.
        ("Die Messe öffnet am Donnerstag, 4. Juni 2026, ihre Tore.", None),
    ],
)
def test_a_claim_checked_against_itself_is_headed_by_its_words_and_article(cli, tmp_path, monkeypatch, text, heading):
    """A weekday and date that disagree (CAL001 groups each claim by its own id) are headed by the
    words a desk finds in the article, not by the claim's internal id."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "streik.txt").write_text(f"date 2025-06-02\n{text}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    cli("check", "corpus", "--rules", str(REPO_ROOT / "rules"), "--no-baseline", "--report", "report.md")
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert (heading in report) if heading else ("### CAL001" not in report)
    assert "#date@" not in report


def _report_of(cli, tmp_path: Path, monkeypatch, articles: dict[str, str]) -> str:
    """The report of `checker check` with the repository's rules on `articles` (file name -> text)."""
    (tmp_path / "corpus").mkdir()
    for name, text in articles.items():
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    cli("check", "corpus", "--rules", str(REPO_ROOT / "rules"), "--no-baseline", "--report", "report.md", "--fail-on", "never")
    return (tmp_path / "report.md").read_text(encoding="utf-8")


STEEL_WORKS = "date 2025-05-06\nDas Stahlwerk in Duisburg hat im April 4000 Tonnen Stahl ausgeliefert. Der Hafen meldete 12 Schiffe.\n"
TROOPS = {
    "t1.txt": "date 2025-05-06\nRussland hat nach Angaben der Nato rund 150.000 Soldaten an der Grenze zur Ukraine zusammengezogen.\n",
    "t2.txt": "date 2025-05-20\nRussland hat nach Angaben der Nato inzwischen rund 170.000 Soldaten an der Grenze zur Ukraine zusammengezogen.\n",
}


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # A unit no rule takes, and a figure naming nothing the rules compare by: counted per unit with why.
        (
            {"werk.txt": STEEL_WORKS},
            [
                "## Figures not compared (2)",
                "- tonne: 1 figure in 1 article — no rule compares level figures in this unit",
                "- ship: 1 figure in 1 article — names no actor or location or period or source and belongs to no story, which QTY001, QTY003, QTY004, QTY006 need to compare it",
            ],
        ),
        # Every figure compared: the section says so, and lists none.
        (TROOPS, ["## Figures not compared (0)", "None: every figure is of a unit and names what a rule compares it by."]),
    ],
)
def test_the_report_counts_the_figures_no_rule_compares_with_why(cli, tmp_path, monkeypatch, articles, expected):
    report = _report_of(cli, tmp_path, monkeypatch, articles)
    for line in expected:
        assert line in report
    if "None:" in expected[-1]:
        assert "- soldier:" not in report


def test_the_figures_not_compared_are_capped_with_a_count_of_the_rest(cli, tmp_path, monkeypatch):
    from checker.report import not_compared

    monkeypatch.setattr(not_compared, "SHOWN_REASONS", 1)
    report = _report_of(cli, tmp_path, monkeypatch, {"werk.txt": STEEL_WORKS})
    section = report[report.index("## Figures not compared") : report.index("## Meeting timeline")]
    # The larger count first (ties by unit), the rest in one line.
    assert "- ship: 1 figure" in section and "- tonne:" not in section
    assert "- and 1 more (units and reasons) of 1 figures" in section
