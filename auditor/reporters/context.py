"""The line of text around a finding, shared by the human-readable reporters."""

from __future__ import annotations

from auditor.document import Document
from auditor.findings import Finding


def context(doc: Document, finding: Finding, width: int = 40) -> tuple[str, str, str]:
    """(before, flagged, after) on the finding's line, trimmed to about `width` each side."""
    text = doc.original
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, finding.start - width) : finding.start]
    flagged = text[finding.start : finding.end]
    after = text[finding.end : min(line_end, finding.end + width)]
    if "\n" in flagged:
        flagged = flagged.split("\n", 1)[0] + "…"
    if len(flagged) > 2 * width:  # a whole paragraph or bullet: show its start
        return before[-10:] if len(before) > 10 else before, flagged[: 2 * width - 1] + "…", ""
    if finding.start - width > line_start:
        cut = before.find(" ")
        before = "…" + (before[cut + 1 :] if 0 <= cut < width // 2 else before.lstrip())
    if finding.end + width < line_end:
        cut = after.rfind(" ")
        after = (after[:cut] if cut > width // 2 else after.rstrip()) + "…"
    return before.replace("\t", " "), flagged, after.replace("\t", " ")
