"""Grammar rules that need code rather than a pattern."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from auditor.checks.substitution import compile_swaps, match_case
from auditor.document import Document
from auditor.engines.guard import MAX_TOKEN
from auditor.findings import Hit, render_message
from auditor.functions import rule_function
from auditor.options import Opt
from auditor.packs import Rule

_FIRST_WORD = re.compile(r"[\"'“‘]*([^\W\d_][\w'’-]*)")
# words that are written in lower case even at the start of a sentence
_LOWER_OK = {"e.g", "i.e", "vs", "de", "van", "von", "der", "da", "di", "la", "le", "bin", "al",
             "el", "ibn", "x", "n", "pH", "mRNA"}  # fmt: skip


def _after_full_stop(text: str, pos: int) -> bool:
    """Whether the text before pos ends with a full stop (perhaps inside a closing quote).

    After "?" or "!" a lower-case word often continues the sentence ("... work?" he asked;
    Which? magazine); a split at neither is a gap in the text, not a new sentence."""
    before = text[max(0, pos - 6) : pos].rstrip().rstrip("\"'”’)]")
    return before.endswith(".") and not before.endswith("..")


@rule_function("grammar.lowercase_sentence_start", options={})
def lowercase_sentence_start(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """A sentence that starts with a lower-case word ("... in Sudzha. reports suggest").

    Left alone: words with a capital inside (iPhone, eBay), a first bullet of a list (list
    items are often fragments), sentences opening with a bracket, digit or symbol.
    """
    prev_block = -1
    for sent in doc.sentences:
        block = doc.blocks[sent.block]
        first_in_block = sent.block != prev_block
        prev_block = sent.block
        if block.kind == "bullet" and first_in_block:
            continue
        if not first_in_block and not _after_full_stop(doc.text, sent.start):
            continue  # '"... will it work?" he asked', "Which? magazine", a gap in the text
        m = _FIRST_WORD.match(doc.text, sent.start, sent.end)
        if m is None:
            continue
        word = m.group(1)
        if not word[0].islower() or any(c.isupper() for c in word) or word.lower() in _LOWER_OK:
            continue
        if len(word) > MAX_TOKEN:
            continue  # not a word: a run of data the grammar engine skips too
        s, e = m.span(1)
        yield Hit(s, e, suggestions=(word[0].upper() + word[1:],))


# -- several substitutions, each with its own named group --------------------------------


_M_GROUP = re.compile(r"\(\?P<m>([^()]*)\)")
_LITERAL = re.compile(r"[a-z]+")


def _keywords(rx: str) -> tuple[str, ...]:
    """Literal beginnings of what group `m` matches ("then", "it" of "it['’]s"), or ()."""
    m = _M_GROUP.search(rx)
    if m is None:
        return ()
    keys = []
    for alt in m.group(1).split("|"):
        lit = _LITERAL.match(alt)
        if lit is None:
            return ()
        keys.append(lit.group())
    return tuple(keys)


@lru_cache(maxsize=64)
def _compiled(
    pairs: tuple[tuple[str, str], ...],
) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    return tuple((re.compile(k), v, _keywords(k)) for k, v in pairs)


@rule_function(
    "grammar.swaps",
    options={"swap": Opt(dict, doc="'wrong regex' = 'right form'; a group m is the span",
                         required=True, nonempty=True)},
)  # fmt: skip
def swaps(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Like `substitution`, but each pattern may name its own group `m` (the span to flag),
    so that context can be matched around the word without being reported.

    Patterns run on the lower-cased text (case-blind without IGNORECASE, which is slower),
    and a pattern whose word does not occur in the document is not run at all."""
    table = options["swap"]
    text = doc.text
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for rx, right, keys in _compiled(tuple(table.items())):
        if keys and not any(k in low for k in keys):
            continue
        for m in rx.finditer(low):
            s, e = m.span("m") if "m" in rx.groupindex else m.span()
            suggestion = match_case(right, text[s:e])
            msg = render_message(rule.message, match=text[s:e], suggestion=suggestion)
            yield Hit(s, e, msg, (suggestion,))


def _validate_swaps(rule: Rule, options: dict[str, Any]) -> None:
    """At pack load: every pattern compiles and every right form is a string."""
    compile_swaps(options["swap"], ignorecase=False)


swaps.validate = _validate_swaps  # type: ignore[attr-defined]
