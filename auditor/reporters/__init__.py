"""Report formats. Each reporter turns a Report into one string for stdout or a file."""

from __future__ import annotations

from collections.abc import Callable

from auditor.report import RenderOptions, Report

__all__ = ["RenderOptions", "Reporter", "reporters"]

Reporter = Callable[[Report, RenderOptions], str]


def reporters() -> dict[str, Reporter]:
    from auditor.reporters import (
        concise,
        github,
        html,
        jsonfmt,
        junit,
        markdown,
        sarif,
        text,
    )

    return {
        "text": text.render,
        "concise": concise.render,
        "json": jsonfmt.render,
        "markdown": markdown.render,
        "sarif": sarif.render,
        "junit": junit.render,
        "github": github.render,
        "html": html.render,
    }
