"""Finding and decoding input files."""
import pytest

from kg.corpus import DecodeError, InputError, decode, find_inputs, read_document

TEXT = "市委书记储祥好主持会议。"


@pytest.mark.parametrize("encoding,data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8-sig", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
    ("gb18030", TEXT.encode("gbk")),
    ("utf-16", TEXT.encode("utf-16")),
])
def test_supported_encodings_decode_to_the_same_text(encoding, data):
    text, found = decode(data)
    assert text == TEXT
    assert found == encoding


@pytest.mark.parametrize("data", [b"%PDF-1.7\n...", b"\x00\x01\x02\x03binary", bytes(range(128, 256)) * 20])
def test_non_text_is_refused_with_a_reason(data):
    with pytest.raises(DecodeError) as e:
        decode(data)
    assert str(e.value)


def test_folders_are_walked_recursively_skipping_hidden(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "note.md").write_text(TEXT, encoding="utf-8")
    found = find_inputs([str(tmp_path)])
    assert [f.doc_id for f in found] == ["a/x.txt"]
    assert read_document(found[0]).text == TEXT


def test_globs_and_missing_paths(tmp_path):
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    assert len(find_inputs([str(tmp_path / "*.txt")])) == 1
    with pytest.raises(InputError, match="nowhere"):
        find_inputs([str(tmp_path / "nowhere")])


SIMPLIFIED_STORY = ("盐湖区召开优化营商环境工作会议\n"
                    "运城晚报讯(记者 陈伟)5月8日,盐湖区召开优化营商环境工作会议。区委书记王建国主持会议并讲话。\n\n"
                    "会议强调,要深入推进“放管服”改革,盐湖区发展和改革局要抓好落实,安邑街道金海湾社区要打造“红色物业”品牌。\n")


def test_a_traditional_file_gives_the_entities_of_its_simplified_twin(tmp_path):
    import opencc

    from kg.pipeline import BuildOptions, build
    traditional = opencc.OpenCC("s2t").convert(SIMPLIFIED_STORY)
    assert traditional != SIMPLIFIED_STORY and len(traditional) == len(SIMPLIFIED_STORY)
    built = {}
    for name, text in (("simplified", SIMPLIFIED_STORY), ("traditional", traditional)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(text, encoding="utf-8")
        built[name] = build([str(tmp_path / name)], BuildOptions(out_dir=tmp_path / f"out-{name}", workers=1,
                                                                 use_cache=False, write_html=False))
    (s_kg, s_sum), (t_kg, t_sum) = built["simplified"], built["traditional"]
    assert (s_sum.converted, t_sum.converted) == (0, 1)
    assert set(s_kg.entities) == set(t_kg.entities) and len(s_kg.entities) > 5
    assert {(r.kind, r.head, r.tail) for r in s_kg.relations} == {(r.kind, r.head, r.tail) for r in t_kg.relations}
    assert t_kg.documents[0].title == s_kg.documents[0].title
    # Offsets point into the file as written; quotes in the RDF are its own characters.
    for e in t_kg.entities.values():
        for m in e.mentions:
            assert traditional[m.start:m.end] == t_kg.documents[0].document.original[m.start:m.end]
    ttl = (tmp_path / "out-traditional" / "graph.ttl").read_text(encoding="utf-8")
    assert 'oa:exact "鹽湖區"' in ttl and 'rdfs:label "盐湖区"@zh' in ttl
    # The names as the traditional file writes them are the entities' aliases, so they can be looked up.
    assert any("鹽湖區" in e.aliases for e in t_kg.entities.values() if e.name == "盐湖区")
    assert not any(any(ch in "鹽區" for a in e.aliases for ch in a) for e in s_kg.entities.values())
