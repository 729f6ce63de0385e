"""Spelling word by word: each distinct word goes to Harper's spell checker once per run.

Run over whole paragraphs, Harper's spell checker spends most of its time making
suggestions for names (a news article is full of them) that `names.is_name` then drops: it
cost about as much as 300 of Harper's other rules together. Here a piece's words that are
surely names (`names.surely_name`: capitalised inside a sentence, capitalised elsewhere in
the article, with digits, part of a compound, in the user's list) are never looked up, and
every other word is looked up once per process (`harper.spell`), so a batch pays for each
distinct word once. The other rules still read whole pieces.
"""

from __future__ import annotations

import re
from dataclasses import replace

from auditor.document import Document
from auditor.engines.feed import Fed
from auditor.engines.harper import EngineLint, spell, spelling_wins, spelt
from auditor.engines.names import surely_name

# a word as Harper's tokenizer sees one: letters and digits, with inner apostrophes
# ("don't", "Kursk's"); a hyphen, a dot or a slash ends it
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def spelling_lints(
    doc: Document, fed: Fed, dialect: str, words: frozenset[str]
) -> list[EngineLint]:
    """Harper's spelling lints on the words of a fed piece (offsets in `fed.text`), the
    words that are surely names left out."""
    known = spelt(dialect)
    todo: list[re.Match[str]] = []
    for m in _WORD.finditer(fed.text):
        if known.get(m.group()) == ():
            continue  # looked up before and spelled right: the common case
        if not surely_name(doc, fed.start(m.start()), fed.end(m.end()), words):
            todo.append(m)
    if not todo:
        return []
    looked = spell((m.group() for m in todo), dialect)
    return [
        replace(lt, start=m.start() + lt.start, end=m.start() + lt.end)
        for m in todo
        for lt in looked[m.group()]
    ]


def merge(
    text: str, grammar: list[EngineLint], spelling: list[EngineLint], dialect: str
) -> list[EngineLint]:
    """Both kinds of lint of a piece of text, as Harper reports them when one call makes
    both: a lint that overlaps one starting before it (or as early and longer) is dropped,
    and of two on the very same word Harper's more important one is kept (for that, a
    word another rule flags is looked up even if it is surely a name: Harper's own spelling
    lint would have hidden the other rule's, and then been dropped as a name)."""
    spelled = {(s.start, s.end): s for s in spelling}
    kept: list[EngineLint] = []
    for g in grammar:
        word = text[g.start : g.end]
        if (g.start, g.end) not in spelled and _WORD.fullmatch(word):
            spelled.update(((g.start, g.end), replace(lt, start=g.start + lt.start,
                            end=g.start + lt.end)) for lt in spell((word,), dialect)[word]
                           if (lt.start, lt.end) == (0, len(word)))  # fmt: skip
        tie = spelled.get((g.start, g.end))
        if tie is not None and spelling_wins(g.rule, dialect, text, g.start, g.end):
            continue  # the spelling lint stands instead
        spelled.pop((g.start, g.end), None)
        kept.append(g)
    ranked = sorted([*kept, *spelled.values()], key=lambda e: (e.start, -e.end))
    out: list[EngineLint] = []
    cur = 0
    for lt in ranked:
        if lt.start < cur:
            continue  # overlaps the lint kept before it
        out.append(lt)
        cur = lt.end
    return sorted(out, key=lambda e: (e.start, e.end, e.rule))
