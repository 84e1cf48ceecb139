"""TempEval-3 style scoring of TIMEX3 expressions against TimeML gold.

A system expression matches a gold one when the spans are equal (strict) or overlap
(relaxed); each expression matches at most once. Value F1 counts relaxed matches whose value
equals the gold value, over all system and all gold expressions, so a system is rewarded for
finding an expression and for resolving it. Expressions without extent (empty TIMEX3 anchors)
cannot be found in text and are left out on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from checker.timeml import Timex


@dataclass(frozen=True)
class Counts:
    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(
            self.system + other.system,
            self.gold + other.gold,
            self.strict + other.strict,
            self.relaxed + other.relaxed,
            self.value + other.value,
        )


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


def prf(correct: int, system: int, gold: int) -> Scores:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


@dataclass(frozen=True)
class Match:
    gold: Timex | None
    system: Timex | None

    @property
    def strict(self) -> bool:
        return self.gold is not None and self.system is not None and (
            (self.gold.start, self.gold.end) == (self.system.start, self.system.end)
        )

    @property
    def value_correct(self) -> bool:
        return self.gold is not None and self.system is not None and self.gold.value == self.system.value


def _scored(timexes: Iterable[Timex], types: Sequence[str]) -> list[Timex]:
    return sorted(
        (timex for timex in timexes if timex.type in types and timex.end > timex.start),
        key=lambda timex: (timex.start, timex.end),
    )


def align(gold: Iterable[Timex], system: Iterable[Timex], types: Sequence[str] = ("DATE",)) -> list[Match]:
    """Pair gold and system expressions one to one: equal spans first, then the largest overlap."""
    gold_list = _scored(gold, types)
    system_list = _scored(system, types)
    paired_gold: dict[int, int] = {}
    used_system: set[int] = set()
    for gold_index, gold_timex in enumerate(gold_list):
        for system_index, system_timex in enumerate(system_list):
            if system_index not in used_system and (system_timex.start, system_timex.end) == (
                gold_timex.start,
                gold_timex.end,
            ):
                paired_gold[gold_index] = system_index
                used_system.add(system_index)
                break
    for gold_index, gold_timex in enumerate(gold_list):
        if gold_index in paired_gold:
            continue
        best_index, best_overlap = None, 0
        for system_index, system_timex in enumerate(system_list):
            if system_index in used_system:
                continue
            overlap = min(gold_timex.end, system_timex.end) - max(gold_timex.start, system_timex.start)
            if overlap > best_overlap:
                best_index, best_overlap = system_index, overlap
        if best_index is not None:
            paired_gold[gold_index] = best_index
            used_system.add(best_index)
    matches = [
        Match(gold_timex, system_list[paired_gold[index]] if index in paired_gold else None)
        for index, gold_timex in enumerate(gold_list)
    ]
    matches.extend(
        Match(None, system_timex) for index, system_timex in enumerate(system_list) if index not in used_system
    )
    return sorted(matches, key=lambda m: ((m.gold or m.system).start, (m.gold or m.system).end))


def count(matches: Iterable[Match]) -> Counts:
    system = gold = strict = relaxed = value = 0
    for match in matches:
        system += match.system is not None
        gold += match.gold is not None
        if match.gold is not None and match.system is not None:
            relaxed += 1
            strict += match.strict
            value += match.value_correct
    return Counts(system, gold, strict, relaxed, value)


@dataclass(frozen=True)
class Report:
    strict: Scores
    relaxed: Scores
    value: Scores


def report(counts: Counts) -> Report:
    return Report(
        strict=prf(counts.strict, counts.system, counts.gold),
        relaxed=prf(counts.relaxed, counts.system, counts.gold),
        value=prf(counts.value, counts.system, counts.gold),
    )
