"""`auditor check`: audit articles and print a scored report (a CI gate's exit code)."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from auditor import api
from auditor.cli_options import (
    BaselineOption,
    ConfigOption,
    DateColumn,
    DialectOption,
    FailUnderOption,
    IdColumn,
    IgnoreOption,
    MaxSizeOption,
    SelectOption,
    Severity,
    StdinFilename,
    TextColumn,
    TitleColumn,
    engines_off_stdout,
    gate,
    input_options,
    usage_dialect,
    usage_timeout,
    use_color,
    warn,
)
from auditor.errors import UsageError
from auditor.pipeline import AuditOptions, Pipeline
from auditor.profile import profile_table
from auditor.report import RenderOptions, Report
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
    list[str] | None, typer.Argument(help="Files or directories to audit; '-' reads stdin.")
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


QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Findings only: no summary lines.")
]
StatisticsOption = Annotated[
    bool, typer.Option("--statistics", help="Print a count per rule instead of the report.")
]
ShowSettingsOption = Annotated[
    Path | None,
    typer.Option(
        "--show-settings",
        metavar="FILE",
        help="Print the settings FILE is audited under; no audit.",
    ),
]
MinSeverityOption = Annotated[
    Severity | None,
    typer.Option(
        "--min-severity", help="Hide findings below this severity (the exit code is unchanged)."
    ),
]


ProfileOption = Annotated[
    bool,
    typer.Option(
        "--profile", help="Print the time per pack and rule on stderr (AUDITOR_PROFILE=1)."
    ),
]
AlsoOption = Annotated[
    list[str] | None,
    typer.Option(
        "--also",
        metavar="FORMAT:FILE",
        help="Also write the report in FORMAT to FILE, from the same run (repeatable).",
    ),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option("--timeout", help="Time limit per document in seconds (0: none; default 120)."),
]


def check(
    paths: PathsArg = None,
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
    quiet: QuietOption = False,
    statistics: StatisticsOption = False,
    show_settings: ShowSettingsOption = None,
    min_severity: MinSeverityOption = None,
    timeout: TimeoutOption = None,
    profile: ProfileOption = False,
    also: AlsoOption = None,
    dialect: DialectOption = None,
) -> None:
    """Audit articles and print a scored report."""
    formats = reporters()
    if fmt not in formats:
        raise UsageError(f"unknown format '{fmt}' (choose from {', '.join(formats)})")
    settings = _grammar_settings(languagetool, languagetool_fallback)
    options = AuditOptions.make(select, ignore, config, baseline, settings, usage_timeout(timeout),
                                usage_dialect(dialect))  # fmt: skip
    if show_settings is not None:
        _write(settings_text(options, show_settings), output)
        return
    if not paths:
        raise UsageError("name the files or folders to audit ('-' reads standard input)")
    extra = _also(also or [], formats)
    inputs = input_options(max_size, id_column, text_column, title_column, date_column,
                           stdin_filename)  # fmt: skip
    with engines_off_stdout():
        done = api.run(paths, options, inputs, baseline_write=baseline_write, on_problem=warn)
    report = done.report
    _say(done, profile, quiet, baseline_write)
    render = RenderOptions(color=use_color(color, output is not None), rules=done.rules,
                           quiet=quiet, fail_on=fail_on.value, fail_under=fail_under,
                           max_warnings=max_warnings)  # fmt: skip
    shown = report.at_least(min_severity.value) if min_severity else report
    _write(statistics_text(shown) if statistics else formats[fmt](shown, render), output)
    for name, path in extra:
        _write(formats[name](shown, replace(render, color=False)), path)
    raise typer.Exit(_exit_code(done, fail_on, fail_under, max_warnings, baseline_write, baseline))


def _say(done: api.Run, profile: bool, quiet: bool, baseline_write: Path | None) -> None:
    """What the run has to say on stderr besides the report: timings, the baseline."""
    wanted = profile or os.environ.get("AUDITOR_PROFILE", "") not in ("", "0")
    if wanted and done.seconds:  # nothing audited (bad input): its one line stays alone
        words = sum(r.doc.words for r in done.report.results)
        sys.stderr.write(profile_table(done.seconds, words))
    if done.baseline_written is not None and not quiet:
        warn(f"wrote {done.baseline_written} finding(s) to the baseline {baseline_write}")
    if done.baselined and not quiet:
        warn(f"{done.baselined} finding(s) already in the baseline were not reported")


def _also(specs: list[str], formats: Mapping[str, object]) -> list[tuple[str, Path]]:
    """--also FORMAT:FILE pairs, checked before the audit runs."""
    out = []
    for spec in specs:
        name, sep, file = spec.partition(":")
        if not sep or not file or name not in formats:
            raise UsageError(
                f"--also takes FORMAT:FILE with FORMAT one of {', '.join(formats)}, not '{spec}'"
            )
        out.append((name, Path(file)))
    return out


def _exit_code(
    done: api.Run,
    fail_on: Severity,
    fail_under: float | None,
    max_warnings: int | None,
    baseline_write: Path | None,
    baseline: Path | None,
) -> int:
    """2 for nothing audited or a missing path, else the gate (0 passes, 1 fails)."""
    report = done.report
    if not report.results:
        if not done.problems:
            warn("nothing was audited")
        return 2
    code = gate(report, fail_on.value, fail_under)
    if max_warnings is not None and report.counts()["warning"] > max_warnings:
        code = 1
    if baseline_write is not None and baseline is None:
        code = 0  # adopting a baseline: the findings just written are accepted
    return 2 if done.missing else code


def statistics_text(report: Report) -> str:
    """A count per rule, most frequent first (as `ruff check --statistics`)."""
    counts: Counter[tuple[str, str]] = Counter(
        (f.rule, f.severity) for r in report.results for f in r.findings
    )
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    return "".join(f"{n:>6}  {sev:<8} {rule}\n" for (rule, sev), n in rows)


def settings_text(options: AuditOptions, file: Path) -> str:
    """The resolved configuration a file is audited under, as TOML a user can read."""
    pipeline = Pipeline(options)
    try:
        settings = pipeline.describe(str(file))
    finally:
        pipeline.close()
    return "".join(f"{k} = {json.dumps(v, default=str)}\n" for k, v in settings.items())
