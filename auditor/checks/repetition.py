"""`repetition`: text that says the same thing twice (summary bullets, body pasted twice).

`compare` names what is compared and how:

- `bullets`: bullets of one list whose content words mostly coincide (a reworded repeat);
- `bullet-phrases`: bullets of one list that repeat one phrase in near the same words (the
  pairs `bullets` misses because the rest of each bullet differs; pairs close enough for
  `bullets` are left to it);
- `body`: a body paragraph that appears twice, then sentences outside the repeated
  paragraphs (a CMS copy-paste). Headings, bullets and block quotes are left out: a
  headline restates the story, bullets sum it up, a pull quote repeats a line on purpose.

Bullets are compared only with bullets of the same list: a summary exists to restate the
body, so a bullet that sums up a paragraph is fine; two bullets that make one claim are not.
The hit sits on the later copy; message fields: {unit} (bullet, paragraph, sentence),
{line} and {earlier} (the earlier copy's line and its first words), {similarity} and
{phrase_words}. Similarity is over normalised content words (auditor/similarity.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from auditor.checks import Check, register
from auditor.findings import Hit, render_message
from auditor.options import BadOption, Opt
from auditor.tokens import sentence_tokens

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.packs import Rule
    from auditor.similarity import Unit
    from auditor.textnorm import Encoder

# the similarity code (RapidFuzz) is imported when a repetition rule first runs, not when
# the pack loader registers the kind
_ENCODER: list[Encoder] = []


def _fresh_encoder() -> Encoder:
    """One alphabet for all documents: a word form is normalised once per run, not per
    document."""
    if not _ENCODER:
        from auditor.textnorm import Encoder

        _ENCODER.append(Encoder())
    return _ENCODER[0].fresh()


# the options each comparison reads
USES = {
    "bullets": ("threshold", "min_words"),
    "bullet-phrases": ("threshold", "phrase_words", "phrase_matched", "phrase_common"),
    "body": ("body_threshold", "body_min_words"),
}


def _excerpt(doc: Document, unit: Unit, width: int = 60) -> str:
    text = " ".join(doc.text[unit.start : unit.end].split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


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
    from auditor.similarity import make_unit

    wanted = set(blocks)
    tokens = sentence_tokens(doc)
    out: dict[int, list[Unit]] = {i: [] for i in blocks}
    for k, s in enumerate(doc.sentences):
        if s.block in wanted:
            out[s.block].append(make_unit(tokens[k], s.start, s.end, enc, common=common))
    return out


def _bullet_units(doc: Document, blocks: list[int], enc: Encoder) -> list[Unit]:
    from auditor.similarity import join_units

    by_block = _block_units(doc, blocks, enc, common=True)
    return [
        join_units(by_block[i], doc.blocks[i].start, doc.blocks[i].end, enc.numbers) for i in blocks
    ]


@register
class Repetition(Check):
    kind = "repetition"
    options: ClassVar[dict[str, Opt]] = {
        "compare": Opt(str, None, "what is compared", choices=tuple(USES), required=True),
        # calibrated on MRPC train for precision (benchmarks/mrpc_eval.py); see README
        "threshold": Opt(float, 83.0, "bullets: similarity (0-100) from which two are one",
                         minimum=0, maximum=100, setting=True),
        "min_words": Opt(int, 3, "bullets: content words a bullet needs to be compared",
                         minimum=0, setting=True),
        "phrase_words": Opt(int, 4, "bullet-phrases: words in a phrase", minimum=1,
                            setting=True),
        "phrase_matched": Opt(int, 3, "bullet-phrases: words of the phrase that must be the "
                              "same, in order", minimum=1, setting=True),
        "phrase_common": Opt(int, 2, "bullet-phrases: of those, ordinary lower-case words",
                             minimum=0, setting=True),
        "body_threshold": Opt(float, 90.0, "body: word-order similarity (0-100) of a repeat",
                              minimum=0, maximum=100, setting=True),
        "body_min_words": Opt(int, 6, "body: content words a sentence needs to be compared",
                              minimum=0, setting=True),
    }  # fmt: skip

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.compare: str = rule.options["compare"]
        self.uses = USES[self.compare]
        for key in rule.options:
            if key != "compare" and key not in self.uses:
                raise BadOption(key, f"does not apply to compare = '{self.compare}'")

    def settable(self) -> dict[str, Opt]:
        return {k: o for k, o in self.options.items() if k in self.uses}

    def run(self, doc: Document) -> Iterator[Hit]:
        if self.compare == "body":
            return self._body(doc)
        return self._bullets(doc)

    def _hits(
        self, doc: Document, units: list[Unit], pairs: list[tuple[int, int, float]], unit: str
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
            msg = render_message(
                self.rule.message, unit=unit, line=line, similarity=round(score),
                earlier=_excerpt(doc, earlier), phrase_words=self.value("phrase_words"),
            )  # fmt: skip
            data: dict[str, object] = {
                "duplicate_of": {"line": line, "start": o_start, "end": o_end,
                                 "similarity": round(score, 1)},
            }  # fmt: skip
            yield Hit(later.start, later.end, msg, data=data)

    def _bullets(self, doc: Document) -> Iterator[Hit]:
        from auditor.similarity import shared_phrases, similar_pairs

        threshold = self.value("threshold")
        for blocks in _bullet_lists(doc):
            units = _bullet_units(doc, blocks, _fresh_encoder())
            if self.compare == "bullets":
                pairs = similar_pairs(units, threshold, min_words=self.value("min_words"))
            else:
                close = {(i, j) for i, j, _ in similar_pairs(units, threshold)}
                found = shared_phrases(
                    units,
                    size=self.value("phrase_words"),
                    matched=self.value("phrase_matched"),
                    min_common=self.value("phrase_common"),
                )
                pairs = [(i, j, s) for i, j, s in found if (i, j) not in close]
            yield from self._hits(doc, units, pairs, "bullet")

    def _body(self, doc: Document) -> Iterator[Hit]:
        from auditor.similarity import join_units, similar_pairs

        threshold = self.value("body_threshold")
        min_words = self.value("body_min_words")
        enc = _fresh_encoder()
        body = [i for i, b in enumerate(doc.blocks) if b.kind == "paragraph"]
        by_block = _block_units(doc, body, enc)
        paras = [
            join_units(by_block[i], doc.blocks[i].start, doc.blocks[i].end, enc.numbers)
            for i in body
        ]
        ppairs = similar_pairs(paras, threshold, ordered=True, min_words=min_words)
        yield from self._hits(doc, paras, ppairs, "paragraph")
        # the later copy of a repeated paragraph is left out, so no pair is reported twice
        repeated = {body[j] for _, j, _ in ppairs}
        sents = [u for i in body if i not in repeated for u in by_block[i]]
        spairs = similar_pairs(sents, threshold, ordered=True, min_words=min_words)
        yield from self._hits(doc, sents, spairs, "sentence")
