"""Sentence splitting and quotation finding for news copy, by rule, with offsets kept.

A rule-based splitter rather than a statistical one: it must be fast (an archive of millions
of articles) and predictable on news abbreviations: "U.S.", "Dr", "No. 10", "a.m.",
initials ("J. K. Rowling") and decimals ("4.25%") never end a sentence. A full stop
followed by a lower-case word does end one unless the word before is an abbreviation, so
that "in Sudzha. reports suggest" is two sentences and the second can be flagged.
"""

from __future__ import annotations

import itertools
import re

# A run of terminal punctuation, closing quotes or brackets, then white space.
_BOUNDARY = re.compile(r"([.!?]+|…)[\"'”’)\]]*(?=\s)")
_NEXT_WORD = re.compile(r"\s+([\"'“‘(\[]*)(\S?)")

# Abbreviations that do not end a sentence whatever follows.
_TITLES = {
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt",
    "cpt", "sgt", "cpl", "maj", "adm", "brig", "cmdr", "st", "mt", "ft", "rev", "hon",
    "pres", "supt", "insp", "det", "messrs", "mme", "mlle", "sr", "jr", "vs", "v", "cf",
    "approx", "est", "dept", "univ", "assn", "bros", "fig", "figs", "vol", "vols", "ch",
    "sec", "art", "para", "pp", "p", "op",
}  # fmt: skip
# Abbreviations that do not end a sentence before a number ("No. 10", "Jan. 6").
_BEFORE_NUMBER = {
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "tel", "ext", "route", "rt", "pt",
}  # fmt: skip
# Abbreviations that end a sentence only before a capitalised word ("etc. The ...").
_BEFORE_LOWER = {"etc", "inc", "ltd", "co", "corp", "plc", "llc", "al", "am", "pm", "approx"}
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")  # U.S., a.m., e.g., i.e.
_INITIAL = re.compile(r"^[A-Z]\.$")


def _is_boundary(text: str, punct_start: int, punct_end: int, limit: int) -> bool:
    punct = text[punct_start:punct_end]
    nxt = _NEXT_WORD.match(text, punct_end, limit)
    if nxt is None or not nxt.group(2):
        return True
    first = nxt.group(2)
    if not punct.startswith(".") or punct.startswith(".."):
        if punct.startswith(("..", "…")):
            return not first.islower()  # an ellipsis before a lower-case word is a pause
        return True
    # the run of non-space before the stop, at most 40 characters back (the punctuation is
    # not space, so there is one; str.split and re's \s agree on what space is)
    token = text[max(0, punct_start - 40) : punct_start + 1].rsplit(None, 1)[-1]
    lead = token.lstrip("\"'“‘([")
    bare = lead.rstrip(".")
    low = bare.lower()
    # the length and inner-dot tests only skip regexes that cannot match
    if len(lead) == 2 and _INITIAL.match(lead):
        return False
    if low in _TITLES:
        return False
    if first.isdigit() and low in _BEFORE_NUMBER:
        return False
    if "." in bare and _DOTTED.match(lead):
        # "U.S. President": upper-case initialisms do not end a sentence; "a.m. The" does.
        if bare[:1].isupper():
            return False
        return first.isupper()
    if low in _BEFORE_LOWER:
        return first.isupper()
    return True


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], leading and trailing space trimmed."""
    cuts = [start]
    for m in _BOUNDARY.finditer(text, start, end):
        # the terminal punctuation proper ends before closing quotes/brackets
        if _is_boundary(text, m.start(), m.end(1), end):
            cuts.append(m.end())
    cuts.append(end)
    out = []
    for s, e in itertools.pairwise(cuts):
        # str.strip and str.isspace share one notion of space: trim in C
        piece = text[s:e]
        body = piece.lstrip()
        if body:
            s += len(piece) - len(body)
            out.append((s, s + len(body.rstrip())))
    return out


_CURLY_QUOTE = re.compile(r"“[^”]*”")
_STRAIGHT_QUOTE = re.compile(r'"[^"\n]*"')


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Direct quotations ("..." and “...”) in text[start:end], marks included."""
    spans = [m.span() for m in _CURLY_QUOTE.finditer(text, start, end)]
    spans += [m.span() for m in _STRAIGHT_QUOTE.finditer(text, start, end)]
    spans.sort()
    return spans
