"""`auditor check`: audit articles and print a scored report (a CI gate's exit code)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from auditor import api
from auditor.cli_options import (
    BaselineOption,
    ConfigOption,
    DateColumn,
    FailUnderOption,
    IdColumn,
    IgnoreOption,
    MaxSizeOption,
    SelectOption,
    Severity,
    StdinFilename,
    TextColumn,
    TitleColumn,
    gate,
    input_options,
    use_color,
    warn,
)
from auditor.errors import UsageError
from auditor.pipeline import AuditOptions
from auditor.report import RenderOptions
from auditor.reporters import reporters

FormatOption = Annotated[
    str,
    typer.Option(
        "--format", "-f", help="Report format: text, json, markdown, sarif, junit, github or html."
    ),
]


def _grammar_settings(languagetool: str | None, fallback: str) -> dict[str, dict[str, object]]:
    if fallback not in ("harper", "fail"):
        raise UsageError("--languagetool-fallback must be 'harper' or 'fail'")
    if not languagetool:
        return {}
    return {"grammar": {"languagetool": languagetool, "languagetool_fallback": fallback}}


def _write(text: str, output: Path | None) -> None:
    """The report as UTF-8; a lone surrogate from the input becomes U+FFFD, never a crash."""
    data = text.encode("utf-8", errors="replace")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as e:
        raise UsageError(f"cannot write {output}: {e.strerror or e}") from None


PathsArg = Annotated[
    list[str], typer.Argument(help="Files or directories to audit; '-' reads stdin.")
]
FailOnOption = Annotated[
    Severity, typer.Option("--fail-on", help="Exit 1 on a finding this severe or worse.")
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
]
ColorOption = Annotated[
    bool | None,
    typer.Option("--color/--no-color", help="Colour the text report (default: on a terminal)."),
]
BaselineWriteOption = Annotated[
    Path | None,
    typer.Option("--baseline-write", help="Write the current findings to this baseline file."),
]
MaxWarningsOption = Annotated[
    int | None,
    typer.Option("--max-warnings", min=0, help="Exit 1 if there are more warnings than this."),
]
LanguageToolOption = Annotated[
    str | None,
    typer.Option("--languagetool", help="Grammar engine: a LanguageTool server URL, or 'local'."),
]
FallbackOption = Annotated[
    str,
    typer.Option(
        "--languagetool-fallback", help="When LanguageTool fails: 'harper' or 'fail' (exit 2)."
    ),
]


def check(
    paths: PathsArg,
    fmt: FormatOption = "text",
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_under: FailUnderOption = None,
    fail_on: FailOnOption = Severity.error,
    output: OutputOption = None,
    max_size: MaxSizeOption = 10.0,
    color: ColorOption = None,
    config: ConfigOption = None,
    baseline: BaselineOption = None,
    baseline_write: BaselineWriteOption = None,
    max_warnings: MaxWarningsOption = None,
    languagetool: LanguageToolOption = None,
    languagetool_fallback: FallbackOption = "harper",
    stdin_filename: StdinFilename = None,
    id_column: IdColumn = "id",
    text_column: TextColumn = "text",
    title_column: TitleColumn = "title",
    date_column: DateColumn = "date",
) -> None:
    """Audit articles and print a scored report."""
    formats = reporters()
    if fmt not in formats:
        raise UsageError(f"unknown format '{fmt}' (choose from {', '.join(formats)})")
    options = AuditOptions.make(
        select, ignore, config, baseline, _grammar_settings(languagetool, languagetool_fallback)
    )
    inputs = input_options(max_size, id_column, text_column, title_column, date_column,
                           stdin_filename)  # fmt: skip
    done = api.run(paths, options, inputs, baseline_write=baseline_write, on_problem=warn)
    report = done.report
    if done.baseline_written is not None:
        warn(f"wrote {done.baseline_written} finding(s) to the baseline {baseline_write}")
    if done.baselined:
        warn(f"{done.baselined} finding(s) already in the baseline were not reported")
    render = RenderOptions(color=use_color(color, output is not None), rules=done.rules)
    _write(formats[fmt](report, render), output)
    if not report.results:
        if not done.problems:
            warn("nothing was audited")
        raise typer.Exit(2)
    code = gate(report, fail_on.value, fail_under)
    if max_warnings is not None and report.counts()["warning"] > max_warnings:
        code = 1
    if baseline_write is not None and baseline is None:
        code = 0  # adopting a baseline: the findings just written are accepted
    if done.missing:
        code = 2
    raise typer.Exit(code)
