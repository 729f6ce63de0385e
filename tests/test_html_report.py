"""The HTML report: the article beside its findings, Markdown rendered with the highlights on
the right words, keyboard navigation, and safety (escaping, CSP), in headless Chromium.

The unit tests need nothing; the browser tests skip when chromium or Playwright is missing
(launched as in test_html_browser.py).
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from auditor.api import audit_documents
from auditor.findings import Finding
from auditor.inputs import markup_document
from auditor.pipeline import AuditOptions
from auditor.reporters import RenderOptions, reporters
from auditor.reporters.html_article import article

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
STORY = """Officials weigh the leaked report

The minister allegedly hid the figures. <script>window.__pwned=1</script>

Some analysts claim the deal failed. "><img src=x onerror="window.__pwned=2">

The general was reportedly dismissed, and he have remain in the the capital.
"""
MARKDOWN = """# Budget row allegedly

The minister **allegedly** hid the figures, [some analysts claim](https://example.test/a).

- Some analysts claim the deal failed. <img src=x onerror="window.__pwned=3">
- He was reportedly dismissed.

> It was *reportedly* a breach &amp; more.
"""
VOID = {"br", "hr", "img", "input", "meta", "wbr"}


def finding(text: str, word: str, rule: str = "hedges.x", sev: str = "warning",
            nth: int = 0) -> Finding:  # fmt: skip
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Finding(rule, rule.split(".")[0], sev, f"msg {rule}", start, start + len(word),
                   1, 1, word)  # fmt: skip


class Tree(HTMLParser):
    """Checks nesting and collects the text of each mark (without its tooltip)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marks: list[str] = []
        self.tags: list[str] = []
        self.attrs: set[str] = set()
        self._tip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.update(name for name, _ in attrs)
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "mark":
            self.marks.append("")
        if (tag == "span" and ("class", "tip") in attrs) or self._tip:  # in a tooltip
            self._tip += 1

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()
        if self._tip:
            self._tip -= 1

    def handle_data(self, data: str) -> None:
        if "mark" in self.stack and not self._tip:
            self.marks[-1] += data


def parse(html: str) -> Tree:
    t = Tree()
    t.feed(html)
    t.close()
    assert t.stack == []
    return t


# -- the article pane, without a browser -------------------------------------------------


def test_markdown_is_rendered_with_highlights_on_the_words() -> None:
    doc = markup_document("a.md", MARKDOWN, "md")
    fs = [finding(MARKDOWN, "allegedly"), finding(MARKDOWN, "allegedly", nth=1),
          finding(MARKDOWN, "some analysts claim"), finding(MARKDOWN, "Some analysts claim"),
          finding(MARKDOWN, "reportedly", sev="error"), finding(MARKDOWN, "reportedly", nth=1),
          finding(MARKDOWN, "breach &amp; more", sev="info")]  # fmt: skip
    html, first = article(0, doc, fs)
    tree = parse(html)
    for tag in ("h1", "strong", "ul", "li", "blockquote", "em"):
        assert tag in tree.tags
    assert tree.marks == ["allegedly", "allegedly", "some analysts claim", "Some analysts claim",
                          "reportedly", "reportedly", "breach & more"]  # fmt: skip
    assert re.search(r"<h1>Budget row <mark[^>]*>allegedly", html)
    assert re.search(r"<strong><mark[^>]*>allegedly<span", html)
    assert re.search(r"<em><mark[^>]*>reportedly<span", html)
    assert sorted(first) == list(range(len(fs)))
    assert not re.search("[\ue000-\uf8ff]", html)  # no placeholder left
    # links and images as text; raw HTML escaped, never passed through
    assert "<a " not in html and "href" not in html and "<img" not in html
    assert "&lt;img src=x onerror=&quot;window.__pwned=3&quot;&gt;" in html


def test_markdown_highlight_across_markup_and_blocks() -> None:
    text = "# Title here\n\nOne **two** three.\n\n1. four\n2. five\n"
    doc = markup_document("a.md", text, "md")
    fs = [Finding("a.x", "a", "warning", "m", 0, len(text), 1, 1, text),  # everything
          Finding("b.y", "b", "error", "m", text.index("two"), text.index("four") + 4, 1, 1, ""),
          Finding("c.z", "c", "info", "m", text.index("**"), text.index("**") + 2, 1, 1, "**"),
          Finding("d.p", "d", "info", "m", 2, 2, 1, 1, "")]  # fmt: skip
    html, first = article(0, doc, fs)
    tree = parse(html)
    assert "ol" in tree.tags and "h1" in tree.tags
    visible = "".join(tree.marks)
    assert visible.startswith("‸Title here") and "One ‸two three." in visible
    for word in ("four", "five"):
        assert word in visible
    assert sorted(first) == [0, 1, 2, 3]  # each finding has a mark to link to (a caret at least)


def test_random_spans_keep_markdown_well_formed() -> None:
    text = (MARKDOWN + "\nA [ref][r] and `code` and \\*escaped\\* and &copy; 2024.\n\n"
            "    indented code\n\n[r]: https://example.test\n\nSetext\n===\n")  # fmt: skip
    doc = markup_document("a.md", text, "md")
    rng = random.Random(7)
    for _ in range(60):
        fs = []
        for _ in range(rng.randint(1, 12)):
            s = rng.randrange(len(text) + 1)
            e = min(len(text), s + rng.choice([0, 1, 3, 10, 40, 200]))
            fs.append(Finding("a.x", "a", rng.choice(["error", "warning", "info"]), "m", s, e,
                              1, 1, text[s:e]))  # fmt: skip
        html, first = article(0, doc, fs)
        parse(html)
        assert not re.search("[\ue000-\uf8ff]", html)
        assert "<h1>" in html and "<blockquote>" in html and "<pre><code>" in html
        assert len(first) == len(fs)


def test_markdown_markup_from_the_article_is_only_text() -> None:
    text = (
        "<script>window.__pwned=1</script>\n\n"
        'Inline <img src=x onerror="window.__pwned=2"> and <a href="javascript:alert(1)">a</a>.\n\n'
        '[click](javascript:alert(1)) ![x"onerror=alert(1)](x.png) <https://evil.test/x>\n\n'
        '```"><script>alert(1)</script>\ncode\n```\n\n'
        '<div onclick="alert(1)">block</div>\n'
    )
    doc = markup_document("a.md", text, "md")
    fs = [Finding("a.x", "a", "warning", "m", s, s + 5, 1, 1, "") for s in range(0, len(text), 7)]
    html, _ = article(0, doc, fs)
    tree = parse(html)
    assert set(tree.tags) <= {"p", "span", "mark", "b", "pre", "code"}
    assert tree.attrs <= {"class", "id", "tabindex", "data-f", "data-i", "aria-describedby",
                          "role", "title"}  # fmt: skip
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html


def test_html_page_shows_its_text_and_plain_text_its_paragraphs() -> None:
    page = (
        "<h1>Row</h1><p>She &amp; he <b>allegedly</b> left.</p><script>x()</script>"
        "<ul><li>A</li></ul>"
    )
    doc = markup_document("a.html", page, "html")
    html, first = article(0, doc, [finding(page, "allegedly")])
    tree = parse(html)
    assert tree.marks == ["allegedly"] and first == {0: 0}
    assert "She &amp; he " in html and "<b>allegedly" not in html and "x()" not in html
    assert "<h3>Row</h3>" in html and "<li>A</li>" in html
    text = "Headline here\n\nFirst para allegedly.\nSecond line.\n\n- a bullet\n- another\n"
    doc = markup_document("a.txt", text, "txt")
    html, _ = article(0, doc, [finding(text, "allegedly")])
    assert html.startswith("<h3>Headline here</h3>")
    assert html.count("<p>") == 2 and html.count("<li>") == 2
    assert parse(html).marks == ["allegedly"]


# -- in the browser -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
    docs = [markup_document("story.txt", STORY, "txt"), markup_document("notes.md", MARKDOWN, "md")]
    run = audit_documents(docs, AuditOptions.make(select=["hedges", "grammar"],
                                                  ignore=["grammar.harper"]))  # fmt: skip
    out = tmp_path_factory.mktemp("html") / "report.html"
    out.write_text(reporters()["html"](run.report, RenderOptions()), encoding="utf-8")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1200, "height": 700})
        pg.console = []
        pg.requests = []
        pg.on("console", lambda m: pg.console.append(f"{m.type}: {m.text}"))
        pg.on("pageerror", lambda e: pg.console.append(f"pageerror: {e}"))
        pg.on("request", lambda r: pg.requests.append(r.url))
        pg.add_init_script(
            "window.__csp=[];document.addEventListener('securitypolicyviolation',"
            "function(e){window.__csp.push(e.violatedDirective+' '+e.blockedURI);});"
        )
        pg.goto(out.as_uri())
        pg.wait_for_load_state("load")
        yield pg
        browser.close()


def test_side_by_side_with_links_both_ways(page: Any) -> None:
    for sec in ("#d0", "#d1"):
        art = page.locator(f"{sec} .article")
        pane = page.locator(f"{sec} .pane")
        art.scroll_into_view_if_needed()
        assert art.is_visible() and pane.is_visible()
        a, p = art.bounding_box(), pane.bounding_box()
        assert a["x"] + a["width"] <= p["x"] and abs(a["y"] - p["y"]) < 5  # left | right
    # every finding links to a highlight that lists it
    links = page.evaluate("""() => [...document.querySelectorAll('li.finding')].map(li => {
        const m = document.getElementById(li.querySelector('a.jump').hash.slice(1));
        return m && m.matches('mark.hl') && m.dataset.f.split(' ').includes(li.dataset.i)
          && m.closest('section') === li.closest('section'); })""")
    assert len(links) >= 6 and all(links)
    # and a highlight back: clicking it selects its finding in the list
    mark = page.locator("#d0 mark.hl", has_text="reportedly").first
    mark.click()
    current = page.locator("#d0 li.finding.current")
    assert current.count() == 1 and "reportedly" in current.inner_text()
    # the legend: severity colours and packs, with counts
    legend = page.locator("#filters").inner_text()
    assert re.search(r"error\s*\d", legend) and re.search(r"hedges\s*\d", legend)
    assert page.locator("#d0 table.card").is_visible()


def test_markdown_rendered_in_the_article_pane(page: Any) -> None:
    art = page.locator("#d1 .article")
    assert art.locator("h1").inner_text().startswith("Budget row allegedly")
    assert art.locator("li").count() == 2 and art.locator("blockquote em").count() == 1
    assert art.locator("h1 mark.hl").first.evaluate("m => m.firstChild.textContent") == "allegedly"
    assert art.locator("strong mark.hl").count() == 1
    assert '<img src=x onerror="window.__pwned=3">' in art.inner_text()


def test_j_and_k_move_focus_between_findings(page: Any) -> None:
    page.reload()  # no finding selected yet
    focused = "document.activeElement.closest('li.finding') && document.activeElement.id"
    page.keyboard.press("j")
    assert page.evaluate(focused) == "d0-f0"
    page.keyboard.press("j")
    assert page.evaluate(focused) == "d0-f1"
    page.keyboard.press("k")
    assert page.evaluate(focused) == "d0-f0"
    for _ in range(page.locator("#d0 li.finding").count()):
        page.keyboard.press("n")  # on into the next document
    assert page.evaluate(focused) == "d1-f0"
    page.keyboard.press("p")
    assert page.evaluate(focused).startswith("d0-f")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "d1-f0"
    # the finding's highlight is scrolled into view and marked current
    mark = page.locator("#d1 mark.hl.current").first
    box, height = mark.bounding_box(), page.viewport_size["height"]
    assert 0 <= box["y"] <= height
    # Enter goes to the words, Escape back to the list; focus is visible on both
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('mark.hl.current')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert page.locator("#d1 mark.hl:focus .tip").is_visible()
    page.keyboard.press("Escape")
    assert page.evaluate(focused) == "d1-f0"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_nothing_from_the_article_runs_and_the_csp_holds(page: Any) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0 and page.locator("script").count() == 1
    text = page.locator("#d0 .article").inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert '"><img src=x onerror="window.__pwned=2">' in text
    assert all(u.startswith("file://") for u in page.requests)
    # the report's own script ran (it shows the key help) without any CSP complaint
    assert page.locator(".keys").is_visible()
    assert page.evaluate("window.__csp") == []
    assert not [m for m in page.console if "Content Security Policy" in m or "pageerror" in m]
    # and the policy is live: a script injected into the page is refused
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__pwned = 4'; document.body.appendChild(s); }""")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert any("script-src" in v for v in page.evaluate("window.__csp"))
