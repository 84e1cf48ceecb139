"""The meeting example corpus (tests/corpus/de/meetings.yaml), run by one parametrised test, and
the extractor's promises: never raising, spans quoting the text, deterministic output."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Document
from checker.extract.alternation import matched_key
from checker.extract.meeting_lexicon import folded_text, meeting_lexicon
from checker.extract.meetings import extract_meetings
from checker.published import PublicationDate
from checker.schema import MEETING_MODES, MEETING_STATUSES, Claim

CORPUS = Path(__file__).resolve().parent / "corpus" / "de" / "meetings.yaml"
FIELDS = {
    "participants": "meeting_participants",
    "mode": "meeting_mode",
    "status": "meeting_status",
    "place": "meeting_place",
    "date": "date_start",
    "source": "source",
}


def _load() -> list[dict]:
    return yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["cases"]


def _cases() -> list:
    params, seen = [], set()
    for case in _load():
        expect = case["expect"] or []
        published = str(case["published"])
        name = f"meetings.yaml::{published}::" + (str(expect[0]["claim"]) if expect else "none: " + case["text"][:40])
        while name in seen:
            name += "'"
        seen.add(name)
        params.append(pytest.param(case, id=name))
    return params


def date_claims(text: str, specs: list[dict]) -> list[Claim]:
    """Date claims as the date stage would return them, placed where their text occurs."""
    claims = []
    for spec in specs or []:
        start = text.index(spec["text"])
        claims.append(
            Claim(
                kind="date",
                span_start=start,
                span_end=start + len(spec["text"]),
                date_start=spec["start"],
                date_end=spec["end"],
                date_granularity=spec["granularity"],
                date_timex=spec["start"].isoformat(),
                date_weekday=spec.get("weekday"),
            )
        )
    return claims


def document(text: str, published: str) -> Document:
    return Document(article="example", text=text, published=PublicationDate.parse(published))


@pytest.mark.parametrize("case", _cases())
def test_meeting_corpus(case: dict) -> None:
    text = case["text"]
    doc = document(text, str(case["published"]))
    claims = extract_meetings(doc, date_claims(text, case.get("dates")))
    expect = case["expect"] or []
    assert [text[c.span_start : c.span_end] for c in claims] == [str(e["claim"]) for e in expect]
    for claim, expected in zip(claims, expect):
        for key, value in expected.items():
            if key == "claim":
                continue
            actual = getattr(claim, FIELDS[key])
            if isinstance(actual, date):
                actual = actual.isoformat()
            if isinstance(value, date):
                value = value.isoformat()
            assert actual == value, f"{expected['claim']}: {key} is {actual!r}, expected {value!r}"


def test_corpus_is_large_and_has_negatives() -> None:
    cases = _load()
    negatives = [case for case in cases if not case["expect"]]
    assert len(cases) >= 40 and len(negatives) >= 10


def test_every_claim_is_well_formed_on_the_corpus() -> None:
    for case in _load():
        doc = document(case["text"], str(case["published"]))
        for claim in extract_meetings(doc, date_claims(case["text"], case.get("dates"))):
            assert claim.kind == "meeting"
            assert claim.meeting_mode in MEETING_MODES
            assert claim.meeting_status in MEETING_STATUSES
            assert claim.meeting_participants == sorted(set(claim.meeting_participants))
            assert claim.meeting_participants


def test_role_words_resolve_with_the_publication_date() -> None:
    text = "Der US-Präsident traf sich mit dem russischen Präsidenten."
    people = {
        published: extract_meetings(document(text, published), [])[0].meeting_participants
        for published in ("2019-07", "2021-07", "2009-06")
    }
    assert people == {
        "2019-07": ["Donald Trump", "Wladimir Putin"],
        "2021-07": ["Joe Biden", "Wladimir Putin"],
        "2009-06": ["Barack Obama", "Dmitri Medwedew"],
    }


def test_output_is_deterministic() -> None:
    text = " ".join(case["text"] for case in _load())
    first = extract_meetings(document(text, "2022-02"), [])
    second = extract_meetings(document(text, "2022-02"), [])
    assert first == second
    assert [c.span_start for c in first] == sorted(c.span_start for c in first)


def test_lexicon_loads() -> None:
    lexicon = meeting_lexicon()
    assert lexicon.nouns.search("Gipfeltreffen") and lexicon.verbs.search("telefonierten")


_MEETING_WORDS = st.sampled_from(
    ["Gipfel", "Treffen", "Telefonat", "telefonierten", "trafen sich", "Biden", "Putin", "US-Präsident",
     "Kremlchef", "die beiden Staatschefs", "per Video", "in Genf", ",", ".", "\n", "am Dienstag", "zwischen",
     "und", "sein russischer Amtskollege", "dementiert dies", "Putin-Gespräch", "abgesagt", "vorgeschlagen"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=12), _MEETING_WORDS), max_size=40).map(" ".join))
def test_never_raises_and_spans_quote_the_text(text: str) -> None:
    doc = document(text, "2022-02")
    for claim in extract_meetings(doc, []):
        assert 0 <= claim.span_start < claim.span_end <= len(text)
        assert claim.kind == "meeting"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_unicode(text: str) -> None:
    extract_meetings(document(text, "2021"), [])


_GATED_WORDS = st.sampled_from(
    ["Papst Franziskus", "Außenminister Wang Wenbin", "des chinesischen Außenministers Wang", "Kanzlerin",
     "russischen Präsidenten", "Präsident des Europäischen Rates", "PRÄSIDENT", "Ex-Kremlchef", "Klimagipfel",
     "Videogipfel", "GIPFEL", "Gipfel-", "-Gespräch", "trafen\nsich", "TELEFONIERTEN", "Kreml-Chef", "Staats- und Parteichef",
     "„Sprachen", "(beſuchte", "İ", "ı", "\u212a", "_reden", "KAM\tZUSAMMEN", "Ä", "é"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=8), _MEETING_WORDS, _GATED_WORDS), max_size=30).map(" ".join),
       st.integers(0, 300), st.integers(0, 300))
def test_word_gates_keep_the_results_of_the_full_patterns(text: str, start: int, end: int) -> None:
    lexicon = meeting_lexicon()

    def found(matches) -> list:
        return [(match.span(), match.lastgroup) for match in matches]

    assert lexicon.names_meeting(text, folded_text(text), start, end) == bool(
        lexicon.nouns.search(text, start, end) or lexicon.verbs.search(text, start, end)
    )
    assert found(lexicon.role_matches(text, start, end)) == found(lexicon.role_pattern.finditer(text, start, end))
    assert [(titled.title_start, titled.start, titled.end) for titled in lexicon.titled_names(text, start, end)] == [
        (match.start(), *match.span("name")) for match in lexicon.titled_name.finditer(text, start, end)
    ]


def test_folded_text_reads_characters_as_ignorecase_does() -> None:
    """Every code point: one character, the letters of the meeting verbs equated as re.IGNORECASE
    equates them, and word characters, blanks and hyphens kept apart as they were."""
    every = "".join(map(chr, range(0x110000)))
    letters = "[" + "".join(sorted({char for form in meeting_lexicon().verb_info for char in form if char != " "})) + "]"
    # Without the three letters str.lower() reads otherwise than matched_key, folded_text takes its short way.
    for text in (every, re.sub("[İıſ]", "", every)):
        folded = folded_text(text)
        assert folded[0] == " " and len(folded) == len(text) + 1
        assert folded[1:] == matched_key(text)
        ignoring_case = [match.start() for match in re.finditer(letters, text, re.IGNORECASE)]
        assert [position + 1 for position in ignoring_case] == [match.start() for match in re.finditer(letters, folded)]
        assert all(re.fullmatch(folded[position + 1], text[position], re.IGNORECASE) for position in ignoring_case)
        for kind in (r"[\w-]", r"\s", " "):
            assert [match.start() + 1 for match in re.finditer(kind, text)] == [
                match.start() for match in re.compile(kind).finditer(folded, 1)]


@pytest.mark.parametrize(
    ("form", "start"),
    [("russisch{adj} Präsident{n}", "russisch"), ("Kanzlerin", "Kanzlerin"), ("Präsidenten?", "Präsidente"),
     ("St. Petersburg", "St"), ("Chef|Boss", ""), ("{adj}Chef", "")],
)
def test_a_role_forms_literal_start_is_what_every_match_begins_with(form: str, start: str) -> None:
    from checker.extract.meeting_lexicon import _literal_start

    assert _literal_start(form) == start


@pytest.mark.parametrize(
    ("lexicon", "broken", "message"),
    [
        ("roles", {"roles": {"x": {"forms": ["Chef"], "holders": [{"name": "Nobody", "from": date(2020, 1, 1)}]}},
                   "former_markers": ["früher"]}, "not a person in people.yaml"),
        ("roles", {"roles": {"x": {"forms": ["Chef"], "holders": [
            {"name": "Joe Biden", "from": date(2020, 1, 1)}, {"name": "Donald Trump", "from": date(2021, 1, 1)}]}},
                   "former_markers": ["früher"]}, "at the same time"),
        ("roles", {"roles": {"x": {"forms": ["Chef("], "holders": [{"name": "Joe Biden", "from": date(2020, 1, 1)}]}},
                   "former_markers": ["früher"]}, "role 'x': invalid pattern 'Chef\\('"),
        ("meetings", {"nouns": [{"form": "Gipfel", "mode": "teleport"}]}, "mode"),
        ("meetings", {"negated_cancel_cues": ["stattfinden", "nie stattfinden"]}, "not status cues"),
    ],
)
def test_a_broken_lexicon_fails_loudly_with_its_file(monkeypatch, lexicon: str, broken: dict, message: str) -> None:
    import checker.extract.meeting_lexicon as meetings
    from checker.lexicon import LexiconError, load_lexicon

    real = meetings.load_lexicon
    if lexicon == "meetings":
        broken = {**real("meetings"), **broken}  # one bad entry in an otherwise whole file
    monkeypatch.setattr(meetings, "load_lexicon", lambda name: broken if name == lexicon else real(name))
    meetings.meeting_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match=message) as failure:
            meetings.meeting_lexicon()
        assert f"{lexicon}.yaml" in str(failure.value)
    finally:
        meetings.meeting_lexicon.cache_clear()
    assert load_lexicon(lexicon)  # the real file is untouched


@pytest.mark.parametrize(
    ("role_words", "feminine"),
    [("Kanzlerin", True), ("Präsidentinnen", True), ("Bürgermeisterin von Rom", True), ("belarussische Präsidentin", True),
     ("Bundeskanzler", False), ("Machthaber in Berlin", False), ("Regierende Bürgermeister von Berlin", False)],
)
def test_role_words_name_a_woman_by_the_role_noun_not_by_a_place_after_it(role_words: str, feminine: bool) -> None:
    from checker.extract.parties import _feminine

    assert _feminine(role_words) is feminine
