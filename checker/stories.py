"""Stories: articles about the same news story, found from the terms they share.

A figure that names no actor or place ("rund 10.000 Lokführer") says what it counts only within
its story: the union's drivers in a strike report, a fraud trial's investors. A rule may group
figures by story (`group_by: [quantity_unit, story]`) to compare them across the articles of one
story, and only there.

Two articles are linked when they were published at most `WINDOW_DAYS` apart and share enough
distinctive terms: capitalised words within their claims' sentences (names, places, the specific
nouns of the event; not a sentence's first word, nor the words of `lexicons/de/stories.yaml`) and
the canonical actors, places, sources and participants of their claims. A term weighs the less
the more articles carry it (an inverse document frequency, see `RARE_SHARE`): a rare term shared
tells, a common one is shared by chance; terms of more than `MAX_ARTICLES_PER_TERM` articles count
not at all. Linked articles whose weights sum to at least
`MIN_SHARED_WEIGHT` over at least `MIN_SHARED_TERMS` terms are one story, and a story is a connected
component of such links (a follow-up links to the report before it).

Everything is polars: terms per article, one join of articles on shared terms, and label
propagation over the links (one query per step, a handful of steps). Articles whose terms and
publication period are the same (copies) count once, so a corpus of copies neither weighs terms
down nor multiplies the join.

Columns added to the claims (`STORY_COLUMNS`):
- `story`: a readable label of the article's story (its most shared terms), null for an article
  linked to no other;
- `story_unit_single`: for a quantity, whether its unit counts one thing in its story: no article
  of the story gives a level figure of the unit with an actor or a place, or two different level
  figures of it (in a story of two countries, a death toll with no place may be either's or the
  sum; "26 der 27 Staaten" counts two things). Null for claims that are no quantity or in no story.
"""

from __future__ import annotations

import math
from functools import lru_cache

import polars as pl

from checker.lexicon import load_lexicon

WINDOW_DAYS = 31
# A term carried by at most one article in RARE_SHARE counts fully, one carried by all not at all,
# on a log scale between; BACKGROUND_ARTICLES that carry no term are added to the corpus, so that in
# a corpus of a handful of articles, where every term is carried by a large share, shared terms
# still tell.
RARE_SHARE = 20
BACKGROUND_ARTICLES = 20
# Terms of more articles weigh little and would make the join of articles on terms grow with the square of their number.
MAX_ARTICLES_PER_TERM = 60
MIN_SHARED_WEIGHT = 5.0
MIN_SHARED_TERMS = 5
LABEL_TERMS = 3

STORY_COLUMNS: dict[str, pl.DataType] = {"story": pl.String, "story_unit_single": pl.Boolean}

# A capitalised word of at least three letters, hyphenated compounds whole ("GDL-Chef"), or an acronym ("RKI").
_TERM = r"\p{Lu}[\p{L}\-]*\p{L}{1,}"
_FIRST_WORD = r"^\W*\S+"


@lru_cache(maxsize=1)
def ignored_terms() -> list[str]:
    content = load_lexicon("stories")
    terms = content.get("ignored_terms") if isinstance(content, dict) else None
    if not isinstance(terms, list) or not all(isinstance(term, str) and term for term in terms):
        from checker.lexicon import LexiconError

        raise LexiconError("lexicons/de/stories.yaml: ignored_terms must be a list of words")
    return sorted(set(terms))


def article_terms(claims: pl.LazyFrame) -> pl.LazyFrame:
    """(article, term): the distinct terms of each article's claims."""
    # Copies of an article repeat its sentences: each distinct sentence is read once.
    mentions = claims.select("article", "sentence").unique()
    sentence_terms = (
        mentions.select("sentence")
        .unique()
        .with_columns(pl.col("sentence").str.replace(_FIRST_WORD, "").str.extract_all(_TERM).alias("term"))
        .explode("term")
    )
    words = mentions.join(sentence_terms, on="sentence").select("article", "term")
    entities = [
        claims.select("article", pl.col(column).alias("term"))
        for column in ("actor", "location", "source", "meeting_place")
    ]
    participants = claims.select("article", pl.col("meeting_participants").alias("term")).explode("term")
    ignored = ignored_terms()
    return (
        pl.concat([words, *entities, participants], how="vertical")
        .filter(pl.col("term").is_not_null() & (pl.col("term").str.len_chars() >= 3) & ~pl.col("term").is_in(ignored))
        .unique()
    )


def _nodes(claims: pl.DataFrame) -> pl.DataFrame:
    """(article, node, published_start, published_end, representative): copies of an article (the
    same claim sentences and entities, the same publication period) are one node, read once
    through its first article."""
    # One hash per claim of the fields the terms come from (hashed as they are: no joined copy of
    # every sentence is built).
    content = pl.struct(
        [pl.col(column) for column in ("sentence", "actor", "location", "source", "meeting_place")]
        + [pl.col("meeting_participants").list.join("+")]
    ).hash()
    return (
        claims.lazy()
        .group_by("article")
        .agg(
            content.unique().sort().alias("contents"),
            pl.col("published_start").min(),
            pl.col("published_end").max(),
        )
        .with_columns(pl.struct("contents", "published_start", "published_end").hash().alias("node"))
        .drop("contents")
        .with_columns((pl.col("article") == pl.col("article").min().over("node")).alias("representative"))
        .collect()
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


def with_stories(claims: pl.DataFrame) -> pl.DataFrame:
    """`claims` with the `STORY_COLUMNS` (see the module's description)."""
    nodes_of = _nodes(claims)
    representatives = nodes_of.filter("representative")
    node_terms = (
        article_terms(claims.lazy().filter(pl.col("article").is_in(representatives["article"].implode())))
        .join(representatives.lazy().select("article", "node"), on="article")
        .select("node", "term")
        .collect()
        .lazy()
    )
    corpus_size = representatives.height + BACKGROUND_ARTICLES
    weights = (
        node_terms.group_by("term")
        .agg(pl.len().alias("carried_by"))
        .filter(pl.col("carried_by").is_between(2, MAX_ARTICLES_PER_TERM))
        .select(
            "term",
            ((corpus_size / pl.col("carried_by")).log() / math.log(RARE_SHARE)).clip(0.0, 1.0).alias("weight"),
        )
    )
    weighted = node_terms.join(weights, on="term")
    nodes = representatives.select("node", "published_start", "published_end")
    gap = pl.max_horizontal("published_start", "published_start_b") - pl.min_horizontal("published_end", "published_end_b")
    edges = (
        weighted.join(weighted.select("term", pl.col("node").alias("node_b")), on="term")
        .filter(pl.col("node") < pl.col("node_b"))
        .group_by("node", "node_b")
        .agg(pl.col("weight").sum(), pl.len().alias("shared"))
        .filter((pl.col("weight") >= MIN_SHARED_WEIGHT) & (pl.col("shared") >= MIN_SHARED_TERMS))
        .join(nodes.lazy(), on="node")
        .join(nodes.lazy().rename(lambda column: column + "_b"), on="node_b")
        .filter(gap <= pl.duration(days=WINDOW_DAYS))
        .select("node", "node_b")
        .collect()
    )
    # Copies of one article linked to no other are no story: they can only repeat each other.
    linked = pl.concat([edges.select("node"), edges.select(pl.col("node_b").alias("node"))]).unique()
    components = _components(linked, edges)
    labels = _labels(representatives.select("node", "article").join(components, on="node"), node_terms).collect()
    story_of_node = components.join(labels, on="component").select("node", "story")
    story_of_article = nodes_of.select("article", "node").join(story_of_node, on="node").select("article", "story")
    keyed = claims.join(story_of_article, on="article", how="left", maintain_order="left")
    return keyed.with_columns(_unit_single(keyed))


def _labels(story_of_node: pl.DataFrame, node_terms: pl.LazyFrame) -> pl.LazyFrame:
    """(component, story): the terms most articles of the story carry, rarest first on ties; a label
    two stories would share gets the story's first article."""
    ranked = (
        node_terms.join(story_of_node.lazy(), on="node")
        .group_by("component", "term")
        .agg(pl.len().alias("articles"))
        .join(node_terms.group_by("term").agg(pl.len().alias("corpus_articles")), on="term")
        .sort(["component", "articles", "corpus_articles", "term"], descending=[False, True, False, False])
        .group_by("component", maintain_order=True)
        .agg(pl.col("term").head(LABEL_TERMS).str.join(", ").alias("story"))
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


def _unit_single(keyed: pl.DataFrame) -> pl.Expr:
    """Whether a quantity's unit counts one thing in its story (see the module's description)."""
    level = (pl.col("kind") == "quantity") & (pl.col("quantity_role") == "level") & pl.col("story").is_not_null()
    placed = (pl.col("actor").is_not_null() | pl.col("location").is_not_null()) & level
    unit_story = ["story", "quantity_unit"]
    per_article = pl.col("quantity_value").filter(level).n_unique().over([*unit_story, "article"])
    single = ~placed.any().over(unit_story) & (per_article.max().over(unit_story) <= 1)
    return pl.when((pl.col("kind") == "quantity") & pl.col("story").is_not_null()).then(single).otherwise(None).alias("story_unit_single")
