"""Stories: which articles are found to report one story (checker/stories.py, checker/story_terms.py)."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from checker.corpus import Article
from checker.document import Document
from checker.pipeline import extract_articles
from checker.published import PublicationDate
from checker.stories import _labels, normalised_term, unit_single_in_story, with_stories
from checker.story_terms import text_terms


def stories(*articles: tuple[str, str, str], title: str | None = None) -> dict[str, str | None]:
    """article id -> story label, for (id, published, text) articles."""
    extraction = extract_articles(
        Article(Document(article, text, PublicationDate.parse(published), 0, None), f"<{article}>", title) for article, published, text in articles
    )
    keyed = with_stories(extraction.claims, extraction.articles)
    found = dict(keyed.group_by("article").agg(pl.col("story").first()).iter_rows())
    return {article: found.get(article) for article, _, _ in articles}


def test_terms_are_the_capitalised_words_inside_sentences():
    terms = text_terms("Neue Zahlen der Sparkasse", "Die Sparkasse Ulm meldet einen Gewinn. Nach Angaben der Bank stieg er.\nDer Vorstand ist zufrieden.")
    assert terms.split() == ["Zahlen", "Sparkasse", "Ulm", "Gewinn", "Angaben", "Bank", "Vorstand"]
    # A word first in one sentence and inside another is a term.
    assert "Vorstand" in text_terms("Vorstand und Betriebsrat verhandeln. Der Vorstand will sparen.").split()
    assert text_terms(None, "") == ""


@pytest.mark.parametrize(
    ("one", "other"),
    [("Katastrophenschutzes", "Katastrophenschutz"), ("Kölner", "Köln"), ("Sparkassen", "Sparkasse"), ("Kanzlers", "Kanzler"), ("Bauern", "Bauer")],
)
def test_forms_of_one_word_are_one_term(one, other):
    terms = pl.DataFrame({"term": [one, other]}).select(normalised_term(pl.col("term")))["term"]
    assert terms[0] == terms[1]


@pytest.mark.parametrize(("one", "other"), [("Bank", "Banner"), ("Rhein", "Rheine"), ("Main", "Mainz")])
def test_different_words_stay_apart(one, other):
    terms = pl.DataFrame({"term": [one, other]}).select(normalised_term(pl.col("term")))["term"]
    assert terms[0] != terms[1]


def test_acronyms_and_short_words_keep_their_form():
    terms = pl.DataFrame({"term": ["UNHCR", "RKI", "Ems", "Hans"]}).select(normalised_term(pl.col("term")))["term"]
    assert terms.to_list() == ["UNHCR", "RKI", "Ems", "Hans"]


REPORT = (
    "Bei einem Busunfall auf der Autobahn bei Kempten sind am Dienstag 17 Menschen verletzt worden. "
    "Der Reisebus aus Augsburg war nach Angaben der Verkehrspolizei Kempten auf einen Lastwagen aufgefahren. "
    "Die Allgäuer Autobahn blieb bis zum Abend gesperrt."
)
FOLLOW_UP = (
    "Nach dem Busunfall bei Kempten ist die Zahl der Verletzten auf 21 gestiegen. "
    "Die Ermittler der Verkehrspolizei prüfen, ob der Fahrer des Reisebusses abgelenkt war. "
    "Die Autobahn im Allgäu ist wieder frei."
)


def test_a_short_follow_up_joins_the_report_by_words_outside_its_claims():
    found = stories(("bus1", "2025-05-06", REPORT), ("bus2", "2025-05-07", FOLLOW_UP))
    assert found["bus1"] is not None and found["bus1"] == found["bus2"]


def test_the_same_words_months_apart_are_no_story():
    found = stories(("bus1", "2025-05-06", REPORT), ("bus2", "2025-09-07", FOLLOW_UP))
    assert found == {"bus1": None, "bus2": None}


def test_two_court_reports_of_one_week_share_only_the_words_of_courts():
    found = stories(
        ("court1", "2025-03-03", "Das Landgericht Bremen hat einen Apotheker wegen Abrechnungsbetrugs zu drei Jahren Haft verurteilt. "
         "Die Staatsanwaltschaft hatte im Prozess vier Jahre gefordert. Das Urteil ist nicht rechtskräftig."),
        ("court2", "2025-03-05", "Im Prozess um einen Überfall auf einen Juwelier hat das Landgericht Dresden das Urteil verkündet. "
         "Die Staatsanwaltschaft legte Revision ein, die Angeklagte bleibt in Haft."),
    )
    assert found == {"court1": None, "court2": None}


def test_two_long_articles_sharing_common_words_by_chance_are_no_story():
    # Each text holds 200 words of its own and 12 words the other holds too: many shared terms,
    # but a small part of either article.
    common = [f"Gemeinsam{index}wort" for index in range(12)]
    extraction = extract_articles(
        Article(Document(article, f"Heute geschah es in {place}.", PublicationDate.parse("2025-05-06"), 0, None), f"<{article}>")
        for article, place in (("long1", "Kiel"), ("long2", "Jena"))
    )
    terms = {
        "long1": " ".join([*common, *(f"Erstes{index}wort" for index in range(200))]),
        "long2": " ".join([*common, *(f"Zweites{index}wort" for index in range(200))]),
    }
    articles = extraction.articles.with_columns(pl.col("article").replace_strict(terms).alias("terms"))
    keyed = with_stories(extraction.claims, articles)
    assert keyed["story"].is_null().all()
    # The same 12 words in two short articles tell: they are most of what either says.
    short = extraction.articles.with_columns(pl.lit(" ".join(common)).alias("terms"))
    short = short.with_columns(pl.concat_str(pl.col("terms"), pl.lit(" "), pl.col("article")).alias("terms"))
    assert with_stories(extraction.claims, short)["story"].is_not_null().all()


def test_a_sentence_start_after_a_bracket_or_a_quote_is_no_term():
    """Capitalised only because it starts a sentence, whatever closes the one before."""
    terms = text_terms(None, 'Er sprach vor dem Verband (RCDS). Warum? Sie sagte: "Nein." Jetzt kommt die Polizei. Die Polizei kam.').split()
    assert terms == ["Verband", "RCDS", "Polizei"]


def test_a_unit_counts_one_thing_by_the_quantities_of_its_story_alone():
    # Claims of other kinds, and quantities in no story, neither decide nor get a value, wherever they stand.
    claims = pl.DataFrame(
        {
            "kind": ["quantity", "date", "quantity", "quantity", "quantity", "quantity", "quantity"],
            "story": ["strike", "strike", "strike", "trial", "trial", None, "trial"],
            "article": ["a", "a", "b", "c", "d", "e", "d"],
            "quantity_role": ["level", None, "level", "level", "level", "level", "level"],
            "quantity_unit": ["driver", None, "driver", "investor", "investor", "investor", "euro"],
            "quantity_value": [10000.0, None, 10000.0, 300.0, 300.0, 5.0, 4.0],
            "actor": [None, "GDL", None, None, "Bank", None, None],
            "location": [None, None, None, None, None, None, None],
            "source": [None, None, None, None, None, None, None],
            "text": ["10.000 Lokführer", None, "10.000 Lokführer", "300 Anleger", "300 Anleger", "fünf Anleger", "vier Euro"],
            "sentence": ["Es streiken 10.000 Lokführer."] * 7,
        },
        schema_overrides={"location": pl.String, "source": pl.String},
    )
    assert unit_single_in_story(unmeasured(undated(claims))).to_list() == [True, None, True, False, False, None, True]


def test_two_sources_figures_in_one_article_are_no_ambiguity_one_sources_two_are():
    """The rescue service's 23 injured and the police's 21 in one article are two counts of one
    thing; one source's (or the article's own) two different figures may be two things."""
    claims = pl.DataFrame(
        {
            "kind": ["quantity"] * 5,
            "story": ["tram", "tram", "tram", "bus", "bus"],
            "article": ["a", "a", "b", "c", "c"],
            "quantity_role": ["level"] * 5,
            "quantity_unit": ["injured"] * 5,
            "quantity_value": [23.0, 21.0, 23.0, 12.0, 30.0],
            "actor": [None] * 5,
            "location": [None] * 5,
            "source": ["rescue service", "police", "police", None, None],
            "text": ["23 Verletzte", "21 Verletzte", "23 Verletzte", "12 Verletzte", "30 Verletzte"],
            "sentence": ["Es gab Verletzte."] * 5,
        },
        schema_overrides={"actor": pl.String, "location": pl.String},
    )
    assert unit_single_in_story(unmeasured(undated(claims))).to_list() == [True, True, True, False, False]


def test_a_figure_of_a_day_the_article_looks_back_on_is_no_figure_beside_its_own():
    """"Am Donnerstag war die Zahl der Toten noch mit zwölf angegeben worden" beside "insgesamt 14"
    in Friday's report is the count as it stood on Thursday; a figure of the article's own day, or of
    a month that ended, beside another is as ambiguous as an undated one."""
    friday, thursday = date(2025, 3, 14), date(2025, 3, 13)
    claims = pl.DataFrame(
        {
            "kind": ["quantity"] * 6,
            "story": ["mine", "mine", "fire", "fire", "flood", "flood"],
            "article": ["a", "a", "b", "b", "c", "c"],
            "quantity_role": ["level"] * 6,
            "quantity_unit": ["death"] * 6,
            "quantity_value": [14.0, 12.0, 14.0, 12.0, 14.0, 12.0],
            "actor": [None] * 6,
            "location": [None] * 6,
            "source": [None] * 6,
            "text": ["14 Bergleute", "zwölf", "14 Menschen", "zwölf", "14 Menschen", "zwölf"],
            "sentence": ["Es gab Tote."] * 6,
            "date_start": [None, thursday, None, friday, None, date(2025, 2, 1)],
            "date_end": [None, thursday, None, friday, None, date(2025, 2, 28)],
            "date_granularity": [None, "day", None, "day", None, "month"],
            "published_start": [friday] * 6,
        },
        schema_overrides={"actor": pl.String, "location": pl.String, "source": pl.String},
    )
    assert unit_single_in_story(unmeasured(claims)).to_list() == [True, True, False, False, False, False]


def test_a_headlines_vague_magnitude_is_no_figure_beside_its_bodys_one_in_the_body_is():
    """"Hunderte Menschen evakuiert" above the fire brigade's "etwa 1200" rounds the body's count;
    the same words in a sentence of the body, or a headline's exact figure, are a figure of no source."""
    claims = pl.DataFrame(
        {
            "kind": ["quantity"] * 6,
            "story": ["fire", "fire", "flood", "flood", "storm", "storm"],
            "article": ["a", "a", "b", "b", "c", "c"],
            "quantity_role": ["level"] * 6,
            "quantity_unit": ["displaced"] * 6,
            "quantity_value": [None, 1200.0, None, 1200.0, 800.0, 1200.0],
            "actor": [None] * 6,
            "location": [None] * 6,
            "source": [None, "fire brigade", None, "fire brigade", None, "fire brigade"],
            "text": ["Hunderte Menschen", "etwa 1200 Menschen", "Hunderte Menschen", "etwa 1200 Menschen", "800 Menschen", "etwa 1200 Menschen"],
            "sentence": [
                "Waldbrand: Hunderte Menschen evakuiert", "Laut Feuerwehr wurden etwa 1200 Menschen evakuiert.",
                "Hunderte Menschen wurden evakuiert.", "Laut Feuerwehr wurden etwa 1200 Menschen evakuiert.",
                "Sturm: 800 Menschen evakuiert", "Laut Feuerwehr wurden etwa 1200 Menschen evakuiert.",
            ],
        },
        schema_overrides={"quantity_value": pl.Float64, "actor": pl.String, "location": pl.String},
    )
    assert unit_single_in_story(unmeasured(undated(claims))).to_list() == [True, True, False, False, False, False]


def test_a_statistic_at_a_place_counts_one_thing_per_period_of_its_story():
    """At a place, an office's July figure and its season's figure are two periods, each one thing;
    two figures of one source for one year (completions and permits), or an undated figure beside a
    dated one, may be two things: every figure of that period at the place is left out. Figures with
    an actor keep the rule for figures without a place (False: they are placed)."""
    july, season, year = (date(2025, 7, 1), date(2025, 7, 31)), (date(2025, 5, 1), date(2025, 10, 31)), (date(2024, 1, 1), date(2024, 12, 31))
    rows = [
        # story, article, unit, value, actor, location, source, period
        ("tourism", "a", "night", 4.8e6, None, "Tyrol", "Statistik Austria", july),
        ("tourism", "a", "night", 21.3e6, None, "Tyrol", "Statistik Austria", season),
        ("tourism", "b", "night", 5.6e6, None, "Tyrol", "Wirtschaftskammer", july),
        ("housing", "c", "dwelling", 251900.0, None, "Germany", "Destatis", year),
        ("housing", "c", "dwelling", 215900.0, None, "Germany", "Destatis", year),
        ("housing", "d", "dwelling", 215900.0, None, "Germany", "Bauverband", year),
        ("hotels", "e", "night", 2.2e6, None, "Vienna", "Statistik Austria", july),
        ("hotels", "e", "night", 7.6e6, None, "Vienna", "Statistik Austria", (None, None)),
        ("hotels", "f", "night", 2.2e6, "Hotel Sacher", "Vienna", "Statistik Austria", july),
    ]
    claims = pl.DataFrame(
        [(story, article, unit, value, actor, location, source, start, end) for story, article, unit, value, actor, location, source, (start, end) in rows],
        schema={"story": pl.String, "article": pl.String, "quantity_unit": pl.String, "quantity_value": pl.Float64, "actor": pl.String,
                "location": pl.String, "source": pl.String, "date_start": pl.Date, "date_end": pl.Date},
        orient="row",
    ).with_columns(
        pl.lit("quantity").alias("kind"), pl.lit("level").alias("quantity_role"), pl.col("quantity_value").cast(pl.String).alias("text"),
        pl.lit("Es wurden Nächtigungen gezählt.").alias("sentence"),
    )
    # Periods of months and years, none a day its article looks back on.
    claims = claims.with_columns(pl.lit("month").alias("date_granularity"), pl.lit(date(2026, 1, 15)).alias("published_start"))
    assert unit_single_in_story(unmeasured(claims)).to_list() == [True, True, True, False, False, False, False, False, False]


def test_a_measured_figure_is_one_thing_with_its_measures_figures_of_its_actor_or_place_unless_two_of_one_period():
    # (story, article, measure, value, actor, location, source, own period)
    year, next_year = (date(2026, 1, 1), date(2026, 12, 31)), (date(2027, 1, 1), date(2027, 12, 31))
    rows = [
        # One actor named beside none, and a place where a vote was held: one thing each.
        ("tunnel", "a", "kosten", 5.9e9, "Frankfurt", None, None, (None, None)),
        ("tunnel", "b", "kosten", 6.4e9, None, None, None, (None, None)),
        ("congress", "c", "stimmenanteil", 87.3, None, "Hanover", None, (None, None)),
        ("congress", "d", "stimmenanteil", 83.7, None, None, None, (None, None)),
        # Two actors of one measure: each one's figures are a thing of their own (`measured_subject`).
        ("assets", "e", "vermögen", 210e9, "European Union", None, None, (None, None)),
        ("assets", "f", "vermögen", 25e9, "United Kingdom", None, None, (None, None)),
        # One source's figures of two periods in one article are two periods, not two things ...
        ("budget", "g", "neuverschuldung", 89e9, None, None, None, next_year),
        ("budget", "g", "neuverschuldung", 81e9, None, None, None, year),
        # ... but two of one period are.
        ("shares", "h", "stimmenanteil", 87.3, None, None, None, (None, None)),
        ("shares", "h", "stimmenanteil", 74.5, None, None, None, (None, None)),
    ]
    claims = pl.DataFrame(
        [(story, article, measure, value, actor, location, source, start, end) for story, article, measure, value, actor, location, source, (start, end) in rows],
        schema={"story": pl.String, "article": pl.String, "quantity_measure": pl.String, "quantity_value": pl.Float64, "actor": pl.String,
                "location": pl.String, "source": pl.String, "date_start": pl.Date, "date_end": pl.Date},
        orient="row",
    ).with_columns(
        pl.lit("quantity").alias("kind"), pl.lit("level").alias("quantity_role"), pl.lit("EUR").alias("quantity_unit"),
        pl.col("quantity_value").cast(pl.String).alias("text"), pl.lit("Die Kosten steigen.").alias("sentence"),
        # No day an article looks back on (`looked_back_day`): periods of years, or none.
        pl.when(pl.col("date_start").is_not_null()).then(pl.lit("year")).alias("date_granularity"), pl.lit(date(2026, 6, 1)).alias("published_start"),
        pl.lit(None, dtype=pl.String).alias("quantity_part_of"),
    )
    assert unit_single_in_story(claims).to_list() == [True, True, True, True, True, True, True, True, False, False]


def test_a_part_beside_its_whole_in_one_article_is_no_second_figure_of_it():
    """"Fünf Bewerber … die übrigen zwei Bewerber": the rest is a part (`quantity_part_of`), a series
    of its own, so the whole stays one thing of its story; two wholes in one article do not."""
    claims = pl.DataFrame(
        {
            "kind": ["quantity"] * 5,
            "story": ["vote", "vote", "vote", "race", "race"],
            "article": ["a", "a", "b", "c", "c"],
            "quantity_role": ["level"] * 5,
            "quantity_unit": ["candidate"] * 5,
            "quantity_part_of": [None, "candidate", None, None, None],
            "quantity_value": [5.0, 2.0, 6.0, 5.0, 2.0],
            "actor": [None] * 5,
            "location": [None] * 5,
            "source": [None] * 5,
            "text": ["fünf Bewerber", "zwei Bewerber", "sechs Bewerber", "fünf Bewerber", "zwei Bewerber"],
            "sentence": ["Es treten fünf Bewerber an."] * 5,
            "quantity_measure": [None] * 5,
        },
        schema_overrides={"actor": pl.String, "location": pl.String, "source": pl.String, "quantity_measure": pl.String},
    )
    assert unit_single_in_story(undated(claims)).to_list() == [True, True, True, False, False]


def unmeasured(claims: pl.DataFrame) -> pl.DataFrame:
    """`claims` whose words name no measure (`quantity_measure`), nor a whole they are a part of
    (`quantity_part_of`): counts, as most figures are."""
    return claims.with_columns(pl.lit(None, dtype=pl.String).alias("quantity_measure"), pl.lit(None, dtype=pl.String).alias("quantity_part_of"))


def undated(claims: pl.DataFrame) -> pl.DataFrame:
    """`claims` with no date of their own, as figures of no period."""
    no_date = [pl.lit(None, dtype=pl.Date).alias(column) for column in ("date_start", "date_end", "published_start")]
    return claims.with_columns(*no_date, pl.lit(None, dtype=pl.String).alias("date_granularity"))


def label(*terms: str, others: tuple[str, ...] = ()) -> str:
    """The label of a story of two articles that both carry `terms` (as they were read: the forms),
    in a corpus where a third article carries `others`."""
    carried = [(node, term) for node in (1, 2) for term in terms] + [(3, term) for term in others]
    node_terms = pl.DataFrame(carried, schema={"node": pl.UInt64, "form": pl.String}, orient="row").with_columns(normalised_term(pl.col("form")).alias("term"))
    story_of_node = pl.DataFrame({"node": [1, 2], "article": ["a1", "a2"], "component": [1, 1]}, schema={"node": pl.UInt64, "article": pl.String, "component": pl.UInt64})
    return _labels(story_of_node, node_terms.lazy()).collect()["story"].item()


def test_a_label_names_a_place_once_by_its_gazetteer_name():
    # The text's "Litauen" and the claims' canonical "Lithuania" are one place.
    assert label("Litauen", "Lithuania", "Panzerbrigade", "Kaserne") == "Lithuania, Panzerbrigade, Kaserne"
    # The forms of one word are one term too.
    assert label("Hochwassers", "Hochwasser", "Deichbruch", "Pegel") == "Deichbruch, Hochwasser, Pegel"


def test_a_label_prefers_names_and_nouns_to_a_first_name():
    # All shared alike: the gazetteer's name first, then the longer words; "Koch-Institut" is part of
    # the name already there, a first name tells least.
    assert label("Robert Koch Institute", "Koch-Institut", "Grippewelle", "Heinrich") == "Robert Koch Institute, Grippewelle, Heinrich"
    # A word that only begins like a word of the name is no part of it; rarer terms still come first.
    assert label("Robert Koch Institute", "Kochbuch", "Kantine", others=("Robert Koch Institute",)) == "Kochbuch, Kantine, Robert Koch Institute"


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        # Time words may link two reports, but name no story: the period compared with, its start, a season.
        (("Vorjahreszeitraum", "Grenzpolizei", "Einbürgerungen", "Kanton"), "Einbürgerungen, Grenzpolizei, Kanton"),
        (("Jahresbeginn", "Quartal", "Herbst", "Vogelgrippe", "Mastbetrieb", "Landkreis"), "Mastbetrieb, Vogelgrippe, Landkreis"),
        # A word only beginning like a time word is a word of its own.
        (("Jahresbeginnfeier", "Zunft", "Umzug"), "Jahresbeginnfeier, Umzug, Zunft"),
        # A canonical source that is a kind of body, not a name ("authorities", "police"), is no label term.
        (("authorities", "police", "Datenleck", "Mobilfunker", "Kundendaten"), "Kundendaten, Mobilfunker, Datenleck"),
        # An adjective that begins a name of several words names nothing alone; its noun is there.
        (("Europäischen", "Zentralbank", "Leitzins", "Frankfurt"), "Frankfurt, Zentralbank, Leitzins"),
        (("Afrikanische", "Schweinepest", "Sperrzone", "Wildschweine"), "Schweinepest, Wildschweine, Sperrzone"),
        (("Auswärtige", "Entführung", "Hilfsorganisation", "Geiseln"), "Hilfsorganisation, Entführung, Geiseln"),
        # A noun ending alike, capital right before, stays; so does a noun in -iger.
        (("Fische", "Fischsterben", "Kanal"), "Fischsterben, Fische, Kanal"),
        (("Gläubiger", "Insolvenz", "Werft"), "Gläubiger, Insolvenz, Werft"),
    ],
)
def test_a_label_leaves_out_words_that_name_no_story(terms, expected):
    assert label(*terms) == expected


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        # A first name or a surname of a person named in full is that person already (no gazetteer name).
        (("Marta Holbeck", "Marta", "Fischereiabkommen", "Boot"), "Fischereiabkommen, Marta Holbeck, Boot"),
        (("Jens Ulvang", "Ulvang", "Fischereiabkommen", "Boot"), "Fischereiabkommen, Jens Ulvang, Boot"),
        # A double surname too, split at its hyphen as the name is.
        (("Irmgard Stetten-Kauf", "Stetten-Kauf", "Synode", "Bistum"), "Irmgard Stetten-Kauf, Bistum, Synode"),
        # A first name of no full name in the story stays.
        (("Marta", "Fischereiabkommen", "Hafen"), "Fischereiabkommen, Hafen, Marta"),
    ],
)
def test_a_label_names_a_person_once_by_the_full_name(terms, expected):
    assert label(*terms) == expected


def test_the_number_of_a_road_or_a_line_is_a_term_other_codes_are_not():
    assert text_terms(None, "Auf der A 8 und der B27 staut es sich, der ICE 123 fällt aus. Ein A8-Stau, 3,5A 8, A8,5.").split() == [
        "ICE", "A8-Stau", "A8", "B27", "ICE123",
    ]
    extraction = extract_articles([Article(Document("codes", "Es ging um Q3 und CO2 auf der A8 und der U6.", PublicationDate.parse("2025-05-06"), 0, None), "<codes>")])
    from checker.stories import _article_rows, article_terms

    terms = article_terms(extraction.claims.lazy(), _article_rows(extraction.claims, extraction.articles)).collect()["form"]
    assert sorted(terms) == ["A8", "U6"]


JAM_MORNING = (
    "Seit dem Morgen geht auf der A8 zwischen München und Salzburg kaum noch etwas. Nach Angaben der Polizei stecken rund 400 "
    "Lastwagen fest. Am Flughafen München wurden 180 Flüge gestrichen."
)
JAM_AFTERNOON = (
    "Am Flughafen München sind bis zum Nachmittag mehr als 300 Flüge ausgefallen. Auf der A8 sitzen laut ADAC zwischen 150 und "
    "200 Lastwagen fest. Die Fahrer werden vom Roten Kreuz mit Tee versorgt."
)


def test_two_reports_of_one_jam_share_the_number_of_its_road():
    """Two same-day reports alone: the road's number is the most telling word they share."""
    found = stories(("jam1", "2025-12-02", JAM_MORNING), ("jam2", "2025-12-02", JAM_AFTERNOON))
    assert found["jam1"] is not None and found["jam1"] == found["jam2"]
    assert "A8" in found["jam1"].split(", ")


def test_two_accidents_on_one_road_are_no_story():
    """One road's number is one shared word: two accidents on it, the same day or weeks apart, share little else."""
    crash = (
        "Bei einem Auffahrunfall auf der A8 bei Rosenheim sind am Dienstag drei Autos zusammengestoßen. Ein Lastwagen "
        "hatte am Stauende nicht rechtzeitig gebremst. Die Fahrbahn Richtung Salzburg war zwei Stunden gesperrt."
    )
    fire = (
        "Auf der A8 bei Augsburg ist am Dienstag ein Reisebus in Brand geraten. Die 40 Fahrgäste konnten den Bus "
        "rechtzeitig verlassen. Die Fahrbahn Richtung Stuttgart blieb bis zum Abend gesperrt."
    )
    assert stories(("crash", "2025-10-07", crash), ("fire", "2025-10-07", fire)) == {"crash": None, "fire": None}
    assert stories(("jam", "2025-12-02", JAM_MORNING), ("crash", "2025-11-18", crash)) == {"jam": None, "crash": None}


def test_a_label_counts_the_first_part_of_a_compound_as_the_word_alone():
    """One report writes "Geldwäsche-Netzwerk" and "NRW-Innenminister", the next "Geldwäsche" and
    "NRW": the story's things, named by both; a prefix of one compound ("Mega-") is no such thing."""
    carried = [(1, "Geldwäsche-Netzwerk"), (1, "NRW-Innenminister"), (1, "Mega-Razzia"), (1, "Bargeld"), (1, "Hannover"),
               (2, "Geldwäsche"), (2, "NRW"), (2, "Bargeld"), (2, "Villa"), (2, "Schuhkarton")]
    node_terms = pl.DataFrame(carried, schema={"node": pl.UInt64, "form": pl.String}, orient="row").with_columns(normalised_term(pl.col("form")).alias("term"))
    story_of_node = pl.DataFrame({"node": [1, 2], "article": ["a1", "a2"], "component": [1, 1]}, schema={"node": pl.UInt64, "article": pl.String, "component": pl.UInt64})
    assert _labels(story_of_node, node_terms.lazy()).collect()["story"].item() == "North Rhine-Westphalia, Geldwäsche, Bargeld"


def test_a_label_leaves_out_persons_by_office_or_part():
    # A mayor and the residents are in every report of a town's story, and name none.
    assert label("Oberbürgermeister", "Bewohner", "Ölteppich", "Wasservögel", "Hafenbecken") == "Hafenbecken, Wasservögel, Ölteppich"


def located(*articles: tuple[str, str, str]) -> set[tuple[str, str, str | None]]:
    """(article, figure, place) of every death or arrest figure, as the rules compare them (`with_stories`)."""
    extraction = extract_articles(Article(Document(article, text, PublicationDate.parse(published), 0, None), f"<{article}>", None) for article, published, text in articles)
    keyed = with_stories(extraction.claims, extraction.articles).filter(pl.col("quantity_unit").is_in(["death", "arrest"]))
    return set(keyed.select("article", "text", "location").iter_rows())


def test_a_figure_at_the_place_its_whole_story_is_at_is_the_storys_figure_without_a_place():
    figures = located(
        ("ministry", "2025-07-08", "Nach den Protesten gegen die Steuerreform in Kenia zieht die Regierung Bilanz. Präsident William Ruto verteidigte die Sicherheitskräfte. Nach Angaben des Innenministeriums wurden in Kenia bisher 210 Menschen festgenommen."),
        ("amnesty", "2025-07-08", "Die Proteste gegen die Steuerreform in Kenia gehen weiter. Präsident William Ruto lehnt Gespräche mit der Opposition ab. Nach Angaben von Amnesty International wurden mehr als 400 Menschen festgenommen."),
    )
    assert ("ministry", "210 Menschen", None) in figures


def test_a_place_beside_a_figure_of_no_place_in_one_article_stays_a_place():
    # The season's toll in the country and one avalanche's dead: two scopes, so 16 -> 19 stays a
    # series at the place.
    figures = located(
        ("first", "2025-02-11", "Lawinenunglück in der Schweiz: Am Montag hat eine Lawine oberhalb von Zermatt eine Gruppe Skifahrer erfasst. Zwei Skifahrer kamen ums Leben. In der Schweiz sind in diesem Winter damit 16 Menschen bei Lawinen gestorben."),
        ("second", "2025-02-13", "Erneut Lawinenunglück in der Schweiz: Oberhalb von Zermatt hat eine Lawine am Mittwoch eine Gruppe Skifahrer erfasst. Drei Skifahrer kamen ums Leben. In der Schweiz sind in diesem Winter damit 19 Menschen bei Lawinen gestorben."),
    )
    assert {("first", "16 Menschen", "Switzerland"), ("second", "19 Menschen", "Switzerland")} <= figures


def test_a_place_the_other_articles_do_not_name_stays_a_place():
    figures = located(
        ("capital", "2025-07-08", "Nach den Protesten gegen die Steuerreform in Kenia zieht die Regierung Bilanz. Präsident William Ruto verteidigte die Sicherheitskräfte. Nach Angaben der Polizei wurden in Nairobi 80 Menschen festgenommen."),
        ("amnesty", "2025-07-08", "Die Proteste gegen die Steuerreform in Kenia gehen weiter. Präsident William Ruto lehnt Gespräche mit der Opposition ab. Nach Angaben von Amnesty International wurden mehr als 400 Menschen festgenommen."),
    )
    assert ("capital", "80 Menschen", "Nairobi") in figures


def test_two_short_reports_of_one_event_days_apart_are_one_story():
    """A sentence each: the place or body, the event's nouns and the unit are all they name."""
    found = stories(
        ("clinic1", "2026-01-01", "Die Uniklinik Köln hat in der Silvesternacht 24 Verletzte mit Brandwunden behandelt."),
        ("clinic2", "2026-01-02", "Nach der Silvesternacht versorgte die Uniklinik Köln nach eigenen Angaben 24 Verletzte mit Brandwunden."),
    )
    assert found["clinic1"] is not None and found["clinic1"] == found["clinic2"]
    race = stories(
        ("race1", "2025-04-27", "Beim Hamburg-Marathon haben am Sonntag 14.200 Läuferinnen und Läufer das Ziel erreicht."),
        ("race2", "2025-04-29", "Laut Veranstalter kamen beim Hamburg-Marathon am Sonntag 14.200 Läuferinnen und Läufer ins Ziel."),
    )
    assert race["race1"] is not None and race["race1"] == race["race2"]


def test_short_reports_of_two_places_or_a_week_apart_are_no_story():
    """The event's nouns alone, or the same nouns and unit at two places, tell no story; nor do
    short reports far apart, which share too little for the window of long ones."""
    assert stories(
        ("senate1", "2025-09-10", "Der Berliner Senat plant für den Doppelhaushalt Ausgaben von 40 Milliarden Euro."),
        ("senate2", "2025-09-11", "Der Hamburger Senat plant für den Doppelhaushalt Ausgaben von 20 Milliarden Euro."),
    ) == {"senate1": None, "senate2": None}
    assert stories(
        ("race1", "2025-04-27", "Beim Hamburg-Marathon haben am Sonntag 14.200 Läuferinnen und Läufer das Ziel erreicht."),
        ("race2", "2025-04-28", "Beim Bonn-Marathon haben am Sonntag 3.100 Läuferinnen und Läufer das Ziel erreicht."),
    ) == {"race1": None, "race2": None}
    assert stories(
        ("clinic1", "2026-01-01", "Die Uniklinik Köln hat in der Silvesternacht 24 Verletzte mit Brandwunden behandelt."),
        ("clinic2", "2026-01-09", "Die Uniklinik Köln hat in der Silvesternacht 24 Verletzte mit Brandwunden behandelt, zog sie Bilanz."),
    ) == {"clinic1": None, "clinic2": None}


FIRE_NIGHT = (
    "Bei einem Kellerbrand in Dortmund-Hörde sind in der Nacht zu Samstag vier Menschen verletzt worden. "
    "Das Feuer brach nach Angaben der Feuerwehr gegen Mitternacht in einem Wohnhaus an der Hermannstraße aus. "
    "Zwei Bewohner retteten sich über den Balkon, das Treppenhaus war verraucht."
)
FIRE_NEXT_DAY = (
    "Nach dem Brand in Dortmund-Hörde ist die Zahl der Verletzten auf sechs gestiegen. Zwei Nachbarn hätten sich "
    "am Samstag mit Atembeschwerden in einer Klinik gemeldet, sagte ein Sprecher der Feuerwehr. Als Ursache prüfen "
    "Ermittler einen defekten Trockner."
)


def test_two_reports_of_one_fire_in_a_district_a_day_apart_are_one_story():
    """Their words differ (the night's rescue, the next day's cause) but for the district and the
    kind of event, "Kellerbrand" and "Brand": in a feed of many items of the town they are all that tells."""
    found = stories(("night", "2025-09-13", FIRE_NIGHT), ("next", "2025-09-14", FIRE_NEXT_DAY))
    assert found["night"] is not None and found["night"] == found["next"]


def test_a_fire_and_a_crash_in_one_district_or_two_fires_in_two_are_no_story():
    crash = (
        "Bei einem Unfall in Dortmund-Hörde sind am Samstag zwei Menschen verletzt worden. Ein Lieferwagen war nach "
        "Angaben der Polizei an einer Kreuzung mit einem Auto zusammengestoßen. Die Kreuzung blieb bis zum Mittag gesperrt."
    )
    assert stories(("night", "2025-09-13", FIRE_NIGHT), ("crash", "2025-09-14", crash)) == {"night": None, "crash": None}
    other_fire = FIRE_NEXT_DAY.replace("Dortmund-Hörde", "Dortmund-Eving")
    assert stories(("night", "2025-09-13", FIRE_NIGHT), ("other", "2025-09-14", other_fire)) == {"night": None, "other": None}


def test_two_fairs_named_by_different_compounds_are_no_story_though_templated_alike():
    """A closing report's template ("zu Ende gegangen", "Messetagen", "Besucher") is all two fairs share."""
    assert stories(
        ("boats", "2025-10-13", "Die Bootsmesse ist am Sonntag zu Ende gegangen. Nach Angaben der Messe kamen an den vier Messetagen rund 45.000 Besucher."),
        ("books", "2025-10-14", "Die Buchmesse ist am Sonntag zu Ende gegangen. Nach Angaben der Messe kamen an den fünf Messetagen rund 90.000 Besucher."),
    ) == {"boats": None, "books": None}
    found = stories(
        ("boats", "2025-10-13", "Die Bootsmesse ist am Sonntag zu Ende gegangen. Nach Angaben der Messe kamen an den vier Messetagen rund 45.000 Besucher."),
        ("again", "2025-10-14", "Nach Angaben der Messe kamen zur Bootsmesse an den vier Messetagen rund 45.000 Besucher."),
    )
    assert found["boats"] is not None and found["boats"] == found["again"]


def test_two_outlets_wording_that_differs_in_a_figure_is_a_story_not_a_copy():
    """Every capitalised word is the same, the figure is not: two reports to compare. A copy of a
    text with no other report stays no story."""
    text = "Wegen eines Rohrbruchs sind in Chemnitz am Montag {} Haushalte ohne Wasser, teilten die Stadtwerke Chemnitz mit."
    found = stories(("pipe1", "2025-02-03", text.format("1.200")), ("pipe2", "2025-02-03", text.format("1.500")))
    assert found["pipe1"] is not None and found["pipe1"] == found["pipe2"]
    assert stories(("pipe1", "2025-02-03", text.format("1.200")), ("pipe2", "2025-02-03", text.format("1.200"))) == {"pipe1": None, "pipe2": None}
