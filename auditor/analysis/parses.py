"""Parsed sentences remembered by their text, so that a sentence is parsed once per process.

An editor re-checks the whole article after each keystroke pause, and each check builds a
new Document: without this, every sentence a rule asks about was parsed again (about 40 ms
of a 600-word article's re-check). Archives repeat sentences too (boilerplate, wire copy).
The parse of a sentence depends only on its text as fed to spaCy, so a remembered parse is
the parse. Bounded (least recently used out first): a kept Doc drops its tok2vec tensor,
which nothing reads after the parse (the named-entity recogniser has its own embedding),
and still costs about 10 KB (25 tokens, measured with tracemalloc on BBC sentences), so
1,024 sentences (about 10 MB) are kept: a long article's, with room for boilerplate.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["clear", "parse_all", "stats"]

MAX_SENTENCES = 1024
# a longer "sentence" (a wall of text with no full stop) is parsed but not kept: one would
# hold megabytes (about 400 bytes a token) long after its document is done
MAX_TOKENS = 256
_kept: OrderedDict[str, Any] = OrderedDict()
_lock = threading.Lock()
_stats = {"hits": 0, "misses": 0}


def parse_all(tokenized: list[Any], parse: Callable[[Iterable[Any]], Iterator[Any]]) -> list[Any]:
    """The parsed Doc of each tokenized Doc, in order: remembered ones from memory, the
    others (each distinct text once) through `parse` in one batch."""
    texts = [d.text for d in tokenized]
    with _lock:
        known = {t: _kept[t] for t in texts if t in _kept}
        for t in known:
            _kept.move_to_end(t)
    todo: dict[str, Any] = {}
    for t, d in zip(texts, tokenized, strict=True):
        if t not in known and t not in todo:
            todo[t] = d
    _stats["hits"] += len(texts) - len(todo)
    _stats["misses"] += len(todo)
    if todo:
        fresh = dict(zip(todo, parse(todo.values()), strict=True))
        for sdoc in fresh.values():
            sdoc.tensor = sdoc.tensor[:0].copy()  # a view would keep the whole array
        known.update(fresh)
        with _lock:
            _kept.update((t, d) for t, d in fresh.items() if len(d) <= MAX_TOKENS)
            while len(_kept) > MAX_SENTENCES:
                _kept.popitem(last=False)
    return [known[t] for t in texts]


def clear() -> None:
    with _lock:
        _kept.clear()


def stats() -> dict[str, int]:
    """Sentences served from memory and parsed, since the process started."""
    return dict(_stats)
