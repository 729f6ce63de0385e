"""Report formats. Each reporter turns a Report into one string for stdout or a file.

A format's module is imported when the format is used, so a text report does not load the
HTML reporter's Markdown renderer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from auditor.report import RenderOptions, Report

__all__ = ["FORMATS", "RenderOptions", "Reporter", "reporters"]

Reporter = Callable[[Report, RenderOptions], str]
# format name -> the module under auditor.reporters that renders it
FORMATS = {"text": "text", "concise": "concise", "json": "jsonfmt", "markdown": "markdown",
           "sarif": "sarif", "junit": "junit", "github": "github", "html": "html"}  # fmt: skip


def _lazy(module: str) -> Reporter:
    def render(report: Report, options: RenderOptions) -> str:
        mod = importlib.import_module(f"auditor.reporters.{module}")
        out: str = mod.render(report, options)
        return out

    return render


def reporters() -> dict[str, Reporter]:
    """Every format's reporter, by name (each loads its module on first use)."""
    return {name: _lazy(module) for name, module in FORMATS.items()}
