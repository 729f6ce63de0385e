"""Check kinds: the code that rule packs (data) are run by.

A kind is a class built from one rule block. It declares the rule keys it reads as typed
options (`auditor.options.Opt`); the pack loader coerces them before the constructor runs,
and the constructor checks what types cannot say (a regex, a measure's bound), raising
ValueError (BadOption to name the key) so a malformed pack fails at load time. `run`
yields Hits in view offsets. Scope, exceptions and quotations are handled once, by the
engine, for every kind.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from auditor.errors import OptionError
from auditor.options import BadOption, Opt, coerce

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.findings import Hit
    from auditor.packs import Rule


class Check:
    """Base class of a check kind."""

    kind: ClassVar[str] = ""
    # rule keys this kind reads, beyond the ones every rule has; those with setting=True
    # may also be set per run, in the configuration's [packs.<pack>] table
    options: ClassVar[dict[str, Opt]] = {}
    # keys only a run sets (a server URL, a house word list), never a rule
    run_options: ClassVar[dict[str, Opt]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if isinstance(cls.__dict__.get("options"), set | frozenset):
            # a kind written for the untyped API (a set of key names): any value, checked
            # by the kind itself
            cls.options = {k: Opt(object) for k in sorted(cls.__dict__["options"])}

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.settings: dict[str, Any] = {}

    def settable(self) -> dict[str, Opt]:
        """The keys a run may set for this rule, with their types."""
        out = {k: o for k, o in self.options.items() if o.setting}
        out.update(self.run_options)
        return out

    def configure(self, settings: dict[str, Any]) -> None:
        """Take the run's settings for this rule's pack (configuration, command line).

        Only the keys this rule reads are kept, coerced to their types; the others belong
        to other rules of the pack (`auditor.options.validate_settings` rejects keys that
        no rule reads)."""
        typed: dict[str, Any] = {}
        for key, spec in self.settable().items():
            if key not in settings:
                continue
            try:
                typed[key] = coerce(spec, settings[key])
            except ValueError as e:
                raise OptionError(
                    f"packs.{self.rule.pack}.{key}: {e} (rule {self.rule.id})"
                ) from None
        self.settings = typed

    def value(self, key: str) -> Any:
        """An option's value for this run: the run's setting, else the rule's, else the
        default."""
        if key in self.settings:
            return self.settings[key]
        if key in self.rule.options:
            return self.rule.options[key]
        spec = self.options.get(key) or self.run_options[key]
        return spec.initial()

    def variant(self, overrides: dict[str, Any]) -> tuple[Rule, dict[str, Any]]:
        """The rule with some options replaced (an example's `options`), checked by building
        its check, and the run settings among them (keys only a run sets). BadOption names
        an unknown key or a bad value."""
        rule_keys: dict[str, Any] = {}
        run_keys: dict[str, Any] = {}
        for key, value in overrides.items():
            spec = self.options.get(key) or self.run_options.get(key)
            if spec is None:
                known = ", ".join(sorted({*self.options, *self.run_options})) or "none"
                raise BadOption(key, f"unknown (known: {known})")
            try:
                typed = coerce(spec, value)
            except ValueError as e:
                raise BadOption(key, str(e)) from None
            (rule_keys if key in self.options else run_keys)[key] = typed
        rule = replace(self.rule, options={**self.rule.options, **rule_keys}, _check=None)
        rule.check = type(self)(rule)
        return rule, run_keys

    def run(self, doc: Document) -> Iterable[Hit]:
        raise NotImplementedError

    def warm(self) -> None:
        """Do the check's one-off set-up now rather than on its first document (a batch
        worker's set-up, before any document)."""

    def close(self) -> None:
        """Release what the check holds (an engine process, a connection)."""


KINDS: dict[str, type[Check]] = {}
_loaded = False


def register(cls: type[Check]) -> type[Check]:
    KINDS[cls.kind] = cls
    return cls


def load_kinds() -> dict[str, type[Check]]:
    """Import the modules of this package (each kind registers itself)."""
    global _loaded
    if not _loaded:
        for mod in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{mod.name}")
        _loaded = True
    return KINDS
