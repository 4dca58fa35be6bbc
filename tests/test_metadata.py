"""The user's metadata over what kg reads: a file beside the corpus (CSV or JSON Lines) and dates from file names."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.pipeline import BuildOptions, build

PAGE = "强基固本 坚定扛好职责\n本报讯 日前,经开区党工委召开会议,梁伟主持会议。\n"
OTHER = "盐湖区召开会议\n本报讯(记者 张越)日前,盐湖区召开会议,区委书记孙三主持会议。\n"


def _corpus(folder: Path) -> Path:
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "20240110-a.txt").write_text(PAGE, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    return folder


def _build(corpus: Path, out: Path, **options):
    return build([str(corpus)], BuildOptions(out_dir=out, workers=1, write_html=False, **options))


def _docs(kg) -> dict:
    return {d.document.id: d for d in kg.documents}


def test_a_csv_beside_the_corpus_overrides_title_date_and_newspaper_and_keeps_other_columns(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    (corpus / "kg-metadata.csv").write_text(
        "path,title,date,newspaper,url,section\n"
        "2024/20240110-a.txt,经开区抓基层党建述职评议,2024-01-11,宿迁日报,https://example.org/a,要闻\n"
        "b.txt,,2023年5月1日,,,\n", encoding="utf-8")
    kg, _ = _build(corpus, tmp_path / "out")
    a, b = _docs(kg)["2024/20240110-a.txt"], _docs(kg)["b.txt"]
    assert (a.title, a.date, a.newspaper, a.url) == ("经开区抓基层党建述职评议", "2024-01-11", "宿迁日报",
                                                     "https://example.org/a")
    assert a.variables == (("section", "要闻"),)
    assert (b.title, b.date) == ("盐湖区召开会议", "2023-05-01")   # an empty cell leaves kg's reading
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    for text in ('"经开区抓基层党建述职评议"@zh', '"2024-01-11"^^xsd:date', 'schema:url <https://example.org/a>',
                 '"宿迁日报"@zh', 'schema:name "section"', 'schema:value "要闻"'):
        assert text in ttl


def test_json_lines_work_as_csv_does(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    rows = [{"path": "b.txt", "title": "新标题", "newspaper": "运城晚报", "page": 3}]
    (corpus / "kg-metadata.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows),
                                              encoding="utf-8")
    kg, _ = _build(corpus, tmp_path / "out")
    b = _docs(kg)["b.txt"]
    assert (b.title, b.newspaper, b.area, b.variables) == ("新标题", "运城晚报", "140800", (("page", "3"),))


def test_dates_from_file_names_and_the_metadata_file_wins(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    kg, _ = _build(corpus, tmp_path / "out", date_from_name="%Y%m%d")
    assert _docs(kg)["2024/20240110-a.txt"].date == "2024-01-10" and _docs(kg)["b.txt"].date == ""
    (corpus / "kg-metadata.csv").write_text("path,date\n2024/20240110-a.txt,2024-02\n", encoding="utf-8")
    kg, _ = _build(corpus, tmp_path / "out", date_from_name="%Y%m%d")
    assert _docs(kg)["2024/20240110-a.txt"].date == "2024-02"


def test_an_edited_metadata_file_rewrites_the_outputs_without_extracting_again(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    _build(corpus, out)
    kg, summary = _build(corpus, out)
    assert kg is None and summary.up_to_date
    (corpus / "kg-metadata.csv").write_text("path,title\nb.txt,改过的标题\n", encoding="utf-8")
    kg, summary = _build(corpus, out)
    assert kg is not None and summary.extracted == 0 and summary.from_cache == 2
    assert "改过的标题" in (out / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, content, message", [
    ("kg-metadata.csv", "path,date\nb.txt,2024-13-01\n",
     "kg-metadata.csv, row 2: date '2024-13-01' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    ("kg-metadata.csv", "title,date\n标题,2024-01-01\n", "kg-metadata.csv, row 2: no path"),
    ("kg-metadata.csv", "path,title\nb.txt,一\nb.txt,二\n", "kg-metadata.csv, row 3: b.txt is named twice"),
    ("kg-metadata.jsonl", '{"path": "b.txt"}\n{"path": "b.txt", oops}\n', "kg-metadata.jsonl, line 2: not JSON"),
])
def test_a_bad_metadata_file_is_one_line_naming_the_row_and_exit_2(tmp_path, name, content, message):
    corpus = _corpus(tmp_path / "corpus")
    (corpus / name).write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


def test_a_row_naming_no_input_is_a_warning_and_the_option_reads_a_file_elsewhere(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    elsewhere = tmp_path / "meta.csv"
    elsewhere.write_text("path,title\ncorpus/b.txt,别处的标题\ncorpus/gone.txt,无\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out"), "-j", "1",
                                       "--metadata", str(elsewhere)])
    assert result.exit_code == 0, result.output
    assert "meta.csv, row 3: no input file corpus/gone.txt" in result.stderr
    assert "别处的标题" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_a_date_pattern_without_a_year_is_refused(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out"), "--date-from-name",
                                       "%m%d"])
    assert result.exit_code == 2 and "needs %Y" in result.stderr
