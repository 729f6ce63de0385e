"""auditor: audit news copy for misinformation signals and text quality."""

__version__ = "0.1.0"
