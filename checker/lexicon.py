"""German word lists (months, qualifiers, units, names, cues) live in YAML data files.

They are loaded once, checked at load time, and a broken file fails loudly with its path.

What a file parses to is also kept beside it, pickled, as Python keeps compiled modules in
`__pycache__`: even with libyaml, PyYAML builds the Python objects in pure Python (~40 ms for all
lexicons, in every process that extracts), while unpickling them takes ~2 ms. A kept copy is only
ever used for the very bytes it was parsed from (its name holds their hash), and one that cannot
be read or written is passed over: the YAML file is the only source.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from checker.atomic import keep_replacing

LEXICON_DIR = Path(__file__).parent / "lexicons" / "de"
PARSED_DIR = LEXICON_DIR / "__pycache__"
# libyaml's loader reads the same content about ten times faster; the pure-Python one is the fallback.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexiconError(Exception):
    """A lexicon file is missing or malformed: a defect of the installation, not of the input."""


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> Any:
    """Return the parsed content of `lexicons/de/<name>.yaml`."""
    path = LEXICON_DIR / f"{name}.yaml"
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise LexiconError(f"{path}: cannot read lexicon: {error.strerror}") from error
    parsed = _parsed_path(name, raw)
    content = _read_parsed(parsed)
    if content is not None:
        return content
    try:
        content = yaml.load(raw.decode("utf-8"), Loader=SAFE_LOADER)
    except UnicodeDecodeError as error:
        raise LexiconError(f"{path}: not UTF-8: {error}") from error
    except yaml.YAMLError as error:
        raise LexiconError(f"{path}: invalid YAML: {error}") from error
    if content is None:
        raise LexiconError(f"{path}: lexicon is empty")
    _keep_parsed(parsed, content)
    return content


def _parsed_path(name: str, raw: bytes) -> Path:
    """Where the parse of `raw` is kept: named by the bytes, the PyYAML version and the pickle
    protocol, so that any change to one of them is a different file."""
    digest = hashlib.sha256(raw)
    digest.update(f"{yaml.__version__} {pickle.HIGHEST_PROTOCOL}".encode())
    return PARSED_DIR / f"{name}.{digest.hexdigest()[:16]}.pickle"


def _read_parsed(parsed: Path) -> Any:
    """The kept parse, or None when there is none or it cannot be read (it is then parsed anew)."""
    try:
        with parsed.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, unreadable or damaged (unpickling can fail in many ways): parse
        return None


def _keep_parsed(parsed: Path, content: Any) -> None:
    """Keep `content` at `parsed` (atomically) and drop the copies of this lexicon's older bytes;
    an installation that cannot be written to simply parses every time."""
    name = parsed.name.split(".", 1)[0]
    keep_replacing(parsed, pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL), f"{name}.*.pickle")


def lexicon_error(name: str, message: str) -> LexiconError:
    """The error for a defect of `lexicons/de/<name>.yaml`: its message begins with the file."""
    return LexiconError(f"{LEXICON_DIR / (name + '.yaml')}: {message}")


def require_mapping(name: str, content: Any, *keys: str) -> dict:
    """Check that a lexicon is a mapping holding `keys`; the message names the file and the key."""
    if not isinstance(content, dict):
        raise lexicon_error(name, "expected a mapping at the top level")
    for key in keys:
        if key not in content:
            raise lexicon_error(name, f"missing key {key!r}")
    return content


def word_list(name: str, content: dict, key: str) -> list[str]:
    """`content[key]` of lexicon `name`, checked to be a list of words (non-empty strings)."""
    value = content.get(key)
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise lexicon_error(name, f"{key!r} must be a list of words")
    return value


@lru_cache(maxsize=1)
def lexicon_version() -> str:
    """Hash of every lexicon file: part of the cache key, so editing a word list re-extracts."""
    digest = hashlib.sha256()
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
