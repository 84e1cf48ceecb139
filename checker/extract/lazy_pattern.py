"""A regex compiled when it is first used.

`re` compiles in pure Python: the meeting lexicon's ~60 patterns took ~40 ms, in every process
and so on every warm run that extracts one new article, which needs about half of them (roles,
titles or councils only where it names one). A pattern made of escaped lexicon words cannot fail
to compile, so it can wait for its first use; a pattern made of a lexicon's own regex forms is
still compiled at load time, where its errors are reported with the file.
"""

from __future__ import annotations

import re

# What the extractors call on a pattern; bound to the instance at the first use.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """Stands for `re.compile(pattern, flags)`, and compiles it at the first use of a method or
    attribute other than `pattern`. The compiled pattern's methods are then set on the instance,
    so that a later call costs what it costs on the compiled pattern: no lookup passes through
    `__getattr__` again."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Only called for what the instance does not have yet: nothing but the first use.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.flags, self.groups, self.groupindex = compiled.flags, compiled.groups, compiled.groupindex
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"
