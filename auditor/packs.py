"""Load, validate and compile rule packs (rules/*.toml).

A pack is data: one `[pack]` table and `[[rule]]` blocks. Each rule names a check kind
(code), and carries its message, its reason and its own examples. Everything is checked at
load time, so a malformed pack fails with one message naming the file, the rule and the
problem, before any article is read.
"""

from __future__ import annotations

import hashlib
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from auditor.checks import Check, load_kinds
from auditor.checks.regex_safety import unsafe_reason
from auditor.errors import PackError
from auditor.findings import SEVERITIES, matches_prefix
from auditor.options import Opt, coerce, coerce_table

SCOPES = ("sentence", "block", "document")
QUOTE_POLICIES = ("keep", "info", "skip")
MARK = re.compile(r"\[\[(.+?)\]\]", re.S)
_ID = re.compile(r"^[a-z][a-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$")
_PACK_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
COMMON_KEYS = frozenset(
    {"id", "kind", "scope", "severity", "message", "why", "examples", "exceptions",
     "in_quotes", "ignorecase", "url", "skip_headings", "opt_in", "subrules"}
)  # fmt: skip
# the common keys that are plain typed values
COMMON_OPTIONS = {
    "ignorecase": Opt(bool, True, "patterns ignore case"),
    "skip_headings": Opt(bool, False, "hits in headings are dropped"),
    "opt_in": Opt(bool, False, "runs only when --select or `select` names it or its pack"),
    "url": Opt(str, None, "a page that explains the rule"),
    "subrules": Opt(dict, {}, "sub-rule name = what it reports (the ids the rule emits)"),
}
PACK_KEYS = frozenset({"id", "summary", "in_quotes", "url"})
EXAMPLE_KEYS = ("text", "options", "suggestion", "rule")


@dataclass
class Example:
    """One of a rule's own examples (LanguageTool's <example>): a bad one marks what must be
    flagged [[like this]], a good one must stay quiet. A table may also give `options` for
    the rule, the `rule` (a sub-rule such as grammar.harper.SpellCheck) whose findings are
    checked, and for a bad one the `suggestion` each marked finding must offer first."""

    kind: str  # "bad" or "good"
    text: str  # as written, with the [[marks]]
    options: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    rule: str | None = None


@dataclass
class Rule:
    id: str
    pack: str
    kind: str
    scope: str
    severity: str
    message: str
    why: str
    bad: list[str]  # the examples' texts, as written
    good: list[str]
    source: str
    in_quotes: str = "keep"
    ignorecase: bool = True
    skip_headings: bool = False
    opt_in: bool = False  # runs only when --select or `select` names it (or its pack)
    exceptions: LazyPattern | None = None
    url: str | None = None
    subrules: dict[str, str] = field(default_factory=dict)  # name -> what it reports
    options: dict[str, Any] = field(default_factory=dict)
    _check: Check | None = field(default=None, repr=False)
    kind_class: type[Check] | None = field(default=None, repr=False, compare=False)
    examples: list[Example] = field(default_factory=list)
    # every rule of the same pack file, in order (a density rule counts its siblings' hits)
    pack_rules: list[Rule] = field(default_factory=list, repr=False, compare=False)

    @property
    def builtin(self) -> bool:
        """Whether the rule ships with auditor (its patterns and examples are tested)."""
        return _builtin(Path(self.source))

    @property
    def check(self) -> Check | None:
        """The rule's compiled check, built on first use: a built-in rule that is not
        selected never loads its code (the causal lexicon for a hedges-only check)."""
        if self._check is None and self.kind_class is not None:
            try:
                self._check = self.kind_class(self)
            except ValueError as e:
                raise PackError(f"{self.source}: rule {self.id}: {e}") from None
        return self._check

    @check.setter
    def check(self, value: Check | None) -> None:
        self._check = value


@dataclass
class Pack:
    id: str
    summary: str
    path: str
    rules: list[Rule]
    digest: str


def builtin_rules_dir() -> Path:
    """The packs shipped with auditor: inside the installed package, else the checkout."""
    packaged = resources.files("auditor") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


def strip_marks(example: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove [[...]] marks; return the plain text and the marked spans in it."""
    spans: list[tuple[int, int]] = []
    out: list[str] = []
    pos = 0
    plain_len = 0
    for m in MARK.finditer(example):
        out.append(example[pos : m.start()])
        plain_len += m.start() - pos
        spans.append((plain_len, plain_len + len(m.group(1))))
        out.append(m.group(1))
        plain_len += len(m.group(1))
        pos = m.end()
    out.append(example[pos:])
    return "".join(out), spans


def _fail(path: Path, rule: str | None, problem: str) -> PackError:
    where = f"{path}: rule {rule}" if rule else str(path)
    return PackError(f"{where}: {problem}")


def _string_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _kind(path: Path, raw: dict[str, Any], pack_id: str, kinds: dict[str, type[Check]]) -> str:
    rid = raw.get("id")
    if not isinstance(rid, str) or not _ID.match(rid):
        raise _fail(path, repr(rid), "needs an 'id' of the form '<pack>.<name>'")
    if not rid.startswith(pack_id + "."):
        raise _fail(path, rid, f"id must start with the pack id '{pack_id}.'")
    kind = raw.get("kind")
    if kind not in kinds:
        raise _fail(path, rid, f"unknown kind {kind!r} (known: {', '.join(sorted(kinds))})")
    assert isinstance(kind, str)
    return kind


def _options(path: Path, rid: str, raw: dict[str, Any], cls: type[Check]) -> dict[str, Any]:
    """The rule's keys for its kind, coerced to their types."""
    unknown = set(raw) - COMMON_KEYS - set(cls.options)
    if unknown:
        known = ", ".join(sorted(cls.options)) or "none"
        raise _fail(path, rid, f"unknown key(s) for kind '{cls.kind}': "
                    f"{', '.join(sorted(unknown))} (its options: {known})")  # fmt: skip
    try:
        return coerce_table(cls.options, {k: v for k, v in raw.items() if k in cls.options})
    except ValueError as e:
        raise _fail(path, rid, str(e)) from None


def _common(path: Path, rid: str, raw: dict[str, Any], pack: dict[str, Any]) -> dict[str, Any]:
    """The keys every rule has: scope, severity, message, why, quotes and the flags."""
    scope = raw.get("scope", "sentence")
    if scope not in SCOPES:
        raise _fail(path, rid, f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        raise _fail(path, rid, f"severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
    for key in ("message", "why"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise _fail(path, rid, f"needs a '{key}'")
    in_quotes = raw.get("in_quotes", pack.get("in_quotes", "keep"))
    if in_quotes not in QUOTE_POLICIES:
        raise _fail(path, rid, f"in_quotes must be one of {', '.join(QUOTE_POLICIES)}")
    out: dict[str, Any] = {"scope": scope, "severity": severity, "in_quotes": in_quotes,
                           "message": raw["message"].strip(), "why": raw["why"].strip()}  # fmt: skip
    for key, spec in COMMON_OPTIONS.items():
        try:
            out[key] = coerce(spec, raw[key]) if key in raw else spec.initial()
        except ValueError as e:
            raise _fail(path, rid, f"{key} {e}") from None
    out["exceptions"] = _exceptions(path, rid, raw, out["ignorecase"])
    return out


def _exceptions(path: Path, rid: str, raw: dict[str, Any], ignorecase: bool) -> LazyPattern | None:
    if "exceptions" not in raw:
        return None
    exc = raw["exceptions"]
    if not _string_list(exc) or not exc:
        raise _fail(path, rid, "'exceptions' must be a non-empty list of regexes")
    flags = re.IGNORECASE if ignorecase else 0
    lazy = LazyPattern("|".join(f"(?:{e})" for e in exc), flags)
    if _builtin(path):
        return lazy  # compiled when first used; a test checks the shipped patterns
    for e in exc:
        why = unsafe_reason(e, flags)
        if why is not None:
            raise _fail(path, rid, f"option 'exceptions': {why}")
    _ = lazy.regex
    return lazy


class LazyPattern:
    """A regex compiled on first use: a run compiles only the selected rules' patterns."""

    __slots__ = ("_regex", "flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern, self.flags = pattern, flags
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.pattern, self.flags)
        return self._regex

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, endpos)


def _example(where: str, kind: str, item: object) -> Example:
    if isinstance(item, str):
        return Example(kind, item)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValueError(f"{where}: must be a string, or a table with a 'text'")
    unknown = sorted(set(item) - set(EXAMPLE_KEYS) - ({"suggestion"} if kind == "good" else set()))
    if unknown or (kind == "good" and "suggestion" in item):
        bad_key = unknown[0] if unknown else "suggestion"
        raise ValueError(f"{where}: unknown key '{bad_key}' (known: {', '.join(EXAMPLE_KEYS)}; "
                         "a suggestion only in a bad example)")  # fmt: skip
    options, suggestion, sub = item.get("options", {}), item.get("suggestion"), item.get("rule")
    if not isinstance(options, dict):
        raise ValueError(f"{where}: 'options' must be a table")
    if suggestion is not None and not isinstance(suggestion, str):
        raise ValueError(f"{where}: 'suggestion' must be a string")
    if sub is not None and not isinstance(sub, str):
        raise ValueError(f"{where}: 'rule' must be a rule id")
    return Example(kind, item["text"], dict(options), suggestion, sub)


def _examples(path: Path, rule: Rule, raw: object) -> list[Example]:
    """The rule's examples, checked: marks, keys, sub-rule and options."""
    if not isinstance(raw, dict):
        raise _fail(path, rule.id, "needs examples.bad and examples.good")
    if set(raw) - {"bad", "good"}:
        extra = ", ".join(sorted(set(raw) - {"bad", "good"}))
        raise _fail(path, rule.id, f"unknown example key(s): {extra}")
    out: list[Example] = []
    for kind in ("bad", "good"):
        items = raw.get(kind)
        if not isinstance(items, list) or not items:
            raise _fail(path, rule.id, f"needs at least one {kind} example (examples.{kind})")
        for i, item in enumerate(items):
            where = f"examples.{kind}[{i}]"
            try:
                ex = _example(where, kind, item)
                _check_example(rule, ex, where)
            except ValueError as e:
                raise _fail(path, rule.id, str(e)) from None
            out.append(ex)
    return out


def _check_example(rule: Rule, ex: Example, where: str) -> None:
    marked = MARK.search(ex.text)
    if ex.kind == "bad" and not marked:
        raise ValueError(f"bad example has no [[marked]] text: {ex.text[:60]!r}")
    if ex.kind == "good" and marked:
        raise ValueError(f"good example must not mark text: {ex.text[:60]!r}")
    if ex.rule is not None and not matches_prefix(ex.rule, [rule.id]):
        raise ValueError(f"{where}: rule {ex.rule!r} is not {rule.id} or one of its sub-rules")
    if ex.options and rule._check is not None:  # built-in rules: the examples test runs these
        try:
            rule._check.variant(ex.options)
        except ValueError as e:
            raise ValueError(f"{where}: {e}") from None


def _builtin(path: Path) -> bool:
    """Whether a pack file is one of the shipped packs (their rules are tested)."""
    return path.parent.resolve() == builtin_rules_dir().resolve()


def _build_rule(
    path: Path, pack: dict[str, Any], raw: dict[str, Any], kinds: dict[str, type[Check]]
) -> Rule:
    kind = _kind(path, raw, pack["id"], kinds)
    rid: str = raw["id"]
    cls = kinds[kind]
    common = _common(path, rid, raw, pack)
    options = _options(path, rid, raw, cls)
    rule = Rule(id=rid, pack=pack["id"], kind=kind, bad=[], good=[], source=str(path),
                options=options, kind_class=cls, **common)  # fmt: skip
    if not _builtin(path):
        _ = rule.check  # a house rule is compiled now: its mistakes fail at load
    rule.examples = _examples(path, rule, raw.get("examples"))
    rule.bad = [e.text for e in rule.examples if e.kind == "bad"]
    rule.good = [e.text for e in rule.examples if e.kind == "good"]
    return rule


def load_pack(path: Path) -> Pack:
    """Load and validate one pack file."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise _fail(path, None, f"cannot read: {e.strerror or e}") from None
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise _fail(path, None, f"invalid TOML: {e}") from None
    pack = doc.get("pack")
    if (
        not isinstance(pack, dict)
        or not isinstance(pack.get("id"), str)
        or not _PACK_ID.match(pack["id"])
    ):
        raise _fail(path, None, "needs a [pack] table with an 'id' (lower case, no dots)")
    unknown = set(pack) - PACK_KEYS
    if unknown:
        raise _fail(path, None, f"unknown key(s) in [pack]: {', '.join(sorted(unknown))}")
    extra = set(doc) - {"pack", "rule"}
    if extra:
        raise _fail(path, None, f"unknown top-level table(s): {', '.join(sorted(extra))}")
    raw_rules = doc.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        raise _fail(path, None, "has no [[rule]] blocks")
    kinds = load_kinds()
    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in raw_rules:
        rule = _build_rule(path, pack, raw, kinds)
        if rule.id in seen:
            raise _fail(path, rule.id, "duplicate rule id")
        seen.add(rule.id)
        rules.append(rule)
    for rule in rules:
        rule.pack_rules = rules
    return Pack(pack["id"], str(pack.get("summary", "")), str(path), rules,
                hashlib.sha256(data).hexdigest()[:16])  # fmt: skip


def load_packs(extra_dirs: list[Path] | None = None) -> list[Pack]:
    """The built-in packs plus any extra pack directories, validated together."""
    dirs = [builtin_rules_dir(), *(extra_dirs or [])]
    packs: list[Pack] = []
    ids: dict[str, str] = {}
    for d in dirs:
        if not d.is_dir():
            raise PackError(f"{d}: rule pack directory not found")
        for path in sorted(d.glob("*.toml")):
            pack = load_pack(path)
            for rule in pack.rules:
                if rule.id in ids:
                    raise _fail(path, rule.id, f"duplicate rule id (also in {ids[rule.id]})")
                ids[rule.id] = str(path)
            packs.append(pack)
    return packs


def packs_digest(packs: list[Pack]) -> str:
    """One version string for a set of packs (batch runs re-audit when it changes)."""
    h = hashlib.sha256()
    for p in packs:
        h.update(p.digest.encode())
    return h.hexdigest()[:16]
