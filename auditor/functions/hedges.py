"""What the hedges pack's code shares with its data rules.

The cue rules of the pack are `existence` rules with `anchors` (auditor/checks/existence.py
and anchors.py); its density rule is a `density` rule. `hedges.weasel` (weasel.py) skips
the sentences a cue rule already covers, found here.
"""

from __future__ import annotations

from auditor.checks.anchors import trie_regex
from auditor.checks.density import pack_rules, sentence_hits
from auditor.document import Document
from auditor.packs import Rule

__all__ = ["covered_sentences", "cue_rules", "trie_regex"]


def cue_rules(rule: Rule) -> list[Rule]:
    """The cue rules of a rule's pack: its `existence` rules, in file order."""
    return [r for r in pack_rules(rule) if r.kind == "existence"]


def covered_sentences(doc: Document, rule: Rule) -> set[int]:
    """Indexes of the sentences where a cue rule of the pack (any severity, quoted or not)
    has a hit that its exceptions do not clear."""
    return set(sentence_hits(doc, cue_rules(rule), quoted=True))
