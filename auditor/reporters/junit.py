"""JUnit XML: one testcase per document, failing exactly when the gate fails on it
(`--fail-on`, `--fail-under`, `--max-warnings`), so the test report and the exit code agree.

CI systems that read test reports (GitLab, Jenkins, Azure) then list each article that
needs work, with its findings in the failure body.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from auditor.report import RenderOptions, Report

# characters XML 1.0 cannot carry, even escaped
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def render(report: Report, options: RenderOptions) -> str:
    suites = ET.Element("testsuites", name="auditor")
    suite = ET.SubElement(suites, "testsuite", name="auditor")
    failures = 0
    warnings = report.counts()["warning"]
    for r in report.results:
        case = ET.SubElement(
            suite, "testcase", classname="auditor", name=_clean(r.doc.path), time="0"
        )
        lines = [
            f"{f.line}:{f.column} {f.severity} {f.rule}: {f.message} [{f.text}]" for f in r.findings
        ]
        serious = [f for f in r.findings if f.severity in ("error", "warning")]
        if options.fails(r, warnings):
            failures += 1
            errors = sum(f.severity == "error" for f in serious)
            fail = ET.SubElement(
                case,
                "failure",
                type="auditor",
                message=f"score {r.score:.1f}: {errors} error(s), "
                f"{len(serious) - errors} warning(s)",
            )
            fail.text = _clean("\n".join(lines))
        elif lines:
            out = ET.SubElement(case, "system-out")
            out.text = _clean("\n".join(lines))
    for e in report.errors:
        case = ET.SubElement(suite, "testcase", classname="auditor", name=_clean(e), time="0")
        ET.SubElement(case, "error", message=_clean(e), type="input")
    n_err = len(report.errors)
    total = len(report.results) + n_err
    for el in (suites, suite):
        el.set("tests", str(total))
        el.set("failures", str(failures))
        el.set("errors", str(n_err))
    suite.set("skipped", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"
