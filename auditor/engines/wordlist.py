"""Real words the spelling engine's dictionary lacks: a large frequency list decides.

Harper's dictionary misses real words ("delist", "dimmable", "sutras", "slanging"), and
about half its spelling alarms on edited copy were such words. A word that wordfreq's
English list knows is taken as spelled right, unless the engine suggests a word one edit
away (a transposition counts as one) that is far more frequent: "recieve" is in the list
(people misspell it), but "receive" is a hundred times more common, so the alarm stays.
"""

from __future__ import annotations

from functools import lru_cache

KNOWN = 1.5  # Zipf frequency: about once in 30 million words of running text
TYPO_MARGIN = 1.5  # a suggestion 10^1.5 (~30) times more frequent marks a typo


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def known_word(word: str, suggestions: tuple[str, ...] = ()) -> bool:
    """Whether a flagged word is a real, if rare, English word rather than a typo."""
    from rapidfuzz.distance import OSA

    low = word.lower().replace("’", "'")
    own = zipf(low)
    if own < KNOWN:
        return False
    for s in suggestions:
        s_low = s.lower()
        if s_low != low and OSA.distance(low, s_low) <= 1 and zipf(s_low) - own >= TYPO_MARGIN:
            return False
    return True
