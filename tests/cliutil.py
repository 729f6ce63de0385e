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
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from auditor.cli import run_app

AUDITOR = str(Path(sys.executable).parent / "auditor")
ARTICLE = (
    "# Budget row\n\n"
    "The minister allegedly hid the figures before the vote.\n\n"
    "The general was reportedly dismissed last week.\n"
)


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").replace("\r\n", "\n")


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `auditor ARGS` in this process (in cwd when given), as a user would from a shell."""
    where = contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext()
    with where, CliRunner().isolation() as (out, err, _mixed):
        try:
            code = run_app(list(args), prog_name="auditor")
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = _text(out.getvalue()), _text(err.getvalue())
    return subprocess.CompletedProcess(["auditor", *args], code, stdout, stderr)


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`auditor check ARGS` in cwd, in process."""
    return cli("check", *args, cwd=cwd)


def run_binary(
    *args: str, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """The installed `auditor` command in a real process: for the end-to-end tests only."""
    return subprocess.run(
        [AUDITOR, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


@dataclass
class CliResult:
    """What a command printed and returned, shaped like subprocess.CompletedProcess."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(cwd: Path, *args: str, stdin: str | None = None) -> CliResult:
    """Run `auditor ARGS` in this process, in `cwd`, through the same entry point as the
    installed command (`run_app`), with stdin, stdout and stderr captured."""
    runner = CliRunner()
    with contextlib.chdir(cwd), runner.isolation(input=stdin) as (out, err, _both):
        code = run_app(list(args))
        sys.stdout.flush()
        sys.stderr.flush()
        stdout, stderr = out.getvalue(), err.getvalue()
    return CliResult(code, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"))
