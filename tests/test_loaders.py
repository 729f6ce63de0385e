"""Loaders: blocks, bullets, masking of non-prose, and offsets that point into the original."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.engine import Auditor, Selection
from auditor.inputs import InputOptions, load_file
from auditor.packs import load_packs

ROOT = Path(__file__).resolve().parents[1]
HEDGES = Auditor(load_packs(), Selection(select=["hedges.allegedly"]))


def load_one(tmp_path: Path, name: str, content: str):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    docs = load_file(path).documents
    assert len(docs) == 1
    return docs[0]


def flagged(doc) -> list[str]:  # type: ignore[no-untyped-def]
    findings = HEDGES.audit(doc)
    for f in findings:
        assert doc.original[f.start : f.end] == f.text
    return [f.text for f in findings]


def test_seed_blocks_and_bullets() -> None:
    doc = load_file(ROOT / "seeds" / "kursk-incursion.txt").documents[0]
    bullets = [b for b in doc.blocks if b.kind == "bullet"]
    assert len(bullets) == 5
    assert {b.list_id for b in bullets} == {1}
    assert doc.original[bullets[0].start : bullets[0].start + 8] == "The news"
    assert doc.words > 600


def test_txt_wrapped_paragraph_is_one_block(tmp_path: Path) -> None:
    doc = load_one(
        tmp_path, "a.txt", "Headline here\n\nThe minister said the plan\nwould work well.\n"
    )
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    assert len(doc.sentences) == 2


def test_txt_lists(tmp_path: Path) -> None:
    text = "Intro line.\n- one thing\n* two things\n\nMiddle.\n\n1. first\n2) second\n• third\n"
    doc = load_one(tmp_path, "a.txt", text)
    kinds = [(b.kind, b.list_id) for b in doc.blocks]
    assert kinds == [
        ("paragraph", None),
        ("bullet", 1),
        ("bullet", 1),
        ("paragraph", None),
        ("bullet", 2),
        ("bullet", 2),
        ("bullet", 2),
    ]


def test_markdown_masks_code_urls_and_comments(tmp_path: Path) -> None:
    text = (
        "# Troops *allegedly* moved\n\n"
        "They **allegedly** crossed, see [the report](https://x.org/allegedly).\n\n"
        "```\nallegedly in code\n```\n\n"
        "Inline `allegedly` code and https://example.com/allegedly here.\n\n"
        "<!-- allegedly in a comment -->\n\n"
        "- a bullet that allegedly repeats\n- another\n\n"
        "> A quote block where it allegedly happened.\n"
    )
    doc = load_one(tmp_path, "a.md", text)
    assert len(doc.text) == len(text)
    findings = HEDGES.audit(doc)
    lines = [(f.line, f.text) for f in findings]
    assert lines == [(1, "allegedly"), (3, "allegedly"), (13, "allegedly"), (16, "allegedly")]
    kinds = {b.kind for b in doc.blocks}
    assert kinds == {"heading", "paragraph", "bullet", "blockquote"}
    assert doc.comments and doc.comments[0].body == "allegedly in a comment"


def test_markdown_lists_are_groups(tmp_path: Path) -> None:
    text = "- a\n- b\n\nText.\n\n1. c\n2. d\n"
    doc = load_one(tmp_path, "a.md", text)
    assert [(b.kind, b.list_id) for b in doc.blocks] == [
        ("bullet", 1),
        ("bullet", 1),
        ("paragraph", None),
        ("bullet", 2),
        ("bullet", 2),
    ]


def test_html_entities_tags_and_offsets(tmp_path: Path) -> None:
    text = (
        "<html><head><title>T &amp; C</title><style>p {allegedly: 1}</style></head><body>"
        "<h1>AT&amp;T &#8220;allegedly&#8221; fined</h1>\n"
        "<p>Caf&eacute; owners <b>allegedly</b> lied.<script>var allegedly=1;</script></p>"
        "<ul><li>One allegedly</li><li>Two</li></ul><ol><li>Three</li></ol>"
        "<!-- allegedly --></body></html>"
    )
    doc = load_one(tmp_path, "a.html", text)
    assert "AT&T “allegedly” fined" in doc.text
    assert "Café owners allegedly lied." in doc.text
    assert doc.title == "T & C"
    assert flagged(doc) == ["allegedly", "allegedly", "allegedly"]
    bullets = [(b.kind, b.list_id) for b in doc.blocks if b.kind == "bullet"]
    assert bullets == [("bullet", 1), ("bullet", 1), ("bullet", 2)]
    # a finding over a decoded entity maps back onto the whole entity
    s = doc.text.index("Café")
    assert doc.original[slice(*doc.to_original(s, s + 4))] == "Caf&eacute;"


def test_jsonl_records_and_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "It allegedly fell.", "title": "T"}),
        "{not json",
        json.dumps({"id": 7, "text": "Fine copy."}),
        json.dumps({"text": "no id"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_file(path)
    assert [d.path for d in loaded.documents] == [f"{path}#a1", f"{path}#7"]
    assert loaded.documents[0].record_line == 1
    assert any(":2: invalid JSON" in p for p in loaded.problems)
    assert any(":4: no 'id' field" in p for p in loaded.problems)
    assert flagged(loaded.documents[0]) == ["allegedly"]


def test_json_list(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"id": 1, "text": "A."}, {"id": 2, "text": "B allegedly."}]))
    docs = load_file(path).documents
    assert [d.path.split("#")[1] for d in docs] == ["1", "2"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.bin", b"abc", "unsupported file type '.bin'"),
        ("a.txt", b"\x00\x01\x02binary", "binary file"),
        ("a.txt", b"  \n\n", "empty file"),
        ("a.json", b"{oops", "invalid JSON"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    loaded = load_file(path)
    assert loaded.documents == []
    [problem] = loaded.problems
    assert problem.startswith(f"{path}: ") and message in problem


def test_invalid_utf8_is_replaced_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Costs rose to £5m, it allegedly said.".encode("latin-1"))
    loaded = load_file(path)
    doc = loaded.documents[0]
    assert "\ufffd" in doc.text
    assert doc.warnings and "invalid UTF-8" in doc.warnings[0]
    assert flagged(doc) == ["allegedly"]


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    [problem] = load_file(path, InputOptions(max_bytes=1000)).problems
    assert "over the" in problem
