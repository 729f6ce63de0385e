"""The causal marker lexicon: every marker phrase, its kind, and one regex that finds them all.

The phrases are data (marker_phrases): verb lemmas are expanded to their inflections with
lemminflect (through auditor.inflect), and all phrases are compiled into one trie-shaped
regex, so a document is scanned once and each match is looked up here to learn what to
check next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeAlias

from auditor.causal.marker_phrases import PHRASES, VERBS
from auditor.inflect import forms

_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
_Trie: TypeAlias = dict[str, "_Trie"]  # one character -> the rest; "" marks a phrase's end


@dataclass(frozen=True, slots=True)
class Marker:
    """One causal marker phrase and how to judge a match of it."""

    lemma: str  # what the message calls it ("lead to", "because")
    tier: str  # "explicit": a causal claim, judged for support | "implicit": motive/sequence
    check: str | None = None  # name of the sense check in senses.CHECKS, None = always causal
    verb: bool = False  # a verb: its span takes in its auxiliaries ("may have been ...")


def _forms(lemma: str, tenses: str) -> set[str]:
    """The forms of a verb for the tenses wanted ("all" or some of VB VBD VBN VBG VBZ)."""
    wanted = _VERB_TAGS if tenses == "all" else tuple(tenses.split())
    out: set[str] = set()
    for tag in wanted:
        out.update(forms(lemma, tag))
    if "VBN" in wanted:  # lemminflect lists one spelling; VBD carries the other
        out.update(forms(lemma, "VBD"))
    if "VBD" in wanted and lemma.endswith("l"):  # fuelled / fueled
        out.update(f.replace("led", "lled") for f in forms(lemma, "VBD") if "lled" not in f)
    if "VBG" in wanted and lemma.endswith("l"):
        out.update(f.replace("ling", "lling") for f in forms(lemma, "VBG") if "lling" not in f)
    return out


@lru_cache(maxsize=1)
def markers() -> dict[str, Marker]:
    """Every marker phrase (lower case, single spaces) mapped to its Marker."""
    table: dict[str, Marker] = {}
    for lemma, particle, tenses, tier, check in VERBS:
        name = f"{lemma} {particle}".strip()
        for form in _forms(lemma, tenses):
            phrase = f"{form} {particle}".strip()
            table.setdefault(phrase, Marker(name, tier, check, verb=True))
    for phrases, lemma, tier, check in PHRASES:
        for p in phrases:
            table.setdefault(p, Marker(lemma, tier, check))
    return table


def _trie_regex(phrases: list[str]) -> str:
    """A regex equivalent to the alternation of phrases, factored as a trie (fast to scan)."""
    trie: _Trie = {}
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = []
        optional = False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            piece = r"\s+" if ch == " " else re.escape(ch)
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        if optional:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


@lru_cache(maxsize=2)
def marker_regex(lowered: bool = False) -> re.Pattern[str]:
    """One compiled pattern for every marker, word-bounded.

    `lowered=True` gives a case-sensitive pattern for text already lower-cased, which
    scans about twice as fast as the case-insensitive one.
    """
    body = _trie_regex(sorted(markers()))
    # not inside a hyphenated word: "cause-specific", "police-led"
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", 0 if lowered else re.IGNORECASE)


_SPACE = re.compile(r"\s+")


def lookup(matched: str) -> Marker:
    """The Marker of a matched phrase, however it is spaced or capitalised."""
    return markers()[_SPACE.sub(" ", matched.lower())]
