"""Train the program model (kg/lexicon/program_model.json) on development gold.

Every program candidate the generators propose in the gold documents is a
training example: its pooled cues (kg.extract.program_model) are the
features, and whether the gold names it a Program (its name or an alias)
is the label. A logistic regression with an L2 penalty is fitted by
gradient descent; the penalty and the decision threshold are chosen by
cross-validation over documents (folds of whole documents, so no document
is scored by a model that saw it).

    python scripts/train_program_model.py GOLD.jsonl... --texts DIR... [--out FILE]

The gold and texts stay where they are (they are not part of the repository).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.clean import clean  # noqa: E402
from kg.corpus import InputFile, read_document  # noqa: E402
from kg.extract import Extractor  # noqa: E402
from kg.extract.program_model import ProgramModel, pooled_cues  # noqa: E402
from kg.model import PROGRAM  # noqa: E402

OUT = ROOT / "kg" / "lexicon" / "program_model.json"
PENALTIES = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(x / 20 for x in range(4, 17))
FOLDS = 5


def _norm(s: str) -> str:
    return "".join(s.split())


def examples(gold_paths: list[Path], text_dirs: list[Path]) -> list[tuple[str, tuple[str, ...], int]]:
    """(document, pooled cues, label) of every program name proposed in the gold documents."""
    accept_all = ProgramModel({}, 50.0, 0.0)
    extractor = Extractor(program_model=accept_all)
    rows = []
    for path in gold_paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            gold = json.loads(line)
            text = next((d / gold["doc"] for d in text_dirs if (d / gold["doc"]).exists()), None)
            if text is None:
                raise SystemExit(f"{gold['doc']}: not found in {', '.join(map(str, text_dirs))}")
            names = {_norm(n) for e in gold["entities"] if e["type"] == PROGRAM for n in [e["name"], *e.get("aliases", [])]}
            cdoc = clean(read_document(InputFile(text, gold["doc"])))
            occurrences: dict[str, list[tuple[str, ...]]] = {}
            forms: dict[str, set[str]] = {}
            for f in extractor.find(cdoc):
                for c in f.kept:
                    if c.type == PROGRAM:
                        occurrences.setdefault(c.name, []).append(c.signals)
                        forms.setdefault(c.name, {c.name}).add(c.alias or c.name)
            for name, found in occurrences.items():
                hit = any(_norm(form) in names for form in forms[name])
                rows.append((gold["doc"], pooled_cues(found), int(hit)))
    return rows


def fit(x: np.ndarray, y: np.ndarray, penalty: float, rounds: int = 3000, rate: float = 0.5) -> tuple[np.ndarray, float]:
    w, b = np.zeros(x.shape[1]), 0.0
    n = len(y)
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = p - y
        w -= rate * (x.T @ g / n + penalty * w / n)
        b -= rate * g.mean()
    return w, b


def f1(pred: np.ndarray, y: np.ndarray) -> float:
    tp = float((pred & (y == 1)).sum())
    fp = float((pred & (y == 0)).sum())
    fn = float((~pred & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(x, y, docs, penalty: float) -> np.ndarray:
    """Out-of-fold probabilities, folds of whole documents."""
    names = sorted(set(docs))
    fold_of = {d: i % FOLDS for i, d in enumerate(names)}
    folds = np.array([fold_of[d] for d in docs])
    out = np.zeros(len(y))
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        w, b = fit(x[train], y[train], penalty)
        out[test] = 1 / (1 + np.exp(-(x[test] @ w + b)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--texts", nargs="+", type=Path, required=True, help="folders holding the gold's documents")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = examples(args.gold, args.texts)
    vocabulary = sorted({cue for _, found, _ in rows for cue in found})
    x = np.array([[cue in found for cue in vocabulary] for _, found, _ in rows], dtype=float)
    y = np.array([label for *_, label in rows], dtype=float)
    docs = [doc for doc, _, _ in rows]
    best = max(((f1(cross_validate(x, y, docs, pen) >= t, y), pen, t) for pen in PENALTIES for t in THRESHOLDS))
    score, penalty, threshold = best
    w, b = fit(x, y, penalty)
    model = {
        "about": "Weights of the program model (kg/extract/program_model.py), one per cue; "
                 "made by scripts/train_program_model.py on development gold.",
        "trained_on": [p.name for p in args.gold], "examples": len(rows), "positives": int(y.sum()),
        "penalty": penalty, "cross_validated_f1": round(score, 3), "threshold": threshold,
        "bias": round(float(b), 4), "weights": {cue: round(float(v), 4) for cue, v in zip(vocabulary, w)},
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(rows)} names ({int(y.sum())} programs), penalty {penalty}, threshold {threshold}: "
          f"cross-validated F1 {score:.3f}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
