"""Project configuration: `auditor.toml`, or `[tool.auditor]` in `pyproject.toml`.

As in Ruff, the nearest configuration file above an article wins (no merging of parents),
so a folder of wire copy can carry its own settings beside the newsroom's. Every key is
validated when the file is read: an unknown key or a value of the wrong type is an error
naming the key and the file, never a silently ignored setting.
"""

from __future__ import annotations

import fnmatch
import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from auditor.dialect import engine_dialect
from auditor.errors import ConfigError
from auditor.findings import SEVERITIES
from auditor.hashes import sha256
from auditor.limits import check_timeout

CONFIG_NAMES = ("auditor.toml", "pyproject.toml")
KNOWN_KEYS = (
    "select",
    "ignore",
    "severity",
    "per-path-ignores",
    "packs",
    "rule-paths",
    "timeout",
    "dialect",
)


@dataclass
class Config:
    """One configuration file's settings (paths in it are relative to its folder)."""

    path: Path | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    packs: dict[str, dict[str, Any]] = field(default_factory=dict)
    rule_paths: list[Path] = field(default_factory=list)
    timeout: float | None = None  # seconds per document (0: none); None: the default
    dialect: str | None = None  # house spelling: en-GB, en-US, ...; None: the default

    def digest(self) -> str:
        """What the configuration says, as a short hash (a change re-audits in batch)."""
        key = json.dumps([self.select, self.ignore, self.severity, self.per_path_ignores,
                          self.packs, [str(p) for p in self.rule_paths], self.timeout, self.dialect],
                         sort_keys=True, default=str)  # fmt: skip
        return sha256(key.encode()).hexdigest()[:16]

    @property
    def root(self) -> Path:
        return self.path.parent if self.path is not None else Path.cwd()

    def ignored_for(self, file: Path) -> list[str]:
        """Rule prefixes that `[per-path-ignores]` silences for this file."""
        if not self.per_path_ignores:
            return []
        try:
            rel = PurePosixPath(file.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            rel = PurePosixPath(file.as_posix())
        out: list[str] = []
        for pattern, prefixes in self.per_path_ignores.items():
            if path_matches(rel, pattern):
                out.extend(prefixes)
        return out


def path_matches(rel: PurePosixPath, pattern: str) -> bool:
    """A glob against the path relative to the config folder; a glob without '/' also
    matches the file name, and a folder pattern (ending in '/') everything under it."""
    pattern = pattern.removeprefix("./")
    if pattern.endswith("/"):
        pattern += "**"
    text = rel.as_posix()
    if fnmatch.fnmatchcase(text, pattern):
        return True
    if pattern.endswith("/**") and (text + "/").startswith(pattern[:-2]):
        return True
    return "/" not in pattern and fnmatch.fnmatchcase(rel.name, pattern)


def _fail(path: Path, key: str, problem: str) -> ConfigError:
    return ConfigError(f"{path}: key '{key}': {problem}")


def _prefix_list(path: Path, key: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, key, "must be a list of rule-id prefixes (strings)")
    return list(value)


def parse(data: dict[str, Any], path: Path) -> Config:
    """Validate the auditor table of a configuration file."""
    unknown = [k for k in data if k not in KNOWN_KEYS]
    if unknown:
        raise ConfigError(
            f"{path}: unknown key '{unknown[0]}' (known keys: {', '.join(KNOWN_KEYS)})"
        )
    cfg = Config(path=path)
    cfg.select = _prefix_list(path, "select", data.get("select", []))
    cfg.ignore = _prefix_list(path, "ignore", data.get("ignore", []))
    sev = data.get("severity", {})
    if not isinstance(sev, dict):
        raise _fail(path, "severity", "must be a table of rule-id prefix = severity")
    for prefix, level in sev.items():
        if level not in SEVERITIES:
            raise _fail(
                path, f"severity.{prefix}", f"must be one of {', '.join(SEVERITIES)}, not {level!r}"
            )
    cfg.severity = dict(sev)
    ppi = data.get("per-path-ignores", {})
    if not isinstance(ppi, dict):
        raise _fail(path, "per-path-ignores", "must be a table of glob = [rule-id prefixes]")
    cfg.per_path_ignores = {
        glob: _prefix_list(path, f"per-path-ignores.{glob}", v) for glob, v in ppi.items()
    }
    packs = data.get("packs", {})
    if not isinstance(packs, dict) or not all(isinstance(v, dict) for v in packs.values()):
        raise _fail(path, "packs", "must hold one table per pack, e.g. [packs.readability]")
    cfg.packs = {pid: dict(opts) for pid, opts in packs.items()}
    if "dialect" in data:
        try:
            engine_dialect(data["dialect"])
        except ValueError as e:
            raise _fail(path, "dialect", str(e)) from None
        cfg.dialect = data["dialect"]
    if "timeout" in data:
        try:
            cfg.timeout = check_timeout(data["timeout"], "the time limit")
        except ValueError as e:
            raise _fail(path, "timeout", str(e)) from None
    rule_paths = data.get("rule-paths", [])
    if not isinstance(rule_paths, list) or not all(isinstance(v, str) for v in rule_paths):
        raise _fail(path, "rule-paths", "must be a list of folder paths (strings)")
    cfg.rule_paths = [(path.parent / p).resolve() for p in rule_paths]
    for d in cfg.rule_paths:
        if not d.is_dir():
            raise _fail(path, "rule-paths", f"folder not found: {d}")
    return cfg


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a configuration file to read

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from None


def load_config(path: Path) -> Config:
    """Read an explicit configuration file (auditor.toml, or a pyproject.toml)."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("auditor") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{path}: no [tool.auditor] table")
        if not isinstance(table, dict):
            raise _fail(path, "tool.auditor", "must be a table")
        return parse(table, path)
    return parse(data, path)


def _has_tool_table(path: Path) -> bool:
    data = _read_toml(path)
    tool = data.get("tool")
    return isinstance(tool, dict) and "auditor" in tool


class ConfigFinder:
    """Finds the nearest configuration above each file, caching folders already seen."""

    def __init__(self, explicit: Path | None = None) -> None:
        self.explicit = load_config(explicit) if explicit is not None else None
        self._by_dir: dict[Path, Config] = {}
        self._by_file: dict[Path, Config] = {}
        # the folder as given (and the working folder, for a relative one): resolving a
        # path costs system calls, which an archive of one folder would pay per file
        self._by_given: dict[tuple[str, str], Config] = {}

    def for_file(self, file: Path) -> Config:
        if self.explicit is not None:
            return self.explicit
        if file.is_symlink():  # its configuration is the one above its target
            return self._resolve(file)
        given = ("" if file.is_absolute() else os.getcwd(), str(file.parent))
        cfg = self._by_given.get(given)
        if cfg is None:
            cfg = self._by_given[given] = self._resolve(file)
        return cfg

    def _resolve(self, file: Path) -> Config:
        folder = file.resolve().parent
        chain: list[Path] = []
        found: Config | None = None
        for d in (folder, *folder.parents):
            if d in self._by_dir:
                found = self._by_dir[d]
                break
            chain.append(d)
            cfg_path = self._config_in(d)
            if cfg_path is not None:
                found = self._by_file.get(cfg_path) or load_config(cfg_path)
                self._by_file[cfg_path] = found
                break
        found = found or Config()
        for d in chain:
            self._by_dir[d] = found
        return found

    @staticmethod
    def _config_in(d: Path) -> Path | None:
        a = d / "auditor.toml"
        if a.is_file():
            return a
        p = d / "pyproject.toml"
        if p.is_file() and _has_tool_table(p):
            return p
        return None


STARTER = """\
# auditor configuration. The nearest auditor.toml (or [tool.auditor] in pyproject.toml)
# above an article applies to it. Rule ids and prefixes: `auditor rules`.

# Run only these rules (rule-id prefixes; a pack id selects the whole pack).
# select = ["grammar", "hedges", "causal"]

# Skip these rules (prefixes). The command line's --ignore adds to this list.
# ignore = ["readability.long-sentence"]

# Paths to extra rule packs (a newsroom's house style), relative to this file. They are
# loaded and validated exactly like the built-in packs, examples included.
# rule-paths = ["house-rules"]

# House spelling for suggestions and the spell checker: en-GB (default), en-US, en-AU,
# en-CA or en-IN.
# dialect = "en-GB"

# Time limit per document in seconds (0: none): past it the document gets a
# meta.time-limit error and the run goes on.
# timeout = 120

# Change a rule's severity (error, warning or info); the longest matching prefix wins.
[severity]
# "hedges.reportedly" = "info"

# Skip rules for some files: a glob (relative to this file) and a list of prefixes.
[per-path-ignores]
# "wire/**" = ["grammar"]
# "opinion/*.md" = ["hedges"]

# Options for a pack's checks, one table per pack.
# [packs.grammar]
# words = ["Zelensky", "Syrskyi"]   # house word list: names never flagged as misspelt
# all_harper_rules = true           # also Harper's rules silent on the tuning data (slower)
# [packs.readability]
# max_sentence_words = 40
"""


def write_starter(path: Path) -> None:
    """`auditor init`: a commented starter file; never overwrites one that exists."""
    if path.exists():
        raise ConfigError(f"{path}: already exists (not overwritten)")
    try:
        path.write_text(STARTER, encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{path}: cannot write: {e.strerror or e}") from None
