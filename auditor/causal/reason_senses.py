"""Sense checks for reasons and conditions given in a clause: "for doing", "if".

"arrested for attacking" gives a reason, "for training" names a noun; "if the talks fail,
the strike goes on" sets a condition, "asked if" and "even if" do not.
"""

from __future__ import annotations

import re

from auditor.causal.window import words_after, words_before

_NOT_GERUND = {"nothing", "something", "anything", "everything", "morning", "evening", "spring",
               "king", "thing", "things", "during", "bring", "sing", "ring", "wing", "sterling",
               "string", "ceiling", "offering", "offerings", "hearing", "meeting", "meetings",
               "building", "buildings", "funding", "housing", "clothing", "training",
               "wedding", "shipping", "parking", "outstanding", "beijing", "reading",
               "viewing", "listening", "screening", "landing", "spending", "savings",
               "feelings", "feeling", "earnings", "findings", "proceedings", "shootings",
               "bombings", "killings", "opening", "swing", "boxing", "bowling", "batting",
               "being"}  # fmt: skip
_NOT_IF = {"as", "even", "asked", "ask", "asks", "asking", "know", "knew", "known", "see",
           "saw", "seen", "wonder", "wondered", "wondering", "check", "checked", "decide",
           "whether", "unclear", "clear", "sure", "doubt", "doubtful", "tell", "told", "find",
           "found", "out", "only", "what", "and", "or", "but", "question", "matter"}  # fmt: skip
# words after "if" that make it no condition: "if any", "if so", "if necessary"
_NOT_CONDITION_NEXT = {"any", "so", "not", "necessary", "possible", "only", "ever", "anything",
                       "need", "needed", "true"}  # fmt: skip


def for_gerund(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "for attacking": a reason ("arrested for attacking"), not "for training" (a noun)."""
    nxt = words_after(text, m.end(), hi, 1)
    return bool(nxt) and nxt[0].endswith("ing") and len(nxt[0]) > 5 and (nxt[0] not in _NOT_GERUND)


def condition(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """A condition ("if the talks fail, ..."), not an embedded question ("asked if")."""
    prev = words_before(text, m.start(), lo, 1)
    nxt = words_after(text, m.end(), hi, 1)
    if prev and prev[-1] in _NOT_IF:
        return False
    return bool(nxt) and nxt[0] not in _NOT_CONDITION_NEXT
