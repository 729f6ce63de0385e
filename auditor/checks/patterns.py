"""Regex compilation shared by the pattern-based kinds."""

from __future__ import annotations

import re

from auditor.checks.regex_safety import backtracking_risk, unsafe_reason
from auditor.options import BadOption


def compile_patterns(
    patterns: object, ignorecase: bool, what: str = "patterns", trusted: bool = False
) -> re.Pattern[str]:
    """Join a list of regexes into one alternation; raise BadOption naming a bad one (one
    that cannot compile, or, unless `trusted`, one that could backtrack exponentially:
    the shipped packs' patterns are checked by a test instead, at no cost to a run)."""
    if (
        not isinstance(patterns, list)
        or not patterns
        or not all(isinstance(p, str) for p in patterns)
    ):
        raise BadOption(what, "must be a non-empty list of strings")
    flags = re.IGNORECASE if ignorecase else 0
    joined = "|".join(f"(?:{flexible_spaces(p)})" for p in patterns)
    try:
        regex = re.compile(joined, flags)
    except re.error as e:
        for p in patterns:  # name the one at fault
            why = unsafe_reason(p, flags)
            if why is not None:
                raise BadOption(what, why) from None
        raise BadOption(what, f"the patterns cannot be joined into one: {e}") from None
    for p in patterns if not trusted else ():
        why = backtracking_risk(p, flags)
        if why is not None:
            raise BadOption(what, f"regex {p!r} could take exponential time ({why}): rewrite it")
    return regex


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
