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


_SPLIT = re.compile(f"({TOKEN.pattern})")  # words at odd indexes, the gaps between them even
_DIGIT = re.compile(r"\d")


def tokens(sentence: str) -> list[tuple[str, int, int]]:
    """(feature word, start, end) for each word of a sentence.

    Numbers become "#". Words are lower-cased, except a capitalised word inside the sentence, which keeps its
    case: "May" the month (or a name) is then a different feature from the modal "may".
    A word inside the sentence is either all lower case (lowering leaves it) or kept as
    written, so only the first word is lowered. Offsets are the running sum of the split's
    lengths: the work stays in C (tests/test_hedges_weasel.py holds it to the loop it
    replaced).
    """
    parts = _SPLIT.split(sentence)
    words = parts[1::2]
    if not words:
        return []
    offsets = list(itertools.accumulate(map(len, parts)))
    if _DIGIT.search(sentence):  # a digit outside a number token cannot occur
        words = [NUMBER if w[0].isdigit() else w for w in words]
    words[0] = words[0].lower()
    return list(zip(words, offsets[0::2], offsets[1::2], strict=False))


def features(words: list[str]) -> set[str]:
    """Unigrams and bigrams of the feature words, as a set (presence, not counts)."""
    feats = set(words)
    feats.update(a + " " + b for a, b in itertools.pairwise(words))
    return feats
