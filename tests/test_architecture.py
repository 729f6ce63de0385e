"""The shape of the code, checked: no import cycles, small modules and functions, rules as
data (few `kind = "python"` rules), one error family."""

from __future__ import annotations

import ast
from pathlib import Path

from auditor.packs import load_packs

PACKAGE = Path(__file__).resolve().parents[1] / "auditor"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        out[name] = path
    return out


def _module_level_imports(tree: ast.Module, name: str, is_pkg: bool) -> set[str]:
    """Imports run when the module loads (not those under TYPE_CHECKING or in functions)."""
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for sub in ast.walk(node) if not isinstance(node, ast.FunctionDef | ast.ClassDef) else []:
            if isinstance(sub, ast.Import):
                found.update(a.name for a in sub.names)
            elif isinstance(sub, ast.ImportFrom):
                base = sub.module or ""
                if sub.level:
                    parts = name.split(".")[
                        : len(name.split(".")) - sub.level + (1 if is_pkg else 0)
                    ]
                    base = ".".join([*parts, base] if base else parts)
                found.add(base)
                found.update(f"{base}.{a.name}" for a in sub.names)
    return found


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        tree = ast.parse(path.read_text())
        deps = _module_level_imports(tree, name, path.name == "__init__.py")
        graph[name] = {d for d in deps if d in mods and d != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_modules_and_functions_are_small() -> None:
    big = []
    for name, path in modules().items():
        text = path.read_text()
        if len(text.splitlines()) > MAX_MODULE_LINES:
            big.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    big.append(f"{name}.{node.name}: {n} lines")
    assert big == []


def test_most_rules_are_data() -> None:
    rules = [r for p in load_packs() for r in p.rules]
    python = [r.id for r in rules if r.kind == "python"]
    assert len(python) <= 0.4 * len(rules), python


def test_one_error_family() -> None:
    """Every exception class the package defines for users derives from AuditorError."""
    from auditor.errors import AuditorError

    loose = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id == "Exception" for b in node.bases
            ):
                loose.append(f"{name}.{node.name}")
    assert sorted(loose) == [f"auditor.errors.{AuditorError.__name__}", "auditor.limits.TimeLimit"]


def test_every_python_rule_finds_its_function_module() -> None:
    """A python rule loads only its pack's modules (functions.MODULES), never all of them."""
    from auditor import functions

    functions.load_functions()
    names = {r.options["function"] for p in load_packs() for r in p.rules if r.kind == "python"}
    for name in names:
        where = {f"auditor.functions.{m}" for m in functions.MODULES.get(name.split(".")[0], ())}
        assert functions.FUNCTIONS[name].__module__ in where, f"{name}: add its module to MODULES"
