"""Sense checks for motive and purpose: why people acted, as news reports it.

"staged a dharna to demand ..." gives a purpose, "wants to stop" only an aim; "rallied,
demanding the release" a motive, "a demanding job" none; "protest over pay" a motive,
"over the past week" a time; "protested the delay" a motive as object. Most need a protest,
strike or police action in the clause before them.
"""

from __future__ import annotations

import re

from auditor.causal.sequence_senses import TIME_NOUNS
from auditor.causal.window import clause_before, words_after, words_before

_PROTEST = re.compile(
    r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ies|ied)|strike|strikes|striking|march(?:ed|es)?|"
    r"agitat\w+|dharna|bandh|hartal|stir|sit-in|boycott\w*|picket\w*|clash\w*|riot\w*|"
    r"slogans?|anger|angry|outrage\w*|fury|furious|row|dispute|tensions?|violence|"
    r"unrest|uproar|backlash|resign\w*|quit|sued|sue|suing|petition\w*|fast|"
    r"hunger strike|memorandum|walk-?out|walked out|gherao\w*|roko|blockade|"
    r"campaign\w*|fight|fighting|fought|revolt|uprising|sanctions?|charges?|"
    r"case|cases|complaint|complained|lawsuit|cracked down|crackdown)\b",
    re.IGNORECASE,
)
_CONTROL = {"want", "wants", "wanted", "try", "tries", "tried", "trying", "decide", "decided",
            "plan", "plans", "planned", "planning", "agree", "agreed", "refuse", "refused",
            "fail", "failed", "fails", "hope", "hopes", "hoped", "need", "needs", "needed",
            "able", "unable", "going", "likely", "unlikely", "expected", "asked", "urged",
            "vowed", "threatened", "promised", "continue", "continued", "began", "begin",
            "started", "ordered", "allowed", "forced", "way", "ways", "bid", "attempt",
            "effort", "efforts", "move", "chance", "right", "power", "used", "ought", "about",
            "has", "have", "had", "due", "meant", "set", "seeks", "sought", "seek", "wish",
            "wished", "intend", "intends", "intended", "aim", "aims", "aimed", "order",
            "help", "helped", "helps", "managed", "enough", "ready", "willing", "reluctant",
            "keen", "eager", "prepared", "determined", "called", "appealed", "said", "told",
            "would", "will", "is", "are", "was", "were", "be", "been", "not", "how", "what",
            "whether", "where", "when", "struggle", "struggled", "struggling",
            "refusal", "decision", "failure", "ability", "demand", "call",
            "pledged", "pledge", "proposed", "propose", "requested", "request",
            "invited", "encouraged", "advised", "persuaded", "convinced", "authorised",
            "authorized", "expect", "expects", "mandate", "bound", "obliged"}  # fmt: skip
_FORCE = re.compile(r"\b(?:police|tear ?gas|teargas|lathi|batons?|water cannon)\b", re.I)
# purpose verbs too common to read as motive without a protest or police action before
_NEEDS_CONTEXT = {"show", "send", "draw", "support", "save", "ensure",
                  "mark", "express", "register"}  # fmt: skip
_NOT_MOTIVE = {"the", "a", "an", "their", "his", "her", "its", "of", "more", "most", "very",
               "too", "so", "less", "physically", "mentally", "extremely", "quite", "really",
               "increasingly", "how", "as", "our", "my", "your"}  # fmt: skip
_PROTEST_OBJECT_START = {"the", "a", "an", "his", "her", "their", "its", "this", "against",
                         "over"}  # fmt: skip
_COMPLEMENT_NOUNS = {"case", "cases", "charge", "charges", "complaint", "complaints", "fir", "firs",
                     "action", "violence", "crime", "crimes", "atrocities", "atrocity", "war",
                     "measures", "allegations", "evidence", "campaign", "warrant", "warrants",
                     "sanctions", "discrimination", "attacks", "attack", "abuse", "bias",
                     "offences", "offenses", "proceedings", "petition", "suit", "vote",
                     "votes", "voted", "win", "won", "lead", "victory", "match", "game",
                     "defeat", "goals", "goal", "runs", "record"}  # fmt: skip


def purpose_to(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """A purpose infinitive after an action ("staged a dharna to demand ...").

    Not the complement of a verb of wanting or trying ("wants to stop", "failed to ensure"),
    which states an aim, not why something was done.
    """
    prev = words_before(text, m.start(), lo, 1)
    if prev and prev[-1] in _CONTROL:
        return False
    before = clause_before(text, m.start(), lo, 120)
    if _PROTEST.search(before) or _FORCE.search(before):
        return True
    return m.group(0).lower().split()[-1] not in _NEEDS_CONTEXT


def motive_context(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "demanding", "seeking" state a motive when they follow a protest or strike.

    "demanding" as a participle ("rallied, demanding the release of ...") needs no protest
    word before it; as an adjective ("a demanding job", "more demanding") it is no motive.
    """
    prev = words_before(text, m.start(), lo, 1)
    if prev and prev[-1] in _NOT_MOTIVE:
        return False
    word = m.group(0).lower()
    if word == "demanding":
        nxt = words_after(text, m.end(), hi, 1)
        return bool(nxt) and nxt[0] not in {"and", "but", "or", "job", "role", "task", "work"}
    before = text[max(lo, m.start() - 160) : m.start()]
    return bool(_PROTEST.search(before))


def protest_context(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "against"/"over" give the motive of a protest, strike or clash ("protest over pay")."""
    before = clause_before(text, m.start(), lo, 70)
    if not _PROTEST.search(before):
        return False
    prev = words_before(text, m.start(), lo, 1)
    if prev and prev[-1] in _COMPLEMENT_NOUNS:  # "cases against", "violence against women"
        return False
    nxt = words_after(text, m.end(), hi, 1)
    if m.group(0).lower() == "over":
        if not nxt or nxt[0].isdigit():
            return False
        if nxt[0] in {"the", "a", "an"} and _over_time(text, m, hi):
            return False  # "protests over the past week": a time, not a motive
    return bool(nxt)


def _over_time(text: str, m: re.Match[str], hi: int) -> bool:
    """Whether the words after "over" name a span of time ("over the past week")."""
    nxt = words_after(text, m.end(), hi, 3)
    return any(w in TIME_NOUNS or w in {"past", "last", "next", "coming"} for w in nxt)


def protest_object(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "protested the delay" (a motive as object); "protesting workers" is a participle."""
    nxt = words_after(text, m.end(), hi, 1)
    return bool(nxt) and nxt[0] in _PROTEST_OBJECT_START


def clause_initial(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """A participle of motive that opens the sentence or a clause: "Resenting X, they ..."."""
    before = text[max(lo, m.start() - 3) : m.start()].strip(" \"'“‘(")
    return m.start() - lo <= 2 or before.endswith((",", ";", ":"))
