"""The comparison engine on claim frames built by hand: each check type, independent of the extractors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from checker.engine import CONTENT_COLUMNS, apply_rules, content_key, fingerprint
from checker.published import PublicationDate
from checker.rules import load_rules
from checker.schema import CLAIMS_SCHEMA, validate_frame

RULES = {rule.id: rule for rule in load_rules(Path(__file__).parent.parent / "rules")}


def claim(article: str, published: str, kind: str, start: int = 0, **fields) -> dict:
    """One CLAIMS_SCHEMA row; `start` only makes the id (and offsets) differ."""
    publication = PublicationDate.parse(published)
    row = {column: None for column in CLAIMS_SCHEMA}
    row.update(
        id=f"{article}#{kind}@{start}-{start + 5}", article=article, published=publication.text,
        published_start=publication.start, published_end=publication.end, kind=kind, text=fields.pop("text", "…"),
        span_start=start, span_end=start + 5, line=1 + start // 80, sentence_index=0, sentence="…",
        meeting_participants=fields.pop("meeting_participants", None),
        # As the Claim dataclass fills it: a quantity nobody marked as an increment is a level.
        quantity_role=fields.pop("quantity_role", "level" if kind == "quantity" else None),
    )
    row.update(fields)
    return row


def frame(*rows: dict) -> pl.DataFrame:
    return validate_frame(pl.DataFrame(list(rows), schema=CLAIMS_SCHEMA), CLAIMS_SCHEMA, "test")


def troops(article: str, published: str, low: float | None, high: float | None, value: float, start: int = 0, actor="Russia", **fields) -> dict:
    return claim(article, published, "quantity", start, quantity_low=low, quantity_high=high, quantity_value=value,
                 quantity_unit="soldier", actor=actor, location="Ukraine border", **fields)


def meeting(article: str, published: str, start: int = 0, **fields) -> dict:
    fields.setdefault("meeting_participants", ["Joe Biden", "Wladimir Putin"])
    fields.setdefault("meeting_event", "biden-putin-2021-06")
    return claim(article, published, "meeting", start, **fields)


def run(rule_id: str, *rows: dict) -> pl.DataFrame:
    return apply_rules(frame(*rows), [RULES[rule_id]])


def kinds(findings: pl.DataFrame) -> list[tuple[str, list[str]]]:
    return [(row["kind"], row["articles"]) for row in findings.iter_rows(named=True)]


# --- quantity_series ------------------------------------------------------------------------

MORE_THAN_100K = (100_000, None, 100_000)
ABOUT_150K = (135_000, 165_000, 150_000)
ABOUT_60K = (54_000, 66_000, 60_000)
UP_TO_190K = (None, 190_000, 190_000)


def test_open_and_rounded_figures_of_one_month_refine_each_other():
    findings = run("QTY001", troops("a", "2022-02", *MORE_THAN_100K), troops("b", "2022-02", *ABOUT_150K))
    assert kinds(findings) == [("update", ["a", "b"])]
    assert "refined from" in findings["message"][0] and "≥ 100.000" in findings["message"][0]


def test_disjoint_figures_of_one_month_contradict_and_name_both_values():
    findings = run(
        "QTY001", troops("a", "2022-02", *MORE_THAN_100K), troops("b", "2022-02", *ABOUT_150K), troops("c", "2022-02", *ABOUT_60K)
    )
    contradictions = findings.filter(pl.col("kind") == "contradiction")
    assert sorted(tuple(articles) for articles in contradictions["articles"]) == [("a", "c"), ("b", "c")]
    message = contradictions.filter(pl.col("articles").list.contains("b"))["message"][0]
    assert "54.000–66.000" in message and "135.000–165.000" in message and "2022-02" in message


def test_an_upper_bound_is_compatible_with_every_lower_figure():
    findings = run("QTY001", troops("a", "2022-02", *ABOUT_150K), troops("d", "2022-02", *UP_TO_190K), troops("b", "2022-02", *MORE_THAN_100K))
    assert "contradiction" not in findings["kind"].to_list()


def test_disjoint_figures_of_different_months_are_a_change_not_a_contradiction():
    findings = run("QTY001", troops("a", "2021-04", *ABOUT_60K), troops("b", "2022-02", *ABOUT_150K))
    assert kinds(findings) == [("update", ["a", "b"])]
    assert "rising" in findings["message"][0]


def test_own_date_orders_figures_within_a_month():
    late = troops("late", "2022-02", *ABOUT_60K, date_start=date(2022, 2, 20), date_end=date(2022, 2, 20), date_granularity="day")
    early = troops("early", "2022-02", *ABOUT_150K, date_start=date(2022, 2, 1), date_end=date(2022, 2, 1), date_granularity="day")
    findings = run("QTY001", late, early)
    assert kinds(findings) == [("update", ["early", "late"])]
    assert "falling" in findings["message"][0]


def test_a_figure_whose_period_ends_before_it_starts_is_never_contradicted_within_a_period():
    # "ab März" in a February article: the period runs from 1 March to the end of the publication month.
    from_march = troops("a", "2022-02", *ABOUT_60K, date_start=date(2022, 3, 1), date_granularity="month")
    two_months = troops("b", "2022-02", *ABOUT_150K, date_start=date(2022, 2, 1), date_end=date(2022, 3, 31), date_granularity="range")
    # Between them in the series, so that the two are no pair of neighbours (those are always compared).
    mid_february = troops("c", "2022-02", *ABOUT_150K, date_start=date(2022, 2, 15), date_end=date(2022, 2, 15), date_granularity="day")
    assert sorted(kind for kind, _ in kinds(run("QTY001", from_march, two_months, mid_february))) == ["confirmation", "update"]


def test_tolerance_keeps_nearly_touching_intervals_compatible():
    findings = run("QTY001", troops("a", "2022-02", 100_000, 100_000, 100_000), troops("b", "2022-02", 104_000, 104_000, 104_000))
    assert "contradiction" not in findings["kind"].to_list()
    findings = run("QTY001", troops("a", "2022-02", 100_000, 100_000, 100_000), troops("b", "2022-02", 120_000, 120_000, 120_000))
    assert "contradiction" in findings["kind"].to_list()


def test_a_deployment_or_a_change_never_joins_a_series_of_totals():
    """10.000 more soldiers sent to the border in the month of 150.000 there is no contradiction."""
    total = troops("total", "2022-02", *ABOUT_150K)
    sent = troops("sent", "2022-02", 10_000, 10_000, 10_000, quantity_role="deployment")
    more = troops("more", "2022-02", 9_000, 11_000, 10_000, quantity_role="change")
    for rule_id in ("QTY001", "QTY002"):
        assert run(rule_id, total, sent, more).is_empty()
    # The same figures as totals would contradict: the role is what keeps them apart.
    assert "contradiction" in run("QTY001", total, troops("sent", "2022-02", 10_000, 10_000, 10_000))["kind"].to_list()


def test_a_level_keeps_the_fingerprint_it_had_before_roles_and_a_deployment_gets_its_own():
    def content_key_of(role):
        row = troops("a", "2022-02", *ABOUT_150K, quantity_role=role)
        return frame(row).select(content_key())["content_key"][0]

    # The key of a level is the key of the columns before quantity_role existed, nothing appended.
    before_roles = [column for column in CONTENT_COLUMNS if column != "quantity_role"]
    assert content_key_of("level") == content_key_of(None)
    assert content_key_of("level").count("|") == len(before_roles) - 1
    assert content_key_of("deployment") == content_key_of("level") + "|deployment"
    assert len({content_key_of(role) for role in ("level", "deployment", "change", "addition")}) == 4


def test_measures_and_shares_are_not_counted_series():
    def share(article, value):
        return claim(article, "2022-03", "quantity", quantity_low=value, quantity_high=value, quantity_value=value,
                     quantity_unit="percent", actor="Russia", location="Russia")

    assert run("QTY001", share("a", 7.3), share("b", 5.1)).is_empty()


def test_a_figure_attributed_to_another_actor_is_another_series():
    findings = run("QTY001", troops("a", "2021-12", *MORE_THAN_100K), troops("b", "2021-12", 120_000, None, 120_000, actor="Ukraine"))
    assert findings.is_empty()


def test_a_death_toll_rises_without_contradiction_and_may_not_fall():
    def deaths(article, published, low, high, value):
        return claim(article, published, "quantity", quantity_low=low, quantity_high=high, quantity_value=value, quantity_unit="death", location="Turkey")

    rising = run("QTY001", deaths("a", "2023-02", 5000, 5500, 5000), deaths("b", "2023-03", 36_000, 44_000, 40_000))
    assert kinds(rising) == []  # actor is part of the key: QTY001 needs one
    rule = RULES["QTY001"]
    generic = type(rule)(**{**rule.__dict__, "group_by": ("quantity_unit", "location")})
    rising = apply_rules(frame(deaths("a", "2023-02", 5000, 5500, 5000), deaths("b", "2023-03", 36_000, 44_000, 40_000)), [generic])
    assert kinds(rising) == [("update", ["a", "b"])]
    same_month = apply_rules(frame(deaths("a", "2023-02", 5000, 5500, 5000), deaths("b", "2023-02", 36_000, 44_000, 40_000)), [generic])
    assert "contradiction" not in same_month["kind"].to_list()
    falling = apply_rules(frame(deaths("a", "2023-02", 36_000, 44_000, 40_000), deaths("b", "2023-03", 5000, 5500, 5000)), [generic])
    assert kinds(falling) == [("contradiction", ["a", "b"])]


def test_an_article_repeating_a_figure_is_no_finding():
    findings = run("QTY001", troops("a", "2022-02", *ABOUT_150K), troops("a", "2022-02", *ABOUT_60K, start=200))
    assert findings.is_empty()


def test_updates_link_each_figure_to_the_next_from_another_article():
    findings = run(
        "QTY001",
        troops("a", "2021-10", *ABOUT_60K), troops("a", "2021-11", *ABOUT_60K, start=100),
        troops("b", "2021-12", *MORE_THAN_100K), troops("a", "2022-02", *ABOUT_150K, start=200),
    )
    assert sorted(kinds(findings)) == [("update", ["a", "b"])]
    assert len(findings["claims"][0]) >= 2
    # a 2021-11 -> b 2021-12 and b 2021-12 -> a 2022-02 are both a-b updates: one per pair of articles.
    assert "rising" in findings["message"][0] or "refined" in findings["message"][0]


def test_a_monotonic_count_falling_below_any_earlier_figure_contradicts():
    def deaths(article, published, low, high, value, start=0):
        return claim(article, published, "quantity", start, quantity_low=low, quantity_high=high, quantity_value=value, quantity_unit="death", location="Turkey")

    findings = run(
        "QTY002",
        deaths("a", "2023-02", 36_000, 44_000, 40_000), deaths("b", "2023-03", 45_000, 55_000, 50_000), deaths("c", "2023-04", 4500, 5500, 5000),
    )
    contradictions = [articles for kind, articles in kinds(findings) if kind == "contradiction"]
    assert sorted(contradictions) == [["a", "c"], ["b", "c"]]


def test_figures_farther_apart_than_their_units_window_are_no_series():
    def deaths(article, published, value):
        return claim(article, published, "quantity", quantity_low=value, quantity_high=value, quantity_value=value, quantity_unit="death", location="Turkey")

    def injured(article, published, value):
        return {**deaths(article, published, value), "quantity_unit": "injured"}

    assert RULES["QTY002"].options["same_series_within_days"]["death"] == 365
    # The periods' gap counts, not the publications': 2023-01-01 to 2024-01-01 is 365 days.
    within = run("QTY002", deaths("a", "2023-01-01", 40_000), deaths("b", "2024-01-01", 5000))
    assert kinds(within) == [("contradiction", ["a", "b"])]
    assert within["message"][0].endswith("the later figure is below the earlier one, and this count only grows")
    assert run("QTY002", deaths("a", "2023-01-01", 40_000), deaths("b", "2024-01-02", 5000)).is_empty()
    assert run("QTY002", deaths("a", "2023-01-01", 5000), deaths("b", "2024-01-02", 40_000)).is_empty()
    # A window is per unit: one without a window compares figures any distance apart.
    rule = RULES["QTY002"]
    unlimited = type(rule)(**{**rule.__dict__, "options": {**rule.options, "same_series_within_days": {"death": 365}}})
    years_apart = apply_rules(frame(injured("a", "2013-01", 500), injured("b", "2023-01", 50)), [unlimited])
    assert kinds(years_apart) == [("contradiction", ["a", "b"])]


def test_one_update_per_pair_of_articles():
    findings = run(
        "QTY001", troops("a", "2021-12", *MORE_THAN_100K), troops("a", "2021-12", *MORE_THAN_100K, start=300), troops("b", "2022-02", *ABOUT_150K)
    )
    assert kinds(findings) == [("update", ["a", "b"])]


# --- event_consistency ------------------------------------------------------------------------

JUNE = dict(date_start=date(2021, 6, 1), date_end=date(2021, 6, 30), date_granularity="month")
JUNE_16 = dict(date_start=date(2021, 6, 16), date_end=date(2021, 6, 16), date_granularity="day")


def held(article, published="2021-12", start=0, **fields):
    return meeting(article, published, start, meeting_status="held", **fields)


def test_mentions_agreeing_across_articles_are_one_confirmation_per_pair_of_articles():
    findings = run(
        "EVT001",
        held("a", meeting_place="Genf", meeting_mode="in_person", **JUNE),
        held("a", start=400, meeting_place="Genf", meeting_mode="unspecified", **JUNE),
        held("b", meeting_place="Genf", meeting_mode="in_person", **JUNE_16),
    )
    assert kinds(findings) == [("confirmation", ["a", "b"])]
    assert "agree on date, place, mode" in findings["message"][0]


def test_the_same_content_said_in_several_articles_is_one_finding_listing_them_all():
    findings = run(
        "EVT001",
        held("a", meeting_place="Genf", meeting_mode="in_person", **JUNE),
        held("b", meeting_place="Genf", meeting_mode="in_person", **JUNE),
        held("c", meeting_place="Genf", meeting_mode="in_person", **JUNE),
    )
    assert kinds(findings) == [("confirmation", ["a", "b", "c"])]
    assert len(findings["claims"][0]) == 3


def test_another_city_for_the_same_meeting_contradicts():
    findings = run("EVT001", held("a", meeting_place="Genf", **JUNE), held("b", meeting_place="Wien", **JUNE))
    assert kinds(findings) == [("contradiction", ["a", "b"])]
    message = findings["message"][0]
    assert "differ in place" in message and "Genf" in message and "Wien" in message


def test_another_day_for_the_same_meeting_contradicts_and_wins_over_agreement():
    seventh = dict(date_start=date(2021, 12, 7), date_end=date(2021, 12, 7), date_granularity="day")
    ninth = dict(date_start=date(2021, 12, 9), date_end=date(2021, 12, 9), date_granularity="day")
    findings = run(
        "EVT001",
        held("a", meeting_mode="video", meeting_event="video-2021-12", **seventh),
        held("b", meeting_mode="video", meeting_event="video-2021-12", **ninth),
        held("b", start=300, meeting_mode="video", meeting_event="video-2021-12"),
    )
    assert kinds(findings) == [("contradiction", ["a", "b"])]
    assert "differ in date" in findings["message"][0] and "2021-12-07" in findings["message"][0]


def test_a_report_the_linker_keeps_apart_is_compared_when_it_is_close_in_time():
    seventh = dict(date_start=date(2021, 12, 7), date_end=date(2021, 12, 7), date_granularity="day")
    ninth = dict(date_start=date(2021, 12, 9), date_end=date(2021, 12, 9), date_granularity="day")
    later = dict(date_start=date(2021, 12, 30), date_end=date(2021, 12, 30), date_granularity="day")
    first = held("a", meeting_mode="video", meeting_event="video-12-07", **seventh)
    assert kinds(run("EVT001", first, held("b", meeting_mode="video", meeting_event="video-12-09", **ninth))) == [("contradiction", ["a", "b"])]
    # Another call three weeks later, or one by phone, is another meeting.
    assert run("EVT001", first, held("b", meeting_mode="video", meeting_event="video-12-30", **later)).is_empty()
    assert run("EVT001", first, held("b", meeting_mode="phone", meeting_event="phone-12-09", **ninth)).is_empty()
    # Another city in the same month, for the same kind of meeting.
    vienna = held("b", meeting_place="Wien", meeting_mode="in_person", meeting_event="june@Wien", **JUNE)
    assert kinds(run("EVT001", held("a", meeting_place="Genf", meeting_mode="in_person", **JUNE), vienna)) == [("contradiction", ["a", "b"])]


def test_a_weekday_that_does_not_fit_the_other_date_is_never_a_confirmation():
    tuesdays = dict(date_start=date(2021, 11, 30), date_end=date(2021, 12, 28), date_granularity="day", date_weekday=2)
    ninth = dict(date_start=date(2021, 12, 9), date_end=date(2021, 12, 9), date_granularity="day")
    findings = run("EVT001", held("a", meeting_mode="video", meeting_event="v", **tuesdays), held("b", meeting_mode="video", meeting_event="v", **ninth))
    assert findings.is_empty()  # CAL002 reports it


def test_mentions_without_an_event_key_or_within_one_article_give_nothing():
    assert run("EVT001", held("a", meeting_event=None, meeting_place="Genf"), held("b", meeting_event=None, meeting_place="Wien")).is_empty()
    assert run("EVT002", meeting("a", "2022-02", meeting_status="planned", meeting_event=None, meeting_place="Genf"),
               meeting("b", "2022-02", meeting_status="planned", meeting_event=None, meeting_place="Wien")).is_empty()
    assert run("EVT001", held("a", meeting_place="Genf"), held("a", start=300, meeting_place="Wien")).is_empty()


def test_meetings_of_unknown_participants_are_never_compared():
    nobody = dict(meeting_participants=[], meeting_mode="phone", date_start=date(2021, 12, 7), date_end=date(2021, 12, 7), date_granularity="day")
    assert run("EVT001", held("a", meeting_event="x", **nobody), held("b", meeting_event="y", meeting_place="Wien", **nobody)).is_empty()


def test_mentions_that_share_nothing_comparable_confirm_nothing():
    assert run("EVT001", held("a"), held("b", meeting_place="Genf")).is_empty()


def test_announcements_of_different_periods_do_not_contradict_the_later_one_moves_the_meeting():
    planned = dict(meeting_status="planned", meeting_event="call")
    findings = run("EVT002", meeting("a", "2022-01", meeting_place="Genf", **planned), meeting("b", "2022-03", meeting_place="Wien", **planned))
    assert kinds(findings) == [("update", ["a", "b"])]
    assert "changed place" in findings["message"][0]
    assert run("EVT002", meeting("a", "2022-01", meeting_place="Genf", **planned), meeting("b", "2022-03", meeting_place="Genf", **planned)).is_empty()
    findings = run("EVT002", meeting("a", "2022-03", meeting_place="Genf", **planned), meeting("b", "2022-03", meeting_place="Wien", **planned))
    assert kinds(findings) == [("contradiction", ["a", "b"])]


# --- status_progression -----------------------------------------------------------------------

SUMMIT = "biden-putin-summit-2022-02"


def test_agreed_against_denied_in_one_month_from_different_sources_is_one_contradiction():
    findings = run(
        "STA001",
        meeting("a", "2022-02", meeting_status="agreed", source="France", meeting_event=SUMMIT),
        meeting("a", "2022-02", start=100, meeting_status="denied", source="Kremlin", meeting_event=SUMMIT),
        meeting("a", "2022-02", start=200, meeting_status="denied", source="Dmitri Peskow", meeting_event=SUMMIT),
        meeting("a", "2022-02", start=300, meeting_status="agreed", source="France", meeting_event=SUMMIT),
    )
    assert kinds(findings) == [("contradiction", ["a"])]
    message = findings["message"][0]
    assert "France" in message and "agreed" in message and "denied" in message


def test_the_same_source_repeating_itself_is_no_finding():
    findings = run(
        "STA001",
        meeting("a", "2022-02", meeting_status="agreed", source="France", meeting_event=SUMMIT),
        meeting("a", "2022-02", start=100, meeting_status="agreed", source="France", meeting_event=SUMMIT),
    )
    assert findings.is_empty()


def test_proposed_then_held_is_an_update_and_held_then_proposed_a_contradiction():
    findings = run("STA001", meeting("a", "2021-04", meeting_status="proposed"), held("b", **JUNE), held("c", **JUNE))
    assert kinds(findings) == [("update", ["a", "b"])] or kinds(findings) == [("update", ["a", "c"])]
    findings = run("STA001", held("a", "2021-12", **JUNE), meeting("b", "2022-02", meeting_status="proposed"))
    assert kinds(findings) == [("contradiction", ["a", "b"])]
    assert "reported as proposed after it was held" in findings["message"][0]


def test_agreed_and_denied_in_different_months_is_an_update():
    findings = run(
        "STA001",
        meeting("a", "2022-01", meeting_status="agreed", source="France", meeting_event=SUMMIT),
        meeting("b", "2022-02", meeting_status="denied", source="Kremlin", meeting_event=SUMMIT),
    )
    assert kinds(findings) == [("update", ["a", "b"])]


# --- calendar_agreement -----------------------------------------------------------------------

DEC_7 = dict(date_start=date(2021, 12, 7), date_end=date(2021, 12, 7), date_granularity="day")
DEC_8 = dict(date_start=date(2021, 12, 8), date_end=date(2021, 12, 8), date_granularity="day")


def test_a_date_expression_naming_the_wrong_weekday_contradicts_itself():
    findings = run("CAL001", claim("a", "2021-12", "date", text="Dienstag, 8. Dezember", date_weekday=2, **DEC_8))
    assert kinds(findings) == [("contradiction", ["a"])]
    assert findings["claims"][0].to_list() == ["a#date@0-5"]
    assert "Wednesday" in findings["message"][0]
    assert run("CAL001", claim("a", "2021-12", "date", date_weekday=2, **DEC_7)).is_empty()


def test_a_weekday_in_one_article_and_a_date_in_another_of_the_same_meeting():
    weekday_only = held("b", meeting_mode="video", meeting_event="video", date_weekday=2)
    assert kinds(run("CAL002", held("a", meeting_event="video", **DEC_7), weekday_only)) == [("confirmation", ["a", "b"])]
    assert kinds(run("CAL002", held("a", meeting_event="video", **DEC_8), weekday_only)) == [("contradiction", ["a", "b"])]
    assert run("CAL002", held("a", meeting_event="video", **DEC_7), held("a", start=300, meeting_event="video", date_weekday=2)).is_empty()
    # Kept apart by the linker, but the same kind of meeting within the week: still compared.
    apart = held("b", meeting_mode="video", meeting_event="video-tuesday", date_weekday=2,
                 date_start=date(2021, 11, 30), date_end=date(2021, 12, 28), date_granularity="day")
    assert kinds(run("CAL002", held("a", meeting_mode="video", meeting_event="video-12-08", **DEC_8), apart)) == [("contradiction", ["a", "b"])]


# --- determinism ------------------------------------------------------------------------------

SCENARIO = (
    troops("a", "2022-02", *MORE_THAN_100K), troops("b", "2022-02", *ABOUT_150K), troops("c", "2022-02", *ABOUT_60K),
    held("a", start=100, meeting_place="Genf", **JUNE), held("b", start=100, meeting_place="Wien", **JUNE),
    meeting("a", "2022-02", start=200, meeting_status="agreed", source="France", meeting_event=SUMMIT),
    meeting("b", "2022-02", start=200, meeting_status="denied", source="Kremlin", meeting_event=SUMMIT),
)


def test_findings_do_not_depend_on_input_order_file_names_or_offsets():
    rules = list(RULES.values())
    forward = apply_rules(frame(*SCENARIO), rules)
    backward = apply_rules(frame(*reversed(SCENARIO)), rules)
    assert forward.equals(backward)
    renamed_rows = []
    for row in SCENARIO:
        renamed = {**row, "article": "x" + row["article"], "span_start": row["span_start"] + 1000, "line": row["line"] + 40}
        renamed["id"] = f"{renamed['article']}#{row['kind']}@{renamed['span_start']}"
        renamed_rows.append(renamed)
    renamed = apply_rules(frame(*renamed_rows), rules)
    assert sorted(forward["fingerprint"]) == sorted(renamed["fingerprint"])
    assert forward.height == 5


def test_fingerprint_is_order_free():
    assert fingerprint("QTY001", "update", ["x", "y"]) == fingerprint("QTY001", "update", ["y", "x"])


def test_empty_claims_give_no_findings():
    assert apply_rules(frame(), list(RULES.values())).is_empty()


# --- replicas: pairing distinct contents ----------------------------------------------------


def _every_article_its_own_class(mentions: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """What `representatives` reduces: every mention paired with every other, no replica stands for another."""
    return mentions.with_columns(
        pl.struct([*keys, "article"]).hash().alias("replica_class"),
        pl.lit(0, pl.Int64).alias("replica_rep"),
        pl.concat_list("id").alias("replica_ids"),
        pl.concat_list("article").alias("replica_articles"),
    )


def test_replicated_articles_give_the_findings_of_pairing_every_mention(monkeypatch):
    from checker.checks import common

    originals = [
        held("a", meeting_place="Genf", meeting_mode="in_person", **JUNE),
        held("a", start=400, meeting_place="Genf", meeting_mode="unspecified", **JUNE),
        held("b", meeting_place="Wien", meeting_mode="in_person", **JUNE_16),
        held("c", meeting_place="Genf", meeting_mode="video", **JUNE),
        meeting("d", "2021-04", meeting_status="proposed"),
        meeting("e", "2022-02", meeting_status="agreed", source="France", meeting_event=SUMMIT),
        meeting("e", "2022-02", start=100, meeting_status="denied", source="Kremlin", meeting_event=SUMMIT),
        meeting("f", "2022-02", meeting_status="denied", source="Kremlin", meeting_event=SUMMIT),
    ]
    # Three copies of every article under other names: the engine pairs two of each, then expands.
    rows = [
        {**row, "id": f"{copy}{row['id']}", "article": f"{copy}{row['article']}"}
        for copy in ("", "x_", "y_", "z_")
        for row in originals
    ]
    rules = [RULES["EVT001"], RULES["EVT002"], RULES["STA001"]]
    reduced = apply_rules(frame(*rows), rules)
    monkeypatch.setattr(common, "representatives", _every_article_its_own_class)
    every_pair = apply_rules(frame(*rows), rules)
    assert reduced.height > 0
    assert reduced.to_dicts() == every_pair.to_dicts()


def test_a_findings_claims_are_listed_where_they_first_occur_and_its_articles_sorted():
    from checker.checks.common import involved

    pairs = pl.DataFrame(
        {
            "group": [1, 1, 1, 2],
            "id": ["z#1", "a#1", "z#1", "m#1"],
            "id_b": ["y#1", "z#1", "b#1", "m#1"],
            "article": ["z", "a", "z", "m"],
            "article_b": ["y", "z", "b", "m"],
        }
    )
    result = involved(pairs.lazy(), ["group"]).collect()
    assert result.to_dicts() == [
        {"group": 1, "all_claims": ["z#1", "y#1", "a#1", "b#1"], "all_articles": ["a", "b", "y", "z"]},
        # A claim paired with itself is listed once.
        {"group": 2, "all_claims": ["m#1"], "all_articles": ["m"]},
    ]


def test_content_ranks_built_per_distinct_content_equal_ranking_every_claims_key():
    from checker.checks.common import with_content_ranks

    rows = [
        troops("a", "2022-03", 0.0, 0.0, 0.0),
        troops("b", "2022-03", -0.0, -0.0, -0.0),
        troops("c", "2022-03", 0.0, 0.0, 0.0),
        troops("d", "2022-03", 4.0, 6.0, 5.0, actor="Ukraine"),
        held("e", meeting_place="Genf", **JUNE),
        held("f", meeting_place="Genf", **JUNE),
    ]
    claims = frame(*rows)
    ranked = with_content_ranks(claims.lazy()).collect()
    expected = claims.with_columns(content_key()).with_columns(pl.col("content_key").rank("dense").alias("content_rank"))
    assert ranked.to_dicts() == expected.to_dicts()
    # 0.0 and -0.0 are equal numbers but different keys.
    assert ranked["content_rank"][0] == ranked["content_rank"][2] != ranked["content_rank"][1]
