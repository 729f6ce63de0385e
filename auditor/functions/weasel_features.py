"""Word and word-pair features of a sentence, shared by the weasel rule and its generator.

The learned lexicon (`auditor/lexicons/weasel_cues.json`) is only valid for the features it
was trained on, so the rule and `benchmarks/weasel_lexicon.py` must tokenise identically:
both import this module.
"""

from __future__ import annotations

import itertools
import re

TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\d[\d,.]*")
NUMBER = "#"  # every number is one feature word: "some 500" differs from "some people"


def tokens(sentence: str) -> list[tuple[str, int, int]]:
    """(feature word, start, end) for each word of a sentence.

    Numbers become "#". Words are lower-cased, except a capitalised word inside the sentence, which keeps its
    case: "May" the month (or a name) is then a different feature from the modal "may".
    """
    out: list[tuple[str, int, int]] = []
    for i, m in enumerate(TOKEN.finditer(sentence)):
        w = m.group()
        if w[0].isdigit():
            w = NUMBER
        elif i == 0 or w.islower():
            w = w.lower()
        out.append((w, m.start(), m.end()))
    return out


def features(words: list[str]) -> set[str]:
    """Unigrams and bigrams of the feature words, as a set (presence, not counts)."""
    feats = set(words)
    feats.update(a + " " + b for a, b in itertools.pairwise(words))
    return feats
