"""Functions behind `kind = "python"` rules, registered by name.

A function takes (document, rule, options) and yields Hits in view offsets. It declares the
options it reads, as typed `Opt`s: the python kind checks a rule's `options` table against
them when the pack loads, and hands the function every declared option (the run's setting,
else the rule's value, else the default). A function that declares nothing (options=None)
gets the rule's table unchecked. Each pack that needs code has its own module here;
`load_functions` imports them all.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.findings import Hit
    from auditor.options import Opt
    from auditor.packs import Rule

RuleFunction = Callable[["Document", "Rule", dict[str, Any]], Iterable["Hit"]]
FUNCTIONS: dict[str, RuleFunction] = {}
OPTIONS: dict[str, dict[str, Opt]] = {}  # function name -> the options it declares
PARSES: set[str] = set()  # functions that may ask the analysis layer for a parse
_loaded = False


def rule_function(
    name: str, options: dict[str, Opt] | None = None, *, parses: bool = False
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under `name`, with the options it reads (None: undeclared,
    the rule's options table is passed through unchecked); `parses`: it may ask the
    analysis layer for a parse, so a batch worker loads the model before its first
    document."""

    def deco(func: RuleFunction) -> RuleFunction:
        FUNCTIONS[name] = func
        if options is not None:
            OPTIONS[name] = dict(options)
        if parses:
            PARSES.add(name)
        return func

    return deco


# where each pack's functions live, so that one rule loads its own module only (the causal
# lexicon and lemminflect are not loaded for a hedges-only check)
MODULES = {"causal": ("causal",), "hedges": ("weasel",),
           "grammar": ("grammar", "grammar_agreement", "grammar_subject")}  # fmt: skip


def load_function(name: str) -> None:
    """Import the module that registers `name` (every module when it is not known)."""
    if name in FUNCTIONS:
        return
    for mod in MODULES.get(name.split(".", 1)[0], ()):
        importlib.import_module(f"{__name__}.{mod}")
    if name not in FUNCTIONS:
        load_functions()


def load_functions() -> None:
    global _loaded
    if _loaded:
        return
    for mod in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{mod.name}")
    _loaded = True
