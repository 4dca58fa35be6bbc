"""Score the LAC backend on a People's Daily 1998 NER file, with jieba.posseg for reference.

Usage::

    python benchmarks/eval_lac_pd.py PATH [--limit N] [--rules] [--no-jieba]

PATH is JSON Lines, one sentence a line::

    {"id": "...", "text": "...", "entities": [{"start": 0, "end": 2, "type": "PER|LOC|ORG", "text": "..."}]}

The data set has no stated licence: keep it out of the repository and pass its path.

Printed for each system: span precision, recall and F1 per type and micro-averaged
(a span counts only when start, end and type all match), untyped micro F1 (start
and end match, any type), the share of sentences whose spans all match exactly,
and characters per second (model loading excluded).  ``--rules`` adds, for each
post-processing rule of ``kg.extract.lac``, the scores with the rules before it
(cumulative) and with all rules but it (ablation).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TYPES = ("PER", "LOC", "ORG")
JIEBA_TAGS = {"nr": "PER", "ns": "LOC", "nt": "ORG"}


def load(path: str, limit: int | None) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
                if limit and len(rows) >= limit:
                    break
    return rows


def score(rows: list[dict], predicted: list[set[tuple[int, int, str]]]) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    untyped = Counter()
    exact = 0
    for row, pred in zip(rows, predicted):
        gold = {(e["start"], e["end"], e["type"]) for e in row["entities"]}
        exact += gold == pred
        for s in pred & gold:
            tp[s[2]] += 1
        for s in pred - gold:
            fp[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
        g2, p2 = {s[:2] for s in gold}, {s[:2] for s in pred}
        untyped["tp"] += len(g2 & p2)
        untyped["fp"] += len(p2 - g2)
        untyped["fn"] += len(g2 - p2)

    def prf(a: int, b: int, c: int) -> tuple[float, float, float]:
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    out = {t: prf(tp[t], fp[t], fn[t]) for t in TYPES}
    out["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["untyped"] = prf(untyped["tp"], untyped["fp"], untyped["fn"])
    out["sentences"] = exact / len(rows) if rows else 0.0
    return out


def header() -> str:
    cols = [f"{t:^17}" for t in (*TYPES, "micro")]
    return f"{'system':<34}" + "".join(cols) + f"{'untyped':>8}{'sent=':>7}{'chars/s':>9}"


def line(name: str, s: dict, speed: float | None = None) -> str:
    cells = "".join(f"  {s[t][0]:.3f} {s[t][1]:.3f} {s[t][2]:.3f}" for t in (*TYPES, "micro"))
    tail = f"{s['untyped'][2]:>8.3f}{s['sentences']:>7.3f}"
    tail += f"{speed:>9.0f}" if speed else f"{'':>9}"
    return f"{name:<34}{cells}{tail}"


def run_jieba(texts: list[str]) -> tuple[list[set], float]:
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(60)
    jieba.initialize()
    start = time.perf_counter()
    out = []
    for text in texts:
        spans, pos = set(), 0
        for word, flag in pseg.cut(text):
            if flag in JIEBA_TAGS:
                spans.add((pos, pos + len(word), JIEBA_TAGS[flag]))
            pos += len(word)
        out.append(spans)
    return out, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, help="only the first N sentences")
    ap.add_argument("--rules", action="store_true", help="score each rule (cumulative and ablation)")
    ap.add_argument("--no-jieba", action="store_true", help="skip the jieba.posseg reference")
    ap.add_argument("--batch-size", type=int, default=1)
    args = ap.parse_args(argv)

    rows = load(args.path, args.limit)
    texts = [r["text"] for r in rows]
    n_chars = sum(map(len, texts))
    n_ents = Counter(e["type"] for r in rows for e in r["entities"])
    print(f"{len(rows)} sentences, {n_chars} characters, "
          + ", ".join(f"{t} {n_ents[t]}" for t in TYPES))
    print("P R F1 per column; span = exact start, end and type\n")
    print(header())

    if not args.no_jieba:
        pred, secs = run_jieba(texts)
        print(line("jieba.posseg (nr/ns/nt)", score(rows, pred), n_chars / secs))

    from kg.extract.lac import PD_CONVENTIONS, PD_RULES, BackendUnavailable, LacRecognizer
    try:
        t0 = time.perf_counter()
        LacRecognizer(rules="raw")
        load_secs = time.perf_counter() - t0
    except BackendUnavailable as exc:
        print(f"\nLAC: {exc}", file=sys.stderr)
        return 2

    def evaluate(rules) -> tuple[dict, float]:
        rec = LacRecognizer(rules=rules, batch_size=args.batch_size)
        start = time.perf_counter()
        found = rec.spans_batch(texts)
        secs = time.perf_counter() - start
        return score(rows, [{(s.start, s.end, s.label) for s in f} for f in found]), n_chars / secs

    raw, raw_speed = evaluate("raw")
    print(line("LAC raw", raw, raw_speed))
    kg, kg_speed = evaluate("kg")
    print(line("LAC + kg rules (default)", kg, kg_speed))
    best, speed = evaluate("pd")
    print(line("LAC + kg rules + PD conventions", best, speed))
    print(f"\n(model load {load_secs:.1f} s, not counted in chars/s; "
          f"PD conventions: {', '.join(PD_CONVENTIONS)})")

    if args.rules:
        def mark(name: str) -> str:
            return name + (" [PD]" if name in PD_CONVENTIONS else "")

        print("\nCumulative: rules added one at a time, in the order they run (micro F1 change)")
        print(header())
        prev = raw
        for k, name in enumerate(PD_RULES):
            s, _ = evaluate(PD_RULES[:k + 1])
            print(line(f"+ {mark(name)} ({s['micro'][2] - prev['micro'][2]:+.3f})", s))
            prev = s
        print("\nAblation: all rules but one (micro F1 change)")
        print(header())
        for name in PD_RULES:
            s, _ = evaluate(tuple(r for r in PD_RULES if r != name))
            print(line(f"- {mark(name)} ({s['micro'][2] - best['micro'][2]:+.3f})", s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
