"""Property: on arbitrary Unicode text, extraction never raises and every claim quotes its span exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.document import Document
from checker.extract import extract_document
from checker.published import PublicationDate

# German news fragments mixed into arbitrary text, so the extractors' patterns actually fire.
FRAGMENTS = [
    "rund 150.000 Soldaten", "am 10. Januar", "mehr als 100.000", "Biden und Putin", "Gipfeltreffen",
    "telefonierten", "am Donnerstag", "Ende Dezember", "nach westlichen Angaben", "an der Grenze zur Ukraine",
    "zwischen 300.000 und 400.000", "1 / 6", "21.30 Uhr", "Zehntausende", "3,7 Mio.", "22.03.2001", "vom 10. bis 13. Januar",
    "Russland wirft der Ukraine vor,", "verfrüht", "in Genf", "\n", ". ", " ", "«", "»", "„", "“",
]
TEXT = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(FRAGMENTS)), max_size=30).map("".join)
PUBLISHED = st.sampled_from(["2021", "2021-12", "2022-02-12", "1999-07"]).map(PublicationDate.parse)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, published=PUBLISHED, body_start=st.integers(min_value=0, max_value=5))
def test_extraction_never_raises_and_spans_quote_the_text(text, published, body_start):
    document = Document("property", text, published, min(body_start, len(text)))
    claims = extract_document(document)
    for row in claims.iter_rows(named=True):
        assert 0 <= row["span_start"] <= row["span_end"] <= len(text)
        assert text[row["span_start"] : row["span_end"]] == row["text"]
        assert row["kind"] in ("date", "quantity", "meeting")


# re.IGNORECASE equates İ, ı, ſ and K (Kelvin) with ASCII letters although str.lower() does not
# map them there: text with them must still not make a lexicon lookup fail.
CASE_EQUIVALENTS = {"i": "İ", "I": "İ", "s": "ſ", "k": "\u212a"}
GERMAN_NEWS = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=GERMAN_NEWS, replaced=st.sets(st.sampled_from(sorted(CASE_EQUIVALENTS))), upper=st.booleans())
def test_extraction_survives_letters_that_only_ignorecase_equates(text, replaced, upper):
    text = text.upper() if upper else text
    text = "".join(CASE_EQUIVALENTS[char] if char in replaced else char for char in text)
    claims = extract_document(Document("property", text, PublicationDate.parse("2022-02-12")))
    for row in claims.iter_rows(named=True):
        assert text[row["span_start"] : row["span_end"]] == row["text"]


def test_a_run_on_sentence_is_quoted_around_each_claim_not_whole():
    """A list without full stops is one "sentence": each claim carries the stretch around it
    (whole words, its own text inside), not the whole run once per figure."""
    from checker.extract import MAX_QUOTED_SENTENCE

    text = "Gezählt wurden " + ", ".join(f"in Berlin {i} Soldaten" for i in range(10, 2000)) + "."
    claims = extract_document(Document("run-on", text, PublicationDate.parse("2024-05-08"), 0))
    assert claims.height > 1000
    for quote, sentence in claims.select("text", "sentence").iter_rows():
        assert quote in sentence and len(sentence) <= MAX_QUOTED_SENTENCE + len(quote)
        assert sentence in text and not sentence.startswith((" ", ",")) and not sentence.endswith(" ")
    short = extract_document(Document("short", "In Berlin wurden 300 Soldaten gezählt.", PublicationDate.parse("2024-05-08"), 0))
    assert short["sentence"].to_list() == ["In Berlin wurden 300 Soldaten gezählt."]
