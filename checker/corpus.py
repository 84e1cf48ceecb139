"""Reading the corpus: files in, documents out, bad files turned into input errors.

Recognised by suffix: `.txt` (optional ` date YYYY-MM[-DD]` header), `.md` (optional YAML front
matter), `.tml` (TimeML: DCT and tag-free TEXT), `.jsonl` (one article a line). Directories are read
recursively, files sorted by path. Offsets stay valid into each article's decoded text.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

import yaml

from checker.document import Document
from checker.errors import InputError
from checker.formatting import REPORT_HEADING
from checker.published import PublicationDate

SUFFIXES = (".txt", ".md", ".tml", ".jsonl")
# The date, possibly with a time after a blank ("date 2024-03-05 10:30"), which then belongs to it.
_TXT_HEADER = re.compile(r"\A\s*date:?[ \t]+(\S+(?:[ \t]+\d{1,2}:\d{2}\S*)?)[ \t]*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.DOTALL | re.MULTILINE)
# A first line that opens front matter: without its closing line the fields would be read as text.
_FRONT_MATTER_OPENING = re.compile(r"\A---[ \t]*\r?\n")
# A front-matter line whose value has a colon and a blank in it ("title: Paznaun: Zahl der Eingeschlossenen
# steigt"), which YAML reads as a second mapping: headlines often have one, so the error shows the fix.
_UNQUOTED_COLON = re.compile(r"(?P<field>\w+):[ \t]+(?P<value>[^\"'\s][^\"]*?:[ \t].*?)\s*\Z")
# `\S` and `str.strip` agree on what a blank is (both Py_UNICODE_ISSPACE).
_NON_BLANK = re.compile(r"\S")


@dataclass
class Article:
    document: Document
    path: str
    title: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        digest = hashlib.sha256()
        digest.update(self.document.published.text.encode())
        digest.update(b"\0")
        digest.update((self.document.source or "").encode())
        digest.update(b"\0")
        digest.update(str(self.document.body_start).encode())
        digest.update(b"\0")
        digest.update(self.document.text.encode())
        return digest.hexdigest()


def find_files(paths: Iterable[str | os.PathLike]) -> Iterator[str | InputError]:
    """Every readable corpus file under `paths`, sorted within each directory; errors for bad paths.

    Files are named as `str(Path(...))` names them (`./a//b.txt` is `a/b.txt`): that name is the
    article's path in every report. Plain strings, because a warm run handles ten thousand names
    and does nothing else with most of them. A file under two of `paths` (`seeds seeds/a.txt`, a
    folder named twice) is one file: it comes once, where it came first, as its articles are one
    corpus's, not two copies.
    """
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for name in _corpus_files_under(str(path)):
                if name not in seen:
                    seen.add(name)
                    yield name
        elif path.is_file():
            if path.suffix not in SUFFIXES:
                yield InputError(str(path), f"unknown file type {path.suffix or '(none)'}; expected one of {', '.join(SUFFIXES)}")
            elif str(path) not in seen:
                seen.add(str(path))
                yield str(path)
        elif path.exists():
            yield InputError(str(path), "not a regular file or directory")
        else:
            yield InputError(str(path), "no such file or directory")


def corpus_path_reading(file: str | os.PathLike, paths: Iterable[str | os.PathLike]) -> str | None:
    """The one of `paths` under which `find_files` would find `file` (which need not exist yet), or
    None: a corpus file itself, or a file with a corpus suffix and no hidden part below a folder."""
    target = os.path.abspath(file)
    if not target.endswith(SUFFIXES):
        return None
    for path in paths:
        root = os.path.abspath(path)
        if target == root:
            return str(path)
        relative = os.path.relpath(target, root)
        if Path(root).is_dir() and not relative.startswith(os.pardir) and not any(part.startswith(".") for part in Path(relative).parts):
            return str(path)
    return None


def _corpus_files_under(folder: str) -> list[str]:
    """Corpus files under `folder` in the order of their sorted paths, hidden ones left out.

    Sorting the names of one folder and descending into a subfolder where its name falls gives
    the order of `sorted(Path(folder).rglob("*"))` without comparing whole paths; the folder
    entries know whether they are files without a stat per file. As with `rglob`, symlinked
    folders are not followed, symlinked files are read, and a folder that cannot be listed is
    passed over. A list, not a generator: each level of nested generators would hand on every
    name once more.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=attrgetter("name"))
    except OSError:
        return []
    # What `Path(folder) / name` spells: `os.path.join`, except that `Path(".") / name` is `name`.
    prefix = "" if folder == "." else os.path.join(folder, "")
    files: list[str] = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            files.extend(_corpus_files_under(prefix + name))
        elif name.endswith(SUFFIXES) and entry.is_file():  # not hidden, so the suffix is the extension
            files.append(prefix + name)
    return files


def _blank(text: str, start: int = 0) -> bool:
    """Whether `text[start:]` is empty or all blanks: `not text[start:].strip()` without copying
    the text, and stopping at the first character that is not blank."""
    return _NON_BLANK.search(text, start) is None


def read_corpus(
    paths: Iterable[str | os.PathLike], published: PublicationDate | None = None
) -> Iterator[Article | InputError]:
    """Articles and input errors, in path order; one bad file never stops the others."""
    ids = ArticleIds()
    for item in find_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        for result in read_file(item, published):
            if isinstance(result, Article):
                duplicate = ids.duplicate(result.document.article, result.path)
                if duplicate is not None:
                    yield duplicate
                    continue
            yield result


class ArticleIds:
    """The file each article id was first read from: a second file with the same id is skipped.

    Shared by `read_corpus` and the pipeline's reading through the file index, which knows a
    file's articles without reading it, so that both report a duplicate the same way.
    """

    def __init__(self) -> None:
        self._first_path: dict[str, str] = {}

    def duplicate(self, article: str, path: str) -> InputError | None:
        """The input error for article `article` of file `path` if another file had it first."""
        first = self._first_path.setdefault(article, path)
        if first != path:
            return InputError(path, f"article id {article!r} already read from {first}; skipped")
        return None


def read_file(path: str | os.PathLike, published: PublicationDate | None = None) -> list[Article | InputError]:
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return [InputError(name, f"cannot read file: {error.strerror or error}")]
    text = _decode(name, raw)
    if isinstance(text, InputError):
        return [text]
    if _blank(text):
        return [InputError(name, "empty file: no article text")]
    reader = {".txt": _read_txt, ".md": _read_md, ".tml": _read_tml, ".jsonl": _read_jsonl}[path.suffix]
    return reader(name, path.stem, text, published)


# Byte-order marks of UTF-16, which some editors and exports write (Windows "Unicode" text). Such a
# file is full of NUL bytes, yet it is text: its mark says how to read it.
_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_LATIN_LETTER = re.compile("[A-Za-z]")


def _decode(name: str, raw: bytes) -> str | InputError:
    if raw.startswith(_UTF16_MARKS):
        try:
            text = raw.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError as error:
            return InputError(name, f"not UTF-16 text after its byte-order mark ({error.reason} at byte {error.start})")
        # Two bytes FF FE can open any binary file, and most byte pairs decode to some character
        # (CJK, mostly). German text, its date header and front matter have Latin letters.
        if not _LATIN_LETTER.search(text):
            return InputError(name, "not UTF-16 text after its byte-order mark (no Latin letter in it: a binary file?)")
        return text
    if b"\0" in raw:
        return InputError(name, "binary file (NUL bytes): expected UTF-8 text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return InputError(name, f"not UTF-8 text (invalid byte 0x{raw[error.start]:02x} at byte {error.start})", line)
    return text.removeprefix("\ufeff")


def _parse_date(name: str, value: object, line: int | None, field: str) -> PublicationDate | InputError:
    try:
        return PublicationDate.parse(str(value))
    except ValueError as error:
        return InputError(name, str(error), line, field)


def _read_txt(name: str, article: str, text: str, published: PublicationDate | None) -> list[Article | InputError]:
    header = _TXT_HEADER.match(text)
    if header:
        line = text.count("\n", 0, header.start(1)) + 1
        parsed = _parse_date(name, header.group(1), line, "date header")
        if isinstance(parsed, InputError):
            return [parsed]
        body_start = header.end()
    elif published is not None:
        parsed, body_start = published, 0
    else:
        return [InputError(name, "no publication date: add a first line 'date YYYY-MM[-DD]' or pass --published", 1)]
    if _blank(text, body_start):
        return [InputError(name, "no article text after the date header", 1)]
    return [Article(Document(article, text, parsed, body_start), name)]


def _read_md(name: str, article: str, text: str, published: PublicationDate | None) -> list[Article | InputError]:
    meta: dict = {}
    body_start = 0
    front = _FRONT_MATTER.match(text)
    if front is None and _FRONT_MATTER_OPENING.match(text):
        return [InputError(name, "front matter opened on line 1 is not closed: end its fields with a line '---'", 1)]
    if front:
        try:
            # Values stay text: YAML would turn `2022-02-30` into a crash, ours gives a readable error.
            loaded = yaml.load(front.group(1), Loader=yaml.BaseLoader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            problem = f"invalid YAML front matter: {getattr(error, 'problem', error)}"
            field = _UNQUOTED_COLON.match(text.splitlines()[line - 1]) if mark else None
            if field:
                problem += f"; a value with ': ' in it must be quoted: {field['field']}: \"{field['value']}\""
            return [InputError(name, problem, line)]
        if loaded is not None and not isinstance(loaded, dict):
            return [InputError(name, "front matter must be a mapping of fields", 2)]
        meta = loaded or {}
        body_start = front.end()
    # `date` is what static-site and CMS front matter call it; `published` wins when both are there.
    date_field = "published" if meta.get("published") is not None else "date"
    if meta.get(date_field) is not None:
        line = _field_line(text, date_field)
        parsed = _parse_date(name, meta[date_field], line, date_field)
        if isinstance(parsed, InputError):
            return [parsed]
    elif published is not None:
        parsed = published
    elif text.startswith(REPORT_HEADING):
        return [InputError(name, "a report checker wrote, not an article: move it out of the corpus", 1)]
    else:
        return [InputError(name, "no publication date: add 'published: YYYY-MM[-DD]' to the front matter or pass --published", 1)]
    if _blank(text, body_start):
        return [InputError(name, "no article text after the front matter")]
    source = _optional_str(meta.get("source"))
    document = Document(article, text, parsed, body_start, source)
    return [Article(document, name, _optional_str(meta.get("title")), _optional_str(meta.get("url")))]


def _field_line(text: str, field: str) -> int | None:
    match = re.search(rf"^{field}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _read_tml(name: str, article: str, text: str, published: PublicationDate | None) -> list[Article | InputError]:
    from checker.timeml import parse_timeml

    try:
        timeml = parse_timeml(text, with_timexes=False)
    except ValueError as error:
        return [InputError(name, f"invalid TimeML: {error}")]
    if timeml.dct:
        parsed = _parse_date(name, timeml.dct[:10], None, "DCT")
        if isinstance(parsed, InputError):
            return [parsed]
    elif published is not None:
        parsed = published
    else:
        return [InputError(name, "no DCT in the TimeML file and no --published")]
    if _blank(timeml.text):
        return [InputError(name, "empty TEXT element")]
    return [Article(Document(article, timeml.text, parsed, 0), name)]


def _read_jsonl(name: str, article: str, text: str, published: PublicationDate | None) -> list[Article | InputError]:
    results: list[Article | InputError] = []
    first_line: dict[str, int] = {}  # article id -> the line that gave it first (ids of other files: ArticleIds)
    for number, line in enumerate(text.splitlines(), start=1):
        if _blank(line):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            results.append(InputError(name, f"malformed JSON: {error.msg.removesuffix(' at')} at column {error.colno}", number))
            continue
        if not isinstance(record, dict):
            results.append(InputError(name, "expected a JSON object per line", number))
            continue
        problem = _jsonl_problem(record)
        if problem:
            results.append(InputError(name, problem[1], number, problem[0]))
            continue
        first = first_line.setdefault(record["id"], number)
        if first != number:
            results.append(InputError(name, f"article id {record['id']!r} already on line {first}; skipped", number, "id"))
            continue
        if record.get("published") is not None:
            parsed = _parse_date(name, record["published"], number, "published")
            if isinstance(parsed, InputError):
                results.append(parsed)
                continue
        elif published is not None:
            parsed = published
        else:
            results.append(InputError(name, "missing 'published' and no --published", number, "published"))
            continue
        document = Document(record["id"], record["text"], parsed, 0, _optional_str(record.get("source")))
        results.append(Article(document, name, _optional_str(record.get("title")), _optional_str(record.get("url"))))
    return results


def _jsonl_problem(record: dict) -> tuple[str, str] | None:
    for field in ("id", "text"):
        if field not in record:
            return field, f"missing required field {field!r}"
        if not isinstance(record[field], str):
            return field, f"field {field!r} must be a string"
    if _blank(record["id"]):
        return "id", "empty article id"
    if _blank(record["text"]):
        return "text", "empty article text"
    for field in ("published", "source", "title", "url"):
        if field in record and record[field] is not None and not isinstance(record[field], str):
            # A date written as a number (20250301) is the likeliest slip: say how to write it.
            how = ", an ISO date in quotes such as \"2025-03-01\"" if field == "published" else ""
            return field, f"field {field!r} must be a string{how}, not {json.dumps(record[field])}"
    return None
