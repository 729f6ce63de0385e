"""The grammar pack on the seed, on Markdown offsets, on names, and on edited BBC copy."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from auditor.engine import Auditor, Selection
from auditor.engines.feed import feed
from auditor.inputs import load_file, plain_document
from auditor.packs import load_packs

ROOT = Path(__file__).resolve().parents[1]
PACKS = load_packs()
GRAMMAR = Auditor(PACKS, Selection(select=["grammar"]))
LOUD = ("warning", "error")


def test_seed_bar() -> None:
    doc = load_file(ROOT / "seeds" / "kursk-incursion.txt").documents[0]
    findings = GRAMMAR.audit(doc)
    by_text = {f.text: f for f in findings}
    assert "have remained" in by_text["have remain"].suggestions
    assert any("travel" in s and s.endswith(("traveled", "travelled"))
               for s in by_text["have travels"].suggestions)  # fmt: skip
    assert any("attracted" in s for s in by_text["attached attention"].suggestions)
    assert by_text["reports"].rule == "grammar.lowercase-start"
    names = {"Kursk", "Sudzha", "RVvoenkor", "Telegram", "Pyongyang", "Moscow", "Putin"}
    loud_names = [f.text for f in findings if f.severity in LOUD and f.text in names]
    assert not loud_names
    assert not any(f.text == "further" for f in findings)  # "He further added" is fine


def test_feed_collapses_markup_spaces() -> None:
    view = "Intro.\n\n  The   minister   recieved  it. "
    fed = feed(view, 8, len(view))
    assert fed.text == "The minister recieved it."
    i = fed.text.index("recieved")
    s, e = fed.start(i), fed.end(i + len("recieved"))
    assert view[s:e] == "recieved"


def test_markdown_offsets_point_at_the_word(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text("# Title\n\nThe **minister**   [recieved](http://x.org) it.\n", encoding="utf-8")
    doc = load_file(md).documents[0]
    found = [f for f in GRAMMAR.audit(doc) if f.rule == "grammar.harper.SpellCheck"]
    assert [f.text for f in found] == ["recieved"]
    assert not [f for f in GRAMMAR.audit(doc) if f.rule == "grammar.harper.Spaces"]


def test_user_word_list_and_names() -> None:
    text = "Zorbleck said the plan worked. Teh officials said zorblecked plans failed."
    sel = Selection(select=["grammar.harper"])
    plain = Auditor(load_packs(), sel)
    spelled = [f.text for f in plain.audit(plain_document("a.txt", text))]
    # "Zorbleck" opens a sentence but is no near miss of a word: a name; "Teh" is a typo
    assert spelled == ["Teh", "zorblecked"]
    words = Auditor(load_packs(), sel, {"grammar": {"words": ["zorblecked"]}})
    assert [f.text for f in words.audit(plain_document("a.txt", text))] == ["Teh"]
    parts = plain_document(
        "c.txt", "The wi-fi hotspot and the sweet-natured film, said Luigi del Neri."
    )
    assert not plain.audit(parts)
    # capitalised inside a sentence: a name
    mid = plain_document("b.txt", "Forces near Sudzhanka regrouped.")
    assert not plain.audit(mid)


def _eval_dir() -> Path:
    env = os.environ.get("AUDITOR_EVAL_DIR")
    return Path(env) if env else ROOT / ".." / "shared" / "eval"


@pytest.mark.skipif(not (_eval_dir() / "bbc-news").is_dir(), reason="no evaluation data")
def test_bbc_false_alarm_bar() -> None:
    """Edited copy: at most 2 grammar warnings or errors per 1,000 words (a 60-article slice
    of the report split keeps the suite fast; the benchmark runs 300)."""
    from benchmarks.grammar_eval import bbc_docs

    docs = bbc_docs("report", 60)
    words = sum(d.words for d in docs)
    loud = sum(f.severity in LOUD for d in docs for f in GRAMMAR.audit(d))
    assert 1000 * loud / words <= 2.0


def test_quoted_grammar_is_info() -> None:
    doc = plain_document("q.txt", '"We have remain calm," he said. They have remain calm.')
    found = [
        (f.text, f.severity) for f in GRAMMAR.audit(doc) if f.rule == "grammar.have-participle"
    ]
    assert found == [("have remain", "info"), ("have remain", "error")]


def test_html_offsets_after_an_entity(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text("<p>Tom &amp; Jerry &#8212; the minister <b>recieved</b> it.</p>", "utf-8")
    doc = load_file(page).documents[0]
    found = [f for f in GRAMMAR.audit(doc) if f.rule == "grammar.harper.SpellCheck"]
    assert [f.text for f in found] == ["recieved"]
    assert doc.original[found[0].start : found[0].end] == "recieved"


def test_emoji_before_an_error_does_not_shift_it() -> None:
    doc = plain_document("e.txt", "Crowds cheered 🇺🇦😀 as troops have remain in place.")
    found = [f for f in GRAMMAR.audit(doc) if f.rule == "grammar.have-participle"]
    assert [f.text for f in found] == ["have remain"]


def test_shipped_harper_configuration_names_real_rules() -> None:
    from auditor.engines.harper import rule_names

    rule = next(r for p in PACKS for r in p.rules if r.kind == "harper")
    named = set(rule.options["severities"]) | set(rule.options["spelling"])
    assert named <= rule_names(), sorted(named - rule_names())


def test_harpers_silent_tail_is_off_unless_asked_for() -> None:
    """Rules the pack does not list never reach Harper; all_harper_rules brings them back."""
    doc = plain_document("a.txt", "The storm will wreck havoc on the coast, officials said.")
    sel = Selection(select=["grammar.harper"])
    assert not Auditor(load_packs(), sel).audit(doc)
    every = Auditor(load_packs(), sel, {"grammar": {"all_harper_rules": True}})
    found = every.audit(doc)
    assert [(f.rule, f.text, f.severity) for f in found] == [
        ("grammar.harper.WreakHavoc", "wreck havoc", "warning")
    ]


def test_a_wall_of_text_is_fed_in_pieces() -> None:
    from auditor.checks.engines import MAX_PIECE, pieces

    text = " ".join(f"Sentence number {i} is here." for i in range(800)) + " It [recieved] it."
    text = text.replace("[recieved]", "recieved")
    doc = plain_document("w.txt", text)
    spans = list(pieces(doc))
    assert len(spans) > 1 and all(e - s <= MAX_PIECE for s, e in spans)
    assert spans[0][0] == doc.blocks[0].start and spans[-1][1] == doc.blocks[0].end
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    found = [f.text for f in GRAMMAR.audit(doc) if f.rule == "grammar.harper.SpellCheck"]
    assert found == ["recieved"]


def test_spelling_word_by_word_as_harper_reports_it() -> None:
    """The spell checker reads distinct words, the other rules whole pieces; the result is
    what one Harper call with every rule on gives: its spelling lint hides another rule's
    on the same word ("eurozone", "Opec": then dropped as a real word and a name), and a typo
    the American dictionary lacks too stays. ("ipod" is reported by nothing: its rule,
    OrthographicConsistency, is off, docs/harper-linters.md.)"""
    from auditor.engines import harper as harper_engine

    sel = Selection(select=["grammar.harper"])
    aud = Auditor(PACKS, sel)
    text = (
        "Prices in the eurozone rose, Opec and coach Kirwan said. The minister recieved it untill Monday. "
        "Young people like the ipod and the recieved wisdom."
    )
    found = [(f.rule.rsplit(".", 1)[1], f.text) for f in aud.audit(plain_document("s.txt", text))]
    assert found == [
        ("SpellCheck", "recieved"),
        ("SpellCheck", "untill"),
        ("SpellCheck", "recieved"),
    ]
    assert harper_engine.spelt("british")["recieved"]  # looked up once, remembered
    assert "Kirwan" not in harper_engine.spelt("british")  # a name: never looked up


def test_blocks_read_together_and_once() -> None:
    """Blocks go to Harper in calls of up to MAX_PIECE characters, each distinct block once
    per process; the lints are those of each block read alone."""
    from auditor.engines import harper as harper_engine

    blocks = ["He recieved it.", "This is a apple.", "He recieved it.", "Its a nice day."]
    alone = [harper_engine.lint_many([b], most=1)[0] for b in blocks]
    harper_engine.clear_cache()
    before = harper_engine.cache_stats()
    together = harper_engine.lint_many(blocks)
    after = harper_engine.cache_stats()
    assert together == alone and together[0] and together[1]
    assert after["misses"] - before["misses"] == 3  # the repeated block was read once


def test_no_anchor_no_spacy() -> None:
    """Loading the packs and auditing copy in which no sequence rule's anchor occurs never
    imports spaCy: the fast path stays fast."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from auditor.engine import Auditor, Selection\n"
        "from auditor.inputs import plain_document\n"
        "from auditor.packs import load_packs\n"
        "a = Auditor(load_packs(), Selection(select=['grammar.have-participle',"
        " 'grammar.modal-base', 'grammar.to-base']))\n"
        "assert a.audit(plain_document('a.txt', 'Prices rose sharply in spring.')) == []\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_verb_form_suggestions_keep_what_lies_between() -> None:
    doc = plain_document("s.txt", "He had not went home. They Could took it. Prices have rose.")
    found = {
        f.text: f.suggestions
        for f in GRAMMAR.audit(doc)
        if f.rule in ("grammar.have-participle", "grammar.modal-base")
    }
    assert found["had not went"] == ["had not gone"]
    assert found["have rose"] == ["have risen"]


def test_domain_names_are_neither_spacing_nor_spelling_errors() -> None:
    aud = Auditor(load_packs(), Selection(select=["grammar"]))
    text = "The .post and .travel domains were approved, he told bridgetothestars.net on Monday."
    found = [(f.rule, f.text) for f in aud.audit(plain_document("a.txt", text))]
    assert found == [], found


def test_a_lone_surrogate_reaches_the_parser_safely() -> None:
    # found by tests/test_fuzz.py: spaCy cannot encode '\ud800'; the parse gets U+FFFD
    aud = Auditor(load_packs(), Selection(select=["grammar.agreement"]))
    found = aud.audit(plain_document("a.txt", "The cost of the repairs were\ud800 high."))
    assert [f.text for f in found] == ["were"]
