"""Stories: articles about the same news story, found from the terms they share.

A figure that names no actor or place ("rund 10.000 Lokführer") says what it counts only within
its story: the union's drivers in a strike report, a fraud trial's investors. A rule may group
figures by story (`group_by: [quantity_unit, story]`) to compare them across the articles of one
story, and only there.

Two articles are linked when they were published at most `WINDOW_DAYS` apart and share enough
distinctive terms: the capitalised words inside the sentences of their titles and whole texts
(names, places, the specific nouns of the event; read with the article, `checker.story_terms`,
and carried in the articles frame's `terms`), and the canonical actors, places, sources and
participants of their claims. The forms of a word are one term (`normalised_term`:
"Zivilschutzes" and "Zivilschutz", "Frankfurter" and "Frankfurt"); the words of
`lexicons/de/stories.yaml` (calendar words, units, the nouns of reporting and of a kind of news
such as "Landgericht" or "Wahlbeteiligung") are none. A term weighs the less the more articles
carry it (an inverse document frequency, see `RARE_SHARE`): a rare term shared tells, a common one
is shared by chance; terms of more than `MAX_ARTICLES_PER_TERM` articles count not at all. Linked
articles share terms of a weight of at least `MIN_SHARED_WEIGHT`, at least `MIN_SHARED_TERMS` of
them, and at least `MIN_SIMILARITY` of their whole weights (two long essays share dozens of words
by chance). Short reports of one event (a sentence or two: the night's injured at one hospital,
a race's finishers) carry fewer terms than that: published at most `CLOSE_DAYS` apart, they are
linked where they share `MIN_CLOSE_SHARED_TERMS` terms, one of them naming a place or a body
(`_names_place_or_body`), that are most of what both name (`MIN_CLOSE_SIMILARITY`), and count one
unit (a `quantity_unit` of their claims). A story is a connected component of the links (a
follow-up links to the report before it). Without the articles frame (claims made up by a test, a
claim checked on its own), the terms of an article's claims' sentences stand in for its text.

The thresholds were set on 53 news articles of 25 stories (each of 2-3 articles) and 150 unrelated
articles: every same-story pair within the window but one (two reports sharing only generic
business words) is linked, and no pair of different stories within the window is.

Everything is polars: terms per article, one join of articles on shared terms, and label
propagation over the links (one query per step, a handful of steps). Articles whose text terms,
publication period and claims' sentences are the same (copies) count once, so a corpus of copies
neither weighs terms down nor multiplies the join.

A level figure that names no actor and the place every article of its story is at is the story's
figure without a place: its `location` is taken off (`placed_where_its_story_is`).

Columns added to the claims (`STORY_COLUMNS`):
- `story`: a readable label of the article's story (the things most of its articles name, each
  once, see `_labels`), null for an article linked to no other;
- `story_unit_single`: for a quantity, whether its unit (and its measure, where its words name one:
  `quantity_measure`, with whose or where it is where the story names two: `measured_subject`)
  counts one thing in its story: no article
  of the story gives a level figure of the unit with an actor or a place, or two different level
  figures of it from one source (in a story of two countries, a death toll with no place may be
  either's or the sum; "26 der 27 Staaten" counts two things). Two sources' different figures in
  one article (the rescue service's 23 injured, the police's 21) are each source's count of the one
  thing, not two things; nor is a figure of a day before its article was published
  (`looked_back_day`: "Am Donnerstag war die Zahl der Toten noch mit zwölf angegeben worden") a
  figure beside the article's own, but the count as it stood that day; nor is a headline's vague
  magnitude ("Hunderte Menschen evakuiert"), or its figure that the body gives too ("Zahl der Toten
  steigt auf zehn"), a figure beside its body's.
  For a figure at a place with no actor (an office's statistic, QTY006), whether its unit counts one
  thing at that place and in its period in its story: no article of the story gives two different
  level figures of it at the place for that period from one source (the completions and the permits
  of one year in Germany, both the statistics office's), as above, nor one of no period beside
  another. Null for claims that are no quantity or in no story.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import polars as pl

from checker.headlines import ends_as_sentence
from checker.interval_gap import paired_gap
from checker.lexicon import load_lexicon, require_mapping, word_list
from checker.query_engine import QUERY_ENGINE
from checker.story_terms import text_terms

WINDOW_DAYS = 31
# A term carried by at most one article in RARE_SHARE counts fully, one carried by all not at all,
# on a log scale between; BACKGROUND_ARTICLES that carry no term are added to the corpus, so that in
# a corpus of a handful of articles, where every term is carried by a large share, shared terms
# still tell.
RARE_SHARE = 20
BACKGROUND_ARTICLES = 20
# Terms of more articles weigh little and would make the join of articles on terms grow with the square of their number.
MAX_ARTICLES_PER_TERM = 60
MIN_SHARED_WEIGHT = 3.5
MIN_SHARED_TERMS = 4
# The shared weight over the geometric mean of the two articles' whole weights (a cosine of their
# terms): two long articles share many words by chance, two reports of one story a good part of theirs.
MIN_SIMILARITY = 0.2
# Short reports of one event days apart (two one-sentence items of the night's injured at one
# hospital, of a race's finishers) carry a handful of terms, fewer than MIN_SHARED_TERMS: within
# CLOSE_DAYS they are linked where they count one unit (`quantity_unit` of their claims) and share
# MIN_CLOSE_SHARED_TERMS terms that are at least MIN_CLOSE_SIMILARITY of their whole weights: the
# most of what both name, which two reports of different events of a place hardly share.
CLOSE_DAYS = 3
MIN_CLOSE_SHARED_TERMS = 3
MIN_CLOSE_SIMILARITY = 0.5
LABEL_TERMS = 3
# The best ranked things of a story a label is chosen from, once the parts of names among them are dropped.
LABEL_CANDIDATES = 10
# The claim columns of a canonical name (an actor, a place, a source, a meeting's place), each a term of its article.
_ENTITY_COLUMNS = ("actor", "location", "source", "meeting_place")

STORY_COLUMNS: dict[str, pl.DataType] = {"story": pl.String, "story_unit_single": pl.Boolean}



def _stories_words(key: str) -> list[str]:
    """The words of the list `key` of `lexicons/de/stories.yaml`."""
    return word_list("stories", require_mapping("stories", load_lexicon("stories"), key), key)


def _normalised_terms(words: list[str]) -> list[str]:
    """`words` as `normalised_term`s, each once, sorted."""
    # As terms are compared: each word's forms are one (so "Jahr" stands for "Jahres" and "Jahren").
    return pl.Series(sorted(set(words)), dtype=pl.String).to_frame("term").select(normalised_term(pl.col("term"))).to_series().unique().sort().to_list()


@lru_cache(maxsize=1)
def ignored_terms() -> list[str]:
    """The words of `lexicons/de/stories.yaml` that link no articles, as `normalised_term`s."""
    return _normalised_terms(_stories_words("ignored_terms"))


# The sections of `lexicons/de/dates.yaml` that name calendar periods and points of them, by
# themselves ("Quartal", "Herbst") or counted from the story's period ("Vorjahreszeitraum",
# "Jahresbeginn"), and the lists of such nouns among its context words.
TIME_WORD_SECTIONS = ("months", "weekdays", "seasons", "relative_nouns", "anaphoric_days", "units", "unit_plurals", "quarter_units", "named_quarters", "period_part_nouns")
TIME_WORD_CONTEXT_LISTS = ("year_before_period_nouns", "whole_year_nouns")


@lru_cache(maxsize=1)
def time_words() -> list[str]:
    """The one-word time expressions of `lexicons/de/dates.yaml`, as `normalised_term`s. Two
    reports of one story may share them ("Vorjahreszeitraum", "Jahresbeginn"), so they may link
    articles; but they name no story, and a label leaves them out."""
    dates = require_mapping("dates", load_lexicon("dates"), *TIME_WORD_SECTIONS, "context_words")
    words = [word for section in TIME_WORD_SECTIONS for word in dates[section]]
    words += [word for key in TIME_WORD_CONTEXT_LISTS for word in word_list("dates", dates["context_words"], key)]
    # Abbreviations ("Jan.") and phrases ("Tag zuvor") are no single capitalised word of a text.
    return _normalised_terms([word for word in words if " " not in word and not word.endswith(".")])


@lru_cache(maxsize=1)
def label_ignored_terms() -> list[str]:
    """The nouns of persons by office or part of `lexicons/de/stories.yaml` ("Bürgermeister",
    "Bewohner"), as `normalised_term`s: they may link articles, but a label leaves them out."""
    return _normalised_terms(_stories_words("label_ignored_terms"))


@lru_cache(maxsize=1)
def _route_code() -> str:
    """A pattern of the code of a road's or a line's number (`lexicons/de/stories.yaml`
    route_code_prefixes): "A8", "B27", "ICE123", as `story_terms.text_terms` writes them."""
    prefixes = _stories_words("route_code_prefixes")
    return "^(?:" + "|".join(re.escape(prefix) for prefix in sorted(prefixes, key=len, reverse=True)) + r")\d+$"


@lru_cache(maxsize=1)
def _name_adjective_end() -> str:
    """A pattern of a capitalised adjective that begins a name of several words (`lexicons/de/stories.yaml`
    label_adjective_endings): "Afrikanische" of "Afrikanische Schweinepest"."""
    endings = _stories_words("label_adjective_endings")
    return r"\p{Ll}(?:" + "|".join(re.escape(ending) for ending in sorted(endings, key=len, reverse=True)) + ")$"


@lru_cache(maxsize=1)
def _vague_magnitude_start() -> str:
    """A pattern of a figure's text that begins with a vague magnitude of `lexicons/de/numbers.yaml`
    ("Hunderte Menschen", "mehrere tausend Helfer")."""
    phrases = require_mapping("numbers", load_lexicon("numbers"), "vague")["vague"]
    return "(?i)^(?:" + "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True)) + r")(?:\s|$)"


def vague_headline_figure() -> pl.Expr:
    """A headline's vague magnitude ("Waldbrände in Griechenland: Hunderte Menschen evakuiert"): the
    title's rounding of the count its body gives, which it names no figure of its own beside."""
    return pl.col("quantity_value").is_null() & pl.col("text").str.contains(_vague_magnitude_start()) & ~ends_as_sentence()


def _headline_repeating_body(article_unit: list[str]) -> pl.Expr:
    """A headline's exact figure that a sentence of its article's body gives too, in the same unit
    ("Zahl der Toten steigt auf zehn" above "nach Angaben der Behörde auf zehn gestiegen"): the
    title's wording of that figure, not another one beside it, though it names no source."""
    body_level = (pl.col("quantity_role") == "level") & ends_as_sentence()
    repeated = body_level.sum().over([*article_unit, "quantity_value"]) > 0
    return ~ends_as_sentence() & pl.col("quantity_value").is_not_null() & repeated


def normalised_term(term: pl.Expr) -> pl.Expr:
    """The forms of one German word made one term: a genitive, plural or dative ending (-s, -es,
    -n, -en, -e) and the -er of an adjective of a place or of a person's role come off, leaving at
    least four letters: "Zivilschutzes" and "Zivilschutz", "Banken" and "Bank", "Frankfurter" and
    "Frankfurt", "Ukrainer" and "Ukraine", "Kanzlers" and "Kanzler" meet. Acronyms ("RKI",
    "UNHCR") keep their form. Words that meet by chance ("Bayern" and "Bayer", "Posten" and
    "Post", "Gewinner" and "Gewinn") are one shared term, not a story: a story needs several;
    irregular forms ("Münchner", "München") stay apart."""
    return term.str.replace(r"^(\p{L}[\p{L}\-]{3,}?)(?:e|er)?[ns]?$", "${1}")


def _article_rows(claims: pl.DataFrame, articles: pl.DataFrame | None) -> pl.LazyFrame:
    """(article, published_start, published_end, terms) of every article of `claims` and
    `articles`: the terms of its whole text from `articles` (read with the article); an article
    only `claims` know (a claim checked on its own, claims made up by a test) has the terms of its
    claims' sentences."""
    columns = ["article", "published_start", "published_end", "terms"]
    read = articles.lazy().select(columns) if articles is not None else pl.LazyFrame(schema={"article": pl.String, "published_start": pl.Date, "published_end": pl.Date, "terms": pl.String})
    known = articles["article"] if articles is not None else pl.Series("article", [], dtype=pl.String)
    others = claims.lazy().filter(~pl.col("article").is_in(known.implode()))
    sentences = (
        others.group_by("article")
        .agg(pl.col("published_start").min(), pl.col("published_end").max(), pl.col("sentence").unique(maintain_order=True).str.join("\n"))
        .collect(engine=QUERY_ENGINE)
    )
    if sentences.height:
        terms = pl.Series("terms", [text_terms(text) for text in sentences["sentence"].to_list()], dtype=pl.String)
        read = pl.concat([read, sentences.lazy().with_columns(terms).select(columns)])
    return read


def article_terms(claims: pl.LazyFrame, rows: pl.LazyFrame) -> pl.LazyFrame:
    """(article, term, form): the distinct terms of each article of `rows` (as `normalised_term`)
    with a form of each, from its text's capitalised words and its claims' canonical actors,
    places, sources and participants. Words of three letters or more are terms, and of the codes of
    capitals and a number only the numbers of roads and lines (`_route_code`): "A8" names a place,
    "Q3" a period."""
    code = pl.col("form").str.contains(r"^\p{Lu}+\d+$")
    words = rows.select("article", pl.col("terms").str.split(" ").alias("form")).explode("form")
    entities = [
        claims.select("article", pl.col(column).alias("form"))
        for column in _ENTITY_COLUMNS
    ]
    participants = claims.select("article", pl.col("meeting_participants").alias("form")).explode("form")
    return (
        pl.concat([words, *entities, participants], how="vertical")
        .filter(pl.col("form").is_not_null() & pl.when(code).then(pl.col("form").str.contains(_route_code())).otherwise(pl.col("form").str.len_chars() >= 3))
        .unique()
        .with_columns(normalised_term(pl.col("form")).alias("term"))
        .filter(~pl.col("term").is_in(ignored_terms()))
    )


def _nodes(rows: pl.LazyFrame, claims: pl.LazyFrame) -> pl.DataFrame:
    """(article, node, published_start, published_end, representative): copies of an article (the
    same terms, the same publication period, the same sentences of claims) are one node, read once
    through its first article. Two outlets' reports of one wording that differ in a figure ("zwölf
    Badestellen gesperrt", "elf Badestellen gesperrt") share every capitalised word but are no
    copies: two nodes, linked as one story, whose figures are compared."""
    sentences = claims.group_by("article").agg(pl.col("sentence").unique().sort().str.join("\n").alias("claim_sentences"))
    return (
        rows.join(sentences, on="article", how="left")
        .with_columns(pl.struct("terms", "published_start", "published_end", "claim_sentences").hash().alias("node"))
        .with_columns((pl.col("article") == pl.col("article").min().over("node")).alias("representative"))
        .select("article", "node", "published_start", "published_end", "representative")
        .collect(engine=QUERY_ENGINE)
    )


def _components(nodes: pl.DataFrame, edges: pl.DataFrame) -> pl.DataFrame:
    """(node, component): connected components by label propagation, the smallest node of each."""
    labels = nodes.select(pl.col("node"), pl.col("node").alias("component"))
    both_ways = pl.concat([edges, edges.select(pl.col("node_b").alias("node"), pl.col("node").alias("node_b"))])
    while True:
        proposed = (
            both_ways.join(labels, left_on="node_b", right_on="node")
            .group_by("node")
            .agg(pl.col("component").min().alias("proposed"))
        )
        updated = labels.join(proposed, on="node", how="left").select(
            "node", pl.min_horizontal("component", "proposed").alias("component")
        )
        if updated.sort("node").equals(labels.sort("node")):
            return updated
        labels = updated


def with_stories(claims: pl.DataFrame, articles: pl.DataFrame | None = None) -> pl.DataFrame:
    """`claims` with the `STORY_COLUMNS` (see the module's description). `articles` (the articles
    frame, with each article's `terms`) gives the terms of their whole texts; without it, or for
    an article it lacks, the terms of the article's claims' sentences stand in."""
    rows = _article_rows(claims, articles)
    nodes_of = _nodes(rows, claims.lazy())
    representatives = nodes_of.filter("representative")
    chosen = pl.col("article").is_in(representatives["article"].implode())
    node_terms = (
        article_terms(claims.lazy().filter(chosen), rows.filter(chosen))
        .join(representatives.lazy().select("article", "node"), on="article")
        .group_by("node", "term")
        .agg(pl.col("form").min())
        .collect(engine=QUERY_ENGINE)
        .lazy()
    )
    corpus_size = representatives.height + BACKGROUND_ARTICLES
    carried = node_terms.group_by("term").agg(pl.len().alias("carried_by"))
    idf = ((corpus_size / pl.col("carried_by")).log() / math.log(RARE_SHARE)).clip(0.0, 1.0)
    weights = carried.filter(pl.col("carried_by").is_between(2, MAX_ARTICLES_PER_TERM)).select("term", idf.alias("weight"))
    # The weight of all an article's terms, its own ones too: what the terms it shares are measured against.
    totals = (
        node_terms.join(carried, on="term")
        .group_by("node")
        .agg(pl.when(pl.col("carried_by") <= MAX_ARTICLES_PER_TERM).then(idf).otherwise(0.0).sum().alias("total"))
    )
    weighted = node_terms.select("node", "term").join(weights, on="term").with_columns(_names_place_or_body(claims, node_terms).alias("named"))
    nodes = representatives.select("node", "published_start", "published_end")
    gap = paired_gap("published_start", "published_end")
    similarity = pl.col("weight") / (pl.col("total") * pl.col("total_b")).sqrt()
    linked_far = (pl.col("weight") >= MIN_SHARED_WEIGHT) & (pl.col("shared") >= MIN_SHARED_TERMS) & (similarity >= MIN_SIMILARITY) & (gap <= pl.duration(days=WINDOW_DAYS))
    linked_close = (pl.col("shared") >= MIN_CLOSE_SHARED_TERMS) & pl.col("shares_a_name") & (similarity >= MIN_CLOSE_SIMILARITY) & (gap <= pl.duration(days=CLOSE_DAYS))
    candidates = (
        weighted.join(weighted.select("term", pl.col("node").alias("node_b")), on="term")
        .filter(pl.col("node") < pl.col("node_b"))
        .group_by("node", "node_b")
        .agg(pl.col("weight").sum(), pl.len().alias("shared"), pl.col("named").any().alias("shares_a_name"))
        .filter(pl.col("shared") >= min(MIN_SHARED_TERMS, MIN_CLOSE_SHARED_TERMS))
        .join(totals, on="node")
        .join(totals.select(pl.col("node").alias("node_b"), pl.col("total").alias("total_b")), on="node_b")
        .join(nodes.lazy(), on="node")
        .join(nodes.lazy().rename(lambda column: column + "_b"), on="node_b")
        .filter(linked_far | linked_close)
        .collect(engine=QUERY_ENGINE)
    )
    text_terms_of_node = rows.join(representatives.lazy().select("article", "node"), on="article").select("node", pl.col("terms").str.split(" ").alias("form")).explode("form")
    events = _event_heads(text_terms_of_node)
    close = pl.concat([candidates.filter(~linked_far).select("node", "node_b"), _one_event_at_one_place(events, text_terms_of_node, nodes)]).unique()
    close = close.join(_two_events_of_a_kind(close.lazy(), events).collect(engine=QUERY_ENGINE), on=["node", "node_b"], how="anti")
    units = _node_units(claims, representatives)
    sharing_a_unit = close.lazy().join(units, on="node").join(units.rename({"node": "node_b"}), on=["node_b", "quantity_unit"]).select("node", "node_b").unique()
    edges = pl.concat([candidates.lazy().filter(linked_far).select("node", "node_b"), sharing_a_unit]).collect(engine=QUERY_ENGINE)
    # Copies of one article linked to no other are no story: they can only repeat each other.
    linked = pl.concat([edges.select("node"), edges.select(pl.col("node_b").alias("node"))]).unique()
    components = _components(linked, edges)
    labels = _labels(representatives.select("node", "article").join(components, on="node"), node_terms).collect(engine=QUERY_ENGINE)
    story_of_node = components.join(labels, on="component").select("node", "story")
    story_of_article = nodes_of.select("article", "node").join(story_of_node, on="node").select("article", "story")
    # The story is looked up for the article column alone and added to the claims: a join of the
    # whole claims frame would copy every one of its columns.
    story = claims.select("article").join(story_of_article, on="article", how="left", maintain_order="left").get_column("story")
    keyed = placed_where_its_story_is(claims.with_columns(story), articles)
    return keyed.with_columns(unit_single_in_story(keyed))


@lru_cache(maxsize=1)
def _event_noun_end() -> str:
    """A pattern of a word that is, or ends in, a noun of a kind of event (`lexicons/de/stories.yaml`
    event_nouns), the noun captured lower-cased: "brand" of "Wohnungsbrand"."""
    nouns = [noun.lower() for noun in _stories_words("event_nouns")]
    return "(?i)(" + "|".join(re.escape(noun) for noun in sorted(nouns, key=len, reverse=True)) + ")$"


def _event_heads(text_terms: pl.LazyFrame) -> pl.LazyFrame:
    """(node, term, head, compound): the text's words that name a kind of event (`_event_noun_end`):
    the noun itself ("Brand") or a compound of it ("Wohnungsbrand", `compound`), with that noun."""
    head = pl.col("form").str.to_lowercase().str.extract(_event_noun_end(), 1)
    return (
        text_terms.filter(pl.col("form").is_not_null())
        .with_columns(head.alias("head"))
        .filter(pl.col("head").is_not_null())
        .select("node", normalised_term(pl.col("form")).alias("term"), "head", (pl.col("form").str.to_lowercase() != pl.col("head")).alias("compound"))
        .unique()
    )


@lru_cache(maxsize=1)
def _street_name_end() -> str:
    """A pattern of a one-word name of a street or a square (`lexicons/de/stories.yaml` street_name_endings)."""
    endings = _stories_words("street_name_endings")
    return r"(?i)\p{L}{3}(?:" + "|".join(re.escape(ending) for ending in endings) + ")$"


def _specific_places(text_terms: pl.LazyFrame) -> pl.LazyFrame:
    """(node, term): the text's words that name a place inside a town: a district written with its
    town ("Köln-Ehrenfeld": a compound whose first part is a name of the gazetteer, not itself one)
    or a street or a square (`_street_name_end`). A town's name is shared by every report of it."""
    first_part = normalised_term(pl.col("form").str.split("-").list.first()).str.to_lowercase()
    whole = normalised_term(pl.col("form")).str.to_lowercase()
    district = pl.col("form").str.contains("-") & first_part.is_in(gazetteer_terms()) & ~whole.is_in(gazetteer_terms())
    return text_terms.filter(district | pl.col("form").str.contains(_street_name_end())).select("node", normalised_term(pl.col("form")).alias("term")).unique()


def _one_event_at_one_place(events: pl.LazyFrame, text_terms: pl.LazyFrame, nodes: pl.DataFrame) -> pl.DataFrame:
    """(node, node_b): pairs of articles published at most `CLOSE_DAYS` apart that name one place
    inside a town (`_specific_places`) and one kind of event (`_event_heads`: "Wohnungsbrand" and
    "Brand"): a report of a fire in a district and its follow-up, whose other words (the first
    night's details, the next day's cause) differ. Whether they count one thing is checked as for
    the other short reports (`with_stories`)."""
    places = _specific_places(text_terms)
    heads = events.select("node", "head").unique()
    gap = paired_gap("published_start", "published_end")
    return (
        places.join(places.rename({"node": "node_b"}), on="term")
        .filter(pl.col("node") < pl.col("node_b"))
        .select("node", "node_b")
        .unique()
        .join(heads, on="node")
        .join(heads.rename({"node": "node_b"}), on=["node_b", "head"])
        .join(nodes.lazy(), on="node")
        .join(nodes.lazy().rename(lambda column: column + "_b"), on="node_b")
        .filter(gap <= pl.duration(days=CLOSE_DAYS))
        .select("node", "node_b")
        .unique()
        .collect(engine=QUERY_ENGINE)
    )


def _two_events_of_a_kind(pairs: pl.LazyFrame, events: pl.LazyFrame) -> pl.LazyFrame:
    """(node, node_b): the `pairs` whose articles name two events of one kind by different compounds
    of its noun that the other article does not name ("Freizeitmesse" and "Weinmesse"): two fairs
    reported in one template, however alike their other words."""
    compounds = events.filter("compound").select("node", "term", "head")
    carried = events.select("node", "term")

    def own(side: str, other: str) -> pl.LazyFrame:
        return (
            pairs.join(compounds.rename({"node": side}), on=side)
            .join(carried.rename({"node": other}), on=[other, "term"], how="anti")
            .select("node", "node_b", "head")
        )

    return own("node", "node_b").join(own("node_b", "node"), on=["node", "node_b", "head"]).select("node", "node_b").unique()


def _names_place_or_body(claims: pl.DataFrame, node_terms: pl.LazyFrame) -> pl.Expr:
    """Whether a term (of `node_terms`) names a place or a body, which two short reports of one
    event share (`MIN_CLOSE_SHARED_TERMS`): a capitalised canonical actor, place or source of the
    claims ("Katastrophenschutz"; a kind of body, "police", is none), or a name of the gazetteer
    ("Berlin", "Bundesregierung"; "Berliner" is Berlin's), also as the first part of a compound
    ("Berlin-Marathon")."""
    capitalised = node_terms.filter(pl.col("form").str.contains(r"^\p{Lu}")).select("term").unique()
    claim_names = capitalised.join(_claim_entity_terms(claims), on="term", how="semi").collect(engine=QUERY_ENGINE)["term"]
    first_part = normalised_term(pl.col("term").str.split("-").list.first())
    return (
        pl.col("term").is_in(claim_names.implode())
        | pl.col("term").str.to_lowercase().is_in(gazetteer_terms())
        | first_part.str.to_lowercase().is_in(gazetteer_terms())
    )


def _claim_entity_terms(claims: pl.DataFrame) -> pl.LazyFrame:
    """(term): the canonical actors, places and sources of `claims`, as `normalised_term`s."""
    forms = pl.concat([claims.lazy().select(pl.col(column).alias("form")) for column in _ENTITY_COLUMNS]).drop_nulls().unique()
    return forms.select(normalised_term(pl.col("form")).alias("term")).unique()


@lru_cache(maxsize=1)
def gazetteer_terms() -> list[str]:
    """Every name and alias of the gazetteer as a lower-cased `normalised_term`: "berlin" of
    "Berlin" and "Berliner"."""
    return gazetteer_names().select(normalised_term(pl.col("surface"))).to_series().unique().sort().to_list()


def _node_units(claims: pl.DataFrame, representatives: pl.DataFrame) -> pl.LazyFrame:
    """(node, quantity_unit): the units its article's quantities count, each once."""
    return (
        claims.lazy().filter((pl.col("kind") == "quantity") & pl.col("quantity_unit").is_not_null())
        .select("article", "quantity_unit")
        .unique()
        .join(representatives.lazy().select("article", "node"), on="article")
        .select("node", "quantity_unit")
    )


def placed_where_its_story_is(storied: pl.DataFrame, articles: pl.DataFrame | None = None) -> pl.DataFrame:
    """`storied` (claims with their `story`) with the place taken off each level figure that names
    no actor and the place its whole story is at. A desk names the place ("Die Zahl der Festnahmen in
    Guinea-Bissau ist auf 43 gestiegen", "Bei der Gasexplosion in Hagen wurden neun Menschen
    verletzt") where other reports of the story count the unit without one ("Mindestens 17 Menschen
    wurden festgenommen"): all are the place's figures, one series of the story (QTY003), not a
    figure at a place beside the story's figures of no place, which would make the unit count two
    things there and compare none of them.

    Only where every article of the story names the place (its name or an alias, as a word or as a
    claim's place, actor or source: `article_terms`), the story gives a level figure of the unit
    with neither actor nor place, but no article gives one of each (a season's avalanche dead in
    Austria beside one avalanche's: two scopes), every figure of the unit in it that names an actor
    or a place names no actor and that one place (the dead of two countries stay apart), and no
    figure of the unit at the place is outside the story (those are compared at the place, QTY002).
    `articles` gives the articles' terms as in `with_stories`."""
    level = (pl.col("kind") == "quantity") & (pl.col("quantity_role") == "level")
    at_place = pl.col("actor").is_null() & pl.col("location").is_not_null()
    unit_story = ["story", "quantity_unit"]
    no_place = pl.col("actor").is_null() & pl.col("location").is_null()
    in_article = [*unit_story, "article"]
    story_places = (
        storied.lazy().filter(level & pl.col("story").is_not_null())
        # An article that gives both sets the place's figure beside another of no place: a
        # season's toll in a country beside one avalanche's, a country's displaced beside the
        # world's (even where two sources are named for them: "das Hilfswerk", "das UNHCR").
        .with_columns((at_place.any().over(in_article) & no_place.any().over(in_article)).alias("side_by_side"))
        .group_by(unit_story)
        .agg(
            pl.col("location").filter(at_place).unique().alias("location"),
            pl.col("actor").is_not_null().any().alias("with_actor"),
            no_place.any().alias("with_no_place"),
            pl.col("side_by_side").any(),
        )
        .filter(pl.col("location").list.len() == 1, ~pl.col("with_actor"), pl.col("with_no_place"), ~pl.col("side_by_side"))
        .explode("location")
        .select(*unit_story, "location")
    )
    # The stories of every figure of the unit at the place: the story's own alone, or it stays placed.
    stories_at_place = storied.lazy().filter(level & at_place).select("quantity_unit", "location", pl.col("story").alias("other_story"))
    candidates = (
        story_places.join(stories_at_place, on=["quantity_unit", "location"])
        .group_by(*unit_story, "location")
        .agg(pl.col("other_story").eq_missing(pl.col("story")).all().alias("in_story_only"))
        .filter("in_story_only")
        .select(*unit_story, "location")
        .collect(engine=QUERY_ENGINE)
    )
    if candidates.is_empty():
        return storied
    story_articles = storied.filter(pl.col("story").is_in(candidates["story"].implode())).select("article", "story").unique()
    chosen = pl.col("article").is_in(story_articles["article"].implode())
    terms = article_terms(storied.lazy().filter(chosen), _article_rows(storied.filter(chosen), articles).filter(chosen)).select(
        "article", pl.col("term").str.to_lowercase()
    )
    places = candidates.select("location").unique()
    surfaces = pl.concat(
        [places.select("location", pl.col("location").str.to_lowercase().alias("surface")), places.join(gazetteer_names().rename({"entity": "location"}), on="location")],
        how="vertical",
    )
    place_terms = surfaces.select("location", normalised_term(pl.col("surface")).alias("term")).unique()
    named_everywhere = (
        story_articles.lazy().join(terms, on="article")
        .join(place_terms.lazy(), on="term")
        .group_by("story", "location")
        .agg(pl.col("article").n_unique().alias("naming"))
        .join(story_articles.lazy().group_by("story").agg(pl.len().alias("articles")), on="story")
        .filter(pl.col("naming") == pl.col("articles"))
        .select("story", "location")
    )
    taken_off = candidates.lazy().join(named_everywhere, on=["story", "location"])
    rows = (
        storied.lazy().with_row_index("claim_row")
        .filter(level & at_place)
        .join(taken_off, on=[*unit_story, "location"])
        .select("claim_row")
        .collect(engine=QUERY_ENGINE)
    )
    if rows.is_empty():
        return storied
    taken = pl.Series("taken_off", [False] * storied.height).scatter(rows["claim_row"], True)
    return storied.with_columns(pl.when(taken).then(pl.lit(None, dtype=pl.String)).otherwise(pl.col("location")).alias("location"))


@lru_cache(maxsize=1)
def gazetteer_names() -> pl.DataFrame:
    """(surface, entity): every name and alias of the gazetteer, lower-cased, with its entity's name."""
    from checker.extract.gazetteer import load_gazetteer

    aliases = [(surface, name) for surface, (name, form) in load_gazetteer().surface.items() if form == "alias"]
    return pl.DataFrame(aliases, schema={"surface": pl.String, "entity": pl.String}, orient="row")


def _labels(story_of_node: pl.DataFrame, node_terms: pl.LazyFrame) -> pl.LazyFrame:
    """(component, story): the `LABEL_TERMS` things most articles of the story name, rarest first.

    Each thing once: a name of the gazetteer in any of its forms is its entity's name ("Gaza Strip"
    for the text's "Gazastreifen" and the claims' "Gaza Strip"), and the forms of another word are
    one term; the first part of a hyphenated compound is a thing too. On ties the gazetteer's names
    (places, organisations, people by their full names) and the numbers of roads and lines ("A8")
    come first, then the longer words: a compound noun of the event ("Doppelhaushalt",
    "Delegierte") tells more than a first name ("Albert"), which links articles but names nobody.
    A label two stories would share gets the story's first article."""
    # The first part of a hyphenated compound names a thing of the story as the word alone does
    # ("NRW" of "NRW-Innenminister", "Geldwäsche" of "Geldwäsche-Netzwerk"): one report writes the
    # name in a compound, the next alone or in another compound.
    first_part = pl.col("form").str.split("-").list.first()
    heads = (
        node_terms.filter(pl.col("form").str.contains("-"))
        .select("node", first_part.alias("form"))
        .filter(pl.col("form").str.contains(r"^\p{Lu}") & ((pl.col("form").str.len_chars() >= 3) | pl.col("form").str.contains(_route_code())))
        .with_columns(normalised_term(pl.col("form")).alias("term"))
        .filter(~pl.col("term").is_in(ignored_terms()))
    )
    things = (
        pl.concat([node_terms.select("node", "term", "form"), heads.select("node", "term", "form")])
        .with_columns(pl.col("form").str.to_lowercase().alias("surface"))
        .join(gazetteer_names().lazy(), on="surface", how="left")
        .select("node", pl.coalesce("entity", "term").alias("thing"), pl.coalesce("entity", "form").alias("form"), (pl.col("entity").is_null() & ~pl.col("form").str.contains(_route_code())).alias("unnamed"))
        .filter(~_names_no_story())
    )
    ranked = (
        things.join(story_of_node.lazy(), on="node")
        .group_by("component", "thing")
        .agg(pl.col("node").n_unique().alias("articles"))
        .join(
            things.group_by("thing").agg(
                pl.col("node").n_unique().alias("corpus_articles"),
                # The entity's name where one form is a name of the gazetteer, else the word's first form.
                pl.col("form").sort_by("unnamed", "form").first(),
                pl.col("unnamed").all(),
            ),
            on="thing",
        )
        .sort(
            ["component", "articles", "corpus_articles", "unnamed", pl.col("form").str.len_chars(), "form"],
            descending=[False, True, False, False, True, False],
        )
        .group_by("component", maintain_order=True)
        .agg(pl.col("form", "unnamed", "articles").head(LABEL_CANDIDATES))
        .with_row_index("label")
        .explode("form", "unnamed", "articles")
    )
    ranked = (
        ranked.join(_parts_of_names(ranked), on=["label", "form"], how="anti")
        .group_by("label", "component", maintain_order=True)
        .agg(pl.col("form").head(LABEL_TERMS).str.join(", ").alias("story"))
        .drop("label")
    )
    first = story_of_node.lazy().group_by("component").agg(pl.col("article").min().alias("first_article"))
    return (
        ranked.join(first, on="component")
        .with_columns(
            pl.when(pl.len().over("story") > 1)
            .then(pl.col("story") + " (" + pl.col("first_article") + ")")
            .otherwise(pl.col("story"))
            .alias("story")
        )
        .select("component", "story")
    )


def _names_no_story() -> pl.Expr:
    """Whether a thing of a story's articles names no story, though it may link them: a time word
    (`time_words`: "Vorjahreszeitraum", "Jahresbeginn"), a noun of a person by office or part
    (`label_ignored_terms`: "Bürgermeister", "Bewohner"), a canonical source of the claims that is
    a kind of body, not a name ("authorities", "police": names are capitalised), or an adjective
    that only begins a name ("Afrikanische" of "Afrikanische Schweinepest", `_name_adjective_end`)."""
    return (
        pl.col("thing").is_in(time_words())
        | pl.col("thing").is_in(label_ignored_terms())
        | ~pl.col("form").str.contains(r"^\p{Lu}")
        | (pl.col("unnamed") & pl.col("form").str.contains(_name_adjective_end()))
    )


def _parts_of_names(candidates: pl.LazyFrame) -> pl.LazyFrame:
    """(label, form): the words among a label's candidates that are part of a name of several
    words among them, which names the thing already: "Koch-Institut" of "Robert Koch Institute",
    "Alexander" of "Alexander Dobrindt", "Stetter-Karp" of "Irme Stetter-Karp". A name is a
    gazetteer name or any candidate of several words (a person the claims name in full); each part
    of the word (split at hyphens) begins a word of the name (split at spaces and hyphens). A
    compound of hyphens alone names it only where named by as many of the story's articles:
    "Geldwäsche" of four articles is no part of the "Geldwäsche-Netzwerk" of two, it is the thing
    all four name; a person named in full once is the surname of the follow-ups."""
    several_words = ~pl.col("unnamed") | pl.col("form").str.contains(r"[ \-]")
    compound = pl.col("unnamed") & ~pl.col("form").str.contains(" ")
    names = candidates.filter(several_words).select(
        "label", pl.col("form").alias("name_form"), (pl.lit(" ") + pl.col("form").str.to_lowercase().str.replace_all("-", " ")).alias("name"),
        compound.alias("name_is_compound"), pl.col("articles").alias("name_articles"),
    )
    words = candidates.filter("unnamed").select("label", "form", "articles", pl.col("form").str.to_lowercase().str.split("-").alias("part")).explode("part")
    return (
        words.join(names, on="label")
        .filter((pl.col("form") != pl.col("name_form")) & (~pl.col("name_is_compound") | (pl.col("name_articles") >= pl.col("articles"))))
        .group_by("label", "form", "name")
        .agg(pl.col("name").str.contains(pl.lit(" ") + pl.col("part"), literal=True).all().alias("covered"))
        .filter("covered")
        .select("label", "form")
        .unique()
    )


def looked_back_day() -> pl.Expr:
    """The day a quantity claim is dated to where that is a day before its article was published
    ("Am Donnerstag war die Zahl der Toten noch mit zwölf angegeben worden" in Friday's report
    beside "Insgesamt kamen 14 Bergleute ums Leben"): the count as it stood then, which the
    article looks back on; null for any other claim. As column `looked_back_day`."""
    before_publication = (pl.col("date_granularity") == "day") & (pl.col("date_end") < pl.col("published_start"))
    return pl.when(before_publication).then(pl.col("date_start")).alias("looked_back_day")


def own_period() -> pl.Expr:
    """The period a claim's words date it to, as one value ("2027-01-01/2027-12-31"), "undated" for
    none: a key that keeps figures of different periods apart and undated ones together."""
    return pl.concat_str([pl.col("date_start").cast(pl.String), pl.col("date_end").cast(pl.String)], separator="/").fill_null("undated")


def measured_subject() -> pl.Expr:
    """The column `measured_subject`: of a measured figure (`quantity_measure`) in a story that names
    two actors or two places of its unit and measure (two parties' shares, the jobless rate "in
    Hamburg" and "bundesweit"), whose and where it is ("SPD", "Hamburg", "SPD, Hamburg"; "none named"
    for a figure naming neither), so that each actor's and place's figures are a series of their own
    and those naming neither one among themselves; "" for every other figure (a key joins no nulls).
    Where the story names at most one actor and one place of it, that one is whose or where it is
    where another figure names none, and all are one series."""
    group = ["story", "quantity_unit", "quantity_part_of", "quantity_measure"]
    level = pl.col("quantity_role") == "level"
    two_named = pl.any_horizontal([pl.col(field).filter(level).drop_nulls().n_unique().over(group) > 1 for field in ("actor", "location")])
    named = pl.concat_str([pl.col("actor"), pl.col("location")], separator=", ", ignore_nulls=True)
    return (
        pl.when(pl.col("quantity_measure").is_not_null() & pl.col("story").is_not_null() & two_named)
        .then(pl.when(named != "").then(named).otherwise(pl.lit("none named")))
        .otherwise(pl.lit(""))
        .alias("measured_subject")
    )


def _measured_period() -> pl.Expr:
    """The column `measured_period`: of a figure that names what it measures, its `own_period`;
    null for every other figure."""
    return pl.when(pl.col("quantity_measure").is_not_null()).then(own_period()).alias("measured_period")


def unit_single_in_story(keyed: pl.DataFrame) -> pl.Series:
    """Whether a quantity's unit counts one thing in its story (see the module's description).

    Only quantities of a story can count one thing, and only they decide it: the groups are formed
    over them alone, not over every claim of the corpus (a few thousand rows of ~60,000)."""
    quantity_of_story = (pl.col("kind") == "quantity") & pl.col("story").is_not_null()
    level = pl.col("quantity_role") == "level"
    # A part of the unit's whole (`quantity_part_of`: "die übrigen zwei Bewerber" beside "fünf
    # Bewerber") is a series of its own in every rule, so no second figure beside the whole.
    # A measured figure (an amount of costs, a turnout: `quantity_measure`) is one thing with the
    # story's figures of its unit, measure and `measured_subject`: where the story names two actors
    # or two places of them (the costs of two states, two parties' shares, the jobless rates of
    # Hamburg and Bavaria) each one's figures, and those naming none; else all of them, the one
    # actor or place named being whose or where it is (the city whose tunnel it is).
    unit_story = ["story", "quantity_unit", "quantity_part_of", "quantity_measure", "measured_subject"]
    measured = pl.col("quantity_measure").is_not_null()
    placed = ~measured & (pl.col("actor").is_not_null() | pl.col("location").is_not_null()) & level
    # Two different figures of one source in one article are ambiguous (a part and the whole, two
    # things of the unit); figures of different named sources are not: they are the sources' own
    # counts of one thing, and may disagree. A figure no one is named for is the article's own, and
    # beside another figure it is as ambiguous as before ("nach Angaben des Landkreises brannten
    # 150 Hektar; der Nationalpark umfasst 25.000 Hektar"). A headline's vague magnitude
    # (`vague_headline_figure`), or its figure repeating one of the body (`_headline_repeating_body`),
    # is no figure beside the body's.
    def differ(figures: list[str], in_article: list[str]) -> pl.Expr:
        """Whether the level figures of a group `figures` (of one article) differ from one source or
        beside one no one is named for; `in_article` says which headline figures repeat the body."""
        competing = level & ~vague_headline_figure() & ~_headline_repeating_body(in_article)
        values = pl.col("quantity_value").filter(competing)
        unsourced = pl.col("source").is_null().filter(competing).any().over(figures)
        return pl.when(unsourced).then(values.n_unique().over(figures)).otherwise(values.n_unique().over([*figures, "source"])) > 1

    # A figure of a day before its article was published (`looked_back_day`) is an earlier point of
    # the series, not a second thing beside the article's figure of its own time: the figures of
    # each such day are weighed apart. A measured figure's own period is part of what it is: one
    # article's deficit of this year and of the next are two periods of one measure, not two things
    # (unmeasured figures: one group).
    in_article = [*unit_story, "article", "measured_period"]
    # A figure at a place with no actor (an office's statistic, QTY006) is compared with the story's
    # figures of its unit, place and period: it counts one thing where no article gives two different
    # ones of that period there, nor one of no period beside another (July's nights and an undated
    # figure may be the month's and the season's); figures of two periods (July's, the season's)
    # are two things, each its own.
    at_place = pl.col("location").is_not_null() & pl.col("actor").is_null() & pl.col("quantity_measure").is_null()
    place_of_story = [*unit_story, "location"]
    at_place_in_article = [*place_of_story, "article"]
    undated = level & pl.col("date_start").is_null()
    differs_at_place = differ([*at_place_in_article, "date_start", "date_end"], at_place_in_article) | (
        undated.any().over(at_place_in_article) & differ(at_place_in_article, at_place_in_article)
    )
    # Each article's test is a column first: a window over an expression that holds windows of
    # other partitions, in one expression, came out wrong (every figure at a place "single").
    single = (
        pl.when(at_place)
        .then(~pl.col("differs_at_place").any().over([*place_of_story, "date_start", "date_end"]))
        .otherwise(~pl.col("placed").any().over(unit_story) & ~pl.col("differs").any().over(unit_story))
    )
    decided = (
        keyed.with_row_index("claim_row")
        .filter(quantity_of_story)
        .with_columns(measured_subject())
        .with_columns(looked_back_day(), _measured_period(), placed.alias("placed"))
        .with_columns(differ([*in_article, "looked_back_day"], in_article).alias("differs"), differs_at_place.alias("differs_at_place"))
        .select("claim_row", single.alias("single"))
    )
    return pl.Series("story_unit_single", [None] * keyed.height, dtype=pl.Boolean).scatter(decided["claim_row"], decided["single"])
