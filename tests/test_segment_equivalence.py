"""split_sentences must cut exactly where the loop it replaced did (offsets feed every rule)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import segment
from auditor.segment import split_sentences

_OLD_BOUNDARY = re.compile(r"(?:[.!?]+|…)[\"'”’)\]]*(?=\s)")
_OLD_TOKEN_BEFORE = re.compile(r"(\S+)$")


def _old_token(text: str, punct_start: int) -> str:
    m = _OLD_TOKEN_BEFORE.search(text, max(0, punct_start - 40), punct_start + 1)
    return m.group(1) if m else "."


def _old_is_boundary(text: str, punct_start: int, punct_end: int, limit: int) -> bool:
    punct = text[punct_start:punct_end]
    nxt = segment._NEXT_WORD.match(text, punct_end, limit)
    if nxt is None or not nxt.group(2):
        return True
    first = nxt.group(2)
    if not punct.startswith(".") or punct.startswith(".."):
        if punct.startswith(("..", "…")):
            return not first.islower()
        return True
    token = _old_token(text, punct_start)
    bare = token.lstrip("\"'“‘([").rstrip(".")
    low = bare.lower()
    if segment._INITIAL.match(token.lstrip("\"'“‘([")):
        return False
    if low in segment._TITLES:
        return False
    if first.isdigit() and low in segment._BEFORE_NUMBER:
        return False
    if segment._DOTTED.match(token.lstrip("\"'“‘([")):
        if bare[:1].isupper():
            return False
        return first.isupper()
    if low in segment._BEFORE_LOWER:
        return first.isupper()
    return True


def _old_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _OLD_BOUNDARY.finditer(text, start, end):
        punct_end = m.start() + len(m.group(0).rstrip("\"'”’)]"))
        if _old_is_boundary(text, m.start(), punct_end, end):
            spans.append((cur, m.end()))
            cur = m.end()
    spans.append((cur, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


EXAMPLES = [
    "", " ", ".", "Hi. There", "U.S. President Biden said so. Then he left.",
    "Dr. Who met J. K. Rowling at 4.25 p.m. Later, etc. and more... yes… No. 10 said",
    '"Go!" he said. "Why?" she asked.\u2029Next (see fig. 3). Done!)  x',
    "Ends with space.  \n\t", "x" * 60 + ". Next", " " + "ab" * 30 + "... next", "A\u00a0B. C\u3000. D.\x1c E.\x85F. G", "a.b.c. the end. x",
]  # fmt: skip

ALPHABET = [*"aAbZ .!?…\"'”’“‘()[]\n\t\u00a0\u2029\x1c1", "Dr", "U.S.", "etc", "No"]
ALPHABET += ["a.m.", "J.", "u.s", "A.B"]


def _same(text: str) -> None:
    for start, end in ((0, len(text)), (1, max(1, len(text) - 1))):
        if start <= end:
            assert split_sentences(text, start, end) == _old_split(text, start, end), text
    for k in range(len(text)):
        for j in range(k + 1, min(len(text), k + 4) + 1):
            got = segment._is_boundary(text, k, j, len(text))
            assert got == _old_is_boundary(text, k, j, len(text)), (text, k, j)


def test_examples() -> None:
    for text in EXAMPLES:
        _same(text)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join))
def test_random_news_like(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_random_text(text: str) -> None:
    _same(text)
