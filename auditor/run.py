"""From paths on the command line to a Report: discover, load, audit, score."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from auditor.document import Document
from auditor.engine import Auditor
from auditor.loaders import DEFAULT_MAX_BYTES, InputError, discover, load_file
from auditor.report import DocumentResult, Report


@dataclass
class Inputs:
    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each for stderr
    errors: list[str] = field(default_factory=list)  # inputs not audited at all
    missing: bool = False


def collect(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Inputs:
    files, problems, missing = discover(paths)
    inputs = Inputs(errors=list(problems), missing=missing)
    for f in files:
        try:
            loaded = load_file(f, max_bytes)
        except InputError as e:
            inputs.errors.append(str(e))
            continue
        inputs.documents.extend(loaded.documents)
        for p in loaded.problems:
            if any(p in d.warnings for d in loaded.documents):
                inputs.problems.append(p)  # a warning: the document was still audited
            else:
                inputs.errors.append(p)  # a record that could not be audited
    return inputs


def audit(auditor: Auditor, documents: list[Document]) -> Report:
    report = Report()
    for doc in documents:
        findings = auditor.audit(doc)
        report.results.append(DocumentResult.build(doc, findings, auditor.pack_ids))
    return report


def warn(line: str) -> None:
    print(f"auditor: {line}", file=sys.stderr)
