"""Lexicon loading: the kept parse of a file serves only the bytes it was made from."""

from __future__ import annotations

import pytest

import checker.lexicon as lexicon


@pytest.fixture
def lexicon_dir(tmp_path, monkeypatch):
    """A lexicon folder of its own, with an empty load cache before and after."""
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    monkeypatch.setattr(lexicon, "PARSED_DIR", tmp_path / "__pycache__")
    lexicon.load_lexicon.cache_clear()
    yield tmp_path
    lexicon.load_lexicon.cache_clear()


def reload(name: str):
    lexicon.load_lexicon.cache_clear()
    return lexicon.load_lexicon(name)


def test_the_parse_is_kept_and_used_for_the_same_bytes(lexicon_dir, monkeypatch) -> None:
    (lexicon_dir / "words.yaml").write_text("months: {januar: 1}\n", encoding="utf-8")
    assert reload("words") == {"months": {"januar": 1}}
    assert len(list((lexicon_dir / "__pycache__").glob("words.*.pickle"))) == 1

    def no_yaml(*args, **kwargs):
        raise AssertionError("parsed again although the bytes are unchanged")

    monkeypatch.setattr(lexicon.yaml, "load", no_yaml)
    assert reload("words") == {"months": {"januar": 1}}


def test_edited_bytes_are_parsed_again_and_the_old_copy_dropped(lexicon_dir) -> None:
    path = lexicon_dir / "words.yaml"
    path.write_text("months: {januar: 1}\n", encoding="utf-8")
    reload("words")
    path.write_text("months: {januar: 1, februar: 2}\n", encoding="utf-8")
    assert reload("words") == {"months": {"januar": 1, "februar": 2}}
    assert len(list((lexicon_dir / "__pycache__").glob("words.*.pickle"))) == 1


def test_a_damaged_copy_is_passed_over_and_replaced(lexicon_dir) -> None:
    (lexicon_dir / "words.yaml").write_text("months: {januar: 1}\n", encoding="utf-8")
    reload("words")
    (kept,) = (lexicon_dir / "__pycache__").glob("words.*.pickle")
    kept.write_bytes(b"\x80\x05not a pickle")
    assert reload("words") == {"months": {"januar": 1}}
    assert reload("words") == {"months": {"januar": 1}}  # from the rewritten copy


def test_a_folder_that_cannot_be_written_only_costs_the_parse(lexicon_dir, monkeypatch) -> None:
    (lexicon_dir / "words.yaml").write_text("months: {januar: 1}\n", encoding="utf-8")
    blocker = lexicon_dir / "blocker"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setattr(lexicon, "PARSED_DIR", blocker / "__pycache__")
    assert reload("words") == {"months": {"januar": 1}}


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"months: [januar\n", "invalid YAML"), (b"", "lexicon is empty"), (b"months: {j\xe4nner: 1}\n", "not UTF-8")],
)
def test_a_broken_file_fails_loudly_with_its_path(lexicon_dir, content: bytes, message: str) -> None:
    (lexicon_dir / "words.yaml").write_bytes(content)
    with pytest.raises(lexicon.LexiconError, match=message) as failure:
        reload("words")
    assert str(lexicon_dir / "words.yaml") in str(failure.value)
    assert not list(lexicon_dir.glob("__pycache__/*.pickle"))  # nothing kept of a broken file


def test_a_word_list_is_returned_and_a_broken_one_names_the_file_and_key(lexicon_dir) -> None:
    content = {"cues": ["laut", "nach Angaben"], "blank": ["laut", ""], "mapping": {"laut": 1}}
    assert lexicon.word_list("words", content, "cues") == ["laut", "nach Angaben"]
    for key in ("blank", "mapping", "missing"):
        with pytest.raises(lexicon.LexiconError, match=rf"words\.yaml: '{key}' must be a list of words"):
            lexicon.word_list("words", content, key)
