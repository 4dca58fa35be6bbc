"""The lexicons the extractors rely on: official divisions, their short
forms, surnames, posts and the suffix lists."""
from __future__ import annotations

import time

import pytest

from kg import lexicon
from kg.lexicon import DATA_FILES, Division, content_hash, load, short_forms, version


@pytest.fixture(scope="module")
def lex():
    return load()


def names(divisions):
    return [d.name for d in divisions]


# --- divisions ------------------------------------------------------------

def test_township_resolves_with_its_parent_chain(lex):
    (anyi,) = lex.divisions_by_name["安邑街道"]
    assert anyi.code == "140802006"
    assert anyi.type == "Township" and anyi.level == 4
    chain = lex.ancestors(anyi.code)
    assert [(d.code, d.name, d.type) for d in chain] == [
        ("140802", "盐湖区", "County"),
        ("140800", "运城市", "City"),
        ("140000", "山西省", "Province"),
    ]
    assert lexicon.ancestors(anyi.code) == chain


def test_same_township_name_in_several_counties(lex):
    qiji = lex.divisions_by_name["七级镇"]
    assert len(qiji) >= 2
    assert len({d.code for d in qiji}) == len(qiji)
    assert {lex.division_by_code[d.parent].name for d in qiji} >= {"临猗县", "阳谷县"}


def test_short_form_maps_to_the_city(lex):
    assert names(lex.division_short_names["运城"]) == ["运城市"]
    assert "运城" not in lex.divisions_by_name      # short forms are kept apart
    assert names(lex.lookup("运城")) == ["运城市"]
    assert names(lex.lookup("运城市")) == ["运城市"]


@pytest.mark.parametrize("full, short", [
    ("广西壮族自治区", "广西"),
    ("内蒙古自治区", "内蒙古"),
    ("西藏自治区", "西藏"),
    ("新疆维吾尔自治区", "新疆"),
    ("香港特别行政区", "香港"),
    ("北京市", "北京"),
    ("山西省", "山西"),
    ("延边朝鲜族自治州", "延边"),
    ("锡林郭勒盟", "锡林郭勒"),
    ("大兴安岭地区", "大兴安岭"),
    ("浦东新区", "浦东"),
    ("神农架林区", "神农架"),
])
def test_short_forms(lex, full, short):
    assert full in names(lex.division_short_names[short])


def test_short_forms_do_not_cut_the_wrong_suffix():
    assert short_forms("万柏林区", 3) == ["万柏林"]     # 万柏林 + 区, not 万柏 + 林区
    assert short_forms("清新区", 3) == ["清新"]
    assert short_forms("恩施土家族苗族自治州", 2) == ["恩施", "恩施州", "恩施自治州"]
    assert short_forms("芒市", 3) == []                   # one character is too short
    assert short_forms("安邑街道", 4) == []               # townships have none


def test_common_words_are_not_short_forms(lex):
    for word in ("和平", "公安", "会同", "比如", "城关"):
        assert word not in lex.division_short_names
    assert "和平区" in lex.divisions_by_name


def test_division_table_is_consistent(lex):
    assert len(lex.divisions) > 40000
    assert list(lex.divisions) == sorted(lex.divisions, key=lambda d: d.code)
    assert all(isinstance(d, Division) for d in lex.divisions[:10])
    for d in lex.divisions:
        assert d.type == lexicon.DIVISION_TYPES[d.level]
        if d.level == 1:
            assert d.parent == ""
        else:
            parent = lex.division_by_code[d.parent]
            assert parent.level < d.level
        assert d.name not in {"市辖区", "县", "省直辖县级行政区划"}


def test_place_type_prefers_the_official_level(lex):
    assert lex.place_type("永济市") == "County"     # a county-level city
    assert lex.place_type("运城市") == "City"
    assert lex.place_type("某某小区") == "Estate"
    assert lex.place_suffix("联盟") == ("盟", "City", True)


# --- surnames, posts, suffixes ---------------------------------------------

def test_surnames(lex):
    assert "欧阳" in lex.surnames_double
    assert "王" in lex.surnames_single
    assert "欧阳" not in lex.surnames_single
    assert all(len(s) == 1 for s in lex.surnames_single)
    assert all(len(s) >= 2 for s in lex.surnames_double)
    assert len(lex.surnames_single) >= 500


def test_posts_longest_first(lex):
    lengths = [len(p) for p in lex.posts]
    assert lengths == sorted(lengths, reverse=True)
    assert lex.posts.index("常务副书记") < lex.posts.index("副书记") < lex.posts.index("书记")
    for post in ("书记", "代市长", "政法委书记", "人大常委会主任", "网格员"):
        assert post in lex.posts


def test_bylines_are_kept_apart_from_posts(lex):
    for title in ("记者", "通讯员", "实习记者", "编辑", "校对"):
        assert title in lex.byline_titles
        assert title not in lex.posts
    assert "主编" in lex.posts


def test_suffix_lists(lex):
    for seq in (lex.org_suffixes, lex.program_cues, [s for s, _ in lex.place_suffixes]):
        lengths = [len(s) for s in seq]
        assert lengths == sorted(lengths, reverse=True)
        assert len(set(seq)) == len(seq)
    assert "人民法院" in lex.org_suffixes and "队" in lex.weak_org_suffixes
    assert "委员会" not in lex.weak_org_suffixes
    assert dict(lex.place_suffixes)["街道"] == "Township"
    assert "城" in lex.weak_place_suffixes
    assert {t for _, t in lex.place_suffixes} <= set(lexicon.PLACE_TYPES)
    assert "工作法" in lex.program_cues and "桥" in lex.slogan_words


def test_data_files_have_no_duplicate_entries():
    for name in DATA_FILES:
        if name == "divisions.tsv" or name.endswith(".json"):
            continue
        # In word<TAB>kind files a word may serve two kinds (先生 after a
        # surname, or after a full name), but not the same kind twice.
        keys = [tuple(fields[:2]) if name in ("person_cues.tsv", "bodies.tsv") else fields[0]
                for _, fields in lexicon._lines(name)]
        assert len(keys) == len(set(keys)), name


# --- version and loading -----------------------------------------------------

def test_version_changes_with_content():
    contents = lexicon._data_contents()
    assert content_hash(contents) == version()
    changed = dict(contents)
    changed["posts.txt"] = contents["posts.txt"] + "新职务\n".encode("utf-8")
    assert content_hash(changed) != version()
    renamed = {("x" + k): v for k, v in contents.items()}
    assert content_hash(renamed) != version()
    assert content_hash(dict(reversed(list(contents.items())))) == version()


def test_load_is_cached_and_fast(lex):
    assert load() is lex
    assert lex.version == version()
    load.cache_clear()
    start = time.perf_counter()
    fresh = load()
    assert time.perf_counter() - start < 1.0
    assert fresh.division_by_code.keys() == lex.division_by_code.keys()


def test_a_district_is_found_by_the_name_it_had_as_a_county():
    # _former_names (kg.lexicon): 萧山区 was 萧山市, 江宁区 江宁县; the list holds current names only.
    lex = load()
    assert [d.code for d in lex.divisions_by_name["萧山市"]] == [d.code for d in lex.divisions_by_name["萧山区"]]
    assert "江宁县" in lex.divisions_by_name
    assert "新区县" not in lex.divisions_by_name


def test_common_mongolian_name_parts_make_names():
    # kg/lexicon/mongolian_name_parts.txt: 恩和 (peace) is one of the commonest parts of Mongolian names.
    from kg.clean import clean
    from kg.config import Backend
    from kg.docstep import extractor_for
    from kg.model import Document
    found = extractor_for(Backend.RULES).find(clean(Document("t.txt", "t.txt", "牧民恩和巴雅尔高兴地说。")))
    assert "恩和巴雅尔" in {c.name for f in found for c in f.kept}
