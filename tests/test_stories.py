"""Pages of several stories: where each begins, its headline, paper and date; bare bodies kept to their story;
the people of the paper."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.lexicon import load
from kg.stories import repair_spaces, split_page

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERIES = ROOT / "queries"

# The seed pages' articles as a reader sees them: each story's headline. None of
# the pages prints a masthead date, and the dates their bodies give (1月17日,
# 2024年7月1日) are events', so no article has a date.
SEED_TITLES = {
    "000_e6a86d4f3c49bf2c.txt#story-1": "扛牢政治责任 提升工作质效",
    "000_e6a86d4f3c49bf2c.txt#story-2": "老旧小区改造中的热心人",
    "000_e6a86d4f3c49bf2c.txt#story-3": "永济市综合托育服务中心招生试运营",
    "001_aa23d9e4ad608feb.txt#story-1": "以“红色物业”提升基层治理效能",
    "001_aa23d9e4ad608feb.txt#story-2": "柳林县·打造典型树新风 建章立制改陋习",
    "001_aa23d9e4ad608feb.txt#story-3": "晋中信息学院学子 深入我市进行社会实践",
    "001_aa23d9e4ad608feb.txt#story-4": "岚县:线上服务让疫情防控和行政审批“两不误”",
    "001_aa23d9e4ad608feb.txt#story-5": "临县城庄镇:“五步走”筑牢疫情常态化防控",
    "002_33d80b991586bc22.txt#story-1": "全市机关党的工作暨模范机关最强支部创建部署会议召开",
    "002_33d80b991586bc22.txt#story-2": "我市首批25名老旧小区改造群众监督员上任",
    "002_33d80b991586bc22.txt#story-3": "共享社·幸福里建设夯实上望群众幸福路",
    "003_a75a3d1441bf0364.txt#story-1": "“微治理”撬动“大幸福”",
    "003_a75a3d1441bf0364.txt#story-2": "“五个注重”建强干部队伍",
    "003_a75a3d1441bf0364.txt#story-3": "永济市纪委监委召开2024年度工作汇报会",
    "003_a75a3d1441bf0364.txt#story-4": "创新机制聚合力 基层治理添动能",
    "003_a75a3d1441bf0364.txt#story-5": "壮大社区基层队伍 提升基层治理效能",
    "004_dc5962709374aa32.txt": "强基固本 坚定扛好第一责任人职责",
}

FIVE_STORIES = """运城晚报 2024年1月10日 星期三 第3版

“五个注重”建强干部队伍
本报讯(记者 曹欣怡)1月8日,万荣县召开干部工作会议。县委书记王一鸣出席会议并讲话。

永济市纪委监委召开 2024年度工作汇报会
本报讯(记者 邢智轩)2月21日,永济市纪委监委召开纪检监察系统工作汇报会。

临猗县七级镇
创新机制聚合力 基层治理添动能
本报讯(记者 曹欣怡)去年以来,临猗县七级镇不断探索基层治理新路径。

夏县
壮大社区基层队伍 提升基层治理效能
本报讯(记者 邢智轩)去年以来,夏县深入推进社区工作者队伍建设,县委书记赵二强调要抓好落实。

盐湖区召开优化营商环境大会
本报讯(记者 张越)日前,盐湖区召开大会,区委书记孙三主持会议。

本版责编 曹欣怡 校对 孙勇
"""


@pytest.fixture(scope="module")
def seed_kg(seed_build):
    return seed_build[0]


def test_seed_pages_are_split_into_their_stories_with_their_headlines(seed_kg):
    got = {d.document.id: d.title for d in seed_kg.documents}
    assert got == SEED_TITLES
    assert all(d.date == "" for d in seed_kg.documents)   # no masthead date; body dates are events'
    page = [d for d in seed_kg.documents if d.document.file == "003_a75a3d1441bf0364.txt"]
    assert len(page) == 5   # 盐湖区, 万荣县, 永济市, 七级镇, 夏县


def test_stories_cover_their_file_and_offsets_stay_file_offsets(seed_kg):
    by_file: dict[str, list] = {}
    for d in seed_kg.documents:
        by_file.setdefault(d.document.file, []).append(d.document)
    for docs in by_file.values():
        assert docs[0].start == 0 and docs[-1].stop == len(docs[0].text)
        assert all(a.stop == b.start for a, b in zip(docs, docs[1:]))
    for e in seed_kg.entities.values():
        for m in e.mentions:
            doc = next(d.document for d in seed_kg.documents if d.document.id == m.doc_id)
            assert doc.start <= m.start < m.end <= doc.stop and doc.text[m.start:m.end] == m.text


def test_a_page_of_five_stories_gives_five_articles_with_their_headlines_papers_and_dates():
    page = split_page(FIVE_STORIES, load())
    assert [s.title for s in page.stories] == [
        "“五个注重”建强干部队伍", "永济市纪委监委召开2024年度工作汇报会", "创新机制聚合力 基层治理添动能",
        "壮大社区基层队伍 提升基层治理效能", "盐湖区召开优化营商环境大会"]
    # The masthead dates and names the page; 1月8日 and 2月21日 are the events'.
    assert {s.date for s in page.stories} == {"2024-01-10"} and {s.newspaper for s in page.stories} == {"运城晚报"}
    # The editor line at the foot belongs to the story above it.
    assert "本版责编" in FIVE_STORIES[page.stories[-1].start:page.stories[-1].end]


def test_a_full_date_after_the_opener_dates_its_story_and_a_body_date_does_not():
    text = ("两会召开\n本报讯(记者 张越) 2024年3月4日,运城市两会召开。\n\n"
            "新馆开放\n本报讯(记者 樊慧敏)记者从市文旅局获悉,2023年5月1日建成的新馆昨日开放。\n")
    dates = [s.date for s in split_page(text, load()).stories]
    assert dates == ["2024-03-04", ""]


def test_a_file_of_one_story_keeps_its_id(tmp_path):
    from kg.pipeline import BuildOptions, build
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text("盐湖区召开会议\n本报讯(记者 张越)日前,盐湖区召开会议,区委书记孙三主持。\n",
                                             encoding="utf-8")
    kg, _ = build([str(tmp_path / "in")], BuildOptions(out_dir=tmp_path / "out", workers=1, use_cache=False,
                                                       write_html=False))
    (doc,) = kg.documents
    assert doc.document.id == doc.document.file == "one.txt" and doc.title == "盐湖区召开会议"


def test_headline_spaces_set_by_ocr_are_repaired():
    assert repair_spaces("市直机关 争做 模范 争创 最强") == "市直机关争做模范争创最强"
    assert repair_spaces("创新机制聚合力 基层治理添动能") == "创新机制聚合力 基层治理添动能"
    assert repair_spaces("模范机关 最强支部 创建部署会议召开", spaced=True) == "模范机关最强支部创建部署会议召开"


def test_each_story_resolves_its_own_bare_bodies(tmp_path):
    from kg.pipeline import BuildOptions, build
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text(FIVE_STORIES, encoding="utf-8")
    kg, _ = build([str(tmp_path / "in")], BuildOptions(out_dir=tmp_path / "out", workers=1, use_cache=False,
                                                       write_html=False))
    bodies = {m.doc_id: e.name for e in kg.entities.values() if e.type == "Organization" for m in e.mentions
              if m.text == "县委"}
    assert bodies == {"page.txt#story-1": "万荣县委", "page.txt#story-4": "夏县县委"}


SECRETARIES = {"a.txt": "本报讯 近日,市委书记张三主持召开市委常委会会议,研究部署当前重点工作。\n",
               "b.txt": "本报讯 近日,市委书记李四主持召开市委常委会会议,研究部署当前重点工作。\n"}


def test_two_articles_bare_city_committees_are_two_bodies_and_share_no_one(tmp_path):
    from kg.pipeline import BuildOptions, build
    from kg.query import run_query
    (tmp_path / "in").mkdir()
    for name, text in SECRETARIES.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    kg, _ = build([str(tmp_path / "in")], BuildOptions(out_dir=out, workers=1, use_cache=False, write_html=False))
    committees = sorted(k for k, e in kg.entities.items() if e.name == "市委")
    assert committees == ["Organization:市委@story:a.txt", "Organization:市委@story:b.txt"]
    bodies = {r.head: r.body for r in kg.relations if r.kind == "holdsPost"}
    assert bodies == {"Person:张三": committees[0], "Person:李四": committees[1]}
    same = run_query((QUERIES / "same_body.rq").read_text(encoding="utf-8"), graph_path=out / "graph.ttl")
    assert same.rows == []
    merges = (out / "merges.csv").read_text(encoding="utf-8")
    assert merges.count("unresolved: the story ties 市委 to no place") == 2


def test_the_seed_build_answers_same_body_with_one_body_of_one_city(seed_build):
    from kg.query import run_query
    rows = run_query((QUERIES / "same_body.rq").read_text(encoding="utf-8"), graph_path=seed_build[2] / "graph.ttl").rows
    assert ("运城市委", "储祥好", "姚逊") in rows


def test_masthead_editors_and_bylines_carry_their_role_and_are_no_officials(seed_build):
    from kg.query import run_query
    kg, _, out = seed_build
    roles = {e.name: e.roles for e in kg.entities.values() if e.type == "Person"}
    # 001's masthead: 政教专刊部主办 组版:闫广明 责编:许晓辉 校对:白颖凯
    assert roles["闫广明"] == roles["许晓辉"] == roles["白颖凯"] == {"editor"}
    assert roles["冯海砚"] == {"reporter"} and roles["刘一赫"] == {"correspondent"}
    assert roles["解建国"] == {"photographer"} and roles["储祥好"] == set()
    officials = run_query((QUERIES / "officials_and_posts.rq").read_text(encoding="utf-8"),
                          graph_path=out / "graph.ttl").rows
    assert not {"闫广明", "许晓辉", "白颖凯", "冯海砚"} & {r[0] for r in officials}
    people = run_query((QUERIES / "people_and_roles.rq").read_text(encoding="utf-8"), graph_path=out / "graph.ttl").rows
    assert ("许晓辉", "editor") in {(r[0], r[1]) for r in people}
    import csv
    with open(out / "entities.csv", encoding="utf-8") as f:
        by_name = {r["name"]: r["role"] for r in csv.DictReader(f)}
    assert by_name["许晓辉"] == "editor" and by_name["储祥好"] == ""


def test_articles_by_newspaper_lists_each_story_with_its_paper(seed_build):
    from kg.query import run_query
    rows = run_query((QUERIES / "articles_by_newspaper.rq").read_text(encoding="utf-8"),
                     graph_path=seed_build[2] / "graph.ttl").rows
    assert len(rows) == len(SEED_TITLES)
    yuncheng = [r for r in rows if r[0] == "运城晚报"]
    assert [r[3] for r in yuncheng] == [f"000_e6a86d4f3c49bf2c.txt#story-{n}" for n in (1, 2, 3)]


def test_evidence_sentences_have_no_ocr_spaces(seed_build):
    import rdflib
    g = rdflib.Graph().parse(seed_build[2] / "graph.ttl", format="turtle")
    kg_ns = rdflib.Namespace("https://kg.example.org/ontology#")
    texts = [str(o) for o in g.objects(None, kg_ns.text)]
    assert texts and not [t for t in texts if " " in t]
    assert all(" " not in e.text for r in seed_build[0].relations for e in r.evidence)


def test_a_pages_text_is_cached_once_and_every_story_gets_it_back():
    from kg import cache
    from kg.docstep import process_file
    from kg.model import Document
    path = SEEDS / "003_a75a3d1441bf0364.txt"
    text = path.read_text(encoding="utf-8")
    results = process_file(Document(path.name, str(path), text))
    assert len(results) == 5
    payload = cache.encode(results)
    back = cache.decode(payload)
    assert [r.doc.document for r in back] == [r.doc.document for r in results]
    assert all(r.doc.document.text is back[0].doc.document.text for r in back)
    import msgspec
    import zlib
    assert len(payload) < len(zlib.compress(msgspec.msgpack.encode(results, enc_hook=cache._encode_hook), 1))
