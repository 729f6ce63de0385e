"""Inputs: every format the auditor reads, as Items, and Items as Documents.

Names are loaded on first use, so a command that only needs `InputOptions` does not pay
for the Markdown and HTML readers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.inputs.build import (
        Loaded,
        decode,
        document_for,
        load_file,
        load_paths,
        markup_document,
    )
    from auditor.inputs.items import DEFAULT_MAX_BYTES, InputOptions, Item, content_hash
    from auditor.inputs.sources import (
        STDIN,
        Sources,
        count_items,
        folder_of,
        iter_items,
        read_path,
    )
    from auditor.inputs.text import plain_document, text_blocks

_WHERE = {
    "build": ("Loaded", "decode", "document_for", "load_file", "load_paths", "markup_document"),
    "items": ("DEFAULT_MAX_BYTES", "InputOptions", "Item", "content_hash"),
    "sources": ("STDIN", "Sources", "count_items", "folder_of", "iter_items", "read_path"),
    "text": ("plain_document", "text_blocks"),
}
_MODULE = {name: module for module, names in _WHERE.items() for name in names}
__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "InputOptions",
    "Item",
    "Loaded",
    "Sources",
    "content_hash",
    "count_items",
    "decode",
    "document_for",
    "folder_of",
    "iter_items",
    "load_file",
    "load_paths",
    "markup_document",
    "plain_document",
    "read_path",
    "text_blocks",
]


def __getattr__(name: str) -> Any:
    module = _MODULE.get(name)
    if module is None:
        raise AttributeError(f"module 'auditor.inputs' has no attribute {name!r}")
    return getattr(importlib.import_module(f"auditor.inputs.{module}"), name)
