"""Shared test helpers: the repository root, the shared data folder, a copy of the seeds, a CLI runner
and a count of the articles actually extracted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
SEEDS = REPO_ROOT / "seeds"
RULES = REPO_ROOT / "rules"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the seed articles that a test may add to, edit or delete from."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def cli():
    """Invoke the `checker` CLI in-process; returns (exit code, stdout, stderr)."""
    from checker.cli import app

    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return invoke


@pytest.fixture
def count_extractions(monkeypatch) -> list[str]:
    """The articles actually extracted (not served from the cache), in order, as a run goes."""
    import checker.extract

    extracted: list[str] = []
    original = checker.extract.extract_claims

    def counting(document):
        extracted.append(document.article)
        return original(document)

    monkeypatch.setattr(checker.extract, "extract_claims", counting)
    return extracted
