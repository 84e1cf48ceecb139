"""Bad input through the CLI: exit 2, one line on stderr naming the file, no traceback, the rest still checked."""

from __future__ import annotations

import json

import pytest

from tests.conftest import RULES, SEEDS


def run_check(cli, tmp_path, *paths, rules=RULES):
    return cli("check", *paths, "--rules", rules, "--no-baseline", "--report", tmp_path / "report.md", "--format", "json")


BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02\xff",
    "bad-date.txt": b" date 2022-13 Russland hat Soldaten zusammengezogen.",
    "no-header.txt": b"Russland hat rund 150.000 Soldaten zusammengezogen.",
    "feed.jsonl": b'{"id": "ok1", "published": "2022-02", "text": "Ein Text."}\n{broken\n',
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_article_exits_2_and_the_others_are_still_checked(cli, tmp_path, corpus, name):
    (corpus / name).write_bytes(BAD_FILES[name])
    code, stdout, stderr = run_check(cli, tmp_path, corpus)
    assert code == 2
    error_lines = stderr.strip().splitlines()
    assert len(error_lines) == 1, stderr
    assert name in error_lines[0] and "Traceback" not in stderr
    summary = json.loads(stdout)["summary"]
    seeds = len(list(SEEDS.glob("*.txt")))
    assert summary["articles"] == seeds + (1 if name == "feed.jsonl" else 0)
    assert summary["input_errors"] == 1
    assert (tmp_path / "report.md").read_text(encoding="utf-8").count(name) >= 1


def test_malformed_jsonl_line_names_the_line(cli, tmp_path, corpus):
    (corpus / "feed.jsonl").write_bytes(BAD_FILES["feed.jsonl"])
    _, _, stderr = run_check(cli, tmp_path, corpus)
    assert "feed.jsonl:2:" in stderr


def test_unreadable_path(cli, tmp_path, corpus):
    code, _, stderr = run_check(cli, tmp_path, corpus, tmp_path / "does-not-exist")
    assert code == 2 and "does-not-exist: no such file or directory" in stderr


@pytest.mark.parametrize(
    "content, expected",
    [
        ("id: QTY900\ntitle: x\nextends: quantity_series\nselect: {kind: quantity\n", "invalid YAML"),
        ("id: QTY900\ntitle: x\nextends: quantity_series\nselect: {kind: quantity}\nmessage: {update: x}\ncolour: red\n", ":6: colour: unknown key 'colour'"),
        ("id: QTY900\ntitle: x\nextends: no_such_check\nselect: {kind: quantity}\nmessage: {update: x}\n", ":3: extends: unknown check type"),
        ("id: QTY900\ntitle: x\nextends: quantity_series\nselect: {kind: quantity}\ngroup_by: actor\nmessage: {update: x}\n", ":5: group_by:"),
        ("id: QTY900\ntitle: x\nextends: quantity_series\nselect: {kind: quantity}\nmessage: {update: '{nope}'}\n", "message.update: unknown placeholder"),
    ],
)
def test_broken_rule_file(cli, tmp_path, corpus, content, expected):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(content, encoding="utf-8")
    code, _, stderr = run_check(cli, tmp_path, corpus, rules=rules)
    assert code == 2 and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert "bad.yaml" in stderr and expected in stderr, stderr


def test_bad_published_option(cli, tmp_path):
    code, _, stderr = cli("extract", tmp_path, "--published", "2022-13")
    assert code == 2 and "--published" in stderr and "month 13" in stderr


def test_missing_rules_directory(cli, tmp_path, corpus):
    code, _, stderr = run_check(cli, tmp_path, corpus, rules=tmp_path / "nowhere")
    assert code == 2 and "rules directory not found" in stderr


def test_rule_example_with_impossible_yaml_date(cli, tmp_path, corpus):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(
        "id: QTY900\ntitle: x\nextends: quantity_series\nselect: {kind: quantity}\nmessage: {update: x}\n"
        "examples:\n  - name: e\n    articles:\n      - {id: a, published: 2022-02-30, text: t}\n",
        encoding="utf-8",
    )
    code, _, stderr = run_check(cli, tmp_path, corpus, rules=rules)
    assert code == 2 and "Traceback" not in stderr and "bad.yaml" in stderr


def test_a_report_inside_the_corpus_is_refused_before_any_work(cli, tmp_path, corpus):
    """The next run would read the report as an article: refused, nothing written, exit 2."""
    (corpus / "x").mkdir()
    report = corpus / "x" / "report.md"
    code, stdout, stderr = cli("check", corpus, "--rules", RULES, "--no-baseline", "--report", report)
    assert code == 2 and stdout == "" and not report.exists()
    assert stderr.startswith(f"error: {report}: report not written into the corpus") and "--report" in stderr


def test_a_report_left_in_a_corpus_is_named_as_one(tmp_path):
    from checker.corpus import read_file
    from checker.formatting import REPORT_HEADING

    path = tmp_path / "report.md"
    path.write_text(f"{REPORT_HEADING}\n\nCorpus: `x`\n", encoding="utf-8")
    (error,) = read_file(path)
    assert error.message == "a report checker wrote, not an article: move it out of the corpus"
