"""LazyPattern: a regex compiled at its first use behaves as the compiled one."""

from __future__ import annotations

import re

from checker.extract.lazy_pattern import LazyPattern


def test_finds_what_the_compiled_pattern_finds():
    source, text = r"(?<!\w)(?P<word>gipfel\w*)", "Der Gipfel, die Gipfeltreffen und GIPFELN"
    lazy, compiled = LazyPattern(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert lazy.pattern == source
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.search(text, 5).span() == compiled.search(text, 5).span()
    assert lazy.match(text) is None and lazy.fullmatch("gipfel").group("word") == "gipfel"
    assert lazy.sub("X", text) == compiled.sub("X", text)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex)


def test_compiles_once_at_the_first_use(monkeypatch):
    compiled: list[str] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda source, flags=0: compiled.append(source) or real(source, flags))
    lazy = LazyPattern("a+")
    assert compiled == []
    assert lazy.search("baa").group() == "aa" and lazy.findall("a b aa") == ["a", "aa"]
    assert compiled == ["a+"]
