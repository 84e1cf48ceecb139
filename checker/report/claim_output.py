"""Output of `checker claim`: a verdict with the corpus sentences that decide it."""

from __future__ import annotations

import json

from checker.claims_json import claim_to_json
from checker.report.findings_json import finding_to_json
from checker.single_claim import ClaimVerdict

LOOKED_FOR = "figures with a counted unit and an actor, dates, and meetings between named people"


def _evidence(result: ClaimVerdict) -> list[dict]:
    evidence = []
    for row in result.findings.iter_rows(named=True):
        for quote in result.quotes.get(row["fingerprint"], []):
            if quote.article == "claim":
                continue
            evidence.append({"finding": finding_to_json(row), "quote": quote.sentence, "article": quote.article, "line": quote.line})
    return evidence


def claim_json(result: ClaimVerdict, input_errors: list[str] | None = None) -> str:
    """The interface's single-claim JSON; `input_errors` (the corpus articles that could not be
    read, as on stderr) are in it too, so a script reading stdout sees why the exit code is 2."""
    document = {
        "claims": [claim_to_json(row) for row in result.claims.iter_rows(named=True)],
        "verdict": result.verdict,
        "evidence": _evidence(result),
        "assumptions": result.assumptions,
        "not_compared": result.not_compared,
        "input_errors": input_errors or [],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def claim_text(result: ClaimVerdict) -> str:
    lines = [f"verdict: {result.verdict}"]
    if result.claims.is_empty():
        lines.append(f"No checkable claim found in the text (looked for {LOOKED_FOR}).")
        return "\n".join(lines) + "\n"
    lines.append("claims:")
    for row in result.claims.iter_rows(named=True):
        lines.append(f"  - {row['kind']}: {row['text']}")
    for note in result.assumptions:
        lines.append(f"note: {note}")
    for note in result.not_compared:
        lines.append(f"note: {note}")
    if result.findings.is_empty() and len(result.not_compared) < result.claims.height:
        # Only of the claims the rules compare: of the others the corpus was not asked.
        lines.append("The corpus says nothing about these claims." if not result.not_compared else "The corpus says nothing about the other claims.")
    for row in result.findings.iter_rows(named=True):
        lines.append(f"{row['kind']} ({row['rule']}): {row['message']}")
        for quote in result.quotes.get(row["fingerprint"], []):
            if quote.article == "claim":
                continue
            lines.append(f"  > {quote.sentence}")
            lines.append(f"    ({quote.article}, line {quote.line}, published {quote.published})")
    return "\n".join(lines) + "\n"
