"""Summary bullets that say the same thing twice, and body text pasted twice.

Bullets are compared only with bullets of the same list: a summary exists to restate the
body, so a bullet that sums up a paragraph is fine; two bullets that make one claim are not.
The finding sits on the later copy and names the earlier one by its line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.document import Document
from auditor.findings import Hit
from auditor.functions import rule_function
from auditor.packs import Rule
from auditor.similarity import Unit, join_units, make_unit, shared_phrases, similar_pairs
from auditor.textnorm import Encoder
from auditor.tokens import sentence_tokens

# Calibrated on MRPC train for precision (benchmarks/mrpc_eval.py); see README.
DEFAULT_BULLET_THRESHOLD = 83.0
DEFAULT_BODY_THRESHOLD = 90.0
# one alphabet for all documents: a word form is normalised once per run, not per document
ENCODER = Encoder()


def _excerpt(doc: Document, unit: Unit, width: int = 60) -> str:
    text = " ".join(doc.text[unit.start : unit.end].split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _hits(
    doc: Document,
    units: list[Unit],
    pairs: list[tuple[int, int, float]],
    what: str,
    how: str,
    measure: str = "of content words alike",
) -> Iterator[Hit]:
    """One hit per later unit, naming its best earlier match."""
    best: dict[int, tuple[int, float]] = {}
    for i, j, score in pairs:
        if j not in best or score > best[j][1]:
            best[j] = (i, score)
    for j in sorted(best):
        i, score = best[j]
        earlier, later = units[i], units[j]
        o_start, o_end = doc.to_original(earlier.start, earlier.end)
        line = doc.line_col(o_start)[0]
        msg = (
            f"This {what} {how} the {what} on line {line} ({round(score)}% {measure}): "
            f"'{_excerpt(doc, earlier)}'."
        )
        data: dict[str, object] = {
            "duplicate_of": {"line": line, "start": o_start, "end": o_end,
                             "similarity": round(score, 1)},
        }  # fmt: skip
        yield Hit(later.start, later.end, msg, data=data)


def _bullet_lists(doc: Document) -> list[list[int]]:
    """Block indexes of each list with two bullets or more."""
    lists: dict[int, list[int]] = {}
    for i, b in enumerate(doc.blocks):
        if b.kind == "bullet" and b.list_id is not None:
            lists.setdefault(b.list_id, []).append(i)
    return [blocks for blocks in lists.values() if len(blocks) > 1]


def _block_units(
    doc: Document, blocks: list[int], enc: Encoder, common: bool = False
) -> dict[int, list[Unit]]:
    """Sentence units of the given blocks, by block (each word normalised once)."""
    wanted = set(blocks)
    tokens = sentence_tokens(doc)
    out: dict[int, list[Unit]] = {i: [] for i in blocks}
    for k, s in enumerate(doc.sentences):
        if s.block in wanted:
            out[s.block].append(make_unit(tokens[k], s.start, s.end, enc, common=common))
    return out


def _bullet_units(doc: Document, blocks: list[int], enc: Encoder) -> list[Unit]:
    by_block = _block_units(doc, blocks, enc, common=True)
    return [
        join_units(by_block[i], doc.blocks[i].start, doc.blocks[i].end, enc.numbers) for i in blocks
    ]


@rule_function("duplicates.bullets")
def duplicate_bullets(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Bullets of one list whose content words mostly coincide (a reworded repeat)."""
    threshold = float(options.get("threshold", DEFAULT_BULLET_THRESHOLD))
    min_words = int(options.get("min_words", 3))
    for blocks in _bullet_lists(doc):
        units = _bullet_units(doc, blocks, ENCODER.fresh())
        pairs = similar_pairs(units, threshold, min_words=min_words)
        yield from _hits(doc, units, pairs, "bullet", "repeats")


@rule_function("duplicates.bullet_phrase")
def bullet_phrase(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """Bullets of one list that repeat one claim in near the same words.

    For the pairs the overall score misses because the rest of each bullet differs. Pairs
    already close enough for `duplicates.bullet` are left to that rule.
    """
    threshold = float(options.get("threshold", DEFAULT_BULLET_THRESHOLD))
    size = int(options.get("phrase_words", 4))
    matched = int(options.get("phrase_matched", 3))
    min_common = int(options.get("phrase_common", 2))
    for blocks in _bullet_lists(doc):
        units = _bullet_units(doc, blocks, ENCODER.fresh())
        close = {(i, j) for i, j, _ in similar_pairs(units, threshold)}
        pairs = [
            (i, j, s)
            for i, j, s in shared_phrases(units, size=size, matched=matched, min_common=min_common)
            if (i, j) not in close
        ]
        yield from _hits(
            doc, units, pairs, "bullet", "repeats a phrase of", f"of a {size}-word phrase alike"
        )


@rule_function("duplicates.repeated_text")
def repeated_text(doc: Document, rule: Rule, options: dict[str, Any]) -> Iterator[Hit]:
    """A paragraph or sentence of the body that appears twice (a CMS copy-paste).

    Whole paragraphs first; then sentences outside the repeated paragraphs. Headings,
    bullets and block quotes are left out: a headline restates the story, bullets sum it
    up, and a pull quote repeats a line of the body on purpose.
    """
    threshold = float(options.get("body_threshold", DEFAULT_BODY_THRESHOLD))
    min_words = int(options.get("body_min_words", 6))
    enc = ENCODER.fresh()
    body = [i for i, b in enumerate(doc.blocks) if b.kind == "paragraph"]
    by_block = _block_units(doc, body, enc)
    paras = [
        join_units(by_block[i], doc.blocks[i].start, doc.blocks[i].end, enc.numbers) for i in body
    ]
    ppairs = similar_pairs(paras, threshold, ordered=True, min_words=min_words)
    yield from _hits(doc, paras, ppairs, "paragraph", "repeats")
    # the later copy of a repeated paragraph is left out, so no pair is reported twice
    repeated = {body[j] for _, j, _ in ppairs}
    sents = [u for i in body if i not in repeated for u in by_block[i]]
    spairs = similar_pairs(sents, threshold, ordered=True, min_words=min_words)
    yield from _hits(doc, sents, spairs, "sentence", "repeats")
