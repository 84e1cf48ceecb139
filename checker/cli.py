"""The `checker` command: wires the stages together, prints, and sets the exit code.

Exit codes: 0 nothing new to fail on; 1 a new contradiction (check) or a contradicted claim (claim);
2 bad input or usage, with one line on stderr for each problem, naming the file and what is wrong.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperCommand

from checker.errors import InputError, InputProblem
from checker.lexicon import LexiconError
from checker.published import PublicationDate

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Fact-consistency checker for German news: claims about numbers, dates and meetings, compared across articles.",
)

DEFAULT_CORPUS = "seeds"
DEFAULT_RULES = "rules"
DEFAULT_BASELINE = "reports/baseline.json"
DEFAULT_REPORT = "reports/report.md"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"


class FailOn(str, Enum):
    contradiction = "contradiction"
    update = "update"
    never = "never"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


class ClaimFormat(str, Enum):
    text = "text"
    json = "json"


def reports_input_problems(command):
    """Turn an InputProblem (broken rule files, corrupt baseline) into one line on stderr for each of
    its errors and exit 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except InputProblem as problem:
            _report_errors(problem.errors)
            raise typer.Exit(2) from None
        except LexiconError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from None

    return wrapper


def _fail(error: InputError) -> None:
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(2)


def _report_errors(errors: list[InputError]) -> None:
    for error in errors:
        typer.echo(f"error: {error}", err=True)


def _refuse_report_in_corpus(report: Path, corpus: list[str]) -> None:
    """Stop before any work when the report would be an article of the corpus it reports on: the
    next run would read it and fail on it ("no publication date"), or worse, check its quotes.
    Refused rather than skipped later: a file is never silently left out by what it looks like,
    and the fix (another --report path) is plain. Baselines are JSON, which no corpus reads."""
    from checker.corpus import corpus_path_reading

    inside = corpus_path_reading(report, corpus)
    if inside is not None:
        _fail(InputError(str(report), f"report not written into the corpus {inside!r}: the next run would read it as an article; pass a --report path outside it"))


def _published(value: str | None) -> PublicationDate | None:
    if value is None:
        return None
    try:
        return PublicationDate.parse(value)
    except ValueError as error:
        _fail(InputError("--published", str(error)))
    return None


PathsArgument = Annotated[Optional[list[Path]], typer.Argument(help="Files or directories (default: seeds/).", show_default=False)]
RulesOption = Annotated[Path, typer.Option("--rules", help="Directory of rule files.")]
PublishedOption = Annotated[Optional[str], typer.Option("--published", help="Publication date YYYY[-MM[-DD]] for articles without one.")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Extract every article again; do not read or write the claims cache (.checker-cache/, or $CHECKER_CACHE_DIR; CHECKER_NO_CACHE=1 does the same).")]
JobsOption = Annotated[Optional[int], typer.Option("--jobs", min=1, help="Processes to extract with (default: one per core; workers start only when a run is long enough to win back their start-up).")]


def _extraction_settings(no_cache: bool, jobs: int | None):
    from checker.cache import cache_dir_from_environment
    from checker.pipeline import ExtractionSettings

    return ExtractionSettings(cache_dir=cache_dir_from_environment(no_cache), jobs=jobs)


@app.command()
@reports_input_problems
def check(
    paths: PathsArgument = None,
    rules: RulesOption = Path(DEFAULT_RULES),
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Baseline file (default: reports/baseline.json when it exists).")] = None,
    no_baseline: Annotated[bool, typer.Option("--no-baseline", help="Treat every finding as new.")] = False,
    report: Annotated[Path, typer.Option("--report", help="Markdown report to write.")] = Path(DEFAULT_REPORT),
    output_format: Annotated[CheckFormat, typer.Option("--format", help="What goes to stdout.")] = CheckFormat.text,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Which new findings fail the run.")] = FailOn.contradiction,
    published: PublishedOption = None,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = None,
) -> None:
    """Check the corpus against the rules and the baseline; write the Markdown report."""
    from checker.check import run_check
    from checker.pipeline import extraction_settings
    from checker.report.writer import write_reports

    corpus = [str(p) for p in paths] if paths else [DEFAULT_CORPUS]
    _refuse_report_in_corpus(report, corpus)
    baseline_path = None if no_baseline else (baseline or (Path(DEFAULT_BASELINE) if Path(DEFAULT_BASELINE).exists() else None))
    with extraction_settings(_extraction_settings(no_cache, jobs)):
        result = run_check(corpus, rules, baseline_path, _published(published))
    _report_errors(result.errors)
    # `seeds/` and `seeds` are one corpus: the report names it the same way, so its bytes do not change.
    stdout = write_reports(result, report, output_format.value, " ".join(os.path.normpath(path) for path in corpus))
    typer.echo(stdout, nl=False)
    raise typer.Exit(result.exit_code(fail_on.value))


@app.command("baseline")
@reports_input_problems
def baseline_command(
    paths: PathsArgument = None,
    out: Annotated[Path, typer.Option("--out", help="Baseline file to write.")] = Path(DEFAULT_BASELINE),
    rules: RulesOption = Path(DEFAULT_RULES),
    published: PublishedOption = None,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = None,
) -> None:
    """Accept every current finding into the baseline."""
    from checker.baseline import load_baseline, write_baseline
    from checker.check import run_check
    from checker.pipeline import extraction_settings

    corpus = [str(p) for p in paths] if paths else [DEFAULT_CORPUS]
    previous = load_baseline(out) if out.exists() else {}
    with extraction_settings(_extraction_settings(no_cache, jobs)):
        result = run_check(corpus, rules, None, _published(published))
    if result.errors:
        # Findings of an unreadable article would silently drop out of the baseline.
        _report_errors(result.errors)
        _fail(InputError(str(out), "baseline not written: fix the input errors above first"))
    count = write_baseline(out, result.findings, previous)
    dropped = len(set(previous) - set(result.findings["fingerprint"].to_list()))
    typer.echo(f"{out}: {count} findings accepted" + (f", {dropped} stale entries dropped" if dropped else ""))


@app.command()
@reports_input_problems
def extract(
    paths: PathsArgument = None,
    published: PublishedOption = None,
    output_format: Annotated[ExtractFormat, typer.Option("--format", help="jsonl: one claim per line; table: a readable table.")] = ExtractFormat.jsonl,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = None,
) -> None:
    """Print the normalised claims."""
    from checker.claims_json import claim_to_json
    from checker.pipeline import extract_corpus

    corpus = [str(p) for p in paths] if paths else [DEFAULT_CORPUS]
    extraction = extract_corpus(corpus, _published(published), _extraction_settings(no_cache, jobs))
    _report_errors(extraction.errors)
    claims = extraction.claims.sort("article", "span_start", "span_end", "kind")
    if output_format is ExtractFormat.jsonl:
        for row in claims.iter_rows(named=True):
            sys.stdout.write(json.dumps(claim_to_json(row), ensure_ascii=False) + "\n")
    else:
        from checker.report.claims_table import claims_table

        sys.stdout.write(claims_table(claims))
    raise typer.Exit(2 if extraction.errors else 0)


CORPUS_OPTION = "--corpus"


def spread_option_values(args: list[str], option: str) -> list[str]:
    """`--corpus A B C` as `--corpus A --corpus B --corpus C`: every argument after `option` up to
    the next option (or `--`) is one more value of it. click gives an option a fixed number of
    values, so a list after one option, as the interface writes `[--corpus PATH ...]`, would be
    read as extra positional arguments."""
    spread: list[str] = []
    takes_value = following = False
    for index, arg in enumerate(args):
        if arg == "--":
            spread.extend(args[index:])
            break
        if takes_value:
            spread.append(arg)
            takes_value, following = False, True
        elif following and not arg.startswith("-"):
            spread.extend((option, arg))
        else:
            takes_value = arg == option
            following = arg.startswith(option + "=")
            spread.append(arg)
    return spread


class ClaimCommand(TyperCommand):
    """`checker claim`: several corpus paths after one `--corpus` as well as a repeated `--corpus`;
    any other argument besides TEXT is a usage error that says where paths go, and so is a TEXT
    written after the corpus paths, which reads as one more path."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        spread = spread_option_values(args, CORPUS_OPTION)
        # Only where a value after --corpus was spread (each gains its own --corpus) can TEXT be among
        # them; counted before parsing, which consumes the list.
        values_spread = len(spread) > len(args)
        try:
            extra = super().parse_args(ctx, spread)
        except typer.BadParameter as error:  # raised as click's MissingParameter, a kind of it
            if not values_spread or error.param is None or error.param.name != "text":
                raise
            ctx.fail(
                f"missing TEXT: every argument after {CORPUS_OPTION} up to the next option is a corpus path, "
                f"so write the sentence before {CORPUS_OPTION} (checker claim \"TEXT\" {CORPUS_OPTION} A B)"
            )
        if extra:
            stray = " ".join(repr(arg) for arg in extra)
            ctx.fail(
                f"unexpected argument(s) {stray}: TEXT is the one sentence to check (quote it), "
                f"corpus files or directories go after {CORPUS_OPTION} ({CORPUS_OPTION} A B)"
            )
        return extra


@app.command(cls=ClaimCommand, context_settings={"allow_extra_args": True})
@reports_input_problems
def claim(
    text: Annotated[str, typer.Argument(help="The sentence to check.")],
    published: Annotated[Optional[str], typer.Option("--published", help="Date of the sentence (default: today).")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Who says so.")] = None,
    corpus: Annotated[Optional[list[Path]], typer.Option(CORPUS_OPTION, help="Corpus files or directories, one or more after --corpus up to the next option (--corpus A B, or --corpus A --corpus B; default: seeds/).")] = None,
    rules: RulesOption = Path(DEFAULT_RULES),
    output_format: Annotated[ClaimFormat, typer.Option("--format")] = ClaimFormat.text,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = None,
) -> None:
    """Check one sentence against the corpus and print a verdict with evidence."""
    from checker.pipeline import extract_corpus
    from checker.report.claim_output import claim_json, claim_text
    from checker.rules import load_rules
    from checker.single_claim import check_claim

    if not text.strip():
        _fail(InputError("TEXT", "empty claim text"))
    claim_date = _published(published) or PublicationDate.parse(date.today().isoformat())
    # Like `check`: the corpus comes from the claims cache and the file index, so a desk checking
    # sentence after sentence waits for a full extraction once, and an unchanged rule set is not
    # validated again when the cache folder holds its mark.
    settings = _extraction_settings(no_cache, jobs)
    rule_set = load_rules(rules, kept_in=settings.cache_dir)
    corpus_paths = [str(p) for p in corpus] if corpus else [DEFAULT_CORPUS]
    extraction = extract_corpus(corpus_paths, None, settings)
    result = check_claim(text, claim_date, source, extraction, rule_set)
    input_errors = [str(error) for error in extraction.errors]
    typer.echo(claim_json(result, input_errors) if output_format is ClaimFormat.json else claim_text(result), nl=False)
    # After the verdict, once, under a line that says what they mean: the verdict is the answer,
    # the errors say which articles it could not draw on (and make the exit code 2, as for check).
    if input_errors:
        typer.echo(f"\n{len(input_errors)} input error(s) in the corpus: these articles were not read, the verdict is from the others", err=True)
    _report_errors(extraction.errors)
    if extraction.errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if result.verdict == "contradicted" else 0)


RULES_ACTIONS = ("list", "validate", "explain")


@app.command("rules")
@reports_input_problems
def rules_command(
    action: Annotated[str, typer.Argument(help="list | validate | explain")] = "list",
    rule_id: Annotated[Optional[str], typer.Argument(help="Rule id for explain (case does not matter).")] = None,
    rules: RulesOption = Path(DEFAULT_RULES),
) -> None:
    """List, validate or explain the rule files (of rules/, or of the directory given with --rules)."""
    from checker.rules import CHECK_TYPES, load_rules

    if action not in RULES_ACTIONS:
        hint = f"; a rule directory goes after --rules (checker rules validate --rules {action})" if Path(action).is_dir() else ""
        _fail(InputError("rules", f"unknown action {action!r}; use list, validate or explain ID{hint}"))
    if rule_id is not None and action != "explain":
        # Taken as a rule id, a directory given here was silently ignored and rules/ validated instead.
        _fail(InputError(f"rules {action}", f"takes no argument, got {rule_id!r}; for a rule directory write checker rules {action} --rules {rule_id}"))
    rule_set = load_rules(rules)
    if action == "list":
        for rule in rule_set:
            typer.echo(f"{rule.id}  {rule.extends:<20} {rule.title}")
    elif action == "validate":
        _validate_examples(rule_set)
    else:
        ids = ", ".join(rule.id for rule in rule_set)
        if rule_id is None:
            _fail(InputError("rules explain", f"needs a rule id (checker rules explain ID); the rules of {rules}: {ids}"))
        match = [rule for rule in rule_set if rule.id.casefold() == rule_id.casefold()]
        if not match:
            _fail(InputError(str(rules), f"no rule with id {rule_id!r}; the ids are: {ids}"))
        rule = match[0]
        typer.echo(f"{rule.id}: {rule.title}\nfile: {rule.path}\ncheck type: {rule.extends}: {CHECK_TYPES[rule.extends]}\n")
        if rule.description:
            typer.echo(rule.description + "\n")
        typer.echo(f"selects: {rule.select}; grouped by: {', '.join(rule.group_by) or '-'}")
        if rule.tolerance:
            typer.echo(f"tolerance: {rule.tolerance}")
        for option, value in sorted(rule.options.items()):
            typer.echo(f"option {option}: {value}")
        for kind, template in sorted(rule.message.items()):
            typer.echo(f"{kind} ({rule.severity_of(kind)}): {template}")
        for example in rule.examples:
            typer.echo(f"\nexample: {example['name']}")
            _echo_example_articles(example)
            for expectation in example.get("expect", []):
                typer.echo(f"  expect: {expectation}")
            for expectation in example.get("expect_not", []):
                typer.echo(f"  expect no: {expectation}")


def _echo_example_articles(example: dict, err: bool = False) -> None:
    for article in example["articles"]:
        typer.echo(f"  [{article['id']}, {article['published']}] {article['text']}", err=err)


def _validate_examples(rule_set: list) -> None:
    """Run every example of every rule; each failing one as FILE:LINE: rule, example, problem, then
    its articles. Exit 1 when any fails: the rule files load (else exit 2 before), but a rule does
    not find what its own examples say."""
    from checker.rule_examples import run_examples

    failures = 0
    for rule in rule_set:
        for position, problem in run_examples(rule):
            failures += 1
            example = rule.examples[position]
            failure = InputError(rule.path, f"rule {rule.id}: example {example['name']!r}: {problem}", rule.example_lines[position])
            typer.echo(f"error: {failure}", err=True)
            _echo_example_articles(example, err=True)
    examples = sum(len(rule.examples) for rule in rule_set)
    typer.echo(f"{len(rule_set)} rules valid, {examples - failures}/{examples} examples pass")
    raise typer.Exit(1 if failures else 0)


# Collect cycles after 20,000 new container objects instead of 700. A run keeps several hundred
# thousand long-lived objects (imported modules: polars, typer, the lexicons) and allocates millions
# of short-lived ones that reference counting frees; at the default threshold the collector ran
# about 400 times in a warm run of the 64x corpus, and its full passes over the long-lived objects
# took ~0.1 s of 1.2 s. Cycles are still collected, only in larger batches (+3 % peak memory).
GC_THRESHOLD = 20_000


def main() -> None:
    gc.set_threshold(GC_THRESHOLD)
    try:
        app(standalone_mode=True)
    except InputProblem as problem:
        _report_errors(problem.errors)
        sys.exit(2)
    finally:
        # Everything the run built dies with the process. Frozen, it is left out of the full
        # collection the interpreter makes while shutting down, which otherwise walks all of it
        # (~0.07 s after a check of 60,000 claims). Reports and baselines are written and closed
        # by now; nothing depends on a cycle being collected.
        gc.freeze()


if __name__ == "__main__":
    main()
