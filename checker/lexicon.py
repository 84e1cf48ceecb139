"""German word lists (months, qualifiers, units, names, cues) live in YAML data files.

They are loaded once, checked at load time, and a broken file fails loudly with its path.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).parent / "lexicons" / "de"
# libyaml's loader reads the same content about ten times faster; the pure-Python one is the fallback.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexiconError(Exception):
    """A lexicon file is missing or malformed: a defect of the installation, not of the input."""


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> Any:
    """Return the parsed content of `lexicons/de/<name>.yaml`."""
    path = LEXICON_DIR / f"{name}.yaml"
    try:
        with path.open(encoding="utf-8") as handle:
            content = yaml.load(handle, Loader=SAFE_LOADER)
    except OSError as error:
        raise LexiconError(f"{path}: cannot read lexicon: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise LexiconError(f"{path}: invalid YAML: {error}") from error
    if content is None:
        raise LexiconError(f"{path}: lexicon is empty")
    return content


def require_mapping(name: str, content: Any, *keys: str) -> dict:
    """Check that a lexicon is a mapping holding `keys`; the message names the file and the key."""
    path = LEXICON_DIR / f"{name}.yaml"
    if not isinstance(content, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level")
    for key in keys:
        if key not in content:
            raise LexiconError(f"{path}: missing key {key!r}")
    return content


@lru_cache(maxsize=1)
def lexicon_version() -> str:
    """Hash of every lexicon file: part of the cache key, so editing a word list re-extracts."""
    digest = hashlib.sha256()
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
