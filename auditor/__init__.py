"""auditor: audit news copy for misinformation signals and text quality."""

from auditor import _hooks

_hooks.install()  # before any module imports lemminflect

__version__ = "0.1.0"
