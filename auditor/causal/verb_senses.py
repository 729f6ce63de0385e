"""Sense checks for causal verbs: is the marker a verb acting on an object here?

"prolonged the war" is a verb, "a prolonged war" an adjective; "the cause of" a noun,
"could cause delays" a verb; "forced them to leave" a cause, "the force" no verb at all;
"driven by demand" a cause, "driven by police to London" a ride.
"""

from __future__ import annotations

import re

from auditor.causal.window import words_after, words_before

_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this",
                "that", "these", "those", "some", "any", "no", "more", "further", "fresh",
                "new", "widespread", "renewed", "public", "anger", "fears", "concerns"}  # fmt: skip
# words before "cause" (or an effect verb's -s form) that make it a noun: "the cause"
NOUN_BEFORE_CAUSE = {"the", "a", "an", "its", "their", "his", "her", "our", "root", "main",
                     "underlying", "leading", "common", "real", "good", "just", "probable",
                     "possible", "noble", "lost", "this", "that", "no", "whose", "people's",
                     "people’s", "one", "major", "primary", "true", "same", "official",
                     "exact", "immediate", "likely", "precise", "national", "worthy",
                     "other", "natural", "unknown", "various", "many", "several",
                     "multiple", "different", "external", "known", "all", "these", "those"}  # fmt: skip
_BE = {"was", "were", "been", "be", "is", "are", "being", "am"}
_VEHICLE = {"police", "officers", "car", "cars", "bus", "taxi", "chauffeur", "driver", "drivers",
            "his", "her", "friends", "van", "ambulance", "limousine", "truck", "lorry"}  # fmt: skip
_NOT_DRIVE_EFFECT = {"to", "through", "home", "off", "back", "into", "past", "across", "around",
                     "from", "along", "a", "an", "his", "her", "my"}  # fmt: skip


def verb_not_noun(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "smoking causes cancer" is a verb; "the cause of", "causes and effects" are nouns."""
    prev = words_before(text, m.start(), lo, 1)
    nxt = words_after(text, m.end(), hi, 2)
    if prev and prev[-1] in NOUN_BEFORE_CAUSE:
        return False
    if nxt and nxt[0] in {"of", "for", "and", "célèbre"}:
        return False
    return bool(nxt)


def object_follows(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """A transitive verb use: "prolonged the war", not "a prolonged war", "the fuelled fire"."""
    prev = words_before(text, m.start(), lo, 1)
    nxt = words_after(text, m.end(), hi, 1)
    if m.group(0).lower() == "prolonged" and (not nxt or nxt[0] not in _DETERMINERS):
        return False  # mostly an adjective: "had prolonged exposure", "prolonged conflicts"
    progressive = m.group(0).lower().endswith("ing") and prev and prev[-1] in _BE
    if not progressive and prev and prev[-1] in {"a", "an", "the", "of", "in", "for", "after",
                                                 "its", "their", "his", "her", "this",
                                                 "remotely", "when", *_BE}:  # fmt: skip
        # passive or adjectival; "was triggered by X" still states a cause
        return (
            bool(nxt)
            and nxt[0] == "by"
            and prev[-1] in {"was", "were", "been", "be", "is", "are", "being"}
        )
    return bool(nxt) and not nxt[0].isdigit()  # any word but a figure


def force_to(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "forced them to leave", "forced out": compulsion, with its outcome after it."""
    nxt = words_after(text, m.end(), hi, 4)
    return "to" in nxt or "into" in nxt or (bool(nxt) and nxt[0] in {"out", "down", "off"})


def blame_for(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "blamed the storm for the delay", "blamed it on": blame with what it caused."""
    nxt = words_after(text, m.end(), hi, 8)
    return "on" in nxt or "for" in nxt


def driven_by(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "growth driven by demand" gives a cause; "driven by police to London" is a ride."""
    nxt = words_after(text, m.end(), hi, 2)
    return bool(nxt) and not any(w in _VEHICLE for w in nxt)


def drive_effect(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "demand drove prices higher", "drove investors away"; not "drove to the airport"."""
    nxt = words_after(text, m.end(), hi, 5)
    if not nxt or nxt[0] in _NOT_DRIVE_EFFECT:
        return False
    return any(w in {"higher", "lower", "away", "out", "down", "up"} for w in nxt[1:])
