"""`checker claim`: one sentence checked against the corpus with the same rules.

The sentence becomes a one-article corpus dated by `--published`; its claims join the corpus claims
(already extracted, and cached by the pipeline), events are linked across both, and the rules run.
Only findings that involve the sentence count. A journalist's sentence often leaves out what the
corpus knows ("rund 50.000 Soldaten an der Grenze zur Ukraine" names no actor): a missing actor or
location is taken from the corpus series of the same unit that it most plausibly belongs to, and
the output says so. Likewise a sentence is too short to share enough terms with any article to
belong to a story (`checker.stories`) on its own, yet a desk typing one sentence means a story of
the corpus: it joins the story it shares the most distinctive terms with (see `join_nearest_story`).
The corpus's stories are the ones `checker check` finds, never reshaped by the sentence
(`in_corpus_stories`): the sentence is compared only where `check` would compare it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import polars as pl

from checker.comparability import rule_lists, story_reason, with_rule_matches
from checker.document import Document
from checker.engine import active_rules, apply_rules, uses_stories
from checker.extract import extract_document
from checker.interval_gap import interval_gap
from checker.pipeline import Extraction, link_events
from checker.published import PublicationDate
from checker.report.evidence import Quote, quotes_by_finding
from checker.rules import Rule
from checker.schema import CLAIMS_SCHEMA, NULL_IS_A_GROUP, validate_frame
from checker.stories import LABEL_TERMS, STORY_COLUMNS, WINDOW_DAYS, article_terms, placed_where_its_story_is, unit_single_in_story, with_stories
from checker.story_terms import text_terms

CLAIM_ARTICLE = "claim"
# Worst verdict first: one contradiction outweighs any number of confirmations.
VERDICT_BY_KIND = (("contradiction", "contradicted"), ("update", "updated"), ("confirmation", "supported"))
SERIES_FIELDS = ("actor", "location")


@dataclass
class ClaimVerdict:
    claims: pl.DataFrame
    verdict: str
    findings: pl.DataFrame
    quotes: dict[str, list[Quote]]
    assumptions: list[str] = field(default_factory=list)
    # Claims no rule compares, or none with the same figure the corpus holds, each with why: "the
    # corpus says nothing" would be untrue of them.
    not_compared: list[str] = field(default_factory=list)


def _log_distance(value: float | None, other: float | None) -> float:
    if not value or not other or value <= 0 or other <= 0:
        return math.inf
    return abs(math.log(value) - math.log(other))


def complete_from_corpus(claims: pl.DataFrame, corpus: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    """Fill a quantity claim's missing actor/location from the corpus series it most plausibly belongs to.

    Candidates are the corpus series (unit, actor, location) that agree on every field the sentence
    does name; the one holding the figure closest in magnitude (log scale) wins, so 170.000 soldiers joins the series of
    150.000, not the one of 3.000. The corpus's series that name no actor or location are candidates
    too, and lend nothing when they win: a sentence's "200.000 Versicherte betroffen" is of the
    corpus's "300.000 Versicherte betroffen" that names neither, not of the insurer's "1,5 Millionen
    Versicherte" in Germany (a part is no level of the whole). At equal distance a series naming both wins.
    """
    corpus_series = (
        corpus.filter(pl.col("kind") == "quantity", pl.col("quantity_role") == "level")
        .group_by("quantity_unit", "actor", "location")
        .agg(pl.col("quantity_value").drop_nulls().alias("values"))
        .sort("quantity_unit", "actor", "location", nulls_last=True)
    )
    rows, notes = [], []
    for row in claims.iter_rows(named=True):
        missing = [name for name in SERIES_FIELDS if row[name] is None]
        if row["kind"] == "quantity" and row["quantity_unit"] and missing:
            candidates = corpus_series.filter(pl.col("quantity_unit") == row["quantity_unit"])
            for name in SERIES_FIELDS:
                if row[name] is not None:
                    candidates = candidates.filter(pl.col(name) == row[name])
            if candidates.height:
                best = min(
                    candidates.iter_rows(named=True),
                    key=lambda c: (
                        min((_log_distance(row["quantity_value"], v) for v in c["values"]), default=math.inf),
                        any(c[name] is None for name in SERIES_FIELDS),
                        c["actor"] or "",
                        c["location"] or "",
                    ),
                )
                if all(best[name] is not None for name in SERIES_FIELDS):
                    for name in missing:
                        row[name] = best[name]
                    filled = ", ".join(f"{name} {best[name]}" for name in missing)
                    notes.append(f"'{row['text']}' names no {' or '.join(missing)}: compared as {filled}, the corpus series closest in size")
        rows.append(row)
    return pl.DataFrame(rows, schema=CLAIMS_SCHEMA) if rows else claims, notes


def _claims_in(findings: pl.DataFrame) -> set[str]:
    """The ids of the claims some finding involves."""
    return set(findings["claims"].explode().to_list()) if "claims" in findings.columns else set()


def _series_of(row: dict) -> str:
    """The series fields a figure names, for a note: "actor none, location Halle (Saale)"."""
    return ", ".join(f"{name} {row[name] or 'none'}" for name in SERIES_FIELDS)


def _key_names(rules: list[Rule]) -> list[str]:
    """The fields `rules` group claims by, each once, in order: "quantity_unit", "location", "story".
    A field whose null is a group of its own (`NULL_IS_A_GROUP`: whether a figure is a part of a
    whole) names no series a desk would look for: left out."""
    return list(dict.fromkeys(column for rule in rules for column in rule.group_by if column not in NULL_IS_A_GROUP))


def same_figure_in_corpus(row: dict, corpus: pl.DataFrame) -> str:
    """Where the corpus holds a figure like a claim's (same unit, role and interval), quoted: a
    desk typing a figure the corpus has word for word must learn it is there, even where no rule
    compares the two ("41 Masernfälle" beside an article's "in Halle … auf 41 gestiegen")."""
    if row["kind"] != "quantity" or row["quantity_unit"] is None:
        return ""
    same = corpus.filter(
        pl.col("kind") == "quantity",
        pl.col("quantity_unit") == row["quantity_unit"],
        pl.col("quantity_role").eq_missing(row["quantity_role"]),
        pl.col("quantity_low").eq_missing(row["quantity_low"]),
        pl.col("quantity_high").eq_missing(row["quantity_high"]),
    ).sort("published_start", "article", "line").head(3)
    if same.is_empty():
        return ""
    quoted = "; ".join(f"{held['article']}, line {held['line']} ({_series_of(held)}): \"{held['sentence']}\"" for held in same.iter_rows(named=True))
    return f"; the corpus holds the same figure, not compared with it: {quoted}"


def not_compared(claims: pl.DataFrame, rules: list[Rule], corpus: pl.DataFrame, findings: pl.DataFrame) -> list[str]:
    """Why each claim that no rule compares is left out: no rule is about claims like it (a figure
    of its unit and role), the rules about it need a field it does not name (an actor, a place), or
    its story counts more than one thing in its unit (`checker.comparability`, which the report's
    count of figures not compared reads too); each with the same figure where the corpus holds it
    (`same_figure_in_corpus`). And of a figure compared but in no finding, the same figure where
    the corpus holds it in another series: "the corpus says nothing" would be untrue."""
    active = active_rules(rules)
    by_id = {rule.id: rule for rule in active}
    involved = _claims_in(findings)
    notes = []
    for row in with_rule_matches(claims, active).iter_rows(named=True):
        lists = rule_lists(row, active)
        keyed = [by_id[rule_id] for rule_id in lists["keyed"]]
        if lists["compared"]:
            if row["id"] in involved:
                continue
            other_series = corpus.filter(~pl.all_horizontal([pl.col(name).eq_missing(row[name]) for name in SERIES_FIELDS]))
            same_figure = same_figure_in_corpus(row, other_series)
            if same_figure:
                keys, ids = " and ".join(_key_names(keyed)), ", ".join(rule.id for rule in keyed)
                notes.append(f"'{row['text']}' ({_series_of(row)}) is compared only with figures of the same {keys} ({ids}){same_figure}")
            continue
        # A rule whose key the claim names but whose story condition leaves it out (a unit its story
        # also counts with a place or an actor, so one without names not which) does not compare it.
        in_story = lists["keyed"]
        about = [by_id[rule_id] for rule_id in lists["about"] if rule_id not in in_story]
        same_figure = same_figure_in_corpus(row, corpus)
        story_note = f"{story_reason(row['quantity_unit'])}, so {', '.join(in_story)} cannot tell which of them it is" if in_story else ""
        if story_note and not about:
            notes.append(f"'{row['text']}' is not compared: {story_note}{same_figure}")
            continue
        reasons = _left_out_reasons(row, active)
        if not about:
            what = f"{row['quantity_role'] or 'level'} figures in {row['quantity_unit']}" if row["kind"] == "quantity" else f"{row['kind']} claims like it"
            # The rules of its kind say why they leave its unit out (options.why_left_out), else in their descriptions.
            of_kind = [rule for rule in active if rule.select.get("kind") == row["kind"]]
            why = ""
            if reasons:
                why = f"; why: {'; '.join(reasons)}"
            elif of_kind:
                why = f"; why: `checker rules explain {of_kind[0].id}`" + "".join(f", {rule.id}" for rule in of_kind[1:])
            notes.append(f"'{row['text']}' is not compared: no rule compares {what}, the corpus was not searched for it{why}{same_figure}")
            continue
        missing = lists["missing"]
        ids = ", ".join(rule.id for rule in about)
        needs = "needs" if len(about) == 1 else "need"
        named = [column for column in missing if column not in STORY_COLUMNS]
        lacks = [f"names no {' or '.join(named)}"] if named else []
        if len(named) < len(missing):
            lacks.append(f"belongs to no story of the corpus (no story with articles within {WINDOW_DAYS} days of it shares a distinctive term with it)")
        # A rule that would group the claim by what it names (a place), but leaves its unit out, is
        # why it is not compared as much as the field it lacks ("40.000 Beschäftigte" in NRW).
        by_unit = lists["by_unit"]
        unit_note = f"; {', '.join(by_unit)} would compare it by what it names, but {'takes' if len(by_unit) == 1 else 'take'} no figures in {row['quantity_unit']}" if by_unit else ""
        story_part = f"; {story_note}" if story_note else ""
        # A unit the other rules leave out says why they do (a percentage QTY007 compares only with its measure).
        why_others = f"; the other rules leave out its unit: {'; '.join(reasons)}" if reasons else ""
        notes.append(f"'{row['text']}' is not compared: it {' and '.join(lacks)}, which {ids} {needs} to compare it{unit_note}{story_part}{why_others}{same_figure}")
    return notes


def _left_out_reasons(row: dict, active: list[Rule]) -> list[str]:
    """Why the rules of a claim's kind leave its unit out, as they say (options.why_left_out): "QTY001: …"."""
    of_kind = [rule for rule in active if rule.select.get("kind") == row["kind"]]
    return [f"{rule.id}: {rule.options['why_left_out'][row['quantity_unit']]}" for rule in of_kind if row["quantity_unit"] in rule.options.get("why_left_out", {})]


def series_kept_apart(claims: pl.DataFrame, corpus: pl.DataFrame, findings: pl.DataFrame) -> list[str]:
    """Of each figure no finding involves, whether the corpus holds level figures of its unit that
    only its actor or place keeps apart ("Taiwan zählte 30 chinesische Schiffe", actor China, beside
    the corpus's "19 Schiffe" without one): "the corpus says nothing" would hide that they exist."""
    involved = _claims_in(findings)
    levels = corpus.filter(pl.col("kind") == "quantity", pl.col("quantity_role").fill_null("level") == "level")
    notes = []
    for row in claims.filter(pl.col("kind") == "quantity", ~pl.col("id").is_in(list(involved))).iter_rows(named=True):
        same_unit = levels.filter(pl.col("quantity_unit") == row["quantity_unit"])
        if same_unit.is_empty() or same_unit.filter(*[pl.col(name).eq_missing(row[name]) for name in SERIES_FIELDS]).height:
            continue
        others = same_unit.group_by(SERIES_FIELDS).agg(pl.col("text").unique(maintain_order=True).head(3)).sort(SERIES_FIELDS, nulls_last=True).head(3)
        held = "; ".join(f"{_series_of(o)}: {', '.join(o['text'])}" for o in others.iter_rows(named=True))
        notes.append(f"'{row['text']}' ({_series_of(row)}) is compared only with figures of its actor and location; the corpus holds figures in {row['quantity_unit']} of others ({held})")
    return notes


def meeting_reports_without_finding(claims: pl.DataFrame, corpus: pl.DataFrame, findings: pl.DataFrame) -> list[str]:
    """Of each meeting of the sentence that no finding involves, the corpus's reports of the same
    meeting (its event key), if it has any: "the corpus says nothing" would be untrue of it. Some
    statuses are not ordered against each other (planned again after a cancellation): the sentence's
    status is then not compared with them."""
    involved = _claims_in(findings)
    reports = corpus.filter(pl.col("kind") == "meeting", pl.col("meeting_event").is_not_null())
    notes = []
    for row in claims.filter(pl.col("kind") == "meeting", pl.col("meeting_event").is_not_null(), ~pl.col("id").is_in(list(involved))).iter_rows(named=True):
        same = reports.filter(pl.col("meeting_event") == row["meeting_event"]).sort("published_start", "article", "meeting_status")
        if same.is_empty():
            continue
        told = "; ".join(f"{report['article']} ({report['published']}): {report['meeting_status']}" for report in same.unique(["article", "meeting_status"], maintain_order=True).iter_rows(named=True))
        notes.append(f"'{row['text']}' ({row['meeting_status']}) is not compared with the corpus's reports of the same meeting ({told}): no rule orders those statuses against it")
    return notes


def in_corpus_stories(combined: pl.DataFrame, corpus_articles: pl.DataFrame) -> pl.DataFrame:
    """`combined` (the corpus claims and the sentence's) with the stories `checker check` finds in
    the corpus alone, the sentence in the one of them it would link to, or in none.

    The sentence must not reshape the corpus's stories: as one more article it changes how much a
    term weighs and so which articles link, and a story that lost an article to it may compare a
    figure `check` does not ("1,2 Millionen Kunden" with a subset's "95.000 Kunden" of a story whose
    other article gives the customer base at a place, so `check` compares no figure of the unit).
    The sentence's story is the corpus story most of the articles it links to belong to."""
    in_corpus = pl.col("article") != CLAIM_ARTICLE
    with_sentence = with_stories(combined, corpus_articles)
    corpus = with_stories(combined.filter(in_corpus), corpus_articles)
    sentence_story = with_sentence.filter(pl.col("article") == CLAIM_ARTICLE)["story"].drop_nulls().first()
    linked = with_sentence.filter(in_corpus & pl.col("story").eq_missing(sentence_story) & pl.col("story").is_not_null()).select("article").unique()
    nearest = (
        corpus.join(linked, on="article").filter(pl.col("story").is_not_null())
        .group_by("story").agg(pl.col("article").n_unique().alias("articles"))
        .sort(["articles", "story"], descending=[True, False])["story"].first()
    )
    sentence = combined.filter(~in_corpus).with_columns(pl.lit(nearest, dtype=pl.String).alias("story"), pl.lit(None, dtype=pl.Boolean).alias("story_unit_single"))
    joined = pl.concat([corpus, sentence.select(corpus.columns)], how="vertical")
    return joined.with_columns(unit_single_in_story(joined))


def join_nearest_story(storied: pl.DataFrame, articles: pl.DataFrame, text: str) -> tuple[pl.DataFrame, str | None]:
    """`storied` (claims with their stories) with the sentence's claims in the corpus story it
    shares the most distinctive terms with, and a note saying which story and why; unchanged when
    the sentence belongs to a story on its own or shares no term with a story near its date.

    The terms are those stories are found by (`article_terms`: capitalised words, canonical
    actors, places and sources, without the words that link nothing), of the articles published
    within `WINDOW_DAYS` of the sentence, the same window that links two articles. The story
    sharing the most of them wins, then the one with the article closest in date: a sentence
    about Israel's hostages joins the Gaza story, not an asylum story of the same weeks. One shared
    term is enough, unlike between articles: the sentence is all the desk gives, and the rules
    still compare only figures of its unit and actor. An article linked to no other is a story of
    its own that the sentence may join, as a second report of its news would ("An Bord der
    Polarstern sind rund 80 Forschende" beside the day's report of the ship's return): the two
    are then a story, labelled by the terms they share. What the sentence's figure counts, of whom or
    where, is one shared term with an article counting the same ("7000 Menschen aus Deutschland
    abgeschoben" with an article's deportations of Germany, `_shared_counted_things`): a typed
    sentence's words are mostly ones that link nothing ("Quartal", "Menschen", "Deutschland")."""
    sentence = storied.filter(pl.col("article") == CLAIM_ARTICLE)
    if sentence["story"].is_not_null().any():
        return storied, None
    published_start, published_end = sentence["published_start"].min(), sentence["published_end"].max()
    gap = interval_gap("published_start", "published_end", pl.lit(published_start), pl.lit(published_end))
    # A story is its label, an article of no story its own id.
    story_articles = (
        storied.filter(pl.col("article") != CLAIM_ARTICLE).select("article", "story").unique()
        .join(articles.select("article", "published_start", "published_end", "terms"), on="article")
        .with_columns(gap.alias("gap"), pl.col("story").is_null().alias("alone"), pl.coalesce("story", "article").alias("candidate"))
        .filter(pl.col("gap") <= pl.duration(days=WINDOW_DAYS))
    )
    sentence_terms = article_terms(sentence.lazy(), pl.LazyFrame({"article": [CLAIM_ARTICLE], "terms": [text_terms(text)]})).select("term").unique()
    in_window = storied.filter(pl.col("article").is_in(story_articles["article"].implode()))
    shared_terms = article_terms(in_window.lazy(), story_articles.lazy().select("article", "terms")).join(sentence_terms, on="term")
    shared = (
        pl.concat([shared_terms.select("article", "term", "form"), _shared_counted_things(sentence, in_window)])
        .join(story_articles.lazy().select("article", "candidate", "alone", "gap"), on="article")
        # One form a term: "Israel" and "Israels" are one shared term, named once.
        .group_by("candidate", "alone", "term")
        .agg(pl.col("form").min(), pl.col("gap").min())
        .group_by("candidate", "alone")
        .agg(pl.len().alias("shared"), pl.col("form").sort().alias("forms"), pl.col("gap").min())
        .sort(["shared", "gap", "alone", "candidate"], descending=[True, False, False, False])
        .collect()
    )
    if shared.is_empty():
        return storied, None
    best = shared.row(0, named=True)
    if best["alone"]:
        story = f"{', '.join(best['forms'][:LABEL_TERMS])} ({best['candidate']})"
        members = [best["candidate"], CLAIM_ARTICLE]
        whose = f"article {best['candidate']} and the sentence), the article of no story"
    else:
        story = best["candidate"]
        members = [CLAIM_ARTICLE]
        whose = f"articles {', '.join(sorted(story_articles.filter(pl.col('story') == story)['article'].unique().to_list()))}), the story of articles"
    joined = storied.with_columns(pl.when(pl.col("article").is_in(members)).then(pl.lit(story)).otherwise(pl.col("story")).alias("story"))
    joined = joined.with_columns(unit_single_in_story(joined))
    note = (
        f"the sentence is too short to belong to a story on its own: compared within the story '{story}' "
        f"({whose} within {WINDOW_DAYS} days of it that shares the most terms with it "
        f"({', '.join(best['forms'])})"
    )
    return joined, note


def _shared_counted_things(sentence: pl.DataFrame, corpus: pl.DataFrame) -> pl.LazyFrame:
    """(article, term, form): each thing a figure of the sentence counts, of a named actor or at a
    named place (its unit, actor and place: "deportation (Germany)"), with every article of `corpus`
    that gives a figure of the same. A unit alone ("Menschen", "Stellen") is counted by many stories
    of the same weeks and tells none of them; with whose or where it is, it is the sentence's news."""
    thing = ["quantity_unit", "actor", "location"]
    counted = pl.col("quantity_unit").is_not_null() & (pl.col("actor").is_not_null() | pl.col("location").is_not_null())
    sentence_things = sentence.lazy().filter(counted).select(thing).unique()
    named = pl.concat_str([pl.col("quantity_unit"), pl.lit(" ("), pl.concat_str(["actor", "location"], separator=", ", ignore_nulls=True), pl.lit(")")])
    return (
        corpus.lazy().filter(counted).select("article", *thing).unique()
        .join(sentence_things, on=thing, nulls_equal=True)
        .select("article", named.alias("term"), named.alias("form"))
    )


def taken_off_places(storied: pl.DataFrame, articles: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    """`storied` with the place taken off each figure that names the place its whole story is at
    (`placed_where_its_story_is`, as `check` does), now that the sentence is in a story, and a note
    for each of the sentence's: a desk naturally names the place ("Bei der Gasexplosion in Hagen
    wurden neun Menschen verletzt") where the story's reports count the unit without one."""
    unplaced = placed_where_its_story_is(storied, articles)
    if unplaced is storied:
        # No place taken off: its `story_unit_single` is already that of these claims.
        return storied, []
    sentence = pl.col("article") == CLAIM_ARTICLE
    taken = storied.filter(sentence, pl.col("location").is_not_null(), pl.col("id").is_in(unplaced.filter(sentence, pl.col("location").is_null())["id"].implode()))
    notes = [
        f"'{row['text']}' names {row['location']}, where every article of its story '{row['story']}' is, "
        f"which counts {row['quantity_unit']} with no place: compared as the story's figure without a place"
        for row in taken.iter_rows(named=True)
    ]
    return unplaced.with_columns(unit_single_in_story(unplaced)), notes


def disputed_in_corpus(every_finding: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """The findings that involve the sentence, and the corpus's contradictions of the figures it
    agrees with. A sentence without a source ("8000 Karten waren verkauft") that gives one source's
    figure (the promoter's "rund 8000": intervals that overlap, in a series the sentence is in, by
    the findings' subject) says what `checker check` reports as disputed by another source ("laut
    Stadt lediglich 5500"): the sentence is contradicted as that figure is, not "updated" to or from
    the other source's figure, whose update findings with the sentence are dropped. A sentence the
    rules compare without a finding ("rund 45 Wohnungen" beside the police's 45: neither the same
    figure nor another) is in the series of the figures with its unit, actor, place and story
    (`claims` as compared): agreeing with one side, it is disputed as that side is."""
    involves_sentence = pl.col("articles").list.contains(CLAIM_ARTICLE)
    findings = every_finding.filter(involves_sentence)
    corpus_contradictions = every_finding.filter(~involves_sentence & (pl.col("kind") == "contradiction"))
    if corpus_contradictions.is_empty():
        return findings
    sentence_ids = set(claims.filter(pl.col("article") == CLAIM_ARTICLE)["id"].to_list())
    bounds = {row["id"]: (row["quantity_low"], row["quantity_high"]) for row in claims.filter(pl.col("kind") == "quantity").iter_rows(named=True)}

    def overlap(first: str, second: str) -> bool:
        if first not in bounds or second not in bounds:
            return False
        (low, high), (other_low, other_high) = bounds[first], bounds[second]
        return (low is None or other_high is None or low <= other_high) and (other_low is None or high is None or other_low <= high)

    sentence_series = {(finding["subject"], claim) for finding in findings.iter_rows(named=True) for claim in sentence_ids.intersection(finding["claims"])}
    series_keys = [name for name in ("quantity_unit", *SERIES_FIELDS, "story") if name in claims.columns]
    # A change or an addition ("um 40 gestiegen") is no figure of the series, whatever its interval.
    quantities = claims.filter(pl.col("kind") == "quantity", pl.col("quantity_role") == "level").select("id", "article", *series_keys)
    same_series = set(
        quantities.filter(pl.col("article") != CLAIM_ARTICLE)
        .join(quantities.filter(pl.col("article") == CLAIM_ARTICLE), on=series_keys, nulls_equal=True, suffix="_sentence")
        .select("id_sentence", "id").iter_rows()
    )
    disputes, disputing = [], set()
    for finding in corpus_contradictions.iter_rows(named=True):
        in_series = {claim for subject, claim in sentence_series if subject == finding["subject"]}
        agreeing = {
            held for held in finding["claims"]
            if any(overlap(claim, held) for claim in in_series) or any(overlap(claim, held) for claim in sentence_ids if (claim, held) in same_series)
        }
        if agreeing and len(agreeing) < len(finding["claims"]):
            disputes.append(finding)
            disputing.update(set(finding["claims"]) - agreeing)
    if not disputes:
        return findings
    updates_to_disputing = (pl.col("kind") != "contradiction") & pl.col("claims").list.eval(pl.element().is_in(sorted(disputing))).list.any()
    return pl.concat([pl.DataFrame(disputes, schema=every_finding.schema), findings.filter(~updates_to_disputing)], how="vertical")


def check_claim(text: str, published: PublicationDate, source: str | None, corpus: Extraction, rules: list[Rule]) -> ClaimVerdict:
    document = Document(CLAIM_ARTICLE, text, published, 0, source)
    claims = extract_document(document)
    if source is not None:
        claims = claims.with_columns(pl.col("source").fill_null(source))
    claims = validate_frame(claims, CLAIMS_SCHEMA, "claim")
    if claims.is_empty():
        return ClaimVerdict(claims, "not_enough_info", pl.DataFrame(), {})
    corpus_claims = corpus.claims.filter(pl.col("article") != CLAIM_ARTICLE)
    claims, assumptions = complete_from_corpus(claims, corpus_claims)
    combined = link_events(pl.concat([corpus_claims, claims], how="vertical"))
    claims = combined.filter(pl.col("article") == CLAIM_ARTICLE)
    corpus_articles = corpus.articles.filter(pl.col("article") != CLAIM_ARTICLE)
    # Whether a claim was compared may depend on its story, found from the corpus like the rules do.
    active = active_rules(rules)
    storied = combined
    if any(uses_stories(rule) for rule in active):
        storied, story_note = join_nearest_story(in_corpus_stories(combined, corpus_articles), corpus_articles, text)
        assumptions += [story_note] if story_note else []
        storied, place_notes = taken_off_places(storied, corpus_articles)
        assumptions += place_notes
    every_finding = apply_rules(storied, rules, corpus_articles, of_article=CLAIM_ARTICLE)
    findings = disputed_in_corpus(every_finding, storied)
    verdict = next((name for kind, name in VERDICT_BY_KIND if (findings["kind"] == kind).any()), "not_enough_info")
    quotes = quotes_by_finding(findings, combined, corpus.articles)
    # The sentence's figures as compared: a place its story is at may have been taken off.
    assumptions += series_kept_apart(storied.filter(pl.col("article") == CLAIM_ARTICLE), corpus_claims, findings)
    left_out = not_compared(storied.filter(pl.col("article") == CLAIM_ARTICLE), rules, corpus_claims, findings) + meeting_reports_without_finding(
        claims, corpus_claims, findings
    )
    return ClaimVerdict(claims, verdict, findings, quotes, assumptions, left_out)
