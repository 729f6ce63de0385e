"""Read files into Documents: plain text, Markdown, HTML and JSON/JSONL records.

Every loader keeps offsets into the original text. Problems with a whole file raise
InputError (one line, no traceback); problems with one record of a JSONL file are returned
as messages beside the records that loaded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from auditor.document import Block, Comment, Document
from auditor.errors import InputError
from auditor.markup import html_view, markdown_view

SUPPORTED = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
             ".json": "json", ".jsonl": "jsonl"}  # fmt: skip
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass
class Loaded:
    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each, for stderr


# -- plain text -------------------------------------------------------------------------

_BULLET = re.compile(r"[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]+(?=\S)")
_TERMINAL = re.compile(r"[.!?:;…][\"'”’)\]]*\s*$")
_TEXT_COMMENT = re.compile(r"[ \t]*(?:#|//)[ \t]*(auditor:.*)$")  # match() at a line start


def text_blocks(text: str) -> tuple[list[Block], list[Comment]]:
    """Blocks of a plain-text article.

    Paragraphs are separated by blank lines. Inside a paragraph, each line is its own
    block when the lines end in terminal punctuation (one paragraph a line, as in most
    CMS exports); otherwise the lines are a hard-wrapped paragraph. Lines starting with
    "- ", "* ", "• ", "1." or "1)" are bullets; a run of them is one list. A line that is
    a comment of the form "# auditor: ..." is kept for suppressions and not checked.
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    blocks: list[Block] = []
    comments: list[Comment] = []
    list_id = 0
    in_list = False
    para: list[tuple[int, int]] = []

    def flush() -> None:
        if not para:
            return
        wrapped = len(para) > 1 and not all(_TERMINAL.search(text, s, e) for s, e in para[:-1])
        if wrapped:
            blocks.append(Block(para[0][0], para[-1][1], "paragraph"))
        else:
            blocks.extend(Block(s, e, "paragraph") for s, e in para)
        para.clear()

    for s, e in lines:
        while s < e and text[s] in " \t":
            s += 1
        if s >= e:
            flush()
            continue
        cm = _TEXT_COMMENT.match(text, s, e)
        if cm:
            flush()
            comments.append(Comment(s, e, cm.group(1)))
            continue
        bm = _BULLET.match(text, s, e)
        if bm:
            flush()
            if not in_list:
                list_id += 1
                in_list = True
            blocks.append(Block(bm.end(), e, "bullet", list_id))
            continue
        in_list = False
        para.append((s, e))
    flush()
    return blocks, comments


def _mark_title(blocks: list[Block], text: str) -> list[Block]:
    """A short first line with no terminal punctuation is the headline."""
    if len(blocks) > 1 and blocks[0].kind == "paragraph":
        b = blocks[0]
        line = text[b.start : b.end]
        if "\n" not in line and not _TERMINAL.search(line) and len(line.split()) <= 25:
            blocks[0] = Block(b.start, b.end, "heading")
    return blocks


def plain_document(path: str, text: str) -> Document:
    blocks, comments = text_blocks(text)
    return Document.build(path, text, text, _mark_title(blocks, text), comments=comments)


# -- reading files ----------------------------------------------------------------------


def read_text(path: Path, max_bytes: int) -> tuple[str, list[str]]:
    """Decode a file as UTF-8; invalid bytes are replaced and reported, not fatal."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    if size > max_bytes:
        raise InputError(
            f"{path}: file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.1f} MB "
            "limit (raise it with --max-size)"
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    if not data.strip():
        raise InputError(f"{path}: empty file, nothing to audit")
    warnings: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        text = data.decode("utf-8", errors="replace")
        warnings.append(f"{path}: invalid UTF-8 at byte {e.start} (bad bytes replaced with U+FFFD)")
    text = text.removeprefix("\ufeff")
    return text, warnings


def _record_document(path: str, record: object, where: str) -> Document:
    if not isinstance(record, dict):
        raise InputError(f"{where}: record is not a JSON object")
    rid, text = record.get("id"), record.get("text")
    if rid is None or not isinstance(text, str):
        raise InputError(f"{where}: record needs an 'id' and a string 'text'")
    if not text.strip():
        raise InputError(f"{where}: record {rid}: empty text, nothing to audit")
    doc = plain_document(f"{path}#{rid}", text)
    title = record.get("title")
    doc.title = title if isinstance(title, str) else None
    doc.fmt = "record"
    return doc


def load_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Load one file into one or more Documents (JSON/JSONL give one per record)."""
    fmt = SUPPORTED.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: unsupported file type '{path.suffix or '(none)'}' "
            f"(supported: {', '.join(sorted(SUPPORTED))})"
        )
    text, warnings = read_text(path, max_bytes)
    name = str(path)
    out = Loaded(problems=list(warnings))
    if fmt == "txt":
        out.documents.append(plain_document(name, text))
    elif fmt == "md":
        view, blocks, comments = markdown_view(text)
        out.documents.append(Document.build(name, text, view, blocks, comments=comments, fmt="md"))
    elif fmt == "html":
        view, blocks, comments, omap, title = html_view(text)
        if not blocks:
            raise InputError(f"{path}: no text found in the HTML")
        doc = Document.build(name, text, view, blocks, offset_map=omap, comments=comments,
                             fmt="html", title=title)  # fmt: skip
        out.documents.append(doc)
    elif fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}: invalid JSON at line {e.lineno}: {e.msg}") from None
        records = data if isinstance(data, list) else [data]
        for i, rec in enumerate(records):
            try:
                out.documents.append(_record_document(name, rec, f"{path}: record {i + 1}"))
            except InputError as e:
                out.problems.append(str(e))
    else:  # jsonl
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
                doc = _record_document(name, rec, where)
            except json.JSONDecodeError as e:
                out.problems.append(f"{where}: invalid JSON: {e.msg}")
                continue
            except InputError as e:
                out.problems.append(str(e))
                continue
            doc.record_line = lineno
            out.documents.append(doc)
    for doc in out.documents:
        doc.warnings.extend(warnings)
    if not out.documents and fmt in ("json", "jsonl"):
        raise InputError(
            f"{path}: no valid records" + (f" ({out.problems[0]})" if out.problems else "")
        )
    return out


def discover(paths: list[str]) -> tuple[list[Path], list[str], bool]:
    """Expand the paths given on the command line into files to load.

    Returns the files, problems (one line each) and whether a named path was missing.
    Directories are searched recursively for supported extensions; hidden folders and
    virtual environments are skipped.
    """
    files: list[Path] = []
    problems: list[str] = []
    missing = False
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in SUPPORTED
                and not any(part.startswith(".") or part in ("node_modules", "venv")
                            for part in f.relative_to(p).parts[:-1])
            )  # fmt: skip
            if not found:
                problems.append(
                    f"{p}: no supported files in directory ({', '.join(sorted(SUPPORTED))})"
                )
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            problems.append(f"{p}: no such file or directory")
            missing = True
    return files, problems, missing
