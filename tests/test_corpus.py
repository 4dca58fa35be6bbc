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
