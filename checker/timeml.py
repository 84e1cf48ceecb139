"""TimeML documents: the tag-free TEXT content, the creation time and the TIMEX3 spans in it.

Offsets of every TIMEX3 are into `text`, the content of <TEXT> with all tags removed and XML
entities decoded, which is the string a tagger sees and the one claims point into.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class TimeMLDocument:
    text: str
    dct: str | None
    timexes: list[Timex] = field(default_factory=list)


def _local_name(tag: object) -> str:
    # Namespaced tags come as "{uri}NAME"; comments and processing instructions are not strings.
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _walk(element: ElementTree.Element, pieces: list[str], length: int, timexes: list[Timex]) -> int:
    """Append the tag-free text of `element` (without its tail) to `pieces`; return the new length."""
    start = length
    if element.text:
        pieces.append(element.text)
        length += len(element.text)
    for child in element:
        length = _walk(child, pieces, length, timexes)
        if child.tail:
            pieces.append(child.tail)
            length += len(child.tail)
    if _local_name(element.tag) == "TIMEX3":
        # The covered text is filled in once the whole TEXT is joined.
        timexes.append(Timex(start, length, element.get("type", ""), element.get("value", ""), ""))
    return length


def parse_timeml(raw: str, with_timexes: bool = True) -> TimeMLDocument:
    """Parse a TimeML string; raises ValueError with a readable reason when it is not usable.

    `with_timexes=False` leaves the TIMEX3 list empty: reading a corpus needs only the text and
    the creation time, and the C `itertext` joins the text several times faster than the walk
    that records the offsets of every TIMEX3.
    """
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError as error:
        raise ValueError(f"not well-formed TimeML: {error}") from error
    text_element = next((e for e in root.iter() if _local_name(e.tag) == "TEXT"), None)
    if text_element is None:
        raise ValueError("TimeML has no TEXT element")
    dct = None
    dct_element = next((e for e in root.iter() if _local_name(e.tag) == "DCT"), None)
    if dct_element is not None:
        dct_timex = next((e for e in dct_element.iter() if _local_name(e.tag) == "TIMEX3"), None)
        if dct_timex is not None:
            dct = dct_timex.get("value")
    if not with_timexes:
        return TimeMLDocument(text="".join(text_element.itertext()), dct=dct)
    pieces: list[str] = []
    timexes: list[Timex] = []
    _walk(text_element, pieces, 0, timexes)
    text = "".join(pieces)
    timexes = sorted(
        (Timex(t.start, t.end, t.type, t.value, text[t.start : t.end]) for t in timexes),
        key=lambda timex: (timex.start, timex.end),
    )
    return TimeMLDocument(text=text, dct=dct, timexes=timexes)
