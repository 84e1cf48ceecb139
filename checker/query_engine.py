"""The polars engine the rules step collects its lazy queries with (`checker.engine`,
`checker.checks`, `checker.stories`).

Polars 2 collects a lazy query with the streaming engine by default, whose setup per query costs
more than it saves on the frames of the rules step: at most ~60,000 claims, a few thousand pairs,
a few hundred articles' terms. On the 64x corpus the rules step takes ~0.29 s with it and ~0.24 s
in memory. Eager operations run in memory anyway.
"""

from __future__ import annotations

QUERY_ENGINE = "in-memory"
