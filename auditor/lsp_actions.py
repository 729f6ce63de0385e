"""Quick fixes and hovers for the diagnostics the server published.

A quick fix replaces a diagnostic's range with one of its finding's suggestions (carried in
the diagnostic's `data`, which clients hand back with the codeAction request). A hover on a
diagnostic's range explains its rule: what it flags, why, and an example each way. Nothing
here talks to a client or runs an audit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lsprotocol import types

from auditor.lsp_convert import SOURCE, parent_rule
from auditor.packs import MARK, Rule

MAX_FIXES = 5  # suggestions offered per diagnostic


def suggestions(diag: types.Diagnostic) -> list[str]:
    """The suggestions an auditor diagnostic carries (none for anybody else's)."""
    if diag.source != SOURCE or not isinstance(diag.data, dict):
        return []
    found = diag.data.get("suggestions")
    if not isinstance(found, list):
        return []
    return [s for s in found if isinstance(s, str)][:MAX_FIXES]


def quick_fixes(uri: str, diags: Iterable[types.Diagnostic]) -> list[types.CodeAction]:
    """One quick fix per suggestion: a WorkspaceEdit replacing the diagnostic's range."""
    actions: list[types.CodeAction] = []
    for d in diags:
        options = suggestions(d)
        for s in options:
            edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=d.range, new_text=s)]})
            actions.append(
                types.CodeAction(
                    title=f"Replace with '{s}' ({d.code})" if s else f"Delete ({d.code})",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[d],
                    edit=edit,
                    is_preferred=len(options) == 1,
                )
            )
    return actions


def _key(p: types.Position) -> tuple[int, int]:
    return p.line, p.character


def covers(r: types.Range, p: types.Position) -> bool:
    """Whether a position lies in a range (its end included, where a cursor rests)."""
    return _key(r.start) <= _key(p) <= _key(r.end)


def overlaps(a: types.Range, b: types.Range) -> bool:
    return _key(a.start) <= _key(b.end) and _key(b.start) <= _key(a.end)


def _example(text: str) -> str:
    """A rule example in Markdown: the [[marked]] finding in bold."""
    return MARK.sub(lambda m: f"**{m.group(1)}**", " ".join(text.split()))


def explain(
    diag: types.Diagnostic, rules: dict[str, Rule], describe: Callable[[str], str | None]
) -> str:
    """Markdown for one diagnostic: its message, and its rule's why and examples.
    `describe` gives an engine's own text for a sub-rule (grammar.harper.SpellCheck)."""
    rule_id = str(diag.code or "")
    lines = [f"**{rule_id}** ({SOURCE})", "", diag.message]
    rule = parent_rule(rules, rule_id)
    if rule is None:
        return "\n".join(lines)
    if rule.id != rule_id:
        sub = describe(rule_id)
        if sub:
            lines += ["", " ".join(sub.split())]
        lines += ["", f"Reported by `{rule.id}` ({rule.severity}, pack {rule.pack})."]
    else:
        lines += ["", f"_{rule.severity}, pack {rule.pack}_"]
    lines += ["", f"**Why:** {' '.join(rule.why.split())}"]
    if rule.bad:
        lines += ["", f"**Flagged:** {_example(rule.bad[0])}"]
    if rule.good:
        lines += ["", f"**Fine:** {_example(rule.good[0])}"]
    if rule.url:
        lines += ["", f"[More]({rule.url})"]
    return "\n".join(lines)


def under(diags: Iterable[types.Diagnostic], at: types.Position) -> list[types.Diagnostic]:
    """The auditor diagnostics whose range holds the cursor."""
    return [d for d in diags if d.source == SOURCE and d.code and covers(d.range, at)]


def hover(
    here: list[types.Diagnostic], rules: dict[str, Rule], describe: Callable[[str], str | None]
) -> types.Hover | None:
    """A hover explaining the diagnostics under the cursor (None where there are none)."""
    if not here:
        return None
    body = "\n\n---\n\n".join(explain(d, rules, describe) for d in here)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=body),
        range=here[0].range,
    )
