"""Find the documents named on the command line and stream them as Items.

Directories (searched recursively, hidden folders and virtual environments skipped), files,
globs and "-" (standard input) are read by one reader per format: plain text, Markdown and
HTML files are one document each; JSON, JSON Lines, CSV and Parquet hold one per record;
any of them but Parquet may be gzipped. Nothing here holds more than one file (or one
Parquet batch) in memory. What cannot be read becomes an Item with a `problem`; a named
input that does not exist, or holds nothing to read, is a line in `Sources.problems`.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from auditor.inputs.items import (
    DOC_FORMATS,
    RECORD_FORMATS,
    InputOptions,
    Item,
    content_hash,
    problem_item,
    split_ext,
    supported,
    supported_list,
    why,
)
from auditor.inputs.records import READERS

SKIP_DIRS = {"node_modules", "venv", "__pycache__"}
STDIN = "-"


def _walk(root: Path) -> Iterator[Path]:
    """Supported files under root in a stable order, one directory listing at a time."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        if e.is_dir(follow_symlinks=False):
            if e.name not in SKIP_DIRS:
                yield from _walk(Path(e.path))
        elif e.is_file() and supported(Path(e.name)):
            yield Path(e.path)


def _glob_root(pattern: str) -> Path:
    """The directory part of a glob before its first wildcard (folders are relative to it)."""
    parts: list[str] = []
    for part in Path(pattern).parts:
        if any(c in part for c in "*?["):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def folder_of(path: Path, root: Path) -> str:
    """The folder a document is grouped under in batch summaries."""
    try:
        rel = path.parent.relative_to(root)
    except ValueError:
        rel = Path(path.parent.name)
    return str(rel) if str(rel) != "." else (root.name or ".")


class Sources:
    """The inputs named by `paths`; `problems` holds one line per unusable named input."""

    def __init__(
        self,
        paths: list[str],
        opts: InputOptions | None = None,
        stdin: BinaryIO | None = None,
    ) -> None:
        self.paths = list(paths)
        self.opts = opts or InputOptions()
        self.stdin = stdin
        self.problems: list[str] = []
        self.missing = False  # a named path does not exist (exit 2 even if others were read)

    def files(self) -> Iterator[tuple[Path, Path]]:
        """(file, root) for every supported file named by the paths (dirs, files, globs)."""
        for raw in self.paths:
            if raw != STDIN:
                yield from self._files_of(raw)

    def _files_of(self, raw: str) -> Iterator[tuple[Path, Path]]:
        p = Path(raw)
        if p.is_dir():
            found = False
            for f in _walk(p):
                found = True
                yield f, p
            if not found:
                self.problems.append(f"{p}: no supported files in directory")
        elif p.is_file():
            if supported(p):
                yield p, p.parent
            else:
                ext = "".join(p.suffixes[-2:]) or "(none)"
                self.problems.append(
                    f"{p}: unsupported file type '{ext}' (supported: {supported_list()})"
                )
        elif any(c in raw for c in "*?["):
            matched = [Path(m) for m in sorted(glob.iglob(raw, recursive=True))]
            matched = [m for m in matched if m.is_file() and supported(m)]
            if not matched:
                self.problems.append(f"{raw}: no supported files match")
            for m in matched:
                yield m, _glob_root(raw)
        else:
            self.problems.append(f"{p}: no such file or directory")
            self.missing = True

    def items(self) -> Iterator[Item]:
        """Every document under the paths, in order, standard input where "-" stands."""
        for raw in self.paths:
            if raw == STDIN:
                yield from self._stdin_items()
                continue
            for path, root in self._files_of(raw):
                yield from read_path(path, folder_of(path, root), self.opts)

    def _stdin_items(self) -> Iterator[Item]:
        name = self.opts.stdin_filename or STDIN
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(self.opts.max_bytes + 1)
        except OSError as e:
            yield problem_item(name, name, ".", f"cannot read standard input: {why(e)}")
            return
        if len(data) > self.opts.max_bytes:
            yield problem_item(name, name, ".", _over_limit(len(data), self.opts.max_bytes, "+"))
            return
        yield from read_path(Path(name), ".", self.opts, data)


def _over_limit(size: int, max_bytes: int, plus: str = "") -> str:
    return (
        f"input is {size / 1048576:.1f}{plus} MB, over the {max_bytes / 1048576:.1f} MB limit "
        "(raise it with --max-size)"
    )


def read_path(
    path: Path, folder: str, opts: InputOptions, data: bytes | None = None
) -> Iterator[Item]:
    """The Items of one file (or of `data` read from standard input under that name)."""
    ext, gz = split_ext(path)
    if ext in RECORD_FORMATS:
        reader = READERS[RECORD_FORMATS[ext]]
        try:
            yield from distinct_ids(reader(path, gz, folder, opts, data))
        except (OSError, ValueError, EOFError, ImportError, gzip.BadGzipFile) as e:
            yield problem_item(str(path), str(path), folder, f"cannot read: {why(e)}")
        except Exception as e:  # zlib.error and kin: a corrupt file must not end the run
            yield problem_item(str(path), str(path), folder, f"cannot read: {why(e)}")
        return
    yield file_item(path, DOC_FORMATS.get(ext, "txt"), gz, folder, opts, data)


def distinct_ids(items: Iterator[Item]) -> Iterator[Item]:
    """Records of one file that share an id stay distinct: the second `FILE#7` is
    `FILE#7~2`, so no record overwrites another in a store and every report counts all."""
    seen: dict[str, int] = {}
    for item in items:
        n = seen.get(item.id, 0) + 1
        seen[item.id] = n
        if n > 1:
            item.id = f"{item.id}~{n}"
        yield item


def file_item(
    path: Path, fmt: str, gz: bool, folder: str, opts: InputOptions, data: bytes | None = None
) -> Item:
    """One text, Markdown or HTML document, read whole (within the size limit)."""
    name = str(path)
    try:
        if data is None:
            st = path.stat()
            if st.st_size > opts.max_bytes:
                return problem_item(name, name, folder, _over_limit(st.st_size, opts.max_bytes),
                                    f"stat:{st.st_size}:{st.st_mtime_ns}")  # fmt: skip
            data = path.read_bytes()
        if gz:
            data = gunzip(data, opts.max_bytes)
    except Exception as e:  # OSError, EOFError, zlib.error, BadGzipFile: unreadable
        return problem_item(name, name, folder, f"cannot read: {why(e)}")
    h = content_hash(data)
    if b"\x00" in data[:8192]:
        return problem_item(name, name, folder, "binary file, not text", h)
    if not data.strip():
        return problem_item(name, name, folder, "empty file, nothing to audit", h)
    return Item(name, name, fmt, folder, h, data=data)


def gunzip(data: bytes, max_bytes: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
        out = f.read(max_bytes + 1)
    if len(out) > max_bytes:
        raise ValueError(f"decompressed size over the {max_bytes / 1048576:.1f} MB limit")
    return out


def count_items(paths: list[str], opts: InputOptions | None = None) -> int | None:
    """How many Items the paths hold, when that is cheap to know (None if not)."""
    total = 0
    for path, _root in Sources(paths, opts).files():
        ext, gz = split_ext(path)
        if ext in DOC_FORMATS:
            total += 1
        elif gz or ext in (".json", ".csv"):
            return None
        elif ext == ".parquet":
            try:
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
            except Exception:
                return None
        else:
            try:
                with open(path, "rb") as f:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
            except OSError:
                return None
    return total


def iter_items(paths: list[str], opts: InputOptions | None = None) -> Iterator[Item]:
    """Every document under the paths, streamed (problems with named paths are dropped:
    use `Sources` to hear about them)."""
    return Sources(paths, opts).items()
