"""The number of a subject's head noun, for grammar.agreement: 'sing', 'plur', or None when
English allows either or the tagger may be wrong (names, collective nouns, amounts)."""

from __future__ import annotations

import re
from typing import Any

from auditor import inflect
from auditor.analysis import SentenceAnalysis, analysis_for
from auditor.document import Document
from auditor.functions import agreement_words as w


def noun_number(sa: SentenceAnalysis, head: Any, vnum: str) -> str | None:
    """'sing' or 'plur' when the head's number is certain, None when it may be either."""
    low = head.lower_
    if low in w.OF_SINGULAR or (low == "number" and head.tag_ == "NN"):
        return "sing"  # "number" reaches here only as "the number of" (grammar_subject)
    if low in ("those", "these", "people"):
        return "plur"
    if low in w.INDEFINITE:
        return "sing"
    if low in w.EITHER or low.endswith(("ics", "ss", "us", "is")):
        return None
    counted = any(c.dep_ in ("nummod", "quantmod") or c.tag_ in ("CD", "$") for c in head.children)
    if any(c.dep_ == "det" and c.lower_ in ("every", "each") for c in head.children):
        return "sing"
    if head.tag_ == "NNP" and vnum == "plur" and not low.endswith("s"):
        return "sing" if _individual(sa, head) else None
    if head.tag_ in ("NNP", "NNPS") or head.text[:1].isupper():
        return None if counted else _capitalised(sa.document, sa.spacy_doc, head)
    if counted:
        return _counted(head, vnum)  # "two years", "12.1 trillion pesos was", "£5m"
    if head.tag_ == "NNS":
        return None if low in w.MEASURE or not _plural(low) else "plur"
    if head.tag_ == "NN":
        if low in w.COLLECTIVE or inflect.is_plural_noun(low) or low.endswith("s"):
            return None
        if not inflect.all_lemmas(low, "NOUN").get("NOUN"):
            return None  # a word the lexicon does not know as a noun
        return "sing"
    return None


def _counted(head: Any, vnum: str) -> str | None:
    """ "12,575 cafes was shut", "9,000 under-18s has arrived": a counted plural is plural
    before an auxiliary, unless it is an amount ("two years has passed", "£5m was spent")."""
    verb = head.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lemma_ in ("be", "have")]
    numbers = [c for c in head.children if c.dep_ == "nummod" and c.tag_ == "CD"]
    if vnum != "sing" or head.tag_ != "NNS" or not aux or len(numbers) != 1:
        return None
    if head.lower_ in w.MEASURE or not _plural(head.lower_) or numbers[0].lower_ in ("one", "1"):
        return None
    return "plur"


def _plural(low: str) -> bool:
    """A plural noun, also when the lexicon lists the plural as a lemma of its own
    ("troops", "goods"); the -s singulars are word-listed (news, series, works)."""
    lemmas = inflect.all_lemmas(low, "NOUN").get("NOUN", ())
    if low in w.IRREGULAR_PLURALS:
        return True  # "The children plays"
    return low.endswith("s") and any(m != low and low.startswith(m[:-1]) for m in lemmas)


def _individual(sa: SentenceAnalysis, head: Any) -> bool:
    """One person: "actor Clive Owen", "Tory leader Michael Howard", or a first and last
    name the entity recogniser calls a PERSON (asked only for these few sentences)."""
    sdoc = sa.spacy_doc
    if head.i > _next_verb(sdoc, head) or any(
        c.dep_ == "compound" and c.lower_ in w.COLLECTIVE for c in head.children
    ):
        return False  # "said Junya Tanase ..., were"; "Opera band Il Divo have"
    if any(c.dep_ == "compound" and c.lower_ in w.ROLES for c in head.children):
        return True
    if not any(t.lower_ in w.PERSONAL for t in sdoc):
        return False  # "Aston Villa were", "Bafana Bafana were": teams the recogniser calls people
    ents = analysis_for(sa.document).sentence(sa.index, entities=True).spacy_doc.ents
    return any(e.label_ == "PERSON" and len(e) >= 2 and e.end - 1 == head.i for e in ents)


def _next_verb(sdoc: Any, head: Any) -> int:
    """Where the name's verb is: the name must come right before it (adverbs aside)."""
    i = head.i + 1
    while i < len(sdoc) and sdoc[i].pos_ == "ADV":
        i += 1
    return i if i < len(sdoc) and sdoc[i].pos_ in ("AUX", "VERB") else -1


def _capitalised(doc: Document, sdoc: Any, head: Any) -> str | None:
    """A capitalised common noun opening the sentence ("Talks has resumed"), never a name."""
    low = head.lower_
    first = next((t for t in sdoc if t.text not in w.QUOTES), None)
    if first is None or first.i != head.i or low in w.MEASURE or low in w.COLLECTIVE:
        return None
    if any(c.dep_ == "compound" for c in head.children):
        return None
    if re.search(rf"(?<=[\w,;] ){re.escape(head.text)}\b", doc.text):
        return None  # capitalised mid-sentence elsewhere: a name ("Spears", "Arsenal")
    if _plural(low):
        return "plur"
    if head.tag_ == "NN" and inflect.all_lemmas(low, "NOUN").get("NOUN") and not low.endswith("s"):
        return "sing"
    return None
