"""The quantity example corpus (tests/corpus/de/quantities.yaml), run by one parametrised test."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Document
from checker.extract.dates import extract_dates
from checker.extract.quantities import extract_quantities, increment_kind, is_increment
from checker.lexicon import load_lexicon
from checker.published import PublicationDate
from checker.schema import QUANTITY_ROLES

CORPUS = Path(__file__).resolve().parent / "corpus" / "de" / "quantities.yaml"
# quantities.yaml and the corpora of one concern beside it (quantities_measures.yaml), in one format.
CORPORA = sorted(CORPUS.parent.glob("quantities*.yaml"))
FIELDS = {
    "value": "quantity_value",
    "low": "quantity_low",
    "high": "quantity_high",
    "qualifier": "quantity_qualifier",
    "unit": "quantity_unit",
    "actor": "actor",
    "location": "location",
    "source": "source",
    "role": "quantity_role",
    "measure": "quantity_measure",
    "timex": "date_timex",
    "part_of": "quantity_part_of",
}


def _cases() -> list:
    params, seen = [], set()
    for path in CORPORA:
        corpus = yaml.safe_load(path.read_text(encoding="utf-8"))
        default_published = str(corpus["published"])
        for case in corpus["cases"]:
            expect = case["expect"] or []
            name = f"{path.name}::" + (expect[0]["claim"] if expect else "none: " + case["text"][:50])
            while name in seen:
                name += "'"
            seen.add(name)
            params.append(pytest.param(case["text"], str(case.get("published", default_published)), expect, id=name))
    return params


def _document(text: str, published: str) -> Document:
    return Document(article="example", text=text, published=PublicationDate.parse(published))


def _same(actual, expected) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and actual is not None:
        return math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9)
    return actual == expected


@pytest.mark.parametrize(("text", "published", "expect"), _cases())
def test_quantity_corpus(text: str, published: str, expect: list[dict]) -> None:
    doc = _document(text, published)
    claims = extract_quantities(doc, extract_dates(doc))
    assert [text[c.span_start : c.span_end] for c in claims] == [str(e["claim"]) for e in expect]
    for claim, expected in zip(claims, expect):
        for key, value in expected.items():
            if key == "claim":
                continue
            actual = getattr(claim, FIELDS[key])
            assert _same(actual, value), f"{expected['claim']}: {key} is {actual!r}, expected {value!r}"


def test_corpus_is_large_and_has_negatives() -> None:
    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    negatives = [case for case in corpus["cases"] if not case["expect"]]
    assert len(corpus["cases"]) >= 80 and len(negatives) >= 10


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_spans_quote_the_text(text: str) -> None:
    doc = _document(text, "2022-02")
    for claim in extract_quantities(doc, []):
        assert 0 <= claim.span_start < claim.span_end <= len(text)
        assert claim.kind == "quantity"
        assert claim.quantity_role in QUANTITY_ROLES


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["rund", "mehr als", "150.000", "Soldaten", "zwei", "Millionen", "und", "bis", "zwischen",
                                 "an", "der", "Grenze", "zur", "Ukraine", "Russland", ",", ".", "Zehntausende", "wirft", "vor",
                                 "nach", "Angaben", "sagte", "Putin", "1 / 6", "Zahl", "Toten", "42", "Prozent", "Euro",
                                 "weitere", "um", "gestiegen", "mehr", "Plus", "starben", "verletzt", "ums Leben", "nicht",
                                 "verlegen", "bei", "dem", "Opferzahl", "2014"]),
                max_size=30))
def test_never_raises_on_news_like_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    doc = _document(text, "2022-02")
    claims = extract_quantities(doc, extract_dates(doc))
    assert claims == sorted(claims, key=lambda c: (c.span_start, c.span_end))
    for claim in claims:
        assert re.search(r"\S", text[claim.span_start : claim.span_end])


@pytest.mark.parametrize(
    ("lexicon", "broken", "message"),
    [
        ("qualifiers", {"widths": {"approx": 2}, "qualifiers": {}, "range": {}}, "qualifiers.yaml"),
        ("qualifiers", {"widths": {"approx": 0.1, "almost": 0.1, "over": 0.1}, "qualifiers": {"roughly": ["rund"]}, "range": {}}, "unknown qualifier"),
        ("units", {"units": {"soldier": {"forms": "Soldaten"}}}, "units.yaml"),
        ("units", {**load_lexicon("units"), "casualties": {**load_lexicon("units")["casualties"], "of_units": ["ghost"]}},
         "casualties: unknown unit 'ghost'"),
        ("units", {**load_lexicon("units"), "increments": {"additive": ["weitere"]}}, "missing key 'deployment_stems'"),
        ("units", {**load_lexicon("units"), "units": {**load_lexicon("units")["units"], "dollar": {
            "forms": ["Dollar"], "ambiguous": {"by_adjective": {"kanadisch": "KAD"}, "otherwise": [{"unit": "USD"}]}}}},
         "unit 'dollar': by_adjective 'kanadisch': 'KAD' is no unit"),
        ("units", {**load_lexicon("units"), "units": {**load_lexicon("units")["units"], "lira": {
            "forms": ["Lira"], "ambiguous": {"by_adjective": {}, "otherwise": [{"unit": "ITL", "published_before": "2002"}]}}}},
         "'published_before' must be a date"),
        ("units", {**load_lexicon("units"), "units": {**load_lexicon("units")["units"], "currency": {"forms": ["Geld"]}}},
         "family 'currency' is also a unit"),
        ("units", {**load_lexicon("units"), "units": {**load_lexicon("units")["units"], "EUR": {"forms": ["Euro"], "family": "Money"}}},
         "unit 'EUR': 'family' must be a lower-case name"),
    ],
    ids=["qualifier width out of range", "unknown qualifier name", "unit forms not a list", "casualty of an unknown unit",
         "increments without deployment verbs", "ambiguous word to an unknown unit", "ambiguous word with a bad date",
         "family named like a unit", "family not a name"],
)
def test_broken_lexicon_fails_loudly_with_its_file(monkeypatch, lexicon: str, broken: dict, message: str) -> None:
    from checker import units
    from checker.extract import quantities
    from checker.lexicon import LexiconError

    real = quantities.load_lexicon
    # units.yaml is read by both: its `units` entries through checker.units, the rest by quantities.
    for module in (quantities, units):
        monkeypatch.setattr(module, "load_lexicon", lambda name: broken if name == lexicon else real(name))
    quantities._qualifiers.cache_clear()
    quantities._units.cache_clear()
    units.unit_entries.cache_clear()
    try:
        with pytest.raises(LexiconError, match=message):
            quantities._qualifiers() if lexicon == "qualifiers" else quantities._units()
    finally:
        quantities._qualifiers.cache_clear()
        quantities._units.cache_clear()
        units.unit_entries.cache_clear()


def test_a_measure_period_no_rate_unit_has_fails_loudly(monkeypatch) -> None:
    """A misspelt period in measures.yaml `measure_periods` ("hours") would leave the minimum wage's
    plain amounts in EUR without a word: it fails at load time, naming the file and the period."""
    from checker.extract import measures
    from checker.lexicon import LexiconError

    real = measures.load_lexicon
    broken = {**real("measures"), "measure_periods": {"mindestlohn": "hours"}}
    monkeypatch.setattr(measures, "load_lexicon", lambda name: broken if name == "measures" else real(name))
    measures._measures.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"measures\.yaml.*measure_periods.*hours"):
            measures._measures()
    finally:
        measures._measures.cache_clear()


@pytest.mark.parametrize(
    ("text", "figure", "kind"),
    [
        ("Russland hat rund 150.000 Soldaten an der Grenze.", "rund 150.000 Soldaten", None),
        ("Die USA wollen rund 3000 weitere Soldaten nach Polen verlegen.", "rund 3000 weitere Soldaten", "deployment"),
        ("Bei dem Beben starben 12 weitere Menschen.", "12 weitere Menschen", "addition"),
        ("Die Zahl der Soldaten ist um 2000 gestiegen.", "2000", "change"),
        ("Der Freibetrag wird um weitere 50 Euro erhöht.", "50 Euro", "change"),
        ("Russland hat weitere 10.000 Soldaten an die Grenze verlegt.", "10.000 Soldaten", "deployment"),
        ("Die Zahl der Soldaten ist um 2000 auf 150.000 gestiegen.", "150.000", None),
        ("Die Partei hat 10.000 Mitglieder mehr als im Vorjahr.", "10.000 Mitglieder", "change"),
        ("Die Stadt meldet ein Plus von 3000 Einwohnern.", "3000 Einwohnern", "change"),
        ("Die Stadt meldet einen Bevölkerungszuwachs um 3000 Einwohner.", "3000 Einwohner", "change"),
        ("Die Truppe steht mehr als 100 Kilometer von der Grenze entfernt.", "mehr als 100 Kilometer", None),
    ],
)
def test_increment_kind(text: str, figure: str, kind: str | None) -> None:
    start = text.index(figure)
    numeral = re.search(r"\d[\d.]*", figure)
    numeral_start, numeral_end = start + numeral.start(), start + numeral.end()
    assert increment_kind(text, start, numeral_start, numeral_end, start + len(figure), (0, len(text))) == kind
    assert is_increment(text, start, numeral_start, numeral_end, start + len(figure), (0, len(text))) == (kind is not None)


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Gegenüber dem Vormonat stiegen die Verbraucherpreise um 0,3 Prozent.", None),
        ("Der Umsatz lag mit 3 Milliarden Euro höher als im Vorjahr.", None),
        ("Im Vergleich zum Vorjahresmonat fielen die Preise um 1,2 Prozent.", None),
        ("Im Vorjahr waren es 2,8 Milliarden Euro.", "2024"),
        ("Im September lag die Rate bei 2,1 Prozent.", "2025-09"),
    ],
)
def test_a_comparison_base_does_not_date_the_figure(text: str, dated: str | None) -> None:
    """The base a figure is compared with is not the figure's time; a date of its own is."""
    from checker.extract import extract_document
    from checker.published import PublicationDate

    claims = extract_document(Document("base", text, PublicationDate.parse("2025-10-30"), 0))
    (timex,) = claims.filter(claims["kind"] == "quantity")["date_timex"].to_list()
    assert timex == dated


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Der Bund zahlt gut 30 Milliarden Euro.", 30_000_000_000, 33_000_000_000),
        ("Die Reform kostet rund 11 Milliarden Euro.", 10_000_000_000, 12_000_000_000),
        ("Das Land nimmt knapp 2,7 Millionen Euro ein.", 2_600_000, 2_700_000),
        ("Ein Liter kostet rund 1,42 Euro.", 1.41, 1.43),
        ("Ein Drittel der Befragten ist dagegen.", 33.333333, 33.333333),
    ],
)
def test_bounds_are_clean_decimals(text: str, low: float, high: float) -> None:
    """A qualifier's bounds are products (30e9 * 1.1) or sums (1.42 - 0.01) whose binary error must not show in the claims,
    the rules' comparisons or the JSON (33000000000.000004): they equal the decimal exactly."""
    doc = _document(text, "2025-03-10")
    (claim,) = extract_quantities(doc, extract_dates(doc))
    assert (claim.quantity_low, claim.quantity_high) == (low, high)
    assert repr(claim.quantity_high) == repr(float(high))


# Nouns no unit lists, each as (singular, plural, dative plural), one of every plural class the
# fallback unit knows: weak -en, suffixes, -ien, -en after z, umlaut plurals, -s plurals of
# loanwords, nouns whose singular ends in -en, -er or -el already.
COUNTED_NOUN_FORMS = [
    ("Insolvenz", "Insolvenzen", "Insolvenzen"), ("Konferenz", "Konferenzen", "Konferenzen"),
    ("Bilanz", "Bilanzen", "Bilanzen"), ("Grenze", "Grenzen", "Grenzen"), ("Pflanze", "Pflanzen", "Pflanzen"),
    ("Partei", "Parteien", "Parteien"), ("Bäckerei", "Bäckereien", "Bäckereien"), ("Familie", "Familien", "Familien"),
    ("Linie", "Linien", "Linien"), ("Republik", "Republiken", "Republiken"), ("Fabrik", "Fabriken", "Fabriken"),
    ("Universität", "Universitäten", "Universitäten"), ("Zeitung", "Zeitungen", "Zeitungen"),
    ("Gemeinschaft", "Gemeinschaften", "Gemeinschaften"), ("Einheit", "Einheiten", "Einheiten"),
    ("Station", "Stationen", "Stationen"), ("Schneiderin", "Schneiderinnen", "Schneiderinnen"), ("Tourist", "Touristen", "Touristen"),
    ("Notunterkunft", "Notunterkünfte", "Notunterkünften"), ("Saft", "Säfte", "Säften"),
    ("Geschäft", "Geschäfte", "Geschäften"), ("Antrag", "Anträge", "Anträgen"), ("Stadt", "Städte", "Städten"),
    ("Museum", "Museen", "Museen"), ("Stadion", "Stadien", "Stadien"), ("Zentrum", "Zentren", "Zentren"),
    ("Kita", "Kitas", "Kitas"), ("Foto", "Fotos", "Fotos"), ("Profi", "Profis", "Profis"), ("Baby", "Babys", "Babys"),
    ("Wohnwagen", "Wohnwagen", "Wohnwagen"), ("Lehrer", "Lehrer", "Lehrern"), ("Artikel", "Artikel", "Artikeln"),
    ("Schule", "Schulen", "Schulen"), ("Abkommen", "Abkommen", "Abkommen"), ("Bett", "Betten", "Betten"),
]
# A strong plural in -e without umlaut cannot be told from a singular in -e ("Pakete" / "Schule"):
# its plural cases are one unit, its singular another.
PLURAL_ONLY_FORMS = [("Pakete", "Paketen"), ("Ergebnisse", "Ergebnissen"), ("Projekte", "Projekten"), ("Hinweise", "Hinweisen")]


def _unit_after_figure(noun: str, figure: str = "12") -> str | None:
    doc = _document(f"Gezählt wurden gestern {figure} {noun}.", "2024-05-01")
    units = {claim.quantity_unit for claim in extract_quantities(doc, extract_dates(doc))}
    assert len(units) == 1, f"{noun}: {units}"
    return units.pop()


def test_every_form_of_a_counted_noun_is_one_unit_and_nouns_do_not_collide() -> None:
    units_of_nouns = {}
    for singular, plural, dative in COUNTED_NOUN_FORMS:
        units = {_unit_after_figure(singular, "1"), _unit_after_figure(plural), _unit_after_figure(dative)}
        assert len(units) == 1, f"{singular}: {units}"
        units_of_nouns[singular] = units.pop()
    for plural, dative in PLURAL_ONLY_FORMS:
        units = {_unit_after_figure(plural), _unit_after_figure(dative)}
        assert len(units) == 1, f"{plural}: {units}"
        units_of_nouns[plural] = units.pop()
    assert len(set(units_of_nouns.values())) == len(units_of_nouns), units_of_nouns
