"""Corpus readers: every input format, offsets into the decoded text, and every bad input as one clear error."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from checker.corpus import find_files, read_corpus
from checker.errors import InputError
from checker.published import PublicationDate


def read(*paths, published=None):
    items = list(read_corpus([str(p) for p in paths], PublicationDate.parse(published) if published else None))
    articles = [item for item in items if not isinstance(item, InputError)]
    errors = [item for item in items if isinstance(item, InputError)]
    return articles, errors


def test_txt_with_date_header(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2021-12 Biden und Putin telefonieren am Donnerstag.\n", encoding="utf-8")
    (article,), errors = read(path)
    assert errors == []
    assert article.document.article == "a"
    assert article.document.published == PublicationDate.parse("2021-12")
    body = article.document.text[article.document.body_start :]
    assert body.startswith("Biden und Putin")


def test_txt_without_header_uses_published_option(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Am Montag trafen sich die Minister.", encoding="utf-8")
    (article,), errors = read(path, published="2022-03-07")
    assert errors == [] and article.document.published.granularity == "day"


def test_txt_without_header_or_published_is_an_error(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("Am Montag trafen sich die Minister.", encoding="utf-8")
    articles, (error,) = read(path)
    assert articles == []
    assert str(path) in str(error) and "publication date" in error.message


@pytest.mark.parametrize("header, problem", [("date 2022-13", "month 13"), ("date 2021-02-30", "day 30"), ("date 2022/02", "not YYYY")])
def test_impossible_or_wrong_date_header(tmp_path, header, problem):
    path = tmp_path / "d.txt"
    path.write_text(f"{header} Ein Text.", encoding="utf-8")
    articles, (error,) = read(path)
    assert articles == [] and problem in error.message and error.line == 1


def test_empty_and_binary_files(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n\n", encoding="utf-8")
    # Blanks beyond ASCII: non-breaking, thin and ideographic spaces, and a file separator.
    (tmp_path / "unicode_blank.txt").write_text("\u00a0\u2009\n\u3000\x1c", encoding="utf-8")
    (tmp_path / "header_only.txt").write_text(" date 2021-12 \u00a0\r\n\u2009", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes(" date 2021-12 Gr\xfc\xdfe".encode("latin-1"))
    (tmp_path / "good.txt").write_text(" date 2021-12 Ein guter Text.", encoding="utf-8")
    articles, errors = read(tmp_path)
    assert [a.document.article for a in articles] == ["good"]
    messages = {os.path.basename(e.path): e.message for e in errors}
    assert "empty" in messages["empty.txt"] and "empty" in messages["blank.txt"] and "empty" in messages["unicode_blank.txt"]
    assert "no article text after the date header" in messages["header_only.txt"]
    assert "binary" in messages["binary.txt"]
    assert "UTF-8" in messages["latin1.txt"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_with_its_byte_order_mark_is_read(tmp_path, encoding):
    """Windows "Unicode" text is UTF-16 with a byte-order mark: full of NUL bytes, yet text."""
    text = " date 2024-01-05\nAm Montag demonstrierten 300 Menschen in Köln."
    (tmp_path / "u.txt").write_bytes("\ufeff".encode(encoding) + text.encode(encoding))
    (article,), errors = read(tmp_path / "u.txt")
    assert errors == [] and article.document.text == text


def test_utf16_mark_before_broken_text_and_nul_bytes_without_a_mark_are_errors(tmp_path):
    (tmp_path / "cut.txt").write_bytes(codecs.BOM_UTF16_LE + " date 2024-01-05 Text".encode("utf-16-le")[:-1])
    (tmp_path / "nul.txt").write_bytes(" date 2024-01-05 Text".encode("utf-16-le"))  # no mark: not guessed
    (tmp_path / "binary.txt").write_bytes(codecs.BOM_UTF16_LE + b"\x00bin\x00ary")  # decodes to CJK only
    articles, errors = read(tmp_path)
    messages = {os.path.basename(e.path): e.message for e in errors}
    assert articles == []
    assert "not UTF-16 text after its byte-order mark" in messages["cut.txt"]
    assert "no Latin letter" in messages["binary.txt"]
    assert "binary" in messages["nul.txt"]


def test_markdown_front_matter(tmp_path):
    path = tmp_path / "m.md"
    path.write_text("---\npublished: 2022-02-12\nsource: dpa\ntitle: Gipfel\n---\nDer Kreml nennt den Gipfel verfrüht.\n", encoding="utf-8")
    (article,), errors = read(path)
    assert errors == []
    document = article.document
    assert document.published.start.isoformat() == "2022-02-12" and document.source == "dpa" and article.title == "Gipfel"
    assert document.text[document.body_start :].startswith("Der Kreml")


def test_markdown_broken_front_matter(tmp_path):
    path = tmp_path / "m.md"
    path.write_text("---\npublished: [2022\n---\nText.\n", encoding="utf-8")
    articles, (error,) = read(path)
    assert articles == [] and "front matter" in error.message


def test_markdown_unclosed_front_matter_says_so(tmp_path):
    """A date in front matter that is never closed is there: the error names the missing line, not the date."""
    path = tmp_path / "m.md"
    path.write_text("---\npublished: 2025-02-03\ntitle: Bauernprotest\n\nDie Polizei zählte 300 Traktoren.\n", encoding="utf-8")
    articles, (error,) = read(path)
    assert articles == [] and error.line == 1 and "not closed" in error.message and "publication date" not in error.message


@pytest.mark.parametrize(
    ("front", "hint"),
    [
        ("title: Paznaun: Zahl der Eingeschlossenen steigt", 'must be quoted: title: "Paznaun: Zahl der Eingeschlossenen steigt"'),
        ("source: ORF: Tirol", 'must be quoted: source: "ORF: Tirol"'),
    ],
)
def test_markdown_unquoted_colon_in_a_value_names_the_fix(tmp_path, front, hint):
    path = tmp_path / "m.md"
    path.write_text(f"---\npublished: 2025-02-10\n{front}\n---\nText.\n", encoding="utf-8")
    articles, (error,) = read(path)
    assert articles == [] and error.line == 3
    assert error.message.startswith("invalid YAML front matter: mapping values are not allowed here; ") and error.message.endswith(hint)


def test_markdown_other_yaml_errors_get_no_quoting_hint(tmp_path):
    path = tmp_path / "m.md"
    path.write_text('---\npublished: 2025-02-10\ntitle: "Paznaun: offen\n---\nText.\n', encoding="utf-8")
    articles, (error,) = read(path)
    assert articles == [] and "quoted" not in error.message


def test_jsonl_unterminated_string_is_worded_once(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "x1", "published": "2021-12", "text": "offen}\n', encoding="utf-8")
    _, (error,) = read(path)
    assert error.message == "malformed JSON: Unterminated string starting at column 46"


@pytest.mark.parametrize(
    ("published", "says"),
    [(20250301, 'must be a string, an ISO date in quotes such as "2025-03-01", not 20250301'), (["2025-03-01"], 'not ["2025-03-01"]')],
)
def test_jsonl_date_not_written_as_a_string_says_how_to_write_it(tmp_path, published, says):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "x1", "published": published, "text": "Es gab 3 Tote."}) + "\n", encoding="utf-8")
    articles, (error,) = read(path)
    assert articles == [] and error.field == "published" and says in error.message


def test_jsonl_source_not_written_as_a_string_is_named_without_the_date_hint(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "x1", "published": "2025-03-01", "text": "Es gab 3 Tote.", "source": 7}) + "\n", encoding="utf-8")
    _, (error,) = read(path)
    assert error.message == "field 'source' must be a string, not 7"


def test_jsonl_articles_and_malformed_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "x1", "published": "2021-12", "text": "Erster Text."}),
        "{not json",
        json.dumps({"id": "x2", "text": "Ohne Datum."}),
        json.dumps({"id": "x3", "published": "2021-12", "text": "Dritter Text.", "source": "Reuters"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = read(path)
    assert [a.document.article for a in articles] == ["x1", "x3"]
    assert articles[1].document.source == "Reuters"
    assert [(e.line, e.field) for e in errors] == [(2, None), (3, "published")]


def test_jsonl_repeated_id_is_an_input_error_naming_the_first_line(tmp_path):
    """Two lines of one feed with one id would give claims of two texts under one article: the
    first is read, the repeat is an input error (a repeat across files is ArticleIds' error)."""
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "published": "2024-10-02", "text": "Erster Text mit 100 Soldaten."}),
        json.dumps({"id": "a2", "published": "2024-10-02", "text": "Zweiter Text."}),
        json.dumps({"id": "a1", "published": "2024-10-03", "text": "Anderer Text mit 200 Soldaten."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, (error,) = read(path)
    assert [a.document.article for a in articles] == ["a1", "a2"] and "Erster" in articles[0].document.text
    assert (error.line, error.field) == (3, "id") and "'a1' already on line 1" in error.message


def test_tml_reads_dct_and_tag_free_text(tmp_path):
    path = tmp_path / "k.tml"
    path.write_text(
        '<?xml version="1.0" ?>\n<TimeML><DOCID>k</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2014-02-18" '
        'functionInDocument="CREATION_TIME">2014-02-18</TIMEX3></DCT><TEXT>Am <TIMEX3 tid="t1" type="DATE" '
        'value="2014-02-17">Montag</TIMEX3> kam es zu Gesprächen.</TEXT></TimeML>\n',
        encoding="utf-8",
    )
    (article,), errors = read(path)
    assert errors == []
    assert article.document.text == "Am Montag kam es zu Gesprächen."
    assert article.document.published.start.isoformat() == "2014-02-18"


def test_missing_path_and_unknown_suffix(tmp_path):
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF")
    articles, errors = read(tmp_path / "missing", other)
    assert articles == []
    assert "no such file" in errors[0].message and "unknown file type" in errors[1].message


def test_directories_are_read_recursively_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(" date 2021-01 Z.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(" date 2021-01 A.", encoding="utf-8")
    (tmp_path / "README.rst").write_text("not an article", encoding="utf-8")
    (tmp_path / "c.txt").mkdir()  # a folder with an article's suffix is looked into, not read
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text(" date 2021-01 H.", encoding="utf-8")
    (tmp_path / "b" / ".h.txt").write_text(" date 2021-01 H.", encoding="utf-8")
    (tmp_path / "d.txt").write_text(" date 2021-01 D.", encoding="utf-8")
    articles, errors = read(tmp_path)
    # Path order: a folder's files come where its name falls among its siblings' names.
    assert [a.document.article for a in articles] == ["a", "z", "d"] and errors == []


@pytest.mark.parametrize("spelling", [".", "./", "corpus", "./corpus//", "{absolute}"])
def test_files_are_named_as_pathlib_joins_them(tmp_path, monkeypatch, spelling):
    # The name is the article's path in every report: the same as `Path(argument) / ...` gives.
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text(" date 2021-01 A.", encoding="utf-8")
    (corpus / "sub" / "b.md").write_text("B.", encoding="utf-8")
    argument = spelling.format(absolute=corpus)
    monkeypatch.chdir(corpus if spelling.startswith(".") and "corpus" not in spelling else tmp_path)
    expected = [str(Path(argument) / "a.txt"), str(Path(argument) / "sub" / "b.md")]
    assert list(find_files([argument])) == expected


def test_a_file_under_two_of_the_paths_is_read_once(tmp_path):
    """`checker check corpus corpus/a.txt`, or a folder named twice: one corpus, each file once,
    where it came first (read twice, its article would be two copies of one id)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(" date 2021-01 A.", encoding="utf-8")
    (corpus / "b.txt").write_text(" date 2021-01 B.", encoding="utf-8")
    named_twice = [str(corpus / "b.txt"), str(corpus), str(corpus), str(corpus / "a.txt")]
    assert list(find_files(named_twice)) == [str(corpus / "b.txt"), str(corpus / "a.txt")]
    articles = list(read_corpus(named_twice))
    assert [a.document.article for a in articles] == ["b", "a"]


def test_duplicate_article_ids_are_reported(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "same.txt").write_text(" date 2021-01 A.", encoding="utf-8")
    (tmp_path / "two" / "same.txt").write_text(" date 2021-01 B.", encoding="utf-8")
    articles, (error,) = read(tmp_path)
    assert len(articles) == 1 and "already read" in error.message


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(" date 2021-01 A.", encoding="utf-8")
    original = type(path).read_bytes

    def refuse(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return original(self)

    # Root ignores file modes, so the refusal is simulated where the reader asks the OS.
    monkeypatch.setattr(type(path), "read_bytes", refuse)
    articles, (error,) = read(path)
    assert articles == [] and "cannot read file: Permission denied" in error.message


def test_markdown_impossible_published_date(tmp_path):
    path = tmp_path / "m.md"
    path.write_text("---\npublished: 2022-02-30\n---\nDer Kreml nennt den Gipfel verfrüht.\n", encoding="utf-8")
    articles, (error,) = read(path)
    assert articles == [] and "day 30" in error.message and error.line == 2 and error.field == "published"


def test_markdown_front_matter_values_stay_text(tmp_path):
    path = tmp_path / "m.md"
    path.write_text("---\npublished: 2022-02\nsource: 2022\ntitle: yes\n---\nText.\n", encoding="utf-8")
    (article,), _ = read(path)
    assert article.document.source == "2022" and article.title == "yes"


@pytest.mark.parametrize(
    "header",
    [
        "---\npublished: 2024-03-05T23:30:00-05:00\n---\n",
        "---\ndate: 2024-03-05 10:30\n---\n",
        " date: 2024-03-05T10:30Z\n",
        "date 2024-03-05\n",
        "date 2024-03-05 10:30\n",
        "date 2024-03-05 10:30:00+01:00\n",
    ],
)
def test_date_times_and_date_fields_as_content_systems_write_them(tmp_path, header):
    """The day written counts (not converted to UTC: 23:30 at -05:00 is still the 5th)."""
    path = tmp_path / ("a.md" if header.startswith("---") else "a.txt")
    path.write_text(header + "Der Kreml nennt den Gipfel verfrüht.\n", encoding="utf-8")
    (article,), errors = read(path)
    assert errors == [] and article.document.published == PublicationDate.parse("2024-03-05")
    assert article.document.text[article.document.body_start :].strip() == "Der Kreml nennt den Gipfel verfrüht."


@pytest.mark.parametrize("value", ["2024-03-05T25", "2024-03-05T25:00", "2024-03-05T10:61", "2024-03-05T10:30+01:00:00", "2024-03-32T10:30", "5.3.2024"])
def test_broken_date_times_are_input_errors(tmp_path, value):
    path = tmp_path / "a.md"
    path.write_text(f"---\npublished: {value}\n---\nText.\n", encoding="utf-8")
    articles, (error,) = read(path)
    assert articles == [] and value in error.message and error.field == "published" and error.line == 2


def test_published_wins_over_date_in_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ndate: 2020-01-01\npublished: 2024-03-05\n---\nText.\n", encoding="utf-8")
    (article,), _ = read(path)
    assert article.document.published == PublicationDate.parse("2024-03-05")


@pytest.mark.parametrize(
    ("report", "reads_it"),
    [
        ("corpus/x/report.md", True),
        ("corpus/report.txt", True),
        ("corpus/feed.jsonl", True),
        ("corpus/x/report.html", False),  # no corpus suffix
        ("corpus/.reports/report.md", False),  # hidden folders are not read
        ("reports/report.md", False),
        ("corpus-reports/report.md", False),  # a name that only begins like the corpus
    ],
)
def test_corpus_path_reading_a_file_to_be_written(tmp_path, monkeypatch, report, reads_it):
    from checker.corpus import corpus_path_reading

    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    assert corpus_path_reading(report, ["seeds.txt", "corpus"]) == ("corpus" if reads_it else None)


def test_corpus_path_reading_a_corpus_file_named_itself(tmp_path):
    from checker.corpus import corpus_path_reading

    article = tmp_path / "a.md"
    assert corpus_path_reading(article, [article]) == str(article)
