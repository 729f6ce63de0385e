"""What the commands share: option declarations, the one-line warning, the exit gate."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from auditor.dialect import engine_dialect
from auditor.errors import UsageError
from auditor.findings import SEVERITY_RANK
from auditor.inputs import InputOptions
from auditor.limits import check_timeout
from auditor.report import Report


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    none = "none"


SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select", metavar="PREFIX", help="Run only rules with this id prefix (repeatable)."
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option("--ignore", metavar="PREFIX", help="Skip rules with this id prefix (repeatable)."),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Use this auditor.toml / pyproject.toml for every file."),
]
BaselineOption = Annotated[
    Path | None,
    typer.Option("--baseline", help="Report and gate only on findings not in this baseline."),
]
FailUnderOption = Annotated[
    float | None, typer.Option("--fail-under", help="Exit 1 if a document scores below this.")
]
MaxSizeOption = Annotated[
    float, typer.Option("--max-size", help="Largest file to read, in MB (a positive number).")
]
IdColumn = Annotated[str, typer.Option("--id-column", help="Record id field.")]
TextColumn = Annotated[str, typer.Option("--text-column", help="Record text field.")]
TitleColumn = Annotated[str, typer.Option("--title-column", help="Record title field.")]
DateColumn = Annotated[str, typer.Option("--date-column", help="Record date field.")]
DialectOption = Annotated[
    str | None,
    typer.Option(
        "--dialect", help="House spelling: en-GB (default), en-US, en-AU, en-CA or en-IN."
    ),
]
StdinFilename = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename",
        help="Name standard input ('-') in the report; its extension picks the reader.",
    ),
]


def input_options(
    max_size: float,
    id_column: str = "id",
    text_column: str = "text",
    title_column: str = "title",
    date_column: str = "date",
    stdin_filename: str | None = None,
) -> InputOptions:
    """The readers' options; a size that is not a positive finite number is a usage error."""
    if not math.isfinite(max_size) or max_size <= 0:
        raise UsageError(f"--max-size must be a positive number of MB, not {max_size:g}")
    max_bytes = min(int(max_size * 1024 * 1024), sys.maxsize)
    return InputOptions(id_column, text_column, title_column, date_column, max_bytes,
                        stdin_filename)  # fmt: skip


def usage_timeout(seconds: float | None) -> float | None:
    """--timeout: a finite number of seconds, 0 for none; anything else is a usage error."""
    if seconds is None:
        return None
    try:
        return check_timeout(seconds, "--timeout")
    except ValueError as e:
        raise UsageError(str(e)) from None


def usage_dialect(name: str | None) -> str | None:
    """--dialect: one of the dialects the grammar engine knows."""
    if name is None:
        return None
    try:
        engine_dialect(name)
    except ValueError as e:
        raise UsageError(f"--dialect {e}") from None
    return name


def warn(line: str) -> None:
    """One line on stderr, prefixed so it is clear who speaks."""
    print(f"auditor: {line}", file=sys.stderr)


def use_color(flag: bool | None, to_file: bool) -> bool:
    if flag is not None:
        return flag
    return not to_file and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def gate(report: Report, fail_on: str, fail_under: float | None) -> int:
    """0 when the gate passes, 1 when it fails."""
    if fail_on != "none":
        worst = report.worst_severity()
        if worst is not None and SEVERITY_RANK[worst] >= SEVERITY_RANK[fail_on]:
            return 1
    if fail_under is not None and any(r.score < fail_under for r in report.results):
        return 1
    return 0


@contextmanager
def engines_off_stdout() -> Iterator[None]:
    """Keep what native engines print (Harper's debug lines) off the report's stdout.

    File descriptor 1 points at /dev/null while the audit runs; Python's own sys.stdout
    keeps the real stdout through a duplicate descriptor, so the report still goes there.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        fd = -1
    if fd != 1:  # not the process's stdout (a test runner's capture): nothing to guard
        yield
        return
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    old = sys.stdout
    sys.stdout = open(saved, "w", encoding=old.encoding, errors=old.errors, closefd=False)  # noqa: SIM115
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stdout = old
        os.dup2(saved, 1)
        os.close(saved)
