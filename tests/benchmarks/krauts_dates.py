"""Score the date extractor on KRAUTS (TimeML gold), beside HeidelTime's output on the same files.

    python tests/benchmarks/krauts_dates.py [../shared/data/krauts] [--errors PART]

Prints, per part: strict P/R/F1, relaxed F1 and value F1 over TIMEX3 of type DATE, for the
checker (`find_temporal_expressions`) and for HeidelTime's output in the `*_Heideltime` folders,
both scored by checker/eval_timeml.py. With `--errors PART` it also lists every missed, spurious
and wrongly valued checker expression, with its context, for error analysis.

Empty TIMEX3 anchors (no text, e.g. the start point of "seit einem Jahr") are left out; the
README's HeidelTime figures (value F1 0.570 / 0.726) were measured with a slightly different
matcher, so HeidelTime is also scored here with the same code as the checker.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from checker.eval_timeml import Counts, Match, align, count, report  # noqa: E402
from checker.extract.dates import find_temporal_expressions  # noqa: E402
from checker.published import PublicationDate  # noqa: E402
from checker.timeml import Timex, parse_timeml  # noqa: E402

DEFAULT_DATA = REPO_ROOT / ".." / "shared" / "data" / "krauts"
PARTS = ("KRAUTS_DieZeit", "KRAUTS_Dolomiten-100")


def checker_timexes(text: str, dct: str | None) -> list[Timex]:
    published = PublicationDate.parse(dct[:10] if dct else "2000")
    return [
        Timex(expression.start, expression.end, expression.type, expression.value, text[expression.start : expression.end])
        for expression in find_temporal_expressions(text, published)
    ]


def score_part(data: Path, part: str) -> dict[str, tuple[Counts, list[tuple[str, Match]]]]:
    results: dict[str, tuple[Counts, list[tuple[str, Match]]]] = {}
    totals = {"checker": Counts(), "HeidelTime": Counts()}
    details: dict[str, list[tuple[str, Match]]] = {"checker": [], "HeidelTime": []}
    for gold_path in sorted((data / part).glob("*.tml")):
        gold = parse_timeml(gold_path.read_text(encoding="utf-8"))
        systems = {"checker": checker_timexes(gold.text, gold.dct)}
        heideltime_path = data / f"{part}_Heideltime" / gold_path.name
        if heideltime_path.exists():
            systems["HeidelTime"] = parse_timeml(heideltime_path.read_text(encoding="utf-8")).timexes
        for system_name, timexes in systems.items():
            matches = align(gold.timexes, timexes)
            totals[system_name] = totals[system_name] + count(matches)
            details[system_name].extend((_where(gold_path.name, gold.dct, gold.text, match), match) for match in matches)
    for system_name, counts in totals.items():
        results[system_name] = (counts, details[system_name])
    return results


def _where(name: str, dct: str | None, text: str, match: Match) -> str:
    timex = match.gold or match.system
    before = text[max(0, timex.start - 50) : timex.start].replace("\n", " ")
    after = text[timex.end : timex.end + 30].replace("\n", " ")
    return f"{name} dct={dct} …{before}⟦{text[timex.start:timex.end]}⟧{after}…"


def print_errors(details: list[tuple[str, Match]]) -> None:
    for where, match in details:
        if match.gold and match.system and match.strict and match.value_correct:
            continue
        gold = f"[{match.gold.text}] {match.gold.value}" if match.gold else "-"
        system = f"[{match.system.text}] {match.system.value}" if match.system else "-"
        print(f"{where}\tgold {gold}\tsys {system}")


def main(argv: list[str]) -> int:
    errors_for = None
    if "--errors" in argv:
        position = argv.index("--errors")
        errors_for = argv[position + 1]
        argv = argv[:position] + argv[position + 2 :]
    data = Path(argv[0]) if argv else DEFAULT_DATA
    if not data.is_dir():
        print(f"KRAUTS data not found at {data}", file=sys.stderr)
        return 2
    print(f"{'part':<22} {'system':<11} {'strict P':>8} {'strict R':>8} {'strict F1':>9} {'relaxed F1':>10} {'value F1':>8}")
    for part in PARTS:
        if not (data / part).is_dir():
            continue
        for system_name, (counts, details) in score_part(data, part).items():
            scores = report(counts)
            print(
                f"{part[len('KRAUTS_'):]:<22} {system_name:<11} {scores.strict.precision:8.3f} {scores.strict.recall:8.3f}"
                f" {scores.strict.f1:9.3f} {scores.relaxed.f1:10.3f} {scores.value.f1:8.3f}"
            )
            if errors_for and errors_for in part and system_name == "checker":
                print_errors(details)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
