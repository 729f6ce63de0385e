"""`substitution`: a wrong form and the right one (Vale's `substitution`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from auditor.checks import Check, register
from auditor.checks.patterns import hit_span
from auditor.checks.regex_safety import unsafe_reason
from auditor.findings import Hit, render_message
from auditor.options import BadOption, Opt, show

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.packs import Rule


def match_case(replacement: str, original: str) -> str:
    """Give the replacement the case pattern of what it replaces."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def compile_swaps(swap: dict[str, object], ignorecase: bool) -> list[tuple[re.Pattern[str], str]]:
    """The (wrong, right) pairs of a swap table; BadOption names a bad one."""
    flags = re.IGNORECASE if ignorecase else 0
    pairs: list[tuple[re.Pattern[str], str]] = []
    for wrong, right in swap.items():
        if not isinstance(right, str):
            raise BadOption("swap", f"the value for {wrong!r} must be a string, not {show(right)}")
        why = unsafe_reason(wrong, flags)
        if why is not None:
            raise BadOption("swap", why)
        pairs.append((re.compile(wrong, flags), right))
    return pairs


@register
class Substitution(Check):
    kind = "substitution"
    options: ClassVar[dict[str, Opt]] = {
        "swap": Opt(dict, doc="'wrong regex' = 'right form' (\\g<name> refers to a group)",
                    required=True, nonempty=True),
    }  # fmt: skip

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.pairs = compile_swaps(rule.options["swap"], rule.ignorecase)
        swap = rule.options["swap"]
        flags = re.IGNORECASE if rule.ignorecase else 0
        # one pass over the text: every wrong form in a single alternation
        try:
            self.regex = re.compile("|".join(f"(?:{w})" for w in swap), flags)
        except re.error as e:  # each compiles alone: two reuse a group name
            raise BadOption("swap", f"the patterns cannot be joined into one: {e}") from None

    def run(self, doc: Document) -> Iterator[Hit]:
        for m in self.regex.finditer(doc.text):
            for rx, right in self.pairs:
                mm = rx.match(doc.text, m.start())
                if mm is None:
                    continue
                s, e = hit_span(mm)
                suggestion = match_case(mm.expand(right), doc.text[s:e])
                msg = render_message(self.rule.message, match=doc.text[s:e], suggestion=suggestion)
                yield Hit(s, e, msg, (suggestion,))
                break
