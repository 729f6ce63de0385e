"""Grammar engines run in or out of process: Harper (embedded) and LanguageTool (a server).

Engines work on plain strings; the check kinds in `auditor/checks/engines.py` feed them a
Document's blocks and map their offsets back to the view.
"""
