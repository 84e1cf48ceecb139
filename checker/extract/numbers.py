"""German numerals: parse one numeral string, and find numeral spans in running text.

Digits use German separators (`150.000`, `150 000`, `1,5`) and the Swiss apostrophe (`40'000`); scale words multiply
(`1,5 Millionen`, `3,7 Mio.`, `2 Mrd.`); number words are read by text2num below a million and
combined with the large scales here (`einunddreißig Millionen zweihundert…`); vague plurals
(`Zehntausende`) are ranges. The words live in `lexicons/de/numbers.yaml`.

The scanner only says where numerals are and what they are worth. Whether a numeral is a
claim (a counted noun, not a date, time or page counter) is decided by `quantities.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache, partial

from text_to_num import text2num

from checker.extract.alternation import lower_case_agrees, matched_key, word_alternation
from checker.lexicon import lexicon_error, load_lexicon, require_mapping, word_list

LEXICON = "numbers"
# The Swiss and Liechtenstein thousands separator: "40'000", typographic "81’300" (U+2019) or "ʼ" (U+02BC).
_APOSTROPHES = "'\u2019\u02bc"
# "150.000", "150 000", "40'000" after their first digit (digits_in_text matches that digit on its own).
# After an apostrophe only groups of exactly three digits continue a number: "'90er" and a quoted
# "'300'" stay apart from a figure before them.
_GROUPED_DIGITS_TAIL = (
    r"\d{0,2}(?:\.\d{3})+|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d{0,2}(?:[" + _APOSTROPHES + r"]\d{3})+(?![\d])"
)
_GROUPED_DIGITS = r"\d(?:" + _GROUPED_DIGITS_TAIL + r")"
_GROUPED_DIGITS_PATTERN = re.compile(_GROUPED_DIGITS)
_LETTER_BEFORE_HYPHEN = re.compile(r"[^\W\d_]-$")
_COUNTER_BEFORE = re.compile(r"\d\s*[/:]\s*$")


@dataclass(frozen=True)
class Numeral:
    """A numeral in a text: `value` for a definite number, `low`/`high` bound it (equal when exact)."""

    start: int
    end: int
    value: float | None  # None for a vague magnitude ("Zehntausende")
    low: float
    high: float
    form: str  # "digits" | "words" | "vague"
    ordinal_dot: bool = False  # digits followed by a full stop: an ordinal ("7. Dezember") or a sentence end


@dataclass(frozen=True)
class _NumberLexicon:
    scales: dict[str, float]  # lower-cased scale word -> multiplier
    word_scales: dict[str, float]  # the scales that may follow a number word ("zwei Millionen")
    fractions: dict[str, float]  # lower-cased fraction word -> value
    suffix_scales: dict[str, float]
    one_words: frozenset[str]
    zero_words: frozenset[str]
    not_numerals: frozenset[str]
    decimal_words: frozenset[str]
    negative_words: frozenset[str]
    vague: dict[str, tuple[float, float]]  # lower-cased phrase -> (low, high)
    scale_after: re.Pattern  # a scale word right after a vague phrase: "mehrere hundert Millionen"
    digits_in_text: re.Pattern
    words_in_text: re.Pattern  # one number-word token: a piece compound, a fraction, an article or a scale word
    words_or_vague_in_text: re.Pattern  # a vague phrase (group "vague") where one starts, else a token
    word_starts: re.Pattern  # in the lower-cased text: the character before where a phrase or token may start
    digits_alone: re.Pattern
    negative_prefix: re.Pattern
    negative_before: re.Pattern
    sign_last_character: re.Pattern  # the last character of a sign or of a negative word, in any case
    decimal_split: re.Pattern


_error = partial(lexicon_error, LEXICON)
_word_list = partial(word_list, LEXICON)


def _starts_with_one_of(words) -> str:
    """A lookahead that a word starts here with the first letter of one of `words`.

    Put before an alternation of those words, it turns most word starts away in one step
    ("wir", "ist", "Krieg") instead of letting every branch of the alternation fail on its own.
    """
    first_letters = sorted({re.escape(word[0]) for word in words})
    return "(?=[" + "".join(first_letters) + "])" if first_letters else "(?!)"


def _number_map(content: dict, key: str) -> dict[str, float]:
    value = content[key]
    if not isinstance(value, dict) or not all(
        isinstance(word, str) and isinstance(number, (int, float)) and number > 0 for word, number in value.items()
    ):
        raise _error(f"{key!r} must map words to positive numbers")
    return {word: float(number) for word, number in value.items()}


@lru_cache(maxsize=1)
def _lexicon() -> _NumberLexicon:
    content = require_mapping(
        LEXICON,
        load_lexicon(LEXICON),
        "word_pieces",
        "not_numerals",
        "one_words",
        "zero_words",
        "scales",
        "fraction_words",
        "suffix_scales",
        "scales_after_digits_only",
        "decimal_words",
        "negative_words",
        "vague",
    )
    scales = _number_map(content, "scales")
    fractions = _number_map(content, "fraction_words")
    suffix_scales = _number_map(content, "suffix_scales")
    vague: dict[str, tuple[float, float]] = {}
    for phrase, bounds in content["vague"].items():
        if (
            not isinstance(bounds, list)
            or len(bounds) != 2
            or not all(isinstance(bound, (int, float)) for bound in bounds)
            or bounds[0] > bounds[1]
        ):
            raise _error(f"vague {phrase!r} must be [low, high] with low <= high")
        vague[str(phrase).lower()] = (float(bounds[0]), float(bounds[1]))
    pieces = _word_list(content, "word_pieces")
    one_words = _word_list(content, "one_words")
    scale_alternation = word_alternation(scales)
    after_digits_only = _word_list(content, "scales_after_digits_only")
    if not set(after_digits_only) <= set(scales):
        raise _error("every word of 'scales_after_digits_only' must be one of 'scales'")
    word_scales = [word for word in scales if word not in after_digits_only]
    token_words = [*fractions, *pieces, *one_words, *word_scales]
    word_token = (
        r"(?:(?P<fraction>" + word_alternation(fractions) + r")(?![\w-])"
        r"|(?P<word>" + word_alternation(pieces) + r"+)(?![\w-])|(?P<one>" + word_alternation(one_words) + r")"
        r"|(?P<scale>" + word_alternation(word_scales) + r"))(?![\w-])"
    )
    return _NumberLexicon(
        scales={word.lower(): value for word, value in scales.items()},
        word_scales={word.lower(): scales[word] for word in word_scales},
        fractions={word.lower(): value for word, value in fractions.items()},
        suffix_scales=suffix_scales,
        one_words=frozenset(word.lower() for word in one_words),
        zero_words=frozenset(word.lower() for word in _word_list(content, "zero_words")),
        not_numerals=frozenset(word.lower() for word in _word_list(content, "not_numerals")),
        decimal_words=frozenset(word.lower() for word in _word_list(content, "decimal_words")),
        negative_words=frozenset(word.lower() for word in _word_list(content, "negative_words")),
        vague=vague,
        scale_after=re.compile(r"\s+(?P<scale>" + word_alternation(word for word in word_scales if word.lower() != "dutzend") + r")(?![\w-])"),
        # A digit numeral not glued to letters ("G7", "COVID-19"), to a counter ("1 / 6"), a score ("2:1")
        # or a time ("21.30"); an optional scale word follows. The pattern starts with a digit, so that
        # the regex engine skips to digits instead of trying it at every position; the look back at
        # what precedes the numeral therefore steps back over that first digit.
        digits_in_text=re.compile(
            r"(?P<digits>\d(?<![\w.,/:]\d)(?<!\d[" + _APOSTROPHES + r"]\d)(?:" + _GROUPED_DIGITS_TAIL + r"|\d*))(?P<fraction>,\d+)?"
            r"(?!\w|[.,:]\d|\s*/\s*\d)"
            r"(?:\s*(?P<scale>(?i:" + scale_alternation + r"))(?![\w-]))?"
        ),
        words_in_text=re.compile(r"(?<![\w-])" + _starts_with_one_of(token_words) + word_token, re.IGNORECASE),
        # Vague phrases and number words in one pass over the text (see _words_and_vague).
        words_or_vague_in_text=re.compile(
            r"(?<![\w-])" + _starts_with_one_of([*vague, *token_words])
            + r"(?:(?P<vague>" + word_alternation(vague, whitespace=r"\s+") + r")(?![\w-])|" + word_token + ")",
            re.IGNORECASE,
        ),
        # Case-sensitive, so that `re` skips in C to the next character outside the class and fails
        # a word on its first letters; see _words_or_vague.
        word_starts=re.compile(r"[^\w-](?=" + word_alternation([*vague, *token_words], r"\s+", ignore_case=True) + ")"),
        digits_alone=re.compile(
            r"(?P<digits>" + _GROUPED_DIGITS + r"|\d*)(?:,(?P<fraction>\d+))?\s*"
            r"(?P<suffix>(?-i:" + word_alternation(suffix_scales) + r"))?\s*(?P<scale>" + scale_alternation + r")?",
            re.IGNORECASE,
        ),
        negative_prefix=re.compile(r"^(?:-|" + word_alternation(content["negative_words"], ignore_case=True) + r"(?!\w))\s*", re.IGNORECASE),
        # A sign right before a numeral in running text: "minus 2,8 Grad", "-5 Grad" (not "2-3": a range).
        negative_before=re.compile(
            r"(?:(?<![\w-])" + word_alternation(content["negative_words"], ignore_case=True) + r"\s+|(?:^|(?<=[\s(]))[-−])$", re.IGNORECASE
        ),
        sign_last_character=re.compile(
            "[" + "".join(sorted({re.escape(word[-1]) for word in content["negative_words"]} | {"-", "−"})) + "]", re.IGNORECASE
        ),
        decimal_split=re.compile(r"\s+" + word_alternation(content["decimal_words"], ignore_case=True) + r"\s+", re.IGNORECASE),
    )


def has_grouped_digits(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds digits written in groups of three ("5.120", "329 120", "40'000")."""
    return _GROUPED_DIGITS_PATTERN.search(text, start, end) is not None


def _digits_value(digits: str, fraction: str | None) -> float | None:
    whole = re.sub(r"[.\s\u00a0\u202f" + _APOSTROPHES + "]", "", digits)
    if not whole and not fraction:
        return None
    return float(f"{whole or '0'}.{fraction or '0'}")


def _word_value(word: str) -> float | None:
    lexicon = _lexicon()
    lower = word.lower()
    if lower in lexicon.one_words:
        return 1.0
    if lower in lexicon.zero_words:
        return 0.0
    if re.fullmatch(r"[\d.,\s]+", lower):
        match = lexicon.digits_alone.fullmatch(lower)
        return _digits_value(match.group("digits"), match.group("fraction")) if match else None
    return _text2num(lower)


@lru_cache(maxsize=16384)
def _text2num(word: str) -> float | None:
    try:
        return float(text2num(word, "de"))
    except (ValueError, TypeError, IndexError, KeyError, AttributeError):
        return None


def _words_value(text: str) -> float | None:
    """ "einunddreißig Millionen zweihundert…", "5 tausend", "eine Million": scales combine the parts."""
    lexicon = _lexicon()
    total = 0.0
    current: float | None = None
    previous = ""
    for token in text.split():
        fraction = lexicon.fractions.get(token.lower())
        if fraction is not None:
            # "eine halbe Million": the article is not a number of its own.
            current = fraction if current is None or previous in lexicon.one_words else current + fraction
            previous = token.lower()
            continue
        previous = token.lower()
        scale = lexicon.word_scales.get(token.lower())
        if scale is not None:
            if scale >= 1_000_000:
                total += (1.0 if current is None else current) * scale
                current = None
            else:
                current = (1.0 if current is None else current) * scale
            continue
        value = _word_value(token)
        if value is None:
            return None
        current = value if current is None else current + value
    if current is None and total == 0:
        return None
    return total + (current or 0.0)


def parse_number(text: str) -> float | None:
    """The value of one German numeral string ("150.000", "1,5 Millionen", "zwölf"), else None."""
    try:
        return _parse_number(text)
    except (ValueError, OverflowError):
        return None


def _parse_number(text: str) -> float | None:
    lexicon = _lexicon()
    rest = text.strip()
    sign = 1.0
    negative = lexicon.negative_prefix.match(rest)
    if negative and negative.end() < len(rest):
        sign, rest = -1.0, rest[negative.end() :]
    if not rest:
        return None
    parts = lexicon.decimal_split.split(rest)
    if len(parts) == 2:
        whole, fraction = _parse_number(parts[0]), _parse_number(parts[1])
        if whole is None or fraction is None or fraction < 0:
            return None
        digits = parts[1].strip() if parts[1].strip().isdigit() else str(int(fraction))
        return sign * float(f"{int(whole)}.{digits}")
    match = lexicon.digits_alone.fullmatch(rest)
    if match and (match.group("digits") or match.group("fraction")):
        value = _digits_value(match.group("digits"), match.group("fraction"))
        if value is None:
            return None
        if match.group("suffix"):
            value *= lexicon.suffix_scales[match.group("suffix")]
        if match.group("scale"):
            value *= lexicon.scales[matched_key(match.group("scale"))]
        return sign * value
    value = _words_value(rest)
    return None if value is None else sign * value


def sign_before(text: str, position: int) -> int:
    """Where a minus sign for the numeral at `position` starts ("minus 2,8", "-5"), or `position` when unsigned."""
    lexicon = _lexicon()
    window_start = max(0, position - 12)
    # A sign is the last thing before the numeral but blanks; testing that last character first spares
    # the search for nearly every numeral (`rstrip` drops what `\s` matches, the IGNORECASE class
    # accepts the characters the pattern does: "MINUS", "minuſ").
    if not lexicon.sign_last_character.match(text[window_start:position].rstrip()[-1:]):
        return position
    match = lexicon.negative_before.search(text, window_start, position)
    return match.start() if match else position


def scale_of(numeral_text: str) -> float:
    """The multiplier of a scale word ending `numeral_text` ("2 Millionen" → 1e6), else 1."""
    last = numeral_text.split()[-1:] or [""]
    return _lexicon().scales.get(last[0].lower(), 1.0) if len(numeral_text.split()) > 1 else 1.0


def find_numerals(text: str, start: int = 0, end: int | None = None) -> list[Numeral]:
    """Every numeral in `text[start:end]`, left to right, without overlaps (the longest wins)."""
    end = len(text) if end is None else end
    try:
        tokens, vague_numerals = _words_and_vague(text, start, end)
        candidates = [*_digit_numerals(text, start, end), *_word_numerals(text, tokens), *vague_numerals]
    except (ValueError, OverflowError):  # never raise on odd input
        return []
    candidates.sort(key=lambda numeral: (numeral.start, -numeral.end, numeral.form))
    chosen: list[Numeral] = []
    for numeral in candidates:
        if chosen and numeral.start < chosen[-1].end:
            continue
        chosen.append(numeral)
    return chosen


def _digit_numerals(text: str, start: int, end: int) -> list[Numeral]:
    lexicon = _lexicon()
    found = []
    for match in lexicon.digits_in_text.finditer(text, start, end):
        if _LETTER_BEFORE_HYPHEN.search(text, max(0, match.start() - 2), match.start()):
            continue  # "COVID-19", "Tu-95"
        if _COUNTER_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            continue  # the second half of a counter or score: "1 / 6", "2 : 1"
        value = _digits_value(match.group("digits"), (match.group("fraction") or ",")[1:] or None)
        if value is None:
            continue
        if match.group("scale"):
            value *= lexicon.scales[matched_key(match.group("scale"))]
        after = match.end("fraction") if match.group("fraction") else match.end("digits")
        ordinal_dot = not match.group("scale") and text.startswith(".", after) and not text[after + 1 : after + 2].isdigit()
        found.append(Numeral(match.start(), match.end(), value, value, value, "digits", ordinal_dot))
    return found


def _words_and_vague(text: str, start: int, end: int) -> tuple[list[re.Match], list[Numeral]]:
    """The number-word tokens (matches of `words_in_text`) and the vague numerals in `text[start:end]`.

    One pass of `words_or_vague_in_text` finds both. Where a vague phrase starts, that pattern takes
    it, so the tokens inside the phrase ("Millionen" is a scale word too, "einige hundert" holds
    "hundert") are read with `words_in_text` over the phrase. The tokens are then exactly those
    `words_in_text` finds in a pass of its own, and the phrases those of a pass for them alone: both
    start only at the start of a word, and no token or phrase holds the start of another word before
    its end, so no match of one pass skips a position where the other pass would match.
    """
    lexicon = _lexicon()
    tokens: list[re.Match] = []
    vague: list[Numeral] = []
    for match in _words_or_vague(text, start, end):
        if match.group("vague") is None:
            tokens.append(match)
            continue
        low, high = lexicon.vague[matched_key(re.sub(r"\s+", " ", match.group(0)))]
        phrase_end = match.end()
        scale = lexicon.scale_after.match(text, phrase_end, end)
        if scale:
            factor = lexicon.scales[matched_key(scale.group("scale"))]
            if factor > high and high < 1e6:  # "mehrere hundert Millionen", "Dutzende Milliarden"
                # "hundreds of millions" reach up to 999.999.999, not 999.000.000
                low, high, phrase_end = low * factor, (high + 1) * factor - 1, scale.end()
        vague.append(Numeral(match.start(), phrase_end, None, low, high, "vague"))
        for token in lexicon.words_in_text.finditer(text, match.start(), end):
            if token.start() >= match.end():
                break
            tokens.append(token)
    return tokens, vague


def _words_or_vague(text: str, start: int, end: int) -> Iterator[re.Match]:
    """What `words_or_vague_in_text.finditer(text, start, end)` finds, in half the time: the pattern
    is tried only where `word_starts` finds a number word or a vague phrase beginning in the
    lower-case copy of the text, right after the character it matches. Case-blind tries cost `re`
    a step into every branch at every word (it skips a branch on its first letter only when the
    letter is matched case-sensitively). Where the copy does not agree with IGNORECASE
    (`lower_case_agrees`), one pass of the pattern as before."""
    pattern = _lexicon().words_or_vague_in_text
    lowered = text.lower()
    if not lower_case_agrees(text, lowered):
        yield from pattern.finditer(text, start, end)
        return
    word_starts = _lexicon().word_starts
    # The pattern starts only after a character that is no word character or hyphen, which
    # `word_starts` matches; a word right at `start` has that character outside the window.
    word_start = resume = start
    while True:
        match = pattern.match(text, word_start, end)
        if match is not None:
            yield match
            resume = match.end()  # matches do not overlap, as in finditer
        before = word_starts.search(lowered, resume, end)
        if before is None:
            return
        word_start = resume = before.end()


def _word_numerals(text: str, tokens: list[re.Match]) -> list[Numeral]:
    """Runs of number words and scale words ("zwei Millionen", "eine Milliarde", "zwölf").

    A run is an optional article ("eine") and the number words after it, separated by blanks only.
    An article starts a new run ("zwei eine Million"), "und" or "null" on its own ends one ("zwei und
    drei" are two numerals), and a scale word cannot open one: without a number before it, it is
    vague ("Millionen Menschen"). A run that is only an article is no numeral ("ein Mann"), and an
    article before a cardinal number word is the noun's ("ein zwei Meter hoher Zaun": 2).
    """
    lexicon = _lexicon()
    found: list[Numeral] = []
    run: list[re.Match] = []
    run_has_number = False  # a number word after the optional article

    def close() -> None:
        if run_has_number:
            value = _words_value(" ".join(token.group(0).lower() for token in run))
            if value is not None:
                found.append(Numeral(run[0].start(), run[-1].end(), value, value, value, "words"))

    for token in tokens:
        word = token.group(0).lower()
        is_one = token.group("one") is not None or word in lexicon.one_words
        not_numeral = not is_one and word in lexicon.not_numerals and token.group("word") is not None
        if run and (is_one or not_numeral or text[run[-1].end() : token.start()].strip()):
            close()
            run, run_has_number = [], False
        if not_numeral or (not run and token.group("scale") is not None):
            continue
        if run and not run_has_number and token.group("word") is not None:
            run = []  # "ein zwei Meter hoher Zaun": the article is the noun's ("eine halbe Million" keeps it)
        run.append(token)
        run_has_number = run_has_number or not is_one
    close()
    return found
