"""Inline suppressions in Markdown, HTML and plain text, and reports of stale ones."""

from __future__ import annotations

import json
from pathlib import Path

from cliutil import run

from auditor.api import audit_documents
from auditor.document import Document
from auditor.inputs import load_file
from auditor.pipeline import AuditOptions


def audit(tmp_path: Path, name: str, text: str, **opts: object) -> list[tuple[str, str]]:
    """(rule, matched text) of every finding in one file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    docs: list[Document] = load_file(path).documents
    run = audit_documents(docs, AuditOptions.make(**opts))  # type: ignore[arg-type]
    return [(f.rule, f.text) for r in run.report.results for f in r.findings]


def test_bar_ignore_before_paragraph_silences_exactly_that_finding(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text(
        "The minister allegedly hid the figures.\n\n"
        "<!-- auditor: ignore hedges.allegedly -- quoting the indictment's wording -->\n"
        "The aide allegedly shredded files and was reportedly fired.\n\n"
        "The driver allegedly fled.\n",
        encoding="utf-8",
    )
    p = run(tmp_path, "article.md", "--format", "json")
    found = [(f["rule"], f["line"]) for f in json.loads(p.stdout)["documents"][0]["findings"]]
    # the same rule in the paragraphs before and after, and another rule in the suppressed
    # paragraph, are still reported
    assert found == [("hedges.allegedly", 1), ("hedges.reportedly", 4), ("hedges.allegedly", 6)]


def test_prefix_and_comma_list(tmp_path: Path) -> None:
    text = (
        "<!-- auditor: ignore hedges -->\nHe allegedly left and was reportedly fired.\n\n"
        "<!-- auditor: ignore grammar.repeated-word, hedges.allegedly -->\n"
        "She allegedly left the the room.\n"
    )
    assert audit(tmp_path, "a.md", text) == []


def test_off_on_region(tmp_path: Path) -> None:
    text = (
        "He allegedly left.\n\n<!-- auditor: off -- legal wording -->\n"
        "She allegedly stayed.\n\nThey reportedly met.\n\n<!-- auditor: on -->\n"
        "We allegedly agreed.\n\n<!-- auditor: off hedges.reportedly -->\n"
        "It allegedly rained and reportedly snowed.\n"
    )
    got = audit(tmp_path, "a.md", text)
    assert got == [
        ("hedges.allegedly", "allegedly"),
        ("hedges.allegedly", "allegedly"),
        ("hedges.allegedly", "allegedly"),
    ]


def test_unused_suppression_is_reported_as_info(tmp_path: Path) -> None:
    text = "<!-- auditor: ignore hedges.allegedly -->\nNothing to see here.\n"
    path = tmp_path / "a.md"
    path.write_text(text)
    run = audit_documents(load_file(path).documents, AuditOptions())
    (f,) = run.report.results[0].findings
    assert (f.rule, f.severity, f.pack, f.line) == ("meta.unused-suppression", "info", "meta", 1)
    assert f.text == "<!-- auditor: ignore hedges.allegedly -->"
    assert "hedges.allegedly" in f.message
    # --ignore meta (or the rule itself) drops these reports
    assert audit(tmp_path, "a.md", text, ignore=["meta"]) == []


def test_unused_not_reported_when_rule_did_not_run(tmp_path: Path) -> None:
    text = "<!-- auditor: ignore hedges.allegedly -->\nHe allegedly left.\n"
    assert audit(tmp_path, "a.md", text, select=["grammar"]) == []


def test_invalid_suppressions_are_reported(tmp_path: Path) -> None:
    text = (
        "<!-- auditor: ignore hedges.allegdly -->\nHe allegedly left.\n\n"
        "<!-- auditor: silence hedges -->\nShe stayed.\n\n"
        "<!-- an ordinary comment -->\nThey met.\n"
    )
    got = audit(tmp_path, "a.md", text)
    assert got[0] == ("meta.invalid-suppression", "<!-- auditor: ignore hedges.allegdly -->")
    assert got[1] == ("hedges.allegedly", "allegedly")
    assert got[2] == ("meta.invalid-suppression", "<!-- auditor: silence hedges -->")
    assert len(got) == 3


def test_plain_text_comment_line(tmp_path: Path) -> None:
    text = (
        "Court hears the case\n\n"
        "# auditor: ignore hedges.allegedly -- the charge sheet's wording\n"
        "The accused allegedly stole a car.\n"
        "The accused allegedly sold it.\n"
    )
    # one paragraph a line: the comment covers the next line only
    assert audit(tmp_path, "a.txt", text) == [("hedges.allegedly", "allegedly")]
    slashes = text.replace("# auditor", "// auditor")
    assert audit(tmp_path, "b.txt", slashes) == [("hedges.allegedly", "allegedly")]


def test_html_comment(tmp_path: Path) -> None:
    text = (
        "<html><body><p>He allegedly left.</p>\n"
        "<!-- auditor: ignore hedges.allegedly -- quoted charge -->\n"
        "<p>She allegedly &amp; reportedly stayed.</p>\n"
        "<p>They allegedly met.</p></body></html>\n"
    )
    got = audit(tmp_path, "a.html", text)
    assert got == [
        ("hedges.allegedly", "allegedly"),
        ("hedges.reportedly", "reportedly"),
        ("hedges.allegedly", "allegedly"),
    ]


def test_html_unused_suppression_points_at_the_comment(tmp_path: Path) -> None:
    text = "<p>Hi there.</p><!-- auditor: ignore hedges --><p>All calm.</p>"
    path = tmp_path / "a.html"
    path.write_text(text)
    run = audit_documents(load_file(path).documents, AuditOptions())
    (f,) = run.report.results[0].findings
    assert f.rule == "meta.unused-suppression" and f.text == "<!-- auditor: ignore hedges -->"


def test_ignore_before_a_list_covers_the_whole_list(tmp_path: Path) -> None:
    text = (
        "Summary:\n\n<!-- auditor: ignore hedges.allegedly -->\n"
        "- He allegedly left.\n- She allegedly stayed.\n\nThey allegedly met.\n"
    )
    assert audit(tmp_path, "a.md", text) == [("hedges.allegedly", "allegedly")]
