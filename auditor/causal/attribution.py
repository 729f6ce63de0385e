"""Attribution read from the parse: who the sentence says holds a causal claim.

The claim's marker token is followed up its chain of heads. The first reporting verb met
("said", "concluded", "believe", "told") governs the claim, wherever it stands: before it
("Police said the crash was caused by ice") or after it ("..., the inquiry concluded").
Its subject decides: a name, a pronoun or a specific body ("the inquiry", "the minister",
"police") is a named source; an unnamed group ("some diplomats", "critics", "sources
familiar with the matter") is vague; a study or figures are evidence. "According to X"
is read the same way. The parse is asked for only for sentences holding a causal marker.
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.analysis import SentenceAnalysis, Token
from auditor.causal.lexicon import Marker
from auditor.inflect import forms

REPORTING = frozenset({
    "say", "tell", "report", "announce", "state", "confirm", "find", "show", "conclude",
    "estimate", "write", "add", "note", "explain", "argue", "claim", "insist", "warn",
    "tweet", "post", "reveal", "suggest", "believe", "blame", "allege", "acknowledge",
    "admit", "testify", "rule", "declare", "maintain", "contend", "speculate", "think",
    "fear", "assert", "observe", "indicate", "attribute", "counter", "accuse", "predict",
    "reckon", "stress", "complain", "agree", "concede"
})  # fmt: skip
# "X was concerned that ...": a stance held by the copula's subject
_STANCE_ADJ = frozenset({"concerned", "worried", "convinced", "confident", "adamant"})
# markers that are reporting verbs themselves: their own subject holds the claim
_SELF_REPORTING = frozenset({"blame", "attribute"})

_VAGUE_QUANT = frozenset({
    "some", "many", "several", "certain", "other", "unnamed", "anonymous", "few",
    "numerous", "various", "most", "unidentified"
})  # fmt: skip
_VAGUE_HEAD = frozenset({
    "analyst", "expert", "observer", "commentator", "critic", "source", "insider",
    "blogger", "pundit", "rumour", "rumor", "speculation", "people", "official",
    "diplomat", "economist", "resident", "local", "activist", "witness", "voice",
    "watcher", "correspondent", "trader", "investor", "campaigner", "opponent",
    "supporter", "commentary"
})  # fmt: skip
_EVIDENCE_HEAD = frozenset({
    "study", "report", "survey", "analysis", "review", "investigation", "audit", "paper",
    "trial", "census", "data", "figure", "statistic", "autopsy", "post-mortem",
    "experiment", "poll", "research", "evidence", "test", "finding", "record"
})  # fmt: skip
_QUANT_NOUNS = frozenset({"number", "handful", "majority", "minority", "lot", "couple", "group"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _subtree(tokens: tuple[Token, ...], root: int) -> list[Token]:
    """The tokens whose chain of heads reaches root (root included), in order."""
    out = []
    for t in tokens:
        i, steps = t.i, 0
        while i != root and tokens[i].head != i and steps < 40:
            i, steps = tokens[i].head, steps + 1
        if i == root:
            out.append(t)
    return out


def _has_name(tokens: tuple[Token, ...], head: int) -> bool:
    return any(t.pos == "PROPN" for t in _subtree(tokens, head))


def classify(tokens: tuple[Token, ...], head: int) -> tuple[str, str]:
    """(kind, source text) of the noun phrase headed by token `head`."""
    words = _subtree(tokens, head)
    text = " ".join(t.text for t in words)
    h = tokens[head]
    first = words[0].lower if words else h.lower
    if h.lower in _PRONOUNS:
        return "named", text
    if h.lemma.lower() in _QUANT_NOUNS:  # "a number of envoys": the envoys decide
        of = next((t.i for t in tokens if t.head == head and t.lower == "of"), None)
        obj = next((t.i for t in tokens if of is not None and t.head == of), None)
        if obj is not None:
            kind, _ = classify(tokens, obj)
            return ("vague" if kind == "named" and not _has_name(tokens, obj) else kind), text
    if first in _VAGUE_QUANT or (words and words[0].dep == "amod" and first == "independent"):
        return "vague", text
    has_name = any(t.pos == "PROPN" for t in words)
    determined = any(t.dep in ("det", "poss") and t.i < head for t in words)
    if h.lemma.lower() in _VAGUE_HEAD and h.tag in ("NNS", "NNPS") and not determined:
        # "analysts", "sources familiar with the matter"; "US officials" names a side
        named_side = any(t.pos == "PROPN" and t.i < head for t in words)
        return ("named" if named_side else "vague"), text
    if h.lemma.lower() in _EVIDENCE_HEAD:
        return "evidence", text
    if has_name or determined or h.pos in ("PROPN", "NOUN"):
        return "named", text
    return "vague", text


def _subject(tokens: tuple[Token, ...], verb: int) -> int | None:
    """The verb's active subject, or the agent of a passive ("was reported by X"); a
    passive with no agent ("is believed to", "was reported") names nobody."""
    for t in tokens:
        if t.head == verb and t.i != verb and t.dep == "nsubj":
            return t.i
    for t in tokens:
        if t.head == verb and t.dep == "agent":
            return next((o.i for o in tokens if o.head == t.i and o.dep == "pobj"), None)
    return None


def _according(tokens: tuple[Token, ...]) -> tuple[str, str] | None:
    for t in tokens:
        if t.lower == "according" and t.i + 1 < len(tokens) and tokens[t.i + 1].lower == "to":
            for o in tokens:
                if o.head == t.i + 1 and o.dep == "pobj":
                    return classify(tokens, o.i)
    return None


def parse_source(sa: SentenceAnalysis, claim_start: int) -> tuple[str, str] | None:
    """(kind, source) of the reporting verb governing the claim at view offset claim_start:
    kind is named | vague | evidence; None when the parse shows no attribution."""
    tokens = sa.tokens
    at = next((t.i for t in tokens if t.end > claim_start), None)
    if at is None:
        return None
    i, steps = at, 0
    chain: list[int] = []
    while steps < 40:
        t = tokens[i]
        lemma = t.lemma.lower()
        reporting = lemma in REPORTING and t.pos == "VERB" and (i != at or lemma in _SELF_REPORTING)
        verb = i
        if t.pos == "ADJ" and lemma in _STANCE_ADJ and t.dep == "acomp":
            reporting, verb = True, t.head  # "it was concerned that": the copula's subject
        if reporting and not t.quoted:
            subj = _inherited_subject(tokens, verb)
            if subj is not None and not (tokens[subj].start <= claim_start < tokens[subj].end):
                return classify(tokens, subj)
        chain.append(i)
        if t.head == i:
            break
        i, steps = t.head, steps + 1
    return _trailing(tokens, chain) or _according(tokens)


_UP = ("advcl", "conj", "xcomp", "acl", "dobj")  # "attacked the law, saying": acl, dobj


def _inherited_subject(tokens: tuple[Token, ...], verb: int) -> int | None:
    """The verb's subject, or for a participle or second verb with none ("attacked the
    law, saying ...", "called it brutal and blamed ...") the subject of the verb above."""
    subj = _subject(tokens, verb)
    up, steps = verb, 0
    while subj is None and steps < 3 and tokens[up].dep in _UP:
        up, steps = tokens[up].head, steps + 1
        if tokens[up].pos in ("VERB", "AUX"):
            subj = _subject(tokens, up)
    return subj


def _trailing(tokens: tuple[Token, ...], chain: list[int]) -> tuple[str, str] | None:
    """A reporting verb hung on the claim's clause: "X led to Y, they counter"."""
    for t in tokens:
        if t.head in chain and t.dep == "parataxis" and t.lemma.lower() in REPORTING:
            subj = _subject(tokens, t.i)
            if subj is not None and not t.quoted:
                return classify(tokens, subj)
    return None


def general_claim(sa: SentenceAnalysis, claim_start: int) -> bool:
    """A causal verb in the simple present of a full sentence states a general claim that
    needs evidence: "smoking increases the risk of stroke" (a headline, with no closing
    stop, reports the news: "Strong demand triggers oil rally")."""
    text = sa.document.text
    if text[sa.start : sa.end].rstrip()[-1:] not in (".", "!", '"', "”"):
        return False
    tokens = sa.tokens
    tok = next((t for t in tokens if t.end > claim_start), None)
    if tok is None or tok.tag not in ("VBZ", "VBP") or tok.pos != "VERB":
        return False
    i = tok.i  # "programs which monitor use, causes pop-ups" describes; it does not claim
    for _ in range(3):
        if tokens[i].dep in ("relcl", "acl"):
            return False
        i = tokens[i].head
    return True


@lru_cache(maxsize=1)
def _attribution_words() -> re.Pattern[str]:
    """Every form of a reporting verb, "according" and the stance adjectives."""
    words = {"according", *_STANCE_ADJ}
    for lemma in REPORTING:
        words.add(lemma)
        for tag in ("VBD", "VBN", "VBG", "VBZ", "VBP"):
            words.update(forms(lemma, tag))
    return re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b", re.I)


def needs_parse(text: str, lo: int, hi: int, marker: Marker, start: int, end: int) -> bool:
    """Whether the parse can change the judgement of a claim: the sentence has a reporting
    word for it to attribute, or the claim is a bare present-tense verb (a general claim)."""
    if _attribution_words().search(text, lo, hi):
        return True
    if not marker.verb:
        return False
    word = text[start:end].split()[0].lower()
    verb = marker.lemma.split()[0]
    return word in forms(verb, "VBZ") or word == verb
