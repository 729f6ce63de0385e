"""Names are not errors: which spelling lints to drop because the word is a name.

A news article is full of names no dictionary holds (Kursk, Sudzha, RVvoenkor). A word
flagged as misspelled is taken for a name when it is capitalised (or has a capital inside)
and does not open its sentence, when it opens its sentence but the next word is
capitalised too ("Aishwarya Rai said"), when the same word appears capitalised elsewhere in
the document, or when it is in the user's word list. Words with digits, handles, hashtags,
and parts of URLs or e-mail addresses are never spelling errors either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.document import Document

_OPENERS = "\"'“‘«([ \t\n-–—*•"
_NEXT_WORD = re.compile(r"[\s,]+([^\W\d_])")
_ODD = re.compile(r"[\d@#_/\\.]")


def normalise_words(words: Iterable[str] | None) -> frozenset[str]:
    """The user word list, case-folded (apostrophes made straight)."""
    return frozenset(w.strip().replace("’", "'").casefold() for w in words or () if w.strip())


def at_sentence_start(doc: Document, start: int) -> bool:
    si = doc.sentence_index(start)
    if si is None:
        return True
    s = doc.sentences[si].start
    return all(c in _OPENERS for c in doc.text[s:start])


def capitalised_elsewhere(doc: Document, word: str, start: int) -> bool:
    """Whether the word appears with a capital first letter somewhere else in the document."""
    cap = word[:1].upper() + word[1:]
    rx = re.compile(r"(?<![\w'’])" + re.escape(cap) + r"(?![\w])")
    return any(m.start() != start for m in rx.finditer(doc.text))


def is_name(doc: Document, start: int, end: int, words: frozenset[str] = frozenset()) -> bool:
    """Whether a word flagged as misspelled should be taken for a name (or a token)."""
    word = doc.text[start:end]
    if not word:
        return False
    if word.replace("’", "'").casefold() in words:
        return True
    if _ODD.search(word) or _ODD.search(doc.text[max(start - 1, 0) : start]):
        return True
    if any(c.isupper() for c in word[1:]):
        return True  # RVvoenkor, iPhone, NATO
    if word[0].isupper():
        if not at_sentence_start(doc, start):
            return True
        m = _NEXT_WORD.match(doc.text, end)
        if m is not None and m.group(1).isupper():
            return True
    return capitalised_elsewhere(doc, word, start)
