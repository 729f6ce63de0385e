"""The duplicates pack: reworded bullets, repeated phrases, copy-pasted body text."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from auditor.document import Document
from auditor.engine import Auditor
from auditor.findings import Finding
from auditor.inputs import load_file, plain_document
from auditor.packs import load_packs

ROOT = Path(__file__).resolve().parents[1]
PACKS = [p for p in load_packs() if p.id == "duplicates"]


def fresh_packs() -> list:  # type: ignore[type-arg]
    """Packs of our own: an Auditor's settings configure the checks of the rules it gets."""
    return [p for p in load_packs() if p.id == "duplicates"]


AUDITOR = Auditor(PACKS)


def dups(doc: Document, auditor: Auditor = AUDITOR) -> list[Finding]:
    return [f for f in auditor.audit(doc) if f.pack == "duplicates"]


def txt(text: str) -> Document:
    return plain_document("t.txt", text)


def test_seed_has_exactly_the_paraphrased_bullet_pair() -> None:
    doc = load_file(ROOT / "seeds" / "kursk-incursion.txt").documents[0]
    found = dups(doc)
    assert len(found) == 1, [(f.rule, f.line, f.text[:40]) for f in found]
    f = found[0]
    assert f.text.startswith("As Russia prepares to celebrate Victory Day")
    assert "prospects of prolonged conflicts in regions like Kursk" in f.text
    earlier = f.extra["duplicate_of"]
    assert isinstance(earlier, dict)
    earlier_text = doc.original[earlier["start"] : earlier["end"]]
    assert earlier_text.startswith("Approving the recent minerals deal")
    assert earlier_text.endswith("prolonged the conflicts in territories like Kursk.")
    assert f"line {earlier['line']}" in f.message
    assert doc.original.splitlines()[earlier["line"] - 1].startswith("- Approving")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "About 30,000 passengers were affected.",
            "Around 30,000 passengers were affected by the cancellations.",
        ),
        (
            "Northwind Airways cancelled 240 flights on Monday because of a pilots' strike.",
            "Northwind cancelled 240 flights on Monday due to a strike by its pilots.",
        ),
    ],
)
def test_reworded_bullets_flag_the_later_one(first: str, second: str) -> None:
    doc = txt(f"Airline hit by strike\n\n- {first}\n- Talks resume on Friday.\n- {second}\n")
    found = dups(doc)
    assert [f.rule for f in found] == ["duplicates.bullet"]
    f = found[0]
    assert f.text == second
    assert f.line == 5
    assert "line 3" in f.message and "% of content words alike" in f.message
    assert f.extra["duplicate_of"]["line"] == 3  # type: ignore[index]


def test_a_different_figure_is_a_different_fact() -> None:
    doc = txt(
        "- Northwind Airways cancelled 240 flights on Monday because of a pilots' strike.\n"
        "- Northwind cancelled 204 flights on Monday due to a strike by its pilots.\n"
    )
    assert dups(doc) == []


def test_bullets_that_sum_up_different_paragraphs_are_fine() -> None:
    doc = txt(
        "Strike grounds Northwind\n\n"
        "Northwind Airways cancelled 240 flights on Monday because of a pilots' strike.\n"
        "About 30,000 passengers were affected, the airline said.\n"
        "The pilots' union says talks with management resume on Friday.\n\n"
        "- Northwind cancelled 240 flights on Monday because its pilots went on strike.\n"
        "- Around 30,000 passengers were affected by the cancellations.\n"
        "- Talks between the union and management resume on Friday.\n"
    )
    assert dups(doc) == []


def test_lists_are_compared_only_within_themselves() -> None:
    doc = txt(
        "- About 30,000 passengers were affected.\n- Talks resume on Friday.\n\n"
        "The airline apologised.\n\n"
        "- Around 30,000 passengers were affected by the cancellations.\n- Fares will rise.\n"
    )
    assert dups(doc) == []


def test_markdown_and_html_lists(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text(
        "# Strike\n\nFlights were cut.\n\n"
        "* About **30,000** passengers were affected.\n"
        "* Around 30,000 passengers were affected by the [cancellations](http://x.test).\n",
        encoding="utf-8",
    )
    html = tmp_path / "a.html"
    html.write_text(
        "<h1>Strike</h1><p>Flights were cut.</p><ol>"
        "<li>About 30,000 passengers were affected.</li>"
        "<li>Around 30,000 passengers were affected by the cancellations.</li></ol>",
        encoding="utf-8",
    )
    for path in (md, html):
        doc = load_file(path).documents[0]
        found = dups(doc)
        assert [f.rule for f in found] == ["duplicates.bullet"], path
        f = found[0]
        assert f.text == doc.original[f.start : f.end]
        assert "Around 30,000 passengers" in f.text


def test_copy_pasted_paragraph_and_sentence() -> None:
    para = "The council approved the new budget on Tuesday after a long and bitter debate."
    doc = txt(
        f"Budget passed\n\n{para}\n\nOpposition members walked out before the vote.\n\n{para}\n\n"
        "Shares in the builder fell sharply after the contract was cancelled by the council. "
        "Analysts expect more cuts. "
        "Shares in the builder fell sharply after the contract was cancelled by the council.\n"
    )
    found = dups(doc)
    assert [f.rule for f in found] == ["duplicates.repeated-text"] * 2
    para_f, sent_f = found
    assert para_f.text == para and para_f.line == 7 and "paragraph on line 3" in para_f.message
    assert sent_f.text.startswith("Shares in the builder") and sent_f.start > doc.text.index(
        "Analysts"
    )
    assert "sentence on line 9" in sent_f.message


def test_pull_quote_repeating_the_body_is_fine(tmp_path: Path) -> None:
    line = "We will review every contract the council has signed since 2010, the mayor said."
    p = tmp_path / "a.md"
    p.write_text(f"# Review\n\n{line}\n\n> {line}\n\nThe review starts in May.\n", "utf-8")
    assert dups(load_file(p).documents[0]) == []


def test_short_stock_sentences_may_repeat() -> None:
    doc = txt("He said no.\n\nThe vote was close.\n\nHe said no.\n\nThe vote was close.\n")
    assert dups(doc) == []


def test_headline_restated_in_the_first_paragraph_is_fine() -> None:
    doc = txt(
        "Council approves new budget after long debate\n\n"
        "The council approved the new budget after a long debate on Tuesday.\n"
    )
    assert dups(doc) == []


def test_settings_override_the_threshold() -> None:
    doc = txt(
        "- About 30,000 passengers were affected.\n"
        "- Around 30,000 passengers were affected by the cancellations.\n"
    )
    assert len(dups(doc)) == 1
    strict = Auditor(fresh_packs(), settings={"duplicates": {"threshold": 99}})
    # the overall score no longer reaches the bar: the phrase rule still sees the repeat
    assert [f.rule for f in dups(doc, strict)] == ["duplicates.bullet-phrase"]
    stricter = Auditor(
        fresh_packs(), settings={"duplicates": {"threshold": 99, "phrase_matched": 4}}
    )
    assert dups(doc, stricter) == []


def test_two_hundred_bullets_stay_fast() -> None:
    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(3000)]
    bullets = [" ".join(rng.sample(vocab, 12)) + "." for _ in range(200)]
    bullets.append(bullets[17].replace(".", " today."))  # a planted repeat
    doc = txt("".join(f"- {b}\n" for b in bullets))
    t = time.perf_counter()
    found = dups(doc)
    elapsed = time.perf_counter() - t
    assert [f.line for f in found] == [201]
    assert "line 18" in found[0].message
    assert elapsed < 1.0, elapsed
