"""Subject-verb agreement: recall on errors others wrote, false alarms on their corrections.

    python -m benchmarks.agreement_eval            # the table in docs/grammar.md

Three sets, each a list of (erroneous sentence, the verb word at fault, corrected sentence):

* JFLEG (dev + test) sources whose correction changes a verb's number (is/are, was/were,
  has/have, does/do, "say"/"says": one token, the same lemma); the source as the learner
  wrote it (with its other errors), against the correction (every fix applied).
* The same JFLEG pairs, minimal: the correction with only the verb put back as the learner
  wrote it, so that the sentence has the agreement error and nothing else.
* BBC: one sentence from each of 300 articles of the report split (no quotation marks, a
  be/have/do verb not after a pronoun, a modal or "to"), its verb number flipped.

Recall: the rule reports the faulty verb in the erroneous sentence. False alarms: sentences
of the corrected (original) side with any finding of the rule. Data is read in place from
../shared/eval (or AUDITOR_EVAL_DIR), never copied.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Callable

from auditor import inflect
from auditor.analysis import nlp as analysis_nlp
from auditor.engine import Auditor, Selection
from auditor.inputs import plain_document
from auditor.packs import load_packs
from benchmarks.evaldata import eval_missing, eval_path
from benchmarks.grammar_eval import bbc_files, detokenise

Case = tuple[str, str, str]  # (erroneous sentence, faulty verb, corrected sentence)
Finder = Callable[[str], list[str]]  # sentence -> the texts of the findings

_PAIRS = [("is", "are"), ("was", "were"), ("has", "have"), ("does", "do")]
_SWAP = {a: b for a, b in _PAIRS} | {b: a for a, b in _PAIRS}
_NOT_FINITE = frozenset(
    [
        "to",
        "will",
        "would",
        "could",
        "should",
        "might",
        "may",
        "must",
        "can",
        "shall",
        "i",
        "you",
        "we",
        "they",
        "he",
        "she",
        "it",
        "not",
        "n't",
        "did",
        "do",
        "does",
    ]
)
# each column: the rules whose findings count
SYSTEMS = {
    "grammar.agreement": ("grammar.agreement",),
    "plural-singular-verb": ("grammar.plural-singular-verb",),
    "all three agreement rules": (
        "grammar.agreement",
        "grammar.plural-singular-verb",
        "grammar.pronoun-verb",
    ),
}


def verb_number_pair(a: str, b: str) -> bool:
    """Whether two words are one verb in two numbers ("is"/"are", "says"/"say")."""
    a, b = a.lower(), b.lower()
    if _SWAP.get(a) == b:
        return True
    if a == b or not a.isalpha() or not b.isalpha():
        return False
    for lemma in set(inflect.reading(a).verb_lemmas) & set(inflect.reading(b).verb_lemmas):
        third = inflect.forms(lemma, "VBZ")
        base = (lemma, *inflect.forms(lemma, "VBP"))
        if (a in third and b in base) or (b in third and a in base):
            return True
    return False


def jfleg_cases() -> tuple[list[Case], list[Case]]:
    """(as written, minimal) cases from JFLEG dev and test, one per source sentence."""
    d = eval_path("jfleg")
    written: list[Case] = []
    minimal: list[Case] = []
    for split in ("dev", "test"):
        src = (d / f"{split}.src").read_text(encoding="utf-8").splitlines()
        refs = [(d / f"{split}.ref{i}").read_text(encoding="utf-8").splitlines() for i in range(4)]
        for i, s in enumerate(src):
            for ref in refs:
                found = _verb_change(s.split(), ref[i].split()) if i < len(ref) else None
                if found is not None:
                    wrong, mini = found
                    written.append((detokenise(s), wrong, detokenise(ref[i])))
                    minimal.append((detokenise(mini), wrong, detokenise(ref[i])))
                    break
    return written, minimal


def _verb_change(src: list[str], ref: list[str]) -> tuple[str, str] | None:
    """(the learner's verb, the correction with only that verb put back), or None."""
    ops = difflib.SequenceMatcher(a=src, b=ref, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if (
            tag == "replace"
            and i2 - i1 == 1
            and j2 - j1 == 1
            and verb_number_pair(src[i1], ref[j1])
        ) and _finite_verb(ref, j1):
            return src[i1], " ".join([*ref[:j1], src[i1], *ref[j2:]])
    return None


def _finite_verb(tokens: list[str], i: int) -> bool:
    """Whether the corrected word is a finite verb there ("reasons" in "several reasons" is a
    noun): the tagger's reading of the corrected sentence, which has no error to mislead it."""
    from spacy.tokens import Doc

    nlp = analysis_nlp()
    doc = nlp(Doc(nlp.vocab, words=tokens))
    return bool(doc[i].tag_ in ("VBZ", "VBP", "VBD") or doc[i].lower_ in _SWAP)


def bbc_cases(n: int = 300) -> list[Case]:
    """One sentence per article of the report split, its be/have/do verb number flipped."""
    out: list[Case] = []
    for k, path in enumerate(bbc_files("report", 10 * n)):
        doc = plain_document(str(path), path.read_text(encoding="utf-8", errors="replace"))
        sents = [doc.text[s.start : s.end].strip() for s in doc.sentences]
        flips = [f for f in map(_flip, sents) if f is not None]
        if flips:
            out.append(flips[k % len(flips)])
        if len(out) == n:
            break
    return out


_VERB = re.compile(r"(?<=\s)(is|are|was|were|has|have)(?=\s)")


def _flip(sentence: str) -> Case | None:
    if any(q in sentence for q in "\"“”'‘’") or not 6 <= len(sentence.split()) <= 50:
        return None
    for m in _VERB.finditer(sentence):
        before = sentence[: m.start()].split()
        if before and before[-1].lower() not in _NOT_FINITE:
            wrong = _SWAP[m.group()]
            return sentence[: m.start()] + wrong + sentence[m.end() :], wrong, sentence
    return None


def finder(rules: tuple[str, ...]) -> Finder:
    aud = Auditor(load_packs(), Selection(select=list(rules)))

    def run(text: str) -> list[str]:
        doc = plain_document("s.txt", text)
        return [f.text.lower() for f in aud.audit(doc) if f.rule in rules]

    return run


def score(find: Finder, cases: list[Case]) -> tuple[float, float]:
    """(recall on the erroneous side, share of corrected sentences with a finding)."""
    hit = sum(wrong.lower() in find(bad) for bad, wrong, _ in cases)
    false = sum(bool(find(good)) for _, _, good in cases)
    return hit / len(cases), false / len(cases)


def main() -> int:
    if eval_missing("agreement_eval", "jfleg", "bbc-news"):
        return 2
    written, minimal = jfleg_cases()
    sets = {"JFLEG, as written": written, "JFLEG, verb error only": minimal,
            "BBC, verb number flipped": bbc_cases()}  # fmt: skip
    finders = {name: finder(rules) for name, rules in SYSTEMS.items()}
    print("| set | pairs | " + " | ".join(f"{n}: recall | false alarms" for n in finders) + " |")
    print("| --- | --- |" + " --- | --- |" * len(finders))
    for name, cases in sets.items():
        cells = []
        for find in finders.values():
            r, f = score(find, cases)
            cells.append(f"{r:.2f} | {f:.1%}")
        print(f"| {name} | {len(cases)} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
