"""Harper (harper-py), in process: one Linter per configuration per process, built lazily.

Building a Linter loads Harper's dictionary (about a second), so it is done once and
cached. Harper is fed one block at a time: measured on BBC articles it is about 6x faster
than whole articles, and no rule of interest needs more than a paragraph of context.
"""

from __future__ import annotations

import bisect
import itertools
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from auditor import timing
from auditor.engines.guard import MAX_PIECE

if TYPE_CHECKING:
    import harper as _harper

DIALECTS = ("american", "british", "australian", "canadian", "indian")


@dataclass(frozen=True, slots=True)
class EngineLint:
    """One lint, with offsets in code points of the string that was linted."""

    rule: str
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...]


# Mixed-case tokens (RVvoenkor, McDonald, iPhone) are names or brands: Harper's spell
# checker can spend a second looking for suggestions for one of them, and the findings
# would be dropped as names anyway. The spell checker reads words (`spell`) and never looks
# such a word up; where it reads text with other rules (`spelling_wins`), they are masked.
# The other rules read them: masked, a name left "a space before a comma" behind.
NAME_MASK = r"\b[A-Za-z]*[a-z][A-Za-z]*[A-Z][A-Za-z]*\b|\b[A-Z]{2,}[a-z][A-Za-z]*\b"
_lock = threading.Lock()


def linter(
    dialect: str = "british", off: frozenset[str] = frozenset(), on: frozenset[str] | None = None
) -> _harper.Linter:
    """The process's Linter for a dialect with some of Harper's rules switched off, or
    with only the rules `on` switched on when that is given.

    Locked, so that a Linter being built by `prewarm` in the background is waited for
    rather than built twice; until it is ready, the time is Harper's start-up (--profile)."""
    key = (dialect, off, on)
    if key in _ready:
        return _build(*key)
    with timing.shared("grammar.harper-start-up"), _lock:
        lin = _build(*key)
    _ready.add(key)
    return lin


def prewarm(
    dialect: str, off: frozenset[str], also: tuple[str, ...] = (), on: frozenset[str] | None = None
) -> None:
    """Build the Linters in a background thread (Harper releases the GIL meanwhile), so
    that a one-article check overlaps Harper's second of set-up with the other packs."""

    def build() -> None:
        linter(dialect, off, on)
        _speller(dialect)
        for d in also:
            _speller(d)

    threading.Thread(target=build, name="harper-prewarm", daemon=True).start()


_ready: set[tuple[str, frozenset[str], frozenset[str] | None]] = set()


@lru_cache(maxsize=8)
def _build(dialect: str, off: frozenset[str], on: frozenset[str] | None) -> _harper.Linter:
    import harper

    lin = harper.Linter(harper.Dialect[dialect.upper()])
    if on is not None:
        # every rule the Linter knows, read from it (milliseconds; Harper's own list of
        # defaults builds a second Linter)
        lin.set_lint_config({n: n in on for n in lin.get_lint_config()})
    elif off:
        # a partial configuration: rules not named keep their default
        lin.set_lint_config(dict.fromkeys(off, False))
    return lin


def _suggestions(lt: _harper.Lint) -> tuple[str, ...]:
    """Harper's suggestions as replacements of the lint's span (the report's convention)."""
    import harper

    out: list[str] = []
    for s in lt.suggestions:
        if s.kind == harper.SuggestionKind.REPLACE:
            out.append(s.replacement_text)
        elif s.kind == harper.SuggestionKind.INSERT_AFTER:
            out.append(lt.problem_text + s.replacement_text)
    return tuple(dict.fromkeys(o for o in out if o))[:5]


SPELL_RULE = "SpellCheck"
_SPELL_CACHE_MAX = 200_000  # distinct words remembered per dialect (a whole archive's)
_spelt: dict[str, dict[str, tuple[EngineLint, ...]]] = {}


@lru_cache(maxsize=8)
def _speller(dialect: str) -> _harper.Linter:
    """A Linter with only the spell checker on (cheap once the first Linter exists: the
    dictionary is shared)."""
    import harper

    with _lock:
        lin = harper.Linter(harper.Dialect[dialect.upper()])
    lin.set_lint_config({n: n == SPELL_RULE for n in harper.get_default_lint_config()})
    return lin


def spell(words: Iterable[str], dialect: str) -> dict[str, tuple[EngineLint, ...]]:
    """Harper's spelling lints on each distinct word (offsets within the word), each word
    looked up once per process: the words not seen before go to Harper in one call (a
    call costs about 0.3 ms whatever its length), one word a line."""
    distinct = list(dict.fromkeys(words))
    seen = _spelt.setdefault(dialect, {})
    new = [w for w in distinct if w not in seen]
    if len(seen) + len(new) > _SPELL_CACHE_MAX:
        seen.clear()
        new = distinct
    if new:
        text = "\n".join(new)
        starts = list(itertools.accumulate((len(w) + 1 for w in new[:-1]), initial=0))
        found: dict[int, list[EngineLint]] = {}
        for lt in _speller(dialect).lint(text, language="plaintext"):
            i = bisect.bisect_right(starts, lt.span.start) - 1
            at = starts[i]
            found.setdefault(i, []).append(EngineLint(
                SPELL_RULE, lt.span.start - at, lt.span.end - at, lt.message, _suggestions(lt)
            ))  # fmt: skip
        for i, w in enumerate(new):
            seen[w] = tuple(found.get(i, ()))
    return {w: seen[w] for w in distinct}


def spelt(dialect: str) -> dict[str, tuple[EngineLint, ...]]:
    """The words looked up so far in a dialect and their lints (empty: spelled right)."""
    return _spelt.setdefault(dialect, {})


# When two lints cover the very same words Harper keeps the more important one, and its
# ranks are not exposed (they even differ between lints of one rule: "iPod" beats the
# spell checker, "Eurozone" does not): the first time a rule and the spell checker flag
# the same word, Harper is shown the text again with just those two rules on.
_pairs: dict[tuple[str, str], _harper.Linter] = {}
_ties: dict[tuple[str, str, str], bool] = {}


def spelling_wins(rule: str, dialect: str, text: str, start: int, end: int) -> bool:
    """Whether Harper keeps the spell checker's lint rather than this rule's on
    text[start:end], a word both flag (decided once per rule, word and dialect, on the
    sentence around the word: the rule needs its context, the spell checker's suggestions
    for the other words of the piece are not needed)."""
    key = (rule, text[start:end], dialect)
    if key not in _ties:
        import harper

        lin = _pairs.get((rule, dialect))
        if lin is None:
            with _lock:
                lin = harper.Linter(harper.Dialect[dialect.upper()])
            config: dict[str, bool | None] = {
                n: n in (rule, SPELL_RULE) for n in harper.get_default_lint_config()
            }
            lin.set_lint_config(config)
            _pairs[(rule, dialect)] = lin
        s = max(text.rfind(c, 0, start) for c in ".!?") + 1
        e = min((i for i in (text.find(c, end) for c in ".!?") if i >= 0), default=len(text))
        kept = lin.organized_lints(text[s : e + 1], language="plaintext", regex_mask=NAME_MASK)
        _ties[key] = not any(
            (lt.span.start + s, lt.span.end + s) == (start, end) for lt in kept.get(rule, ())
        )
    return _ties[key]


def spelled_right(word: str, dialect: str) -> bool:
    """Whether Harper's dictionary for a dialect accepts a word ("color" in American)."""
    return not spell((word,), dialect)[word]


@lru_cache(maxsize=1)
def rule_names() -> frozenset[str]:
    """Every rule name Harper knows (for validating a pack's configuration)."""
    import harper

    return frozenset(harper.get_default_lint_config())


def lint(
    text: str,
    dialect: str = "british",
    off: frozenset[str] = frozenset(),
    on: frozenset[str] | None = None,
) -> list[EngineLint]:
    """Lint plain text; each lint carries the name of the Harper rule behind it."""
    return list(lint_many([text], dialect, off, on=on)[0])


# Lints remembered per block text, most recent last: an editor re-checking after one edit
# (`auditor lsp`) has Harper lint only the block that changed, and a batch lints each
# distinct paragraph once (an archive repeats whole articles and standing paragraphs).
_CACHE_MAX = 16384  # blocks: more than the 12,860 of the 2,225 BBC articles
_JOIN = "\n\n"  # blocks read in one call are separate paragraphs to Harper
_Key = tuple[str, str, frozenset[str], frozenset[str] | None]  # text, dialect, off, on
_cache: OrderedDict[_Key, tuple[EngineLint, ...]] = OrderedDict()


_stats = {"hits": 0, "misses": 0}  # blocks served from the cache / read by Harper


def clear_cache() -> None:
    _cache.clear()


def cache_stats() -> dict[str, int]:
    """Blocks served from the cache and blocks Harper read, since the process started."""
    return dict(_stats)


def lint_many(
    texts: list[str],
    dialect: str = "british",
    off: frozenset[str] = frozenset(),
    most: int = 0,
    on: frozenset[str] | None = None,
) -> list[tuple[EngineLint, ...]]:
    """The lints of each text (a block of an article), offsets within it. Texts not seen
    before are read together, in calls of up to `most` characters (default: the guard's
    MAX_PIECE): a Harper call costs about 0.3 ms whatever its length, and longer calls
    were no slower per word up to 8,000 characters on BBC copy (docs/benchmarks.md)."""
    most = most or MAX_PIECE
    keys = [(t, dialect, off, on) for t in texts]
    todo = list(dict.fromkeys(k[0] for k in keys if k not in _cache and k[0].strip()))
    _stats["misses"] += len(todo)
    _stats["hits"] += len(keys) - len(todo)
    group: list[str] = []
    for t in todo:
        if group and sum(map(len, group)) + len(_JOIN) * len(group) + len(t) > most:
            _lint_group(group, (dialect, off, on))
            group = []
        group.append(t)
    if group:
        _lint_group(group, (dialect, off, on))
    out = []
    for k in keys:
        found = _cache.get(k, ())
        if k in _cache:
            _cache.move_to_end(k)
        out.append(found)
    return out


def _lint_group(
    texts: list[str], config: tuple[str, frozenset[str], frozenset[str] | None]
) -> None:
    """One Harper call on texts joined as paragraphs; each text's lints go to the cache."""
    starts = list(itertools.accumulate((len(t) + len(_JOIN) for t in texts[:-1]), initial=0))
    organized = linter(*config).organized_lints(_JOIN.join(texts), language="plaintext")
    found: list[list[EngineLint]] = [[] for _ in texts]
    for name, lints in organized.items():
        for lt in lints:
            i = bisect.bisect_right(starts, lt.span.start) - 1
            at, size = starts[i], len(texts[i])
            found[i].append(EngineLint(name, lt.span.start - at, min(lt.span.end - at, size),
                                       lt.message, _suggestions(lt)))  # fmt: skip
    for t, mine in zip(texts, found, strict=True):
        mine.sort(key=lambda e: (e.start, e.end, e.rule))
        _cache[(t, *config)] = tuple(mine)
    while len(_cache) > _CACHE_MAX:
        _cache.popitem(last=False)


def describe(engine_rule: str) -> str | None:
    """Harper's own one-paragraph description of one of its rules (None if it has none)."""
    descriptions: dict[str, str] = linter().get_lint_descriptions()
    return descriptions.get(engine_rule)
