"""Subject-verb agreement by the subject's head noun, read on the dependency parse.

"The cost of the repairs were", "One of the new trains were", "families, who lives",
"There is still many questions", "Talks has resumed": the parser names the finite verb's
subject (through of-phrases, relative pronouns, expletive "there"); its head noun's number
(Penn tag, confirmed by the lemminflect lexicon) must match the verb's. A `sequence` pattern
cannot say this: the subject may sit anywhere in the sentence, and the check compares two
tokens' numbers and walks from a relative pronoun to its antecedent.

Quiet whenever English allows both numbers or the parse may be wrong: collective nouns
("the council have agreed"), names (any proper noun but a sentence-initial plural common
noun), quantities ("a number of", "half of", "50% of", "£5m was"), coordinated subjects,
pronouns (grammar.pronoun-verb has them), "one of those who are", subjects in quotation
marks, and verbs the tagger does not read as finite present (or was/were).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor import inflect
from auditor.analysis import SentenceAnalysis, analysis_for
from auditor.document import Document
from auditor.findings import Hit, render_message
from auditor.functions import agreement_cues, rule_function
from auditor.functions import agreement_words as w
from auditor.functions.agreement_number import noun_number
from auditor.packs import Rule

_SWAP = {"is": "are", "are": "is", "was": "were", "were": "was", "has": "have",
         "have": "has", "does": "do", "do": "does"}  # fmt: skip
_SINGULAR_FORMS = frozenset({"is", "was", "has", "does"})


@rule_function("grammar.subject_agreement", options={}, parses=True)
def subject_agreement(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """A finite verb whose subject's head noun has the other number."""
    wanted = sorted(agreement_cues.cued(doc))
    if not wanted:
        return
    for sa in analysis_for(doc).sentences(wanted):
        for verb in sa.spacy_doc:
            right = _disagreement(sa, verb)
            if right is not None:
                s, e = sa.token_span(verb.i, verb.i)
                msg = render_message(rule.message, match=doc.text[s:e], suggestion=right)
                yield Hit(s, e, msg, (right,))


def reports_verb(doc: Document, start: int, end: int) -> bool:
    """Whether grammar.agreement reports the verb at these view offsets (for
    grammar.plural-singular-verb, which leaves the span to it: one finding per verb)."""
    si = doc.sentence_index(start, end)
    if si is None:
        return False
    sa = analysis_for(doc).sentence(si)
    return any(
        sa.token_span(t.i, t.i) == (start, end) and _disagreement(sa, t) is not None
        for t in sa.spacy_doc
    )


def _verb_number(verb: Any) -> str | None:
    """'sing' or 'plur' for a finite present verb (or was/were), None for anything else."""
    low = verb.lower_
    if low in ("was", "were"):
        return "sing" if low == "was" else "plur"
    if verb.tag_ == "VBZ" and verb.morph.get("VerbForm") == ["Fin"]:
        return "sing"
    if verb.tag_ == "VBP" and verb.morph.get("VerbForm") == ["Fin"]:
        if any(c.dep_ in ("aux", "auxpass") and c.i < verb.i for c in verb.children):
            return None  # "did they go": not a present-tense form of its own
        return "plur"
    if verb.tag_ == "VB" and verb.dep_ in ("ROOT", "conj", "ccomp", "advcl", "relcl"):
        kids = [c.dep_ for c in verb.children]
        if "nsubj" in kids and not {"aux", "auxpass", "mark"} & set(kids):
            return "plur"  # "If the teacher teach them": a base form with its own subject
    return None


def _suggestion(verb: Any, number: str) -> str | None:
    """The verb in the subject's number ("were" for "was", "say" for "says")."""
    low = verb.lower_
    if low in _SWAP:
        right = _SWAP[low]
    elif number == "plur":
        right = verb.lemma_.lower()
        if right not in inflect.reading(low).verb_lemmas:
            return None
    else:
        forms = inflect.forms(verb.lemma_.lower(), "VBZ")
        if not forms:
            return None
        right = forms[0]
    return right.capitalize() if verb.text[:1].isupper() else right


def _disagreement(sa: SentenceAnalysis, verb: Any) -> str | None:
    """The right form of `verb` when its subject's head disagrees with it, else None."""
    sdoc = sa.spacy_doc
    vnum = _verb_number(verb)
    if vnum is None or "'" in verb.text or "’" in verb.text:
        return None
    if verb.i > 0 and verb.text[:1].isupper():
        return None  # "in Boys Don't Cry": a capital inside a sentence makes a title
    subject = _subject(verb)
    if subject is None:
        gerund = _gerund_subject(verb) if vnum == "plur" else None
        if gerund is None or _between_quotes(sdoc, gerund, verb):
            return None
        return _suggestion(verb, "sing")
    if subject.tag_ == "PRP" and verb.lower_ not in _SWAP:
        return _pronoun(sdoc, subject, verb, vnum)
    if vnum == "sing" and verb.lower_ in _SWAP and _coordinated(subject, verb):
        return None if _between_quotes(sdoc, subject, verb) else _suggestion(verb, "plur")
    head = _head(subject)
    if head is None or _between_quotes(sdoc, head, verb) or _unsure(sdoc, head, verb, vnum):
        return None
    snum = noun_number(sa, head, vnum)
    if snum is None or snum == vnum:
        return None
    return _suggestion(verb, snum)


def _unsure(sdoc: Any, head: Any, verb: Any, vnum: str) -> bool:
    """Shapes where the parser often errs: lists, gerunds, noun compounds, bare infinitives."""
    left = subject_start(head)
    if vnum == "plur" and any(t.lower_ in w.AND for t in sdoc[max(0, left - 4) : verb.i]):
        return True  # "Smith and Jones were", "White and relay star Harrison have"
    if any(
        t.lower_.endswith("ing") and t.dep_ != "amod" and sdoc[t.i - 1].text != "-"
        for t in sdoc[max(0, left - 1) : head.i]
    ):
        return True  # "marketing films to members has become": the gerund is the subject
    if any(t.lower_ in w.WH for t in sdoc[: head.i]):
        return True  # "What has surprised observers is that": a clause is the subject
    nxt = sdoc[head.i + 1] if head.i + 1 < len(sdoc) else None
    if nxt is not None and nxt.i != verb.i and (nxt.pos_ in ("NOUN", "PROPN") or nxt.tag_ == "VBG"):
        return True  # "Hospital waiting times": the head may be a modifier
    if verb.lower_ == "were" and (
        verb.i == 0
        or any(t.lower_ in w.IRREALIS for t in sdoc[: verb.i])
        or (verb.i + 1 < len(sdoc) and sdoc[verb.i + 1].lower_ == "to")
    ):
        return True  # "if the proposal were adopted", "were it to erupt": a subjunctive
    return verb.lower_ not in _SWAP and _unsure_lexical(sdoc, head, verb, vnum)


def _pronoun(sdoc: Any, subject: Any, verb: Any, vnum: str) -> str | None:
    """A lexical verb after a personal pronoun: "he enjoy it", "they needs money" (the
    be/have/do forms are grammar.pronoun-verb's)."""
    pnum = w.PRONOUN_NUMBER.get(subject.lower_)
    if pnum is None or pnum == vnum or subject.i > verb.i or _between_quotes(sdoc, subject, verb):
        return None
    if any(t.pos_ != "ADV" for t in sdoc[subject.i + 1 : verb.i]):
        return None  # "they 2005 looks": a typo, or a misparse
    if _unsure_lexical(sdoc, subject, verb, vnum):
        return None
    return _suggestion(verb, pnum)


def _unsure_lexical(sdoc: Any, head: Any, verb: Any, vnum: str) -> bool:
    """A lexical verb that may be a noun, or a bare infinitive after see/let/make."""
    after = sdoc[verb.i + 1] if verb.i + 1 < len(sdoc) else None
    if after is None or after.lower_ in w.AND | {",", "'", "’"}:
        return True  # "the sights, sounds and", "users wants and needs": a noun
    if vnum == "plur" and agreement_cues.past_too(verb.lower_):
        return True  # "he quit", "it fit the bill": a past tense
    if head.lower_ == "it" and head.i > 0 and sdoc[head.i - 1].pos_ in ("VERB", "AUX", "ADP"):
        return True  # "get it bang on": the object of the verb before
    if verb.lower_ in ("need", "dare") and after.lower_ in ("not", "n't"):
        return True  # "he need not worry": the modal
    nounlike = inflect.reading(verb.lower_).noun and not _verb_shaped(sdoc, head, verb)
    adjacent = verb.i == head.i + 1 and nounlike and head.pos_ != "PRON"
    if adjacent and (vnum == "plur" or head.tag_ != "NNS" or head.text[:1].isupper()):
        return True  # "generation consoles", "information show", "Swap offer": a compound
    if any(t.lemma_ in w.MANDATIVE for t in sdoc[: verb.i]):
        return True  # "demanded that he resign": a subjunctive
    if vnum == "plur" and sdoc[verb.i - 1].pos_ in ("NOUN", "PROPN") and nounlike:
        return True  # "radio information show": a base form after a noun is a noun
    return vnum == "plur" and any(t.lemma_ in w.BARE_INF for t in sdoc[: subject_start(head)])


def _verb_shaped(sdoc: Any, head: Any, verb: Any) -> bool:
    """ "the country need to pay", "this point affect the": a determiner's noun, the word,
    then an object or an infinitive: a verb there, not the end of a compound noun."""
    if verb.i + 2 > len(sdoc) or not any(
        c.dep_ in ("det", "poss") and c.lower_ in w.DETERMINERS for c in head.children
    ):
        return False
    after = sdoc[verb.i + 1]
    if after.lower_ == "to":
        return bool(verb.i + 2 < len(sdoc) and sdoc[verb.i + 2].tag_ == "VB")
    return bool(after.lower_ in w.OBJECT_START)


def subject_start(head: Any) -> int:
    return int(min(head.left_edge.i, head.i))


def _subject(verb: Any) -> Any | None:
    """The verb's subject token (the antecedent for who/which/that), None if unsure."""
    clause = verb.head if verb.dep_ in ("aux", "auxpass") else verb
    if verb.dep_ in ("aux", "auxpass") and any(
        c.dep_ in ("aux", "auxpass") and c.i < verb.i for c in clause.children
    ):
        return None  # not the first auxiliary: "will have", "has been"
    children = list(clause.children)
    expl = [c for c in children if c.dep_ == "expl"]
    if expl:
        if verb.lemma_ != "be" or expl[0].lower_ != "there":
            return None
        attrs = [c for c in children if c.dep_ == "attr" and c.i > verb.i]
        if not attrs or attrs[0].left_edge.i - verb.i > 3:
            return None
        between = verb.doc[verb.i + 1 : attrs[0].i]
        return None if any(t.is_punct for t in between) else attrs[0]
    subj = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subj) != 1 or any(c.dep_ in ("csubj", "csubjpass") for c in children):
        return None
    s = subj[0]
    if s.i > verb.i and verb.lemma_ not in ("be", "have"):
        return None  # inversion only with be/have: a lexical verb before its subject is a misparse
    if s.lower_ in ("who", "which", "that") and s.tag_ in ("WP", "WDT"):
        ante = clause.head
        if s.lower_ == "which" and verb.doc[s.i - 1].text == "," and _verb_number(verb) == "sing":
            return None  # ", which means": the pronoun may stand for the whole clause
        there = ante.dep_ == "attr" and any(c.dep_ == "expl" for c in ante.head.children)
        if clause.dep_ != "relcl" or ante.i > s.i or not (there or _one_antecedent(ante)):
            return None  # "a carriage with horses that is": which noun is meant is unsure
        if any(t.text != "," for t in verb.doc[ante.i + 1 : s.i]):
            return None  # the pronoun must follow its noun: "families, who"
        return ante
    if clause.dep_ == "relcl":
        return None  # a relative clause with no pronoun: "the launches ... generation consoles"
    return s


def _gerund_subject(verb: Any) -> Any | None:
    """ "Understanding the facts help", "Ranking the ideas have": one gerund with its own
    object, opening the subject, is singular ("Rising prices are" has no object)."""
    clause = verb.head if verb.dep_ in ("aux", "auxpass") else verb
    subj = [c for c in clause.children if c.dep_ in ("csubj", "nsubj", "nsubjpass")]
    if len(subj) != 1 or (
        clause is not verb
        and verb.i != min(c.i for c in clause.children if c.dep_ in ("aux", "auxpass"))
    ):
        return None
    g = subj[0]
    if clause.lemma_ == "be" and not any(c.dep_ == "acomp" for c in clause.children):
        return None  # "Rounding out the top ten were In Good Company": inverted
    kids = [c.dep_ for c in g.children]
    if g.tag_ != "VBG" or g.i > verb.i or g.left_edge.i != g.i or "dobj" not in kids:
        return None
    obj = next(c for c in g.children if c.dep_ == "dobj")
    if not any(c.dep_ in ("det", "poss") for c in obj.children) and obj.tag_ != "PRP":
        return None  # "Choking traffic jams are", "asking prices have": an adjective
    before = verb.doc[g.i - 1] if g.i else None
    if before is not None and before.lower_ != "that" and before.pos_ not in ("CCONJ", "PUNCT"):
        return None  # "while stressing the efforts are": not the subject
    if any(t.lower_ in w.AND or t.text == "," for t in verb.doc[g.i : verb.i]):
        return None  # "Booking tickets, text voting and alerts are": a list
    if {"conj", "cc", "nsubj", "poss", "det"} & set(kids) or (g.text[:1].isupper() and g.i):
        return None  # "Eating and drinking are", "his saying it"
    return g


def _one_antecedent(ante: Any) -> bool:
    """Whether the noun before a relative pronoun is the only number it can stand for: not
    "a carriage with horses that is", but "the cost of the repair that were" (both nouns
    have one number; a preposition on a verb is no help: "things ... before the game which
    disappoint you")."""
    if ante.dep_ in w.ANTECEDENT_DEPS:
        return True
    if ante.dep_ != "pobj" or ante.head.dep_ != "prep":
        return False
    holder = ante.head.head
    return (
        holder.tag_ == ante.tag_
        and holder.tag_ in ("NN", "NNS")
        and holder.dep_ in w.ANTECEDENT_DEPS
    )


def _coordinated(subject: Any, verb: Any) -> bool:
    """Two common nouns joined by "and", each plural or with a determiner: "their thoughts
    and ideas", "the method and the time" (not "research and development", a name, "each")."""
    conj = [c for c in subject.children if c.dep_ == "conj"]
    if len(conj) != 1 or not any(c.dep_ == "cc" and c.lower_ == "and" for c in subject.children):
        return False
    nouns = (subject, conj[0])
    between = subject.doc[subject.right_edge.i + 1 : verb.i]
    if subject.right_edge.i >= verb.i or any(t.pos_ != "ADV" for t in between):
        return False  # "the 800m and 1500m champion's time was": the list is not the subject
    return all(
        n.tag_ in ("NN", "NNS")
        and n.text.isalpha()
        and not any(c.dep_ == "nummod" for c in n.children)
        and not n.text[:1].isupper()
        and n.lower_ not in w.QUANTITY
        and (
            n.tag_ == "NNS"
            or any(
                c.dep_ in ("det", "poss") and c.lower_ not in w.OF_SINGULAR | {"no"}
                for c in n.children
            )
        )
        for n in nouns
    ) and not any(c.lower_ in ("each", "every", "no") for n in nouns for c in n.children)


def _head(subject: Any) -> Any | None:
    """The noun whose number the verb takes: "one of the trains" -> one (singular)."""
    if any(c.dep_ in ("conj", "cc") for c in subject.children):
        return None  # "Smith and Jones", "the cost and the time"
    if subject.lower_ in w.OF_SINGULAR and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in subject.children
    ):
        return subject
    if (subject.lower_ in ("those", "these") and subject.dep_ != "det") or _the_number(subject):
        return subject
    part = _part_of_plural(subject)
    if part is not None:
        return part
    if subject.lower_ in w.QUANTITY or subject.tag_ in ("CD", "$", "PRP", "NNP", "NNPS"):
        return subject if subject.tag_ in ("NNP", "NNPS") else None
    if subject.head.lower_ == "of" and subject.head.head.lower_ in ("one", "none", "those"):
        return None  # "one of those who are" reached through a relative pronoun
    if subject.tag_ not in ("NN", "NNS"):
        return None
    return subject


def _the_number(subject: Any) -> bool:
    """ "The number of patients has risen" is singular ("a number of patients have" is not)."""
    return bool(
        subject.lower_ == "number"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)
    )


def _part_of_plural(subject: Any) -> Any | None:
    """ "most of these systems", "a lot of critics": the plural after "of" gives the number."""
    if subject.lower_ not in w.PART_OF:
        return None
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs and objs[0].tag_ == "NNS" and objs[0].lower_ not in w.MEASURE:
                return objs[0] if not objs[0].text[:1].isupper() else None
    return None


def _between_quotes(sdoc: Any, head: Any, verb: Any) -> bool:
    """A quotation mark between subject and verb, or right before the subject: a title."""
    lo, hi = min(head.i, verb.i), max(head.i, verb.i)
    left = head.left_edge.i
    return any(t.text in w.QUOTES for t in sdoc[min(lo, left) : hi]) or (
        left > 0 and sdoc[left - 1].text in w.QUOTES
    )
