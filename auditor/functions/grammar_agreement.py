"""Agreement house rules: a plural subject with a singular verb, and a/an before a sound."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor import inflect
from auditor.document import Document
from auditor.findings import Hit
from auditor.functions import grammar_subject, rule_function
from auditor.packs import Rule

# -- a / an before the sound of the next word ---------------------------------------------

_ARTICLE = re.compile(
    r"\b(?P<art>[Aa]n?)\s+(?P<word>[A-Za-z][A-Za-z'’-]*|(?:8\d{0,2}|11|18)(?![\d,]))"
)
# "a" is right before these vowel letters: they sound like "you", "one", "wu"
_A_OK = ("one", "once", "eu", "ewe", "uni", "unan", "uto", "use", "usu", "uti", "ura", "ure", "uro", "ubi",
         "uga", "uk", "ufo", "ute", "uv", "oui")  # fmt: skip
# "a" is wrong before these u-words: the u sounds as in "up"
_A_BAD_U = ("un", "umb", "up", "ult", "urg", "ugl", "unde")
# "an" is wrong before these vowel letters: they start with a "you" or "w" sound
_AN_BAD = ("uni", "use", "usu", "uti", "ura", "eu", "one-", "one ", "once")
_UNI_UN = ("unim", "unin", "unid")  # "an unimportant", "an uninformed", "an unidentified"


def _article_wrong(art: str, word: str) -> str | None:
    """The right article when `art` is wrong before `word`, else None."""
    low = word.lower()
    if word[0].isdigit():
        return "an" if art.lower() == "a" else None
    if any(c.isupper() for c in word[1:]) or not any(c in "aeiouy" for c in low):
        return None  # an acronym or a token read letter by letter: "an MEP", "an ntl"
    if art.lower() == "a":
        if low[0] not in "aeiou" or low.startswith(_A_OK):
            return None
        if low[0] == "u" and (word[0].isupper() or not low.startswith(_A_BAD_U)):
            return None
        if word[0].isupper() and low[0] in "eu":
            return None  # "a European", "a Uefa Cup", "a Ukrainian"
        return "an"
    if low[0] in "aeio":
        return "a" if (low + " ").startswith(_AN_BAD) else None
    if low[0] == "u":
        return "a" if low.startswith(_AN_BAD) and not low.startswith(_UNI_UN) else None
    if low[0] in "hxy" or word[0].isupper():
        return None  # "an hour", "an historic", "an X-ray", "an LSE study"
    return "a"


@rule_function("grammar.article_sound", options={})
def article_sound(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """ "a increase", "an unilateral", "a 8% rise": the article does not fit the next sound.

    Quiet on acronyms and letters ("an MEP", "a UN vote", "Grade A English"), "an hour",
    "an historic", "a one-off", "a European", "a Ukrainian", "an unidentified".
    """
    text = doc.text
    for m in _ARTICLE.finditer(text):
        art, word = m.group("art"), m.group("word")
        if art == "A" and m.start() > 0:
            before = text[max(0, m.start() - 3) : m.start()].rstrip()
            if before and before[-1] not in ".!?\"'“‘(:\n" and not before[-1].isspace():
                continue  # "Grade A English", "England A against France": a letter
        if text[m.end() : m.end() + 1] in (".", "@") and text[m.end() + 1 : m.end() + 2].isalnum():
            continue  # "an fbi.gov address": a domain, read letter by letter
        right = _article_wrong(art, word)
        if right is None:
            continue
        if art[0].isupper():
            right = right.capitalize()
        yield Hit(m.start("art"), m.end("art"), suggestions=(right,))


# -- plural subject, singular verb -------------------------------------------------------

# found from the verb back: "was" is rarer than a word ending in -s, so the scan is cheap
_SINGULAR_VERB = re.compile(
    r"\b(?:was|has|is|does|says|warns|insists|argues|believes|thinks|wants|agrees|accepts|"
    r"continues|seems|appears|denies|expects|knows|tells|admits|urges|vows|refuses)\b(?!['’])"
)
_BASE = {"was": "were", "has": "have", "is": "are", "does": "do"}
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_SUBJECT_BEFORE = re.compile(
    r"(?:(?P<pre>\b[\w'’]+)\s+)?(?P<noun>\b(?:[A-Za-z][a-z]+s|[Pp]olice|[Pp]eople))"
    r"(?P<rel>,\s+(?:which|who|that))?\s+$"
)
# plural-looking words that take a singular verb, and measure words ("two years was long")
_SINGULAR_S = frozenset({"news", "series", "species", "politics", "economics", "physics",
    "mathematics", "athletics", "gymnastics", "ethics", "maths", "means", "headquarters", "crossroads",
    "whereabouts", "measles", "diabetes", "aids", "this", "thus", "years", "months", "weeks",
    "days", "hours", "minutes", "seconds", "miles", "metres", "kilometres", "pounds",
    "dollars", "euros", "pence", "cents", "points", "goals", "runs", "wickets", "yards",
    "tonnes", "percent", "barracks", "works", "gallows", "billiards", "darts", "odds",
    "thanks", "lens", "bus", "gas", "yes"})  # fmt: skip
_PLURAL_DET = frozenset({"the", "these", "those", "many", "several", "both", "all", "some",
    "most", "few"})  # fmt: skip
_PLACES_S = frozenset({"wales", "brussels", "athens", "paris", "texas", "barclays", "reuters",
    "jones", "williams", "philippines", "netherlands", "bahamas"})  # fmt: skip


@rule_function("grammar.plural_singular_verb", options={}, parses=True)
def plural_singular_verb(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """ "ministers was", "Unions has", "agencies says", "the defences, which was built".

    Simple cases only: the plural noun must open its sentence or clause, or follow a plural
    determiner (the, these, many, ...) or a possessive ("Ukraine's forces has"); never after "of" ("one of the ministers was" is right), and never a word that is
    plural in form but singular in use (news, politics, "two years was").
    """
    text = doc.text
    for v in _SINGULAR_VERB.finditer(text):
        base = max(0, v.start() - 60)
        m = _SUBJECT_BEFORE.search(text, base, v.start())
        if m is None:
            continue
        noun = m.group("noun")
        low = noun.lower()
        if low in _SINGULAR_S or low in _PLACES_S:
            continue
        if low not in ("police", "people") and not inflect.is_plural_noun(low):
            continue
        pre = (m.group("pre") or "").strip().lower().strip("'’")
        if pre and not _clause_start(doc, m.start("pre"), m.group("rel") is not None):
            continue  # "created by the villagers is": the noun is not the subject
        if noun[0].isupper():
            if pre or not _starts_sentence(doc, m.start("noun")):
                continue  # a name ("Barclays has"), unless it opens the sentence
            if len(re.findall(rf"\b{noun}\b", text)) > 1:
                continue  # a name or title used again ("Angels is a great song")
        elif not (
            pre in _PLURAL_DET
            or (  # "Ukraine's forces has", but not "Abba's hits, which has"
                m.group("rel") is None and (pre in _POSSESSIVES or pre.endswith(("'s", "’s")))
            )
            or (  # "Aid agencies says": a noun compound opening the sentence
                (m.group("pre") or "")[:1].isupper()
                and inflect.reading(pre).noun
                and not pre.endswith(("ed", "ing"))
                and pre not in _PREPOSITIONS
                and _starts_sentence(doc, m.start("pre"))
            )
        ):
            continue
        s = m.start("noun")
        if _of_before(text, s):
            continue
        if grammar_subject.reports_verb(doc, v.start(), v.end()):
            continue  # grammar.agreement reports it, with the parse behind it
        verb = v.group()
        right = _BASE.get(verb) or next(iter(inflect.reading(verb).verb_lemmas), None)
        if right:
            yield Hit(v.start(), v.end(), suggestions=(right,))


_PREPOSITIONS = frozenset({"of", "from", "by", "to", "in", "on", "at", "for", "with", "into",
    "onto", "about", "over", "under", "than", "through", "between", "among", "against",
    "after", "before", "like"})  # fmt: skip


_CLAUSE_OPENERS = frozenset({"but", "while", "because", "that", "when", "as", "since",
    "although", "if"})  # fmt: skip


def _clause_start(doc: Document, pos: int, relative: bool) -> bool:
    """Whether the noun phrase at pos is a subject: it opens a sentence or a clause. Before
    ", which" it only must not be the object of a preposition ("from the broadcasters")."""
    before = doc.text[max(0, pos - 30) : pos].rstrip()
    words = re.findall(r"[\w'’]+", before)
    if relative:
        return not words or words[-1].lower() not in _PREPOSITIONS
    if _starts_sentence(doc, pos) or before.endswith((",", ";", ":")):
        return True
    return bool(words) and words[-1].lower() in _CLAUSE_OPENERS


def _starts_sentence(doc: Document, pos: int) -> bool:
    si = doc.sentence_index(pos)
    return si is not None and not doc.text[doc.sentences[si].start : pos].strip(" \"'“‘")


def _of_before(text: str, pos: int) -> bool:
    """Whether "of" (or "one", "each") comes within the three words before pos."""
    words = re.findall(r"[\w'’]+", text[max(0, pos - 40) : pos])[-3:]
    return any(w.lower() in ("of", "one", "each", "every", "none", "neither", "either")
               for w in words)  # fmt: skip
