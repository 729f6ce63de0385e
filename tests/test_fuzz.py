"""Property-based fuzzing (Hypothesis) of every input format through the one pipeline.

Properties, for any document a reader accepts: no exception; every finding's offsets lie
inside the original text and `text == original[start:end]`; the batch worker's row holds
exactly the findings `check` reports. A short budget here; `benchmarks/fuzz_long.py` runs
the same properties for longer.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.batch.work import audit_item
from auditor.errors import InputError
from auditor.inputs import InputOptions, document_for, read_path
from auditor.pipeline import AuditOptions, Pipeline

# the packs whose rules are Python and patterns; Harper's engine has its own test below
PIPELINE = Pipeline(AuditOptions(ignore=("grammar.harper",)))
EXAMPLES = int(os.environ.get("AUDITOR_FUZZ_EXAMPLES", "60"))  # benchmarks/fuzz_long.py raises it
BUDGET = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

WORDS = st.sampled_from(
    ["allegedly", "The", "minister", "said", "because", "of", "the", "cost", "were", "could",
     "of", "have", "remain", "some", "analysts", "claim", "\u2028", "\r", "\n", "\n\n", "- ",
     "# ", "<p>", "</p>", "&amp;", "<!-- auditor: ignore hedges -->", '"', "“", "”", "😀",
     "\ud800", "e\u0301", "İ", ".", ",", "  ", "\t", "*", "`", "[x](y)", "<div>", "\x00"]
)  # fmt: skip
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=60).map("".join)


def encode(fmt: str, text: str) -> bytes:
    """The text as a file of this format (records hold it in their text field)."""
    if fmt in ("txt", "md", "html"):
        return text.encode("utf-8", "surrogatepass")
    rec = {"id": "r1", "text": text}
    if fmt == "jsonl":
        return (json.dumps(rec) + "\n").encode()
    if fmt == "json":
        return json.dumps([rec]).encode()
    if fmt == "csv":
        out = io.StringIO()
        csv.DictWriter(out, ["id", "text"]).writerows([{"id": "id", "text": "text"}, rec])
        return out.getvalue().encode("utf-8", "surrogatepass")
    buf = io.BytesIO()
    pq.write_table(
        pa.table({"id": ["r1"], "text": [text.encode("utf-8", "replace").decode()]}), buf
    )
    return buf.getvalue()


def check_properties(data: bytes, name: str) -> None:
    for item in read_path(Path(name), ".", InputOptions(), data):
        try:
            doc = document_for(item)
        except InputError:
            continue  # one clear line: an empty, binary or unreadable input
        result = PIPELINE.audit(doc).result
        for f in result.findings:
            assert 0 <= f.start <= f.end <= len(doc.original)
            assert doc.original[f.start : f.end] == f.text
        row = audit_item(PIPELINE, item)
        assert row["error"] is None
        stored = sorted((r[1], r[4], r[5], r[3]) for r in row["findings"])
        assert stored == sorted((f.rule, f.start, f.end, f.severity) for f in result.findings)


@BUDGET
@given(fmt=st.sampled_from(["txt", "md", "html", "jsonl", "json", "csv", "parquet"]), text=TEXT,
       gz=st.booleans())  # fmt: skip
def test_any_document_of_any_format(fmt: str, text: str, gz: bool) -> None:
    data = encode(fmt, text)
    name = f"doc.{fmt}"
    if gz and fmt != "parquet":
        data, name = gzip.compress(data), name + ".gz"
    check_properties(data, name)


@settings(max_examples=EXAMPLES // 2, deadline=None)
@given(data=st.binary(max_size=300), fmt=st.sampled_from(["txt", "md", "html", "jsonl", "csv"]))
def test_any_bytes(data: bytes, fmt: str) -> None:
    check_properties(data, f"doc.{fmt}")
