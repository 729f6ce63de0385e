"""What the CLI tests share: the command line run in process, the installed `auditor` command
for the few end-to-end tests, and a small hedged article.

`cli()` runs `auditor ARGS` inside the test process through `auditor.cli.run_app`, the
function the installed command's `main()` calls, so the one-line `auditor: ...` errors and
their exit code 2 are the real mapping, not a copy. It returns what `subprocess.run` would:
the exit code, stdout and stderr. A real process costs seconds of imports and engine set-up
each time; keep those for `run_binary()` and the tests marked `e2e`.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from auditor.cli import run_app
from auditor.engines import languagetool

AUDITOR = str(Path(sys.executable).parent / "auditor")
ARTICLE = (
    "# Budget row\n\n"
    "The minister allegedly hid the figures before the vote.\n\n"
    "The general was reportedly dismissed last week.\n"
)

# What a command returns: exit code, stdout and stderr, as from subprocess.run(text=True).
CliResult = subprocess.CompletedProcess[str]


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").replace("\r\n", "\n")


def cli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> CliResult:
    """Run `auditor ARGS` in this process (in cwd when given), as a user would from a shell."""
    # a real process starts with no LanguageTool session: neither does an in-process run
    languagetool._SESSIONS.clear()
    where = contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext()
    with where, CliRunner().isolation(input=stdin) as (out, err, _mixed):
        try:
            code = run_app(list(args))
        except Exception as e:  # a bug: a real process would print a traceback, exit 1
            sys.stderr.flush()
            e.add_note(f"in-process `auditor {' '.join(args)}`; stderr:\n{_text(err.getvalue())}")
            raise
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = _text(out.getvalue()), _text(err.getvalue())
    return subprocess.CompletedProcess(["auditor", *args], code, stdout, stderr)


def run_cli(cwd: Path, *args: str, stdin: str | None = None) -> CliResult:
    """`auditor ARGS` in cwd, in process (with `stdin` as its standard input)."""
    return cli(*args, cwd=cwd, stdin=stdin)


def run(cwd: Path, *args: str) -> CliResult:
    """`auditor check ARGS` in cwd, in process."""
    return cli("check", *args, cwd=cwd)


def run_binary(*args: str, cwd: Path | None = None, timeout: float = 300) -> CliResult:
    """The installed `auditor` command in a real process: for the end-to-end tests only."""
    return subprocess.run(
        [AUDITOR, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
