"""Audit labelled sentences the way a user would: one JSONL record a sentence.

The causal and hedges evaluations both score the auditor on sentences. Each sentence
becomes a record {"id": n, "text": ...} of a JSONL file, which goes through the same loader
and engine as `auditor check FILE --select PACK --format json` (in process), or through
that command itself as an independent cross-check; either way the answer is the set of
rule ids each record got.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from auditor.engine import Auditor, Selection
from auditor.inputs import InputOptions, load_file
from auditor.packs import load_packs

MAX_BYTES = 1 << 31  # a corpus is one file: never cut it at the CLI's default size limit


def write_jsonl(texts: Iterable[str], path: Path) -> None:
    """One record {"id": n, "text": text} a line, ids in order from 0."""
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            fh.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")


def _record_id(doc_path: str) -> int:
    return int(doc_path.rpartition("#")[2])  # "file.jsonl#12" -> 12


def audit_records(jsonl: Path, n: int, select: list[str]) -> list[set[str]]:
    """The rule ids found in each of the n records, by the loader and engine the CLI uses."""
    auditor = Auditor(load_packs(), Selection(select=select))
    out: list[set[str]] = [set() for _ in range(n)]
    for doc in load_file(jsonl, InputOptions(max_bytes=MAX_BYTES)).documents:
        out[_record_id(doc.path)] = {f.rule for f in auditor.audit(doc)}
    return out


def cli_records(jsonl: Path, n: int, select: list[str]) -> list[set[str]]:
    """The same through `auditor check FILE --select ... --format json` itself."""
    exe = Path(sys.executable).with_name("auditor")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "auditor"]
    selection = [arg for prefix in select for arg in ("--select", prefix)]
    proc = subprocess.run(
        [*cmd, "check", str(jsonl), *selection, "--format", "json", "--fail-on", "none",
         "--max-size", "1000"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if proc.returncode not in (0, 1):
        raise SystemExit(f"auditor CLI failed ({proc.returncode}): {proc.stderr.strip()[:300]}")
    out: list[set[str]] = [set() for _ in range(n)]
    for doc in json.loads(proc.stdout)["documents"]:
        out[_record_id(doc["path"])] = {f["rule"] for f in doc["findings"]}
    return out
