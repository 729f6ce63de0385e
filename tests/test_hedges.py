"""The hedges pack on the seed article, on news-language traps, and its anchor index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.checks.anchors import trie_regex
from auditor.checks.existence import Existence
from auditor.checks.patterns import compile_patterns
from auditor.document import Document
from auditor.engine import Auditor, Selection
from auditor.errors import PackError
from auditor.findings import Finding
from auditor.functions.hedges import cue_rules
from auditor.inputs import plain_document
from auditor.packs import Rule, load_pack, load_packs, strip_marks

ROOT = Path(__file__).resolve().parents[1]
PACKS = load_packs()
AUDITOR = Auditor(PACKS, Selection(select=["hedges"]))
CUE_RULES = [r for p in PACKS for r in p.rules if r.kind == "existence" and r.pack == "hedges"]


def audit(text: str) -> list[Finding]:
    return AUDITOR.audit(plain_document("t.txt", text))


def test_seed_findings() -> None:
    text = (ROOT / "seeds" / "kursk-incursion.txt").read_text(encoding="utf-8")
    findings = AUDITOR.audit(plain_document("seed.txt", text))
    warned = {f.text for f in findings if f.severity == "warning"}
    for cue in ("allegedly", "some analysts claim", "Some analysts also speculate"):
        assert cue in warned, cue
    assert any(f.text.startswith("might have played") for f in findings)
    assert any(f.rule == "hedges.unnamed-group" and "enthusiasts" in f.text for f in findings)
    for date in ("May 4", "May 9"):
        at = text.index(date)
        assert not [f for f in findings if f.start < at + len(date) and f.end > at], date
    # named but unverified sources are info, not warnings
    named = [f for f in findings if f.rule == "hedges.unverified-source"]
    assert {f.text for f in named} >= {"Russian media claims", "posted on Telegram"}
    assert all(f.severity == "info" for f in named)
    # the seed hedges about a quarter of its sentences: the document-level finding fires
    assert [f.rule for f in findings].count("hedges.density") == 1


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian forces stormed back into Russia's Kursk region on May 4.",
        "Russia prepares to celebrate its Victory Day on May 9.",
        "May has been the wettest month on record.",
        "The parade was a show of military might.",
        "They pushed with all their might.",
        "The claim could not be independently confirmed.",
        "Repairs are due to begin in March.",
        "The school is due to open in the spring.",
        "Analysts at the Kyiv School of Economics said the deal had no effect.",
        "Some 500 people were evacuated from the town.",
        "The bill will be considered by parliament next week.",
        "He appeared in court on Monday.",
        "The Financial Times reported that the bridge had collapsed.",
        "It could have been worse, the coach said.",
    ],
)
def test_news_language_stays_quiet(text: str) -> None:
    assert audit(text) == [], [f.text for f in audit(text)]


def test_hedge_in_quotation_is_info_only() -> None:
    found = audit('The commander said: "The enemy allegedly blew up the bridges."')
    assert found and all(f.severity == "info" and f.extra.get("quoted") for f in found)


def _full_scan(rule: Rule, doc: Document) -> list[tuple[int, int]]:
    """What a plain whole-text scan of the rule's patterns finds inside sentences."""
    rx = compile_patterns(rule.options["patterns"], rule.ignorecase).regex
    out = []
    for s in doc.sentences:
        for m in rx.finditer(doc.text, s.start, s.end):
            a, b = m.span("m") if "m" in rx.groupindex and m.start("m") >= 0 else m.span()
            if b > a:
                out.append((a, b))
    return out


def _corpus() -> list[str]:
    texts = [(ROOT / "seeds" / "kursk-incursion.txt").read_text(encoding="utf-8")]
    for p in PACKS:
        for r in p.rules:
            texts.extend(strip_marks(e)[0] for e in r.bad + r.good)
    bbc = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "bbc-news"
    texts.extend(p.read_text(errors="replace") for p in sorted(bbc.glob("business/*.txt"))[:150])
    return texts


@pytest.mark.parametrize("rule", CUE_RULES, ids=lambda r: r.id)
def test_anchor_index_finds_what_a_full_scan_finds(rule: Rule) -> None:
    """Every match must contain one of the rule's anchors, or the index would miss it."""
    assert isinstance(rule.check, Existence) and rule.check.anchors
    for text in _corpus():
        doc = plain_document("t.txt", text)
        got = [(h.start, h.end) for h in rule.check.hits(doc)]
        assert got == _full_scan(rule, doc), (rule.id, text[:80])


def test_trie_regex_matches_whole_words_only() -> None:
    rx = trie_regex({"some", "somewhat", "many", "may", "might"})
    found = [m.group() for m in rx.finditer("some somewhat someone many mayor may might mighty")]
    assert found == ["some", "somewhat", "many", "may", "might"]


def test_bad_anchors_fail_at_load(tmp_path: Path) -> None:
    pack = tmp_path / "x.toml"
    pack.write_text(
        '[pack]\nid = "xx"\n[[rule]]\nid = "xx.a"\nkind = "existence"\n'
        'severity = "info"\nmessage = "m"\nwhy = "w"\nanchors = ["Bad Word"]\n'
        'patterns = [\'x\']\nexamples.bad = ["[[x]]"]\nexamples.good = ["y"]\n',
        encoding="utf-8",
    )
    with pytest.raises(PackError, match=r"rule xx\.a: option 'anchors': must be lower-case"):
        load_pack(pack)


def test_density_counts_hedged_sentences() -> None:
    hedged = "Officials allegedly hid the report."
    plain = "The council met on Monday."
    few = audit(" ".join([hedged] + [plain] * 9))
    assert not [f for f in few if f.rule == "hedges.density"]
    many = audit(" ".join([hedged] * 3 + [plain] * 6))
    dens = [f for f in many if f.rule == "hedges.density"]
    assert len(dens) == 1 and "3 of 9 sentences (33 per 100)" in dens[0].message
    assert dens[0].extra["hedge_density"] == pytest.approx(33.3)
    # too short to judge
    assert not [f for f in audit(" ".join([hedged] * 4)) if f.rule == "hedges.density"]


def test_every_cue_rule_declares_anchors_in_lower_case() -> None:
    for r in CUE_RULES:
        anchors = r.options["anchors"]
        assert all(re.fullmatch(r"[a-z][a-z' -]*", a) for a in anchors), r.id


def test_offsets_survive_characters_that_lower_case_longer() -> None:
    text = "İ" * 120 + " met. The general was reportedly dismissed last week."
    found = [f for f in audit(text) if f.rule == "hedges.reportedly"]
    assert [f.text for f in found] == ["reportedly"]


def test_one_finding_per_vague_source() -> None:
    """'Some analysts claim' is vague attribution, not also an unnamed group."""
    found = audit("Meanwhile, some analysts claim that the deal motivated the attack.")
    assert [(f.rule, f.text) for f in found] == [
        ("hedges.vague-attribution", "some analysts claim")
    ]


def test_cue_rules_are_data() -> None:
    """The cue rules are `existence` rules with anchors; density and weasel find them by
    pack and kind, not by a function name."""
    assert len(CUE_RULES) == 12
    assert all(r.options.get("anchors") for r in CUE_RULES)
    weasel = next(r for r in CUE_RULES[0].pack_rules if r.id == "hedges.weasel")
    assert cue_rules(weasel) == CUE_RULES
    density = next(r for r in CUE_RULES[0].pack_rules if r.id == "hedges.density")
    assert density.kind == "density"
    counted = density.check.counted()  # type: ignore[union-attr]
    assert [r.id for r in counted] == [r.id for r in CUE_RULES if r.severity == "warning"]


def test_existence_without_anchors_scans_the_whole_text(tmp_path: Path) -> None:
    pack = tmp_path / "x.toml"
    pack.write_text(
        '[pack]\nid = "xx"\n[[rule]]\nid = "xx.a"\nkind = "existence"\n'
        'severity = "info"\nmessage = "m"\nwhy = "w"\npatterns = [\'a[.] b\']\n'
        'examples.bad = ["[[a. b]]"]\nexamples.good = ["y"]\n',
        encoding="utf-8",
    )
    rule = load_pack(pack).rules[0]
    assert isinstance(rule.check, Existence) and rule.check.anchors is None
    doc = plain_document("t.txt", "It was a. b went home.")
    assert [(h.start, h.end) for h in rule.check.hits(doc)] == [(7, 11)]


def test_an_anchor_inside_a_longer_one_is_still_found() -> None:
    """'possibly' (hedges.epistemic) sits inside 'could possibly' (an anchor of
    hedges.modal-perfect): the index must find both, as a whole-text scan would."""
    text = "It is the biggest award that they could possibly get in their careers."
    found = [(f.rule, f.text) for f in audit(text)]
    assert ("hedges.epistemic", "possibly") in found
    epistemic = next(r for r in CUE_RULES if r.id == "hedges.epistemic")
    doc = plain_document("t.txt", text)
    assert [(h.start, h.end) for h in epistemic.check.hits(doc)] == _full_scan(epistemic, doc)  # type: ignore[union-attr]
