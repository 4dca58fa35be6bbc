"""Scoring against gold annotations.

Two measures: entities and relations of whole articles against a gold file in
the project's format (``tests/data/gold_seeds_dev.jsonl``), and exact spans of
PER/LOC/ORG on single sentences in the People's Daily NER format.
"""
from __future__ import annotations

import functools
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus import require_opencc
from kg.model import COARSE_TYPE, COOCCURS, HOLDS_POST, RELATION_KINDS, DocResult, Document


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    chars_per_second: float = 0.0

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())

    def table(self) -> str:
        lines = [f"{'measure':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for name, s in self.scores.items():
            lines.append(f"{name:<22}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6d}{s.fp:6d}{s.fn:6d}")
        return "\n".join(lines)


def _norm(s: str) -> str:
    """A name as the scorer compares it: without spaces, and in simplified script, as kg writes its
    outputs; gold written in the article's traditional script then matches the same name."""
    text = "".join(s.split()).replace("・", "·")
    return _simplified(text)


@functools.lru_cache(maxsize=1 << 16)
def _simplified(text: str) -> str:
    return require_opencc().convert(text)


def load_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def file_result(stories: list[DocResult]) -> DocResult:
    """The stories of one file as one result, as a build of that file alone merges them, for gold
    that annotates whole files: entities of one key merge (a body named in two stories counts once)
    and places link to the nearest ancestor any story names.
    """
    if len(stories) == 1:
        return stories[0]
    from kg.lexicon import load
    from kg.relations import merge_relations
    from kg.resolve import merge_entities
    entities, folded, _ = merge_entities([r.entities for r in stories])
    relations = merge_relations([r.relations for r in stories], folded, entities,
                                sum(len(r.doc.sentences) for r in stories), load())
    return DocResult(stories[0].doc, list(entities.values()), relations, [m for r in stories for m in r.merges])


def score_documents(gold: list[dict], results: dict[str, DocResult]) -> Report:
    """Entities (strict fine type and coarse type) and typed relations, per document, micro-averaged."""
    report = Report()
    for g in gold:
        result = results.get(g["doc"])
        if result is None:
            raise KeyError(f"no document named {g['doc']} was built")
        _score_entities(g, result, report)
        _score_relations(g, result, report)
    return report


def _score_entities(g: dict, result: DocResult, report: Report) -> None:
    gold = g["entities"]
    names = []
    for e in gold:
        forms = {_norm(e["name"])} | {_norm(a) for a in e.get("aliases", [])}
        names.append(forms)
    for mode in ("strict", "coarse"):
        matched_gold: set[int] = set()
        for e in result.entities:
            forms = {_norm(e.name)} | {_norm(a) for a in e.aliases}
            hit = None
            for i, gforms in enumerate(names):
                if i in matched_gold or not forms & gforms:
                    continue
                gt = gold[i]["type"]
                same = gt == e.type if mode == "strict" else COARSE_TYPE.get(gt) == COARSE_TYPE.get(e.type)
                if same:
                    hit = i
                    break
            bucket = e.type if mode == "strict" else COARSE_TYPE[e.type]
            if hit is None:
                report.score(f"{mode}").fp += 1
                report.score(f"{mode}:{bucket}").fp += 1
                if mode == "strict":
                    report.spurious.append(f"{g['doc']}\t{e.type}\t{e.name}")
            else:
                matched_gold.add(hit)
                report.score(f"{mode}").tp += 1
                report.score(f"{mode}:{bucket}").tp += 1
        for i, e in enumerate(gold):
            if i not in matched_gold:
                bucket = e["type"] if mode == "strict" else COARSE_TYPE[e["type"]]
                report.score(f"{mode}").fn += 1
                report.score(f"{mode}:{bucket}").fn += 1
                if mode == "strict":
                    report.misses.append(f"{g['doc']}\t{e['type']}\t{e['name']}")


def _score_relations(g: dict, result: DocResult, report: Report) -> None:
    canonical: dict[str, str] = {}
    for e in g["entities"]:
        for form in [e["name"], *e.get("aliases", [])]:
            canonical.setdefault(_norm(form), _norm(e["name"]))
    by_key = {e.key: e for e in result.entities}

    def name_of(key: str) -> str:
        e = by_key.get(key)
        if e is None:
            return ""
        for form in [e.name, *sorted(e.aliases)]:
            if _norm(form) in canonical:
                return canonical[_norm(form)]
        return _norm(e.name)

    predicted = set()
    for r in result.relations:
        if r.kind == COOCCURS:
            continue
        tail = _norm(r.tail) if r.kind == HOLDS_POST else name_of(r.tail)
        predicted.add((r.kind, name_of(r.head), tail))
    gold = {(r["rel"], _norm(r["head"]), _norm(r["tail"])) for r in g["relations"]}
    for kind in RELATION_KINDS:
        _compare(report, f"rel:{kind}", {x for x in predicted if x[0] == kind}, {x for x in gold if x[0] == kind},
                 lambda x: f"{g['doc']}\t{kind}\t{x[1]} → {x[2]}")


def _compare(report: Report, measure: str, predicted: set, gold: set, describe) -> None:
    """Count one measure and list what it missed and what it added."""
    s = report.score(measure)
    s.tp += len(predicted & gold)
    s.fp += len(predicted - gold)
    s.fn += len(gold - predicted)
    report.misses.extend(describe(x) for x in sorted(gold - predicted))
    report.spurious.extend(describe(x) for x in sorted(predicted - gold))


def score_ner(path: Path, process, limit: int | None = None) -> Report:
    """Exact-span PER/LOC/ORG scores on sentences in the People's Daily format.

    ``process(Document) -> [(start, end, "PER"|"LOC"|"ORG")]`` is the recognizer under test
    (``kg.pipeline.recognize``).
    """
    report = Report()
    chars = 0
    t0 = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            item = json.loads(line)
            text = item["text"]
            chars += len(text)
            pred = set(process(Document(id=item.get("id", str(n)), path="", text=text)))
            gold = {(x["start"], x["end"], x["type"]) for x in item["entities"]}
            for t in ("PER", "LOC", "ORG"):
                _compare(report, t, {x for x in pred if x[2] == t}, {x for x in gold if x[2] == t},
                         lambda x: f"{item.get('id')}\t{x[2]}\t{text[x[0]:x[1]]}")
    micro = Score()
    for t in ("PER", "LOC", "ORG"):
        micro.add(report.score(t))
    report.scores = {"micro": micro, **report.scores}
    report.chars_per_second = chars / max(time.perf_counter() - t0, 1e-9)
    return report
