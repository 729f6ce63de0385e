"""What the CLI tests share: the installed `auditor` command and a small hedged article."""

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


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `auditor check ARGS` in cwd, as a user would."""
    return subprocess.run(
        [AUDITOR, "check", *args], cwd=cwd, capture_output=True, text=True, timeout=60
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
