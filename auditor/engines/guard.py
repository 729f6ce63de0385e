"""What the grammar engine is never fed: bounded pieces, and no giant tokens.

Harper's cost grows faster than the length of what it reads: one 20,000-character word
made it ask for 3.4 GB (its spelling suggestions compare the word with its dictionary),
and 2 MB of text with no sentence end took minutes. So an engine reads pieces of at most
MAX_PIECE characters, cut at sentence ends where there are some and at spaces where there
are not, and a run of more than MAX_TOKEN characters with no space (a URL, base64, a table
flattened into one line) is left out, with an info finding that says what was not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_PIECE = 4000  # characters; Harper slows down more than linearly on long text
MAX_TOKEN = 64  # characters with no space: no English word is longer
NOT_CHECKED = "not-checked"  # the sub-rule id of the info finding
_LONG_TOKEN = re.compile(r"\S{" + str(MAX_TOKEN + 1) + ",}")


def split_long(start: int, end: int, text: str) -> Iterator[tuple[int, int]]:
    """A span cut at spaces into pieces of at most MAX_PIECE characters."""
    while end - start > MAX_PIECE:
        cut = text.rfind(" ", start + MAX_PIECE // 2, start + MAX_PIECE)
        if cut <= start:
            cut = start + MAX_PIECE  # no space near: a long token, masked anyway
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def guard(
    spans: Iterator[tuple[int, int]], text: str
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The pieces an engine may read, and the long tokens it must not (both view spans)."""
    fed: list[tuple[int, int]] = []
    skipped: list[tuple[int, int]] = []
    for start, end in spans:
        pos = start
        for m in _LONG_TOKEN.finditer(text, start, end):
            skipped.append(m.span())
            fed.extend(split_long(pos, m.start(), text))
            pos = m.end()
        fed.extend(split_long(pos, end, text))
    return [(s, e) for s, e in fed if text[s:e].strip()], skipped


def describe_skip(text: str) -> str:
    """The info finding's message for a span left out."""
    return (
        f"Not checked for grammar: a run of {len(text):,} characters with no space (a URL, "
        "code or data?). Break it up if it is prose."
    )
