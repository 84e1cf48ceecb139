"""Helpers of the tests that check one sentence against a corpus written for the test."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RULES


def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    """`folder` holding one `.txt` article per name of `articles` (texts start with their date line)."""
    folder.mkdir()
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def claim_json(cli, corpus: Path, text: str, published: str) -> tuple[int, dict]:
    """Exit code and JSON verdict of `checker claim TEXT` against `corpus` with the project's rules."""
    code, stdout, stderr = cli("claim", text, "--published", published, "--corpus", corpus, "--rules", RULES, "--format", "json")
    assert "Traceback" not in stderr
    return code, json.loads(stdout)
