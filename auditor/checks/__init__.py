"""Check kinds: the code that rule packs (data) are run by.

A kind is a class built from one rule block. Its constructor validates the rule's options
and raises ValueError with a plain message when they are wrong, so a malformed pack fails
at load time; `run` yields Hits in view offsets. Scope, exceptions and quotations are
handled once, by the engine, for every kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.findings import Hit
    from auditor.packs import Rule


class Check:
    """Base class of a check kind."""

    kind: ClassVar[str] = ""
    # rule keys this kind reads, beyond the ones every rule has
    options: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.settings: dict[str, Any] = {}

    def configure(self, settings: dict[str, Any]) -> None:
        """Take the run's settings for this rule's pack (configuration, command line)."""
        self.settings = settings

    def run(self, doc: Document) -> Iterable[Hit]:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the check holds (an engine process, a connection)."""


KINDS: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    KINDS[cls.kind] = cls
    return cls


def load_kinds() -> dict[str, type[Check]]:
    """Import the modules that define kinds (each registers itself)."""
    from auditor.checks import engines, existence, pyfunc, sequence, substitution  # noqa: F401

    return KINDS
