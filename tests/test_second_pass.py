"""The second pass: a name accepted in one article is found in another that lacks its cue, never inside a longer word."""
from __future__ import annotations

from pathlib import Path

from kg.docstep import process_file
from kg.model import Document
from conftest import build_corpus as _build, write_corpus as _corpus

CUED = "本报讯 近年来,离石区积极探索“红色管家”城市治理新模式,不断规范小区物业服务。\n"
UNCUED = "本报讯 会议要求,各社区要深入推进红色管家,持续提升居民满意度。\n"   # unquoted: no cue


def test_a_program_is_found_in_the_article_that_lacks_its_cue(tmp_path):
    alone = process_file(Document("b.txt", "b.txt", UNCUED))
    assert not any(e.name == "红色管家" for r in alone for e in r.entities)   # no cue: not found on its own
    corpus = _corpus(tmp_path / "corpus", {"a.txt": CUED, "b.txt": UNCUED})
    kg, summary = _build(corpus, tmp_path / "out")
    program = kg.entities["Program:红色管家"]
    assert program.documents == ["a.txt", "b.txt"] and summary.recalled == 1
    (found,) = [m for m in program.mentions if m.doc_id == "b.txt"]
    assert UNCUED[found.start:found.end] == "红色管家" and found.source == "corpus"
    off, _ = _build(corpus, tmp_path / "off", second_pass=False)
    assert off.entities["Program:红色管家"].documents == ["a.txt"]


def test_a_known_person_is_found_where_no_cue_names_him_and_never_as_a_word(tmp_path):
    texts = {
        "a.txt": "本报讯(记者 曹欣怡)3月2日,盐湖区委书记高峰主持召开会议。\n",
        # 高峰 is a word here (早高峰, 高峰期), though the tagger calls it a name: no person.
        "b.txt": "本报讯 每到早晚高峰期,路口车流量大,早高峰时段尤甚。\n",
        # 曹欣怡 without a cue: the recognizers alone miss her.
        "c.txt": "本报讯 当天,曹欣怡和居民们一道清扫街巷。\n",
    }
    alone = process_file(Document("c.txt", "c.txt", texts["c.txt"]))
    assert not any(e.name == "曹欣怡" for r in alone for e in r.entities)
    kg, _ = _build(_corpus(tmp_path / "corpus", texts), tmp_path / "out")
    assert not any("b.txt" in e.documents for e in kg.entities.values() if e.type == "Person")
    found = {m.doc_id: m.source for e in kg.entities.values() if e.name == "曹欣怡" for m in e.mentions}
    assert found == {"a.txt": "byline", "c.txt": "corpus"}


def test_a_body_is_not_found_inside_a_longer_body(tmp_path):
    texts = {"a.txt": "本报讯 日前,鹏飞集团召开会议,研究部署当前工作。\n",
             "b.txt": "本报讯 日前,鹏飞集团研究院召开会议,部署研发工作。\n"}
    kg, _ = _build(_corpus(tmp_path / "corpus", texts), tmp_path / "out")
    assert kg.entities["Organization:鹏飞集团"].documents == ["a.txt"]
    assert kg.entities["Organization:鹏飞集团研究院"].documents == ["b.txt"]
