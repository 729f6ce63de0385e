"""Typer's value coercion without pydantic where it changes nothing (the cold start).

Typer (0.2x) coerces each parameter's value through a pydantic TypeAdapter, built when the
parameter is first processed: for every parameter of the command run, even one left at
None. Importing pydantic and building about 30 adapters was a third of `auditor check`'s
cold start. The commands here give each parameter a shortcut first: a value whose coercion
is the identity (None; a str for a str; a float, int or bool of that exact type without
bounds; an Enum's own member; a list of those) is answered as Typer's adapter would answer
it; any other value goes through Typer's own coercion, built as before, so its errors and
conversions are Typer's. tests/test_cli_fast.py compares every shortcut with Typer's adapter
for every parameter of every command. Without the Typer internals this relies on (another
Typer version), parameters keep Typer's own coercion.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, get_args, get_origin

from typer.core import TyperCommand, TyperGroup

try:
    from typer._coercion import build_runtime_param
except ImportError:  # a Typer without runtime coercion: nothing to shortcut
    build_runtime_param = None  # type: ignore[assignment]

_NO = object()  # no shortcut: Typer's coercion decides


def _same(annotation: Any, info: Any, value: Any) -> Any:
    """`value` when Typer's adapter would return it unchanged, else _NO."""
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        if not isinstance(value, list | tuple):
            return _NO
        items = [_same(item, info, v) for v in value]
        return _NO if any(v is _NO for v in items) else items
    kind = type(value)
    if annotation is str or annotation is bool:
        return value if kind is annotation else _NO
    if annotation is float or annotation is int:
        bounded = info.min is not None or info.max is not None or info.clamp
        return value if kind is annotation and not bounded else _NO
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return value if any(value is member for member in annotation) else _NO
    return _NO


class Shortcut:
    """A parameter's coercion: the identity where it is one, else Typer's own."""

    __slots__ = ("descriptor", "full")

    def __init__(self, descriptor: Any) -> None:
        self.descriptor = descriptor
        self.full: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multi = param.multiple or param.nargs == -1
        if value is None:
            return () if multi else None
        d = self.descriptor
        if d.file_annotation is None and d.parameter_info.parser is None:
            same = _same(d.annotation, d.parameter_info, value)
            if same is not _NO and not (multi and isinstance(value, str)):
                return same
        if self.full is None:
            assert build_runtime_param is not None
            self.full = build_runtime_param(d)
        return self.full.coerce(value, param=param, ctx=ctx)


def shortcut_params(params: list[Any]) -> None:
    """Give each Typer parameter the shortcut (once; Typer's internals permitting)."""
    if build_runtime_param is None:
        return
    for p in params:
        descriptor = getattr(p, "type_descriptor", None)
        if descriptor is not None and getattr(p, "_runtime_param", 0) is None:
            p._runtime_param = Shortcut(descriptor)


class FastCommand(TyperCommand):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        shortcut_params(self.get_params(ctx))
        return super().parse_args(ctx, args)


class FastGroup(TyperGroup):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        shortcut_params(self.get_params(ctx))
        return super().parse_args(ctx, args)
