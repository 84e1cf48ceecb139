"""Gazetteer: canonical names from aliases, adjective stems and narrow fuzzy matching."""

from __future__ import annotations

import functools
import random
import re
import sys
from pathlib import Path

import pytest

from checker.extract.alternation import matched_key, word_alternation
from checker.extract.gazetteer import _form_lengths, load_gazetteer
from checker.lexicon import LexiconError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def names(text):
    return [(text[m.start : m.end], m.entity.name) for m in load_gazetteer().find(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Der Kreml in Moskau", [("Kreml", "Kremlin"), ("Moskau", "Moscow")]),
        ("die russischen Truppen", [("russischen", "Russia")]),
        ("US-Präsident Joe Biden", [("US", "United States"), ("Joe Biden", "Joe Biden")]),
        ("Präsident Selenski", [("Selenski", "Wolodymyr Selenskyj")]),
        # Turkish dotted capital I: str.lower() adds a combining dot, the lookup must not.
        ("Gespräche in İstanbul", [("İstanbul", "Istanbul")]),
        ("GESPRÄCHE İN İSTANBUL", [("İSTANBUL", "Istanbul")]),
        # A capital sigma's lower case depends on the letters around it: such a text's words are looked up one by one.
        ("ΟΛΥΜΠΙΑΚΟΣ spielt in Moskau", [("Moskau", "Moscow")]),
        ("Regierungen in Sachsen-Anhalt und Sachsen", [("Sachsen-Anhalt", "Saxony-Anhalt"), ("Sachsen", "Saxony")]),
        ("die niedersächsische Landesregierung", [("niedersächsische", "Lower Saxony")]),
        ("der Landtag Mecklenburg-Vorpommerns", [("Mecklenburg-Vorpommerns", "Mecklenburg-Vorpommern")]),
        ("die steirische Polizei in Graz", [("steirische", "Styria"), ("Graz", "Graz")]),
        ("Gespräche in Lissabon und Warschau", [("Lissabon", "Lisbon"), ("Warschau", "Warsaw")]),
        ("der Kanton Tessin", [("Tessin", "Ticino")]),
        ("Der Deutsche Wetterdienst warnt", [("Deutsche Wetterdienst", "Deutscher Wetterdienst")]),
        ("Die Freien Wähler und die NEOS", [("Freien Wähler", "Freie Wähler"), ("NEOS", "NEOS")]),
    ],
)
def test_canonical_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", ["Die Linken wollen das nicht.", "Das sind schöne Sachen.", "Die Achsen brechen.", "Die Bremer Stadtmusikanten", "Wir essen in der Halle."])
def test_common_nouns_are_not_fuzzy_entities(text):
    assert [m for m in load_gazetteer().find(text) if m.form == "fuzzy"] == []


@pytest.mark.parametrize("text", ["Die Bremer Stadtmusikanten", "Wir essen in der Halle.", "Das sind schöne Sachen."])
def test_words_near_place_names_are_no_places(text):
    assert names(text) == []


def test_weather_service_speaks_for_no_state():
    assert load_gazetteer().lookup("DWD").country is None


def test_lookup_single_name():
    assert load_gazetteer().lookup("Russlands").name == "Russia"
    assert load_gazetteer().lookup("Irgendwer") is None


@pytest.mark.parametrize(
    "text, start, expected",
    [
        ("Präsident Selenskiy", 10, [("Selenskiy", "fuzzy")]),
        ("Anti-Selenskiy", 5, []),  # the hyphen before the searched range makes it part of a compound
        ("XSelenskiy", 1, []),
    ],
)
def test_fuzzy_words_start_after_no_letter_or_hyphen(text, start, expected):
    assert [(text[m.start : m.end], m.form) for m in load_gazetteer().find(text, start)] == expected


@functools.lru_cache(maxsize=1)
def _alternation(gazetteer):
    return re.compile(r"(?<![\w])" + word_alternation(gazetteer.surface) + r"(?![\w])", re.IGNORECASE)


def _alternation_find(gazetteer, text, start, end):
    """What one regex of all surface forms finds: the matching `Gazetteer.find` stands in for."""
    matches = _alternation(gazetteer).finditer(text, start, end)
    return [(match.start(), match.end(), gazetteer.surface[matched_key(match.group())]) for match in matches]


def _seed_texts():
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    assert len(texts) >= 5, f"no seed articles in {SEEDS}"
    texts += [text.upper() for text in texts]
    texts += [text.replace("I", "İ").replace("ss", "ſs").replace("k", "\u212a") for text in texts]
    texts += ["Vereinigten Staaten von Amerikas", "die Vereinigten Staaten von Amerika", "US-Amerikaner", "Neu-Delhi_", "der Ukraine2"]
    return texts


def test_found_forms_are_those_of_one_case_insensitive_alternation():
    gazetteer = load_gazetteer()
    windows = random.Random(7)
    for text in _seed_texts():
        cuts = [(0, len(text))] + [tuple(sorted(windows.sample(range(len(text) + 1), 2))) for _ in range(20)]
        for start, end in cuts:
            found = [(m.start, m.end, (m.entity.name, m.form)) for m in gazetteer.find(text, start, end) if m.form != "fuzzy"]
            assert found == _alternation_find(gazetteer, text, start, end), (text[start:end][:80], start, end)


def test_letters_of_the_forms_are_equated_as_re_ignorecase_equates_them():
    # `find` looks words up as `matched_key` reads them, the regex it stands in for compares letters
    # as re.IGNORECASE does: both must equate the same characters with each letter of a form, and a
    # character so equated must be a word character exactly when the letter is.
    every_character = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    by_key: dict[str, set[str]] = {}
    for character in every_character:
        by_key.setdefault(matched_key(character), set()).add(character)
    for letter in sorted({letter for form in load_gazetteer().surface for letter in form}):
        by_re = {match.group() for match in re.finditer(re.escape(letter), every_character, re.IGNORECASE)}
        assert by_re == by_key[letter], letter
        assert {bool(re.match(r"\w", character)) for character in by_re} == {bool(re.match(r"\w", letter))}, letter


def test_a_form_must_start_with_a_word_character():
    with pytest.raises(LexiconError, match="must start with a letter or digit"):
        _form_lengths({"-nord": ("North", "alias")})


def test_cities_that_are_also_nouns_are_places_only_in_context():
    # places.yaml `context_aliases` and `context_words`.
    gazetteer = load_gazetteer()
    for text, city in (("Die Demonstration in Essen blieb friedlich.", "Essen"), ("Die Stadt Kassel meldet 20 Fälle.", "Kassel"),
                       ("In Halle wurde gewählt.", "Halle (Saale)"), ("Er stammt aus Halle an der Saale.", "Halle (Saale)")):
        assert [match.entity.name for match in gazetteer.find(text)] == [city], text
    for text in ("Beim Essen in der Halle war es laut.", "Die Menschen suchten nach Essen.", "Der Stand ist in Halle 7."):
        assert [match.entity.name for match in gazetteer.find(text)] == [], text


def test_towns_beyond_the_larger_cities_are_places():
    # towns.yaml: towns of Germany, Austria and Switzerland from 15,000 inhabitants, large cities elsewhere.
    gazetteer = load_gazetteer()
    for text, towns in (("Im Werk in Zwickau arbeiten 750 Beschäftigte.", ["Zwickau"]),
                        ("In Riesa und Kitzingen leben 500 Einwohner.", ["Riesa", "Kitzingen"]),
                        ("Die Stadt Neuburg an der Donau zahlte kein Lösegeld.", ["Neuburg"]),
                        ("Lippstadts Bürgermeister sprach in Belém.", ["Lippstadt", "Belém"]),
                        ("Die Lage in Hof ist ernst.", ["Hof"]),
                        ("Die Universität Erlangen wächst.", ["Erlangen"]),
                        ("In Siegen und in Roth wurde gewählt.", ["Siegen", "Roth"]),
                        ("Der Gipfel in Kapstadt folgte dem in Mekka und Kyoto.", ["Cape Town", "Makkah", "Kyoto"])):
        assert [match.entity.name for match in gazetteer.find(text)] == towns, text
    # A town whose name is a German word is a place only right after a context word.
    for text in ("Wir waren in der Lage, das Wetter im Norden zu nutzen.", "Die Heide blüht, der Hof liegt leer.",
                 "Das Team fährt mit dem Zug.", "Sie will Ansehen erlangen.", "Der Kanton stimmte mit 60 Prozent zu.",
                 "Claudia Roth will siegen, sagte Achim."):
        assert [match.entity.name for match in gazetteer.find(text)] == [], text


def test_a_club_is_an_organisation_and_its_city_no_place():
    gazetteer = load_gazetteer()
    for text, names in (("Borussia Dortmund schlug Holstein Kiel.", ["Borussia Dortmund", "Holstein Kiel"]),
                        ("Der FC Bayern München und der TSV 1860 München", ["FC Bayern München", "TSV 1860 München"]),
                        ("Der BVB gewann in Dortmund.", ["Borussia Dortmund", "Dortmund"]),
                        ("In Bayern und in München regnet es.", ["Bavaria", "Munich"])):
        assert [match.entity.name for match in gazetteer.find(text)] == names, text
    assert {gazetteer.lookup(club).type for club in ("Holstein Kiel", "BVB", "FC Bayern")} == {"organisation"}
