"""Regex compilation shared by the pattern-based kinds."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator

from auditor.checks.regex_safety import backtracking_risk, unsafe_reason
from auditor.options import BadOption


class LazyPattern:
    """A regex compiled on first use: a run compiles only the patterns it needs (a rule's
    patterns, or its source, built only once a document holds one of its anchors)."""

    __slots__ = ("_regex", "_source", "flags")

    def __init__(self, pattern: str | Callable[[], str], flags: int) -> None:
        self._source, self.flags = pattern, flags
        self._regex: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        if not isinstance(self._source, str):
            self._source = self._source()
        return self._source

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.pattern, self.flags)
        return self._regex

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, endpos)


def compile_patterns(
    patterns: object, ignorecase: bool, what: str = "patterns", trusted: bool = False
) -> LazyPattern:
    """Join a list of regexes into one alternation; raise BadOption naming a bad one (one
    that cannot compile, or, unless `trusted`, one that could backtrack exponentially).
    The shipped packs' patterns (`trusted`) are checked by tests instead, at no cost to a
    run: they are joined and compiled on first use."""
    if (
        not isinstance(patterns, list)
        or not patterns
        or not all(isinstance(p, str) for p in patterns)
    ):
        raise BadOption(what, "must be a non-empty list of strings")
    flags = re.IGNORECASE if ignorecase else 0
    parts = tuple(patterns)
    lazy = LazyPattern(lambda: "|".join(f"(?:{flexible_spaces(p)})" for p in parts), flags)
    if trusted:
        return lazy
    try:
        _ = lazy.regex
    except re.error as e:
        for p in patterns:  # name the one at fault
            why = unsafe_reason(p, flags)
            if why is not None:
                raise BadOption(what, why) from None
        raise BadOption(what, f"the patterns cannot be joined into one: {e}") from None
    for p in patterns:
        why = backtracking_risk(p, flags)
        if why is not None:
            raise BadOption(what, f"regex {p!r} could take exponential time ({why}): rewrite it")
    return lazy


def flexible_spaces(pattern: str) -> str:
    """A literal space in a rule's pattern matches any run of whitespace, so a phrase
    still matches across a hard line wrap ("some analysts\nclaim") or the spaces a
    Markdown view leaves for markup ("**some** analysts"). A space before `?` becomes
    optional whitespace; spaces inside a character class, a look-behind (which must keep
    its width) or escaped stay as written."""
    out: list[str] = []
    i, in_class, behind, depth = 0, False, 0, 0  # behind: the depth a look-behind opened at
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or pattern[i - 1] == "["
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
            if not behind and pattern.startswith(("(?<=", "(?<!"), i):
                behind = depth
        elif ch == ")":
            if behind == depth:
                behind = 0
            depth -= 1
        elif ch == " " and not behind:
            nxt = pattern[i + 1 : i + 2]
            if nxt == "?":
                out.append(r"\s*")
                i += 2
                continue
            if nxt not in ("*", "+", "{"):
                out.append(r"\s+")
                i += 1
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def hit_span(m: re.Match[str]) -> tuple[int, int]:
    """The span to report: the group named `m` when the pattern has one, else the match."""
    if "m" in m.re.groupindex and m.start("m") >= 0:
        return m.span("m")
    return m.span()
