"""`auditor lsp`: the Language Server command. pygls is imported only when it runs, so
`auditor check` never pays for it."""

from __future__ import annotations

from typing import Annotated

import typer

from auditor.cli_options import ConfigOption


def lsp(
    stdio: Annotated[
        bool,
        typer.Option("--stdio", help="Talk over stdin/stdout (the default and only transport)."),
    ] = True,
    config: ConfigOption = None,
    debounce_ms: Annotated[
        int, typer.Option("--debounce-ms", min=0, help="Re-check this long after the last edit.")
    ] = 300,
) -> None:
    """Run the Language Server over stdio: diagnostics as you type, quick fixes, hovers."""
    from auditor.lsp import serve
    from auditor.pipeline import AuditOptions

    serve(AuditOptions.make(config=config), debounce_ms / 1000)
