"""The auditor's report on a results store: figures, tables, exports.

Everything is computed in SQL over the store (nothing loads every document), and the
plots are drawn with matplotlib's Agg backend into inline SVG, so the HTML is one
self-contained file.
"""

from __future__ import annotations

import csv
import html
import io
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.batch.store import open_readonly

BIN = 5  # score histogram bin width


@dataclass
class Summary:
    documents: int = 0
    audited: int = 0
    failed: int = 0
    warned: int = 0
    words: int = 0
    findings: int = 0
    mean: float | None = None
    histogram: list[tuple[int, int]] = field(default_factory=list)  # (bin start, count)
    packs: list[tuple[str, float, int]] = field(default_factory=list)  # pack, mean, findings
    rules: list[tuple[str, str, int, int]] = field(default_factory=list)  # rule, pack, n, docs
    worst: list[tuple[str, float, int, int]] = field(default_factory=list)  # id, score, w, n
    groups_by: str = ""  # "folder" or "month"
    groups: list[tuple[str, int, float]] = field(default_factory=list)  # key, docs, mean
    errors: list[tuple[str, str]] = field(default_factory=list)


def summarise(db: sqlite3.Connection, top: int = 20) -> Summary:
    s = Summary()
    row = db.execute(
        "SELECT count(*), count(score), count(error), count(warnings), coalesce(sum(words), 0),"
        " coalesce(sum(findings_count), 0), avg(score) FROM documents"
    ).fetchone()
    s.documents, s.audited, s.failed, s.warned, s.words, s.findings, s.mean = row
    s.histogram = db.execute(
        f"SELECT min(CAST(score / {BIN} AS INTEGER) * {BIN}, {100 - BIN}) AS b, count(*)"
        " FROM documents WHERE score IS NOT NULL GROUP BY b ORDER BY b"
    ).fetchall()
    s.packs = db.execute(
        "SELECT j.key, avg(json_extract(j.value, '$.score')), sum(json_extract(j.value,"
        " '$.findings')) FROM documents AS d, json_each(d.packs) AS j WHERE d.packs IS NOT NULL"
        " GROUP BY j.key ORDER BY j.key"
    ).fetchall()
    s.rules = db.execute(
        "SELECT rule, pack, count(*) AS n, count(DISTINCT document_id) FROM findings"
        " GROUP BY rule ORDER BY n DESC, rule LIMIT ?",
        (top,),
    ).fetchall()
    s.worst = db.execute(
        "SELECT id, score, words, findings_count FROM documents WHERE score IS NOT NULL"
        " ORDER BY score, id LIMIT ?",
        (top,),
    ).fetchall()
    dated = db.execute("SELECT count(*) FROM documents WHERE date IS NOT NULL").fetchone()[0]
    if dated:
        s.groups_by = "month"
        s.groups = db.execute(
            "SELECT substr(date, 1, 7) AS k, count(*), avg(score) FROM documents"
            " WHERE date IS NOT NULL AND score IS NOT NULL GROUP BY k ORDER BY k"
        ).fetchall()
    else:
        s.groups_by = "folder"
        s.groups = db.execute(
            "SELECT coalesce(folder, '.') AS k, count(*), avg(score) FROM documents"
            " WHERE score IS NOT NULL GROUP BY k ORDER BY k"
        ).fetchall()
    s.errors = db.execute(
        "SELECT id, error FROM documents WHERE error IS NOT NULL ORDER BY id LIMIT ?", (top,)
    ).fetchall()
    return s


def text_summary(path: str | Path, top: int = 20) -> str:
    db = open_readonly(path)
    try:
        s = summarise(db, top)
    finally:
        db.close()
    out = [
        f"{s.documents} documents: {s.audited} audited, {s.failed} failed, "
        f"{s.warned} read with warnings; {s.words:,} words, {s.findings:,} findings",
    ]
    if s.mean is not None:
        out.append(f"mean score {s.mean:.1f}")
    if s.packs:
        out.append("packs: " + ", ".join(f"{p} {m:.1f} ({n} findings)" for p, m, n in s.packs))
    out.append("")
    out.append("most frequent rules:")
    out += [f"  {n:>7}  in {d:>6} docs  {r}" for r, _p, n, d in s.rules]
    out.append("")
    out.append("worst documents:")
    out += [f"  {sc:>5.1f}  {n:>4} findings  {i}" for i, sc, _w, n in s.worst]
    out.append("")
    out.append(f"by {s.groups_by}:")
    out += [f"  {k:<30} {n:>7} docs  mean {m:.1f}" for k, n, m in s.groups]
    if s.errors:
        out.append("")
        out.append(f"failed ({s.failed}):")
        out += [f"  {e}" for _i, e in s.errors]
    return "\n".join(out) + "\n"


# -- HTML -------------------------------------------------------------------------------


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    import matplotlib.pyplot as plt

    plt.close(fig)
    text = buf.getvalue()
    return text[text.find("<svg") :]


def _plots(s: Summary) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.fonttype"] = "none"  # text stays text: smaller, searchable
    out: dict[str, str] = {}
    if s.histogram:
        fig, ax = plt.subplots(figsize=(7, 2.8))
        ax.bar([b for b, _ in s.histogram], [n for _, n in s.histogram], width=BIN, align="edge",
               color="#4c72b0", edgecolor="white")  # fmt: skip
        ax.set_xlim(0, 100)
        ax.set_xlabel("score")
        counts = [n for _, n in s.histogram]
        if max(counts) > 0.5 * sum(counts):  # one bin dominates: a log scale shows the tail
            ax.set_yscale("log")
            ax.set_ylabel("documents (log scale)")
        else:
            ax.set_ylabel("documents")
        out["histogram"] = _svg(fig)
    if s.rules:
        rules = list(reversed(s.rules[:15]))
        fig, ax = plt.subplots(figsize=(7, 0.3 * len(rules) + 0.8))
        ax.barh([r for r, *_ in rules], [n for _r, _p, n, _d in rules], color="#dd8452")
        ax.set_xlabel("findings")
        out["rules"] = _svg(fig)
    if len(s.groups) > 1:
        fig, ax = plt.subplots(figsize=(7, 2.8))
        keys = [k for k, _n, _m in s.groups]
        means = [m for _k, _n, m in s.groups]
        if s.groups_by == "month":
            ax.plot(keys, means, marker="o", color="#55a868")
            ax.tick_params(axis="x", labelrotation=60)
        else:
            ax.bar(keys, means, color="#55a868")
            ax.tick_params(axis="x", labelrotation=30)
        ax.set_ylim(0, 100)
        ax.set_ylabel("mean score")
        out["groups"] = _svg(fig)
    return out


def _table(head: list[str], rows: list[list[Any]]) -> str:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_fmt(v))}</td>" for v in r) + "</tr>" for r in rows
    )
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.1f}"
    return "" if v is None else str(v)


CSS = """body{font:14px/1.45 system-ui,sans-serif;max-width:60em;margin:2em auto;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:.2em .6em;border-bottom:1px
solid #ddd;text-align:left}th{background:#f4f4f4}svg{max-width:100%;height:auto}
.n{font-size:1.3em;font-weight:600}"""


def render_html(s: Summary, title: str) -> str:
    plots = _plots(s)
    parts = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>"
        f"{html.escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p><span class='n'>{s.documents:,}</span> documents: {s.audited:,} audited, "
        f"{s.failed:,} failed, {s.warned:,} read with warnings; {s.words:,} words, "
        f"{s.findings:,} findings"
        + (f"; mean score <span class='n'>{s.mean:.1f}</span>" if s.mean is not None else "")
        + "</p>",
        "<h2>Score distribution</h2>",
        plots.get("histogram", "<p>No scored documents.</p>"),
    ]
    if s.packs:
        parts += ["<h2>Packs</h2>",
                  _table(["pack", "mean score", "findings"], [list(p) for p in s.packs])]  # fmt: skip
    parts += ["<h2>Most frequent rules</h2>", plots.get("rules", "")]
    parts.append(_table(["rule", "pack", "findings", "documents"], [list(r) for r in s.rules]))
    parts += ["<h2>Worst documents</h2>",
              _table(["document", "score", "words", "findings"], [list(w) for w in s.worst])]  # fmt: skip
    parts += [f"<h2>Scores by {s.groups_by}</h2>", plots.get("groups", "")]
    parts.append(_table([s.groups_by, "documents", "mean score"], [list(g) for g in s.groups]))
    if s.failed:
        parts += [f"<h2>Failed documents ({s.failed:,})</h2>",
                  _table(["document", "error"], [list(e) for e in s.errors])]  # fmt: skip
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_html(path: str | Path, out: str | Path, top: int = 20) -> None:
    db = open_readonly(path)
    try:
        s = summarise(db, top)
    finally:
        db.close()
    Path(out).write_text(render_html(s, f"auditor report: {Path(path).name}"), encoding="utf-8")


# -- exports ----------------------------------------------------------------------------

EXPORT_COLUMNS = ["id", "path", "folder", "date", "title", "words", "score", "findings_count",
                  "worst", "error", "warnings", "content_hash", "rules_version", "audited_at"]  # fmt: skip


def _export_rows(db: sqlite3.Connection) -> tuple[list[str], Any]:
    packs = [r[0] for r in db.execute(
        "SELECT DISTINCT j.key FROM documents AS d, json_each(d.packs) AS j ORDER BY j.key"
    )]  # fmt: skip
    cols = EXPORT_COLUMNS + [f"score_{p}" for p in packs]
    sel = ", ".join(f'"{c}"' for c in EXPORT_COLUMNS)

    def rows() -> Any:
        for *base, packs_json in db.execute(f"SELECT {sel}, packs FROM documents ORDER BY id"):
            scores = json.loads(packs_json) if packs_json else {}
            yield base + [scores.get(p, {}).get("score") for p in packs]

    return cols, rows()


def export_documents(path: str | Path, out: str | Path) -> int:
    """Per-document results (one score column per pack) to CSV, JSONL or Parquet."""
    out = Path(out)
    db = open_readonly(path)
    n = 0
    try:
        cols, rows = _export_rows(db)
        ext = out.suffix.lower()
        if ext == ".csv":
            with out.open("w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(cols)
                for r in rows:
                    w.writerow(r)
                    n += 1
        elif ext == ".jsonl":
            with out.open("w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps(dict(zip(cols, r, strict=True)), ensure_ascii=False) + "\n")
                    n += 1
        elif ext == ".parquet":
            n = _write_parquet(out, cols, rows)
        else:
            raise ValueError(f"cannot export to {ext}")
    finally:
        db.close()
    return n


def _write_parquet(out: Path, cols: list[str], rows: Any, batch: int = 10000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"words": pa.int64(), "findings_count": pa.int64(), "score": pa.float64()}
    schema = pa.schema(
        [(c, types.get(c, pa.float64() if c.startswith("score_") else pa.string())) for c in cols]
    )
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        buf: list[list[Any]] = []
        for r in rows:
            buf.append(r)
            if len(buf) >= batch:
                writer.write_table(_table_of(buf, schema))
                n += len(buf)
                buf = []
        if buf or n == 0:
            writer.write_table(_table_of(buf, schema))
            n += len(buf)
    return n


def _table_of(rows: list[list[Any]], schema: Any) -> Any:
    import pyarrow as pa

    columns: list[Any] = list(zip(*rows, strict=True)) if rows else [[] for _ in schema.names]
    return pa.table({name: pa.array(list(col), type=schema.field(name).type)
                     for name, col in zip(schema.names, columns, strict=True)})  # fmt: skip
