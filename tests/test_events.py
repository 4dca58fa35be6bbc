"""Personnel events, posts normalized and spells: each rule on a sentence of its own.

The graphs here are made by hand (a sentence, the people and posts extraction
would find in it), so that each test checks the rule it names and nothing of
the recognizer.
"""
from __future__ import annotations

import re

import pytest

from kg.careers import build_spells
from kg.events import read_events, stated_date
from kg.lexicon import load
from kg.lexicon.careers import load_careers
from kg.model import (CITY, COUNTY, HOLDS_POST, ORGANIZATION, PERSON, PROVINCE, CleanDocument, Document, Entity,
                      Evidence, KnowledgeGraph, Mention, Offsets, Relation, Sentence)
from kg.offices import PostReader


def graph_of(*texts: str, people: dict[str, list[tuple[str, str]]] | None = None,
             bodies: dict[str, str] | None = None, places: dict[str, tuple[str, str]] | None = None,
             dates: tuple[str, ...] = ()) -> KnowledgeGraph:
    """One article a text, one sentence a line or a clause ending in 。; people with the (post, body) written with
    each of their names; bodies with the place they are named after; places with their type and code."""
    people, bodies, places = people or {}, bodies or {}, places or {}
    docs, entities, relations = [], {}, []
    for n, text in enumerate(texts):
        doc_id = f"{n}.txt"
        sentences = [Sentence(doc_id, i, m.group(), Offsets.of(range(m.start(), m.end())))
                     for i, m in enumerate(re.finditer(r"[^。\n]+。?", text))]
        docs.append(CleanDocument(Document(doc_id, doc_id, text), tuple(sentences),
                                  date=dates[n] if n < len(dates) else ""))
        for s in sentences:
            for name, typ, place, code in ([(p, PERSON, "", "") for p in people]
                                           + [(b, ORGANIZATION, bodies[b], "") for b in bodies]
                                           + [(p, t, "", c) for p, (t, c) in places.items()]):
                key = f"{typ}:{name}"
                for m in re.finditer(re.escape(name), s.text):
                    start = s.start + m.start()
                    e = entities.setdefault(key, Entity(key, typ, name, code=code))
                    e.mentions.append(Mention(doc_id, s.index, start, start + len(name), name, name, typ, code=code,
                                              place=place))
                    for label, body in people.get(name, ()) if typ == PERSON else ():
                        if label in s.text:
                            ev = Evidence(doc_id, s.index, start, start + len(name), s.text)
                            relations.append(Relation(HOLDS_POST, key, label, [ev], 1,
                                                      body=f"{ORGANIZATION}:{body}" if body else ""))
    return KnowledgeGraph(docs, entities, relations)


def events_of(kg: KnowledgeGraph):
    return read_events(kg, load_careers(), PostReader(kg, load(), load_careers()))


def summary(kg: KnowledgeGraph) -> list[tuple[str, str, str, str]]:
    return [(e.kind, e.person.split(":", 1)[1], e.post, e.cue) for e in events_of(kg)]


def test_a_cue_right_after_a_name_governs_it():
    kg = graph_of("王强同志任济南市委书记，李立成同志不再担任济南市委书记职务。会议接受李明华同志请求辞去省长职务。",
                  people={"王强": [("济南市委书记", "")], "李立成": [("济南市委书记", "")], "李明华": [("省长", "")]})
    assert summary(kg) == [("appointed", "王强", "济南市委书记", "任"), ("removed", "李立成", "济南市委书记", "不再担任"),
                           ("resigned", "李明华", "省长", "辞去")]


def test_a_cue_before_a_list_of_names_governs_every_name_in_it():
    kg = graph_of("决定任命陈家豪、孙然为省政府副省长，赵晓华为省政府秘书长；免去刘松岭省政府秘书长职务、王五同志省政府副秘书长职务。",
                  people={"陈家豪": [("省政府副省长", "")], "孙然": [("省政府副省长", "")],
                          "赵晓华": [("省政府秘书长", "")], "刘松岭": [("省政府秘书长", "")],
                          "王五": [("省政府副秘书长", "")]})
    assert summary(kg) == [("appointed", "陈家豪", "省政府副省长", "决定任命"), ("appointed", "孙然", "省政府副省长", "决定任命"),
                           ("appointed", "赵晓华", "省政府秘书长", "决定任命"), ("removed", "刘松岭", "省政府秘书长", "免去"),
                           ("removed", "王五", "省政府副秘书长", "免去")]


def test_a_cue_before_does_not_reach_over_other_words():
    kg = graph_of("会议向他们颁发了任命证书，王明作表态发言，副县长。", people={"王明": [("副县长", "")]})
    assert summary(kg) == []


def test_a_cue_that_needs_a_word_after_the_name_waits_for_it():
    kg = graph_of("会议决定陈战书为代理省长。会议决定接受王明的意见。", people={"陈战书": [("代理省长", "")], "王明": []})
    assert summary(kg) == [("appointed", "陈战书", "代理省长", "决定")]


def test_the_post_written_before_the_name_is_held_and_the_one_after_is_the_event():
    kg = graph_of("任命县委副书记王道清同志为县人民政府副县长、代理县长。",
                  people={"王道清": [("县委副书记", "县委"), ("县人民政府副县长", "县人民政府")]},
                  bodies={"县委": "", "县人民政府": ""})
    events = events_of(kg)
    assert [(e.post, e.body, e.facts.acting) for e in events] == [
        ("县人民政府副县长", "Organization:县人民政府", False),
        ("代理县长", "Organization:县人民政府", True)], "a bare post listed after one with a body shares it"


def test_acting_and_concurrent_posts_are_flagged():
    kg = graph_of("副市长李芳代理市长。王明兼任县委书记。", people={"李芳": [("副市长", "")], "王明": []})
    events = events_of(kg)
    assert [(e.person, e.post, e.facts.office, e.facts.acting, e.facts.concurrent) for e in events] == [
        ("Person:李芳", "代理市长", "市长", True, False), ("Person:王明", "县委书记", "书记", False, True)]


def test_a_post_that_ends_is_the_one_written_with_the_name_when_none_follows_the_cue():
    kg = graph_of("县政协副主席王五退休。李四退休前担任县委书记。", people={"王五": [("县政协副主席", "")], "李四": []})
    assert summary(kg) == [("retired", "王五", "县政协副主席", "退休")], "a clause after the cue is no post"


def test_a_nomination_is_an_event_but_no_spell():
    kg = graph_of("王明，男，1975年3月生，现任县委常委，拟任县人民政府副县长。", people={"王明": [("县委常委", "")]})
    events = events_of(kg)
    assert [(e.kind, e.post, e.cue) for e in events] == [("nominated", "县人民政府副县长", "拟任")]
    spells = build_spells(kg, events, PostReader(kg, load(), load_careers()))
    assert [s.post for s in spells] == ["县委常委"], "the nominee holds only the post they hold now"


@pytest.mark.parametrize("text, article, expected", [
    ("会议25日结束。", "2024-03-27", "2024-03-25"),
    ("会议25日结束。", "2024-03-10", "2024-02-25"),       # a day after the article's is of the month before
    ("3月29日，会议召开。", "2022-03-30", "2022-03-29"),
    ("12月29日，会议召开。", "2023-01-05", "2022-12-29"),  # and a month after it of the year before
    ("2007年12月25日会议召开。", "", "2007-12-25"),
    ("昨日，会议召开。", "2024-03-01", "2024-02-29"),
    ("10月9日，会议召开。", "", ""),                      # no year to read it with
    ("1975年3月生。", "2024-03-01", ""),                   # a month is no day
])
def test_a_stated_date_is_read_against_the_article_date(text, article, expected):
    doc = CleanDocument(Document("a", "a", text), (Sentence("a", 0, text, Offsets.of(range(len(text)))),),
                        date=article)
    assert stated_date(doc, 0, len(text)) == expected


def test_an_event_without_a_date_of_its_own_takes_one_stated_before_it():
    kg = graph_of("会议3月4日召开。会议任命王明为副县长。", people={"王明": [("副县长", "")]}, dates=("2024-03-05",))
    [event] = events_of(kg)
    assert (event.stated, event.observed, event.date) == ("2024-03-04", "2024-03-05", "2024-03-04")


def test_a_papers_date_line_is_no_stated_date():
    kg = graph_of("齐鲁晚报 2022年03月30日\n日前，中共中央批准：王强同志任济南市委书记。",
                  people={"王强": [("济南市委书记", "")]}, dates=("2022-03-30",))
    [event] = events_of(kg)
    assert (event.stated, event.observed) == ("", "2022-03-30")


def facts(label: str, body: str = "", place: str = "", places=None):
    kg = graph_of(f"{body or label}。", bodies={body: place} if body else {}, places=places or {})
    return PostReader(kg, load(), load_careers()).facts(label, f"{ORGANIZATION}:{body}" if body else "")


@pytest.mark.parametrize("label, body, place, kind, code, expected", [
    ("运城市人民政府副市长", "运城市人民政府", "运城市", CITY, "140800", ("副市长", "副职", "city", "副厅局级")),
    ("运城市委书记", "运城市委", "运城市", CITY, "140800", ("书记", "正职", "city", "正厅局级")),
    ("济南市委书记", "济南市委", "济南市", CITY, "370100", ("书记", "正职", "city", "副省部级")),       # 副省级城市
    ("朝阳区人民政府区长", "朝阳区人民政府", "朝阳区", COUNTY, "110105", ("区长", "正职", "county", "正厅局级")),  # 直辖市的区
    ("盐湖区公安局副局长", "盐湖区公安局", "盐湖区", COUNTY, "140802", ("副局长", "副职", "county", "副乡科级")),
    ("山西省人大常委会副主任", "山西省人大常委会", "山西省", PROVINCE, "140000", ("人大常委会副主任", "副职", "province", "副省部级")),
])
def test_a_post_ranks_by_its_office_and_its_body_level(label, body, place, kind, code, expected):
    f = facts(label, body, place, {place: (kind, code)})
    assert (f.office, f.grade, f.level, f.rank) == expected
    assert (f.place_name, f.code) == (place, code)


def test_a_post_without_a_level_or_of_a_village_has_no_rank():
    assert facts("副主任").rank == ""
    assert facts("村委会主任").level == "village" and facts("村委会主任").rank == ""


def test_a_post_without_its_body_joins_the_spell_of_its_office_in_the_place_it_names():
    kg = graph_of("济南市人民政府代理市长周海田出席。济南市代市长周海田讲话。代理市长周海田强调。",
                  people={"周海田": [("济南市人民政府代理市长", "济南市人民政府"), ("济南市代市长", ""), ("代理市长", "")]},
                  bodies={"济南市人民政府": "济南市"}, places={"济南市": (CITY, "370100")}, dates=("2022-03-30",))
    [spell] = build_spells(kg, [], PostReader(kg, load(), load_careers()))
    assert (spell.post, spell.body, spell.facts.office, spell.facts.acting, spell.facts.rank) == (
        "济南市人民政府代理市长", "Organization:济南市人民政府", "市长", True, "副省部级")
    assert spell.forms == ("代理市长", "济南市人民政府代理市长", "济南市代市长")
    assert (spell.first_seen, spell.last_seen, len(spell.evidence)) == ("2022-03-30", "2022-03-30", 3)


def test_a_spell_begins_at_its_appointment_and_ends_at_its_removal():
    kg = graph_of("3月4日，会议任命王明为县人民政府副县长。", "县人民政府副县长王明调研。", "5月6日，会议免去王明的县人民政府副县长职务。",
                  people={"王明": [("县人民政府副县长", "县人民政府")]}, bodies={"县人民政府": ""},
                  dates=("2024-03-05", "2024-04-01", "2024-05-07"))
    reader = PostReader(kg, load(), load_careers())
    [spell] = build_spells(kg, events_of(kg), reader)
    assert (spell.start.kind, spell.start.date, spell.end.kind, spell.end.date) == (
        "appointed", "2024-03-04", "removed", "2024-05-06")
    assert (spell.first_seen, spell.last_seen, spell.documents) == ("2024-03-05", "2024-05-07", ["0.txt", "1.txt", "2.txt"])


def test_a_malformed_line_of_the_career_lexicons_names_its_file_and_line(monkeypatch):
    import kg.lexicon.careers as careers
    monkeypatch.setattr(careers, "_lines", lambda name: iter([(7, ["任命", "promoted", "before"])]))
    with pytest.raises(ValueError, match=r"^event_cues\.tsv:7: expected"):
        careers._cues()
