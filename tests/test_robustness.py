"""Bad input and odd files: a clear one-line message or a correct result, never a traceback.

tests/data/messy/ holds one small file for each case that can be committed
(see its README.md); the huge file and the link loops are made in tmp.
"""
from __future__ import annotations

import builtins
import hashlib
import io
import os
import random
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import corpus
from kg.corpus import DecodeError, InputError, InputFile, decode, find_inputs, iter_documents

ROOT = Path(__file__).resolve().parent.parent
MESSY = ROOT / "tests" / "data" / "messy"
SEEDS = ROOT / "seeds"

# file in tests/data/messy -> what its warning must say
SKIPPED = {
    "big5.txt": "looks like Big5",
    "shift_jis.txt": "(Japanese)",
    "latin1.txt": "looks like Latin-1",
    "damaged.txt": "invalid UTF-8 at byte 99",
    "utf16_no_bom.txt": "UTF-16 without a byte-order mark",
    "scan.txt": "a PDF file",
    "random.txt": "binary data",
    "empty.txt": "empty file",
    "blank.txt": "no text",
}
READ = {"utf8.txt", "utf8_bom.txt", "gbk.txt", "gb18030.txt", "utf16le_bom.txt", "utf16be_bom.txt", "crlf.txt",
        "no_punctuation.txt", "long_line.txt", "traditional.txt", "sub/nested.txt"}

ARTICLE = "市委书记储祥好主持召开会议，研究部署乡村振兴工作。会议指出，要坚持以人民为中心的发展思想。\n"
TRADITIONAL = "市委書記儲祥好主持召開會議，研究部署鄉村振興工作。會議指出，要堅持以人民為中心的發展思想。\n"
JAPANESE = "東京都の知事は十五日、記者会見を開き、新しい防災計画について説明した。計画では避難所を増やす。\n"
KOREAN = "서울시는 15일 새로운 교통 정책을 발표했다. 시장은 기자회견에서 시민의 편의를 강조했다.\n"
FRENCH = "Le maire a présenté mercredi le nouveau plan d'urbanisme. « C'est une étape décisive », a-t-il déclaré.\n"


def kg_run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout)


def one_line_each(stderr: str) -> list[str]:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr
    assert all(line.startswith("kg") for line in lines), stderr
    return lines


# --------------------------------------------------------------------------- decoding

@pytest.mark.parametrize("data,text,encoding", [
    (ARTICLE.encode("utf-8"), ARTICLE, "utf-8"),
    (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), ARTICLE, "utf-8-sig"),
    (ARTICLE.encode("gbk"), ARTICLE, "gb18030"),
    (ARTICLE.encode("gb18030"), ARTICLE, "gb18030"),
    ("李𠮷出席会议。".encode("gb18030"), "李𠮷出席会议。", "gb18030"),   # a four-byte GB18030 character
    (TRADITIONAL.encode("gbk"), TRADITIONAL, "gb18030"),             # traditional characters, in GBK
    (ARTICLE.encode("utf-16"), ARTICLE, "utf-16"),
    (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), ARTICLE, "utf-16"),
    (ARTICLE.encode("utf-32"), ARTICLE, "utf-32"),
    ("储祥好".encode("gbk"), "储祥好", "gb18030"),                    # short, with rare characters
    ("会议".encode("gbk"), "会议", "gb18030"),
    (TRADITIONAL.encode("utf-8"), TRADITIONAL, "utf-8"),             # read as is
])
def test_supported_encodings_are_read(data, text, encoding):
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize("data,reason", [
    (TRADITIONAL.encode("big5"), "looks like Big5"),
    ("會議".encode("big5"), "looks like Big5"),
    (JAPANESE.encode("shift_jis"), "Japanese"),
    (JAPANESE.encode("euc_jp"), "Japanese"),
    (KOREAN.encode("euc_kr"), "Korean"),
    (FRENCH.encode("latin-1"), "Latin-1"),
    (FRENCH.encode("cp1252"), "Latin-1"),
    ("naïve café".encode("latin-1"), "Latin-1"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF file"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    (ARTICLE.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    ("abc 市委".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    (b"\xff\xfe" + ARTICLE.encode("utf-16-le")[:-1], "byte-order mark but is not valid UTF-16"),
    (ARTICLE.encode("utf-8")[:-2] + b"\xe4" + ARTICLE.encode("utf-8"), "invalid UTF-8 at byte"),
    (bytes(range(1, 32)) * 20, "binary data"),
])
def test_other_encodings_and_binary_are_refused_with_the_reason(data, reason):
    with pytest.raises(DecodeError) as e:
        decode(data)
    assert reason in str(e.value)
    assert "\n" not in str(e.value)


def test_random_bytes_are_never_taken_for_text():
    rnd = random.Random(11)
    for size in (16, 64, 256, 4096, 65536):
        for _ in range(30):
            with pytest.raises(DecodeError):
                decode(bytes(rnd.randrange(256) for _ in range(size)))
            # The high half alone has no NUL or control byte to give it away.
            with pytest.raises(DecodeError):
                decode(bytes(rnd.randrange(128, 256) for _ in range(size)))


def test_every_seed_article_in_gbk_and_traditional_gbk_is_read():
    import opencc
    s2t = opencc.OpenCC("s2t")
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gbk = text.encode("gbk", "ignore")
        assert decode(gbk)[1] == "gb18030"
        assert decode(s2t.convert(text).encode("gbk", "ignore"))[1] == "gb18030"
        with pytest.raises(DecodeError, match="Big5"):
            decode(s2t.convert(text).encode("big5", "ignore"))
        for n in (20, 60, 200):  # the first lines alone: title, date, byline
            assert decode(text[:n].encode("gbk", "ignore"))[1] == "gb18030"


# --------------------------------------------------------------------------- the messy folder

def test_messy_folder_lists_every_text_file_and_nothing_else():
    ids = {f.doc_id for f in find_inputs([str(MESSY)])}
    assert ids == READ | set(SKIPPED)  # not .hidden.txt, photo.png, README.md


def test_messy_files_decode_to_the_same_articles():
    docs = {}
    for item in find_inputs([str(MESSY)]):
        try:
            (docs[item.doc_id],) = iter_documents(item)
        except DecodeError as e:
            assert SKIPPED[item.doc_id] in str(e), (item.doc_id, str(e))
    assert set(docs) == READ
    a = docs["utf8.txt"].text
    assert docs["utf16le_bom.txt"].text == a
    assert docs["crlf.txt"].text == a.replace("\n", "\r\n")
    assert docs["gb18030.txt"].text == a.replace("李明", "李𠮷")
    b = docs["sub/nested.txt"].text
    assert docs["utf8_bom.txt"].text == docs["gbk.txt"].text == docs["utf16be_bom.txt"].text == b
    # Traditional input is read in simplified script, the text as written kept beside it.
    assert "区委书记" in docs["traditional.txt"].text and "區委書記" in docs["traditional.txt"].original
    assert not any(d.original for name, d in docs.items() if name != "traditional.txt")
    assert docs["long_line.txt"].text.count("\n") == 1 and len(docs["long_line.txt"].text) > 25000


def test_kg_build_of_the_messy_folder_warns_once_per_skipped_file(tmp_path):
    run = kg_run("build", str(MESSY), "--out", str(tmp_path / "out"), "-j", "1", "--no-cache")
    assert run.returncode == 0, run.stderr
    lines = one_line_each(run.stderr)
    assert len(lines) == len(SKIPPED)
    for name, reason in SKIPPED.items():
        (line,) = [x for x in lines if f"{MESSY / name}:" in x]
        assert line.startswith("kg: warning: skipped ") and reason in line
    assert f"documents  {len(READ)} ({len(SKIPPED)} skipped)" in run.stdout
    for name in ("graph.ttl", "graph.html", "graph.graphml", "entities.csv", "edges.csv", "merges.csv"):
        assert (tmp_path / "out" / name).stat().st_size > 0


def test_strict_decides_before_writing_and_leaves_the_previous_outputs(tmp_path):
    out = tmp_path / "out"
    first = kg_run("build", str(MESSY / "utf8.txt"), "--out", str(out), "-q", "-j", "1")
    assert first.returncode == 0 and first.stderr == ""
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    run = kg_run("build", str(MESSY), "--out", str(out), "--strict", "-q", "-j", "1")
    assert run.returncode == 1
    lines = one_line_each(run.stderr)
    assert lines[-1] == (f"kg: {len(SKIPPED)} input(s) skipped (--strict): nothing written, "
                         "the previous outputs are left as they were")
    assert len(lines) == len(SKIPPED) + 1 and all(x.startswith("kg: error: skipped ") for x in lines[:-1])
    assert run.stdout == ""
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before, "nothing was written"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    clean = kg_run("build", str(MESSY / "utf8.txt"), str(MESSY / "gbk.txt"), "--out", str(tmp_path / "out2"),
                   "--strict", "-q", "-j", "1")
    assert clean.returncode == 0 and clean.stderr == ""


def test_quiet_prints_no_warning(tmp_path):
    run = kg_run("build", str(MESSY), "--out", str(tmp_path / "out"), "-q", "-j", "1", "--no-cache")
    assert run.returncode == 0
    assert run.stdout == "" and run.stderr == "", "-q prints errors only, and skipped inputs are warnings"


def test_odd_but_valid_files_give_mentions_at_the_right_offsets():
    from kg.pipeline import process_document
    for name in ("no_punctuation.txt", "long_line.txt", "crlf.txt", "utf16le_bom.txt", "gb18030.txt"):
        (doc,) = iter_documents(InputFile(MESSY / name, name))
        result = process_document(doc)
        mentions = [m for e in result.entities for m in e.mentions]
        assert mentions, name
        for m in mentions:
            assert doc.text[m.start:m.end] == m.text
        assert any(e.name == "王建国" or e.name == "张红梅" for e in result.entities), name


def test_other_patterns_reach_non_text_files_and_name_them(tmp_path):
    from kg.pipeline import BuildOptions, build
    _, summary = build([str(MESSY)], BuildOptions(out_dir=tmp_path, pattern="*.png", workers=1,
                                                  use_cache=False, write_html=False, allow_empty=True))
    assert summary.skipped == [(str(MESSY / "photo.png"), "a PNG image, not text")]
    assert summary.documents == 0


# --------------------------------------------------------------------------- unreadable files and links

def test_unreadable_file_is_skipped_with_the_reason(tmp_path, monkeypatch):
    from kg.pipeline import BuildOptions, build
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "in" / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    real_open = io.open

    def guarded_open(file, *args, **kwargs):
        # Tests run as root, which chmod 000 does not stop: refuse the file here instead.
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    for use_cache in (True, False):
        _, summary = build([str(tmp_path / "in")], BuildOptions(out_dir=tmp_path / f"out{use_cache}", workers=1,
                                                                 use_cache=use_cache, write_html=False))
        assert summary.skipped == [(str(locked), "Permission denied")]
        assert summary.documents == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_chmod_000_file_is_skipped(tmp_path):  # pragma: no cover - not run as root
    f = tmp_path / "locked.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    f.chmod(0)
    run = kg_run("build", str(tmp_path), "--out", str(tmp_path / "out"), "-q")
    assert run.returncode == 0
    assert one_line_each(run.stderr) == [f"kg: warning: skipped {f}: Permission denied"]


@pytest.fixture
def linked(tmp_path):
    d = tmp_path / "links"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "loop.txt").symlink_to("loop.txt")
    (d / "b.txt").symlink_to("c.txt")
    (d / "c.txt").symlink_to("b.txt")
    (d / "dangling.txt").symlink_to("nowhere.txt")
    (d / "again").symlink_to(".")            # a folder loop
    (d / "sub").mkdir()
    (d / "sub" / "up").symlink_to("..")      # another
    return d


def test_link_loops_inside_a_folder_are_skipped_and_not_followed(linked, tmp_path):
    run = kg_run("build", str(linked), str(linked), "--out", str(tmp_path / "out"), "-j", "1", timeout=120)
    assert run.returncode == 0, run.stderr
    lines = one_line_each(run.stderr)
    assert len(lines) == 4
    for name in ("loop.txt", "b.txt", "c.txt"):
        assert f"kg: warning: skipped {linked / name}: Too many levels of symbolic links" in lines
    assert f"kg: warning: skipped {linked / 'dangling.txt'}: No such file or directory" in lines
    assert "documents  1 (4 skipped)" in run.stdout


@pytest.mark.parametrize("name,message", [("loop.txt", "symbolic link loop"),
                                          ("dangling.txt", "broken symbolic link"),
                                          ("nothing-here.txt", "no such file or folder")])
def test_a_bad_path_named_on_the_command_line_is_bad_usage(linked, tmp_path, name, message):
    result = CliRunner().invoke(_main(), ["build", str(linked / name), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stderr.startswith("kg: ")


# --------------------------------------------------------------------------- exit codes

def _main():
    from kg.cli import main
    return main


@pytest.mark.parametrize("args", [
    ["build", "--bogus"],
    ["build", "--format", "xml"],
    ["build", "--max-nodes", "-1"],
    ["build", "--provenance", "some"],
    ["nosuchcommand"],
])
def test_bad_options_exit_2_without_a_traceback(args):
    result = CliRunner().invoke(_main(), args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "Error:" in result.stderr


def _tiny_graph(path: Path) -> Path:
    path.write_text('@prefix ex: <http://example.org/> .\nex:a ex:name "甲" .\n', encoding="utf-8")
    return path


def test_malformed_query_reports_line_and_column_and_exits_2(tmp_path):
    graph = _tiny_graph(tmp_path / "g.ttl")
    result = CliRunner().invoke(_main(), ["query", "SELECT ?s\nWHERE { ?s ?p }", "--graph", str(graph)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "line 2" in result.stderr and "column" in result.stderr


@pytest.mark.parametrize("query", [
    "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }",
    "DELETE WHERE { ?s ?p ?o }",
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
])
def test_update_and_service_are_refused_on_local_files(tmp_path, query):
    graph = _tiny_graph(tmp_path / "g.ttl")
    before = graph.read_bytes()
    result = CliRunner().invoke(_main(), ["query", query, "--graph", str(graph)])
    assert result.exit_code == 2
    assert "refused" in result.stderr and "--allow-update" in result.stderr
    assert graph.read_bytes() == before


def test_allow_update_changes_the_file(tmp_path):
    graph = _tiny_graph(tmp_path / "g.ttl")
    result = CliRunner().invoke(_main(), ["query", "DELETE WHERE { ?s ?p ?o }", "--graph", str(graph),
                                          "--allow-update"])
    assert result.exit_code == 0, result.output
    assert "甲" not in graph.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- huge files

def _varied_text(n_chars: int, seed: int = 3) -> str:
    """Seed articles, paragraphs shuffled and names varied, up to about ``n_chars``."""
    rnd = random.Random(seed)
    paragraphs = [p for path in sorted(SEEDS.glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    surnames, given = "王李张刘陈杨赵黄周吴", "建国晓峰红梅志强丽华海涛文明"
    out, size = [], 0
    while size < n_chars:
        p = rnd.choice(paragraphs)
        p = p.replace("储祥好", rnd.choice(surnames) + rnd.choice(given) + rnd.choice(given))
        out.append(p + "\n")
        size += len(p) + 1
    return "".join(out)


def test_a_200_mb_file_is_read_in_parts_with_bounded_memory(tmp_path):
    big = tmp_path / "big.txt"
    unit = _varied_text(300_000).encode("utf-8")
    target = 200 << 20
    digest = hashlib.sha256()
    with open(big, "wb") as f:
        written = 0
        while written < target:
            f.write(unit)
            digest.update(unit)
            written += len(unit)
    try:
        t0 = time.perf_counter()
        tracemalloc.start()
        parts = 0
        joined = hashlib.sha256()
        lengths = []
        ends = set()
        for doc in iter_documents(InputFile(big, "big.txt")):
            parts += 1
            assert doc.id == f"big.txt#part-{parts}"
            lengths.append(len(doc.text))
            ends.add(doc.text[-1])
            joined.update(doc.text.encode("utf-8"))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        seconds = time.perf_counter() - t0
    finally:
        big.unlink()
    assert joined.digest() == digest.digest()          # nothing lost, nothing doubled
    assert ends == {"\n"}                              # every part cut after a line break
    assert max(lengths) <= corpus.PART_CHARS
    assert min(lengths[:-1]) >= corpus.PART_CHARS // 2
    assert parts >= written // (4 * corpus.PART_CHARS)
    assert peak < 48 << 20, f"peak {peak >> 20} MB for a {written >> 20} MB file"
    assert seconds < 60


def test_a_huge_file_is_built_as_parts_with_offsets_in_each(tmp_path, monkeypatch):
    """The same path as a 200 MB file, made small: parts of 4,000 characters, streaming from 8 KB."""
    from kg.pipeline import BuildOptions, build
    monkeypatch.setattr(corpus, "PART_CHARS", 4000)
    monkeypatch.setattr(corpus, "STREAM_BYTES", 8192)
    text = _varied_text(30_000)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "year.txt").write_text(text, encoding="gb18030")
    kg, summary = build([str(tmp_path / "in")], BuildOptions(out_dir=tmp_path / "out", workers=1,
                                                             use_cache=False, write_html=False))
    # Each part is read as a file of its own, which may hold several stories.
    parts = list(dict.fromkeys(d.document.file for d in kg.documents))
    assert parts == [f"year.txt#part-{i}" for i in range(1, len(parts) + 1)] and len(parts) >= 8
    part_text = {d.document.file: d.document.text for d in kg.documents}
    assert "".join(part_text[p] for p in parts) == text
    assert all(len(t) <= 4000 for t in part_text.values())
    texts = {d.document.id: d.document.text for d in kg.documents}
    mentions = [m for e in kg.entities.values() for m in e.mentions]
    assert mentions
    for m in mentions:
        assert texts[m.doc_id][m.start:m.end] == m.text
    assert summary.documents == len(kg.documents) and summary.files == len(parts) and not summary.skipped


def test_a_huge_file_damaged_near_its_end_is_skipped_before_any_part(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "STREAM_BYTES", 8192)
    data = _varied_text(20_000).encode("utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data[:-10] + b"\xff" + data[-10:])
    with pytest.raises(DecodeError, match=f"invalid UTF-8 at byte {len(data) - 10}"):
        next(iter_documents(InputFile(bad, "bad.txt")))


def test_cut_points_fall_after_sentence_ends_when_there_are_any():
    text = "".join(f"第{i}段的内容写在这里。\n第{i}段断开的行\n接着写完。\n" for i in range(500))
    parts = list(corpus._parts(iter([text[:7000], text[7000:]]), 1000))
    assert "".join(parts) == text
    for p in parts[:-1]:
        assert p.endswith("。\n")
    one_line = "甲" * 2500
    assert [len(p) for p in corpus._parts(iter([one_line]), 1000)] == [1000, 1000, 500]


# --------------------------------------------------------------------------- traditional script

def test_traditional_script_is_converted_keeping_offsets_on_the_original_text(tmp_path):
    from kg.pipeline import BuildOptions, build
    path = MESSY / "traditional.txt"
    original = path.read_text(encoding="utf-8")
    kg, summary = build([str(path)], BuildOptions(out_dir=tmp_path / "s", workers=1, use_cache=False,
                                                  write_html=False))
    assert summary.converted == 1
    (doc,) = kg.documents
    assert len(doc.document.text) == len(original)
    assert "区委书记" in doc.document.text
    names = {e.name for e in kg.entities.values()}
    assert "王建国" in names
    assert not any(c in name for name in names for c in "區書記會議環運鹽")
    for e in kg.entities.values():
        for m in e.mentions:
            assert doc.document.text[m.start:m.end] == m.text
            written = original[m.start:m.end]
            assert corpus.to_simplified_text(written) == m.text, (written, m.text)
            assert written != m.text or all(corpus.to_simplified_text(c) == c for c in written)
    posts = {r.tail for r in kg.relations if r.kind == "holdsPost"}
    assert "区委书记" in posts


def test_with_no_convert_traditional_text_is_kept(tmp_path):
    from kg.pipeline import BuildOptions, build
    kg, summary = build([str(MESSY / "traditional.txt")], BuildOptions(out_dir=tmp_path, workers=1, use_cache=False,
                                                                       write_html=False, convert="none"))
    assert "區委書記" in kg.documents[0].document.text and summary.converted == 0


def test_the_summary_names_the_converted_files_and_no_convert_turns_it_off(tmp_path):
    run = kg_run("build", str(MESSY / "traditional.txt"), str(MESSY / "utf8.txt"), "--out", str(tmp_path / "a"),
                 "-j", "1", "--no-cache")
    assert run.returncode == 0, run.stderr
    assert "converted  1 file(s) from traditional to simplified script" in run.stdout
    run = kg_run("build", str(MESSY / "traditional.txt"), "--no-convert", "--out", str(tmp_path / "b"),
                 "-j", "1", "--no-cache")
    assert run.returncode == 0 and "converted" not in run.stdout


def test_conversion_that_would_change_a_length_goes_character_by_character(monkeypatch):
    class PhraseShortener:
        def convert(self, text):   # a phrase table entry of another length, as OpenCC may have
            return text.replace("計程車", "的士").replace("車", "车").replace("區", "区")

    monkeypatch.setattr(corpus, "require_opencc", lambda: PhraseShortener())
    corpus._t2s_char.cache_clear()
    try:
        line = "坐計程車去鹽湖區\n下一行車區\n"
        out = corpus.to_simplified_text(line)
    finally:
        corpus._t2s_char.cache_clear()
    assert len(out) == len(line)
    assert out == "坐計程车去鹽湖区\n下一行车区\n"


def test_conversion_without_opencc_is_one_line_and_exit_2(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "opencc", None)   # import opencc now raises ImportError
    with pytest.raises(InputError, match=r"pip install opencc"):
        corpus.require_opencc()
    for option in ("--to-simplified", "--convert=auto"):
        result = CliRunner().invoke(_main(), ["build", str(MESSY / "traditional.txt"), option,
                                              "--out", str(tmp_path)])
        assert result.exit_code == 2
        assert result.stderr == ("kg: reading traditional script needs OpenCC: pip install opencc "
                                 "(or build with --no-convert to read every file as written)\n")


# --------------------------------------------------------------------------- writing fails

def test_an_output_folder_that_cannot_be_made_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(_main(), ["build", str(MESSY / "utf8.txt"), "--out", str(tmp_path / "file" / "out"),
                                          "-q", "-j", "1"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Not a directory" in result.stderr


def test_a_full_disk_while_writing_leaves_the_previous_outputs_and_no_temporaries(tmp_path, monkeypatch):
    import errno

    out = tmp_path / "out"
    args = ["build", str(MESSY / "utf8.txt"), "--out", str(out), "-q", "-j", "1", "--no-cache"]
    assert CliRunner().invoke(_main(), args).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    calls = []
    real_fsync = os.fsync

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = CliRunner().invoke(_main(), ["build", str(MESSY / "gbk.txt"), *args[2:]])
    assert result.exit_code == 2
    assert result.stderr == "kg: No space left on device\n"
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_a_long_ascii_preamble_does_not_decide_the_encoding(tmp_path, monkeypatch):
    preamble = "Page 1 of 3 -- 2024-03-05 -- figures: " + " ".join(str(i) for i in range(20000)) + "\n"
    text = preamble + ARTICLE * 50
    assert len(preamble.encode()) > corpus.SNIFF_BYTES
    assert decode(text.encode("gbk")) == (text, "gb18030")
    with pytest.raises(DecodeError, match="Big5"):
        decode((preamble + TRADITIONAL * 50).encode("big5"))
    monkeypatch.setattr(corpus, "STREAM_BYTES", 8192)   # the streaming path too
    f = tmp_path / "long.txt"
    f.write_bytes(text.encode("gbk"))
    assert "".join(d.text for d in iter_documents(InputFile(f, "long.txt"))) == text
