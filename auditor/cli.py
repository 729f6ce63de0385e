"""The command line: `auditor check`, `auditor rules`, `auditor explain`."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from auditor import __version__
from auditor.config import write_starter
from auditor.errors import AuditorError, EngineUnavailable, UsageError
from auditor.findings import SEVERITY_RANK
from auditor.pipeline import CheckOptions, project_packs, run_check
from auditor.reporters import RenderOptions, reporters
from auditor.run import collect, warn

app = typer.Typer(
    help="Audit news copy for misinformation signals and text quality.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


# Options that `check` and `batch` share, declared once.
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
FailUnderOption = Annotated[
    float | None, typer.Option("--fail-under", help="Exit 1 if a document scores below this.")
]
MaxSizeOption = Annotated[float, typer.Option("--max-size", help="Largest file to read, in MB.")]


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    none = "none"


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


def _use_color(flag: bool | None, to_file: bool) -> bool:
    if flag is not None:
        return flag
    return not to_file and sys.stdout.isatty() and "NO_COLOR" not in os.environ


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to audit.")],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Report format: text, json, markdown, sarif, junit, github or html.",
        ),
    ] = "text",
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_under: FailUnderOption = None,
    fail_on: Annotated[
        Severity, typer.Option("--fail-on", help="Exit 1 on a finding this severe or worse.")
    ] = Severity.error,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    max_size: MaxSizeOption = 10.0,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour the text report (default: on a terminal)."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Use this auditor.toml / pyproject.toml for every file."),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Report and gate only on findings not in this baseline."),
    ] = None,
    baseline_write: Annotated[
        Path | None,
        typer.Option("--baseline-write", help="Write the current findings to this baseline file."),
    ] = None,
    max_warnings: Annotated[
        int | None,
        typer.Option("--max-warnings", min=0, help="Exit 1 if there are more warnings than this."),
    ] = None,
    languagetool: Annotated[
        str | None,
        typer.Option(
            "--languagetool", help="Grammar engine: a LanguageTool server URL, or 'local'."
        ),
    ] = None,
    languagetool_fallback: Annotated[
        str,
        typer.Option(
            "--languagetool-fallback", help="When LanguageTool fails: 'harper' or 'fail' (exit 2)."
        ),
    ] = "harper",
) -> None:
    """Audit articles and print a scored report."""
    formats = reporters()
    if fmt not in formats:
        raise UsageError(f"unknown format '{fmt}' (choose from {', '.join(formats)})")
    if languagetool_fallback not in ("harper", "fail"):
        raise UsageError("--languagetool-fallback must be 'harper' or 'fail'")
    grammar: dict[str, object] = {}
    if languagetool:
        grammar = {"languagetool": languagetool, "languagetool_fallback": languagetool_fallback}
    options = CheckOptions(
        select=list(select or []),
        ignore=list(ignore or []),
        config=config,
        baseline=baseline,
        baseline_write=baseline_write,
        settings={"grammar": grammar} if grammar else {},
    )
    inputs = collect(paths, int(max_size * 1024 * 1024))
    for line in inputs.errors + inputs.problems:
        warn(line)
    try:
        run = run_check(inputs.documents, options)
    except EngineUnavailable as e:
        raise UsageError(str(e)) from None
    report = run.report
    report.errors = inputs.errors
    if run.baseline_written is not None:
        warn(f"wrote {run.baseline_written} finding(s) to the baseline {baseline_write}")
    if run.baselined:
        warn(f"{run.baselined} finding(s) already in the baseline were not reported")
    render_options = RenderOptions(color=_use_color(color, output is not None), rules=run.rules)
    text = formats[fmt](report, render_options)
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            raise UsageError(f"cannot write {output}: {e.strerror or e}") from None
    else:
        sys.stdout.write(text)
    if not report.results:
        warn("nothing was audited")
        raise typer.Exit(2)
    code = gate(report, fail_on.value, fail_under)
    if max_warnings is not None and report.counts()["warning"] > max_warnings:
        code = 1
    if baseline_write is not None and baseline is None:
        code = 0  # adopting a baseline: the findings just written are accepted
    if inputs.missing:
        code = 2
    raise typer.Exit(code)


def gate(report, fail_on: str, fail_under: float | None) -> int:  # type: ignore[no-untyped-def]
    """0 when the gate passes, 1 when it fails."""
    if fail_on != "none":
        worst = report.worst_severity()
        if worst is not None and SEVERITY_RANK[worst] >= SEVERITY_RANK[fail_on]:
            return 1
    if fail_under is not None and any(r.score < fail_under for r in report.results):
        return 1
    return 0


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter configuration.")] = Path(
        "auditor.toml"
    ),
) -> None:
    """Write a commented starter auditor.toml (never overwrites an existing file)."""
    write_starter(path)
    print(f"wrote {path}")


@app.command("rules")
def rules_cmd(
    pack: Annotated[str | None, typer.Argument(help="Only this pack.")] = None,
) -> None:
    """List the rule packs and their rules."""
    for p in project_packs():
        if pack and p.id != pack:
            continue
        print(f"{p.id}: {p.summary}  ({Path(p.path).name})")
        for r in p.rules:
            flag = " (opt-in)" if r.opt_in else ""
            print(f"  {r.id:<40} {r.severity:<8} {r.kind:<13} {r.why.splitlines()[0][:80]}{flag}")
        print()


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="A rule id, e.g. hedges.allegedly.")]) -> None:
    """Say what a rule does, why, and show its examples."""
    for p in project_packs():
        for r in p.rules:
            if r.id == rule:
                print(f"{r.id}  ({r.severity}, kind {r.kind}, scope {r.scope}, pack {p.id})")
                print()
                print("What it does:")
                print(f"  {r.message}")
                print()
                print("Why:")
                print(f"  {r.why}")
                print()
                print("Flagged ([[...]] marks the finding):")
                for ex in r.bad:
                    print(f"  - {ex}")
                print()
                print("Not flagged:")
                for ex in r.good:
                    print(f"  - {ex}")
                if r.opt_in:
                    print()
                    print(
                        f"Opt-in: runs only when selected (--select {r.id} or --select {r.pack})."
                    )
                if r.in_quotes != "keep":
                    print()
                    print(f"Inside direct quotations: {r.in_quotes}.")
                return
    raise UsageError(f"no rule '{rule}' (see 'auditor rules')")


def main() -> None:
    """Entry point: every expected failure is one line on stderr and exit 2."""
    try:
        app(standalone_mode=True)
    except AuditorError as e:
        warn(str(e))
        sys.exit(2)
    except KeyboardInterrupt:
        warn("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)


from auditor import cli_batch  # noqa: E402,F401  (registers `batch` and `report`)
