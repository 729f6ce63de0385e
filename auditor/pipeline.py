"""The one path from a Document to its result, shared by check, batch, the API and the server.

Each document is audited under the nearest configuration above it (one Auditor per
configuration in use), then its findings go through, in order: per-path ignores, inline
suppressions, the baseline; then the score. The caller's options are merged over the
configuration: `select` replaces its `select`, `ignore` adds to its `ignore`, `settings`
update its pack options. Nothing here prints or exits: errors a user can cause are raised
as `AuditorError`.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor._version import __version__
from auditor.baseline import Baseline, source_file
from auditor.config import Config, ConfigFinder
from auditor.dialect import DEFAULT as DEFAULT_DIALECT
from auditor.dialect import engine_dialect, house_spelling
from auditor.document import Document
from auditor.engine import Auditor, Selection
from auditor.errors import ConfigError, PackError, UsageError
from auditor.examples import rule_failures
from auditor.findings import Finding, matches_prefix
from auditor.hashes import sha256
from auditor.limits import DEFAULT_TIMEOUT, TIME_LIMIT_RULE, TimeLimit, time_limit
from auditor.options import validate_settings
from auditor.packs import Pack, Rule, load_packs, packs_digest
from auditor.report import DocumentResult
from auditor.suppress import META_RULES, apply_suppressions


@dataclass(frozen=True)
class AuditOptions:
    """What the caller asks for on top of the configuration. Hashable and picklable, so
    batch workers build the same Pipeline from it."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: Path | None = None  # one configuration for every file (else the nearest one)
    baseline: Path | None = None
    settings: str = "{}"  # per-pack options as JSON ({pack: {option: value}})
    timeout: float | None = None  # seconds per document (0: none); None: the configuration's
    dialect: str | None = None  # house spelling (en-GB, en-US, ...); None: the configuration's

    @classmethod
    def make(
        cls,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        config: Path | None = None,
        baseline: Path | None = None,
        settings: dict[str, dict[str, Any]] | None = None,
        timeout: float | None = None,
        dialect: str | None = None,
    ) -> AuditOptions:
        return cls(tuple(select or ()), tuple(ignore or ()), config, baseline,
                   json.dumps(settings or {}, sort_keys=True), timeout, dialect)  # fmt: skip


@dataclass
class Outcome:
    """One document's result, with what the steps after the rules took away."""

    result: DocumentResult
    unbaselined: list[Finding]  # the findings before the baseline (for --baseline-write)
    suppressed: int = 0
    baselined: int = 0


def names_rule(ids: list[str], prefix: str) -> bool:
    """Whether a prefix names a rule, a pack, or a sub-rule a rule reports (grammar.harper.X)."""
    p = prefix.rstrip(".")
    if p == "meta" or p in META_RULES:
        return True
    return any(matches_prefix(i, [p]) or matches_prefix(p, [i]) for i in ids)


def check_prefixes(packs: list[Pack], prefixes: list[str] | tuple[str, ...], where: str) -> None:
    """A prefix that names no rule is a typo: say so, do not run nothing."""
    ids = [r.id for p in packs for r in p.rules]
    for p in prefixes:
        if not names_rule(ids, p):
            raise UsageError(f"{where}'{p}' matches no rule (see 'auditor rules')")


class _Setup:
    """The packs, selection and (lazily) the Auditor for one configuration."""

    def __init__(self, cfg: Config, opts: AuditOptions, packs: list[Pack]) -> None:
        self.cfg = cfg
        self.packs = packs
        self.ids = [r.id for p in packs for r in p.rules]
        where = str(cfg.path) if cfg.path else "configuration"
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
        self.selection = Selection(
            select=list(opts.select or cfg.select),
            ignore=[*cfg.ignore, *opts.ignore],
            severity=dict(cfg.severity),
        )
        if not any(self.selection.may_want(i) for i in self.ids):
            raise UsageError("the selection leaves no rule to run")
        # typed: a wrong type, an unknown key or a bad value is one line naming the
        # file (or the command line), the pack, the key and the rule that reads it
        self.settings = validate_settings(packs, cfg.packs, where)
        for pid, o in validate_settings(packs, json.loads(opts.settings), "command line").items():
            self.settings.setdefault(pid, {}).update(o)
        self.dialect = engine_dialect(opts.dialect or cfg.dialect or DEFAULT_DIALECT)
        if (opts.dialect or cfg.dialect) and "grammar" in pack_ids:
            self.settings.setdefault("grammar", {})["dialect"] = self.dialect
        self._auditor: Auditor | None = None

    @property
    def auditor(self) -> Auditor:
        if self._auditor is None:
            self._auditor = Auditor(self.packs, self.selection, self.settings)
        return self._auditor

    def known(self, prefix: str) -> bool:
        return names_rule(self.ids, prefix)

    def ran(self, prefix: str) -> bool:
        return names_rule([r.id for r in self.auditor.rules], prefix)

    def findings(self, doc: Document) -> tuple[list[Finding], int]:
        """The rules' findings less per-path ignores and inline suppressions."""
        found = self.auditor.audit(doc)
        skip = self.cfg.ignored_for(Path(source_file(doc)))
        if skip:
            found = [f for f in found if not matches_prefix(f.rule, skip)]
        for f in found:  # the house rules inflect in American: suggestions follow the house
            if f.suggestions:
                f.suggestions = [house_spelling(s, self.dialect) for s in f.suggestions]
        found, silenced = apply_suppressions(doc, found, self.known, self.ran)
        if silenced or any(f.pack == "meta" for f in found):
            drop = [*self.selection.ignore, *skip]
            found = [f for f in found if f.pack != "meta" or not matches_prefix(f.rule, drop)]
        return found, silenced

    def close(self) -> None:
        if self._auditor is not None:
            self._auditor.close()


def time_limit_finding(doc: Document, seconds: float) -> Finding:
    """The one finding of a document whose audit passed the time limit: it was not checked."""
    return Finding(
        rule=TIME_LIMIT_RULE, pack="meta", severity="error", start=0, end=0, line=1, column=1,
        message=f"Not checked: the audit passed its {seconds:g} s time limit (raise it with "
        "--timeout or 'timeout' in auditor.toml, or split the document).",
        text="", suggestions=[], extra={},
    )  # fmt: skip


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


class Pipeline:
    """Documents in, results out, under each document's configuration."""

    def __init__(self, options: AuditOptions | None = None) -> None:
        self.options = options or AuditOptions()
        self.finder = ConfigFinder(self.options.config)
        self.baseline = Baseline(self.options.baseline) if self.options.baseline else None
        self._setups: dict[int, _Setup] = {}
        self._packs: dict[tuple[Path, ...], list[Pack]] = {}
        self._version_keys: dict[int, str] = {}  # id(config) -> its rules version's key
        self.rules: dict[str, Rule] = {}  # every loaded rule, for reporters that describe rules
        check_prefixes(self._packs_for(self.finder.for_file(Path.cwd() / "-")),
                       self.options.select + self.options.ignore, "")  # fmt: skip

    def _packs_for(self, cfg: Config) -> list[Pack]:
        dirs = tuple(cfg.rule_paths)
        if dirs not in self._packs:
            packs = load_packs(list(dirs))
            check_house_examples(packs, dirs)
            self._packs[dirs] = packs
            self.rules.update({r.id: r for p in packs for r in p.rules})
        return self._packs[dirs]

    def config_for(self, path: str) -> Config:
        return self.finder.for_file(Path(path) if path != "-" else Path.cwd() / "-")

    def _version_key(self, cfg: Config) -> str:
        """What the rules version of a configuration is made of, once per configuration."""
        key = self._version_keys.get(id(cfg))
        if key is None:
            key = json.dumps([__version__, packs_digest(self._packs_for(cfg)), cfg.digest(),
                              sorted(self.options.select), sorted(self.options.ignore),
                              json.loads(self.options.settings), self.options.dialect,
                              self.baseline.digest if self.baseline else None],
                             sort_keys=True)  # fmt: skip
            self._version_keys[id(cfg)] = key
        return key

    def setup_for(self, path: str) -> _Setup:
        """The setup for a document's file: validated on first use (raises AuditorError)."""
        cfg = self.config_for(path)
        s = self._setups.get(id(cfg))
        if s is None:
            s = self._setups[id(cfg)] = _Setup(cfg, self.options, self._packs_for(cfg))
        return s

    def validate(self) -> None:
        """Raise now, not at the first document, for a bad configuration, selection or
        option (a configuration further down is checked when a document first needs it)."""
        self.setup_for("-")

    def describe(self, path: str) -> dict[str, Any]:
        """The settings a document at `path` is audited under (`check --show-settings`)."""
        setup = self.setup_for(path)
        cfg = setup.cfg
        return {
            "file": path,
            "config": str(cfg.path) if cfg.path else None,
            "select": setup.selection.select,
            "ignore": setup.selection.ignore,
            "per-path-ignores": cfg.ignored_for(Path(path)),
            "severity": setup.selection.severity,
            "rule-paths": [str(p) for p in cfg.rule_paths],
            "baseline": str(self.options.baseline) if self.options.baseline else None,
            "packs": setup.settings,
            "rules": [r.id for r in setup.auditor.rules if r.id not in cfg.ignored_for(Path(path))],
        }

    def warm(self) -> None:
        """Build the Auditor for the working folder's configuration now and do its checks'
        one-off set-up (engines start, the analysis model loads): a batch worker's set-up."""
        self.setup_for("-").auditor.warm()

    def version_for(self, path: str) -> str:
        """The rules version a document at `path` is audited under: the auditor, its packs,
        the configuration, the caller's options and the baseline (a change re-audits)."""
        return sha256(self._version_key(self.config_for(path)).encode()).hexdigest()[:16]

    def timeout_for(self, cfg: Config) -> float:
        """Seconds a document may take: the caller's, else the configuration's, else 120."""
        if self.options.timeout is not None:
            return self.options.timeout
        return cfg.timeout if cfg.timeout is not None else DEFAULT_TIMEOUT

    def audit(self, doc: Document) -> Outcome:
        setup = self.setup_for(source_file(doc))
        limit = self.timeout_for(setup.cfg)
        try:
            with time_limit(limit):
                found, suppressed = setup.findings(doc)
        except TimeLimit:
            found, suppressed = [time_limit_finding(doc, limit)], 0
        kept, baselined = found, 0
        if self.baseline is not None:
            kept, baselined = self.baseline.filter(doc, found)
        result = DocumentResult.build(doc, kept, setup.auditor.pack_ids)
        return Outcome(result, found, suppressed, baselined)

    def seconds(self) -> Counter[str]:
        """Time spent per rule over every document so far (what `--profile` shows)."""
        total: Counter[str] = Counter()
        for s in self._setups.values():
            if s._auditor is not None:
                total.update(s._auditor.seconds)
        return total

    def close(self) -> None:
        for s in self._setups.values():
            s.close()


def project_packs(config: Path | None = None) -> list[Pack]:
    """The packs `auditor rules` and `explain` show: built-in plus the nearest config's."""
    cfg = ConfigFinder(config).for_file(Path.cwd() / "-")
    return load_packs(cfg.rule_paths)
