"""Functions behind `kind = "python"` rules, registered by name.

A function takes (document, rule, options) and yields Hits in view offsets. Each pack that
needs code has its own module here; `load_functions` imports them all.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.findings import Hit
    from auditor.packs import Rule

RuleFunction = Callable[["Document", "Rule", dict[str, Any]], Iterable["Hit"]]
FUNCTIONS: dict[str, RuleFunction] = {}
_loaded = False


def rule_function(name: str) -> Callable[[RuleFunction], RuleFunction]:
    def deco(func: RuleFunction) -> RuleFunction:
        FUNCTIONS[name] = func
        return func

    return deco


def load_functions() -> None:
    global _loaded
    if _loaded:
        return
    for mod in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{mod.name}")
    _loaded = True
