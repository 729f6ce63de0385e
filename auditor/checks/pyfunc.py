"""`python`: a rule whose logic is a named function (for what patterns cannot say)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from auditor.checks import Check, register
from auditor.functions import FUNCTIONS, load_functions

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.findings import Hit
    from auditor.packs import Rule


@register
class PythonCheck(Check):
    kind = "python"
    options = frozenset({"function", "options"})

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        name = rule.options.get("function")
        load_functions()
        if not isinstance(name, str) or name not in FUNCTIONS:
            known = ", ".join(sorted(FUNCTIONS)) or "none"
            raise ValueError(f"unknown function {name!r} (known: {known})")
        self.func = FUNCTIONS[name]
        opts = rule.options.get("options", {})
        if not isinstance(opts, dict):
            raise ValueError("'options' must be a table")
        self.opts = dict(opts)
        validate = getattr(self.func, "validate", None)
        if validate is not None:  # a function may check its options at load (ValueError)
            validate(rule, self.opts)

    def run(self, doc: Document) -> Iterable[Hit]:
        opts = {**self.opts, **self.settings} if self.settings else self.opts
        return self.func(doc, self.rule, opts)
