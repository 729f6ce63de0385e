"""Sense checks for effect verbs and phrases: an effect claimed on an outcome.

"smoking increases the risk of stroke" claims a cause; "increase" alone ("an increase",
"plans to increase") does not, so an effect verb counts only as a finite verb with an
outcome (risk, deaths, growth, a percentage) among the words after it. "has an impact on"
counts only with the verb have.
"""

from __future__ import annotations

import re

from auditor.causal.verb_senses import NOUN_BEFORE_CAUSE
from auditor.causal.window import words_after, words_before

_OUTCOMES = re.compile(
    r"\b(?:risks?|chances?|odds|likelihood|incidence|mortality|survival|symptoms|outcomes?|"
    r"levels?|quality|function|functioning|response|growth|progression|recovery|severity|"
    r"burden|pain|weight|performance|health|memory|spread|infections?|deaths?|disease|"
    r"damage|inflammation|pressure|cholesterol|sleep|mood|anxiety|depression|cancer|"
    r"tumou?rs?|immunity|resistance|efficacy|effectiveness|productivity|development|"
    r"behaviou?r|learning|abilit(?:y|ies)|rates? of|lives|life|death|harm|injur(?:y|ies)|"
    r"complications?|side effects|blood|bone|heart|brain|crime|violence|unemployment|"
    r"inflation|poverty|emissions|pollution|costs?|adherence|readmissions?|"
    r"admissions?|number of|care|well-?being|relief|hospitali[sz]ations?|morbidity|"
    r"fatigue|stress|obesity|diabetes|fractures?|falls|errors|outbreaks?|transmission|"
    r"\d[\d.]* ?(?:per ?cent|%)|percent)\b",
    re.IGNORECASE,
)
# words before a base-form effect verb that make it a verb: "can cut", "does not improve"
# ("to" is left out: "plans to cut costs" is an aim, not a claim)
_MODALS = {"can", "could", "may", "might", "will", "would", "does", "did", "do", "not", "also",
           "significantly", "greatly", "further", "dramatically", "substantially"}  # fmt: skip
# a plural noun before a base-form verb: "corticosteroids raise the risk"
_PLURAL = re.compile(r"^[a-z]{3,}[^s'’]s$")


def effect_object(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """An effect verb with an outcome as object: "smoking increases the risk of stroke"."""
    word = m.group(0).lower()
    if not word.endswith("s") or word.endswith("ss"):
        prev = words_before(text, m.start(), lo, 2)
        plural_subject = bool(prev) and _PLURAL.match(prev[-1]) is not None
        if not prev or (prev[-1] not in _MODALS and not plural_subject):
            return False
    else:
        prev = words_before(text, m.start(), lo, 1)
        if prev and prev[-1] in NOUN_BEFORE_CAUSE:  # "the cuts", "a double"
            return False
    nxt = " ".join(words_after(text, m.end(), hi, 5))
    return bool(_OUTCOMES.search(nxt))


def have_effect(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "has an impact on": the verb must be have ("had no effect" is negated elsewhere)."""
    prev = words_before(text, m.start(), lo, 2)
    return any(w in {"has", "have", "had", "having"} for w in prev)
