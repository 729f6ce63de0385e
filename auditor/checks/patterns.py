"""Regex compilation shared by the pattern-based kinds."""

from __future__ import annotations

import re

from auditor.checks.regex_safety import unsafe_reason
from auditor.options import BadOption


def compile_patterns(patterns: object, ignorecase: bool, what: str = "patterns") -> re.Pattern[str]:
    """Join a list of regexes into one alternation; raise BadOption naming a bad one."""
    if (
        not isinstance(patterns, list)
        or not patterns
        or not all(isinstance(p, str) for p in patterns)
    ):
        raise BadOption(what, "must be a non-empty list of strings")
    flags = re.IGNORECASE if ignorecase else 0
    for p in patterns:
        why = unsafe_reason(p, flags)
        if why is not None:
            raise BadOption(what, why)
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(joined, flags)


def hit_span(m: re.Match[str]) -> tuple[int, int]:
    """The span to report: the group named `m` when the pattern has one, else the match."""
    if "m" in m.re.groupindex and m.start("m") >= 0:
        return m.span("m")
    return m.span()
