"""quantity_series: one counted quantity of one subject (unit, actor, place) over time.

Each figure is an interval (`rund 150.000` is 135.000–165.000, `mehr als 100.000` is open above).
Two figures contradict only when their intervals, widened by the rule's tolerance for rounding
(to at least that much around the written value, not beyond a qualifier's own interval, nor past a
bound a qualifier sets: "mehr als 1000" stays at least 1000; an exact figure no further than its
last written digit: "5840" is 5835–5845), cannot both hold in the same period;
in different periods that is a change (rising or falling). Figures whose intervals overlap refine
each other, from the one published first to the later, unless the later one holds the earlier (it
says less: "mindestens 67" after "mehr als 28.000"), which is no update. Quantities the rule declares monotonic (a death toll)
never contradict by rising, only by falling from one period to a later one; two of their figures
in one period are not ordered in time there, so they are told from the lower to the higher, as a
rise that may have happened within the period.

A rule may bound a series in time per unit (`same_series_within_days`): a death toll grows within
one event, and two death figures at one place years apart (a year's statistic, a later attack) are
no series at all, so they are not compared.

Who gives a figure is no part of the series, but two different named sources whose figures cannot
both hold are sources that disagree, not a change: in the same period, or (with the rule's
`sources_disagree_within_days`) published a few days apart, each a figure of the time it was
published (no period written, or "derzeit"): the police's and the organisers' count of one
demonstration, a ministry's figure and a critic's lower one the next day. One source's own later
figure stays a change. Two named sources' figures in one article are told at once: where they
cannot both hold in one period they disagree, even of a count that only grows ("zwei Tote nach
Angaben des Zivilschutzes, das Ministerium sprach dagegen von drei"); no other two figures of one
article are compared. A source is one in all its forms ("des Zivilschutzes", "der Zivilschutz"),
and an update goes on from a source's figure to the same source's in the next article, not across
to another source's told beside it. For a count that only grows, two sources' figures of one period disagree
only when that period had ended when both were published, on the same day ("während der
Hitzewelle Anfang Juli", both told a week later): a running toll may still have risen between two
reports of one day, and the toll of an event of one day between two reports days after it; of a
count that offices register (`sources_disagree_on_one_day`: the cases of an outbreak), two named
sources' figures told on one day disagree even while the period runs: they differ by reporting.
Nor is another source's lower figure a fall: of two named sources' figures next to each other in a
series and published close together (`lower_from_another_source_within_days`), the one published
later being lower is how a dispute reads ("Die Regierung sprach dagegen von höchstens 800.000"),
whichever period each names, while a higher one is how a count grows as other sources catch up.
Of a count that only grows too, such a lower figure is a dispute or another office's correction
(the police's nine injured, the city's eight two days later), not a toll that fell.
Of a count that falls by nature (`receding_units`: the missing are found, the hospitalised go home),
another source's figure told later and lower is a fall, whatever the windows above say.
Figures whose words name days of their own (`checker.engine.named_dates`: "am Freitag 49
Flugzeuge", "am Samstag 71") and not the same days are never sources that disagree, whoever gives
them: each counts its own days. And within `sources_disagree_within_days` across periods only
figures that both name their days or neither are sources that disagree: a figure of named days ("am
Freitag 49 Flugzeuge") is not a state of the time it was published, to be disputed by another
source's figure of a later day. A later and lower figure of another source
(`lower_from_another_source_within_days`) still disputes it, whichever days each names.

Some counts tally what happened in a period (`counted_per_period`: arrests, injuries). A figure dated
to a period of its own that had ended when it was published ("am Sonntag wurden drei Menschen
festgenommen", "am Wochenende 14") counts that period's events: it does not update or contradict a
figure of another period before it, neither the day before (another day's arrests) nor a day within
it (the weekend's total holds Saturday's). A running total, undated ("bisher", "insgesamt") or dated
up to its publication ("seit Samstag"), still continues the series. A rule may count so the nouns of
no known unit too (`unknown_nouns_counted_per_period`: "am Mittwoch waren 29 Autofahrer zu schnell"):
such a noun says nothing of being a stock, and a figure dated to a day of its own is mostly that
day's tally.

A period that runs past its article's publication ("heuer", "dieses Jahr") is told only up to that
day: its figures are ordered as they were published ("heuer elf Tote" on the 14th before "heuer
zwölf" on the 15th). And two figures of a count that only grows whose periods nest so, the one
published later counting over the earlier one's period and more ("seit Jahresbeginn zwölf" on the
15th, "seit Jahresbeginn acht" on the 19th), are ordered in time even where their periods overlap:
the later one lower is a fall, a contradiction, not a rise that may have happened within the period.
Of any count, a running count up to its publication ("seit Anfang November 450.000 Tiere getötet",
"seit Jahresbeginn auf 58") told after another figure of the series, over that figure's period and
more, and higher, has gone on since: rising, not one period's figures that cannot both hold
(`_ran_on_from`); lower, it still contradicts.

A place and a unit do not say which event a toll is of (a big city has several fires and crashes a
day). Of the units a rule lists in `other_stories_apart`, figures of two articles published within
the window the story linker joins articles in (`checker.stories.WINDOW_DAYS`) are compared only
where it made them one story, or where one sentence is copied (`_other_stories`); a figure dated to
a month or more of its own is a statistic of its place and is compared as grouped. The filter is
on pairs: a figure of another story between two of one story in the series' order leaves their
contradictions in place (a count that only grows is paired with every later figure), but may hide
the update from one to the next.

A count that only grows grows within one running toll, not from one statistic to another: a figure
dated to whole calendar months of its own (`_whole_calendar_months`: "im Jänner", "in der ersten
Jahreshälfte 2025", "im Jahr 2024") is that period's total, and a figure whose period lies wholly
outside those months (February's road deaths after January's, a half-year's after the year
before's, an accident's toll after last year's) is of another statistic: they are not compared
(`_other_statistic`). A month and the year that holds it are still one toll, compared as above.
And the total of such a period that had ended when both figures were published does not grow
between two reports days apart: two figures of the same months, published at most
`ended_period_told_again_within_days` apart, that cannot both hold contradict in either order (two
named sources disagree; one source, or an unnamed one, contradicts itself), while one published
later than that that has moved without falling is a revision ("endgültige Zahlen"), an update
worded "revised" rather than "rising".
A rule of period totals (`period_totals`: an office's statistics of a month, a quarter, a year) reads
any of its figures so: told again within those days they contradict, told again later by the same
source, or by none, they are a revision either way (offices revise down too); two named sources'
figures of one period that cannot both hold still disagree.
"""

from __future__ import annotations

from dataclasses import replace

import polars as pl

from checker.checks.common import article_pair, figure_at, findings_from_pairs, join_pairs, keep_first_per, narrow, periods_overlap
from checker.checks.tally_scope import only_grows, tally_scope
from checker.extract.alternation import word_alternation
from checker.headlines import ends_as_sentence
from checker.interval_gap import paired_gap
from checker.lexicon import load_lexicon, require_mapping, word_list
from checker.query_engine import QUERY_ENGINE
from checker.rules import Rule
from checker.schema import FINDINGS_SCHEMA
from checker.stories import WINDOW_DAYS, looked_back_day, measured_subject, normalised_term, own_period, vague_headline_figure
from checker.units import unit_entries


# Qualifiers that bound a figure on one side at its written value (qualifiers.yaml): "mehr als",
# "mindestens", "gut" from below; "weniger als", "bis zu", "knapp" from above.
BOUNDING_QUALIFIERS = ("more_than", "at_least", "over", "less_than", "at_most", "almost")


def _widened(column: str, direction: int, relative: float, absolute: float) -> pl.Expr:
    """One bound of a figure's interval, widened by the rule's tolerance for rounding: the interval
    reaches at least the tolerance beyond the written value, and a qualifier that already reaches
    further keeps its own bound. The tolerance is not added on top of the qualifier's interval:
    "etwa 2,7 Millionen" (2,43–2,97) and "rund 3,5 Millionen" (3,15–3,85) cannot both hold, though
    each widened by 5 % more would meet. Nor is a bound that a qualifier sets at the written value
    widened ("mehr als 1000" is at least 1000, "knapp 100" at most 100): the writer bounds the figure
    there, so it is no rounding, and widened it would let "rund 900" (810–990) refine "mehr als
    1000". An exact figure (no qualifier) reaches no further than its written digits allow
    (`_exact_reach`). A figure without a value widens its bounds themselves."""
    bound = pl.col(column).fill_null(direction * float("inf"))

    def beyond(expr: pl.Expr) -> pl.Expr:
        return expr + direction * _tolerance(expr, relative, absolute)

    value = pl.col("quantity_value")
    exact = (pl.col("quantity_low") == value) & (pl.col("quantity_high") == value)
    from_value = pl.max_horizontal(bound, beyond(value)) if direction > 0 else pl.min_horizontal(bound, beyond(value))
    return (
        pl.when(value.is_null())
        .then(beyond(bound))
        .when(exact)
        .then(value + direction * _exact_reach(relative, absolute))
        .when(pl.col("quantity_qualifier").is_in(BOUNDING_QUALIFIERS) & (bound == value))
        .then(bound)
        .otherwise(from_value)
        .alias(f"{'high' if direction > 0 else 'low'}_widened")
    )


def _tolerance(expr: pl.Expr, relative: float, absolute: float) -> pl.Expr:
    """The rule's tolerance for rounding around `expr`: `relative` of it, at least `absolute`."""
    return pl.max_horizontal(expr.abs() * relative, pl.lit(absolute))


# Just under half a unit of the last written digit: "5840" rounded to tens is 5835–5845, and two
# figures one unit apart ("5840", "5850"; "41", "42 Sitze") are two different roundings, whose
# intervals must not meet.
_HALF_A_DIGIT = 0.499

# The place values a figure's last written digit may have (`_last_digit_place`), largest first.
_DIGIT_PLACES = [10.0**exponent for exponent in range(12, -7, -1)]


def _exact_reach(relative: float, absolute: float) -> pl.Expr:
    """How far an exact figure (no qualifier: "5840 Menschen", "6100", "3,9 Milliarden", "41 Sitze")
    may lie from what it counts: rounded at most at its last written digit, so by under half a unit
    of it ("5840" is 5835–5845, "6100" 6050–6150: two sources' figures of one quarter that cannot
    both hold; "41 Sitze" and "42" neither), and never beyond the rule's tolerance ("30.000" is
    28.500–31.500 at 5 %, not 25.000–35.000). As the qualifiers' widths do (qualifiers.yaml), the
    written digits say how precise a figure is; a tolerance of its own size would let "5840" and
    "6100" (4,5 % apart) refine each other."""
    value = pl.col("quantity_value")
    return pl.min_horizontal(_tolerance(value, relative, absolute), _last_digit_place(value) * _HALF_A_DIGIT)


def _last_digit_place(value: pl.Expr) -> pl.Expr:
    """The place value of the last digit of `value` other than 0, over a column (the extraction's
    `_last_digit_unit` reads one written figure): 10 for 5840, 100 for 6100, 1 for 41, 0,1 for 94,6,
    100 million for "3,9 Milliarden"; 0 for 0. Zeros ending a whole number are no written digits."""

    def divides(place: float) -> pl.Expr:
        quotient = value / place
        whole = quotient.round()
        return (whole != 0) & ((quotient - whole).abs() < 1e-6)

    return pl.coalesce(*(pl.when(divides(place)).then(pl.lit(place)) for place in _DIGIT_PLACES), pl.lit(0.0))


def once_per_article(claims: pl.DataFrame) -> pl.DataFrame:
    """`claims` with a figure an article gives twice (the same interval, unit, role, actor and place:
    a headline repeating its body's "19 Schiffe") kept once, so that it counts once in a series and
    is quoted once. Two mentions of one own date, or of none beside one dated mention, are the same
    figure; figures of two different own dates are two. The kept mention is the one with a date of
    its own, then one of the body (a sentence that ends as one), then the first."""
    same = ["article", "quantity_unit", "quantity_role", "actor", "location", "quantity_low", "quantity_high"]
    own_dates = pl.col("date_start").drop_nulls()
    figure_date = pl.coalesce("date_start", pl.when(own_dates.n_unique().over(same) == 1).then(own_dates.first().over(same)))
    figure = [*same, "figure_date"]
    preference = [pl.col("date_start").is_null(), ~ends_as_sentence(), pl.col("span_start")]
    return (
        claims.with_columns(figure_date.alias("figure_date"))
        .filter(pl.col("id") == pl.col("id").sort_by(preference).first().over(figure))
        .drop("figure_date")
    )


def _without_vague_headlines(claims: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """`claims` without a headline's vague magnitude ("Grubenunglück: Dutzende Bergleute
    eingeschlossen") where its article gives a figure of the same series in a sentence (`keys`):
    the title rounds the body's count ("mindestens 41 Bergleute"), which stands for the article in
    the series. Quoted instead, it would read as the article's figure: "refined from Dutzende
    Bergleute to 28" where the body said at least 41, a fall."""
    vague = vague_headline_figure()
    return claims.filter(~vague | ~(~vague).any().over(["article", *keys]))


def _own_period(apart: bool) -> pl.Expr:
    """The column `own_period`, part of the series key: with `apart` (the option `own_periods_apart`),
    the period a figure's words date it to ("im Januar", "für 2027"; `checker.stories.own_period`),
    so that a figure is compared only with figures of the very same period, and an undated one only
    with undated ones; without it, one value for every figure."""
    return (own_period() if apart else pl.lit("")).alias("own_period")


def _as_of_publication(series: pl.DataFrame) -> pl.DataFrame:
    """`series` with each figure dated to a period that had not ended when it was published (the
    budget's deficit "im kommenden Jahr", a turnout "am Sonntag" told that Sunday) taken as of its
    publication, as an undated figure is: it is the plan or the count of that day, and a later
    report of the same period that differs has moved on (an update), not contradicted it. Its
    period stays in `own_period`. So is an undated figure whose sentence names days that reach its
    publication ("Die Kosten steigen auf knapp 5,9 Milliarden Euro, wie die Bahn am Dienstag
    mitteilte", that Tuesday): the day named is the day it was told, and the figure is that day's
    state, which another source's figure of the next days may dispute."""
    running = pl.col("date_start").is_not_null() & (pl.col("date_end") >= pl.col("published_start"))
    told_that_day = pl.col("date_start").is_null() & (pl.col("named_end") >= pl.col("published_start")).fill_null(False)
    return series.with_columns(
        *(pl.when(running).then(None).otherwise(pl.col(column)).alias(column) for column in ("date_start", "date_end", "date_granularity", "date_timex")),
        *(pl.when(running | told_that_day).then(None).otherwise(pl.col(column)).alias(column) for column in ("named_start", "named_end")),
        pl.when(running).then(pl.col("published_start")).otherwise(pl.col("period_start")).alias("period_start"),
        pl.when(running).then(pl.col("published_end")).otherwise(pl.col("period_end")).alias("period_end"),
    )


def _provisional(made_final: bool) -> pl.Expr:
    """The column `provisional`: with `made_final` (the option `provisional_made_final`), whether the
    figure's words tell it as an early estimate: a word of `provisional_words` or the name of an
    institute of `estimating_institutes` (lexicons/de/measures.yaml: "nach einer Hochrechnung",
    "vorläufig", "laut Infratest dimap") before the figure in its sentence, or after it in its clause
    (up to a comma or "und": "…, wie aus einer Hochrechnung hervorgeht" is the figure's, "70,8
    Prozent und damit leicht unter der Prognose vom Wahlabend" compares it with another). Without
    the option, never."""
    if not made_final:
        return pl.lit(False).alias("provisional")
    content = require_mapping("measures", load_lexicon("measures"), "provisional_words", "estimating_institutes")
    words = [*word_list("measures", content, "provisional_words"), *word_list("measures", content, "estimating_institutes")]
    pattern = r"(?i)(?:^|[^\w-])" + word_alternation(words, ignore_case=True)
    figure_end = pl.col("sentence").str.find(pl.col("text"), literal=True) + pl.col("text").str.len_chars()
    before = pl.col("sentence").str.slice(0, figure_end)
    clause_after = pl.col("sentence").str.slice(figure_end).str.extract(r"^((?:[^,;]|\d,\d)*?)(?:,|;|\sund\s|$)")
    return (before.str.contains(pattern) | clause_after.str.contains(pattern)).fill_null(False).alias("provisional")


def _made_final() -> pl.Expr:
    """Of two figures, the one published first is an early estimate (`provisional`) and the later
    one is not: the estimate made final ("nach einer Hochrechnung 69,4 Prozent", two days later the
    office's 68,9), an update whoever gives them, never figures that cannot both hold."""
    a_first = pl.col("published_start") < pl.col("published_start_b")
    b_first = pl.col("published_start_b") < pl.col("published_start")
    return (a_first & pl.col("provisional") & ~pl.col("provisional_b")) | (b_first & pl.col("provisional_b") & ~pl.col("provisional"))


def _month_index(day: pl.Expr) -> pl.Expr:
    return day.dt.year().cast(pl.Int32) * 12 + day.dt.month().cast(pl.Int32) - 1


def _within_window(windows: dict[str, int]) -> pl.Expr:
    """The two figures' periods lie at most their unit's window apart (the smaller of the two, if
    their units differ); units without a window, and undated figures, are always within."""
    if not windows:
        return pl.lit(True)
    window_of = [
        pl.col(column).replace_strict(windows, default=None, return_dtype=pl.Int64) for column in ("quantity_unit", "quantity_unit_b")
    ]
    window = pl.min_horizontal(window_of)
    gap = paired_gap("period_start", "period_end")
    return (window.is_null() | (gap <= pl.duration(days=window))).fill_null(True)


def _source_key() -> pl.Expr:
    """The figure's source as sources are told apart: its forms one ("nach Angaben des
    Zivilschutzes", "teilte der Zivilschutz mit"), null where none is named."""
    return normalised_term(pl.col("source")).alias("source_key")


def _named_sources_differ() -> pl.Expr:
    """Both figures name a source, and not the same one, and they count the same days: figures of
    different named days (`_named_days_differ`) may differ whoever gives them."""
    return (pl.col("source_key") != pl.col("source_key_b")).fill_null(False) & ~_named_days_differ()


def _named_days_differ() -> pl.Expr:
    """Both figures' words name days of their own (`named_start`), and not the same ones."""
    both_named = pl.col("named_start").is_not_null() & pl.col("named_start_b").is_not_null()
    return both_named & ~periods_overlap("named_start", "named_end").fill_null(False)


def _named_alike() -> pl.Expr:
    """Neither figure's words name days of its own, or both do (`_named_sources_differ` asks that
    they be the same): a figure "am Freitag" is Friday's, not a state of the day it was published
    that another source's figure of its own publication may contradict."""
    return pl.col("named_start").is_null() == pl.col("named_start_b").is_null()


def _published_close(days: int | None) -> pl.Expr:
    """Each figure is of the time it was published (no period written, or "derzeit", "heute"; and
    both or neither name days of their own, `_named_alike`), and their publications lie at most
    `days` apart (never, without a number of days)."""
    if days is None:
        return pl.lit(False)
    of_publication = [
        (pl.col("period_start" + side) >= pl.col("published_start" + side)) & (pl.col("period_end" + side) <= pl.col("published_end" + side))
        for side in ("", "_b")
    ]
    gap = paired_gap("published_start", "published_end")
    return _named_alike() & of_publication[0] & of_publication[1] & (gap <= pl.duration(days=days))


def _published_later_lower(days: int | None) -> pl.Expr:
    """Of two figures published at most `days` apart (never, without a number of days), the one
    published later is the lower: b below a in series order unless b was published first, where a
    is the later and below b. Figures published on the same day are told in series order."""
    if days is None:
        return pl.lit(False)
    b_lower = pl.col("high_widened_b") < pl.col("low_widened")
    a_lower = pl.col("high_widened") < pl.col("low_widened_b")
    b_first = pl.col("published_start_b") < pl.col("published_start")
    gap = paired_gap("published_start", "published_end")
    return pl.when(b_first).then(a_lower).otherwise(b_lower) & (gap <= pl.duration(days=days))


def _holds(outer: str, inner: str) -> pl.Expr:
    """The interval of side `outer` holds the one of side `inner` (an open bound reaches everything)."""
    return (pl.col("quantity_low" + outer).fill_null(float("-inf")) <= pl.col("quantity_low" + inner).fill_null(float("-inf"))) & (
        pl.col("quantity_high" + outer).fill_null(float("inf")) >= pl.col("quantity_high" + inner).fill_null(float("inf"))
    )


def _period_until() -> pl.Expr:
    """The end of a figure's period as far as it could be told when published: a period running past
    the publication ("heuer", "in diesem Monat") ends with it; one wholly after it keeps its own."""
    return pl.min_horizontal("period_end", pl.max_horizontal("published_end", "period_start")).alias("period_until")


def _told_within(earlier: str, later: str) -> pl.Expr:
    """The figure of side `earlier` was published before the one of side `later`, and its period, as
    far as told, lies within the later one's: the later figure counts over it ("seit Jahresbeginn"
    on the 15th and on the 19th)."""
    return (
        (pl.col("published_end" + earlier) < pl.col("published_start" + later))
        & (pl.col("period_start" + later) <= pl.col("period_start" + earlier))
        & (pl.col("period_until" + earlier) <= pl.col("period_until" + later))
    )


def _ran_on_from(earlier: str, later: str) -> pl.Expr:
    """The figure of side `later` is a running count up to its publication ("seit Anfang November",
    "seit Jahresbeginn") that counts over the figure of side `earlier`, told before it
    (`_told_within`), and is the higher: the count went on after the earlier report, as one told
    later over more time does; the two are not one period's figures that cannot both hold. A lower
    one is: a count told over more time does not come out smaller."""
    up_to_publication = pl.col("period_end" + later) >= pl.col("published_start" + later)
    return _told_within(earlier, later) & up_to_publication & (pl.col("figure_at" + later) > pl.col("figure_at" + earlier))


def _whole_calendar_months(side: str) -> pl.Expr:
    """The figure of side `side` is dated to whole calendar months of its own: a month, a quarter, a
    season, a half-year, a year ("im Jänner", "im Sommer 2024", "2024"), not a day or a week, nor
    part of a month ("Ende Juni", the days of a heat wave), whose toll is an event's."""
    start, end = pl.col("date_start" + side), pl.col("date_end" + side)
    whole_months = (start.dt.day() == 1) & (end.dt.offset_by("1d").dt.day() == 1)
    return (whole_months & ~pl.col("date_granularity" + side).is_in(["day", "week"])).fill_null(False)


def _other_statistic(monotonic: pl.Expr) -> pl.Expr:
    """Two figures of a count that only grows (`monotonic`) are of different statistics, not one
    running toll: one is dated to whole calendar months of its own and the other's period lies wholly
    outside them (February's road deaths after January's, or after last year's total)."""
    calendar_dated = _whole_calendar_months("") | _whole_calendar_months("_b")
    return monotonic & calendar_dated & ~periods_overlap().fill_null(True)


def _same_ended_months(monotonic: pl.Expr) -> pl.Expr:
    """Two figures of a count that only grows (`monotonic`) are totals of the same whole calendar
    months, which had ended when each was published: told again, such a total does not grow."""
    same_months = (pl.col("date_start") == pl.col("date_start_b")) & (pl.col("date_end") == pl.col("date_end_b"))
    ended = (pl.col("published_start") > pl.col("date_end")) & (pl.col("published_start_b") > pl.col("date_end_b"))
    return (monotonic & _whole_calendar_months("") & _whole_calendar_months("_b") & same_months & ended).fill_null(False)


def _counted_per_period(units: list[str], unknown_nouns: bool, side: str = "_b") -> pl.Expr:
    """The unit of the claim of side `side` (claim b) counts per period: one of `units`, or, with
    `unknown_nouns`, a noun the unit lexicon does not know ("85 Fahrer waren zu schnell",
    "Kontrollen"), which tells nothing of a stock."""
    unit = pl.col("quantity_unit" + side)
    listed = unit.is_in(units)
    if not unknown_nouns:
        return listed
    return listed | ~unit.is_in(list(unit_entries().entries))


def _counts_other_period(per_period: pl.Expr) -> pl.Expr:
    """Two figures of a unit counted per period (`per_period`) count other events: their periods
    differ, and claim b (the later in series order) is dated to a period of its own that had ended
    when it was published, or claim a is, and it holds b's period (the weekend's total before the
    Sunday it holds)."""

    def own_past_period(side: str) -> pl.Expr:
        return pl.col("date_start" + side).is_not_null() & (pl.col("period_end" + side) < pl.col("published_start" + side))

    other_period = (pl.col("period_start") != pl.col("period_start_b")) | (pl.col("period_end") != pl.col("period_end_b"))
    a_holds_b = (pl.col("period_start") <= pl.col("period_start_b")) & (pl.col("period_end_b") <= pl.col("period_end"))
    return per_period & other_period & (own_past_period("_b") | (own_past_period("") & a_holds_b))


# A figure dated to a period of its own at least this long ("im Oktober", "im Jahr 2024", "seit
# Jahresbeginn") is a statistic of its place, not the toll of one event.
STATISTIC_PERIOD_DAYS = 28


def _other_stories(units: list[str]) -> pl.Expr:
    """Two figures of `units` (the rule's `other_stories_apart`: tolls of one event) are of articles
    published close enough for the story linker to join them (`checker.stories.WINDOW_DAYS`) that it
    did not join: not one story (an article linked to no other is a story of its own), and not one
    sentence copied (a wire report repeated word for word, which the linker counts as one article
    and puts in no story). Such articles report two events, however alike their figures' subjects:
    a fire in Berlin-Neukölln and a crash on a Berlin motorway on one Sunday, twelve and five
    injured. A figure dated to a month or more of its own is a statistic of its place (the year's
    road deaths in Hessen), of no one event: it is compared as grouped."""
    if not units:
        return pl.lit(False)

    def event_toll(side: str) -> pl.Expr:
        statistic = (pl.col("date_end" + side) - pl.col("date_start" + side)) >= pl.duration(days=STATISTIC_PERIOD_DAYS)
        return pl.col("quantity_unit" + side).is_in(units) & ~statistic.fill_null(False)

    gap = paired_gap("published_start", "published_end")
    one_story = pl.col("story").eq_missing(pl.col("story_b")) & pl.col("story").is_not_null()
    copied = (pl.col("sentence") == pl.col("sentence_b")).fill_null(False)
    return (
        event_toll("") & event_toll("_b") & (pl.col("article") != pl.col("article_b"))
        & (gap <= pl.duration(days=WINDOW_DAYS)) & ~one_story & ~copied
    )


def _series_pairs(
    series: pl.DataFrame,
    rule: Rule,
    compared: list[str],
    days: int,
    monotonic_units: list[str],
    windows: dict[str, int],
    sources_window: int | None,
) -> pl.DataFrame:
    """The pairs a series can yield a finding from (figures are only ever paired within their series):

    - figures whose periods overlap: contradictions. They are joined on the series key and then
      filtered, not joined on the months they cover: a series' figures are few, while year-long
      periods would repeat each pair in twelve months;
    - each figure with the next figure in the series from another article: updates;
    - for monotonic units only, every later figure: a later fall contradicts;
    - figures of two named sources published close together: they may disagree.

    Pairs whose periods lie farther apart than their unit's window are no pairs of one series, and
    figures of different tally scopes (`checker.checks.tally_scope`: since an undated origin, a
    numbered part of an occasion, the whole) are of different series, and so are figures of different
    own periods where the rule keeps them apart (`own_periods_apart`: January's share and February's).
    """
    keys = [*rule.group_by, "tally_scope", "own_period"]
    order = ["period_start", "period_until", "period_end", "narrowness"]
    ranked = (
        narrow(series, rule, [*order, "published_start", *compared])
        .sort([*keys, *order, "content_rank", "id"])
        .with_columns(pl.int_range(pl.len()).over(keys).alias("position"))
        # Runs of one article in series order; the next run starts at the next figure from another
        # article, or at the article's own figure after a figure of an earlier day it looks back on
        # (`looked_back_day`: "am Donnerstag war die Zahl noch mit zwölf angegeben worden", then
        # "insgesamt 14"), which is the step from that day to the article's time.
        .with_columns(
            ((pl.col("article") != pl.col("article").shift(1)) | pl.col("looked_back_day").ne_missing(pl.col("looked_back_day").shift(1)))
            .fill_null(True)
            .cum_sum()
            .over(keys)
            .alias("run")
        )
    )
    # The next run: its first and last position. Each figure is paired with every figure of it, not
    # only the first: a next article that contradicts a figure with one number ("weniger als 3000")
    # may still update it with another ("17.674 Tote"), and that update must not be lost.
    run_starts = (
        ranked.group_by([*keys, "run"])
        .agg(pl.col("position").min().alias("next_position"), pl.col("position").max().alias("next_run_end"))
        .with_columns(pl.col("run") - 1)
    )
    ranked = ranked.join(run_starts, on=[*keys, "run"], how="left").drop("run")
    # A figure whose period, widened by the tolerance, ends in a month before the one it starts in
    # (a figure "from March" in a February article ends with the publication) has no period to
    # be contradicted in.
    spans_a_month = _month_index(pl.col("period_start") - pl.duration(days=days)) <= _month_index(pl.col("period_end") + pl.duration(days=days))
    ranked = ranked.with_columns(spans_a_month.alias("dated"), only_grows(monotonic_units).alias("monotonic"))
    next_run = pl.col("position_b").is_between(pl.col("next_position"), pl.col("next_run_end")).fill_null(False)
    same_period = pl.col("dated") & pl.col("dated_b") & periods_overlap(days=days)
    sources_close = _named_sources_differ() & _published_close(sources_window)
    return (
        join_pairs(ranked, ranked, keys)
        .filter(
            (pl.col("position") < pl.col("position_b"))
            & (next_run | same_period | sources_close | (pl.col("monotonic") & pl.col("monotonic_b")))
        )
        .drop("dated", "dated_b", "monotonic", "monotonic_b")
        .filter(_within_window(windows))
    )


def _swapped(pairs: pl.DataFrame, swap: pl.Expr) -> pl.DataFrame:
    """The pairs with claim a and claim b (suffix `_b`) exchanged where `swap` holds.

    `swap` is evaluated once, into a column: written into each of the sixty-odd `when`s, the whole
    condition tree was planned sixty times over (~0.12 s per rule on a 10,000-article corpus)."""
    paired = [column for column in pairs.columns if column + "_b" in pairs.columns]
    swapping = pl.col("_swap")
    return (
        pairs.with_columns(swap.fill_null(False).alias("_swap"))
        .with_columns(
            *(pl.when(swapping).then(pl.col(column + "_b")).otherwise(pl.col(column)).alias(column) for column in paired),
            *(pl.when(swapping).then(pl.col(column)).otherwise(pl.col(column + "_b")).alias(column + "_b") for column in paired),
        )
        .drop("_swap")
    )


def check_quantity_series(claims: pl.DataFrame, rule: Rule) -> pl.DataFrame:
    if rule.options.get("measured_subjects_apart", False):
        # Each actor's and place's figures of a measure its story names two of are a series of their
        # own, and those naming none one more (`checker.stories.measured_subject`).
        claims = claims.with_columns(measured_subject())
        rule = replace(rule, group_by=(*rule.group_by, "measured_subject"))
    relative = float(rule.tolerance.get("relative", 0.0))
    absolute = float(rule.tolerance.get("absolute", 0.0))
    days = int(rule.tolerance.get("days", 0))
    monotonic_units = rule.options.get("monotonic_units", [])
    windows = rule.options.get("same_series_within_days", {})
    sources_window = rule.options.get("sources_disagree_within_days")
    lower_window = rule.options.get("lower_from_another_source_within_days")
    receding_units = rule.options.get("receding_units", [])
    told_again_window = rule.options.get("ended_period_told_again_within_days")
    disagree_on_one_day = pl.col("quantity_unit").is_in(rule.options.get("sources_disagree_on_one_day", []))
    per_period_options = (rule.options.get("counted_per_period", []), rule.options.get("unknown_nouns_counted_per_period", False))
    per_period = _counted_per_period(*per_period_options)
    own_periods_apart = bool(rule.options.get("own_periods_apart", False))
    # Where claims have no stories (a claim checked on its own), nothing says two articles' events differ.
    other_stories_apart = rule.options.get("other_stories_apart", []) if "story" in claims.columns else []
    provisional_made_final = bool(rule.options.get("provisional_made_final", False))
    # A share of the votes is always someone's (`measures_of_an_actor`): one whose words name no
    # party or candidate may be anyone's, and is compared with none ("Meinhardt kam auf 42,3 Prozent
    # der Stimmen", "Lindqvist erreichte 26,9 Prozent der Stimmen": two candidates, no dispute).
    whose_unknown = pl.col("quantity_measure").is_in(rule.options.get("measures_of_an_actor", [])).fill_null(False) & pl.col("actor").is_null()
    figures = claims.filter((pl.col("quantity_low").is_not_null() | pl.col("quantity_high").is_not_null()) & ~whose_unknown)
    series = once_per_article(_without_vague_headlines(figures, rule.group_by)).with_columns(_own_period(own_periods_apart))
    if own_periods_apart:
        series = _as_of_publication(series)
    series = series.with_columns(
        _widened("quantity_low", -1, relative, absolute),
        _widened("quantity_high", 1, relative, absolute),
        # Within one period the vaguer figure comes first, so "refined" reads from vague to precise.
        (pl.col("quantity_low").fill_null(float("-inf")) - pl.col("quantity_high").fill_null(float("inf"))).alias("narrowness"),
        _period_until(),
        _source_key(),
        _provisional(provisional_made_final),
        figure_at(),
        tally_scope(monotonic_units),
        # A count per period of an earlier day (that day's arrests) is that day's, no point of the
        # series an article steps on from (see `_series_pairs`).
        pl.when(~_counted_per_period(*per_period_options, side="")).then(looked_back_day()).alias("looked_back_day"),
    )
    compared = [
        "quantity_low", "quantity_high", "figure_at", "quantity_unit", "low_widened", "high_widened",
        "source_key", "published_end", "date_start", "date_end", "date_granularity", "period_until", "named_start", "named_end",
        "tally_scope", "looked_back_day", "own_period", "provisional",
        *(("story", "sentence") if other_stories_apart else ()),
    ]
    # Two named sources' figures in one article are paired too: told at once ("zwei Tote nach Angaben
    # des Zivilschutzes, das Ministerium sprach dagegen von drei"), they may disagree in one period,
    # and that is all they may yield. Any other two figures of one article (a count and its part,
    # two things of the unit) are no pair.
    one_article = pl.col("article") == pl.col("article_b")
    # An article's own step in the series: from a figure of an earlier day it looks back on to its
    # own later figure of the unit, from the same source or with one unnamed ("Am Donnerstag war die
    # Zahl der Toten noch mit zwölf angegeben worden. Insgesamt kamen 14 ums Leben"). It is an
    # update only, never a contradiction: the article tells the change itself, a fall as a
    # correction.
    looked_back_step = (
        one_article
        & pl.col("looked_back_day").is_not_null()
        & (pl.col("period_end") < pl.col("period_start_b"))
        & ~(pl.col("source_key") != pl.col("source_key_b")).fill_null(False)
    )
    monotonic = only_grows(monotonic_units)
    pairs = _series_pairs(series, rule, compared, days, monotonic_units, windows, sources_window).filter(
        (~one_article | _named_sources_differ() | looked_back_step)
        & ~_counts_other_period(per_period)
        & ~_other_statistic(monotonic)
        & ~_other_stories(other_stories_apart)
    )
    if pairs.is_empty():
        return pl.DataFrame(schema=FINDINGS_SCHEMA)
    same_period = periods_overlap(days=days)
    disjoint = (pl.col("high_widened") < pl.col("low_widened_b")) | (pl.col("high_widened_b") < pl.col("low_widened"))
    identical = pl.col("quantity_low").eq_missing(pl.col("quantity_low_b")) & pl.col("quantity_high").eq_missing(pl.col("quantity_high_b"))
    rising = pl.col("figure_at_b") > pl.col("figure_at")
    # An early estimate and the final figure told after it (`provisional_made_final`) never
    # contradict: the estimate was made final, an update, told in the order they were published.
    made_final = _made_final()
    # Figures of a count that only grows whose periods nest as published (see the module's
    # docstring) are ordered by publication; b may be the earlier published where a's period
    # starts first.
    # So are, of any count, a figure and a running count told later that counts over it and is the
    # higher (`_ran_on_from`): "seit Anfang November 450.000 Tiere" after "bislang 180.000".
    ran_on = ~monotonic & _ran_on_from("", "_b")
    b_told_first = (monotonic & _told_within("_b", "")) | (~monotonic & _ran_on_from("_b", ""))
    in_time_order = (monotonic & _told_within("", "_b")) | ran_on | b_told_first
    # Within one period the series orders figures from the vaguer to the more precise, not in time;
    # but a refinement or a repetition goes from the report published first to the later one, so
    # there b published before a is read from b.
    b_published_first = (same_period & ~in_time_order & (pl.col("published_start_b") < pl.col("published_start"))).fill_null(False)
    # A later figure whose interval holds the earlier one says less, not something new: "mindestens
    # 67 Tote" after "mehr als 28.000 Tote" neither refines nor updates it.
    weaker = ~identical & pl.when(b_published_first).then(_holds("", "_b")).otherwise(_holds("_b", ""))
    made_final_backwards = made_final & b_published_first
    rising = pl.when(b_told_first | made_final_backwards).then(pl.col("figure_at") > pl.col("figure_at_b")).otherwise(rising)
    # A figure's update is its next figure in the series from another article, not every later one.
    next_from_other_article = pl.col("position_b").is_between(pl.col("next_position"), pl.col("next_run_end"))
    # A total of whole calendar months that had ended, told again within days: it does not grow in
    # between, so figures that cannot both hold contradict in either order; told again later, one
    # that moved without falling is a revision. So is any figure of a rule of period totals
    # (`period_totals`: an office's statistics of a month or a year), falling too: an office
    # revises its own figure either way, weeks later ("98.400", then "98.900 Wohnungen im ersten
    # Halbjahr"), and two figures of one period are no change over time.
    if told_again_window is None:
        told_again = revised = pl.lit(False)
    else:
        same_ended_months = _same_ended_months(monotonic | pl.lit(bool(rule.options.get("period_totals", False))))
        told_again = same_ended_months & (paired_gap("published_start", "published_end") <= pl.duration(days=told_again_window))
        revised = same_ended_months & ~told_again
    both_cannot_hold = disjoint & same_period & ~monotonic & ~in_time_order & ~revised & ~made_final
    # Of two named sources' figures published close together, the later-published one being lower
    # is a dispute or another office's correction ("neun Verletzte nach Angaben der Polizei", two
    # days later "acht" nach Angaben der Stadt), not a count that only grows and fell: it is told as
    # sources that disagree (below), of a count that only grows as of any other.
    lower_from_another = _named_sources_differ() & _published_later_lower(lower_window)
    later_fall = disjoint & monotonic & ~rising & (~same_period | in_time_order) & ~looked_back_step & ~lower_from_another
    # Two named sources that disagree (see the module's docstring): a count that only grows only
    # for a period that had ended when both figures were published, on the same day: the toll of
    # an earthquake "vom Montag" still rises between Wednesday's report and Friday's.
    period_ended = (pl.col("published_start") > pl.col("period_end")) & (pl.col("published_start_b") > pl.col("period_end_b"))
    told_together = periods_overlap("published_start", "published_end")
    # Two exact figures that differ, one after the other in time, have moved even where the
    # tolerance lets them overlap ("100 Verletzte", then "103"): "refined" is for an interval that
    # narrows another. Within one period they are not in time order, and nothing moved; nor has a
    # total of ended months told again.
    exact_points = [(pl.col("quantity_low" + side) == pl.col("quantity_high" + side)) for side in ("", "_b")]
    moved = disjoint | (exact_points[0] & exact_points[1] & ~identical & (~same_period | in_time_order) & ~told_again).fill_null(False)
    sources_differ = disjoint & _named_sources_differ() & ~made_final
    # Of a count that only grows, two sources' figures in one article are told at the same moment:
    # nothing rose between them.
    disagree_in_period = sources_differ & same_period & (
        ~monotonic | ((period_ended | disagree_on_one_day | one_article) & told_together) | told_again
    )
    told_twice = disjoint & told_again & ~disagree_in_period & ~made_final
    sources_differ_across = sources_differ & ~same_period & ~monotonic
    # Of a count that falls by nature (the missing are found), another source's lower figure told
    # later is how the count goes on, no dispute.
    receding = pl.col("quantity_unit").is_in(receding_units)
    disagree_close = sources_differ_across & _published_close(sources_window) & ~(receding & _published_later_lower(sources_window))
    disagree_lower = sources_differ & ~same_period & next_from_other_article & ~disagree_close & lower_from_another & ~receding
    # Two figures of one period of a count that only grows: the toll may have risen within the
    # period, but their order there is narrowness and content, not time, so neither is "falling".
    differ_within_period = disjoint & monotonic & same_period & ~in_time_order & ~disagree_in_period & ~told_twice
    # One lazy query: the conditions above recur in each other, in both columns and in the filter;
    # optimised as one query (repeated subexpressions evaluated once) this step takes half the time
    # of an eager `with_columns` and `filter` on 10,000 articles.
    classified = pairs.lazy().with_columns(
        pl.when(both_cannot_hold | later_fall | disagree_in_period | told_twice | disagree_close | disagree_lower)
        .then(pl.lit("contradiction"))
        .when(identical & next_from_other_article)
        .then(pl.lit("confirmation"))
        .when(next_from_other_article & ~weaker)
        .then(pl.lit("update"))
        .otherwise(None)
        .alias("finding_kind"),
        # A contradiction's detail says why it is one (the rule's message ends with it).
        pl.when(disagree_in_period)
        .then(pl.lit("cannot both hold in the same period: the sources disagree"))
        .when(disagree_close)
        .then(pl.lit(f"cannot both hold: the sources disagree (each a figure of the time it was published, at most {sources_window} days apart)"))
        .when(disagree_lower)
        .then(pl.lit(f"differ as sources that disagree: the figure published later (at most {lower_window} days after the other) is lower, which is no fall"))
        .when(told_twice)
        .then(pl.lit(f"cannot both hold: both are the total of a period that had ended, told at most {told_again_window} days apart"))
        .when(both_cannot_hold)
        .then(pl.lit("cannot both hold in the same period"))
        .when(later_fall)
        .then(pl.lit("cannot both hold: the later figure is below the earlier one, and this count only grows"))
        .when(identical)
        .then(pl.lit("the same figure"))
        .when(differ_within_period)
        .then(pl.lit("may have risen within the same period"))
        .when(moved & revised)
        .then(pl.lit("revised"))
        .when(moved & rising)
        .then(pl.lit("rising"))
        .when(moved)
        .then(pl.lit("falling"))
        .otherwise(pl.lit("refined"))
        .alias("detail"),
        *article_pair(),
    ).filter(pl.col("finding_kind").is_not_null() & (~one_article | disagree_in_period | looked_back_step)).collect(engine=QUERY_ENGINE)
    # ... and are told from the lower to the higher, the only way such a count can have changed;
    # figures ordered in time are told from the earlier published.
    classified = _swapped(classified, (differ_within_period & ~rising) | b_told_first | (b_published_first & ~moved) | made_final_backwards)
    contradictions = classified.filter(pl.col("finding_kind") == "contradiction")
    # Updates and confirmations: one per pair of articles in a series, so repetition does not flood the report.
    # A pair of one source's figures first: where the next article gives the figure of the same source
    # and another's (the civil protection's toll and the ministry's), the series goes on with the
    # source's own, not across to another source's. Then a pair with the first figure of the next
    # article: the step the series reads as next.
    progress = keep_first_per(
        classified.filter(pl.col("finding_kind") != "contradiction").with_columns(
            pl.col("source_key").ne_missing(pl.col("source_key_b")).alias("to_another_source"),
            (pl.col("position_b") != pl.col("next_position")).alias("later_in_next_article"),
        ),
        ["subject", "article_low", "article_high", "finding_kind"],
        prefer=["to_another_source", "later_in_next_article"],
    ).drop("to_another_source", "later_in_next_article")
    return findings_from_pairs(pl.concat([contradictions, progress], how="vertical"), rule, claims)
