"""Load, validate and compile rule packs (rules/*.toml).

A pack is data: one `[pack]` table and `[[rule]]` blocks. Each rule names a check kind
(code), and carries its message, its reason and its own examples. Everything is checked at
load time, so a malformed pack fails with one message naming the file, the rule and the
problem, before any article is read.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from auditor.checks import Check, load_kinds
from auditor.errors import PackError
from auditor.findings import SEVERITIES

SCOPES = ("sentence", "block", "document")
QUOTE_POLICIES = ("keep", "info", "skip")
MARK = re.compile(r"\[\[(.+?)\]\]", re.S)
_ID = re.compile(r"^[a-z][a-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$")
_PACK_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
COMMON_KEYS = frozenset(
    {"id", "kind", "scope", "severity", "message", "why", "examples", "exceptions",
     "in_quotes", "ignorecase", "url", "skip_headings", "opt_in"}
)  # fmt: skip
PACK_KEYS = frozenset({"id", "summary", "in_quotes", "url"})


@dataclass
class Rule:
    id: str
    pack: str
    kind: str
    scope: str
    severity: str
    message: str
    why: str
    bad: list[str]
    good: list[str]
    source: str
    in_quotes: str = "keep"
    ignorecase: bool = True
    skip_headings: bool = False
    opt_in: bool = False  # runs only when --select or `select` names it (or its pack)
    exceptions: re.Pattern[str] | None = None
    url: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    check: Check | None = None


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


def _build_rule(
    path: Path, pack: dict[str, Any], raw: dict[str, Any], kinds: dict[str, type[Check]]
) -> Rule:
    rid = raw.get("id")
    if not isinstance(rid, str) or not _ID.match(rid):
        raise _fail(path, repr(rid), "needs an 'id' of the form '<pack>.<name>'")
    pack_id = pack["id"]
    if not rid.startswith(pack_id + "."):
        raise _fail(path, rid, f"id must start with the pack id '{pack_id}.'")
    kind = raw.get("kind")
    if kind not in kinds:
        raise _fail(path, rid, f"unknown kind {kind!r} (known: {', '.join(sorted(kinds))})")
    cls = kinds[kind]
    unknown = set(raw) - COMMON_KEYS - cls.options
    if unknown:
        raise _fail(path, rid, f"unknown key(s) for kind '{kind}': {', '.join(sorted(unknown))}")
    scope = raw.get("scope", "sentence")
    if scope not in SCOPES:
        raise _fail(path, rid, f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        raise _fail(path, rid, f"severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
    for key in ("message", "why"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise _fail(path, rid, f"needs a '{key}'")
    examples = raw.get("examples")
    if not isinstance(examples, dict):
        raise _fail(path, rid, "needs examples.bad and examples.good")
    bad, good = examples.get("bad"), examples.get("good")
    if not _string_list(bad) or not bad:
        raise _fail(path, rid, "needs at least one bad example (examples.bad)")
    if not _string_list(good) or not good:
        raise _fail(path, rid, "needs at least one good example (examples.good)")
    if set(examples) - {"bad", "good"}:
        raise _fail(
            path,
            rid,
            f"unknown example key(s): {', '.join(sorted(set(examples) - {'bad', 'good'}))}",
        )
    for ex in bad:
        if not MARK.search(ex):
            raise _fail(path, rid, f"bad example has no [[marked]] text: {ex[:60]!r}")
    for ex in good:
        if MARK.search(ex):
            raise _fail(path, rid, f"good example must not mark text: {ex[:60]!r}")
    in_quotes = raw.get("in_quotes", pack.get("in_quotes", "keep"))
    if in_quotes not in QUOTE_POLICIES:
        raise _fail(path, rid, f"in_quotes must be one of {', '.join(QUOTE_POLICIES)}")
    ignorecase = raw.get("ignorecase", True)
    if not isinstance(ignorecase, bool):
        raise _fail(path, rid, "ignorecase must be true or false")
    exceptions = None
    if "exceptions" in raw:
        exc = raw["exceptions"]
        if not _string_list(exc) or not exc:
            raise _fail(path, rid, "'exceptions' must be a non-empty list of regexes")
        try:
            exceptions = re.compile(
                "|".join(f"(?:{e})" for e in exc), re.IGNORECASE if ignorecase else 0
            )
        except re.error as e:
            bad_one = next((x for x in exc if not _compiles(x)), "?")
            raise _fail(path, rid, f"invalid regex in 'exceptions': {bad_one!r}: {e}") from None
    rule = Rule(
        id=rid,
        pack=pack_id,
        kind=kind,
        scope=scope,
        severity=severity,
        message=raw["message"].strip(),
        why=raw["why"].strip(),
        bad=list(bad),
        good=list(good),
        source=str(path),
        in_quotes=in_quotes,
        ignorecase=ignorecase,
        skip_headings=bool(raw.get("skip_headings", False)),
        opt_in=bool(raw.get("opt_in", False)),
        exceptions=exceptions,
        url=raw.get("url"),
        options={k: v for k, v in raw.items() if k in cls.options},
    )
    try:
        rule.check = cls(rule)
    except ValueError as e:
        raise _fail(path, rid, str(e)) from None
    return rule


def _compiles(rx: str) -> bool:
    try:
        re.compile(rx)
    except re.error:
        return False
    return True


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
