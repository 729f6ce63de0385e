"""The HTML report's article pane: Markdown rendered with the highlights on the right words,
an HTML page's text, plain-text paragraphs; well formed, and the article's markup only text.
"""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

from auditor.findings import Finding
from auditor.inputs import markup_document
from auditor.reporters.html_article import article

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
