"""Time in the graph, end to end: four dated articles give exactly the rows of careers.csv, events.csv,
adoption.csv and edges_by_period.csv, the shipped queries answer the same, and the tables load in pandas.

The articles: a program piloted in a township of 盐湖区 (January); an appointment notice that appoints
one deputy district head and removes another (March); a later article naming the appointee in the post
(June); the program spread to 永济市 (September).
"""
from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from kg.config import Period
from kg.pipeline import BuildOptions, build
from kg.query import run_query, validate
from time_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
POST = "盐湖区人民政府副区长"
BODY = "Organization:盐湖区人民政府"
PLACE = {"place": "County:盐湖区:140802", "place_name": "盐湖区", "code": "140802"}
FACTS = {"office": "副区长", "grade": "副职", "acting": "false", "concurrent": "false", "rank": "副县处级",
         "level": "county", "body": BODY, "body_name": "盐湖区人民政府", **PLACE}


@pytest.fixture(scope="module")
def timed(tmp_path_factory):
    root = tmp_path_factory.mktemp("time")
    corpus = write_corpus(root)
    out = root / "out"
    kg, _ = build([str(corpus)], BuildOptions(out_dir=out, workers=1, write_html=False, write_report=False))
    return kg, out, corpus


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return [dict(r) for r in csv.DictReader(f)]


def test_careers_csv_holds_one_row_a_spell_with_its_start_end_and_sightings(timed):
    _, out, _ = timed
    assert rows(out / "careers.csv") == [
        {"person": "Person:张建国", "person_name": "张建国", "post": POST, "forms": POST, **FACTS,
         "first_seen": "2024-03-05", "last_seen": "2024-06-10",
         "start": "2024-03-04", "start_source": "stated", "start_event": f"a2.txt@31/{POST}",
         "end": "", "end_source": "", "end_event": "",
         "documents": "2", "articles": "a2.txt|a3.txt", "spans": "a2.txt:31-34|a3.txt:10-13"},
        {"person": "Person:李明华", "person_name": "李明华", "post": POST, "forms": POST, **FACTS,
         "first_seen": "2024-03-05", "last_seen": "2024-03-05",
         "start": "", "start_source": "", "start_event": "",
         "end": "2024-03-04", "end_source": "stated", "end_event": f"a2.txt@48/{POST}",
         "documents": "1", "articles": "a2.txt", "spans": "a2.txt:48-51"},
    ]


def test_events_csv_keeps_the_stated_date_apart_from_the_article_date(timed):
    _, out, _ = timed
    assert rows(out / "events.csv") == [
        {"id": f"a2.txt@31/{POST}", "kind": "appointed", "cue": "决定任命", "person": "Person:张建国",
         "person_name": "张建国", "post": POST, **FACTS, "stated": "2024-03-04", "observed": "2024-03-05",
         "article": "a2.txt", "start": "31", "end": "34", "sentence": f"会议决定任命张建国为{POST};"},
        {"id": f"a2.txt@48/{POST}", "kind": "removed", "cue": "免去", "person": "Person:李明华",
         "person_name": "李明华", "post": POST, **FACTS, "stated": "2024-03-04", "observed": "2024-03-05",
         "article": "a2.txt", "start": "48", "end": "51", "sentence": f"免去李明华的{POST}职务。"},
    ]


ADOPTION = [
    {"program": "Program:红色物业", "program_name": "红色物业", "place": "County:永济市:140881", "place_name": "永济市",
     "level": "County", "code": "140881", "period": "2024-09", "first_mention": "2024-09-20", "kind": "spread",
     "documents": "1", "articles": "a4.txt", "via": ""},
    {"program": "Program:红色物业", "program_name": "红色物业", **PLACE, "level": "County", "period": "2024-01",
     "first_mention": "2024-01-15", "kind": "pilot", "documents": "1", "articles": "a1.txt",
     "via": "Township:安邑街道:140802006"},
    {"program": "Program:红色物业", "program_name": "红色物业", "place": "Township:安邑街道:140802006",
     "place_name": "安邑街道", "level": "Township", "code": "140802006", "period": "2024-01",
     "first_mention": "2024-01-15", "kind": "pilot", "documents": "1", "articles": "a1.txt", "via": ""},
]


def test_adoption_csv_counts_a_township_for_its_county_and_names_how_each_took_the_program_up(timed):
    _, out, _ = timed
    row = ["program", "program_name", "place", "place_name", "level", "code", "period", "first_mention", "kind",
           "documents", "articles", "via"]
    assert list(rows(out / "adoption.csv")[0]) == row
    assert rows(out / "adoption.csv") == ADOPTION


@pytest.mark.parametrize("period, labels", [(Period.YEAR, ["2024", "2024", "2024"]),
                                             (Period.QUARTER, ["2024-Q3", "2024-Q1", "2024-Q1"])])
def test_adoption_csv_counts_by_the_period_asked_for(tmp_path, period, labels):
    out = tmp_path / "out"
    build([str(write_corpus(tmp_path))], BuildOptions(out_dir=out, workers=1, write_html=False, write_report=False,
                                                      period=period, use_cache=False))
    assert rows(out / "adoption.csv") == [{**r, "period": p} for r, p in zip(ADOPTION, labels)]


EDGES = [  # period, kind, head, tail, count, pmi
    ("2024-01", "cooccursWith", "盐湖区", "红色物业", 1, "0.0000"),
    ("2024-01", "cooccursWith", "盐湖区", "安邑街道", 1, "0.0000"),
    ("2024-01", "cooccursWith", "红色物业", "安邑街道", 1, "0.0000"),
    ("2024-01", "implements", "安邑街道", "红色物业", 1, ""),
    ("2024-01", "locatedIn", "安邑街道", "盐湖区", 1, ""),
    ("2024-03", "cooccursWith", "盐湖区", "盐湖区人大常委会", 1, "0.0000"),
    ("2024-03", "cooccursWith", "盐湖区", "盐湖区人民政府", 2, "0.0000"),
    ("2024-03", "cooccursWith", "盐湖区", "张建国", 1, "0.0000"),
    ("2024-03", "cooccursWith", "盐湖区", "李明华", 1, "0.0000"),
    ("2024-03", "cooccursWith", "盐湖区人民政府", "张建国", 1, f"{math.log2(1 * 3 / (2 * 1)):.4f}"),
    ("2024-03", "cooccursWith", "盐湖区人民政府", "李明华", 1, f"{math.log2(1 * 3 / (2 * 1)):.4f}"),
    ("2024-03", "holdsPost", "张建国", POST, 1, ""),
    ("2024-03", "holdsPost", "李明华", POST, 1, ""),
    ("2024-03", "memberOf", "张建国", "盐湖区人民政府", 1, ""),
    ("2024-03", "memberOf", "李明华", "盐湖区人民政府", 1, ""),
    ("2024-06", "cooccursWith", "盐湖区", "盐湖区人民政府", 1, "0.0000"),
    ("2024-06", "cooccursWith", "盐湖区", "张建国", 1, "0.0000"),
    ("2024-06", "cooccursWith", "盐湖区", "安邑街道", 1, "0.0000"),
    ("2024-06", "cooccursWith", "盐湖区人民政府", "张建国", 1, "0.0000"),
    ("2024-06", "cooccursWith", "盐湖区人民政府", "安邑街道", 1, "0.0000"),
    ("2024-06", "cooccursWith", "张建国", "安邑街道", 1, "0.0000"),
    ("2024-06", "holdsPost", "张建国", POST, 1, ""),
    ("2024-06", "locatedIn", "安邑街道", "盐湖区", 1, ""),
    ("2024-06", "memberOf", "张建国", "盐湖区人民政府", 1, ""),
    ("2024-09", "cooccursWith", "永济市", "红色物业", 1, "0.0000"),
    ("2024-09", "implements", "永济市", "红色物业", 1, ""),
]


def test_edges_by_period_csv_holds_each_link_once_a_period_with_that_periods_pmi(timed):
    _, out, _ = timed
    found = [(r["period"], r["kind"], r["head_name"], r["tail_name"], int(r["count"]), r["pmi"])
             for r in rows(out / "edges_by_period.csv")]
    assert found == EDGES


def test_the_periods_of_a_link_add_up_to_its_count_in_edges_csv(timed):
    _, out, _ = timed
    total: dict[tuple, int] = {}
    for r in rows(out / "edges_by_period.csv"):
        key = (r["kind"], r["head"], r["tail"], r["body"])
        total[key] = total.get(key, 0) + int(r["count"])
    assert total == {(r["kind"], r["head"], r["tail"], r["body"]): int(r["count"]) for r in rows(out / "edges.csv")}


def test_the_tables_load_in_pandas_without_options(timed):
    import pandas as pd   # a test dependency (pyproject's test extra): the tables are for it
    _, out, _ = timed
    for name, n in (("careers.csv", 2), ("events.csv", 2), ("adoption.csv", 3), ("edges_by_period.csv", len(EDGES))):
        frame = pd.read_csv(out / name)
        assert len(frame) == n and not any(str(c).startswith("Unnamed") for c in frame.columns), name
    careers = pd.read_csv(out / "careers.csv")
    assert list(pd.to_datetime(careers["first_seen"])) == [pd.Timestamp("2024-03-05")] * 2
    assert careers["acting"].dtype == bool and careers["documents"].tolist() == [2, 1]
    edges = pd.read_csv(out / "edges_by_period.csv")
    assert edges.loc[edges["kind"] == "cooccursWith", "pmi"].notna().all()
    assert edges.loc[edges["kind"] != "cooccursWith", "pmi"].isna().all()


def query(out: Path, name: str, *replace: tuple[str, str]):
    text = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    for old, new in replace:
        assert old in text
        text = text.replace(old, new)
    return [tuple(str(v) if v is not None else "" for v in row) for row in run_query(text, graph_path=out / "graph.ttl").rows]


def test_the_graph_of_careers_conforms_to_the_shapes(timed):
    _, out, _ = timed
    conforms, report = validate(out / "graph.ttl")
    assert conforms, report


def test_the_career_query_gives_a_persons_spells_in_order(timed):
    _, out, _ = timed
    chosen = ('{ SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name ; kg:mentionCount ?n . '
              'FILTER EXISTS { ?m org:member ?p } }\n    ORDER BY DESC(?n) ?name LIMIT 1 }')
    assert query(out, "career", (chosen, 'VALUES ?name { "张建国"@zh }')) == [
        (POST, "副区长", "盐湖区人民政府", "副县处级", "2024-03-04", "appointed", "", "", "2024-03-05", "2024-06-10")]


def test_the_post_holders_query_gives_everyone_in_a_post_in_order(timed):
    _, out, _ = timed
    assert query(out, "post_holders", ('("书记"@zh "运城市委"@zh)', '("副区长"@zh "盐湖区人民政府"@zh)')) == [
        ("张建国", POST, "2024-03-04", "appointed", "", "", "2024-03-05", "2024-06-10"),
        ("李明华", POST, "", "", "2024-03-04", "removed", "2024-03-05", "2024-03-05")]


def test_the_programs_by_county_year_query_agrees_with_adoption_csv_by_year(timed, tmp_path):
    _, out, corpus = timed
    by_year = tmp_path / "out"
    build([str(corpus)], BuildOptions(out_dir=by_year, workers=1, write_html=False, write_report=False,
                                      period=Period.YEAR, use_cache=False))
    expected = sorted((r["place_name"], r["code"], r["period"], r["program_name"], r["documents"])
                      for r in rows(by_year / "adoption.csv") if r["level"] == "County")
    assert query(out, "programs_by_county_year") == expected == [
        ("永济市", "140881", "2024", "红色物业", "1"), ("盐湖区", "140802", "2024", "红色物业", "1")]


def test_the_same_body_same_year_query_pairs_the_appointee_and_the_removed(timed):
    _, out, _ = timed
    assert query(out, "same_body_same_year") == [("盐湖区人民政府", "2024", "张建国", "李明华")]
