"""The anchor-word prefilter of the `existence` kind (Vale's existence prefilter, shared).

Python's `re` tries a pattern at every character of an article, so a dozen rules of long
alternations would cost several microseconds a word. A rule may instead name `anchors`:
words at least one of which each of its matches contains ("allegedly"; the group nouns of
"some analysts claim"). One pass of a single trie-shaped regex finds the anchors of every
anchored rule in the lower-cased text; each rule then runs its patterns only over the
sentences that hold one of its anchors, from a few words before the first one. The hits
are those of a scan of each sentence (tests/test_hedges.py checks this on real copy).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from auditor.checks.patterns import LazyPattern
from auditor.document import Document

WORD = re.compile(r"^[a-z][a-z'-]*(?: [a-z][a-z'-]*)*$")
LOOK_BACK = 60  # characters before the first anchor of a sentence where a match may begin
_KEY = "_anchor_index"


def trie_regex(words: set[str]) -> re.Pattern[str]:
    """One regex matching any of the (lower-case) words, grouped by first letters for speed."""
    return re.compile(trie_pattern(words))


def trie_pattern(words: set[str]) -> str:
    """trie_regex's pattern, uncompiled."""

    def build(ws: list[str], depth: int) -> str:
        if depth >= 2 or len(ws) < 4:
            alts = sorted((w[depth:] for w in ws), key=len, reverse=True)
            return "(?:" + "|".join(re.escape(a) for a in alts) + ")"
        groups: dict[str, list[str]] = defaultdict(list)
        tail = False
        for w in ws:
            if len(w) == depth:
                tail = True
            else:
                groups[w[depth]].append(w)
        alts = [re.escape(c) + build(g, depth + 1) for c, g in sorted(groups.items())]
        return "(?:" + "|".join(alts) + ("|" if tail else "") + ")"

    return r"\b" + build(sorted(words), 0) + r"\b"


def _heads(word: str, words: set[str]) -> list[str]:
    """The words that begin `word` and end where a word of it ends ("could" of "could
    possibly", "well" of "well-known")."""
    return [
        word[:i]
        for i in range(1, len(word))
        if word[:i] in words and (word[i - 1].isalnum() or word[i - 1] == "_")
        and not (word[i].isalnum() or word[i] == "_")
    ]  # fmt: skip


@dataclass
class _DocIndex:
    """One document's anchors: where each first occurs in each sentence."""

    version: int
    sentences: dict[str, dict[int, int]]  # anchor -> sentence index -> first offset


class Anchors:
    """The anchors of every anchored rule loaded so far, and one regex finding them all.

    The regex looks ahead instead of consuming, so that an anchor inside a longer one
    ("possibly" in "could possibly") is still found where it starts; an anchor that begins
    a longer one at the same place ("could" of "could possibly") is credited with it.
    """

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.version = 0
        self._regex: re.Pattern[str] | None = None
        self._heads: dict[str, list[str]] = {}

    def add(self, anchors: Iterable[str]) -> None:
        new = set(anchors) - self.words
        if new:
            self.words |= new
            self.version += 1
            self._regex = None

    def _compile(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(f"(?=({trie_pattern(self.words)}))")
            self._heads = {w: _heads(w, self.words) for w in self.words}
        return self._regex

    def index(self, doc: Document) -> _DocIndex:
        """Anchor positions of the document, by sentence (cached on the document, rebuilt
        when rules with new anchors have been loaded since)."""
        cached: _DocIndex | None = doc.__dict__.get(_KEY)
        if cached is not None and cached.version == self.version:
            return cached
        regex = self._compile()
        starts = [s.start for s in doc.sentences]
        where: dict[str, dict[int, int]] = defaultdict(dict)
        lower = doc.text.lower()
        if len(lower) != len(doc.text):  # a few characters lower-case to two ("İ"): keep offsets
            matches = re.compile(regex.pattern, re.IGNORECASE).finditer(doc.text)
        else:
            matches = regex.finditer(lower)
        for m in matches:
            pos = m.start()
            si = bisect.bisect_right(starts, pos) - 1
            if si < 0:
                continue
            word = m.group(1).lower()
            where[word].setdefault(si, pos)
            for head in self._heads.get(word, ()):
                where[head].setdefault(si, pos)
        cached = _DocIndex(self.version, dict(where))
        doc.__dict__[_KEY] = cached
        return cached


ANCHORS = Anchors()
_EMPTY: dict[int, int] = {}


def anchored_spans(
    doc: Document, anchors: frozenset[str], regex: re.Pattern[str] | LazyPattern
) -> list[re.Match[str]]:
    """The matches of a rule's regex in the sentences that hold one of its anchors."""
    found = ANCHORS.index(doc).sentences
    first: dict[int, int] = {}
    # walk the smaller side: a document holds few of a long anchor list (min is order-free)
    present = [a for a in found if a in anchors] if len(found) < len(anchors) else anchors
    for a in present:
        for si, pos in found.get(a, _EMPTY).items():
            if pos < first.get(si, pos + 1):
                first[si] = pos
    out: list[re.Match[str]] = []
    text = doc.text
    for si in sorted(first):
        s = doc.sentences[si]
        # a match begins at most a few words before its anchor: skip the sentence's head
        out.extend(regex.finditer(text, max(s.start, first[si] - LOOK_BACK), s.end))
    return out
