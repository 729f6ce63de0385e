"""Exceptions: a rule's `exceptions` patterns clear a hit they contain.

Every check kind's hits are cleared the same way (by the engine, and by a density rule
counting its siblings' hits), with the matches found once per sentence or block, not once
per hit: a long sentence with many hits would make that quadratic.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.findings import Hit
    from auditor.packs import Rule


class Excepted:
    """A rule's exception matches over one text, by the span they were searched in."""

    def __init__(self, rule: Rule, text: str) -> None:
        assert rule.exceptions is not None
        self.regex, self.text = rule.exceptions, text
        self._spans: dict[int, tuple[list[int], list[int]]] = {}

    def cover(self, start: int, end: int, hit: Hit) -> bool:
        """Whether an exception match in text[start:end] contains the hit."""
        found = self._spans.get(start)
        if found is None:
            ms = list(self.regex.finditer(self.text, start, end))
            found = self._spans[start] = ([m.start() for m in ms], [m.end() for m in ms])
        starts, ends = found
        i = bisect.bisect_right(starts, hit.start) - 1  # matches do not overlap: one candidate
        return i >= 0 and hit.end <= ends[i]


def excepted_for(rule: Rule, text: str) -> Excepted | None:
    """The rule's exception matcher over a text, or None when it has no exceptions."""
    return Excepted(rule, text) if rule.exceptions is not None else None
