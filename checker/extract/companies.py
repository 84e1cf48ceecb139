"""Companies named in one article, found by the shape of their names (lexicons/de/companies.yaml).

No list of companies could be complete, and a company is the actor of its own figures as a state or
a party is. An article names a company first by its legal form ("Die Siemens AG", "Kessler Automation
GmbH") or by a noun that describes it, in the phrase that opens a sentence ("Der Autozulieferer
Wendler", "Beim Chemiekonzern BASF"), and then by its name alone ("Wendler fertigt …", "Kessler-Chefin
Sabine Roth"). Each name found so is an organisation of the article: its mentions are found in the
whole text, as the gazetteer finds the names it lists.

A company named by its legal form is its words before that form ("Kessler Automation"); its first word
alone names it too, unless that is a declined adjective ("Deutsche Bank AG": "Deutsche" alone names
nothing). A company named by a descriptor is the one word after it: the next capitalised word may as
well be another noun.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.document import Sentence
from checker.extract.alternation import word_alternation
from checker.extract.gazetteer import Entity, EntityMatch, Gazetteer
from checker.lexicon import load_lexicon, require_mapping, word_list

# A word of a company's name: a capital, or digits and a letter, first ("BASF", "3M", "E.ON", "Müller-Brot");
# not a figure ("5 KG" weighs five kilograms).
_NAME_WORD = r"(?:[A-ZÄÖÜ]|\d+[A-Za-z])[\w&]*(?:[.-]\w[\w&]*)*"
_NAME_WORD_BEFORE = re.compile(r"(?<![\w&.-])" + _NAME_WORD + r"\s+$")
_OPENING_QUOTES = "„“\"»«‚‘'("
MAX_NAME_WORDS = 3  # "Wendler Fahrzeugtechnik GmbH", "Vantara Capital Partners AG"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """The legal form after a name; a sentence's opening phrase with a descriptor and a name; and the
    words that cannot be a name's first word (articles, prepositions: "Die", "Beim" open a sentence)."""
    content = require_mapping("companies", load_lexicon("companies"), "legal_forms", "descriptor_endings",
                              "descriptor_openers", "descriptor_opener_prepositions")
    forms = word_list("companies", content, "legal_forms")
    endings = word_list("companies", content, "descriptor_endings")
    openers = word_list("companies", content, "descriptor_openers")
    prepositions = word_list("companies", content, "descriptor_opener_prepositions")
    legal_form = re.compile(r"(?<=\s)" + word_alternation(forms) + r"(?![\w&])")
    descriptor = (r"(?:[A-ZÄÖÜ][a-zäöüß]*" + word_alternation(endings) + "|"
                  + word_alternation([ending[0].upper() + ending[1:] for ending in endings]) + ")")
    opening = re.compile(
        r"(?i:(?:" + word_alternation(prepositions) + r")\s+)?(?i:" + word_alternation(openers) + r")\s+"
        r"(?P<phrase>(?:(?:[a-zäöüß]+|[A-ZÄÖÜ][a-zäöüß]+er)\s+){0,2}"  # "angeschlagene", "Münchner"
        + descriptor + r"\s+(?P<name>" + _NAME_WORD + r"))(?![\w&-])"
        r"(?!\s+(?:und|sowie|oder)\s|\s*,\s*[A-ZÄÖÜ][\w&-]*\s*(?:,|und\s|sowie\s))"  # one of several: whose figure?
    )
    return legal_form, opening, frozenset({*openers, *prepositions})


@lru_cache(maxsize=1)
def legal_form_words() -> frozenset[str]:
    """The words of the legal forms (companies.yaml legal_forms: "AG", "GmbH", "Co.", "KG", "&"), as
    written: such a word is no short name of its own ("die Siemens AG" is not "AG") but ends a company's
    whole name."""
    content = require_mapping("companies", load_lexicon("companies"), "legal_forms")
    return frozenset(word for form in word_list("companies", content, "legal_forms") for word in form.split())


def company_mentions(text: str, sentences: list[Sentence], gazetteer: Gazetteer) -> list[EntityMatch]:
    """Every mention of a company the article introduces, left to right (see the module's docstring).

    An introduction (form "introduction") spans the whole phrase that names the company, with a place's
    name or adjective in it ("Der Münchner Konzern Alpentrans", "die Hamburger Nordwerk Logistik AG",
    "die 3M Deutschland GmbH"): the figure is the company's, not the place's. Other mentions are the
    company's name alone (form "alias").
    """
    names, introductions = _introductions(text, sentences, gazetteer)
    if not names:
        return []
    introduced = [(match.start, match.end) for match in introductions]
    pattern = re.compile(r"(?<![\w&.-])" + word_alternation(list(names)) + r"(?![\w&])")
    mentions = [*introductions, *(EntityMatch(match.start(), match.end(), names[match.group(0)], "alias")
                                  for match in pattern.finditer(text)
                                  if not any(start < match.end() and match.start() < end for start, end in introduced))]
    return sorted(mentions, key=lambda match: (match.start, -match.end))


def _introductions(text: str, sentences: list[Sentence], gazetteer: Gazetteer) -> tuple[dict[str, Entity], list[EntityMatch]]:
    """Each surface form that names a company of the article -> the company (the first named first), and
    the phrases that introduce them."""
    legal_form, opening, not_names = _patterns()
    names: dict[str, Entity] = {}
    introductions: list[EntityMatch] = []
    for form in legal_form.finditer(text):
        words: list[str] = []
        phrase_start = end = form.start()
        while len(words) < MAX_NAME_WORDS:
            word = _NAME_WORD_BEFORE.search(text, max(0, end - 60), end)
            first = word.group(0).split()[0] if word is not None else None
            if first is None or first.lower() in not_names:
                break
            if _town_adjective(gazetteer, first):
                phrase_start = word.start()  # "die Hamburger Nordwerk AG": where the company is from
                break
            words.insert(0, first)
            phrase_start = end = word.start()
        name = " ".join(words)
        if words and not _listed(gazetteer, name):
            company = names.setdefault(name, Entity(name, "organisation", None))
            introductions.append(EntityMatch(phrase_start, form.end(), company, "introduction"))
            if len(words) > 1 and words[0].lower() not in gazetteer.declined_adjectives:
                names.setdefault(words[0], company)  # "Kessler" after "Kessler Automation GmbH"
    for sentence in sentences:
        start = sentence.start
        while start < sentence.end and text[start] in _OPENING_QUOTES:
            start += 1
        described = opening.match(text, start, sentence.end)
        if described is not None and not _listed(gazetteer, described.group("name")):
            name = described.group("name")
            company = names.setdefault(name, Entity(name, "organisation", None))
            introductions.append(EntityMatch(described.start("phrase"), described.end("name"), company, "introduction"))
    return names, introductions


def _listed(gazetteer: Gazetteer, name: str) -> bool:
    """Whether the gazetteer lists `name` itself: "Die größten Autohersteller Deutschlands" name a
    country, "die Deutsche Bahn AG" the listed company."""
    return name.lower() in gazetteer.surface


def _town_adjective(gazetteer: Gazetteer, word: str) -> bool:
    """Whether `word` is a place's adjective that is no part of a name ("Hamburger", unlike "Deutsche")."""
    hit = gazetteer.surface.get(word.lower())
    return hit is not None and hit[1] == "adjective" and word.lower() not in gazetteer.declined_adjectives
