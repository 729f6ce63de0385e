"""`auditor rules`, `auditor explain` and `auditor init`: what the rules are, and a starter
configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from auditor.cli_options import ConfigOption
from auditor.config import write_starter
from auditor.engines.guard import NOT_CHECKED
from auditor.errors import UsageError
from auditor.packs import Pack, Rule
from auditor.pipeline import project_packs
from auditor.suppress import META_RULES


def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter configuration.")] = Path(
        "auditor.toml"
    ),
) -> None:
    """Write a commented starter auditor.toml (never overwrites an existing file)."""
    write_starter(path)
    print(f"wrote {path}")


def rules_cmd(
    pack: Annotated[str | None, typer.Argument(help="Only this pack.")] = None,
    config: ConfigOption = None,
) -> None:
    """List the rule packs and their rules."""
    packs = project_packs(config)
    if pack is not None and pack not in {p.id for p in packs}:
        raise UsageError(f"no pack '{pack}' (packs: {', '.join(p.id for p in packs)})")
    for p in packs:
        if pack and p.id != pack:
            continue
        print(f"{p.id}: {p.summary}  ({Path(p.path).name})")
        for r in p.rules:
            flag = " (opt-in)" if r.opt_in else ""
            print(f"  {r.id:<40} {r.severity:<8} {r.kind:<13}{flag}")
            print(f"      {' '.join(r.why.split())}")
        print()


def find_rule(packs: list[Pack], rule_id: str) -> Rule | None:
    """The rule with this id, or the rule that reports it (grammar.harper.X)."""
    rules = {r.id: r for p in packs for r in p.rules}
    while rule_id:
        if rule_id in rules:
            return rules[rule_id]
        rule_id = rule_id.rpartition(".")[0]
    return None


def _engine_level(r: Rule, sub: str) -> str:
    """One line on a Harper rule's severity in the pack, or how to run it when it is off."""
    from auditor.checks.engines import EngineCheck

    if not isinstance(r.check, EngineCheck):
        return ""
    level = r.check.level(sub)
    if level != "off":
        return f"Severity in this pack: {level}."
    if sub in r.check.severities:
        return "Off in this pack."
    return f"Off in this pack (all_harper_rules = true under [packs.{r.pack}] runs it)."


def _explain_sub_rule(r: Rule, rule_id: str) -> None:
    """A sub-rule a rule reports: an engine's rule (grammar.harper.SpellCheck) is explained
    by the engine's own description; a python rule's by its `subrules` table."""
    sub = rule_id[len(r.id) + 1 :]
    text: str | None = None
    level = ""  # a Harper rule's place in the pack, when the sub-rule is one
    if r.kind == "harper" and sub == NOT_CHECKED:
        text = (
            "A run of text with no space longer than any word (a URL, code, base64, a "
            "flattened table): the grammar engine is not fed it, so nothing in it was checked."
        )
    elif r.kind == "harper" and "." not in sub:
        from auditor.engines.harper import describe

        text = describe(sub)
        level = _engine_level(r, sub) if text is not None else ""
    else:
        text = r.subrules.get(sub)
    if text is None:
        raise UsageError(f"no rule '{rule_id}' (see 'auditor rules')")
    print(f"{rule_id}  (reported by {r.id})")
    print()
    print("What it checks:")
    print(f"  {' '.join(text.split())}")
    print()
    if level:
        print(level)
        print()
    print(f"It is reported through {r.id}:")
    print()


def explain(
    rule: Annotated[str, typer.Argument(help="A rule id, e.g. hedges.allegedly.")],
    config: ConfigOption = None,
) -> None:
    """Say what a rule does, why, and show its examples."""
    if rule in META_RULES:
        severity, what = META_RULES[rule]
        print(f"{rule}  ({severity}, reported by auditor itself)")
        print()
        print("What it reports:")
        print(f"  {what}")
        return
    r = find_rule(project_packs(config), rule)
    if r is None or "." not in rule:
        raise UsageError(f"no rule '{rule}' (see 'auditor rules')")
    if r.id != rule:
        _explain_sub_rule(r, rule)
    print(f"{r.id}  ({r.severity}, kind {r.kind}, scope {r.scope}, pack {r.pack})")
    for title, body in (("What it does:", r.message), ("Why:", r.why)):
        print()
        print(title)
        print(f"  {body}")
    for title, examples in (
        ("Flagged ([[...]] marks the finding):", r.bad),
        ("Not flagged:", r.good),
    ):
        print()
        print(title)
        for ex in examples:
            print(f"  - {ex}")
    if r.opt_in:
        print()
        print(f"Opt-in: runs only when selected (--select {r.id} or --select {r.pack}).")
    if r.in_quotes != "keep":
        print()
        print(f"Inside direct quotations: {r.in_quotes}.")
