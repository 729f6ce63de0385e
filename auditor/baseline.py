"""Baselines: adopt the gate on an archive full of old findings, fail only on new ones.

A finding's fingerprint is its rule, its matched text and up to three words either side on
its own line, all normalised (case, whitespace, curly quotes): never its line or offset, so an edit above a
finding does not make it new. Identical findings in one file are counted, so a second
copy of an old sentence is new. Paths are stored relative to the baseline file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path

from auditor._version import __version__
from auditor.document import WORD_RE, Document
from auditor.errors import BaselineError
from auditor.findings import Finding

FORMAT = 1
CONTEXT_WORDS = 3
_WORD = WORD_RE
_SPACE = re.compile(r"\s+")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_FOLD)).strip().casefold()


def fingerprint(doc: Document, f: Finding) -> str:
    """A stable id for a finding: rule + normalised text + a little context."""
    text = doc.original
    # context stays on the finding's own line: an edit to a neighbouring paragraph or
    # line must not make an old finding look new
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line_end = len(text) if line_end < 0 else line_end
    before = _WORD.findall(text, max(line_start, f.start - 80), f.start)[-CONTEXT_WORDS:]
    after = _WORD.findall(text, f.end, min(line_end, f.end + 80))[:CONTEXT_WORDS]
    key = "\x1f".join((f.rule, _norm(f.text), _norm(" ".join(before)), _norm(" ".join(after))))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def source_file(doc: Document) -> str:
    """The file a document came from (a JSON record's path is FILE#ID)."""
    if doc.fmt == "record" and "#" in doc.path:
        return doc.path.rsplit("#", 1)[0]
    return doc.path


def doc_key(doc: Document, base: Path) -> str:
    """The document's path relative to the baseline's folder, '/'-separated."""
    file = source_file(doc)
    suffix = doc.path[len(file) :]
    try:
        rel = os.path.relpath(Path(file).resolve(), base.resolve())
    except ValueError:  # another drive on Windows
        rel = str(Path(file).resolve())
    return Path(rel).as_posix() + suffix


def write_baseline(path: Path, results: list[tuple[Document, list[Finding]]]) -> int:
    """Store every finding's fingerprint; returns how many were written."""
    entries = []
    base = path.resolve().parent
    for doc, findings in results:
        key = doc_key(doc, base)
        for f in findings:
            entries.append(
                {"path": key, "rule": f.rule, "fingerprint": fingerprint(doc, f), "text": f.text}
            )
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    data = {"tool": "auditor", "version": __version__, "format": FORMAT, "findings": entries}
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as e:
        raise BaselineError(f"cannot write baseline {path}: {e.strerror or e}") from None
    return len(entries)


class Baseline:
    """Known findings, counted per (path, fingerprint)."""

    def __init__(self, path: Path) -> None:
        self.base = path.resolve().parent
        try:
            raw = path.read_bytes()
            self.digest = hashlib.sha256(raw).hexdigest()[:16]
            data = json.loads(raw.decode("utf-8"))
        except OSError as e:
            raise BaselineError(f"cannot read baseline {path}: {e.strerror or e}") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise BaselineError(f"{path}: not a baseline file (invalid JSON: {e})") from None
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not an auditor baseline (no 'findings' list)")
        try:
            self.known: dict[str, Counter[str]] = {}
            for entry in data["findings"]:
                self.known.setdefault(str(entry["path"]), Counter())[str(entry["fingerprint"])] += 1
        except (TypeError, KeyError):
            raise BaselineError(f"{path}: malformed baseline entry") from None

    def filter(self, doc: Document, findings: list[Finding]) -> tuple[list[Finding], int]:
        """The findings not in the baseline, and how many were."""
        key = doc_key(doc, self.base)
        if key not in self.known:
            return findings, 0
        remaining = Counter(self.known[key])
        new: list[Finding] = []
        old = 0
        for f in findings:
            k = fingerprint(doc, f)
            if remaining[k] > 0:
                remaining[k] -= 1
                old += 1
            else:
                new.append(f)
        return new, old
