"""Word windows around a marker: the few words either side, the clause before it.

The causal checks read a window, not a parse: this is what keeps them cheap.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][\w'’-]*|\d[\d,.]*")


def words_before(text: str, start: int, lo: int, n: int) -> list[str]:
    """Up to n lower-cased words before start (not crossing lo), nearest last."""
    seg = text[max(lo, start - 12 * n) : start]
    return [w.lower() for w in _WORD.findall(seg)][-n:]


def lowered(text: str) -> str | None:
    """The text lower-cased for a fast case-sensitive scan, or None when lower-casing would
    move offsets (a few characters, "İ", lower-case to two)."""
    low = text.lower()
    return low if len(low) == len(text) else None


def words_after(text: str, end: int, hi: int, n: int) -> list[str]:
    """Up to n lower-cased words after end (not crossing hi), nearest first."""
    seg = text[end : min(hi, end + 12 * n)]
    return [w.lower() for w in _WORD.findall(seg)][:n]


def clause_before(text: str, start: int, lo: int, limit: int = 90) -> str:
    """The text of the marker's clause before it (back to , ; : or a dash)."""
    seg = text[max(lo, start - limit) : start]
    cut = max(seg.rfind(","), seg.rfind(";"), seg.rfind(":"), seg.rfind(" - "), seg.rfind("—"))
    return seg[cut + 1 :] if cut >= 0 else seg


def last_in_clause(
    rx: re.Pattern[str], text: str, lo: int, start: int, end: int, reach: int
) -> str | None:
    """The last match of `rx` from the start of the claim's clause (at most `reach`
    characters back, after the last , ; or :) to the end of the claim, or None."""
    seg_lo = max(lo, start - reach)
    cut = max(text.rfind(c, seg_lo, start) for c in ",;:")
    last = None
    for m in rx.finditer(text, cut + 1 if cut >= 0 else seg_lo, end):
        last = m
    return last.group(0) if last else None
