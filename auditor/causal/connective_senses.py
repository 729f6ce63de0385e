"""Sense checks for markers ending in "to": is a cause named after it, or an infinitive?

"due to rain" names a cause, "due to open in the spring" a schedule; "led to protests" a
consequence, "was led to believe" no cause at all; "thanks to the rain" a cause, "thanks to
all" gratitude. The word after "to" decides: a verb (read from lemminflect) means an
infinitive.
"""

from __future__ import annotations

import re

from auditor.causal.window import words_after, words_before
from auditor.inflect import reading

_SCHEDULE = {"be", "open", "begin", "start", "close", "end", "finish", "take", "make", "arrive",
             "return", "meet", "visit", "launch", "hold", "resume", "retire", "leave", "go",
             "come", "expire", "appear", "face", "stand", "play", "sign", "vote", "complete",
             "report", "publish", "release", "announce", "give", "deliver", "host", "run",
             "speak", "testify", "attend", "travel", "fly", "reopen", "debut", "air", "hear",
             "decide", "rule", "conclude", "join", "marry", "receive", "submit", "present",
             "address", "become", "undergo", "tour", "perform", "feature", "step", "kick",
             "get", "have", "hit", "land", "enter", "move", "restart", "transfer", "welcome",
             "light", "sit", "stay", "unveil", "lead"}  # fmt: skip
_OBJECT_START = {"the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those",
                 "him", "them", "it", "us", "me", "up", "out", "off", "back", "down", "our",
                 "my", "your", "new", "two", "three", "four"}  # fmt: skip
_PLACES = {"road", "roads", "path", "paths", "street", "door", "doors", "stairs", "route",
           "routes", "highway", "bridge", "lane", "way", "steps", "corridor", "run-up", "gate",
           "gates", "track", "trail"}  # fmt: skip
_THANKS_TO_PEOPLE = {"all", "everyone", "everybody", "you", "god"}
_GIVING_THANKS = {"said", "say", "says", "give", "gave", "giving", "extend", "extended",
                  "express", "expressed", "special", "many", "big", "our", "my", "huge",
                  "sincere", "heartfelt"}  # fmt: skip


def infinitive_follows(text: str, end: int, hi: int) -> bool:
    """Whether "to" is followed by a verb ("due to open", "led to believe"), not a noun."""
    nxt = words_after(text, end, hi, 2)
    if not nxt:
        return False
    if nxt[0] in _SCHEDULE:
        return True
    word = reading(nxt[0])
    if nxt[0] not in word.verb_lemmas:  # no base-form verb reading
        return False
    if not word.noun:
        return True
    # both ("light", "rain"): a verb here takes an object: "due to light the flame"
    return len(nxt) > 1 and nxt[1] in _OBJECT_START


def lead_to(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "led to protests" is a consequence; "led to believe", "the road leading to" are not."""
    prev = words_before(text, m.start(), lo, 1)
    if infinitive_follows(text, m.end(), hi):
        return False  # "I am led to ponder", "he was led to believe"
    return not (prev and prev[-1] in _PLACES)


def due_to(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "due to rain" is causal; "due to open in the spring" is a schedule."""
    return bool(words_after(text, m.end(), hi, 1)) and not infinitive_follows(text, m.end(), hi)


def thanks_to(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "thanks to the rain" gives a cause; "said thanks to", "thanks to all" give thanks."""
    prev = words_before(text, m.start(), lo, 1)
    nxt = words_after(text, m.end(), hi, 1)
    if nxt and nxt[0] in _THANKS_TO_PEOPLE:
        return False
    return not (prev and prev[-1] in _GIVING_THANKS)
