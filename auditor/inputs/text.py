"""Plain text into a Document: paragraphs, bullets, the headline and comment lines."""

from __future__ import annotations

import re

from auditor.document import Block, Comment, Document

_BULLET = re.compile(r"[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]+(?=\S)")
_TERMINAL = re.compile(r"[.!?:;…][\"'”’)\]]*\s*$")
_TEXT_COMMENT = re.compile(r"[ \t]*(?:#|//)[ \t]*(auditor:.*)$")  # match() at a line start


def text_blocks(text: str) -> tuple[list[Block], list[Comment]]:
    """Blocks of a plain-text article.

    Paragraphs are separated by blank lines. Inside a paragraph, each line is its own
    block when the lines end in terminal punctuation (one paragraph a line, as in most
    CMS exports); otherwise the lines are a hard-wrapped paragraph. Lines starting with
    "- ", "* ", "• ", "1." or "1)" are bullets; a run of them is one list. A line that is
    a comment of the form "# auditor: ..." is kept for suppressions and not checked.
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    blocks: list[Block] = []
    comments: list[Comment] = []
    list_id = 0
    in_list = False
    para: list[tuple[int, int]] = []

    def flush() -> None:
        if not para:
            return
        wrapped = len(para) > 1 and not all(_TERMINAL.search(text, s, e) for s, e in para[:-1])
        if wrapped:
            blocks.append(Block(para[0][0], para[-1][1], "paragraph"))
        else:
            blocks.extend(Block(s, e, "paragraph") for s, e in para)
        para.clear()

    for s, e in lines:
        while s < e and text[s] in " \t":
            s += 1
        if s >= e:
            flush()
            continue
        cm = _TEXT_COMMENT.match(text, s, e)
        if cm:
            flush()
            comments.append(Comment(s, e, cm.group(1)))
            continue
        bm = _BULLET.match(text, s, e)
        if bm:
            flush()
            if not in_list:
                list_id += 1
                in_list = True
            blocks.append(Block(bm.end(), e, "bullet", list_id))
            continue
        in_list = False
        para.append((s, e))
    flush()
    return blocks, comments


def _mark_title(blocks: list[Block], text: str) -> list[Block]:
    """A short first line with no terminal punctuation is the headline."""
    if len(blocks) > 1 and blocks[0].kind == "paragraph":
        b = blocks[0]
        line = text[b.start : b.end]
        if "\n" not in line and not _TERMINAL.search(line) and len(line.split()) <= 25:
            blocks[0] = Block(b.start, b.end, "heading")
    return blocks


def plain_document(path: str, text: str) -> Document:
    blocks, comments = text_blocks(text)
    return Document.build(path, text, text, _mark_title(blocks, text), comments=comments)
