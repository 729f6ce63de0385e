"""The server's one Pipeline, on one worker thread.

Building a Pipeline loads the packs and starts the engines (Harper takes about a second),
so the server builds one and reuses it for every check, and rebuilds it only when a
configuration changes. Every call on it runs on the same single worker thread, in the order
asked: checks never overlap, a rebuild waits for the check before it, and the server's event
loop stays free to answer hovers and code actions while a slow check runs.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from auditor.api import audit
from auditor.config import CONFIG_NAMES
from auditor.findings import Finding
from auditor.packs import Rule
from auditor.pipeline import AuditOptions, Pipeline

T = TypeVar("T")
WARM_UP = (
    "# Warm-up\n\n"
    "The minister allegedly hid the figures, officials said on Monday. Both sides have "
    "remain tight-lipped about teh talks, because of the deal.\n\n"
    "- One point.\n- Another point.\n"
)


class Checker:
    """Audits texts through one reused Pipeline, one at a time, off the event loop."""

    def __init__(self, options: AuditOptions | None = None) -> None:
        self.options = options or AuditOptions()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="auditor-check")
        self._pipeline: Pipeline | None = None
        self.rules: dict[str, Rule] = {}  # every loaded rule, for hovers
        self.rule_dirs: set[Path] = set()  # folders of the loaded packs (house rules)

    async def run(self, fn: Callable[[], T]) -> T:
        """Run `fn` on the worker thread, after whatever was asked before it."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn)

    def pipeline(self) -> Pipeline:
        """The Pipeline, built on first use (worker thread only; raises AuditorError)."""
        if self._pipeline is None:
            self._pipeline = Pipeline(self.options)
        return self._pipeline

    def check(self, text: str, path: str) -> list[Finding]:
        """Audit one text as the file at `path` (worker thread only)."""
        pipeline = self.pipeline()
        try:
            return audit(text, path=path, pipeline=pipeline).findings
        finally:
            self.rules = dict(pipeline.rules)
            self.rule_dirs = {Path(r.source).resolve().parent for r in self.rules.values()}

    def warm(self) -> None:
        """Build the Pipeline and audit a short sample under the working folder's
        configuration (worker thread only): engines do much of their set-up on first use
        (Harper about 3 s), which then does not fall on the first document."""
        self.check(WARM_UP, str(Path.cwd() / "auditor-warm-up.md"))

    def reset(self) -> None:
        """Drop the Pipeline: the next check reads the configuration afresh."""
        if self._pipeline is not None:
            self._pipeline.close()
        self._pipeline = None

    def is_config(self, path: Path) -> bool:
        """Whether a changed file can change what a check finds: a configuration file, or a
        pack in a folder the rules were loaded from."""
        if path.name in CONFIG_NAMES:
            return True
        return path.suffix == ".toml" and path.resolve().parent in self.rule_dirs

    def close(self) -> None:
        """Close the Pipeline on its thread, then stop the thread."""
        self._pool.submit(self.reset)
        self._pool.shutdown(wait=True, cancel_futures=False)
