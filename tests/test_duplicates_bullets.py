"""Bullets in the document model: every list style is one group of bullets, and only one."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.document import Document
from auditor.inputs import load_file, plain_document


def bullets(doc: Document) -> list[tuple[int | None, str]]:
    return [(b.list_id, doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "bullet"]


@pytest.mark.parametrize("marker", ["- ", "* ", "• ", "1. ", "1) "])
def test_plain_text_list_styles(marker: str) -> None:
    items = ["First point here.", "Second point here.", "Third point here."]
    lines = [marker.replace("1", str(i + 1)) + item for i, item in enumerate(items)]
    doc = plain_document("a.txt", "Headline here\n\nA paragraph.\n\n" + "\n".join(lines) + "\n")
    got = bullets(doc)
    assert [t for _, t in got] == items
    assert len({lid for lid, _ in got}) == 1
    assert [b.kind for b in doc.blocks[:2]] == ["heading", "paragraph"]


def test_plain_text_lists_split_by_a_paragraph_are_two_groups() -> None:
    doc = plain_document("a.txt", "- One.\n- Two.\n\nMiddle paragraph.\n\n1) Three.\n2) Four.\n")
    got = bullets(doc)
    assert [t for _, t in got] == ["One.", "Two.", "Three.", "Four."]
    assert got[0][0] == got[1][0] != got[2][0] == got[3][0]


def test_figures_and_dashes_in_prose_are_not_bullets() -> None:
    doc = plain_document("a.txt", "2004 was a good year.\n\nPrices rose 4.5% - a record.\n")
    assert bullets(doc) == []


def test_markdown_lists(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text(
        "# Title\n\nIntro.\n\n- one *a*\n- two\n\nMiddle.\n\n1. three\n2. four\n\n+ five\n",
        encoding="utf-8",
    )
    doc = load_file(p).documents[0]
    got = bullets(doc)
    assert [" ".join(t.split()) for _, t in got] == ["one a", "two", "three", "four", "five"]
    ids = [lid for lid, _ in got]
    assert ids[0] == ids[1] and ids[2] == ids[3] and len(set(ids)) == 3


def test_html_lists(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(
        "<html><head><title>T</title></head><body><h1>Title</h1><p>Intro.</p>"
        "<ul><li>one</li><li>two &amp; more</li></ul><p>Middle.</p>"
        "<ol><li>three</li><li>four</li></ol></body></html>",
        encoding="utf-8",
    )
    doc = load_file(p).documents[0]
    got = bullets(doc)
    assert [t for _, t in got] == ["one", "two & more", "three", "four"]
    assert got[0][0] == got[1][0] != got[2][0] == got[3][0]
    for b in doc.blocks:
        if b.kind == "bullet":
            s, e = doc.to_original(b.start, b.end)
            assert doc.original[s:e] in ("one", "two &amp; more", "three", "four")
