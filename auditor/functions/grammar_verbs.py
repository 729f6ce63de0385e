"""Verb-form house rules: have + participle, modal/do + base form, to + base form.

Forms come from the lemminflect lexicon (`auditor/inflect.py`); a regex finds the few
candidates (an auxiliary and the next word) and the lexicon decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from auditor import inflect
from auditor.document import Document
from auditor.findings import Hit
from auditor.functions import rule_function
from auditor.packs import Rule

# -- auxiliary "have" with the wrong verb form ---------------------------------------------

_ADVERBS = (r"not|never|already|just|also|long|since|recently|yet|still|all|both|now|only|"
            r"even|ever|finally|previously|always|largely|mostly|reportedly|allegedly")  # fmt: skip
_HAVE = re.compile(
    r"\b(?P<aux>[Hh]ave|[Hh]as|[Hh]ad|[Hh]aving|(?<=[A-Za-z])['’]ve)"
    rf"(?P<adv>(?:\s+(?:{_ADVERBS})){{0,2}})\s+(?P<verb>[a-z]+)\b(?!['’-])"
    r"(?P<next>\s*[^\s]*)"
)
# after a form that is also a noun or an adjective ("have plans", "has rose bushes"), the
# verb reading is taken only when the next word is one a verb, not a noun, is followed by
_VERB_CONTEXT = frozenset({"back", "into", "onto", "out", "off", "away", "up", "down", "the",
    "a", "an", "his", "her", "their", "our", "its", "my", "your", "them", "him", "us", "me",
    "it", "sharply", "steadily", "again"})  # fmt: skip
_PAST_CONTEXT = _VERB_CONTEXT | {"to", "by", "from", "above", "below"}
# words after "have" that are never verbs here, whatever the lexicon says
_NOT_VERBS = frozenset({"to", "better", "best", "rather", "been", "got", "has", "have", "had",
                        "is", "was", "are", "were", "do", "does"})  # fmt: skip
# adjectives the lexicon lists only as verbs ("has complete faith")
_ADJ_TOO = frozenset({"complete"})


_LETTERS = re.compile(r"[A-Za-z]+")


def _next_word(raw: str) -> str:
    """The next word in lower case, or "." when punctuation or nothing follows."""
    m = _LETTERS.match(raw.strip())
    return m.group().lower() if m else "."


@rule_function("grammar.have_participle")
def have_participle(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """have/has/had/having + a verb form that is not a past participle.

    "have remain" (base form), "to have travels back" (3rd person -s), "has rose", "had
    went" (past tense). Noun and adjective readings stay quiet: a base form that can be a
    noun or adjective ("have help", "have clear evidence") is never flagged, and an -s or
    past form that can be a noun ("have plans", "had talks", "has rose bushes") only when
    the next word shows a verb ("travels back", "rose sharply", "rose to").
    """
    for m in _HAVE.finditer(doc.text):
        verb = m.group("verb")
        if verb in _NOT_VERBS or verb in _ADJ_TOO:
            continue
        found = inflect.wrong_form(verb)
        if found is None:
            continue
        how, lemma = found
        r = inflect.reading(verb)
        nxt = _next_word(m.group("next"))
        if how == "base" and (r.noun or r.adj or r.other):
            continue
        context = _PAST_CONTEXT if how == "past" else _VERB_CONTEXT
        # an -s form always needs a verb context: the lexicon misses plurals ("adverts")
        ambiguous = how == "3sg" or r.noun or r.adj or r.other
        if how in ("3sg", "past") and ambiguous and nxt not in context:
            continue
        head = doc.text[m.start() : m.start("verb")]
        suggestions = tuple(head + p for p in inflect.participles(lemma))
        yield Hit(m.start(), m.end("verb"), suggestions=suggestions)


# -- a modal or "do" with a past form ----------------------------------------------------

_MODAL = re.compile(
    r"\b(?P<aux>will|would|could|can|should|shall|must|might|may|"
    r"did|does|do|won['’]t|wouldn['’]t|couldn['’]t|can['’]t|cannot|shouldn['’]t|didn['’]t|"
    r"doesn['’]t|don['’]t)"
    rf"(?P<adv>(?:\s+(?:{_ADVERBS})){{0,2}})\s+(?P<verb>[a-z]+)\b(?!['’-])"
)
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "my", "our", "your",
    "this", "that", "whose", "military", "last", "free"})  # fmt: skip


# "could could" is a repeated word; "the only thing he did was": "did" ends a clause
_MODAL_SKIP = frozenset({"was", "were", "is", "are", "been", "could", "would", "should",
    "might", "must", "did", "does"})  # fmt: skip


@rule_function("grammar.modal_base")
def modal_base(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """A modal or do/does/did with a past form: "did not went", "could took", "didn't knew".

    Only forms that cannot be anything else: a past tense or participle that is not also a
    base form ("found", "lay", "read" stay quiet) and has no noun or adjective reading
    ("saw", "left", "felt" stay quiet); never after a determiner ("the will said", "the
    military might saw": nouns, not modals).
    """
    for m in _MODAL.finditer(doc.text):
        verb = m.group("verb")
        if verb in _MODAL_SKIP:
            continue
        r = inflect.reading(verb)
        if not r.verb_lemmas or r.noun or r.adj or r.other or verb in r.verb_lemmas:
            continue
        lemma = _lemma_of_past(verb, r.verb_lemmas)
        if lemma is None or _previous_word(doc.text, m.start("aux")) in _DETERMINERS:
            continue
        head = doc.text[m.start("aux") : m.start("verb")]
        yield Hit(m.start("aux"), m.end("verb"), suggestions=(head + lemma,))


def _lemma_of_past(verb: str, lemmas: Iterable[str]) -> str | None:
    """The lemma of which `verb` is a past tense or participle ("went" -> "go"), or None."""
    return next(
        (
            lem
            for lem in lemmas
            if verb in inflect.forms(lem, "VBD") or verb in inflect.participles(lem)
        ),
        None,
    )


_LAST_WORD = re.compile(r"([\w'’]+)\W*$")


def _previous_word(text: str, pos: int) -> str:
    """The word before pos, lower case ("" at the start of the text)."""
    m = _LAST_WORD.search(text, max(0, pos - 40), pos)
    return m.group(1).lower() if m else ""


# -- "to" + a past form, after a word that takes an infinitive ---------------------------

_TO_PAST = re.compile(
    r"\b(?:expected|able|unable|going|want|wants|wanted|need|needs|needed|plan|plans|planned|"
    r"trying|tried|try|hope|hopes|hoped|decided|agreed|refused|failed|managed|likely|unlikely|"
    r"about|order|seeks|sought|vowed|pledged|promised|threatened|intends|intended|aims|aimed|"
    r"has|have|had|used)\s+to(?P<adv>(?:\s+(?:not|also|further|fully|quickly|finally))?)"
    r"\s+(?P<verb>[a-z]+)\b(?!['’-])"
)


@rule_function("grammar.to_base")
def to_base(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """ "expected to continued", "plans to attended": an infinitive needs the base form.

    Only after words that take an infinitive ("expected to", "has to", "plans to"), so
    that "to" as a preposition ("contributed to improved confidence") stays quiet, and only
    for forms that are never a base form ("read", "cut", "found" stay quiet)."""
    for m in _TO_PAST.finditer(doc.text):
        verb = m.group("verb")
        r = inflect.reading(verb)
        if not r.verb_lemmas or verb in r.verb_lemmas or r.noun:
            continue
        lemma = _lemma_of_past(verb, r.verb_lemmas)
        if lemma is None:
            continue
        to = m.start("verb") - len(m.group("adv")) - 1
        to = doc.text.rfind("to", 0, to + 1)
        head = doc.text[to : m.start("verb")]
        yield Hit(to, m.end("verb"), suggestions=(head + lemma,))
