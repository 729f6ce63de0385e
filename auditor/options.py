"""Typed options: what a check kind (or a rule function) reads, with its type and default.

Each kind declares its options as `Opt`s; a rule's keys are coerced when its pack loads,
and the run's settings (the configuration's `[packs.<pack>]` tables, the command line)
when a run starts. A wrong type, an unknown key or a bad value is one line naming where
it was written, the key and the problem; never a traceback from deep inside a check.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditor.errors import OptionError

if TYPE_CHECKING:
    from auditor.packs import Pack

_TYPE_NAMES: dict[type, str] = {
    int: "an integer",
    float: "a number",
    bool: "true or false",
    str: "a string",
    list: "a list of strings",
    dict: "a table",
    object: "any value",  # checked by the kind itself
}


@dataclass(frozen=True)
class Opt:
    """One option: its type, default and bounds, and whether a run may set it.

    `type` is int, float, bool, str, list (a list of strings), dict (a table) or object
    (anything: the kind checks it, as a kind declaring a set of keys does); `choices`
    restricts a string, or each string of a list, to a few values. `setting` means the
    option may also be set per run, in the configuration's `[packs.<pack>]` table, where
    it overrides the rule's value.
    """

    type: type
    default: Any = None
    doc: str = ""
    minimum: float | None = None
    maximum: float | None = None
    positive: bool = False  # a number above 0
    choices: tuple[str, ...] | None = None
    required: bool = False
    nonempty: bool = False  # a string, list or table that must not be empty
    split: bool = False  # a list that may also be written "a, b c" (one string)
    setting: bool = False

    def __post_init__(self) -> None:
        if self.type not in _TYPE_NAMES:
            raise TypeError(f"unsupported option type {self.type!r}")

    def initial(self) -> Any:
        """The default, as a fresh value (a list or table default is never shared)."""
        return copy.deepcopy(self.default)

    def describe(self) -> str:
        """The type in words, for `auditor rules` and for messages: "an integer >= 1"."""
        what = _TYPE_NAMES[self.type]
        if self.choices:
            one = "one of" if self.type is not list else "a list of"
            what = f"{one} {', '.join(self.choices)}"
        if self.minimum is not None:
            what += f" >= {self.minimum:g}"
        if self.maximum is not None:
            what += f" <= {self.maximum:g}"
        if self.positive:
            what += " > 0"
        return what


class BadOption(ValueError):
    """A problem with one option, raised by a kind's constructor: the pack loader adds the
    file and the rule ("FILE: rule RULE: option 'KEY': PROBLEM")."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"option '{key}': {problem}")
        self.key = key
        self.problem = problem


def show(value: object) -> str:
    """A value as the user wrote it in TOML, for "not ..." in a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37] + "...")
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, int | float):
        return repr(value)
    return f"a {type(value).__name__}"


def _number(spec: Opt, value: object) -> int | float:
    if spec.type is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be an integer, not {show(value)}")
        out: int | float = value
    else:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"must be a number, not {show(value)}")
        if not math.isfinite(value):
            raise ValueError(f"must be a finite number, not {show(value)}")
        out = float(value)
    if spec.minimum is not None and out < spec.minimum:
        raise ValueError(f"must be at least {spec.minimum:g}, not {show(value)}")
    if spec.maximum is not None and out > spec.maximum:
        raise ValueError(f"must be at most {spec.maximum:g}, not {show(value)}")
    if spec.positive and out <= 0:
        raise ValueError(f"must be more than 0, not {show(value)}")
    return out


def _strings(spec: Opt, value: object) -> list[str]:
    if spec.split and isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"must be a list of strings, not {show(value)}")
    if spec.choices is not None:
        for v in value:
            if v not in spec.choices:
                raise ValueError(f"must list only {', '.join(spec.choices)}, not {show(v)}")
    return list(value)


def coerce(spec: Opt, value: object) -> Any:
    """The value checked against its Opt (an int is accepted for a float); ValueError with
    a plain problem ("must be an integer, not 'x'") otherwise."""
    if spec.type is int or spec.type is float:
        return _number(spec, value)
    if spec.type is bool:
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, not {show(value)}")
        return value
    if spec.type is str:
        if not isinstance(value, str):
            raise ValueError(f"must be a string, not {show(value)}")
        if spec.choices is not None and value not in spec.choices:
            raise ValueError(f"must be one of {', '.join(spec.choices)}, not {show(value)}")
        out: Any = value
    elif spec.type is list:
        out = _strings(spec, value)
    elif spec.type is object:
        return value
    else:
        if not isinstance(value, dict):
            raise ValueError(f"must be a table, not {show(value)}")
        out = dict(value)
    if spec.nonempty and not out:
        raise ValueError("must not be empty")
    return out


def coerce_table(
    specs: Mapping[str, Opt], table: Mapping[str, Any], prefix: str = ""
) -> dict[str, Any]:
    """Every key of a table coerced; BadOption names an unknown, missing or bad key."""
    unknown = sorted(set(table) - set(specs))
    if unknown:
        known = ", ".join(sorted(specs)) or "none"
        raise BadOption(prefix + unknown[0], f"unknown (known: {known})")
    out: dict[str, Any] = {}
    for key, spec in specs.items():
        if key not in table:
            if spec.required:
                raise BadOption(prefix + key, f"required ({spec.describe()})")
            continue
        try:
            out[key] = coerce(spec, table[key])
        except ValueError as e:
            raise BadOption(prefix + key, str(e)) from None
    return out


def validate_settings(
    packs: list[Pack], settings: Mapping[str, Any], where: str
) -> dict[str, dict[str, Any]]:
    """The run's pack settings (`{pack: {key: value}}`), each value coerced by the Opt of
    every rule that reads it; OptionError, one line starting with `where` (a file, or
    "command line"), for a pack that does not exist, a key no rule of the pack reads, or
    a value of the wrong type or out of bounds."""
    by_id = {p.id: p for p in packs}
    out: dict[str, dict[str, Any]] = {}
    for pack_id, table in settings.items():
        pack = by_id.get(pack_id)
        if pack is None:
            raise OptionError(f"{where}: packs.{pack_id}: no such pack")
        if not isinstance(table, Mapping):
            raise OptionError(f"{where}: packs.{pack_id}: must be a table, not {show(table)}")
        readers: dict[str, list[tuple[str, Opt]]] = {}
        for rule in pack.rules:
            if rule.check is None:
                continue
            for key, spec in rule.check.settable().items():
                readers.setdefault(key, []).append((rule.id, spec))
        typed: dict[str, Any] = {}
        for key, value in table.items():
            if key not in readers:
                known = ", ".join(sorted(readers)) or "none"
                raise OptionError(
                    f"{where}: packs.{pack_id}: unknown option '{key}' (known: {known})"
                )
            for rule_id, spec in readers[key]:
                try:
                    coerced = coerce(spec, value)
                except ValueError as e:
                    raise OptionError(
                        f"{where}: packs.{pack_id}.{key}: {e} (rule {rule_id})"
                    ) from None
                typed.setdefault(key, coerced)
        out[pack_id] = typed
    return out
