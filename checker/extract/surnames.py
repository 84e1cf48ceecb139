"""One name per person across articles: a meeting party named by a surname alone ("Mattle", from
"Landeshauptmann Mattle" in an article that never gives the first name) is the person another
article names in full ("Anton Mattle"), when the corpus names exactly one such person.

Within an article the parties stage already resolves a surname to the full name introduced before
(`ArticleParties._introduction`); across articles only the claims know both forms, so this runs on
all claims at once, before the event linker and the rules that group by participants, and the same
meeting reported under both forms gets one participants list and one event key. The mapping is
made of the set of names only, never of row order, so it is deterministic.

Known people and bodies are named canonically by the gazetteer already and are left alone: a
single word the gazetteer knows ("Verdi", "Merano") is no surname, and a gazetteer name that is no
person ("Europäische Union") is no full name, nor is a known person's whose surname alone the gazetteer
knows: left as written, that surname names someone else ("Landrat Merz" is not Friedrich Merz). Two full names with one surname ("Anna Weber",
"Jens Weber") leave the surname as written.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from checker.extract.gazetteer import load_gazetteer

# A full name: two or more words, the last one capitalised (the surname).
_FULL_NAME = r"^\S.*\s([A-ZÄÖÜ][^\s]+)$"


@lru_cache(maxsize=1)
def _named_by_surname_alone() -> list[str]:
    """The known people whose surname alone is an alias of theirs ("Merz": Friedrich Merz). Such a
    surname left as written was read as someone else where it stands ("Landrat Merz", gazetteer.py),
    so these full names are no one's full name for it."""
    gazetteer = load_gazetteer()
    return sorted(
        name for name, entity in gazetteer.entities.items()
        if entity.type == "person" and gazetteer.surface.get(name.split()[-1].lower()) == (name, "alias")
    )


def unify_surnames(claims: pl.DataFrame) -> pl.DataFrame:
    """`claims` with every meeting party named by a surname alone replaced by the one full name with
    that surname among all meeting parties of the corpus, if there is exactly one."""
    meetings = claims.lazy().filter(pl.col("kind") == "meeting")
    names = meetings.select(pl.col("meeting_participants").explode().drop_nulls().unique().alias("name")).collect()
    if names.is_empty():
        return claims
    entities = load_gazetteer().entities
    not_persons = [name for name, entity in entities.items() if entity.type != "person"]
    full_names = (
        names.filter(~pl.col("name").is_in(not_persons) & ~pl.col("name").is_in(_named_by_surname_alone()))
        .with_columns(pl.col("name").str.extract(_FULL_NAME, 1).alias("surname"))
        .drop_nulls("surname")
        .group_by("surname")
        .agg(pl.col("name").first().alias("full_name"), pl.len().alias("people"))
        .filter(pl.col("people") == 1)
    )
    surnames = names.filter(~pl.col("name").str.contains(r"\s") & ~pl.col("name").is_in(list(entities)))
    mapping = surnames.join(full_names, left_on="name", right_on="surname").sort("name")
    if mapping.is_empty():
        return claims
    renamed = dict(zip(mapping["name"].to_list(), mapping["full_name"].to_list()))
    named_by_surname = pl.col("meeting_participants").list.eval(pl.element().is_in(list(renamed))).list.any()
    return claims.with_columns(
        pl.when((pl.col("kind") == "meeting") & named_by_surname)
        .then(pl.col("meeting_participants").list.eval(pl.element().replace(renamed)).list.unique().list.sort())
        .otherwise(pl.col("meeting_participants"))
        .alias("meeting_participants")
    )
