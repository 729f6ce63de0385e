"""Engine kinds: `harper` (embedded, the default) and `languagetool` (a server, optional).

One rule block stands for a whole engine; each lint becomes a Hit whose rule is
`<rule id>.<EngineRule>` (grammar.harper.SpellCheck) with the severity the block gives that
engine rule. Spelling lints on names are dropped (see `auditor/engines/names.py`).

Settings (per run, from the command line or configuration): `words` (a list the spell
checkers accept), `languagetool` (a server URL or "local"; when set, LanguageTool replaces
Harper), `languagetool_fallback` ("harper" or "fail") and `languagetool_timeout` (seconds).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from auditor.checks import Check, register
from auditor.engines import harper as harper_engine
from auditor.engines.feed import feed
from auditor.engines.names import is_name, normalise_words
from auditor.findings import SEVERITIES, Hit

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.packs import Rule

_LEVELS = (*SEVERITIES, "off")


def _severity_table(rule: Rule, known: frozenset[str] | None) -> dict[str, str]:
    table = rule.options.get("severities", {})
    if not isinstance(table, dict):
        raise ValueError("'severities' must be a table of EngineRule = error|warning|info|off")
    for name, level in table.items():
        if level not in _LEVELS:
            raise ValueError(f"severity of {name!r} must be one of {', '.join(_LEVELS)}")
        if known is not None and name not in known:
            raise ValueError(f"unknown engine rule {name!r}")
    return dict(table)


def _name_list(rule: Rule, key: str) -> frozenset[str]:
    value = rule.options.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{key}' must be a list of engine rule names")
    return frozenset(value)


class EngineCheck(Check):
    """What the engine kinds share: severities per engine rule, names not errors."""

    def __init__(self, rule: Rule, known: frozenset[str] | None) -> None:
        super().__init__(rule)
        self.severities = _severity_table(rule, known)
        default = rule.options.get("default", rule.severity)
        if default not in _LEVELS:
            raise ValueError(f"'default' must be one of {', '.join(_LEVELS)}")
        self.default = default
        self.spelling = _name_list(rule, "spelling")
        self.words: frozenset[str] = frozenset()

    def configure(self, settings: dict[str, Any]) -> None:
        super().configure(settings)
        words = settings.get("words") or []
        if not isinstance(words, list | tuple | set | frozenset):
            raise ValueError("the grammar word list must be a list of words")
        self.words = normalise_words(str(w) for w in words)

    def level(self, engine_rule: str) -> str:
        return self.severities.get(engine_rule, self.default)


@register
class HarperCheck(EngineCheck):
    kind = "harper"
    options = frozenset({"dialect", "severities", "default", "spelling"})

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule, harper_engine.rule_names())
        dialect = rule.options.get("dialect", "british")
        if dialect not in harper_engine.DIALECTS:
            raise ValueError(f"dialect must be one of {', '.join(harper_engine.DIALECTS)}")
        self.dialect = dialect
        # rules switched off are switched off in Harper itself: they cost nothing
        self.off = frozenset(n for n, lvl in self.severities.items() if lvl == "off")

    def run(self, doc: Document) -> Iterator[Hit]:
        if self.settings.get("languagetool") and not _languagetool_failed(self.settings):
            return  # LanguageTool does the engine's work in this run
        yield from self.hits(doc)

    def hits(self, doc: Document) -> Iterator[Hit]:
        for block in doc.blocks:
            fed = feed(doc.text, block.start, block.end)
            if not fed.text:
                continue
            for lt in harper_engine.lint(fed.text, self.dialect, self.off):
                level = self.level(lt.rule)
                if level == "off":
                    continue
                s, e = fed.start(lt.start), fed.end(lt.end)
                if lt.rule in self.spelling and is_name(doc, s, e, self.words):
                    continue
                yield Hit(s, e, lt.message, lt.suggestions, level, f"{self.rule.id}.{lt.rule}")


def _languagetool_failed(settings: dict[str, Any]) -> bool:
    from auditor.engines.languagetool import session_failed

    return session_failed(settings)
