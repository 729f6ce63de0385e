"""The BBC alarms benchmark's own parts, on synthetic findings (no evaluation data)."""

from __future__ import annotations

from benchmarks.bbc_alarms import Alarm, listing, table, trim_context


def _alarm(pack: str, severity: str, quoted: bool = False) -> Alarm:
    return Alarm("bbc-news/tech/5.txt", f"{pack}.x", pack, severity, "hit", "a [[hit]]", quoted)


def test_table_rates_and_targets() -> None:
    alarms = [_alarm("grammar", "warning"), _alarm("grammar", "error", True),
              _alarm("grammar", "info"), _alarm("causal", "info")]  # fmt: skip
    rows = table(4000, alarms, ["causal", "grammar", "readability"])
    by_pack = {r.split(" | ")[0][2:]: r for r in rows[2:]}
    assert by_pack["grammar"] == "| grammar | 2 | 0.50 | 1 | 0.25 | <= 0.5 | 1.01 | yes |"
    assert by_pack["causal"] == "| causal | 0 | 0.00 | 0 | 0.25 | <= 0.25 | 1.09 | yes |"
    assert by_pack["readability"].endswith("| - | - | - |")


def test_listing_keeps_only_loud_findings() -> None:
    out = "\n".join(listing([_alarm("hedges", "warning", True), _alarm("hedges", "info")]))
    assert "## hedges / hedges.x (1)" in out and "tech/5.txt warning [in quote]" in out


def test_trim_context_marks_and_cuts() -> None:
    text = "x" * 300 + " the flagged words " + "y" * 300
    start = text.index("flagged")
    ctx = trim_context(text, 0, len(text), start, start + 7)
    assert "[[flagged]]" in ctx and ctx.startswith("...") and ctx.endswith("...")
    assert len(ctx) < 180
    assert trim_context("Short one.", 0, 10, 0, 5) == "[[Short]] one."
