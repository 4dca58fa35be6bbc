"""The optional Baidu LAC recognizer (kg.extract.lac)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import kg.extract.lac as lac
from kg.model import ORGANIZATION, PERSON, Sentence

HAS_LAC = all(importlib.util.find_spec(m) is not None for m in ("LAC", "paddle"))
needs_lac = pytest.mark.skipif(not HAS_LAC, reason="Baidu LAC is not installed (pip install 'kg[lac]')")


def sentence_of(doc_text: str, start: int, end: int, index: int = 0, drop: str = " ") -> Sentence:
    """A sentence for doc_text[start:end] as the cleaner would give it: the
    characters in ``drop`` removed, each kept one mapped to its position."""
    keep = [i for i in range(start, end) if doc_text[i] not in drop]
    return Sentence("doc.txt", index, "".join(doc_text[i] for i in keep), tuple(keep))


def test_missing_backend_names_the_install_command(monkeypatch):
    monkeypatch.setattr(lac, "_lac", None)
    monkeypatch.setitem(sys.modules, "LAC", None)  # makes `from LAC import LAC` fail
    with pytest.raises(lac.BackendUnavailable) as info:
        lac.LacRecognizer()
    message = str(info.value)
    assert "make lac" in message
    assert lac.LAC_RECIPE in message
    assert "\n" not in message


def test_unknown_rule_is_refused_before_loading():
    with pytest.raises(ValueError):
        lac.LacRecognizer(rules=("no_such_rule",))


def test_stray_spaces_between_cjk_are_dropped_with_their_index():
    text, index = lac.strip_stray_spaces("储 祥好 said 会议　开")
    assert text == "储祥好 said 会议开"
    assert [index[i] for i in (0, 1, 2)] == [0, 2, 3]
    assert text[-1] == "开" and index[-1] == 13


def test_rules_work_on_tokens_without_the_model():
    T = lac.Token
    assert [(t.text, t.tag) for t in lac.extend_given_name([T("储祥", "PER"), T("好", "ad"), T("主持", "v")])] \
        == [("储祥好", "PER"), ("主持", "v")]
    assert [(t.text, t.tag) for t in lac.extend_given_name([T("王晨", "PER"), T("都", "d")])] \
        == [("王晨", "PER"), ("都", "d")]
    assert [(t.text, t.tag) for t in lac.split_abbreviations([T("中美", "LOC"), T("关系", "n")])][:2] \
        == [("中", "LOC"), ("美", "LOC")]
    assert [(t.text, t.tag) for t in lac.split_abbreviations([T("非法", "a")])] == [("非法", "a")]
    assert [(t.text, t.tag) for t in lac.strip_person_affixes([T("李先生", "PER")])][0] == ("李", "PER")


@needs_lac
def test_person_with_offsets_into_the_original_document():
    # The document has a stray space inside the name, which the cleaner removed.
    doc = "会上，市委书记储 祥好主持会议。"
    s = sentence_of(doc, 3, len(doc) - 1)
    assert s.text == "市委书记储祥好主持会议"
    mentions = lac.LacRecognizer().find(s, doc_text=doc)
    people = [m for m in mentions if m.type == PERSON]
    assert len(people) == 1
    m = people[0]
    assert (m.name, m.start, m.end) == ("储祥好", 7, 11)
    assert m.text == doc[m.start:m.end] == "储 祥好"
    assert (m.doc_id, m.sentence, m.source) == ("doc.txt", 0, "lac")


@needs_lac
def test_stray_space_left_in_the_sentence_is_handled_too():
    doc = "市委书记储 祥好主持会议"
    s = Sentence("doc.txt", 0, doc, tuple(range(len(doc))))
    people = [m for m in lac.LacRecognizer().find(s) if m.type == PERSON]
    assert [(m.name, m.text, m.start, m.end) for m in people] == [("储祥好", "储 祥好", 4, 8)]


@needs_lac
def test_batches_and_single_calls_agree():
    doc = ("运城市委书记储祥好主持会议。新华社北京5月6日电 国务院总理朱镕基今天在人民大会堂会见了美国客人。"
           "中美两国元首举行会谈。盐湖区安邑街道金海湾社区党支部书记李代霞说。")
    cuts = [0, 14, 50, 61, len(doc)]
    sentences = [sentence_of(doc, a, b, index=k) for k, (a, b) in enumerate(zip(cuts, cuts[1:]))]
    for batch_size in (1, 3, 16):
        rec = lac.LacRecognizer(batch_size=batch_size)
        batched = rec.find_batch(sentences, doc_text=doc)
        single = [rec.find(s, doc_text=doc) for s in sentences]
        assert batched == single
    found = {(m.name, m.type) for ms in batched for m in ms}
    assert ("储祥好", PERSON) in found
    assert ("朱镕基", PERSON) in found
    assert ("新华社", ORGANIZATION) in found
    for ms in batched:
        for m in ms:
            assert m.text == doc[m.start:m.end]


@needs_lac
def test_empty_and_blank_sentences():
    rec = lac.LacRecognizer()
    assert rec.spans_batch(["", "   ", "李代霞说"])[:2] == [[], []]


@needs_lac
def test_places_become_fine_types_for_the_extractor():
    from kg.extract.base import SentenceView
    from kg.lexicon import load

    doc = "运城市盐湖区的李代霞和美国客人"
    s = Sentence("doc.txt", 0, doc, tuple(range(len(doc))))
    found = lac.LacRecognizer().find(s)
    view = SentenceView(s, [])
    cands = lac.to_candidates(view, found, load())
    by_name = {c.name: c for c in cands}
    assert "美国" not in by_name  # no division: the graph has no node for it
    for c in cands:
        assert doc[c.start:c.end] == c.name
    places = [c for c in cands if c.type not in (PERSON, ORGANIZATION)]
    assert places and all(c.type in ("City", "County") for c in places)


@needs_lac
def test_with_lac_a_noun_the_dictionary_tags_as_a_name_is_no_person():
    # jieba's dictionary tags 雷阵雨 (thunder showers) as a name; LAC does not take it for one.
    from kg.model import Document
    from kg.pipeline import recognize
    text = "北京晴转雷阵雨,天津雷阵雨转多云。市委书记王建华主持会议。"
    spans = {(text[a:b], t) for a, b, t in recognize(Document("w.txt", "w.txt", text), "lac")}
    assert ("雷阵雨", "PER") not in spans
    assert ("王建华", "PER") in spans


PEOPLES_DAILY = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "peoples_daily_dev.jsonl"


@needs_lac
@pytest.mark.skipif(not PEOPLES_DAILY.exists(), reason="People's Daily sample not present (../shared/eval)")
def test_lac_on_peoples_daily_stays_above_its_floor():
    from kg import evaluate
    from kg.pipeline import recognize
    report = evaluate.score_ner(PEOPLES_DAILY, lambda doc: recognize(doc, "lac", "pd"), limit=800)
    assert report.scores["micro"].f1 >= 0.80, report.table()
    assert report.scores["PER"].f1 >= 0.82, report.table()
    assert report.scores["LOC"].f1 >= 0.82, report.table()
