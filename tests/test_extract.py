"""Recognizers and resolution on sentences written for the test."""
from __future__ import annotations

import pytest

from kg.model import Document
from kg.pipeline import process_document


def _doc(text: str):
    return process_document(Document("t.txt", "t.txt", text))


def _entities(text: str) -> dict[str, str]:
    return {e.name: e.type for e in _doc(text).entities}


def test_official_with_posts_and_body():
    r = _doc("运城晚报讯(记者 张越)市委书记储祥好主持会议。市委副书记、代市长姚逊出席。")
    names = {e.name: e for e in r.entities}
    assert names["储祥好"].type == "Person"
    assert names["张越"].type == "Person"
    posts = {(rel.head, rel.tail) for rel in r.relations if rel.kind == "holdsPost"}
    assert ("Person:储祥好", "市委书记") in posts
    assert ("Person:姚逊", "市委副书记") in posts and ("Person:姚逊", "代市长") in posts
    # 市委 in a 运城晚报 story is the 运城 party committee.
    assert "运城市委" in names and names["运城市委"].type == "Organization"
    assert ("memberOf", "Person:储祥好", "Organization:运城市委") in {(x.kind, x.head, x.tail) for x in r.relations}


def test_address_chain_gives_nested_places_with_codes():
    r = _doc("1月17日,盐湖区安邑街道金海湾社区提前热闹起来。")
    by_name = {e.name: e for e in r.entities}
    assert by_name["盐湖区"].type == "County" and by_name["盐湖区"].code == "140802"
    assert by_name["安邑街道"].type == "Township" and by_name["安邑街道"].code == "140802006"
    assert by_name["金海湾社区"].type == "Community"
    located = {(x.head, x.tail) for x in r.relations if x.kind == "locatedIn"}
    assert (by_name["金海湾社区"].key, by_name["安邑街道"].key) in located
    assert (by_name["安邑街道"].key, by_name["盐湖区"].key) in located


def test_ambiguous_township_takes_the_county_the_article_names():
    r = _doc("临猗县七级镇不断探索基层治理新路径。七级镇创新提出工作机制。")
    town = next(e for e in r.entities if e.name == "七级镇")
    assert town.code == "140821103"


def test_body_inside_a_title():
    ents = _entities("运城晚报讯 市人大常委会主任那志茂出席会议。")
    assert ents.get("运城市人大常委会") == "Organization"
    assert ents.get("那志茂") == "Person"


@pytest.mark.parametrize("text,program", [
    ("离石区积极探索“党建+物业”城市治理新模式,倾力打造“红色物业”。", "党建+物业"),
    ("坡里社区严格按照“四议两公开”进行表决实施。", "四议两公开"),
    ("上望街道依托 共享社·幸福里 建设,办好民生实事。", "共享社·幸福里"),
    ("新城壹号物业公司进一步健全机制,实施“近邻”党建工作法。", "近邻党建工作法"),
])
def test_named_programs(text, program):
    assert _entities(text).get(program) == "Program"


@pytest.mark.parametrize("text,slogan", [
    ("让“红色物业”成为党和群众的“连心桥”。", "连心桥"),
    ("着力解决“小马拉大车”问题。", "小马拉大车"),
    ("发挥了“领头雁”作用。", "领头雁"),
])
def test_slogans_are_not_programs(text, slogan):
    assert slogan not in _entities(text)


def test_everyday_words_are_not_entities():
    ents = _entities("进一步增强居民群众获得感、幸福感、安全感,城市更新让海湾更美。小区居民李女士深有感触地说。")
    for word in ("幸福感", "获得感", "安全感", "城市", "海湾", "李女士"):
        assert word not in ents


def test_stray_spaces_do_not_split_names():
    r = _doc("市委常委、市委组织 部副部长余洁就机关党建作说明。争创 模范机关 最强支部 活动。")
    names = {e.name for e in r.entities}
    assert "余洁" in names
    assert "模范机关最强支部" in names
    posts = {x.tail for x in r.relations if x.kind == "holdsPost"}
    assert "市委组织部副部长" in posts


def test_mentions_point_into_the_original_text():
    text = "本报讯(记者 林瑞蓉)市委组织 部副部长余洁出席。\n\n余洁指出,要强化党建引领。"
    r = _doc(text)
    for e in r.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
            assert "".join(m.text.split()) in {e.name, *e.aliases}


def test_short_form_folds_into_full_name_in_one_article():
    r = _doc("君茂家园小区于2021年交付使用。同时 君茂家园还在小区里打造了党群服务阵地。")
    estates = [e for e in r.entities if e.type == "Estate"]
    assert [e.name for e in estates] == ["君茂家园小区"]
    assert "君茂家园" in estates[0].aliases


def test_an_ethnic_township_written_without_its_peoples_is_the_same_township():
    r = _doc("高寨苗族布依族乡党委书记李明说,高寨乡今年种了茶。")
    townships = [e for e in r.entities if e.type == "Township"]
    assert [e.name for e in townships] == ["高寨苗族布依族乡"]
    assert "高寨乡" in townships[0].aliases


def test_committee_written_as_place_and_wei():
    r = _doc("复兴区委书记郑海龙在调研时指出,要持续深化基层治理。")
    names = {e.name: e for e in r.entities}
    assert names["复兴区委"].type == "Organization"
    rels = {(x.kind, x.head, x.tail) for x in r.relations}
    assert ("memberOf", "Person:郑海龙", names["复兴区委"].key) in rels


def test_everyday_word_after_its_township_names_a_community():
    ents = _entities("近日,复兴区百家村街道光明社区推出物业服务新举措。")
    assert ents.get("光明社区") == "Community"
    # Without the township before it, 光明 stays an everyday word.
    assert "光明社区" not in _entities("让光明社区照亮每个角落。")


def test_no_person_after_a_title_inside_a_longer_word():
    ents = _entities("社区先后引入3家物业企业,成立了小区业主委员会和物业联盟。")
    assert not [n for n, t in ents.items() if t == "Person"]


def test_a_city_bureau_keeps_its_city_and_abbreviated_departments_are_bodies():
    ents = _entities("淄博市公安局张店分局、张店区教体局相关负责人参加会议。")
    assert ents.get("淄博市公安局张店分局") == "Organization"
    assert ents.get("张店区教体局") == "Organization"


def test_names_listed_after_a_role_with_one_character_given_names():
    ents = _entities("市领导王宏、陈立群、赵卫东陪同。")
    assert {n for n, t in ents.items() if t == "Person"} == {"王宏", "陈立群", "赵卫东"}


def test_a_given_name_may_begin_with_a_function_character():
    r = _doc("巴公镇东四义村党支部书记赵向阳介绍。王建华向大家介绍情况。")
    names = {e.name for e in r.entities if e.type == "Person"}
    assert "赵向阳" in names
    assert not any(n.startswith("王建华向") for n in names)
    posts = {(x.head, x.tail) for x in r.relations if x.kind == "holdsPost"}
    assert ("Person:赵向阳", "东四义村党支部书记") in posts


def test_headline_place_colon_program_is_an_implementation():
    r = _doc("临县城庄镇:“五步走”筑牢疫情常态化防控\n\n城庄镇快速行动,打造防控“五步走”战略。")
    names = {e.name: e for e in r.entities}
    assert names["城庄镇"].type == "Township"
    impl = {(x.head, x.tail) for x in r.relations if x.kind == "implements"}
    assert (names["城庄镇"].key, names["五步走"].key) in impl


def test_the_namesake_of_a_doctrine_is_a_person():
    ents = _entities("高举邓小平理论伟大旗帜,加强理论学习。")
    assert ents.get("邓小平") == "Person"
    assert "理论" not in ents and "邓小平理论" not in ents


def test_bodies_the_dictionary_knows_whole():
    ents = _entities("他毕业于北京大学,现任党和政府联络员,参加业主委员会会议。")
    assert ents.get("北京大学") == "Organization"
    assert "党和政府" not in ents and "业主委员会" not in ents


def test_bodies_of_a_county_level_city_in_a_prefecture_paper():
    r = _doc("黔东南日报讯(记者 吴敏)凯里市湾水镇人民政府在岩寨村推行新模式,引入贵州中天物业服务有限公司。"
             "岩寨村驻村第一书记、市农业农村局干部龙胜利介绍情况。凯里市委常委、组织部部长潘志强表示,将持续推动。")
    names = {e.name: e.type for e in r.entities}
    assert names.get("湾水镇人民政府") == "Organization"           # 市 of 凯里市 is no level prefix
    assert names.get("贵州中天物业服务有限公司") == "Organization"  # 中天 is a name, not a time
    assert names.get("凯里市农业农村局") == "Organization"          # 市 is the city the article names
    rels = {(x.kind, x.head, x.tail) for x in r.relations}
    assert ("memberOf", "Person:潘志强", "Organization:凯里市委组织部") in rels


def test_estate_named_with_developer_and_dot():
    r = _doc("在东坡区通惠街道碧桂园·翡翠湾小区,小区党支部书记吴静带领志愿者开展活动。")
    names = {e.name: e for e in r.entities}
    assert names["碧桂园·翡翠湾小区"].type == "Estate"
    assert "碧桂园" not in names
    located = {(x.head, x.tail) for x in r.relations if x.kind == "locatedIn"}
    assert (names["碧桂园·翡翠湾小区"].key, names["通惠街道"].key) in located


def test_unit_named_after_its_parent_body_with_a_dot():
    ents = _entities("7月10日,晋中信息学院·国际商学院师生来到村里开展调研。")
    assert ents.get("晋中信息学院") == "Organization"
    assert ents.get("国际商学院") == "Organization"


def test_street_named_after_a_city_and_village_named_after_its_township():
    ents = _entities("城关区皋兰路街道张掖路社区开展义诊。七里河区西果园镇推行新做法。西果园村村民说,村里大事都公开。")
    assert ents.get("张掖路社区") == "Community"
    assert "张掖市" not in ents
    assert ents.get("西果园村") == "Village"


def test_name_before_a_verb_of_visiting_is_no_village():
    # 走村访户 is what the official does, not a village called 刘友明带队走村.
    r = _doc("县委副书记刘友明带队走村访户,检查防汛工作。驻村工作队进村入户。")
    ents = {e.name: e.type for e in r.entities}
    assert ents.get("刘友明") == "Person"
    assert not any(t == "Village" for t in ents.values())
    posts = {(x.head, x.tail) for x in r.relations if x.kind == "holdsPost"}
    assert any(h == "Person:刘友明" for h, _ in posts)


def test_names_whose_end_a_cue_fixes():
    ents = _entities("新华社北京4月8日电记者李中文报道:会议开幕。大气科学家、叶笃正院士表示赞同。记者江建国报道。")
    assert ents.get("李中文") == "Person"     # 李中文报 is no name: the byline ends at 报道
    assert ents.get("叶笃正") == "Person"     # 正 may end a given name when 院士 follows
    assert ents.get("江建国") == "Person"     # a byline vouches for what the dictionary calls a rare place


def test_three_character_name_before_a_title_is_not_cut_at_a_word():
    # 民主 starts inside the name 江泽民 when 主席 follows; the tagger's word boundary holds.
    ents = _entities("记者招待会上,他说明江泽民主席对改革的看法。")
    assert ents.get("江泽民") == "Person"


def test_personnel_notice_gives_people_and_their_new_posts():
    r = _doc("经区政府研究决定:任命王振华为驿城区教育体育局局长;任命赵海燕为驿城区卫生健康委员会副主任;"
             "免去李国庆的驿城区教育体育局局长职务。各乡镇人民政府要认真落实。")
    ents = {e.name: e.type for e in r.entities}
    for name in ("王振华", "赵海燕", "李国庆"):
        assert ents.get(name) == "Person"
    posts = {(x.head, x.tail) for x in r.relations if x.kind == "holdsPost"}
    assert ("Person:王振华", "驿城区教育体育局局长") in posts
    assert ("Person:赵海燕", "驿城区卫生健康委员会副主任") in posts
    assert ("Person:李国庆", "驿城区教育体育局局长") in posts  # the post he held until the notice
    assert "各乡镇人民政府" not in ents                        # every such body, not one


def test_person_after_a_post_wins_over_a_place_running_into_it():
    r = _doc("源城区民政局副局长钟伟华为社区授牌。新风社区党委副书记刘晓燕说,活动很受欢迎。")
    ents = {e.name: e.type for e in r.entities}
    assert ents.get("钟伟华") == "Person"
    assert not any(n.endswith("为社区") for n in ents)
    assert ents.get("新风社区") == "Community"    # an everyday word, but its committee follows


def test_team_named_in_quotes_and_what_it_is_founded_for():
    r = _doc("金杏社区组建“红马甲”志愿服务队,推行“一网统管”工作机制。社区实施“五星级”党支部创建行动。")
    ents = {e.name: e.type for e in r.entities}
    assert ents.get("红马甲志愿服务队") == "Organization"
    assert "五星级党支部" not in ents                   # a rating, not a name
    impl = {(x.head, x.tail) for x in r.relations if x.kind == "implements"}
    assert ("Community:金杏社区", "Program:一网统管") in impl
    assert not any(h.endswith("志愿服务队") for h, _ in impl)


def test_letter_spaced_names_and_verbs_that_start_with_a_surname():
    r = _doc("本报讯(融媒体记者 吴 昊)逻岗镇党委副书记、镇长刘 永 杰介绍,村民小组长查看新修的水渠。")
    ents = {e.name: e.type for e in r.entities}
    assert ents.get("吴昊") == "Person"
    assert ents.get("刘永杰") == "Person"
    assert "查看新" not in ents                  # 查看 is a verb, not 查 + a given name
    posts = {(x.head, x.tail) for x in r.relations if x.kind == "holdsPost"}
    assert ("Person:刘永杰", "镇长") in posts


def test_district_prefix_reads_as_the_district_not_an_estate():
    r = _doc("海淀区清河街道毛纺北小区是老旧小区。街道协调区城管委、区住建委解决停车难。"
             "宁陵县逻岗镇秦庄村种植专业合作社理事长秦大海告诉记者。")
    ents = {e.name: e.type for e in r.entities}
    assert ents.get("海淀区城管委") == "Organization"
    assert ents.get("海淀区住建委") == "Organization"
    assert not any(n.startswith("毛纺北小区") and t == "Organization" for n, t in ents.items())
    assert ents.get("秦庄村种植专业合作社") == "Organization"


def test_company_name_with_a_bracketed_form_and_founding_a_platform_implements_it():
    r = _doc("贵州茅台酒厂(集团)习酒有限责任公司参与活动。滨湖世纪社区位于核心区。"
             "社区成立“三方联动”议事平台。")
    ents = {e.name: e.type for e in r.entities}
    assert ents.get("贵州茅台酒厂(集团)习酒有限责任公司") == "Organization"
    impl = {(x.head, x.tail) for x in r.relations if x.kind == "implements"}
    assert any(h.startswith("Community:滨湖世纪社区") and t == "Program:三方联动" for h, t in impl)
