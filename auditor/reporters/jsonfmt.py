"""The JSON contract of DESIGN.md (fields may be added, never changed)."""

from __future__ import annotations

import json

from auditor.report import RenderOptions, Report


def render(report: Report, options: RenderOptions) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
