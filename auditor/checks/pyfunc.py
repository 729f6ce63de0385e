"""`python`: a rule whose logic is a named function (for what patterns cannot say)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from auditor.checks import Check, register
from auditor.functions import FUNCTIONS, OPTIONS, PARSES, load_function, load_functions
from auditor.options import BadOption, Opt, coerce_table

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.findings import Hit
    from auditor.packs import Rule


@register
class PythonCheck(Check):
    kind = "python"
    options: ClassVar[dict[str, Opt]] = {
        "function": Opt(str, doc="a function registered in auditor/functions/", required=True),
        "options": Opt(dict, {}, doc="the function's options"),
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        name = rule.options.get("function")
        if isinstance(name, str):
            load_function(name)
        if name not in FUNCTIONS:
            load_functions()  # for the list of known names
            known = ", ".join(sorted(FUNCTIONS)) or "none"
            raise BadOption("function", f"unknown function {name!r} (known: {known})")
        assert isinstance(name, str)
        self.func = FUNCTIONS[name]
        self.parses = name in PARSES
        self.declared: dict[str, Opt] | None = OPTIONS.get(name)
        table = dict(rule.options.get("options", {}))
        if self.declared is not None:
            given = coerce_table(self.declared, table, prefix="options.")
            table = {k: given[k] if k in given else o.initial() for k, o in self.declared.items()}
        self.base = table
        self.opts = table  # what the function gets: the base, with the run's settings
        validate = getattr(self.func, "validate", None)
        if validate is not None:  # a function may check more at load (ValueError)
            validate(rule, self.opts)

    def settable(self) -> dict[str, Opt]:
        return {k: o for k, o in (self.declared or {}).items() if o.setting}

    def configure(self, settings: dict[str, Any]) -> None:
        super().configure(settings)
        self.opts = {**self.base, **self.settings} if self.settings else self.base

    def variant(self, overrides: dict[str, Any]) -> tuple[Rule, dict[str, Any]]:
        """An example's `options` are the function's options."""
        table = {**self.rule.options.get("options", {}), **overrides}
        rule = replace(self.rule, options={**self.rule.options, "options": table}, _check=None)
        rule.check = type(self)(rule)
        return rule, {}

    def warm(self) -> None:
        if self.parses:
            from auditor.analysis import nlp

            nlp()

    def run(self, doc: Document) -> Iterable[Hit]:
        return self.func(doc, self.rule, self.opts)
