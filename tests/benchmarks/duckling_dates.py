"""Duckling's German time corpus through our date extractor: pass rate by calendar date, and every miss.

    python tests/benchmarks/duckling_dates.py

Every case is resolved against Duckling's reference day, Tuesday 2013-02-12, as an article
published that day (`extract_dates`), and compared as an inclusive interval of days:

- a value of grain day, week, month, quarter or year is the day, the week from Monday, the month,
  the quarter or the year it starts; an interval runs from `from` to the day before `to` (Duckling's
  ends are exclusive); an open interval is compared on its one bound;
- a case of grain hour, minute or second counts for its date part only when its text names the
  day (a weekday, a month, a numeric date, "heute", "morgen", "gestern", a count of days or
  weeks); a time of day alone ("um 15 Uhr", "15:20") is skipped, as a news claim checker does not
  date times of day.

A case passes when a date claim has exactly the expected interval, or when a range comes out as
two claims, its first and its last day (our claims are points and periods, not ranges). A case
is "differs by design" only when it fails and our claim is what news usage means (`BY_DESIGN`:
the rule and the value news give); anything else is a miss, grouped by the reason in
`MISS_REASONS` ("NOT EXPLAINED" when none fits). Duckling's strings are chat input, mostly in
lower case; a miss is tried once more with German nouns capitalised as news print them, and a
pass that needs it is counted apart. Skips and their reasons are printed, never dropped.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from checker.document import Document  # noqa: E402
from checker.extract.dates import extract_dates  # noqa: E402
from checker.published import PublicationDate  # noqa: E402

DATA = REPO / ".." / "shared" / "data" / "duckling-de" / "duckling_de_time.jsonl"
REFERENCE = date(2013, 2, 12)
DATE_GRAINS = ("day", "week", "month", "quarter", "year")
TIME_GRAINS = ("hour", "minute", "second")

# A sub-day case names its day with one of these; else it is a time of day alone.
_WEEKDAYS = r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
_MONTHS = r"jan|feb|märz|mär|apr|mai|jun|jul|aug|sep|okt|nov|dez"
NAMES_A_DAY = re.compile(
    rf"\b(?:{_WEEKDAYS}|(?:mo|di|mi|do|fr|sa)[.,]|(?:{_MONTHS})\w*|heute|morgen|gestern|tag\w*|woche\w*)\b"
    r"|\b\d{1,2}\.\d{1,2}\.",
    re.IGNORECASE,
)
# German nouns Duckling writes in lower case; news capitalise them. "morgen" stays: capitalised,
# it is the noun "der Morgen".
_NOUNS = re.compile(
    rf"\b(?:{_WEEKDAYS}|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
    r"|tag|tage|tagen|woche|wochen|wochenende|monat|monats|monate|monaten|quartal|jahr|jahres|jahre|jahren"
    r"|sommer|winter|herbst|frühling|frühjahr|anfang|mitte|ende|weihnachten|ostern|pfingsten|uhr)\b"
)
TIME_OF_DAY_ONLY = "a time of day alone: no date part a news claim would carry"


def news_cased(text: str) -> str:
    return _NOUNS.sub(lambda match: match.group(0).capitalize(), text)


@dataclass(frozen=True)
class Expected:
    start: date | None  # None: open before
    end: date | None  # None: open after
    grain: str


def _day(value: str) -> date:
    return datetime.fromisoformat(value).date()


def _last_day(exclusive_end: str) -> date:
    return (datetime.fromisoformat(exclusive_end) - timedelta(seconds=1)).date()


def _grain_end(start: date, grain: str) -> date:
    if grain == "week":
        return start + timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}.get(grain)
    if months is None:
        return start
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1) - timedelta(days=1)


def expected_interval(case: dict) -> tuple[Expected | None, str | None]:
    """The days a case names, or why it is skipped."""
    expected, text = case["expected"], case["text"]
    grain = expected["grain"]
    if grain not in DATE_GRAINS and grain not in TIME_GRAINS:
        return None, f"grain {grain!r} is no calendar date"
    if grain in TIME_GRAINS and not NAMES_A_DAY.search(text):
        return None, TIME_OF_DAY_ONLY
    if expected["type"] == "value":
        start = _day(expected["value"])
        return Expected(start, start if grain in TIME_GRAINS else _grain_end(start, grain), grain), None
    start = _day(expected["from"]) if "from" in expected else None
    end = _last_day(expected["to"]) if "to" in expected else None
    return Expected(start, end, grain), None


# --- what news mean where Duckling's reading differs --------------------------------------------


@dataclass(frozen=True)
class ByDesign:
    pattern: re.Pattern[str]
    reason: str
    # Whether what we found is what news mean: (text, expected, found start, found end) -> bool.
    holds: Callable[[str, Expected, date | None, date | None], bool]


def _distance(start: date, end: date) -> int:
    return 0 if start <= REFERENCE <= end else min(abs((start - REFERENCE).days), abs((end - REFERENCE).days))


def _earlier_and_nearer(step: Callable[[date], date]) -> Callable[[str, Expected, date | None, date | None], bool]:
    """Duckling's future date moved one cycle back, where that one is nearer the reference day."""

    def holds(text: str, expected: Expected, start: date | None, end: date | None) -> bool:
        if expected.start is None or expected.end is None or start is None or end is None:
            return False
        return (start, end) == (step(expected.start), step(expected.end)) and _distance(start, end) < _distance(expected.start, expected.end)

    return holds


def _year_back(day: date) -> date:
    return day.replace(year=day.year - 1) if not (day.month == 2 and day.day == 29) else day.replace(year=day.year - 1, day=28)


def _unit_holding(text: str, expected: Expected, start: date | None, end: date | None) -> bool:
    unit = re.search(r"(woche|monat|jahr)", text.lower())
    if unit is None or start is None or end is None or expected.start is None or expected.end is None:
        return False
    day = expected.start
    whole = {
        "woche": (day - timedelta(days=day.weekday()), day - timedelta(days=day.weekday()) + timedelta(days=6)),
        "monat": (day.replace(day=1), _grain_end(day.replace(day=1), "month")),
        "jahr": (date(day.year, 1, 1), date(day.year, 12, 31)),
    }[unit.group(1)]
    return (start, end) == whole


def _months_later(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)


def _counted_from_reference(text: str, expected: Expected, start: date | None, end: date | None) -> bool:
    """Duckling's N whole units before or after the current one, counted instead from the
    reference day back or ahead, that day included."""
    if expected.start is None or expected.end is None or start is None or end is None:
        return False
    days = (expected.end - expected.start).days + 1
    months = (expected.end.year - expected.start.year) * 12 + expected.end.month - expected.start.month + 1
    sign = -1 if expected.end < REFERENCE else 1
    other_end = {
        "day": lambda: REFERENCE + timedelta(days=sign * days),
        "week": lambda: REFERENCE + timedelta(days=sign * days),
        "month": lambda: _months_later(REFERENCE, sign * months),
        "year": lambda: _months_later(REFERENCE, sign * months),
    }.get(expected.grain, lambda: None)()
    return (start, end) == ((other_end, REFERENCE) if sign < 0 else (REFERENCE, other_end))


def _is(first: str, last: str) -> Callable[[str, Expected, date | None, date | None], bool]:
    return lambda text, expected, start, end: (start, end) == (date.fromisoformat(first), date.fromisoformat(last))


_NO_YEAR = r"^(?!.*\d{4})(?!.*[.\s]\d{2}$)"
BY_DESIGN = [
    ByDesign(
        re.compile(rf"^(?:am\s+|diese[nm]?\s+)?(?:{_WEEKDAYS})\b(?!,)(?!.*(?:woche|nächst|letzt))", re.I),
        "a weekday without tense cue is the nearest such day, past or future (news report both), not always the next",
        _earlier_and_nearer(lambda day: day - timedelta(days=7)),
    ),
    ByDesign(
        re.compile(_NO_YEAR + r"(?!.*(?:nächst|übernächst|kommend))", re.I),
        "a date without year or tense cue is the nearest such date, past or future (news recall as much as they announce)",
        _earlier_and_nearer(_year_back),
    ),
    ByDesign(re.compile(r"^(?:vor|in)\s+\S+\s+(?:woche|wochen|monat|monaten|jahr|jahren)$", re.I),
             "a count of weeks, months or years from publication is approximate in news: the claim is the whole week, month or year it reaches",
             _unit_holding),
    ByDesign(re.compile(r"^(?:letzte|nächste|vergangene|kommende)n?\s+\S+\s+(?:tage|tagen|wochen|monate|monaten|jahre|jahren)$", re.I),
             "the last or next N days, weeks, months or years count in news from publication back or ahead, that day included "
             "('soll in den nächsten zwei Wochen beginnen' may be tomorrow), not over whole calendar units",
             _counted_from_reference),
    ByDesign(re.compile(r"^diesen sommer$", re.I), "seasons are meteorological (June to August), as TIMEX3 SU in news", _is("2013-06-01", "2013-08-31")),
    ByDesign(re.compile(r"^diesen winter$", re.I), "seasons are meteorological (December to February)", _is("2012-12-01", "2013-02-28")),
    ByDesign(re.compile(r"wochenende", re.I), "a weekend in news is Saturday and Sunday, not from Friday evening", _is("2013-02-16", "2013-02-17")),
    ByDesign(re.compile(r"^weihnachten$", re.I),
             "Weihnachten is celebrated from Heiligabend (24 December) on in German-speaking countries; nearest without tense",
             _is("2012-12-24", "2012-12-24")),
    ByDesign(re.compile(r"^kommende woche$", re.I), "'kommende Woche' in news is next week (Duckling reads this week)", _is("2013-02-18", "2013-02-24")),
    ByDesign(re.compile(r"^(?:binnen|innerhalb von)\s+2\s+wochen$", re.I),
             "a deadline of N weeks from publication ends on the day N weeks on, that day included (§ 188 BGB); Duckling stops the day before",
             _is("2013-02-12", "2013-02-26")),
    ByDesign(re.compile(r"^vatertag$", re.I), "Vatertag in Germany is Christi Himmelfahrt (Duckling: the US third Sunday of June)", _is("2013-05-09", "2013-05-09")),
]

_HOLIDAY_ELSEWHERE = (
    r"puja|diwali|jayanti|pongal|holi\b|navroz|eid\b|adha|bakr|ramadan|kippur|chanukka|hanukkah|pessach|passover|passa|pascha|sukkot|"
    r"laubhütten|schawuot|shavuot|purim|rosch|azeret|atzeret|torah|omer|shoah|holocaust|haatzmaut|ha'atzmaut|b'av|bishvat|bischevat|"
    r"qadr|kadr|bestimmung|allmacht|aschura|ashura|mawlid|maulid|navaratri|vesak|vaisakha|wesak|buddha|gysd|youth|guru|rabindra|"
    r"valmiki|diwas|koningsdag|königstag|chinesisch|islamisch|amun|jamat|jumu|isra|propheten|nachtreise|himmel\b|dhan|chaudas|"
    r"dooj|chhath|navami|saptami|dussehra|vijaya|chauth|rakhi|mahavir|mahaveer|shivaratri|saraswati|sankran|maghi|baisakhi|"
    r"vaisakhi|vasakhi|onam|panchami|dahan|kamudu|janmashtami|gokul|dhulandi|phagwah|parsi|bogi|pandigai|annakut|govardhan|"
    r"orthodox|lazarus|fastenzeit|dreifaltigkeit|trinitatis|goldener sonntag|pentecost|mardi gras|corpus christi|aschermontag|"
    r"aschertag|aschetag|reiner montag|sauberer montag|stiller|hoher|heiliger donnerstag|weißer donnerstag|palmdonnerstag|"
    r"himmelfahrtstag|karsonnabend|^fastnacht|halloween|muttertag|^nikolaus$|opferfest|deepavali|shashthi|vaishakhi"
)

# Why a case is missed; the first pattern that fits the text names the group.
MISS_REASONS = [
    (re.compile(_HOLIDAY_ELSEWHERE, re.I),
     "a holiday of a lunar or non-German calendar, a rare alias, or one not in the lexicon"),
    (re.compile(r"(?:erst|zweit|dritt|viert|letzt)\w*\s+(?:\w+tag|woche|tag)\s+im\b", re.I), "the n-th weekday, day or week of a month"),
    (re.compile(r"nach dem nächsten|in \S+ wochen$|vor \S+ wochen$|\w+ nach weihnachten", re.I),
     "a day counted from another day ('Mittwoch nach dem nächsten', 'ein Jahr nach Weihnachten'): spoken, not news"),
    (re.compile(r"\d(?:te|ter|ten|tes)\b", re.I), "an ordinal with a chat suffix ('15te', '13ter'): news write '15.'"),
    (re.compile(rf"(?:^|\s)(?:{_MONTHS})\w*\.?\s+\d", re.I), "month before the day ('Aug 8'): English order, not German news"),
    (re.compile(rf"^\d{{1,2}}\s+(?:(?:bis|-)\s+\d{{1,2}}\s+)?(?:{_MONTHS})", re.I), "a day without its full stop ('1 März'): news write '1. März'"),
    (re.compile(r"\bsept$", re.I), "a month abbreviation without its full stop ('21. Sept')"),
    (re.compile(r"^\w+tag morgens$", re.I), "'Montag morgens' reads as every Monday morning (a set); news write 'am Montagmorgen'"),
    (re.compile(r"ende des tages", re.I), "the end of today: a time of day, not a date claim"),
    (re.compile(r"\d{1,2}\.?\s*(?:-|/|bis(?:\s+zum)?|auf\s+den)\s*\d{1,2}\.\d{1,2}", re.I), "a numeric range of days ('14./15.10.')"),
    (re.compile(r"^(?:am\s+)?\d{1,2}\.\d{1,2}\.?(?:\s|$)", re.I),
     "a numeric date without year is read only after a cue ('am 15.2.') and with its closing full stop: else a section number or a time"),
    (re.compile(rf"^(?:{_WEEKDAYS}|mo|di|mi|do|fr|sa|so)\.?$|^\w\w,", re.I),
     "a weekday abbreviation: in news only in listings, and 'do', 'so' are words"),
    (re.compile(r"binnen|innerhalb", re.I), "within N units from now"),
    (re.compile(r"vorvorgestern", re.I), "colloquial, not news"),
    (re.compile(r"^\d{4}-\d-"), "an ISO date with a one-digit month: not ISO 8601"),
    (re.compile(r"\b(?:\w+)\s+\d{2}$"), "a two-digit year after a month name"),
    (re.compile(r"ßigst|ssigst", re.I), "an ordinal word above twenty-one"),
]


def miss_reason(text: str) -> str:
    return next((reason for pattern, reason in MISS_REASONS if pattern.search(text)), "NOT EXPLAINED")


# --- scoring --------------------------------------------------------------------------------------


@dataclass
class Outcome:
    text: str
    expected: Expected | None
    status: str  # pass | pass_cased | pass_range | by_design | other_value | not_found | skipped
    reason: str = ""
    found: list[tuple[str, date | None, date | None]] = field(default_factory=list)


def _claims(text: str) -> list[tuple[str, date | None, date | None]]:
    doc = Document(article="duckling", text=text, published=PublicationDate(REFERENCE, REFERENCE, "day"))
    return [(text[claim.span_start : claim.span_end], claim.date_start, claim.date_end) for claim in extract_dates(doc)]


def _matches(expected: Expected, found: list[tuple[str, date | None, date | None]]) -> str | None:
    for _, start, end in found:
        if (expected.start is None or start == expected.start) and (expected.end is None or end == expected.end):
            return "pass"
    if expected.start is not None and expected.end is not None and expected.start != expected.end and len(found) >= 2:
        if found[0][1] == expected.start and found[-1][2] == expected.end:
            return "pass_range"
    return None


def score_case(case: dict) -> Outcome:
    text = case["text"]
    expected, skip = expected_interval(case)
    if expected is None:
        return Outcome(text, None, "skipped", skip or "")
    found = _claims(text)
    status = _matches(expected, found)
    if status is None and news_cased(text) != text:
        cased = _claims(news_cased(text))
        if _matches(expected, cased):
            return Outcome(text, expected, "pass_cased", found=cased)
    if status is not None:
        return Outcome(text, expected, status, found=found)
    for rule in BY_DESIGN:
        if rule.pattern.search(text) and any(rule.holds(text, expected, start, end) for _, start, end in found):
            return Outcome(text, expected, "by_design", rule.reason, found)
    return Outcome(text, expected, "other_value" if found else "not_found", miss_reason(text), found)


def load_cases(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(path: Path = DATA) -> list[Outcome]:
    return [score_case(case) for case in load_cases(path)]


def pass_rate(outcomes: list[Outcome]) -> float:
    """Passes over cases in scope (skips left out; by-design cases count as not passed)."""
    scoped = [outcome for outcome in outcomes if outcome.status != "skipped"]
    return sum(outcome.status.startswith("pass") for outcome in scoped) / len(scoped)


def _interval(start: date | None, end: date | None) -> str:
    if start == end and start is not None:
        return start.isoformat()
    return f"{start.isoformat() if start else '…'}..{end.isoformat() if end else '…'}"


def main() -> int:
    if not DATA.exists():
        print(f"Duckling corpus not found at {DATA.resolve()}: nothing to benchmark.")
        return 0
    outcomes = score()
    counts = Counter(outcome.status for outcome in outcomes)
    scoped = len(outcomes) - counts["skipped"]
    passed = counts["pass"] + counts["pass_cased"] + counts["pass_range"]
    print(f"Duckling German time: {len(outcomes)} cases from {DATA.name}, reference {REFERENCE} (Tuesday)")
    print(f"in scope (calendar dates): {scoped}; skipped: {counts['skipped']}")
    print(f"found with the right value: {passed}/{scoped} = {100 * passed / scoped:.1f}%"
          f"  (as written {counts['pass']}, after capitalising nouns {counts['pass_cased']}, range as its two ends {counts['pass_range']})")
    print(f"differs by design: {counts['by_design']}")
    print(f"found with another value: {counts['other_value']}")
    print(f"not found: {counts['not_found']}")
    groups: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        if outcome.status in ("skipped", "by_design", "other_value", "not_found"):
            groups[(outcome.status, outcome.reason)].append(outcome)
    order = {"by_design": 0, "other_value": 1, "not_found": 2, "skipped": 3}
    for (status, reason), members in sorted(groups.items(), key=lambda item: (order[item[0][0]], -len(item[1]), item[0][1])):
        print(f"\n{status.replace('_', ' ')} ({len(members)}): {reason}")
        for outcome in members:
            if status == "skipped":
                print(f"  {outcome.text!r}")
                continue
            found = ", ".join(f"{span!r} {_interval(start, end)}" for span, start, end in outcome.found) or "nothing"
            assert outcome.expected is not None
            print(f"  {outcome.text!r}: expected {_interval(outcome.expected.start, outcome.expected.end)} ({outcome.expected.grain}), found {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
