"""`auditor batch` (audit an archive into a results store) and `auditor report` (summarise it).

A batch audits each document through the same Pipeline as `auditor check` (configuration,
per-path ignores, inline suppressions, baseline), in worker processes or on Dask.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

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
    TextColumn,
    TitleColumn,
    input_options,
    usage_dialect,
    usage_timeout,
    warn,
)
from auditor.errors import UsageError
from auditor.findings import SEVERITY_RANK
from auditor.inputs import Sources, count_items
from auditor.pipeline import AuditOptions, Pipeline

if TYPE_CHECKING:
    from auditor.batch.runner import Batch
    from auditor.batch.work import AuditSpec

EXPORT_FORMATS = (".csv", ".jsonl", ".parquet")


PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Directories, files or globs: txt, md, html, json, jsonl, csv, parquet (and .gz)."
    ),
]
DbOption = Annotated[Path, typer.Option("--db", help="SQLite results store.")]
WorkersOption = Annotated[
    int | None, typer.Option("--workers", "-w", help="Worker processes (default: all cores).")
]
EngineOption = Annotated[str, typer.Option("--engine", help="local or dask.")]
SchedulerOption = Annotated[
    str | None, typer.Option("--scheduler", help="Dask scheduler address (else a local one).")
]
ResultsParquetOption = Annotated[
    Path | None,
    typer.Option("--results-parquet", help="Dask: write results per partition to this dir."),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option("--timeout", help="Time limit per document in seconds (0: none; default 120)."),
]
RetryOption = Annotated[
    bool, typer.Option("--retry-errors", help="Re-audit documents that failed before.")
]
FailOnOption = Annotated[
    Severity, typer.Option("--fail-on", help="Exit 1 on a finding this severe or worse.")
]
ReportOption = Annotated[
    Path | None, typer.Option("--report", help="Also write the HTML summary here.")
]
ProgressOption = Annotated[
    bool, typer.Option("--progress/--no-progress", help="Show progress on stderr.")
]


def batch(
    paths: PathsArg,
    db: DbOption = Path("auditor.db"),
    workers: WorkersOption = None,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    results_parquet: ResultsParquetOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    config: ConfigOption = None,
    baseline: BaselineOption = None,
    id_column: IdColumn = "id",
    text_column: TextColumn = "text",
    title_column: TitleColumn = "title",
    date_column: DateColumn = "date",
    max_size: MaxSizeOption = 10.0,
    timeout: TimeoutOption = None,
    retry_errors: RetryOption = False,
    fail_under: FailUnderOption = None,
    fail_on: FailOnOption = Severity.none,
    report: ReportOption = None,
    progress: ProgressOption = True,
    dialect: DialectOption = None,
) -> None:
    """Audit an archive into a results store: parallel, resumable, crash-safe."""
    # imported here, not at the top: `auditor check` should not pay for the batch machinery
    from auditor.batch.runner import Batch, Progress
    from auditor.batch.store import Store
    from auditor.batch.work import AuditSpec

    n = _check_usage(engine, scheduler, results_parquet, workers, report)
    opts = input_options(max_size, id_column, text_column, title_column, date_column)
    options = AuditOptions.make(select, ignore, config, baseline, None, usage_timeout(timeout),
                                usage_dialect(dialect))  # fmt: skip
    pipeline = Pipeline(options)
    pipeline.validate()
    sources = Sources(paths, opts)
    spec = AuditSpec(options, timeout=pipeline.timeout_for(pipeline.config_for("-")))
    store = Store(db)
    bar = Progress(count_items(paths, opts) if progress else None, enabled=progress)
    run = Batch(store, pipeline.version_for, retry_errors, bar)
    run.extra_sinks.append(_say_why)
    try:
        _run_engine(engine, spec, pipeline, n, (scheduler, results_parquet), sources, run)
        run.flush()
    except KeyboardInterrupt:
        run.flush()  # keep what the workers finished
        warn(f"interrupted: {run.stats.line()}; run the same command again to resume")
        raise
    finally:
        bar.close()
        store.close()
    for line in sources.problems:
        warn(line)
    raise typer.Exit(_finish(run, db, report, fail_on, fail_under, sources))


def _run_engine(
    engine: str,
    spec: AuditSpec,
    pipeline: Pipeline,
    workers: int,
    dask_options: tuple[str | None, Path | None],
    sources: Sources,
    run: Batch,
) -> None:
    """Hand the documents the store does not have yet to the local or the Dask engine."""
    items = run.pending(sources.items())
    if engine == "local":
        from auditor.batch.local import LocalEngine

        LocalEngine(spec, pipeline.version_for, workers).run(items, run)
        return
    from auditor.batch.dask_engine import DaskEngine

    scheduler, results_parquet = dask_options
    DaskEngine(spec, pipeline.version_for, workers, scheduler, results_parquet).run(
        sources.paths, sources.opts, items, run
    )


def _check_usage(
    engine: str,
    scheduler: str | None,
    results_parquet: Path | None,
    workers: int | None,
    report: Path | None,
) -> int:
    """Options that make no sense together are usage errors; returns the worker count."""
    if engine not in ("local", "dask"):
        raise UsageError(f"unknown engine '{engine}' (choose local or dask)")
    if engine == "local" and (scheduler or results_parquet):
        raise UsageError("--scheduler and --results-parquet go with --engine dask")
    n = workers if workers is not None else (os.cpu_count() or 1)
    if n < 1:
        raise UsageError("--workers must be at least 1")
    if report is not None and report.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"{report}: the report is HTML (name it .html)")
    return n


def _say_why(row: dict[str, object]) -> None:
    """A document that failed: its reason on stderr, as the store records it."""
    if row["error"]:
        warn(f"failed: {row['error']}")


def _finish(
    run: Batch,
    db: Path,
    report: Path | None,
    fail_on: Severity,
    fail_under: float | None,
    sources: Sources,
) -> int:
    """The summary lines, the HTML summary if asked, and the exit code."""
    stats = run.stats
    if stats.audited + stats.skipped + stats.errors == 0:
        if not sources.problems:
            warn("nothing was audited")
        return 2
    warn(stats.line())
    warn(f"results in {db}")
    if report is not None:
        from auditor.batch.summary import write_html

        try:
            write_html(db, report)
        except ImportError as e:
            raise UsageError(
                f"{e.name or e}: needed for --report (pip install 'auditor[batch]')"
            ) from None
        except OSError as e:
            raise UsageError(f"cannot write {report}: {e.strerror or e}") from None
        warn(f"summary in {report}")
    code = 0
    if fail_on.value != "none" and stats.worst is not None:
        code = int(SEVERITY_RANK[stats.worst] >= SEVERITY_RANK[fail_on.value])
    if fail_under is not None and stats.min_score is not None and stats.min_score < fail_under:
        code = 1
    if sources.missing or stats.audited + stats.skipped == 0:
        code = 2
    return code


def report_cmd(
    db: Annotated[Path, typer.Argument(help="A results store written by 'auditor batch'.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the HTML summary here.")
    ] = None,
    export: Annotated[
        list[Path] | None,
        typer.Option("--export", help="Export per-document results: .csv, .jsonl or .parquet."),
    ] = None,
    top: Annotated[int, typer.Option("--top", help="Rows in the rule and worst lists.")] = 20,
) -> None:
    """Summarise a results store: score histogram, frequent rules, worst documents, exports."""
    from auditor.batch.summary import export_documents, text_summary, write_html

    for path in export or []:
        if path.suffix.lower() not in EXPORT_FORMATS:
            raise UsageError(f"{path}: export to {', '.join(EXPORT_FORMATS)}")
    try:
        if output is not None:
            write_html(db, output, top)
            warn(f"summary in {output}")
        for path in export or []:
            n = export_documents(db, path)
            warn(f"{n} documents exported to {path}")
        if output is None and not export:
            sys.stdout.write(text_summary(db, top))
    except ImportError as e:
        raise UsageError(f"{e.name or e}: needed here (pip install 'auditor[batch]')") from None
    except OSError as e:
        raise UsageError(f"cannot write: {e.strerror or e}") from None
