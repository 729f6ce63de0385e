"""Markdown and HTML to a checkable view, with offsets kept.

Markdown (markup_md): the view is the original with everything that is not prose (block
markers, code, URLs, link targets, HTML, emphasis markers) replaced by spaces, so view
offsets *are* original offsets. HTML (markup_html): tags are removed and entities decoded,
so the view is shorter and an OffsetMap carries offsets back.

Both readers take time linear in a document's size and nesting: files are untrusted, and
a search repeated at every tag or unterminated opener turns a deep or broken file into a
hang.
"""

from __future__ import annotations

from auditor.markup_html import html_view
from auditor.markup_md import markdown_view

__all__ = ["html_view", "markdown_view"]
