"""OCR repair keeps every offset pointing into the original text."""
from kg.clean import clean, normalize_char
from kg.extract.segment import default_segmenter
from kg.model import Document


def _clean(text: str):
    return clean(Document("d", "d.txt", text), bridges=default_segmenter().bridges)


def _original(doc_text: str, sentence) -> str:
    return "".join(doc_text[o] for o in sentence.offsets)


def test_lines_broken_mid_sentence_are_joined():
    text = "在永济市颐香苑小区改造意见征集过程中,每栋楼的业主代表发挥了重要作用。改造工作开始前,在该市住建局的倡\n\n导下,每栋楼的居民推选出了一名业主代表。"
    doc = _clean(text)
    assert any("住建局的倡导下" in s.text for s in doc.sentences)


def test_a_web_pages_source_line_is_never_joined_to_the_story():
    text = ("发稿时间:2025-03-02 08:15:00 来源: 人民网-山西频道\n\n"
            "  近日,在孟村回族自治县孟村镇西姚村村民李家平的家庭农场,大棚里种植了蔬菜幼苗。")
    doc = _clean(text)
    assert doc.sentences[0].text == "发稿时间:2025-03-02 08:15:00 来源: 人民网-山西频道"
    assert doc.sentences[1].text.startswith("近日")


def test_headlines_stay_apart():
    doc = _clean("扛牢政治责任 提升工作质效\n\n积极创建示范区\n\n会议指出,一年来成效明显。")
    assert doc.sentences[0].text == "扛牢政治责任 提升工作质效"


def test_stray_spaces_inside_words_are_removed_but_offsets_kept():
    text = "市委常委、市委组织 部副部长余洁就机关党建作说明。"
    doc = _clean(text)
    s = doc.sentences[0]
    assert "市委组织部副部长" in s.text
    assert _original(text, s) == s.text
    i = s.text.index("组织部")
    start, end = s.span(i, i + 3)
    assert text[start:end] == "组织 部"


def test_a_space_inside_a_divisions_name_is_stray_though_the_segmenter_cuts_elsewhere():
    # 凤台 + 县委书记: the segmenter knows the post whole, the division's name runs across the space.
    assert _clean("凤台 县委书记张华主持会议。").sentences[0].text.startswith("凤台县委书记")
    assert _clean("我们 县里的干部都来了。").sentences[0].text.startswith("我们 县里")


def test_repeated_paragraph_dropped():
    para = "这支队伍从刚开始的4个人,增加到如今的200余人,健步队的影响力越来越强。"
    doc = _clean(f"{para}\n\n中间一段文字在这里出现一次而已。\n\n{para}")
    assert [s.text for s in doc.sentences].count(para) == 1
    assert doc.dropped_duplicates == 1


def test_full_width_ascii_becomes_half_width_one_for_one():
    assert normalize_char("Ａ") == "A" and normalize_char("，") == ","
    text = "２０２４年，ＫＧ测试。"
    doc = _clean(text)
    assert doc.sentences[0].text.startswith("2024年,KG")
    assert len(doc.sentences[0].offsets) == len(doc.sentences[0].text)


def test_letter_spacing_is_removed_but_three_spaced_pieces_are_left_to_the_segmenter():
    bridges = default_segmenter().bridges
    texts = [s.text for s in clean(Document("x", "x", "全 面 推 进乡村振兴。黎明村借 共享社·幸福 里 建设。"),
                                   bridges=bridges).sentences]
    assert texts[0] == "全面推进乡村振兴。"
    assert "里 建设" in texts[1]


def test_a_line_cut_inside_a_quote_is_joined_to_the_next():
    text = "会议指出,要深入推进“红色\n物业”建设。\n"
    sentences = [s.text for s in clean(Document("t.txt", "t.txt", text)).sentences]
    assert sentences == ["会议指出,要深入推进“红色物业”建设。"]
