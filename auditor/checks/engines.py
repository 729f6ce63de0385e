"""Engine kinds: `harper` (embedded, the default) and `languagetool` (a server, optional).

One rule block stands for a whole engine; each lint becomes a Hit whose rule is
`<rule id>.<EngineRule>` (grammar.harper.SpellCheck) with the severity the block gives that
engine rule. Spelling lints on names are dropped (see `auditor/engines/names.py`).

Settings (per run, from the command line or configuration; RUN_OPTIONS below): `words` (a
list the spell checkers accept), `languagetool` (a server URL or "local"; when set,
LanguageTool replaces Harper), `languagetool_fallback` ("harper" or "fail"),
`languagetool_timeout` (seconds), `languagetool_language` (en-GB), and a harper block's
`dialect`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from auditor.checks import Check, register
from auditor.engines import harper as harper_engine
from auditor.engines.feed import Fed, feed
from auditor.engines.guard import MAX_PIECE, NOT_CHECKED, describe_skip, guard
from auditor.engines.harper import DIALECTS, SPELL_RULE, EngineLint
from auditor.engines.names import is_name, normalise_words
from auditor.engines.spelling import merge, spelling_lints
from auditor.errors import EngineUnavailable
from auditor.findings import SEVERITIES, Hit
from auditor.options import BadOption, Opt, coerce_table, show

if TYPE_CHECKING:
    from auditor.document import Document
    from auditor.packs import Rule

_LEVELS = (*SEVERITIES, "off")
_DOT_WORD = re.compile(r"\.[A-Za-z]")  # ".post", ".NET": a domain or a file type

# what every engine block may say: how severe each engine rule is, and which are spelling
ENGINE_OPTIONS = {
    "severities": Opt(dict, {}, "EngineRule = error | warning | info | off"),
    "default": Opt(str, None, "severity of engine rules not in `severities` (default: the "
                   "rule's)", choices=_LEVELS),
    "spelling": Opt(list, [], "engine rules that check spelling: names are not errors"),
}  # fmt: skip
LANGUAGETOOL_OPTIONS = {
    **ENGINE_OPTIONS,
    "disabled": Opt(list, [], "LanguageTool rules switched off in the server"),
}
# what a run sets (configuration [packs.<pack>], command line), never a rule
RUN_OPTIONS = {
    "words": Opt(list, [], "words the spell checkers accept (a house list of names)",
                 split=True, setting=True),
    "languagetool": Opt(str, "", "a LanguageTool server URL, or 'local': replaces Harper",
                        setting=True),
    "languagetool_fallback": Opt(str, "harper", "when LanguageTool fails: harper or fail",
                                 choices=("harper", "fail"), setting=True),
    "languagetool_timeout": Opt(float, 10.0, "seconds to wait for LanguageTool",
                                positive=True, setting=True),
    "languagetool_language": Opt(str, "en-GB", "LanguageTool's language code", setting=True),
}  # fmt: skip


def _severity_table(table: dict[str, Any], known: frozenset[str] | None) -> dict[str, str]:
    for name, level in table.items():
        if level not in _LEVELS:
            raise BadOption(f"severities.{name}", f"must be one of {', '.join(_LEVELS)}, "
                            f"not {show(level)}")  # fmt: skip
        if known is not None and name not in known:
            raise BadOption("severities", f"unknown engine rule {name!r}")
    return dict(table)


class EngineCheck(Check):
    """What the engine kinds share: severities per engine rule, names not errors."""

    run_options = RUN_OPTIONS

    def __init__(self, rule: Rule, known: frozenset[str] | None) -> None:
        super().__init__(rule)
        opts = rule.options
        self.severities = _severity_table(opts.get("severities", {}), known)
        self.default: str = opts.get("default") or rule.severity
        self.spelling = frozenset(opts.get("spelling", []))
        self.words: frozenset[str] = frozenset()

    def configure(self, settings: dict[str, Any]) -> None:
        super().configure(settings)
        self.words = normalise_words(str(w) for w in self.value("words"))

    def level(self, engine_rule: str) -> str:
        return self.severities.get(engine_rule, self.default)


@register
class LanguageToolCheck(EngineCheck):
    """LanguageTool alone, for a pack that wants it (silent when the run names no server).

    The built-in pack does not use this kind: its `harper` block hands over to LanguageTool
    when a server is named, so that one block's examples hold with or without a server.
    """

    kind = "languagetool"
    options = LANGUAGETOOL_OPTIONS

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule, None)
        self.disabled = tuple(sorted(rule.options.get("disabled", [])))

    def run(self, doc: Document) -> Iterator[Hit]:
        hits = languagetool_hits(self, doc, self.rule.id, self.disabled)
        return iter(hits or [])

    def close(self) -> None:
        _close_session(self.settings)


def pieces(doc: Document) -> Iterator[tuple[int, int]]:
    """Spans to feed an engine: each block, or for a very long block (a wall of text with
    no paragraph breaks) runs of its sentences up to MAX_PIECE characters."""
    sentences = doc.sentences
    i = 0
    for bi, block in enumerate(doc.blocks):
        if block.end - block.start <= MAX_PIECE:
            yield block.start, block.end
            continue
        while i < len(sentences) and sentences[i].block < bi:
            i += 1
        start = block.start
        while i < len(sentences) and sentences[i].block == bi:
            if sentences[i].end - start > MAX_PIECE and sentences[i].start > start:
                yield start, sentences[i].start
                start = sentences[i].start
            i += 1
        yield start, block.end


def languagetool_hits(
    check: EngineCheck, doc: Document, prefix: str, disabled: tuple[str, ...]
) -> list[Hit] | None:
    """LanguageTool's hits on a document, or None when it is not in use or failed (then the
    session has said why, or raised EngineUnavailable when the fallback is "fail")."""
    from auditor.engines.languagetool import session

    sess = session(check.settings)
    if sess is None or sess.failed:
        return None
    hits: list[Hit] = []
    try:
        client = sess.connect()
        client.disabled = disabled
        for start, end in guard(pieces(doc), doc.text)[0]:
            fed = feed(doc.text, start, end)
            if not fed.text:
                continue
            for lt in client.check(fed.text):
                level = check.level(lt.rule)
                if level == "off":
                    continue
                s, e = fed.start(lt.start), fed.end(lt.end)
                if lt.rule in check.spelling and is_name(doc, s, e, check.words, lt.suggestions):
                    continue
                hits.append(Hit(s, e, lt.message, lt.suggestions, level, f"{prefix}.{lt.rule}"))
    except EngineUnavailable as e:
        sess.fail(str(e))  # raises when the fallback is "fail"
        return None
    return hits


def _close_session(settings: dict[str, Any]) -> None:
    from auditor.engines.languagetool import session

    sess = session(settings)
    if sess is not None:
        sess.close()


class _LanguageToolOptions(EngineCheck):
    """The `languagetool` table of a `harper` block, read as an engine rule's options."""

    options = LANGUAGETOOL_OPTIONS

    def __init__(self, rule: Rule, table: dict[str, Any]) -> None:
        from dataclasses import replace

        table = coerce_table(LANGUAGETOOL_OPTIONS, table, prefix="languagetool.")
        super().__init__(replace(rule, options=table), None)
        self.disabled = tuple(sorted(table.get("disabled", [])))


@register
class HarperCheck(EngineCheck):
    kind = "harper"
    options: ClassVar[dict[str, Opt]] = {
        **ENGINE_OPTIONS,
        "dialect": Opt(str, "british", "the spelling Harper expects", choices=DIALECTS,
                       setting=True),
        "also_accept": Opt(list, [], "other dialects whose spellings are not errors",
                           choices=DIALECTS),
        "all_harper_rules": Opt(bool, False, "also run the Harper rules the pack leaves at "
                                "`default = \"off\"`, at the rule's severity (about 9x "
                                "Harper's cost)", setting=True),
        "languagetool": Opt(dict, {}, "the block's options when a run names a LanguageTool "
                            "server (severities, default, spelling, disabled)"),
    }  # fmt: skip

    def __init__(self, rule: Rule) -> None:
        # Harper's rule list costs half a second to read: names are checked on first use
        # (and for the shipped pack by the tests), so that loading packs stays instant
        super().__init__(rule, None)
        self._checked = False
        # the rule's `languagetool` table, not the run's setting of the same name (a URL)
        self.lt = _LanguageToolOptions(rule, rule.options.get("languagetool", {}))
        self.lt_prefix = rule.pack + ".languagetool"
        self.dialect: str = rule.options.get("dialect", "british")
        self.also_accept = tuple(rule.options.get("also_accept", []))
        # rules switched off are switched off in Harper itself: they cost nothing
        self.off = frozenset(n for n, lvl in self.severities.items() if lvl == "off")
        # the spell checker reads words, not paragraphs (auditor/engines/spelling.py)
        self.by_word = SPELL_RULE in self.spelling and SPELL_RULE not in self.off
        self.grammar_off = self.off | {SPELL_RULE} if self.by_word else self.off
        self.pack_default = self.default
        self.grammar_on = self._only_listed()

    def _only_listed(self) -> frozenset[str] | None:
        """With `default = "off"`, the rules Harper runs are those listed at a severity
        (the spell checker apart when it reads words): a switched-off rule costs nothing."""
        if self.default != "off":
            return None
        listed = {n for n, level in self.severities.items() if level != "off"}
        return frozenset(listed - {SPELL_RULE} if self.by_word else listed)

    def configure(self, settings: dict[str, Any]) -> None:
        super().configure(settings)
        self.lt.configure(settings)
        self.dialect = self.value("dialect")
        every = self.value("all_harper_rules") and self.pack_default == "off"
        self.default = self.rule.severity if every else self.pack_default
        self.grammar_on = self._only_listed()
        if not self.settings.get("languagetool"):
            harper_engine.prewarm(
                self.dialect, self.grammar_off, self.also_accept, on=self.grammar_on
            )

    def run(self, doc: Document) -> Iterator[Hit]:
        """LanguageTool's hits when the run names a server and it answers, else Harper's."""
        hits = languagetool_hits(self.lt, doc, self.lt_prefix, self.lt.disabled)
        if hits is not None:
            return iter(hits)
        return self.hits(doc)

    def close(self) -> None:
        _close_session(self.settings)

    def _check_names(self) -> None:
        """Warn about Harper rule names Harper does not know (a typo in a user's pack); the
        shipped pack's names are checked by the tests instead, saving half a second."""
        self._checked = True
        from pathlib import Path

        from auditor.packs import builtin_rules_dir

        if Path(self.rule.source).parent.resolve() == builtin_rules_dir().resolve():
            return
        known = harper_engine.rule_names()
        named = set(self.severities) | set(self.spelling)
        for name in sorted(named - known):
            print(f"auditor: {self.rule.id}: unknown Harper rule {name!r} ignored", file=sys.stderr)

    def hits(self, doc: Document) -> Iterator[Hit]:
        if not self._checked:
            self._check_names()
        spans, skipped = guard(pieces(doc), doc.text)
        for s, e in skipped:
            msg = describe_skip(doc.text[s:e])
            yield Hit(s, e, msg, (), "info", f"{self.rule.id}.{NOT_CHECKED}")
        feds = [f for f in (feed(doc.text, s, e) for s, e in spans) if f.text]
        # the pieces of the document go to Harper together (each distinct one once per run)
        found = harper_engine.lint_many(
            [f.text for f in feds], self.dialect, self.grammar_off, on=self.grammar_on
        )
        for fed, lints in zip(feds, found, strict=True):
            if self.by_word:
                spelt = spelling_lints(doc, fed, self.dialect, self.words)
                lints = tuple(merge(fed.text, list(lints), spelt, self.dialect))
            yield from self._hits(doc, fed, lints)

    def _hits(self, doc: Document, fed: Fed, lints: tuple[EngineLint, ...]) -> Iterator[Hit]:
        for lt in lints:
            level = self.level(lt.rule)
            if level == "off":
                continue
            s, e = fed.start(lt.start), fed.end(lt.end)
            if doc.text[s:e].isspace() and _DOT_WORD.match(doc.text, e):
                continue  # "The .post domain": a dot that opens a word is not punctuation
            if lt.rule in self.spelling and (
                is_name(doc, s, e, self.words, lt.suggestions)
                or any(harper_engine.spelled_right(doc.text[s:e], d) for d in self.also_accept)
            ):
                continue
            yield Hit(s, e, lt.message, lt.suggestions, level, f"{self.rule.id}.{lt.rule}")
