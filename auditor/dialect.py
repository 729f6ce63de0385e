"""House spelling: suggestions follow the newsroom's dialect ("travelled" for a British
desk, "traveled" for an American one).

The grammar engine already suggests in its dialect; the house rules build their fixes with
lemminflect, which inflects in American spelling. Each word of a suggestion that the
dialect's dictionary does not accept is swapped for a variant that it does: a doubled or
single final l before -ed/-ing/-er, -our/-or, -re/-er, -ise/-ize.
"""

from __future__ import annotations

import re
from functools import lru_cache

# the names a configuration uses -> the grammar engine's dialects
DIALECTS = {"en-GB": "british", "en-US": "american", "en-AU": "australian",
            "en-CA": "canadian", "en-IN": "indian"}  # fmt: skip
DEFAULT = "en-GB"
_WORD = re.compile(r"[A-Za-z]+")
_VARIANTS = (
    (re.compile(r"([aeiou])l(ed|ing|er|ers)$"), r"\1ll\2"),
    (re.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"or(s?)$"), r"our\1"),
    (re.compile(r"our(s?)$"), r"or\1"),
    (re.compile(r"([^aeiou])er(s?)$"), r"\1re\2"),
    (re.compile(r"([^aeiou])re(s?)$"), r"\1er\2"),
    (re.compile(r"iz(e|es|ed|ing)$"), r"is\1"),
    (re.compile(r"is(e|es|ed|ing)$"), r"iz\1"),
)


def engine_dialect(name: str) -> str:
    """The grammar engine's dialect for a configured one; ValueError names the choices."""
    if name not in DIALECTS:
        raise ValueError(f"must be one of {', '.join(DIALECTS)}, not {name!r}")
    return DIALECTS[name]


@lru_cache(maxsize=4096)
def _respell(word: str, dialect: str) -> str:
    from auditor.engines.harper import spelled_right

    if spelled_right(word, dialect):
        return word
    for rx, repl in _VARIANTS:
        variant = rx.sub(repl, word)
        if variant != word and spelled_right(variant, dialect):
            return variant
    return word


def house_spelling(text: str, dialect: str) -> str:
    """A suggestion with each word in the dialect's spelling (words it knows are kept)."""
    return _WORD.sub(lambda m: _respell(m.group(), dialect), text)
