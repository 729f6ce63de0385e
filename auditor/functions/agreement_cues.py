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

from auditor import inflect

_AUX_WORDS = r"is|are|was|were|has|have|does|do"
AUX = frozenset(_AUX_WORDS.split("|"))
_ADVERB = r"(?:also|still|just|only|never|often|always|really|now|usually|sometimes|already|even)"
_OBJECT_START = (
    r"(?:the|a|an|this|that|these|those|them|him|her|us|me|it|to|no|some|any|his|their|its"
    r"|our|my|your|many|much|more|all|every|each|thousands|hundreds|millions|billions|dozens)"
)
_DETERMINER = r"(?:the|this|that|a|an|every|each|my|his|her|its|our|their|your)"

# a be/have/do form or a word ending in -s (the lexicon decides whether it is a verb)
_VERB_CUE = re.compile(rf"(?<![\w'’])(?:{_AUX_WORDS}|[a-z]+s)(?![\w'’])", re.IGNORECASE)
# "she also use", "it matter": a base form right after he/she/it
_PRONOUN_BASE = re.compile(
    rf"(?<![\w'’])(?:he|she|it)\s+(?:{_ADVERB}\s+)?(?P<verb>[a-z]+)(?![\w'’-])", re.IGNORECASE
)
# "the country need to", "this point affect the": a determiner's noun, a base form, an object
_NOUN_BASE = re.compile(
    rf"(?<![\w'’]){_DETERMINER}\s+(?:[a-z-]+\s+)?(?P<noun>[a-z]+)\s+(?:{_ADVERB}\s+)?"
    rf"(?P<verb>[a-z]+)\s+{_OBJECT_START}(?![\w'’])",
    re.IGNORECASE,
)


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


def cued(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the words that make a sentence worth parsing."""
    spans = [
        m.span()
        for m in _VERB_CUE.finditer(text)
        if m.group().lower() in AUX or third_singular(m.group().lower())
    ]
    spans += [m.span("verb") for m in _PRONOUN_BASE.finditer(text) if base_form(m["verb"].lower())]
    spans += [
        m.span("verb")
        for m in _NOUN_BASE.finditer(text)
        if base_form(m["verb"].lower()) and _singular_noun(m["noun"].lower())
    ]
    return spans
