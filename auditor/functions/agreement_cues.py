"""Which sentences grammar.agreement has parsed: the cheap cues, read on the raw text.

Parsing is the rule's cost, so a sentence is parsed only when a verb whose number can be
wrong is visible without a parse: a be/have/do form, a word the lexicon knows as a verb's
-s form ("Talks has", "families, who lives"), or a verb's base form right after a singular
subject ("she also use", "the professor need them", "this policy help to"). The last cue
asks for an object or an infinitive after the base form, because a base form after a noun
is usually a noun itself ("the information show", "the peace plan").
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditor import inflect
from auditor.document import Document
from auditor.functions import agreement_words as w

_AUX_WORDS = r"is|are|was|were|has|have|does|do"
AUX = frozenset(_AUX_WORDS.split("|"))
_ADVERB = r"(?:also|still|just|only|never|often|always|really|now|usually|sometimes|already|even)"
_OBJECT_START = "(?:" + "|".join(sorted(w.OBJECT_START)) + ")"
_DETERMINER = "(?:" + "|".join(sorted(w.DETERMINERS)) + ")"

# a be/have/do form or a word ending in -s (the lexicon decides whether it is a verb)
_VERB_CUE = re.compile(
    rf"(?<![\w'’])(?:(?:{_AUX_WORDS})(?:n['’]t)?|[a-z]+s)(?![\w'’])", re.IGNORECASE
)
# "she also use", "it matter": a base form right after he/she/it
_PRONOUN_BASE = re.compile(
    rf"(?<![\w'’])(?:he|she|it)\s+(?:{_ADVERB}\s+)?(?P<verb>[a-z]+)(?![\w'’-])", re.IGNORECASE
)
# "the man who live next door": a base form right after a relative pronoun
_RELATIVE_BASE = re.compile(
    rf"[a-z],?\s+(?:who|which|that)\s+(?:{_ADVERB}\s+)?(?P<verb>[a-z]+)(?![\w'’-])",
    re.IGNORECASE,
)
# "the country need to", "this new levy affect thousands": a determiner's noun (after one
# adjective or none: both are tried), a base form, then an object
_NOUN_BASE = tuple(
    re.compile(
        rf"(?<![\w'’]){_DETERMINER}\s+{adjective}(?P<noun>[a-z]+)\s+(?:{_ADVERB}\s+)?"
        rf"(?P<verb>[a-z]+)\s+{_OBJECT_START}(?![\w'’])",
        re.IGNORECASE,
    )
    for adjective in ("", r"[a-z-]+\s+")
)
# n't on a be/have/do form: "age don't ensure" is cued by its "do"
_NEGATED = re.compile(r"n['’]t$", re.IGNORECASE)


def third_singular(word: str) -> bool:
    """A verb's -s form ("lives", "says"), by the lexicon."""
    return any(word in inflect.forms(lemma, "VBZ") for lemma in inflect.reading(word).verb_lemmas)


def base_form(word: str) -> bool:
    """A verb's base form that cannot be a past ("need", "affect"; not "cut", not "be")."""
    if word in AUX or word == "be":
        return False  # be/have/do are the other cue
    lemmas = inflect.reading(word).verb_lemmas
    return word in lemmas and not past_too(word)


def past_too(word: str) -> bool:
    """A base form that is also a past tense or participle ("quit", "fit", "forecast")."""
    return inflect.is_participle(word) or any(
        word in inflect.forms(lemma, "VBD") for lemma in inflect.reading(word).verb_lemmas
    )


def _singular_noun(word: str) -> bool:
    return not word.endswith("s") and bool(inflect.all_lemmas(word, "NOUN").get("NOUN"))


_PRONOUN = frozenset({"i", "you", "he", "she", "it", "we", "they"})
_NOT_FINITE = frozenset(
    {"to", "will", "would", "can", "could", "shall", "should", "may", "might", "must"}
)
_SINGULAR_VERBS = frozenset({"is", "was", "has", "does"})
_PLURAL_WORDS = frozenset(
    {
        "these",
        "those",
        "both",
        "many",
        "several",
        "few",
        "all",
        "most",
        "there",
        "and",
        "&",
        "they",
        "we",
        "you",
        "i",
        "people",
    }
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@lru_cache(maxsize=65536)
def _plural_noun(word: str) -> bool:
    """A noun's plural by the lexicon ("repairs", "children", "people")."""
    lemmas = inflect.all_lemmas(word, "NOUN").get("NOUN", ())
    return bool(lemmas) and word not in lemmas


def plausible(before: str, verb: str) -> bool:
    """Whether a be/have/do form or -s verb could disagree with its subject, from the words
    before it in its sentence: not after a pronoun (grammar.pronoun-verb's) or a modal, and a
    singular verb only with something plural before it ("the cost of the repairs were" needs
    the parse; "the minister said the plan is" cannot disagree)."""
    words = _WORD.findall(before)
    if words and words[-1].lower() in _PRONOUN | _NOT_FINITE and verb in AUX:
        return False
    if verb not in _SINGULAR_VERBS and verb in AUX:
        return True
    low = [word.lower() for word in words]
    return any(
        word in _PLURAL_WORDS or ((word.endswith("s") or word.isalpha()) and _plural_noun(word))
        for word in low
    )


def cued(doc: Document) -> set[int]:
    """The sentences worth parsing: those with a cue word that could disagree."""
    text = doc.text
    found: set[int] = set()

    def add(start: int, end: int, verb: str | None = None) -> None:
        si = doc.sentence_index(start, end)
        if si is None or si in found:
            return
        if verb is None or plausible(text[doc.sentences[si].start : start], verb):
            found.add(si)

    for m in _VERB_CUE.finditer(text):
        low = _NEGATED.sub("", m.group().lower())
        if low in AUX or third_singular(low):
            add(m.start(), m.end(), low)
    for m in _RELATIVE_BASE.finditer(text):
        if base_form(m["verb"].lower()):
            add(*m.span("verb"))
    for m in _PRONOUN_BASE.finditer(text):
        if base_form(m["verb"].lower()):
            add(*m.span("verb"))
    for pattern in _NOUN_BASE:
        for m in pattern.finditer(text):
            if base_form(m["verb"].lower()) and _singular_noun(m["noun"].lower()):
                add(*m.span("verb"))
    return found
