"""People across articles: namesakes apart stay two, a shared body makes one, the rest goes to review;
the user decides with an identities file; the keys do not depend on the order of the inputs."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conftest import build_corpus as _build, write_corpus as _corpus
from kg.pipeline import BuildOptions, build

NAMESAKES = {
    "p1.txt": "本报讯 3月2日,太原市委书记张伟主持召开市委常委会会议,研究部署当前工作。\n",
    "p2.txt": "本报讯 3月2日,广州市委书记张伟主持召开市委常委会会议,研究部署当前工作。\n",
    "p3.txt": "本报讯 5月8日,运城市委副书记张伟出席全市乡村振兴工作会议并讲话。\n",
    "p4.txt": "本报讯 6月1日,运城市委副书记张伟到盐湖区调研基层治理工作。\n",
    "p5.txt": "本报讯 6月9日,居民张伟说,小区环境变好了。\n",
}


def _people(kg) -> dict[str, list[str]]:
    return {k: sorted({m.doc_id for m in e.mentions}) for k, e in kg.entities.items() if e.type == "Person"}


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory):
    root = tmp_path_factory.mktemp("namesakes")
    corpus = _corpus(root / "corpus", NAMESAKES)
    kg, summary = _build(corpus, root / "out")
    return kg, summary, root


def test_namesakes_in_two_provinces_stay_two_and_a_shared_body_makes_one(namesakes):
    kg, _, _ = namesakes
    assert _people(kg) == {
        "Person:张伟@太原市": ["p1.txt"],
        "Person:张伟@广州市": ["p2.txt"],
        "Person:张伟@运城市": ["p3.txt", "p4.txt"],
        "Person:张伟@story:p5.txt": ["p5.txt"],
    }
    reasons = {m.reason for m in kg.merges if m.kept == "Person:张伟@运城市"}
    assert reasons == {"both hold posts in or belong to 运城市委"}


def test_merges_csv_gives_the_reason_and_candidates_csv_the_undecided_pairs(namesakes):
    _, summary, root = namesakes
    out = root / "out"
    with open(out / "merges.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["kept"].startswith("Person:")]
    assert [(r["kept"], r["merged"], r["reason"]) for r in rows] == [
        ("Person:张伟@运城市", "张伟 in p4.txt", "both hold posts in or belong to 运城市委")]
    with open(out / "candidates.csv", encoding="utf-8") as f:
        pairs = list(csv.DictReader(f))
    # 居民张伟 says nothing of where he lives: he could be any of them. 太原 and 广州 cannot be one.
    assert {(p["first_key"], p["second_key"]) for p in pairs} == {
        ("Person:张伟@story:p5.txt", "Person:张伟@太原市"), ("Person:张伟@story:p5.txt", "Person:张伟@广州市"),
        ("Person:张伟@story:p5.txt", "Person:张伟@运城市")}
    assert all(p["first"] == "张伟@p5.txt" and p["first_sentence"] and p["second_sentence"] for p in pairs)
    assert out / "candidates.csv" in summary.outputs and summary.candidates == 3


def test_an_identities_file_forces_and_forbids_merges_on_the_next_build(tmp_path):
    corpus = _corpus(tmp_path / "corpus", NAMESAKES)
    (corpus / "kg-identities.csv").write_text(
        "first,second,decision\n张伟@p5.txt,张伟@p1.txt,same\n张伟@p3.txt,张伟@p4.txt,different\n", encoding="utf-8")
    kg, _ = _build(corpus, tmp_path / "out")
    people = _people(kg)
    assert ["p1.txt", "p5.txt"] in people.values()
    assert ["p3.txt"] in people.values() and ["p4.txt"] in people.values()
    assert any("the identities file says they are one" in m.reason for m in kg.merges)


def test_an_identities_row_naming_no_one_is_a_warning_naming_the_row(tmp_path, caplog):
    corpus = _corpus(tmp_path / "corpus", NAMESAKES)
    (corpus / "kg-identities.csv").write_text("first,second,decision\n张伟@p9.txt,张伟@p1.txt,same\n",
                                              encoding="utf-8")
    _build(corpus, tmp_path / "out")
    assert "kg-identities.csv, row 2: no story names 张伟@p9.txt" in caplog.text


def test_a_malformed_identities_file_is_one_line_and_exit_2(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main
    corpus = _corpus(tmp_path / "corpus", NAMESAKES)
    (corpus / "kg-identities.csv").write_text("first,second,decision\n张伟@p1.txt,张伟@p2.txt,maybe\n",
                                              encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "kg-identities.csv, row 2: decision must be" in result.stderr


def test_keys_do_not_depend_on_the_order_of_the_inputs_or_the_workers(tmp_path):
    first = _corpus(tmp_path / "a", NAMESAKES)
    # The same articles under other names, so that they sort in the reverse order.
    renamed = {f"{9 - int(name[1])}-{name}": text for name, text in NAMESAKES.items()}
    second = _corpus(tmp_path / "b", renamed)
    kg1, _ = _build(first, tmp_path / "o1")
    kg2, _ = build([str(second)], BuildOptions(out_dir=tmp_path / "o2", workers=2, use_cache=False, write_html=False))
    strip = {k.split("@story:")[0] + ("@story" if "@story:" in k else "") for k in _people(kg1)}
    assert strip == {k.split("@story:")[0] + ("@story" if "@story:" in k else "") for k in _people(kg2)}
    again, _ = _build(first, tmp_path / "o3")
    assert _people(again) == _people(kg1)


def test_a_key_stays_when_an_article_about_someone_else_is_added(tmp_path):
    corpus = _corpus(tmp_path / "corpus", {k: NAMESAKES[k] for k in ("p1.txt", "p2.txt", "p3.txt")})
    before, _ = _build(corpus, tmp_path / "o1")
    (corpus / "p4.txt").write_text(NAMESAKES["p4.txt"], encoding="utf-8")
    after, _ = _build(corpus, tmp_path / "o2")
    assert set(_people(before)) == set(_people(after)) == {"Person:张伟@太原市", "Person:张伟@广州市", "Person:张伟@运城市"}


def test_a_name_borne_by_one_person_keeps_its_plain_key(seed_build):
    kg = seed_build[0]
    assert "Person:储祥好" in kg.entities and "Person:曹欣怡" in kg.entities
    # 曹欣怡 signs three stories of one page: one reporter.
    assert len(kg.entities["Person:曹欣怡"].documents) == 3


def test_name_at_star_makes_everyone_of_a_name_one_person(tmp_path):
    corpus = _corpus(tmp_path / "corpus", {"p3.txt": NAMESAKES["p3.txt"], "p5.txt": NAMESAKES["p5.txt"],
                                           "p6.txt": "本报讯 6月9日,张伟说,今年的收成不错。\n"})
    kg, _ = _build(corpus, tmp_path / "o1")
    assert len(_people(kg)) == 3
    (corpus / "kg-identities.csv").write_text("first,second,decision\n张伟@*,张伟@*,same\n", encoding="utf-8")
    kg, _ = _build(corpus, tmp_path / "o2")
    assert _people(kg) == {"Person:张伟": ["p3.txt", "p5.txt", "p6.txt"]}
