"""What kind of causal claim a sentence makes: a contested explanation or a reported event.

An explanation says why something happened in a way a reader could dispute: a motive
("was motivated by"), an evaluation of an effect ("emboldened the regime", "prolonged the
war"), a reason or result stated as such ("the drop was the result of"), or the effect of
a decision or policy ("because of the new parking charges", "the government's policy led
to"). Unsupported, it is a warning. A reported event is narrative: "was forced to cancel",
"led to the resignation of", "the storm caused damage", "closed due to mechanical
problems". It is information at most.

A speculative hedge ("may have been motivated by", "possibly triggered", "is thought to
have caused") turns any claim into an explanation someone holds; a forecast ("could lead
to higher prices") or a counterfactual ("a deal which could have forced it to") does not.
"""

from __future__ import annotations

import re

from auditor.causal.lexicon import Marker
from auditor.causal.window import last_in_clause

# markers whose claim is an explanation whatever their cause
EXPLANATION_MARKERS = frozenset(
    {"motivate by", "embolden", "prolong", "undermine", "exacerbate", "result of",
     "the reason behind", "attribute to", "stoke"}
)  # fmt: skip
# nouns that make a cause a decision or policy: "because of the new parking charges"
_POLICY = re.compile(
    r"\b(?:polic(?:y|ies)|(?:parking|congestion|tuition|prescription|road|user) charges?|"
    r"fees|tax (?:rises?|cuts?|increases?|changes?|breaks?|credits?|hikes?|regime)|taxes|"
    r"levy|levies|tariffs?|laws?|legislation|"
    r"reforms?|sanctions?|bans?|regulations?|measures|scheme|government(?:['’]s)?|"
    r"ministers?|administration|decision|decisions|strategy|handling|mismanagement|"
    r"neglect|austerity|cuts|crackdown|interference)\b",
    re.IGNORECASE,
)
# hedges of speculation: "may have", "might have"; adverbs; "is thought to"
_SPECULATIVE = re.compile(
    r"\b(?:(?:may|might)(?:\s+not)?\s+have|possibly|perhaps|probably|allegedly|"
    r"apparently|presumably|supposedly|purportedly|conceivably|potentially|reportedly|"
    r"(?:is|are|was|were) (?:thought|believed|suspected|rumou?red) to|"
    r"seem(?:s|ed)? to|appear(?:s|ed)? to)\b",
    re.IGNORECASE,
)
# verbs whose cause follows them: "charges stemming from an investigation"
_CAUSE_AFTER = frozenset({"stem from", "result from", "arise from", "attribute to"})
_COPULA = re.compile(
    r"\b(?:is|are|was|were|be|been|being|'s|’s)\s+(?:\w+ly\s+|in part\s+|also\s+)?$",
    re.IGNORECASE,
)
_SUBORDINATOR = re.compile(
    r"\b(?:after|before|when|since|because|while|as|which|that|who|until|from)\s", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[,;:.!?()\"“”]|\s(?:to|which|that|and|but|while|as|when)\s")


def speculative(text: str, lo: int, start: int, end: int) -> str | None:
    """The speculative hedge in the claim's verb group or the clause just before it."""
    return last_in_clause(_SPECULATIVE, text, lo, start, end, reach=60)


def _cause_text(text: str, marker: Marker, lo: int, hi: int, start: int, end: int) -> str:
    """The words that name the cause: after a connective or a passive "by" ("due to X",
    "caused by X"), else the clause before the verb ("X led to")."""
    passive = text[start:end].lower().endswith(" by")
    if not marker.verb or passive or marker.lemma in _CAUSE_AFTER:
        m = _CLAUSE_END.search(text, end, min(hi, end + 70))
        return text[end : m.start() if m else min(hi, end + 70)]
    seg = text[max(lo, start - 80) : start]
    cut = max(seg.rfind(","), seg.rfind(";"), seg.rfind(":"), seg.rfind(" - "))
    seg = seg[cut + 1 :] if cut >= 0 else seg
    subordinate = list(_SUBORDINATOR.finditer(seg))  # "reform after a run on the banks"
    return seg[subordinate[-1].end() :] if subordinate else seg


def is_explanation(text: str, marker: Marker, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether the claim at [start, end) in the sentence [lo, hi) is a contested
    explanation (True) or a reported event (False)."""
    if marker.lemma == "result of":
        # "the drop was the result of X" explains; "the result of X could be" forecasts
        return _COPULA.search(text, max(lo, start - 30), start) is not None
    if marker.lemma in EXPLANATION_MARKERS:
        return True
    return _POLICY.search(_cause_text(text, marker, lo, hi, start, end)) is not None
