"""Attribution examples: who says so, for a span of a sentence. Negatives expect None."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Document
from checker.extract.attribution import _cues, _prepositional_cues, find_accusation, find_source
from checker.published import PublicationDate

# (sentence, the claim's text inside it, expected canonical source)
SOURCE_CASES = [
    ("Russland hat nach westlichen Angaben rund 150.000 Soldaten an der Grenze zusammengezogen.", "150.000", "Western sources"),
    ("Nach US-Angaben wollen beide Präsidenten am Samstag telefonieren.", "telefonieren", "United States"),
    ("Laut Weißem Haus beriet sich der Präsident mit 4 Regierungschefs.", "4 Regierungschefs", "White House"),
    ("Dem Weißen Haus zufolge ist das Gespräch für 18 Uhr angesetzt.", "18 Uhr", "White House"),
    ("Das Gespräch sei sachlich gewesen, sagte Kreml-Sprecher Dmitri Peskow.", "sachlich", "Dmitri Peskow"),
    ("Die französische Regierung hatte zuvor mitgeteilt, beide hätten zugestimmt.", "zugestimmt", "France"),
    ("Eine Sprecherin des Weißen Hauses erklärte kurz darauf, der Präsident sei bereit.", "bereit", "White House"),
    ("Bei dem Gespräch sei es um Sicherheit gegangen, erklärte das US-Verteidigungsministerium.", "Sicherheit", "Pentagon"),
    ("Bei dem Unfall wurden nach Angaben der Polizei drei Menschen verletzt.", "drei Menschen", "police"),
    ("Nach Angaben der Feuerwehr entstand ein Schaden von rund 200.000 Euro.", "200.000 Euro", "fire brigade"),
    ("Mehr als 40 Menschen starben, teilten die Behörden mit.", "40 Menschen", "authorities"),
    ("Die Inflation lag im März bei 7,3 Prozent, wie das Statistische Bundesamt mitteilte.", "7,3 Prozent", "Destatis"),
    ("Die Wahlbeteiligung lag nach Angaben des Wahlleiters bei 76 Prozent.", "76 Prozent", "election officials"),
    ("Der Konzern hat nach eigenen Angaben 3000 Stellen abgebaut.", "3000 Stellen", None),
    ("Die Polizei nahm nach eigenen Angaben 12 Verdächtige fest.", "12 Verdächtige", "police"),
    ("Die Zahl der Toten stieg nach ukrainischen Angaben auf 25.", "25", "Ukraine"),
    ("Laut Interfax sind 500 Soldaten verlegt worden.", "500 Soldaten", "Interfax"),
    ("Die Kämpfe gehen weiter, hieß es aus Moskau.", "Kämpfe", "Russia"),
    ("Der Nationale Sicherheitsberater von US-Präsident Joe Biden, Jake Sullivan, sagte dies am Montag.", "Montag", "Jake Sullivan"),
    ("Sullivan sagte jedoch, Biden habe keine Zugeständnisse gemacht.", "Zugeständnisse", "Jake Sullivan"),
    ("Nach Schätzungen der Vereinten Nationen sind Zehntausende auf der Flucht.", "Zehntausende", "United Nations"),
    ("Wie das Weiße Haus mitteilte, wollen beide am Samstag telefonieren.", "telefonieren", "White House"),
    ("Nach Informationen der Deutschen Presse-Agentur wollen Scholz und Macron telefonieren.", "telefonieren", "dpa"),
    ("Das Gespräch sei konstruktiv gewesen, hieß es aus dem Kreml.", "Gespräch", "Kremlin"),
    ("Das Telefonat habe eine Stunde gedauert, so Peskow.", "Telefonat", "Dmitri Peskow"),
    ("Die Regierung in Moskau teilte mit, 50.000 Reservisten seien einberufen.", "50.000", "Russia"),
    ("Nach Angaben aus Warschau stehen 4000 Soldaten an der Grenze.", "4000", "Poland"),
    ("Peskow sagte am Montag, Moskau sei offen. Es gebe aber keine Pläne für ein Treffen.", "Treffen", "Dmitri Peskow"),
    ("Nach offiziellen Angaben der Polizei wurden 30 Menschen verletzt.", "30 Menschen", "police"),
    # A government without its state is the one government the article names with its state, else "government".
    ("Ein Regierungssprecher sagte, 300 Soldaten würden verlegt.", "300 Soldaten", "government"),
    ("Die US-Regierung prüft Hilfen. Ein Sprecher der Regierung sagte, es gehe um 2 Milliarden.", "2 Milliarden", "United States"),
    ("Die italienische Regierung lud ein. Eine Regierungssprecherin sagte, 40 Staaten kämen.", "40 Staaten", "Italy"),
    ("Die Bundesregierung plant ein Gesetz. Ein Regierungssprecher sagte, es koste 5 Milliarden.", "5 Milliarden", "Germany"),
    ("Die Regierung in Kiew und die Regierung in Moskau streiten. Ein Regierungssprecher sagte, 20 Dörfer seien betroffen.",
     "20 Dörfer", "government"),
    ("Der Regierungschef Polens kam an. Ein Regierungssprecher sagte, 30 Gäste seien geladen.", "30 Gäste", "government"),
    # A person the gazetteer lacks, named by first and last name after a title, is the source, as a known one is.
    ("Nach Angaben von Vizepräsident Tarek Hamdan wurden 120 Menschen verletzt.", "120 Menschen", "Tarek Hamdan"),
    ("Es gebe 40 Verletzte, sagte Innenministerin Maria Muster am Abend.", "40 Verletzte", "Maria Muster"),
    ("Laut Bürgermeister Hans Meier kamen 3000 Menschen zum Fest.", "3000 Menschen", "Hans Meier"),
    ("Es gebe 25 Tote, sagte der libanesische Gesundheitsminister Karim Haddad.", "25 Tote", "Karim Haddad"),
    ("Die Polizei habe 15 Menschen festgenommen, teilte Polizeisprecher Hans Meier mit.", "15 Menschen", "Hans Meier"),
    # A spokesperson's title and a title before a place are the title's body or state; an office with a
    # surname is the surname as written, as "…, sagte Müller" is.
    ("Es seien 12 Menschen verletzt worden, sagte Polizeisprecher Meier.", "12 Menschen", "police"),
    ("Es gebe 40 Verletzte, sagte Innenminister Müller.", "40 Verletzte", "Müller"),
    ("Es gebe 40 Verletzte, sagte der Präsident Russlands.", "40 Verletzte", "Russia"),
    # Negatives: nobody is named.
    ("Bei dem Brand wurden 12 Häuser zerstört.", "12 Häuser", None),
    ("Nach offiziellen Angaben kamen 30 Menschen ums Leben.", "30 Menschen", None),
    ("Rund 80.000 Zuschauer kamen ins Stadion.", "80.000 Zuschauer", None),
    ("Putin hat Biden zu einem Gipfel eingeladen.", "Gipfel", None),
    ("Biden und Putin wollen am Samstag miteinander sprechen.", "Samstag", None),
    ("Peskow sagte am Montag, Moskau sei offen. Biden will Putin treffen.", "treffen", None),
    ("«Wir wollen mit Russland reden», sagte er.", "reden", None),
    # "…, sagte ein Sprecher": an unnamed speaker; the people of the clause before are what it is about.
    ("Das Gespräch von Selenskyj und Duda sei abgesagt, sagte ein Sprecher.", "Gespräch", None),
    ("Die Zahl der Toten liege bei Putin und Lukaschenko bei 30, sagte eine Sprecherin am Abend.", "30", None),
    ("Ein Sprecher des Kreml bestritt, dass 200 Soldaten verlegt würden.", "200 Soldaten", "Kremlin"),
    ("Die Regierung in Warschau bestreitet, 40 Panzer geliefert zu haben.", "40 Panzer", "Poland"),
    ("Dass 200 Menschen kamen, bestritt niemand.", "200 Menschen", None),
    # Positive counterpart: a speaker named after the verb, or a named body, still speaks.
    ("Das Gespräch von Selenskyj und Duda sei abgesagt, sagte ein Sprecher der polnischen Regierung.", "Gespräch", "Poland"),
    # A verb of saying with a particle that makes it another verb says nothing: absagen, zusagen, aufteilen.
    ("Die Kanzlerin sagte ihre Reise zum Gipfel in Rom kurzfristig ab.", "Reise", None),
    ("Der Kreml sagte der Regierung in Minsk 5000 weitere Soldaten zu.", "5000", None),
    ("Die Sieger teilten das Land 1945 in vier Zonen auf.", "vier Zonen", None),
    ("Der Kreml sagte, 5000 Soldaten seien abgezogen worden.", "5000", "Kremlin"),
    ("Die Bundesregierung teilte am Abend mit, 300 Soldaten würden verlegt.", "300", "Bundesregierung"),
]


def _document(text: str) -> Document:
    return Document(article="example", text=text, published=PublicationDate.parse("2022-02"))


@pytest.mark.parametrize(
    ("text", "claim", "expected"), SOURCE_CASES, ids=[f"{claim}::{text[:40]}" for text, claim, _ in SOURCE_CASES]
)
def test_find_source(text: str, claim: str, expected: str | None) -> None:
    start = text.index(claim)
    assert find_source(_document(text), start, start + len(claim)) == expected


ACCUSATION_CASES = [
    (
        "Russland weist das zurück und wirft der Ukraine vor, mehr als 120.000 Soldaten verlegt zu haben.",
        "120.000 Soldaten",
        ("Russia", "Ukraine"),
    ),
    ("Die USA werfen Russland seit Wochen einen Aufmarsch von 100.000 Soldaten vor.", "100.000 Soldaten", ("United States", "Russia")),
    ("Die Regierung in Kiew hat Moskau vorgeworfen, 40 Raketen abgefeuert zu haben.", "40 Raketen", ("Ukraine", "Russia")),
    ("Russland hat mehr als 100.000 Soldaten zusammengezogen.", "100.000 Soldaten", None),
]


@pytest.mark.parametrize(
    ("text", "claim", "expected"), ACCUSATION_CASES, ids=[f"{claim}::{text[:40]}" for text, claim, _ in ACCUSATION_CASES]
)
def test_find_accusation(text: str, claim: str, expected: tuple[str, str] | None) -> None:
    start = text.index(claim)
    accusation = find_accusation(_document(text), start, start + len(claim))
    assert (None if accusation is None else (accusation.source, accusation.accused)) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(), st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=40))
def test_never_raises(text: str, start: int, length: int) -> None:
    doc = _document(text)
    start = min(start, len(text))
    end = min(len(text), start + length)
    source = find_source(doc, start, end)
    assert source is None or isinstance(source, str)
    find_accusation(doc, start, end)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["nach", "Angaben", "der", "westlichen", "laut", "Weißem", "Haus", "zufolge", "sagte",
                                 "Peskow", ",", ".", "wirft", "vor", "Russland", "Ukraine", "100", "Soldaten", "hieß",
                                 "es", "aus", "Moskau", "«", "»", "Polizei", "vorgeworfen", "eigenen"]), max_size=30),
       st.integers(min_value=0, max_value=300))
def test_never_raises_on_cue_salad(words: list[str], start: int) -> None:
    text = " ".join(words)
    doc = _document(text)
    start = min(start, len(text))
    find_source(doc, start, min(len(text), start + 5))
    find_accusation(doc, start, min(len(text), start + 5))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["nach", "NACH", "Nach", "Angaben", "angaben", "der", "Polizei", "laut", "LAUT", "Laut", "so",
                                 "So", "sogar", "also", "heißt", "HEISST", "es", "gemäß", "Gemäss", "zitiert", "verlautete",
                                 "nachdem", "Ablaut", "-", ",", ".", "\n", "ſo", "US-Angaben", "Informationen", "aus"]), max_size=30),
       st.integers(min_value=0, max_value=300), st.integers(min_value=0, max_value=300))
def test_prepositional_cues_are_those_of_the_whole_pattern(words: list[str], start: int, end: int) -> None:
    # The cues are tried only where the first word of one starts: they must be all the pattern finds.
    text = " ".join(words)
    start, end = min(start, len(text)), min(max(start, end), len(text))
    expected = [match.span() for match in _cues().prepositional.finditer(text, start, end)]
    assert [match.span() for match in _prepositional_cues(text, start, end)] == expected
