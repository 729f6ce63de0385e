"""Every benchmark module imports: a benchmark broken by a refactor fails here, not when a
newsroom tries to reproduce a figure (three did, unnoticed, until 2026-12-03)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import benchmarks

MODULES = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_benchmark_module_imports(name: str) -> None:
    importlib.import_module(f"benchmarks.{name}")
