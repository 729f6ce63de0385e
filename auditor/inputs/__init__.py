"""Inputs: every format the auditor reads, as Items, and Items as Documents."""

from auditor.inputs.build import (
    Loaded,
    decode,
    document_for,
    load_file,
    load_paths,
    markup_document,
)
from auditor.inputs.items import DEFAULT_MAX_BYTES, InputOptions, Item, content_hash
from auditor.inputs.sources import STDIN, Sources, count_items, folder_of, iter_items, read_path
from auditor.inputs.text import plain_document, text_blocks

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
