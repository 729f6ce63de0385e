"""auditor: audit news copy for misinformation signals and text quality.

The Python API (`audit`, `audit_paths`) is imported on first use, so `import auditor`
stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from auditor import _hooks
from auditor._version import __version__

_hooks.install()  # before any module imports lemminflect

__all__ = ["__version__", "audit", "audit_paths"]

if TYPE_CHECKING:
    from auditor.api import audit, audit_paths


def __getattr__(name: str) -> Any:
    if name in ("audit", "audit_paths"):
        from auditor import api

        return getattr(api, name)
    raise AttributeError(f"module 'auditor' has no attribute {name!r}")
