"""Patterns that cannot hang a run: refuse, at load, a regex that can backtrack
catastrophically.

Python's `re` backtracks: `(a+)+$` on forty a's and a b takes longer than the age of the
universe. The shapes that do this are an unbounded repetition whose body can match the same
text in more than one way: another repetition inside it, an alternation of overlapping
choices, or a backreference. Such a pattern is refused with one line naming the rule and the
pattern; a linear-time engine (RE2) would refuse lookarounds, which the packs need to keep
news language quiet, so the check is on shape instead, over the parsed pattern.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as sre  # type: ignore[attr-defined]
from typing import Any

UNBOUNDED = 32  # a repetition allowed more times than this is treated as unbounded
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)


def _items(node: Any) -> list[tuple[Any, Any]]:
    return list(node.data) if hasattr(node, "data") else list(node)


def _literal(alternative: Any) -> str | None:
    """The text of an alternative made of literal characters only, else None."""
    chars = []
    for op, av in _items(alternative):
        if op != c.LITERAL:
            return None
        chars.append(chr(av))
    return "".join(chars)


def _deterministic(branch: Any) -> bool:
    """Literal words none of which is a prefix of another ("have |had |also "): at any
    position at most one can match, so repeating them cannot multiply the ways."""
    words = [_literal(alt) for alt in branch[1]]
    if any(w is None or w == "" for w in words):
        return False
    return not any(
        a != b and b.startswith(a) for a in words for b in words if a is not None and b is not None
    )


def _ambiguous(body: Any) -> bool:
    """Whether a repeated body can match the same text in more than one way: it holds a
    repetition, a backreference, or an alternation of anything but distinct literal words."""
    for op, av in _items(body):
        if op in _REPEATS and av[1] > 1:
            return True
        if op in (c.GROUPREF, c.GROUPREF_EXISTS):
            return True
        if op == c.BRANCH and not _deterministic(av):
            return True
        if op == c.SUBPATTERN and _ambiguous(av[-1]):
            return True
        if op in (c.ASSERT, c.ASSERT_NOT):
            continue  # a lookaround does not consume: it cannot multiply the ways
    return False


def _risk(node: Any) -> str | None:
    for op, av in _items(node):
        if op in _REPEATS:
            _lo, hi, body = av
            if op != c.POSSESSIVE_REPEAT and hi > UNBOUNDED and _ambiguous(body):
                return "a repetition of a repetition or alternation (nested quantifiers)"
            found = _risk(body)
        elif op == c.SUBPATTERN:
            found = _risk(av[-1])
        elif op == c.BRANCH:
            found = next((r for b in av[1] if (r := _risk(b)) is not None), None)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            found = _risk(av[1])
        else:
            found = None
        if found is not None:
            return found
    return None


def backtracking_risk(pattern: str, flags: int = 0) -> str | None:
    """Why a pattern could take exponential time, or None when its shape is safe."""
    try:
        return _risk(sre.parse(pattern, flags))
    except re.error:
        return None  # invalid patterns are reported by the compiler with its own message


@lru_cache(maxsize=4096)
def unsafe_reason(pattern: str, flags: int = 0) -> str | None:
    """One line on why a pattern is refused (it cannot compile, or it can backtrack
    catastrophically), or None when it may run."""
    try:
        re.compile(pattern, flags)
    except re.error as e:
        return f"invalid regex {pattern!r}: {e}"
    why = backtracking_risk(pattern, flags)
    if why is not None:
        return f"regex {pattern!r} could take exponential time ({why}): rewrite it"
    return None
