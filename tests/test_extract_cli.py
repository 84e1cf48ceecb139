"""`checker extract`: claims of all three kinds on the seeds, in the INTERFACE.md shape."""

from __future__ import annotations

import json
import re

from tests.conftest import SEEDS

GRANULARITIES = {"day", "week", "month", "quarter", "year", "decade", "century"}
QUALIFIERS = {"exact", "approx", "more_than", "at_least", "less_than", "at_most", "almost", "over", "range"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def test_seed_claims_have_every_kind_in_the_interface_shape(cli):
    code, stdout, stderr = cli("extract", SEEDS, "--format", "jsonl")
    assert code == 0, stderr
    claims = [json.loads(line) for line in stdout.splitlines()]
    assert {c["kind"] for c in claims} == {"date", "quantity", "meeting"}
    texts = {path.stem: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}
    ids = set()
    for claim in claims:
        assert {"id", "article", "published", "kind", "text", "span", "line", "sentence", "source"} <= set(claim)
        assert claim["id"] not in ids
        ids.add(claim["id"])
        content = texts[claim["article"]]
        assert content[claim["span"][0] : claim["span"][1]] == claim["text"]
        assert claim["line"] == content.count("\n", 0, claim["span"][0]) + 1
        assert claim["text"] in claim["sentence"] or claim["sentence"] in content
        if claim["kind"] == "date":
            date = claim["date"]
            assert date["granularity"] in GRANULARITIES or date["start"] is None
            assert date["timex"]
            # An open end (PAST_REF, "in den kommenden Tagen") is null, never an invented day.
            for bound in ("start", "end"):
                assert date[bound] is None or ISO.match(date[bound])
            if date["start"] and date["end"]:
                assert date["start"] <= date["end"]
        elif claim["kind"] == "quantity":
            quantity = claim["quantity"]
            assert quantity["qualifier"] in QUALIFIERS
            assert {"value", "low", "high", "unit"} <= set(quantity) and "actor" in claim and "location" in claim
            if quantity["low"] is not None and quantity["high"] is not None:
                assert quantity["low"] <= quantity["high"]
        else:
            meeting = claim["meeting"]
            assert meeting["mode"] in {"in_person", "phone", "video", "unspecified"}
            assert meeting["status"] in {"proposed", "agreed", "planned", "held", "denied", "cancelled"}
            assert meeting["participants"] == sorted(meeting["participants"])
            assert "event" in meeting and "place" in meeting and "date" in meeting


def test_table_format(cli):
    code, stdout, _ = cli("extract", SEEDS, "--format", "table")
    assert code == 0
    assert stdout.splitlines()[0].split()[:3] == ["article", "line", "kind"]


def test_extract_is_deterministic(cli):
    first = cli("extract", SEEDS)[1]
    second = cli("extract", SEEDS)[1]
    assert first == second


def test_the_outlet_is_the_articles_and_no_claims_source(cli, tmp_path):
    """Front matter `source` (the outlet) is no claim's "who says so", of any kind; a source the text
    names is. An outlet as the voice of every unattributed figure made two outlets' different
    figures "sources that disagree", and two unrelated articles of one outlet share a story term."""
    article = tmp_path / "a.md"
    article.write_text(
        "---\npublished: 2025-03-10\nsource: ORF\n---\n"
        "Am Dienstag wurden zwölf Menschen verletzt. Nach Angaben der Polizei wurden 14 Menschen festgenommen. "
        "Scholz und Macron treffen sich am Freitag in Berlin.\n",
        encoding="utf-8",
    )
    code, stdout, stderr = cli("extract", article, "--format", "jsonl")
    assert code == 0, stderr
    sources = {(claim["kind"], claim["text"]): claim["source"] for claim in map(json.loads, stdout.splitlines())}
    assert {kind for kind, _ in sources} == {"date", "quantity", "meeting"}
    assert "ORF" not in sources.values()
    assert sources[("quantity", "14 Menschen")] == "police"
