"""Names are not errors: which spelling lints to drop because the word is a name.

A news article is full of names no dictionary holds (Kursk, Sudzha, RVvoenkor). A word
flagged as misspelled is taken for a name when it is capitalised (or has a capital inside)
and does not open its sentence, when it opens its sentence but the next word is
capitalised too ("Aishwarya Rai said"), when the same word appears capitalised elsewhere in
the document, or when it is in the user's word list. A lower-case word a large frequency
list knows is a real word, not an error (`auditor/engines/wordlist.py`). Words with digits, handles, hashtags,
and parts of URLs or e-mail addresses are never spelling errors either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.document import Document
from auditor.engines.wordlist import known_word

_OPENERS = "\"'“‘«([ \t\n-–—*•"
_NEXT_WORD = re.compile(r"[\s,]+([^\W\d_])")
_ODD = re.compile(r"[\d@#_/\\.]")
_DOMAIN = re.compile(r"\.(?:[a-z]{2,6})(?:\.[a-z]{2,3})?\b")


def normalise_words(words: Iterable[str] | None) -> frozenset[str]:
    """The user word list, case-folded (apostrophes made straight)."""
    return frozenset(w.strip().replace("’", "'").casefold() for w in words or () if w.strip())


def at_sentence_start(doc: Document, start: int) -> bool:
    si = doc.sentence_index(start)
    if si is None:
        return True
    s = doc.sentences[si].start
    return all(c in _OPENERS for c in doc.text[s:start])


_CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_][\w'’]*")


def _capitalised_words(doc: Document) -> dict[str, list[int]]:
    """Every capitalised word of the document and where it starts, found in one pass and
    kept on the Document (not one scan of the whole text per flagged word)."""
    index: dict[str, list[int]] | None = getattr(doc, "_capitalised", None)
    if index is None:
        index = {}
        for m in _CAPITALISED.finditer(doc.text):
            w = m.group()
            if w[0].isupper():  # "Kursk's" counts as "Kursk" too
                for key in {w.rstrip("'’"), re.split("['’]", w, maxsplit=1)[0]}:
                    index.setdefault(key, []).append(m.start())
        doc._capitalised = index  # type: ignore[attr-defined]
    return index


def capitalised_elsewhere(doc: Document, word: str, start: int) -> bool:
    """Whether the word appears with a capital first letter somewhere else in the document."""
    cap = word[:1].upper() + word[1:]
    return any(pos != start for pos in _capitalised_words(doc).get(cap, ()))


def _typo_of(word: str, suggestions: tuple[str, ...]) -> bool:
    """Whether a suggestion is one edit away: "Teh" -> "The", "Definately" -> "Definitely"."""
    from rapidfuzz.distance import Levenshtein

    low = word.lower()
    return any(Levenshtein.distance(low, s.lower()) <= 1 for s in suggestions)


def surely_name(doc: Document, start: int, end: int, words: frozenset[str] = frozenset()) -> bool:
    """What `is_name` decides without the engine's suggestions: a word this accepts is
    never a spelling error, so the spell checker need not look at it at all."""
    text = doc.text
    word = text[start:end]
    if len(word) < 2 or word.replace("’", "'").casefold() in words:
        return True  # "'s" after "2004", a single letter
    if _ODD.search(word) or _ODD.search(text[max(start - 1, 0) : start]):
        return True
    if _DOMAIN.match(text, end):
        return True  # "bridgetothestars.net", "bbc.co.uk": part of a domain name
    if (start > 0 and text[start - 1] in "-‑") or text[end : end + 1] in ("-", "‑"):
        return True  # part of a compound: "wi-fi", "sweet-natured", "co-ordinator"
    if any(c.isupper() for c in word[1:]):
        return True  # RVvoenkor, iPhone, NATO
    nxt = _NEXT_WORD.match(text, end)
    next_capital = nxt is not None and nxt.group(1).isupper()
    if word[0].isupper():
        if not at_sentence_start(doc, start) or next_capital:
            return True
    elif next_capital and len(word) <= 4:
        return True  # a particle in a name: "Luigi del Neri", "von Trapp", "Os du Randt"
    return capitalised_elsewhere(doc, word, start)


def is_name(
    doc: Document,
    start: int,
    end: int,
    words: frozenset[str] = frozenset(),
    suggestions: tuple[str, ...] = (),
) -> bool:
    """Whether a word flagged as misspelled should be taken for a name (or a token)."""
    if surely_name(doc, start, end, words):
        return True
    word = doc.text[start:end]
    if word[0].isupper() and not _typo_of(word, suggestions):
        return True  # "Tottenham v Brighton", "Middlesbrough boss": a name opening a sentence
    return known_word(word, suggestions)
