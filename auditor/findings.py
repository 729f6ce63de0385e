"""What checks produce (Hit, in view offsets) and what reports carry (Finding)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(slots=True)
class Hit:
    """One thing a check found, in view offsets.

    `rule` names a sub-rule when one check block stands for many (an engine such as Harper
    reports `grammar.harper.<RuleName>`); by default the hit belongs to the rule that ran.
    """

    start: int
    end: int
    message: str | None = None
    suggestions: tuple[str, ...] = ()
    severity: str | None = None
    rule: str | None = None
    data: dict[str, object] | None = None


@dataclass(slots=True)
class Finding:
    """A finding as reported: offsets into the original text, line and column 1-based."""

    rule: str
    pack: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    text: str
    suggestions: list[str] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "rule": self.rule,
            "pack": self.pack,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "suggestions": list(self.suggestions),
        }
        out.update(self.extra)
        return out


_FIELD = re.compile(r"\{(\w+)\}")


def render_message(template: str, **values: object) -> str:
    """Fill {name} fields; unknown fields and stray braces are left as written."""
    return _FIELD.sub(lambda m: _one_line(values[m.group(1)]) if m.group(1) in values
                      else m.group(0), template)  # fmt: skip


def _one_line(value: object) -> str:
    """A matched phrase may span a hard line wrap: a message shows it on one line."""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def matches_prefix(rule_id: str, prefixes: list[str] | tuple[str, ...]) -> bool:
    """Whether a rule id falls under any of the prefixes ("hedges" covers "hedges.x")."""
    for p in prefixes:
        p = p.rstrip(".")
        if p in ("", "ALL", "all") or rule_id == p or rule_id.startswith(p + "."):
            return True
    return False
