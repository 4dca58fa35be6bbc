"""The optional Jiagu recognizer (kg.extract.jiagu_ner)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import kg.extract.jiagu_ner as jiagu_ner
from kg.extract.base import BackendUnavailable
from kg.model import Document

HAS_JIAGU = importlib.util.find_spec("jiagu") is not None
needs_jiagu = pytest.mark.skipif(not HAS_JIAGU, reason="Jiagu is not installed (pip install 'kg[jiagu]')")
PEOPLES_DAILY = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "peoples_daily_dev.jsonl"


def test_word_tags_become_character_spans():
    text = "国家主席江泽民在北京会见克林顿。"
    words = ["国家主席", "江泽民", "在", "北京", "会见", "克林顿", "。"]
    tags = ["O", "B-PER", "O", "B-LOC", "O", "B-PER", "O"]
    spans = [(s.text, s.label, text[s.start:s.end]) for s in jiagu_ner.bio_spans(text, words, tags)]
    assert spans == [("江泽民", "PER", "江泽民"), ("北京", "LOC", "北京"), ("克林顿", "PER", "克林顿")]
    # A name over several words, and an inside tag without its beginning.
    text = "中国人民银行行长"
    spans = jiagu_ner.bio_spans(text, ["中国", "人民", "银行", "行长"], ["B-ORG", "I-ORG", "I-ORG", "I-PER"])
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 6, "ORG")]


def test_missing_backend_names_the_install_command(monkeypatch):
    monkeypatch.setattr(jiagu_ner, "_jiagu", None)
    monkeypatch.setitem(sys.modules, "jiagu", None)   # makes `import jiagu` fail
    with pytest.raises(BackendUnavailable) as info:
        jiagu_ner.JiaguRecognizer()
    assert "pip install 'kg[jiagu]'" in str(info.value)


@needs_jiagu
def test_build_with_jiagu_keeps_rules_and_adds_what_they_miss():
    from kg.pipeline import process_document, recognize
    text = ("运城市委书记王建华主持会议。中国国家主席江泽民在北京会见了美国总统克林顿。"
            "盐湖区安邑街道幸福里社区推行红色物业。小区物业公司负责人到场。")
    r = process_document(Document("j.txt", "j.txt", text), "jiagu")
    ents = {e.name: e.type for e in r.entities}
    assert ents.get("王建华") == "Person"
    assert ents.get("江泽民") == "Person"            # no cue: the statistical model's
    assert ents.get("幸福里社区") == "Community"     # levels come from the rules
    assert "物业公司" not in ents                      # a bare generic body is no node
    for m in (m for e in r.entities for m in e.mentions):
        assert text[m.start:m.end].replace(" ", "") == m.text.replace(" ", "")
    spans = {(text[a:b], t) for a, b, t in recognize(Document("j.txt", "j.txt", text), "jiagu", "pd")}
    assert ("美国", "LOC") in spans and ("克林顿", "PER") in spans


@needs_jiagu
@pytest.mark.skipif(not PEOPLES_DAILY.exists(), reason="People's Daily sample not present (../shared/eval)")
def test_jiagu_on_peoples_daily_stays_above_its_floor():
    from kg import evaluate
    from kg.pipeline import recognize
    report = evaluate.score_ner(PEOPLES_DAILY, lambda doc: recognize(doc, "jiagu", "pd"))
    assert report.scores["micro"].f1 >= 0.87, report.table()
    assert report.scores["PER"].f1 >= 0.90, report.table()
    assert report.scores["LOC"].f1 >= 0.84, report.table()
    assert report.scores["ORG"].f1 >= 0.88, report.table()


@needs_jiagu
def test_seed_scores_with_jiagu_stay_above_their_floor():
    from kg import evaluate
    from kg.corpus import find_inputs, read_document
    from kg.pipeline import process_document
    root = Path(__file__).resolve().parent.parent
    gold = evaluate.load_gold(root / "tests" / "data" / "gold_seeds_dev.jsonl")
    wanted = {g["doc"] for g in gold}
    results = {Path(i.doc_id).name: process_document(read_document(i), "jiagu")
               for i in find_inputs([str(root / "seeds")]) if Path(i.doc_id).name in wanted}
    report = evaluate.score_documents(gold, results)
    assert report.scores["coarse"].f1 >= 0.92, report.table()
    assert report.scores["strict"].f1 >= 0.90, report.table()
    assert report.scores["rel:holdsPost"].f1 >= 0.90, report.table()
