"""Report formats. Each reporter turns a Report into one string for stdout or a file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from auditor.report import Report


@dataclass
class RenderOptions:
    color: bool = False


Reporter = Callable[[Report, RenderOptions], str]


def reporters() -> dict[str, Reporter]:
    from auditor.reporters import jsonfmt, markdown, text

    return {"text": text.render, "json": jsonfmt.render, "markdown": markdown.render}
