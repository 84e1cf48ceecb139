"""Guard: no rule, lexicon, code or example corpus names a seed article; the product is for news in general."""

from __future__ import annotations

import pytest

from tests.conftest import REPO_ROOT, SEEDS

SEED_IDS = sorted(path.stem for path in SEEDS.glob("*.txt"))
GUARDED = sorted(
    path
    for folder in ("checker", "rules", "tests")
    for path in (REPO_ROOT / folder).rglob("*")
    if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".json", ".txt", ".md"}
)


@pytest.mark.parametrize("path", GUARDED, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_no_seed_article_id(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    for seed_id in SEED_IDS:
        # The hash part alone is enough to recognise a seed id.
        assert seed_id.split("_", 1)[-1] not in text, f"{path} names seed article {seed_id}"
