"""An Item into a Document: decode, pick the reader by format, keep offsets to the original.

`auditor check`, `auditor batch`, the Python API and the editor server all build their
Documents here, so one file gives the same Document (and so the same findings) everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from auditor.document import Document
from auditor.errors import InputError
from auditor.inputs.items import InputOptions, Item
from auditor.inputs.sources import Sources
from auditor.inputs.text import plain_document


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """UTF-8 text; invalid bytes are replaced and reported, not fatal."""
    try:
        text = data.decode("utf-8")
        warnings = []
    except UnicodeDecodeError as e:
        text = data.decode("utf-8", errors="replace")
        warnings = [f"{path}: invalid UTF-8 at byte {e.start} (bad bytes replaced with U+FFFD)"]
    return text.removeprefix("\ufeff"), warnings


def document_for(item: Item) -> Document:
    """The Document of an Item; InputError (one line) when it holds nothing to audit."""
    if item.problem is not None:
        raise InputError(item.problem)
    if item.fmt == "record":
        assert isinstance(item.data, str)
        doc = plain_document(item.id, item.data)
        doc.title, doc.fmt, doc.record_line = item.title, "record", item.line
        return doc
    assert isinstance(item.data, bytes)
    text, warnings = decode(item.data, item.path)
    return markup_document(item.path, text, item.fmt, warnings)


def markup_document(path: str, text: str, fmt: str, warnings: list[str] | None = None) -> Document:
    """A Document from text in a known format: txt, md or html."""
    if fmt == "md":
        from auditor.markup import markdown_view  # plain text never loads the readers

        view, blocks, comments = markdown_view(text)
        doc = Document.build(path, text, view, blocks, comments=comments, fmt="md")
    elif fmt == "html":
        from auditor.markup import html_view

        view, blocks, comments, omap, title = html_view(text)
        if not blocks:
            raise InputError(f"{path}: no text found in the HTML")
        doc = Document.build(path, text, view, blocks, offset_map=omap, comments=comments,
                             fmt="html", title=title)  # fmt: skip
    else:
        doc = plain_document(path, text)
    doc.warnings.extend(warnings or [])
    return doc


@dataclass
class Loaded:
    """The Documents of some paths, and one line for each input that could not be read."""

    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_paths(paths: list[str | Path], opts: InputOptions | None = None) -> Loaded:
    """Every Document under the paths, read whole: for tests, benchmarks and small jobs."""
    sources = Sources([str(p) for p in paths], opts)
    out = Loaded()
    for item in sources.items():
        try:
            out.documents.append(document_for(item))
        except InputError as e:
            out.problems.append(e.line)
    out.problems[:0] = sources.problems
    return out


def load_file(path: str | Path, opts: InputOptions | None = None) -> Loaded:
    """The Documents of one file (one per record for JSON, JSONL, CSV and Parquet)."""
    return load_paths([path], opts)
