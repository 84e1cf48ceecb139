"""Sentences and lines: the units claims are quoted in."""

from __future__ import annotations

import pytest

from checker.document import Document, split_sentences
from checker.published import PublicationDate


def sentences(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_ordinals_abbreviations_and_initials_do_not_end_sentences():
    text = "Am 7. Dezember sprachen sie, z. B. über J. F. Kennedy. Danach war Schluss."
    assert sentences(text) == ["Am 7. Dezember sprachen sie, z. B. über J. F. Kennedy.", "Danach war Schluss."]


def test_a_file_number_abbreviation_does_not_end_a_sentence():
    text = "Das Urteil mit dem Az. 4 U 12/23 ist rechtskräftig. Er legte keine Revision ein."
    assert sentences(text) == ["Das Urteil mit dem Az. 4 U 12/23 ist rechtskräftig.", "Er legte keine Revision ein."]


def test_a_short_number_ends_a_sentence_before_an_article_or_pronoun():
    # abbreviations.yaml `sentence_openers`: no ordinal stands before "Die", "Er", "Im" …
    text = "Die Liste erhielt 41. Die Grünen kamen auf 12. Er sprach von einem Erfolg."
    assert sentences(text) == ["Die Liste erhielt 41.", "Die Grünen kamen auf 12.", "Er sprach von einem Erfolg."]
    assert sentences("Sie landete auf Platz 2. Im Finale siegte eine Italienerin.") == [
        "Sie landete auf Platz 2.", "Im Finale siegte eine Italienerin."]
    # Before any other word the number is an ordinal.
    for whole in ("Am 41. Jahrestag sprach er.", "Der 3. Oktober ist ein Feiertag.", "Sie kam beim 2. Versuch durch."):
        assert sentences(whole) == [whole]


def test_years_and_line_breaks_end_sentences():
    text = "Das war im Jahr 2014. Dann kam Neues\nÜberschrift ohne Punkt\nText."
    assert sentences(text) == ["Das war im Jahr 2014.", "Dann kam Neues", "Überschrift ohne Punkt", "Text."]


def test_body_start_skips_the_header_and_lines_are_one_based():
    text = " date 2021-12 Erster Satz.\nZweiter Satz."
    document = Document("a", text, PublicationDate.parse("2021-12"), body_start=14)
    assert [document.sentence_text(s) for s in document.sentences] == ["Erster Satz.", "Zweiter Satz."]
    assert document.lines_of([text.index("Erster"), text.index("Zweiter"), text.index("Zweiter")]) == [1, 2, 2]
    assert document.sentence_at(text.index("Satz.")).index == 0


def test_long_lines_split_in_linear_time():
    text = "Das ist ein Satz mit 3. Punkten und Dr. Namen. " * 5000
    assert len(split_sentences(text)) == 5000


def test_the_word_before_a_stop_is_the_last_run_of_non_blanks():
    # Ellipses, abbreviations in brackets, non-breaking spaces, closing quotes and CRLF.
    assert sentences("Er zögerte ... Dann ging er.") == ["Er zögerte ...", "Dann ging er."]
    assert sentences("Sie kam (vgl. Anm.) Danach nicht.") == ["Sie kam (vgl. Anm.)", "Danach nicht."]
    assert sentences("Das kostete\u00a0Dr. Meier viel. Ende.") == ["Das kostete\u00a0Dr. Meier viel.", "Ende."]
    assert sentences("Am 3.\u00a0Mai. Er ging!« Sie blieb.") == ["Am 3.\u00a0Mai.", "Er ging!«", "Sie blieb."]
    assert sentences("Satz.\r\nNoch einer") == ["Satz.", "Noch einer"]


def test_swiss_milliarden_abbreviation_does_not_end_a_sentence():
    assert sentences("Der Bund zahlt 1,2 Mia. Franken. Das reicht.") == ["Der Bund zahlt 1,2 Mia. Franken.", "Das reicht."]


def test_francs_before_a_figure_do_not_end_a_sentence():
    text = "Die Schweiz zahlt Fr. 250'000.–. Das reicht."
    assert sentences(text) == ["Die Schweiz zahlt Fr. 250'000.–.", "Das reicht."]


@pytest.mark.parametrize(
    ("pattern", "lexicon_name", "content", "message"),
    [
        ("_dateline", "datelines", {"agencies": "dpa", "place_links": ["de"]}, "'agencies' must be a list of words"),
        ("_dateline", "datelines", {"place_links": ["de"]}, "missing key 'agencies'"),
        ("_dateline", "datelines", {"agencies": ["dpa"], "place_links": "de"}, "'place_links' must be a list of words"),
        ("_sentence_opener", "abbreviations", {"abbreviations": [], "sentence_openers": ["Die", None]}, "'sentence_openers' must be a list of words"),
    ],
)
def test_a_broken_word_list_of_sentence_splitting_names_its_file_and_key(monkeypatch, pattern, lexicon_name, content, message):
    """Fail loudly at load time: a defect of the lexicon, not a KeyError or TypeError from the splitter."""
    import checker.document as document_module
    from checker.lexicon import LexiconError

    build = getattr(document_module, pattern)
    build.cache_clear()
    monkeypatch.setattr(document_module, "load_lexicon", lambda name: content)
    try:
        with pytest.raises(LexiconError, match=rf"{lexicon_name}\.yaml: {message}"):
            build()
    finally:
        build.cache_clear()
