"""The duration example corpus (tests/corpus/de/durations.yaml): every quantity claim of each text, as
`extract_claims` makes them, so that a duration is checked beside the figures quantities.py finds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.document import Document
from checker.extract import extract_claims
from checker.published import PublicationDate
from tests.test_quantities import FIELDS, _same

CORPUS = Path(__file__).resolve().parent / "corpus" / "de" / "durations.yaml"


def _cases() -> list:
    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    default_published = str(corpus["published"])
    params = []
    for case in corpus["cases"]:
        expect = case["expect"] or []
        name = expect[0]["claim"] if expect else "none: " + case["text"][:50]
        params.append(pytest.param(case["text"], str(case.get("published", default_published)), expect, id=f"durations.yaml::{name}"))
    return params


@pytest.mark.parametrize(("text", "published", "expect"), _cases())
def test_duration_corpus(text: str, published: str, expect: list[dict]) -> None:
    doc = Document(article="example", text=text, published=PublicationDate.parse(published))
    claims = [claim for claim in extract_claims(doc) if claim.kind == "quantity"]
    assert [text[c.span_start : c.span_end] for c in claims] == [str(e["claim"]) for e in expect]
    for claim, expected in zip(claims, expect):
        for key, value in expected.items():
            if key != "claim":
                actual = getattr(claim, FIELDS[key])
                assert _same(actual, value), f"{expected['claim']}: {key} is {actual!r}, expected {value!r}"


def test_corpus_has_positives_and_negatives() -> None:
    cases = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["cases"]
    assert sum(1 for case in cases if case["expect"]) >= 10 and sum(1 for case in cases if not case["expect"]) >= 10
