"""The command line: a thin Typer layer over the Pipeline.

`main` is the entry point: every error a user can cause (`AuditorError`) is one line on
stderr and exit 2, never a traceback.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from auditor._version import __version__
from auditor.cli_batch import batch, report_cmd
from auditor.cli_check import check
from auditor.cli_fast import FastCommand, FastGroup
from auditor.cli_lsp import lsp
from auditor.cli_options import warn
from auditor.cli_rules import explain, init, rules_cmd
from auditor.errors import AuditorError

app = typer.Typer(
    cls=FastGroup,
    help="Audit news copy for misinformation signals and text quality.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"auditor {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Audit news copy for misinformation signals and text quality."""


app.command(cls=FastCommand)(check)
app.command(cls=FastCommand)(batch)
app.command("report", cls=FastCommand)(report_cmd)
app.command("rules", cls=FastCommand)(rules_cmd)
app.command(cls=FastCommand)(explain)
app.command(cls=FastCommand)(init)
app.command(cls=FastCommand)(lsp)


def run_app(args: list[str] | None = None) -> int:
    """Run the command line with `args` and return its exit code (what `main` exits with).

    Click reports its own usage errors (exit 2) and exits through SystemExit; everything a
    user can cause beyond that arrives here as an AuditorError.
    """
    try:
        app(args=args, standalone_mode=True)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except AuditorError as e:
        warn(e.line)
        return 2
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    return 0


def main() -> None:
    """Entry point: every expected failure is one line on stderr and exit 2."""
    sys.exit(run_app())
