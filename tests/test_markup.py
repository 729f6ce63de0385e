"""The Markdown and HTML views: exact output on small documents, line endings, and time
that grows linearly with nesting and size (files are untrusted input)."""

from __future__ import annotations

from auditor.document import Block, Comment
from auditor.markup import html_view, markdown_view

MD = (
    "# Budget *plans* #\n\n"
    "The [minister](https://gov.uk/x) said `code` was **fine** at www.bbc.co.uk today.\n"
    "<!-- auditor: ignore passive -->\n\n"
    "- first item\n- second ![img](a.png) item\n\n"
    "> A quote with <b>html</b> and \\*stars\\*.\n\n"
    "1. one\n2. two\n"
)
MD_VIEW = (
    "  Budget  plans   \n\n"
    "The  minister                    said        was   fine   at               today.\n"
    "                                \n\n"
    "  first item\n  second               item\n\n"
    "  A quote with    html     and   stars  .\n\n"
    "   one\n   two\n"
)
MD_BLOCKS = [
    Block(2, 15, "heading"),
    Block(20, 101, "paragraph"),
    Block(138, 148, "bullet", 1),
    Block(151, 176, "bullet", 1),
    Block(180, 219, "blockquote"),
    Block(224, 227, "bullet", 2),
    Block(231, 234, "bullet", 2),
]

HTML = (
    '<html><head><title>T &amp; C</title><script>var a = "<p>x</p>";</script></head>\n'
    '<body><h1 class="x">Budget&nbsp;plans</h1><p>The <a href="u?a=1&amp;b=2" title="a > b">'
    "minister</a>\nsaid it&#8217;s fine.<br>Really.</p><!-- auditor: ignore passive -->\n"
    "<ul><li>one</li><li><p>two</p><ol><li>inner</li></ol></li></ul>\n"
    "<blockquote><div>quoted</div></blockquote><pre>code</pre></body></html>"
)


def test_markdown_view_blanks_markup_in_place() -> None:
    view, blocks, comments = markdown_view(MD)
    assert view == MD_VIEW
    assert blocks == MD_BLOCKS
    assert comments == [Comment(102, 134, "auditor: ignore passive")]


def test_html_view_drops_tags_and_maps_back() -> None:
    view, blocks, comments, omap, title = html_view(HTML)
    assert title == "T & C"
    assert comments == [Comment(74, 74, "auditor: ignore passive")]
    assert [(b.kind, b.list_id, view[b.start : b.end]) for b in blocks] == [
        ("heading", None, "Budget\xa0plans"),
        ("paragraph", None, "The minister\nsaid it’s fine. Really."),
        ("bullet", 1, "one"),
        ("bullet", 1, "two"),
        ("bullet", 2, "inner"),
        ("blockquote", None, "quoted"),
    ]
    para = blocks[1]
    original = HTML[omap.start(para.start) : omap.end(para.end)]
    assert original.startswith('The <a href="u?a=1&amp;b=2" title="a > b">minister</a>\n')
    assert original.endswith("said it&#8217;s fine.<br>Really.")
    apostrophe = view.index("’")
    assert HTML[omap.start(apostrophe) : omap.end(apostrophe + 1)] == "&#8217;"


def test_crlf_markdown_view_is_unchanged() -> None:
    view, blocks, _ = markdown_view("# T\r\n\r\ntext\r\nmore\r\n")
    assert view == "  T\r\n \ntext\r\nmore\r\n"
    assert blocks == [Block(2, 3, "heading"), Block(7, 17, "paragraph")]
