"""Turn a block of the view into the string an engine reads, and map offsets back.

The Markdown view blanks markup with spaces and the HTML view keeps line breaks; an engine
fed that text reports "two spaces" lints that are not in the article. Each run of
whitespace becomes one space, and a short piece table maps engine offsets back.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_SPACE_RUN = re.compile(r"\s{2,}|[^\S ]")


@dataclass(frozen=True, slots=True)
class Fed:
    """A cleaned string and the view offsets its pieces came from."""

    text: str
    _clean: tuple[int, ...]  # start of each piece in `text`
    _view: tuple[int, ...]  # start of the same piece in the view

    def start(self, pos: int) -> int:
        i = bisect.bisect_right(self._clean, pos) - 1
        return self._view[i] + pos - self._clean[i]

    def end(self, pos: int) -> int:
        if pos <= 0:
            return self.start(0)
        return self.start(pos - 1) + 1


def feed(view: str, start: int, end: int) -> Fed:
    """The block view[start:end], stripped, each whitespace run collapsed to one space."""
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    block = view[start:end]
    if _SPACE_RUN.search(block) is None:
        return Fed(block, (0,), (start,))
    parts: list[str] = []
    clean: list[int] = [0]
    vstarts: list[int] = [start]
    pos = 0
    out_len = 0
    for m in _SPACE_RUN.finditer(block):
        parts.append(block[pos : m.start()])
        out_len += m.start() - pos
        parts.append(" ")
        out_len += 1
        pos = m.end()
        # the space stands for the run's first character; the next piece starts after it
        clean.append(out_len)
        vstarts.append(start + pos)
    parts.append(block[pos:])
    return Fed("".join(parts), tuple(clean), tuple(vstarts))
