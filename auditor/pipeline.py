"""`auditor check` from documents to a Report, with the project's settings applied.

Each document is audited under the nearest configuration above it (one Auditor per
configuration in use), then its findings go through, in order: per-path ignores, inline
suppressions, the baseline (written and/or applied). The command line's options are merged
over the configuration: `--select` replaces its `select`, `--ignore` adds to its `ignore`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.baseline import Baseline, source_file, write_baseline
from auditor.config import Config, ConfigFinder
from auditor.document import Document
from auditor.engine import Auditor, Selection
from auditor.errors import ConfigError, PackError, UsageError
from auditor.examples import rule_failures
from auditor.findings import Finding, matches_prefix
from auditor.packs import Pack, Rule, load_packs
from auditor.report import DocumentResult, Report
from auditor.suppress import META_RULES, apply_suppressions


@dataclass
class CheckOptions:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    config: Path | None = None
    baseline: Path | None = None
    baseline_write: Path | None = None
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)  # from other options


@dataclass
class CheckRun:
    report: Report
    rules: dict[str, Rule]  # every loaded rule, for reporters that describe rules (SARIF)
    suppressed: int = 0
    baselined: int = 0
    baseline_written: int | None = None


def names_rule(ids: list[str], prefix: str) -> bool:
    """Whether a prefix names a rule, a pack, or a sub-rule a rule reports (grammar.harper.X)."""
    p = prefix.rstrip(".")
    if p == "meta" or p in META_RULES:
        return True
    return any(matches_prefix(i, [p]) or p.startswith(i + ".") for i in ids)


def check_prefixes(packs: list[Pack], prefixes: list[str]) -> None:
    """A command-line prefix that names no rule is a typo: say so, do not run nothing."""
    ids = [r.id for p in packs for r in p.rules]
    for p in prefixes:
        if not names_rule(ids, p):
            raise UsageError(f"'{p}' matches no rule (see 'auditor rules')")


class _Setup:
    """The packs and Auditor for one configuration."""

    def __init__(self, cfg: Config, opts: CheckOptions, packs: list[Pack]) -> None:
        self.cfg = cfg
        self.ids = [r.id for p in packs for r in p.rules]
        where = str(cfg.path)
        for key, prefixes in (
            ("select", cfg.select),
            ("ignore", cfg.ignore),
            ("severity", list(cfg.severity)),
            *((f"per-path-ignores.{g}", v) for g, v in cfg.per_path_ignores.items()),
        ):
            for p in prefixes:
                if not names_rule(self.ids, p):
                    raise ConfigError(f"{where}: key '{key}': '{p}' matches no rule")
        pack_ids = {p.id for p in packs}
        for pid in cfg.packs:
            if pid not in pack_ids:
                raise ConfigError(f"{where}: key 'packs.{pid}': no pack '{pid}'")
        check_prefixes(packs, opts.select + opts.ignore)
        self.selection = Selection(
            select=list(opts.select or cfg.select),
            ignore=[*cfg.ignore, *opts.ignore],
            severity=dict(cfg.severity),
        )
        settings = {pid: dict(o) for pid, o in cfg.packs.items()}
        for pid, o in opts.settings.items():
            settings.setdefault(pid, {}).update(o)
        self.auditor = Auditor(packs, self.selection, settings)
        self.ran_ids = [r.id for r in self.auditor.rules]

    def known(self, prefix: str) -> bool:
        return names_rule(self.ids, prefix)

    def ran(self, prefix: str) -> bool:
        return names_rule(self.ran_ids, prefix)

    def findings(self, doc: Document) -> tuple[list[Finding], int]:
        found = self.auditor.audit(doc)
        skip = self.cfg.ignored_for(Path(source_file(doc)))
        if skip:
            found = [f for f in found if not matches_prefix(f.rule, skip)]
        found, silenced = apply_suppressions(doc, found, self.known, self.ran)
        if silenced or any(f.pack == "meta" for f in found):
            drop = [*self.selection.ignore, *skip]
            found = [f for f in found if f.pack != "meta" or not matches_prefix(f.rule, drop)]
        return found, silenced


def check_house_examples(packs: list[Pack], dirs: tuple[Path, ...]) -> None:
    """Run the examples of packs from `rule-paths`, as the test suite runs the built-in
    ones: a house rule whose bad example is not flagged, or whose good example is, fails
    at load (exit 2) instead of silently checking nothing."""
    house = [p for p in packs if any(Path(p.path).resolve().parent == d for d in dirs)]
    if not house:
        return
    auditor = Auditor(house)
    try:
        for pack in house:
            for rule in pack.rules:
                failures = rule_failures(auditor, rule)
                if failures:
                    raise PackError(f"{pack.path}: rule {failures[0]}")
    finally:
        auditor.close()


def project_packs(config: Path | None = None) -> list[Pack]:
    """The packs `auditor rules` and `explain` show: built-in plus the nearest config's."""
    cfg = ConfigFinder(config).for_file(Path.cwd() / "-")
    return load_packs(cfg.rule_paths)


def run_check(documents: list[Document], opts: CheckOptions) -> CheckRun:
    """Audit documents under their configurations; suppress, baseline, score."""
    finder = ConfigFinder(opts.config)
    baseline = Baseline(opts.baseline) if opts.baseline is not None else None
    setups: dict[int, _Setup] = {}
    packs_by_dirs: dict[tuple[Path, ...], list[Pack]] = {}
    rules: dict[str, Rule] = {}

    def setup_for(cfg: Config) -> _Setup:
        s = setups.get(id(cfg))
        if s is None:
            dirs = tuple(cfg.rule_paths)
            if dirs not in packs_by_dirs:
                packs_by_dirs[dirs] = load_packs(list(dirs))
                check_house_examples(packs_by_dirs[dirs], dirs)
                rules.update({r.id: r for p in packs_by_dirs[dirs] for r in p.rules})
            s = setups[id(cfg)] = _Setup(cfg, opts, packs_by_dirs[dirs])
        return s

    run = CheckRun(Report(), rules)
    to_write: list[tuple[Document, list[Finding]]] = []
    try:
        if not documents:  # still validate the command line and the configuration
            setup_for(finder.for_file(Path.cwd() / "-"))
        for doc in documents:
            s = setup_for(finder.for_file(Path(source_file(doc))))
            found, silenced = s.findings(doc)
            run.suppressed += silenced
            if opts.baseline_write is not None:
                to_write.append((doc, found))
            if baseline is not None:
                found, old = baseline.filter(doc, found)
                run.baselined += old
            run.report.results.append(DocumentResult.build(doc, found, s.auditor.pack_ids))
    finally:
        for s in setups.values():
            s.auditor.close()
    if opts.baseline_write is not None:
        run.baseline_written = write_baseline(opts.baseline_write, to_write)
    return run
