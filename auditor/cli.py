"""The command line: a thin Typer layer over the Pipeline.

`main` is the entry point: every error a user can cause (`AuditorError`) is one line on
stderr and exit 2, never a traceback.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable
from typing import Annotated, Any

import typer

from auditor._version import __version__
from auditor.cli_fast import FastCommand, FastGroup
from auditor.cli_options import warn
from auditor.errors import AuditorError

# name -> (module, function): a run imports and declares only the command it runs
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("auditor.cli_check", "check"),
    "batch": ("auditor.cli_batch", "batch"),
    "report": ("auditor.cli_batch", "report_cmd"),
    "rules": ("auditor.cli_rules", "rules_cmd"),
    "explain": ("auditor.cli_rules", "explain"),
    "init": ("auditor.cli_rules", "init"),
    "lsp": ("auditor.cli_lsp", "lsp"),
}


def _version(value: bool) -> None:
    if value:
        print(f"auditor {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Audit news copy for misinformation signals and text quality."""


def build_app(names: Iterable[str] = COMMANDS) -> typer.Typer:
    """The command line with the named commands (all of them by default)."""
    app = typer.Typer(
        cls=FastGroup,
        help="Audit news copy for misinformation signals and text quality.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(_root)
    for name in names:
        module, function = COMMANDS[name]
        app.command(name, cls=FastCommand)(getattr(importlib.import_module(module), function))
    return app


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole command line, built on first use
        app = globals()["app"] = build_app()
        return app
    raise AttributeError(f"module 'auditor.cli' has no attribute {name!r}")


def run_app(args: list[str] | None = None) -> int:
    """Run the command line with `args` and return its exit code (what `main` exits with).

    Click reports its own usage errors (exit 2) and exits through SystemExit; everything a
    user can cause beyond that arrives here as an AuditorError.
    """
    argv = sys.argv[1:] if args is None else args
    # `auditor check ...` needs only `check`: its command alone is declared (Typer builds
    # every declared command's parameters per run), the others' modules are not imported
    app = build_app([argv[0]]) if argv and argv[0] in COMMANDS else build_app()
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
