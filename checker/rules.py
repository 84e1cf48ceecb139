"""Rule files: one YAML file a rule, validated on load against `schemas/rule.schema.json`.

A bad rule file is an input error naming the file, the line and the field of each of its problems;
every file is checked before any is reported (as a linter does), and the rule set is not used until
every file loads. Check types are a fixed set implemented in `checker.engine`.

In `select.quantity_unit` a unit family of units.yaml (`family: currency`) stands for all its
units: `{not: [currency, percent]}` leaves out every amount of money (EUR, USD, …) and percentages.
The family is expanded when the rule loads, so `Rule.select` holds units only.
"""

from __future__ import annotations

import hashlib
import json
import string
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import yaml

from checker.atomic import keep_replacing
from checker.errors import InputError, InputProblem
from checker.lexicon import SAFE_LOADER
from checker.schema import CLAIMS_SCHEMA, MEETING_MODES
from checker.stories import STORY_COLUMNS
from checker.units import unit_entries, unit_families

if TYPE_CHECKING:
    import jsonschema

RULE_SCHEMA_PATH = Path(__file__).parent / "schemas" / "rule.schema.json"

# The check types a rule may extend, with what each does (`checker rules explain` prints these).
# Each is implemented by one module of `checker.checks`.
CHECK_TYPES: dict[str, str] = {
    "quantity_series": (
        "Claims with the same subject key (the rule's group_by, e.g. unit, actor, location) ordered by time "
        "(the claim's own date, else its publication period; a period running past the publication ends with it). "
        "Of units in options.monotonic_units, two figures whose periods nest as published (the one published later "
        "counts over the other's period) are in the order they were published: the later lower is a contradiction. "
        "Each figure is an interval, widened by "
        "tolerance.relative / tolerance.absolute before comparing (an exact figure, without a qualifier, no further "
        "than under half a unit of its last written digit: '5840' is 5835-5845, '41' stays 41; nor a bound a qualifier "
        "sets at the written value: 'mehr als 1000' stays at least 1000); two exact figures that differ are rising or falling, never refined. Figures from different articles whose "
        "intervals overlap refine each other (update, or confirmation when identical); disjoint figures of "
        "different periods are an update (rising, falling); disjoint figures of the same period are a "
        "contradiction. Units in options.monotonic_units never contradict by rising, only by falling later. "
        "options.same_series_within_days (unit -> days) bounds how far apart in time two figures of a unit may "
        "lie to be one series: figures whose periods are farther apart are not compared at all. "
        "options.why_left_out (unit -> a few words) says why the rule's select leaves a unit out, for the note of "
        "`checker claim`; it changes no comparison. These three options name units or unit families of units.yaml "
        "(a family stands for its units); any other name is an error. "
        "Disjoint figures of two different named sources contradict as sources that disagree: in the same "
        "period (for a count that only grows, a written period that had ended when both were published on one day), or, "
        "each a figure of the time it was published, published at most options.sources_disagree_within_days apart; "
        "or, as the next step of the series, the figure published later lower than the other, the two published at most "
        "options.lower_from_another_source_within_days apart; not so of units in options.receding_units, whose count falls "
        "by nature (the missing are found): another source's later and lower figure is a fall. Of units in options.monotonic_units, a figure dated to whole "
        "calendar months of its own (a month, a half-year, a year) is that period's total: a figure of a period wholly "
        "outside those months is another statistic, not compared (a month and the year that holds it are); two figures of "
        "the same such months, ended when both were published, are one total told again: at most "
        "options.ended_period_told_again_within_days apart, figures that cannot both hold contradict in either order, "
        "and farther apart a later one that moved, not below the earlier, is 'revised', not 'rising'. "
        "Of units in options.sources_disagree_on_one_day, two named sources' figures of one running period told on one "
        "day that cannot both hold disagree, though the count only grows. "
        "Of units in options.counted_per_period, a later figure "
        "dated to a period of its own that had ended when it was published, and that is not the earlier figure's "
        "period, counts other events: it is compared with nothing before it (with options.unknown_nouns_counted_per_period, "
        "so does a unit units.yaml does not know). With options.own_periods_apart, figures are compared only with figures of "
        "the very same own period (undated with undated), and one of a period not ended when published is taken as of its publication. "
        "Of units in options.other_stories_apart, figures of articles published within the window of checker.stories that are no "
        "one story (nor one sentence copied) are of two events, not compared, unless one is dated to a month or more of its own. "
        "With options.provisional_made_final, an early estimate and a figure told after it that is none never contradict: an update. "
        "A figure of a measure in options.measures_of_an_actor (a share of the votes) that names no actor is compared with none. "
        "With options.measured_subjects_apart, the figures of a measure whose story names two actors or two places of it "
        "are compared per actor and place, and those naming none among themselves."
    ),
    "event_consistency": (
        "Mentions of the same meeting (same group key, meeting_event) in different articles must agree on "
        "date (intervals overlap, with tolerance.days of slack), place and mode, wherever both name them. "
        "Disagreement is a contradiction; agreement on at least one of them a confirmation. One finding per "
        "event and pair of articles; an article never confirms itself. options.same_period_only compares only "
        "articles of overlapping publication periods, and with options.later_changes_are_updates a later "
        "period's mention that differs is an update (the meeting moved); options.unspecified_modes agree with any mode, and two "
        "modes of one options.compatible_modes group (call: [phone, video]) agree with each other. Grouped by "
        "participants, options.same_meeting_within_days also takes two mentions of the same mode at most that "
        "many days apart as one meeting, and options.same_meeting_on_same_day two mentions dated to the same "
        "single day whatever their modes, so that a report the event linker keeps apart (another city, another "
        "day, another mode) is still compared."
    ),
    "status_progression": (
        "Statuses of one meeting over time, ranked by options.ranks (proposed → agreed → held). A status is "
        "dated by its publication, those in options.dated_by_meeting by the meeting's date. A higher rank "
        "later is an update, as is a status in options.withdrawals after a lower rank; statuses paired in "
        "options.conflicts in overlapping periods from different sources are a contradiction (agreed vs. "
        "denied); a lower rank after a status in options.final is a contradiction (held before proposed), and "
        "so is a status listed in options.reversals for a withdrawal reported after it (held after cancelled), "
        "unless a ranked status other than a final one was reported after the withdrawal (rescheduled) or, for an "
        "undated withdrawal, more than options.reversal_within_days after it (an update). A status in "
        "options.denials that dates the meeting, from another source, contradicts a conflicting status by the meeting's "
        "date: published on or after the day it was reported held (denied after held), or, against a plan or agreement, "
        "while that date was still ahead."
    ),
    "calendar_agreement": (
        "A weekday and a date said of the same thing (group_by [id]: the same claim; [meeting_event]: any "
        "two mentions of one meeting) must fall on the same day; a weekday matching another article's date "
        "is a confirmation. Grouped by participants, options.same_meeting_within_days takes mentions as one "
        "meeting as event_consistency does."
    ),
}
# The options whose values (list items or mapping keys) are units: each must be a unit or a unit
# family of units.yaml, and a family stands for its units.
UNIT_OPTIONS: dict[str, tuple[str, ...]] = {
    "quantity_series": ("monotonic_units", "receding_units", "counted_per_period", "sources_disagree_on_one_day", "same_series_within_days", "why_left_out", "other_stories_apart")
}

def _named_mapping(description: str, values: dict) -> dict:
    """The schema of an option that maps names (a unit, a group of modes) to values of the schema `values`."""
    return {"type": "object", "description": description, "propertyNames": {"minLength": 1}, "additionalProperties": values}


# The options each check type understands; anything else in `options` is a rule-file error.
OPTION_SCHEMAS: dict[str, dict] = {
    "quantity_series": {
        "monotonic_units": {"type": "array", "items": {"type": "string"}},
        "receding_units": {
            "type": "array",
            "items": {"type": "string"},
            "description": (
                "units whose count falls by nature (the missing are found, the hospitalised go home): another named "
                "source's figure published later and lower is a fall (an update), not sources that disagree under "
                "sources_disagree_within_days or lower_from_another_source_within_days."
            ),
        },
        "same_series_within_days": _named_mapping(
            "unit -> the greatest number of days between the periods of two figures of that unit (0 when "
            "the periods overlap) for them to be one series; figures farther apart are not compared at all, "
            "neither as a contradiction nor as an update. Units not named have no limit.",
            {"type": "integer", "minimum": 0},
        ),
        "why_left_out": _named_mapping(
            "unit -> why the rule leaves out figures of that unit (its select excludes them), in a few words: "
            "`checker claim` quotes it in its note on a figure no rule compares. It changes no comparison.",
            {"type": "string", "minLength": 1},
        ),
        "sources_disagree_within_days": {
            "type": "integer",
            "minimum": 0,
            "description": (
                "the greatest number of days between the publications of two figures of different named sources, "
                "each of the time it was published (no period written, or 'derzeit'), for them to disagree (a contradiction) rather than be a change "
                "(an update): a critic's lower figure the next day is no fall. Without it, only figures of the same "
                "period disagree."
            ),
        },
        "lower_from_another_source_within_days": {
            "type": "integer",
            "minimum": 0,
            "description": (
                "the greatest number of days between the publications of two figures of different named sources, "
                "next to each other in a series, for the one published later being lower to be a disagreement (a "
                "contradiction) rather than a change: another source's lower figure is how a dispute reads "
                "('spricht dagegen von höchstens 800.000'), not a fall, whichever period each names."
            ),
        },
        "ended_period_told_again_within_days": {
            "type": "integer",
            "minimum": 0,
            "description": (
                "of units in monotonic_units: the greatest number of days between the publications of two figures of the "
                "same whole calendar months (a month, a quarter, a half-year, a year) that had ended when both were "
                "published, for them to be one total told again, which does not grow in between: figures that cannot both "
                "hold contradict in either order (sources that disagree, or one source against itself). Published farther "
                "apart, a later figure that differs without falling below the earlier one is a revision (an update, "
                "'revised'). Without it, such figures are a series as any."
            ),
        },
        "measures_of_an_actor": {
            "type": "array",
            "items": {"type": "string"},
            "description": (
                "measures (quantity_measure) that are always someone's (a party's or a candidate's share of the votes): "
                "a figure of one whose claim names no actor is compared with none."
            ),
        },
        "measured_subjects_apart": {
            "type": "boolean",
            "description": (
                "where a story names two actors or two places of a measure (two parties' shares, a state's jobless rate "
                "beside the country's), each actor's and place's figures of it are a series of their own and those naming "
                "neither one more (checker.stories.measured_subject); where it names one, that one is whose or where every "
                "figure of it is. Without it, figures are grouped by group_by alone."
            ),
        },
        "own_periods_apart": {
            "type": "boolean",
            "description": (
                "figures are compared only with figures of the very same own period (the period their words date them to: "
                "January's punctuality with January's, the deficit 'für 2027' with 2027's), and undated figures only with "
                "undated ones: what is measured per period differs from one period to the next without anything having changed. "
                "A figure of a period that had not ended when it was published (next year's budget) is taken as of its "
                "publication, as an undated figure is: a later figure of that period that differs is an update, not a contradiction. "
                "So is an undated figure whose sentence names days that reach its publication ('wie die Bahn am Dienstag mitteilte', "
                "that Tuesday): the day it was told."
            ),
        },
        "other_stories_apart": {
            "type": "array",
            "items": {"type": "string"},
            "description": (
                "units that count the toll of one event (the dead, the injured): their figures of two articles published at "
                "most the window within which checker.stories links articles (WINDOW_DAYS) apart are compared only where the "
                "articles are one story (or one sentence copied): two articles the story linker kept apart report two events "
                "(a fire and a crash in one city on one day). Farther apart the linker joins no articles, and the figures are "
                "compared as grouped; so is a figure dated to a month or more of its own (a statistic of its place)."
            ),
        },
        "provisional_made_final": {
            "type": "boolean",
            "description": (
                "a figure whose words tell it as an early estimate (provisional_words or estimating_institutes of lexicons/de/measures.yaml: "
                "'nach einer Hochrechnung', 'vorläufig', 'laut Forsa') and a figure told after it that is none are the estimate made final: "
                "an update whoever gives them, never a contradiction (the election night's turnout, the official one days later)."
            ),
        },
        "period_totals": {
            "type": "boolean",
            "description": (
                "every figure of the rule, whatever its unit, is a period's total as those of monotonic_units are for "
                "ended_period_told_again_within_days (an office's statistics of a month, a quarter, a year): the same "
                "ended months told again within those days by figures that cannot both hold contradict; told later by "
                "the same source, or by none, a figure that differs either way is 'revised' (an update), not a contradiction."
            ),
        },
        "sources_disagree_on_one_day": {
            "type": "array",
            "items": {"type": "string"},
            "description": (
                "of units in monotonic_units: two different named sources' figures of one period that cannot both hold, "
                "told on one day, disagree (a contradiction) even while the period runs: counts that offices register "
                "(a health office's and a state office's cases of one outbreak) differ by reporting, not by rising within "
                "the day as an earthquake's toll does. Without it, only figures of a period that had ended do."
            ),
        },
        "unknown_nouns_counted_per_period": {
            "type": "boolean",
            "description": (
                "a unit units.yaml does not know (the counted noun itself: 'Fahrer', 'Kontrollen') counts per period as the "
                "units of counted_per_period do: a noun of no known unit tells nothing of a stock, and a figure of it dated "
                "to a past day of its own ('Am Mittwoch waren 41 Fahrer zu schnell') counts that day's."
            ),
        },
        "counted_per_period": {
            "type": "array",
            "items": {"type": "string"},
            "description": (
                "units whose figures count what happened in a period (arrests, injuries): a figure dated to a "
                "period that had ended when it was published counts that period's events ('am Sonntag', 'am "
                "Wochenende'), so it neither updates nor contradicts a figure of another period before it (the "
                "day before, or a day within it); an undated running total ('bisher', 'insgesamt') still does."
            ),
        },
    },
    "event_consistency": {
        "same_period_only": {"type": "boolean"},
        "later_changes_are_updates": {
            "type": "boolean",
            "description": "with same_period_only: a later period's mention that differs from an earlier one is an update (the meeting moved), not left uncompared",
        },
        "same_meeting_within_days": {"type": "integer", "minimum": 0},
        "same_meeting_on_same_day": {
            "type": "boolean",
            "description": (
                "grouped by participants: two mentions both dated to the same single day are of one meeting "
                "whatever modes they name, so a report of a call and one of a meeting in person that day are compared"
            ),
        },
        "compatible_modes": _named_mapping(
            "name -> modes that agree with each other though they differ (call: [phone, video]: a video call "
            "is a call); two modes of no common group contradict where both are named",
            {"type": "array", "items": {"enum": [m for m in MEETING_MODES if m != "unspecified"]}, "minItems": 2, "uniqueItems": True},
        ),
        "unspecified_modes": {"type": "array", "items": {"type": "string"}},
    },
    "status_progression": {
        "ranks": {"type": "object", "additionalProperties": {"type": "integer"}},
        "final": {"type": "array", "items": {"type": "string"}},
        "withdrawals": {"type": "array", "items": {"type": "string"}},
        "dated_by_meeting": {"type": "array", "items": {"type": "string"}},
        "conflicts": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "reversals": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "reversal_within_days": _named_mapping(
            "withdrawal status -> the greatest number of days between the report of such a withdrawal that names "
            "no date and the start of a status options.reversals lists for it (held) for the two to contradict; "
            "farther apart, the later status is an update (denied → held: arranged since). Statuses not named "
            "have no limit.",
            {"type": "integer", "minimum": 0},
        ),
        "denials": {
            "type": "array",
            "items": {"type": "string"},
            "description": (
                "statuses that deny a meeting ('bestritt', 'sei nicht geplant', 'war abgesagt worden'): one that dates the "
                "meeting is judged by that date against another source's status in options.conflicts: published on or after "
                "the day a final status (held) was reported for, or while the date was still ahead, against a plan, it contradicts."
            ),
        },
    },
    "calendar_agreement": {
        "same_meeting_within_days": {"type": "integer", "minimum": 0},
        "unspecified_modes": {"type": "array", "items": {"type": "string"}},
    },
}

SEVERITY_DEFAULTS = {"contradiction": "error", "update": "info", "confirmation": "info"}
TEMPLATE_FIELDS = {"subject", "rule", "detail", "a", "b"}
CLAIM_TEMPLATE_FIELDS = set(CLAIMS_SCHEMA) | {"value", "low", "high", "interval", "unit", "qualifier", "status", "mode", "place", "participants", "period", "date", "weekday", "when", "said_by"}


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    extends: str
    path: str
    select: dict[str, Any]
    group_by: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    tolerance: dict[str, float] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    message: dict[str, str] = field(default_factory=dict)
    description: str = ""
    enabled: bool = True
    examples: tuple[dict, ...] = ()
    # The line of each example in the rule file, for `checker rules validate` to name a failing one.
    example_lines: tuple[int, ...] = ()

    def severity_of(self, kind: str) -> str:
        return self.severity.get(kind, SEVERITY_DEFAULTS[kind])


def _schema_validator() -> type[jsonschema.Draft202012Validator]:
    # Imported where a rule is validated: a run that takes its rule set as kept (see load_rules)
    # does not pay for importing jsonschema (~0.04 s).
    import jsonschema

    return jsonschema.Draft202012Validator


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return _schema_validator()(json.loads(RULE_SCHEMA_PATH.read_text(encoding="utf-8")))


def _line_of(node: yaml.Node, path: list) -> int:
    """1-based line of the YAML node at `path` (mapping keys and sequence indices), or its nearest parent."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    node = value
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
    return node.start_mark.line + 1


def _field_name(path: list) -> str:
    return ".".join(str(step) for step in path) or "(top level)"


def _compose_and_load(text: str) -> tuple[yaml.Node | None, object]:
    """The node tree (for line numbers in messages) and the data of one YAML document, from one
    parse with libyaml where installed: parsing twice in pure Python cost a CI run 0.3 s."""
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def load_rule(path: Path, validated: bool = False) -> Rule:
    """The rule in `path`; InputProblem naming file, line and field of every problem when it is not valid.

    Every problem of the file is reported at once, as a linter does, so that a user fixes them in
    one go; a section the schema rejects is not checked further (its problems are that one).
    `validated`: these very bytes passed the schema checks before (see load_rules), so the two
    checks that need jsonschema are skipped; every other check still runs."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputProblem(InputError(name, f"cannot read rule file: {error}")) from error
    try:
        node, data = _compose_and_load(text)
    except ValueError as error:  # a YAML timestamp that is no date, e.g. `published: 2022-02-30`
        raise InputProblem(InputError(name, f"invalid value: {error}")) from error
    except yaml.YAMLError as error:
        raise InputProblem(_yaml_error(name, error)) from error
    if node is None or data is None:
        raise InputProblem(InputError(name, "empty rule file"))
    if not isinstance(data, dict):
        raise InputProblem(InputError(name, f"a rule file is one mapping of keys (id: …, title: …), not a {type(data).__name__}", node.start_mark.line + 1))
    problems = [] if validated else _schema_problems(data)
    rejected = {path_steps[0] for _, path_steps in problems if path_steps}
    problems += _semantic_problems(data, rejected, validated)
    if problems:
        raise InputProblem(*sorted(
            (InputError(name, message, _line_of(node, path_steps), _field_name(path_steps)) for message, path_steps in problems),
            key=lambda error: (error.line or 0, error.field or "", error.message),
        ))
    return Rule(
        id=data["id"],
        title=data["title"],
        extends=data["extends"],
        path=name,
        select=_with_unit_families(dict(data["select"])),
        group_by=tuple(data.get("group_by", ())),
        require=tuple(data.get("require", ())),
        options=_options_with_unit_families(data["extends"], dict(data.get("options", {}))),
        tolerance=dict(data.get("tolerance", {})),
        severity=dict(data.get("severity", {})),
        message=dict(data["message"]),
        description=data.get("description", "").strip(),
        enabled=data.get("enabled", True),
        examples=tuple(data.get("examples", ())),
        example_lines=tuple(_line_of(node, ["examples", position]) for position in range(len(data.get("examples", ())))),
    )


def _yaml_error(name: str, error: yaml.YAMLError) -> InputError:
    """A YAML syntax error at the line the parser stopped, with the construct it was in and where that
    began: an unclosed bracket is only noticed lines after it was opened."""
    mark = getattr(error, "problem_mark", None)
    message = f"invalid YAML: {getattr(error, 'problem', None) or error}"
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark is not None and (mark is None or context_mark.line != mark.line):
        message += f" ({context} that begins on line {context_mark.line + 1})"
    return InputError(name, message, mark.line + 1 if mark else None)


def _schema_problems(data: dict) -> list[tuple[str, list]]:
    """(message, path to the field) for every place `data` breaks the rule schema; each unknown key is one."""
    problems = []
    for error in _validator().iter_errors(data):
        path_steps = list(error.absolute_path)
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {}))) if error.validator == "additionalProperties" else []
        if unknown:
            problems += [(f"unknown key {key!r}", [*path_steps, key]) for key in unknown]
        else:
            problems.append((error.message, path_steps))
    return problems


def _semantic_problems(data: dict, rejected: set, options_validated: bool = False) -> list[tuple[str, list]]:
    """(message, path to the field) for every check the schema cannot make: check type, options,
    claim fields, unit names, message templates. Sections in `rejected` (top-level keys the schema
    rejected) and absent ones are left out: their problem is already told."""
    problems: list[tuple[str, list]] = []

    def sound(section: str) -> bool:
        return section in data and section not in rejected

    extends = data.get("extends") if sound("extends") else None
    if extends is not None and extends not in CHECK_TYPES:
        problems.append((f"unknown check type {extends!r}; expected one of {', '.join(sorted(CHECK_TYPES))}", ["extends"]))
    # Which options a rule may set depends on its check type: with none known there is nothing to check them against.
    if extends in CHECK_TYPES and sound("options"):
        options = data["options"]
        known_options = OPTION_SCHEMAS[extends]
        bad_values = set()
        for key, value in options.items():
            if key not in known_options:
                known = ", ".join(sorted(known_options)) or "none"
                problems.append((f"unknown option {key!r} for check type {extends}; known: {known}", ["options", key]))
                continue
            if options_validated:
                continue
            problem = next(iter(_schema_validator()(known_options[key]).iter_errors(value)), None)
            if problem is not None:
                bad_values.add(key)
                problems.append((f"bad value: {problem.message}", ["options", key, *problem.absolute_path]))
        for key in UNIT_OPTIONS.get(extends, ()):
            if key in bad_values:
                continue
            for position, unit in enumerate(options.get(key, ())):
                problem = _unit_name_problem(unit)
                if problem:
                    problems.append((problem, ["options", key, unit if isinstance(options[key], dict) else position]))
    if sound("select"):
        for key in data["select"]:
            if key not in CLAIMS_SCHEMA and key not in STORY_COLUMNS:
                problems.append((f"unknown claim field {key!r}", ["select", key]))
        # Unit names in `select.quantity_unit` (a list, one name, or {not: …}) are checked like the
        # options' units: a typo or an ambiguous word would silently select nothing or exclude nothing.
        wanted_units = data["select"].get("quantity_unit")
        excluded = isinstance(wanted_units, dict)
        names = wanted_units["not"] if excluded else wanted_units
        path = ["select", "quantity_unit", "not"] if excluded else ["select", "quantity_unit"]
        for position, unit in enumerate(names if isinstance(names, list) else [] if names is None else [names]):
            problem = _unit_name_problem(unit) if isinstance(unit, str) else None
            if problem:
                problems.append((problem, [*path, position] if isinstance(names, list) else path))
    for section in ("group_by", "require"):
        if sound(section):
            for position, column in enumerate(data[section]):
                if column not in CLAIMS_SCHEMA and column not in STORY_COLUMNS:
                    problems.append((f"unknown claim field {column!r}", [section, position]))
    if sound("message"):
        for kind, template in data["message"].items():
            problem = _template_problem(template)
            if problem:
                problems.append((problem, ["message", kind]))
    return problems


def _unit_name_problem(unit: str) -> str | None:
    """Why `unit` in a rule option names no unit of units.yaml (a typo would silently match nothing), or None."""
    checked = unit_entries()
    if unit in checked.ambiguous:
        units = sorted({case[0] for case in checked.ambiguous[unit].otherwise} | set(checked.ambiguous[unit].by_adjective.values()))
        return f"{unit!r} is an ambiguous word of units.yaml, no unit of a claim; name its units ({', '.join(units)})"
    if unit not in checked.entries and unit not in checked.families:
        return f"unknown unit {unit!r}: neither a unit nor a unit family of units.yaml"
    return None


def _options_with_unit_families(extends: str, options: dict[str, Any]) -> dict[str, Any]:
    """`options` with each unit family named in a unit option (UNIT_OPTIONS) replaced by its units;
    in a mapping a unit named itself keeps its own value over its family's."""
    families = unit_families()
    for key in UNIT_OPTIONS.get(extends, ()):
        value = options.get(key)
        if isinstance(value, list):
            options[key] = _expanded_units(value, families)
        elif isinstance(value, dict):
            expanded = {unit: of_unit for name, of_unit in value.items() if name in families for unit in families[name]}
            options[key] = {**expanded, **{name: of_unit for name, of_unit in value.items() if name not in families}}
    return options


def _expanded_units(values: list, families: dict[str, tuple[str, ...]]) -> list:
    """`values` with each unit family replaced by its units, each unit once, in order."""
    return list(dict.fromkeys(unit for value in values for unit in (families.get(value, (value,)) if isinstance(value, str) else (value,))))


def _with_unit_families(select: dict[str, Any]) -> dict[str, Any]:
    """`select` with each unit family named in `quantity_unit` replaced by its units (units.yaml `family`)."""
    wanted = select.get("quantity_unit")
    families = unit_families()
    if isinstance(wanted, dict):
        excluded = wanted["not"] if isinstance(wanted["not"], list) else [wanted["not"]]
        select["quantity_unit"] = {"not": _expanded_units(excluded, families)}
    elif isinstance(wanted, list):
        select["quantity_unit"] = _expanded_units(wanted, families)
    elif isinstance(wanted, str) and wanted in families:
        select["quantity_unit"] = list(families[wanted])
    return select


def _template_problem(template: str) -> str | None:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        return f"malformed message template: {error}"
    for _, field_name, _, _ in parsed:
        if field_name is None:
            continue
        root, _, attribute = field_name.partition(".")
        if root not in TEMPLATE_FIELDS:
            return f"unknown placeholder {{{field_name}}}; use one of {', '.join(sorted(TEMPLATE_FIELDS))}"
        if root in {"a", "b"} and attribute not in CLAIM_TEMPLATE_FIELDS:
            return f"unknown claim attribute in {{{field_name}}}"
    return None


def render_message(template: str, **values: Any) -> str:
    namespaced = {key: SimpleNamespace(**value) if isinstance(value, dict) else value for key, value in values.items()}
    return template.format(**namespaced)


def load_rules(directory: str | Path, kept_in: Path | None = None) -> list[Rule]:
    """Every `*.yaml`/`*.yml` rule in `directory`, sorted by id; InputProblem with every problem of every bad file.

    With `kept_in` (the claims cache folder), a rule set that loaded without a problem leaves a
    mark there, and the next load of exactly the same inputs skips the checks that need jsonschema
    (importing it costs ~0.04 s of a warm check): the inputs are the rule files' names and bytes,
    their folder, the rule schema, this module and `checker.schema` (the checks, options and
    claim fields a rule may name), the unit families of units.yaml, and the versions of Python,
    PyYAML and jsonschema. The mark holds no data: the rules are always built from their files,
    and a rule set with a problem never leaves one.
    """
    root = Path(directory)
    if not root.is_dir():
        raise InputProblem(InputError(str(root), _not_a_rules_directory(root)))
    paths = sorted([*root.glob("*.yaml"), *root.glob("*.yml")])
    if not paths:
        raise InputProblem(InputError(str(root), _no_rule_files(root)))
    mark = _validated_mark(root, paths, kept_in) if kept_in is not None else None
    validated = mark is not None and mark.is_file()
    rules: dict[str, Rule] = {}
    problems: list[InputError] = []
    # Every file is loaded before any problem is raised: a user fixing rules sees all of them in one run.
    for path in paths:
        try:
            rule = load_rule(path, validated)
        except InputProblem as problem:
            problems += problem.errors
            continue
        if rule.id in rules:
            problems.append(InputError(str(path), f"rule id {rule.id} is already the id of {rules[rule.id].path}; give one of them another id", 1, "id"))
        else:
            rules[rule.id] = rule
    if problems:
        raise InputProblem(*problems)
    if mark is not None and not validated:
        keep_replacing(mark, mark.stem + "\n", "rules-*.valid")
    return sorted(rules.values(), key=lambda rule: rule.id)


def _not_a_rules_directory(root: Path) -> str:
    """Why `root` given as --rules is no directory, and what to give instead."""
    if root.is_file():
        return f"--rules takes the directory that holds the rule files, not a file: --rules {root.parent}"
    return "rules directory not found"


def _no_rule_files(root: Path) -> str:
    """Why `root` holds no rule file, naming the folders right below it that hold some (--rules reads one folder)."""
    below = sorted({str(path.parent) for pattern in ("*/*.yaml", "*/*.yml") for path in root.glob(pattern)})
    hint = f"; rule files are in {', '.join(below)}: pass that folder to --rules" if below else ""
    return f"no rule files (*.yaml, *.yml) in this directory{hint}"


def _validated_mark(root: Path, paths: list[Path], folder: Path) -> Path | None:
    """The mark that the rule set in `paths` passed every check, named by everything they read."""
    digest = hashlib.sha256()
    try:
        for part in (str(root.resolve()), *(str(path) for path in paths)):
            digest.update(part.encode() + b"\0")
        for source in (*paths, RULE_SCHEMA_PATH, Path(__file__), Path(__file__).with_name("schema.py")):
            digest.update(source.read_bytes() + b"\0")
        versions = (sys.version, yaml.__version__, metadata.version("jsonschema"))
    except (OSError, metadata.PackageNotFoundError):
        return None
    digest.update(repr((sorted(unit_families().items()), versions)).encode())
    return Path(folder) / f"rules-{digest.hexdigest()[:24]}.valid"
