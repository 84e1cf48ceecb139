"""Timeline charts of quantity series: every figure a series' articles report, with its interval, by source.

A series is the claims with the same unit, actor and location, charted when at least one of its
claims is part of a finding. Where only rules that compare within a news story (`group_by` with
`story`) cite it, it is one series per story, as those rules compare it: the missing of a ferry
accident and of a collision at sea months later are two series, not one that falls from 38 to 1. Charts are PNG files written next to the report; their bytes depend
only on the claims (fixed size, dpi and font, no software or date metadata), so regenerating a
report gives the same files.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import polars as pl

from checker.atomic import write_atomic
from checker.checks.common import figure_at
from checker.checks.quantity_series import once_per_article
from checker.formatting import NO_SOURCE_NAMED, german_number
from checker.stories import with_stories

SERIES_KEY = ("quantity_unit", "actor", "location")
# A series' key with its story: null for a series charted across stories.
STORY_SERIES_KEY = (*SERIES_KEY, "series_story")
CHART_DPI = 100
CHART_SIZE = (9.0, 5.2)
# One colour and marker per source, in order of first appearance (sources sorted by name).
PALETTE = ("#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#2c3e50", "#b7950b", "#16a085")
MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*")
# Points of different sources at the same date are spread sideways by this many days each.
SPREAD_DAYS = 2.5
# Written into every chart (PNG tEXt "Source"), so that charts of series that are gone can be told
# apart from other images in the directory and removed.
CHART_MARK = "checker quantity-series chart"
# Charts are re-drawn only when what they show changes: the signature of a series' data and of
# this module's code sits in the PNG's text metadata, and an existing file with the same signature
# is kept (drawing costs about a second per run; most runs change no series).
_RENDER_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class QuantitySeries:
    unit: str | None
    actor: str | None
    location: str | None
    claims: pl.DataFrame  # the series' claims, sorted by publication, period, source, value
    story: str | None = None  # the story's label, for a series compared only within its story

    @property
    def title(self) -> str:
        who = ", ".join(part for part in (self.actor, self.location) if part) or "unattributed"
        within = f" in story {self.story}" if self.story else ""
        return f"{who}: reported figures ({self.unit or 'unknown unit'}){within} over time"

    @property
    def slug(self) -> str:
        return slugify("-".join(part or "none" for part in (self.unit, self.actor, self.location)) + (f"-{self.story}" if self.story else ""))


@dataclass(frozen=True)
class Chart:
    series: QuantitySeries
    path: Path  # where the file is written
    link: str | None  # relative to the report; None when drawing failed (the series' table is still shown)


def slugify(text: str) -> str:
    german = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss")
    ascii_text = unicodedata.normalize("NFKD", german).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "series"


def quantity_series(
    findings: pl.DataFrame, claims: pl.DataFrame, articles: pl.DataFrame | None = None, story_rules: Collection[str] = ()
) -> list[QuantitySeries]:
    """The series that at least one finding is about, each with all of its level figures.

    A series that only findings of `story_rules` (the ids of the rules that compare within a story)
    cite is one series per story of its cited figures, found from `claims` and `articles` as the
    rules found them (`checker.stories`). Deployments, changes and additions (`quantity_role`) are
    not levels of the series; drawn beside the totals they would read as a collapse of the figure.
    """
    if findings.is_empty() or claims.is_empty():
        return []
    cited = findings.select("claims", pl.col("rule").is_in(list(story_rules)).alias("within_story")).explode("claims").rename({"claims": "id"})
    # Claims with their stories (the report finds them once for all its sections) are read as they are.
    if "story" not in claims.columns:
        claims = with_stories(claims, articles) if cited["within_story"].any() else claims.with_columns(pl.lit(None, dtype=pl.String).alias("story"))
    # A figure an article gives twice (its headline and its body) is one figure of the series.
    quantities = once_per_article(claims.filter(pl.col("kind") == "quantity", pl.col("quantity_role").fill_null("level") == "level"))
    cited_series = quantities.join(cited, on="id").select(*SERIES_KEY, "story", "within_story")
    # A series any rule compares across stories is charted whole; one compared only within stories, per story.
    across = cited_series.group_by(SERIES_KEY).agg((~pl.col("within_story")).any().alias("across"))
    keys = (
        cited_series.join(across, on=list(SERIES_KEY), nulls_equal=True)
        .select(*SERIES_KEY, pl.when(pl.col("across")).then(None).otherwise(pl.col("story")).alias("series_story"))
        .unique()
    )
    if keys.is_empty():
        return []
    members = quantities.with_columns(
        pl.coalesce("date_start", "published_start").alias("period_start"),
        pl.coalesce("date_end", "published_end").alias("period_end"),
    )
    series = []
    for key in keys.sort(list(STORY_SERIES_KEY), nulls_last=True).iter_rows(named=True):
        # In the order they were told: a running total's figures ("heuer elf", "heuer zwölf") share
        # a period, and only their publication says which came first.
        of_story = [] if key["series_story"] is None else [pl.col("story") == key["series_story"]]
        selected = members.filter(*[pl.col(c).eq_missing(key[c]) for c in SERIES_KEY], *of_story).sort(
            ["published_start", "period_start", "period_end", "source", "quantity_value", "article", "span_start"], nulls_last=True
        )
        series.append(QuantitySeries(key["quantity_unit"], key["actor"], key["location"], selected, key["series_story"]))
    return series


def _midpoint(start: date, end: date) -> date:
    return start + timedelta(days=(end - start).days // 2)


def chart_signature(series: QuantitySeries) -> str:
    digest = hashlib.sha256(_RENDER_CODE.encode())
    digest.update(series.title.encode())
    digest.update(str(series.unit).encode())
    drawn = series.claims.select("text", "source", "quantity_value", "quantity_low", "quantity_high", "period_start", "period_end", "published_start")
    digest.update(drawn.write_csv().encode())
    return "sig-" + digest.hexdigest()[:24]


def _png_head_holds(path: Path, text: str) -> bool:
    """Whether `path` is a PNG whose first bytes (where its text metadata sits) hold `text`."""
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    return head.startswith(b"\x89PNG") and text.encode() in head


def render_chart(series: QuantitySeries) -> bytes:
    """The series as a PNG: a point per figure, its interval as a bar, open ends as arrows."""
    # The Agg canvas is used directly: no pyplot, no global backend switch, no display needed.
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    rows = series.claims.with_columns(figure_at()).to_dicts()
    sources = sorted({row["source"] or NO_SOURCE_NAMED for row in rows})
    style = {source: (PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)]) for i, source in enumerate(sources)}

    finite = [v for row in rows for v in (row["quantity_value"], row["quantity_low"], row["quantity_high"]) if v is not None]
    top = max(finite) * 1.25 if finite and max(finite) > 0 else 1.0
    bottom = 0.0 if all(v >= 0 for v in finite) else min(finite) * 1.25

    with rc_context({"font.family": "DejaVu Sans", "font.size": 10, "svg.hashsalt": "checker", "axes.unicode_minus": False}):
        figure = Figure(figsize=CHART_SIZE, dpi=CHART_DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot(1, 1, 1)
        seen_at: dict[date, int] = {}
        labelled: set[str] = set()
        for row in rows:
            source = row["source"] or NO_SOURCE_NAMED
            colour, marker = style[source]
            day = _midpoint(row["period_start"], row["period_end"]) if row["period_start"] and row["period_end"] else row["published_start"]
            slot = seen_at.get(day, 0)
            seen_at[day] = slot + 1
            # Alternate sides so points at the same date stay centred on it.
            offset = ((slot + 1) // 2) * SPREAD_DAYS * (1 if slot % 2 else -1)
            x = date2num(day) + offset
            value, low, high = row["figure_at"], row["quantity_low"], row["quantity_high"]
            if row["period_start"] and row["period_end"] and row["period_end"] > row["period_start"]:
                # A month-precise figure is about the whole month: show that span, faintly.
                axes.hlines(value, date2num(row["period_start"]), date2num(row["period_end"]) + 1, colors=colour, linewidth=1.2, alpha=0.35)
            bar = {"color": colour, "linewidth": 2.0, "alpha": 0.85}
            # Caps are markers, so their width is in points whatever the time span shown.
            cap = {"linestyle": "none", "marker": "_", "markersize": 14, "markeredgewidth": 2.0, "color": colour, "alpha": 0.85}
            if low is not None and high is not None and low != high:
                axes.vlines(x, low, high, colors=colour, linewidth=bar["linewidth"], alpha=bar["alpha"])
                axes.plot([x, x], [low, high], **cap)
            elif low is not None and high is None:
                axes.annotate("", xy=(x, top * 0.97), xytext=(x, low), arrowprops={"arrowstyle": "-|>", **bar})
                axes.plot([x], [low], **cap)
            elif high is not None and low is None:
                axes.annotate("", xy=(x, bottom + (top - bottom) * 0.03), xytext=(x, high), arrowprops={"arrowstyle": "-|>", **bar})
                axes.plot([x], [high], **cap)
            axes.plot(
                [x], [value], linestyle="none", marker=marker, markersize=8, color=colour, markeredgecolor="black", markeredgewidth=0.6,
                label=source if source not in labelled else None, zorder=3,
            )
            labelled.add(source)
            axes.annotate(row["text"].replace("\n", " "), xy=(x, value), xytext=(6, 4), textcoords="offset points", fontsize=8, color="#333333")
        axes.set_ylim(bottom, top)
        days = [date2num(d) for r in rows if r["period_start"] and r["period_end"] for d in (r["period_start"], r["period_end"])]
        if days:
            margin = max(7.0, (max(days) - min(days)) * 0.08)
            axes.set_xlim(min(days) - margin, max(days) + margin)
        locator = AutoDateLocator(minticks=3, maxticks=8)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _position: german_number(value, decimals=1)))
        axes.set_ylabel(series.unit or "figure")
        axes.set_xlabel("period the figure is about (publication date unless the text dates it)")
        axes.grid(True, axis="y", color="#dddddd", linewidth=0.8)
        axes.set_axisbelow(True)
        axes.set_title(series.title, fontsize=12, loc="left", pad=18)
        axes.text(
            0.0, 1.01, "point: reported figure · bar: range its wording allows · arrow: open end · faint line: period it is about · colour: source",
            transform=axes.transAxes, fontsize=8, color="#555555", va="bottom",
        )
        axes.legend(title="source", loc="upper left", fontsize=8, title_fontsize=8, frameon=True)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(
            buffer, format="png", dpi=CHART_DPI,
            metadata={"Software": None, "Source": CHART_MARK, "Comment": chart_signature(series)},
        )
    return buffer.getvalue()


def write_charts(series: list[QuantitySeries], report_path: str | Path, directory_name: str = "charts") -> tuple[list[Chart], list[str]]:
    """Render and atomically write one PNG per series next to the report; failures are returned, not raised,
    and a series whose chart failed is still returned (without a link), so its figures are still listed."""
    report_directory = Path(report_path).parent
    charts: list[Chart] = []
    failures: list[str] = []
    used: dict[str, int] = {}
    for item in series:
        slug = item.slug
        used[slug] = used.get(slug, 0) + 1
        if used[slug] > 1:
            slug = f"{slug}-{used[slug]}"
        link = f"{directory_name}/{slug}.png"
        target = report_directory / directory_name / f"{slug}.png"
        try:
            if not _png_head_holds(target, chart_signature(item)):
                write_atomic(target, render_chart(item))
        except Exception as error:  # a chart must never cost the report
            failures.append(f"{target}: chart for '{item.title}' not written: {type(error).__name__}: {error}")
            link = None
        charts.append(Chart(item, target, link))
    remove_stale_charts(report_directory / directory_name, {chart.path.name for chart in charts if chart.link})
    return charts, failures




def remove_stale_charts(directory: Path, keep: set[str]) -> None:
    """Remove charts an earlier run wrote for series that no longer occur; never any other file."""
    if not directory.is_dir():
        return
    for path in sorted(directory.glob("*.png")):
        if path.name not in keep and _png_head_holds(path, CHART_MARK):
            path.unlink(missing_ok=True)
