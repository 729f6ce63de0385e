"""The learned weasel-cue rule: its lexicon, its anchor prefilter, and news traps."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.engine import Auditor, Selection
from auditor.functions import weasel as W
from auditor.functions.weasel_features import features, tokens
from auditor.inputs import plain_document
from auditor.packs import load_packs

ROOT = Path(__file__).resolve().parents[1]
PACKS = load_packs()
RULE = next(r for p in PACKS for r in p.rules if r.id == "hedges.weasel")
WEASEL = Auditor(PACKS, Selection(select=["hedges.weasel"]))
HEDGES = Auditor(PACKS, Selection(select=["hedges"]))

NEWS = (
    "Some 500 people were evacuated from the town on May 4. The parade was a show of military "
    "might. The claim could not be independently confirmed. Repairs are due to begin in March. "
    "As many as 300 jobs will be lost, the company said. GM's announcement should go some way "
    "to allay fears. The Financial Times reported that the bridge had collapsed. The bill will "
    "be considered by parliament next week."
)


def test_lexicon_is_learned_data() -> None:
    raw = json.loads((W.LEXICONS / "weasel_cues.json").read_text(encoding="utf-8"))
    assert "benchmarks/weasel_lexicon.py" in raw["about"]
    lex = W.load_lexicon("weasel_cues.json")
    assert lex.bias <= lex.threshold  # no sentence passes without a positive cue
    assert lex.anchors is not None  # so the prefilter is active
    assert lex.weights["some"] > 0 and lex.weights["some #"] < 0


def test_features_keep_month_apart_from_modal() -> None:
    words = [w for w, _, _ in tokens("Some say it may rain on May 4.")]
    assert words == ["some", "say", "it", "may", "rain", "on", "May", "#"]
    assert {"some say", "May #"} <= features(words)


def test_news_traps_stay_quiet() -> None:
    assert WEASEL.audit(plain_document("n.txt", NEWS)) == []


def test_finding_names_cues_and_skips_covered_sentences() -> None:
    text = (
        "Critics of the plan point to its cost. "
        "Some analysts claim the deal may have been a factor."
    )
    found = HEDGES.audit(plain_document("t.txt", text))
    weasel = [f for f in found if f.rule == "hedges.weasel"]
    assert [f.text for f in weasel] == ["Critics"]
    assert "'Critics'" in weasel[0].message and weasel[0].severity == "info"
    # the second sentence has specific findings; the weasel rule adds nothing there
    assert all(f.start < text.index("Some") for f in weasel)


def test_prefilter_finds_what_a_full_scan_finds() -> None:
    seed = (ROOT / "seeds" / "kursk-incursion.txt").read_text(encoding="utf-8")
    lex = W.load_lexicon("weasel_cues.json")
    full = dataclasses.replace(lex, anchors=None)
    total = 0
    for text in (
        seed,
        NEWS,
        "Critics of the plan point to its cost. The audio was criticized as primitive.",
    ):
        doc = plain_document("t.txt", text)
        fast = list(W.weasel(doc, RULE, {"lexicon": "weasel_cues.json"}))
        W._cache["weasel_cues.json"] = full
        try:
            slow = list(W.weasel(doc, RULE, {"lexicon": "weasel_cues.json"}))
        finally:
            W._cache["weasel_cues.json"] = lex
        assert fast == slow
        total += len(fast)
    assert total >= 2  # the comparison is not between two empty lists


@pytest.mark.parametrize("name", ["missing.json", "../rules/hedges.toml", 3])
def test_bad_lexicon_option_is_a_value_error(name: object) -> None:
    with pytest.raises(ValueError):
        W._lexicon({"lexicon": name})


def _tokens_loop(sentence: str) -> list[tuple[str, int, int]]:
    """The per-match loop `tokens` replaced: the learned lexicon was trained on its output."""
    from auditor.functions.weasel_features import NUMBER, TOKEN

    out: list[tuple[str, int, int]] = []
    for i, m in enumerate(TOKEN.finditer(sentence)):
        w = m.group()
        if w[0].isdigit():
            w = NUMBER
        elif i == 0 or w.islower():
            w = w.lower()
        out.append((w, m.start(), m.end()))
    return out


_TOKEN_SENTENCES = [
    "",
    " ",
    "May",
    "9",
    "...",
    "Some say it may rain on May 4.",
    "It's O'Neill's 1,500.5 cars",
    "'tis the BBC's 2nd-best year: 3,000,000 viewers, up 4.5% (per Ofcom).",
    "İstanbul and Ünal say ٣٤ votes, naïve cafés",
    "x'y 'quoted' words'' and don't",
    "MPs' expenses 12,",
    "A B c D",
    "ﬁne ǅemal ⅷ ² 1²3",
]


def test_tokens_equal_the_loop_on_examples() -> None:
    for s in _TOKEN_SENTENCES:
        assert tokens(s) == _tokens_loop(s), s


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZmM '’,.-9٣²\n\tİéǅ")), max_size=40))
def test_tokens_equal_the_loop(sentence: str) -> None:
    assert tokens(sentence) == _tokens_loop(sentence)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_tokens_equal_the_loop_any_text(sentence: str) -> None:
    assert tokens(sentence) == _tokens_loop(sentence)
