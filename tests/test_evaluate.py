"""Scores on the gold annotations: floors a little under what the extractor reaches."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import evaluate
from kg.corpus import find_inputs, read_document
from kg.pipeline import process_document

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold_seeds_dev.jsonl"
PEOPLES_DAILY = ROOT.parent / "shared" / "eval" / "peoples_daily_dev.jsonl"


@pytest.fixture(scope="module")
def seed_report():
    gold = evaluate.load_gold(GOLD)
    wanted = {g["doc"] for g in gold}
    results = {Path(i.doc_id).name: process_document(read_document(i))
               for i in find_inputs([str(ROOT / "seeds")]) if Path(i.doc_id).name in wanted}
    return evaluate.score_documents(gold, results)


@pytest.mark.parametrize("measure,floor", [
    ("strict", 0.92), ("coarse", 0.92),
    ("coarse:PER", 0.93), ("coarse:PLACE", 0.90), ("coarse:ORG", 0.87), ("coarse:PROGRAM", 0.85),
    ("rel:holdsPost", 0.90), ("rel:locatedIn", 0.83), ("rel:memberOf", 0.90), ("rel:implements", 0.60),
])
def test_seed_scores_stay_above_their_floor(seed_report, measure, floor):
    assert seed_report.scores[measure].f1 >= floor, seed_report.table()


@pytest.mark.skipif(not PEOPLES_DAILY.exists(), reason="People's Daily sample not present (../shared/eval)")
def test_peoples_daily_spans_stay_above_their_floor():
    from kg.pipeline import recognize
    report = evaluate.score_ner(PEOPLES_DAILY, recognize, limit=800)
    assert report.scores["micro"].precision >= 0.65, report.table()
    assert report.scores["PER"].f1 >= 0.46, report.table()


def test_eval_command_prints_scores_and_misses():
    from click.testing import CliRunner
    from kg.cli import main
    result = CliRunner().invoke(main, ["eval", str(GOLD), str(ROOT / "seeds"), "--show", "3"])
    assert result.exit_code == 0, result.output
    assert "strict" in result.output and "misses:" in result.output


def test_ner_eval_scores_a_sentence_file_and_says_how(tmp_path):
    import json

    from click.testing import CliRunner

    from kg.cli import main
    text = "运城市委书记王建华在盐湖区调研。"
    rows = [{"id": "s1", "text": text, "entities": [
        {"start": 0, "end": 3, "type": "LOC", "text": "运城市"},
        {"start": 6, "end": 9, "type": "PER", "text": "王建华"},
        {"start": 10, "end": 13, "type": "LOC", "text": "盐湖区"}]}]
    path = tmp_path / "pd.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--ner", str(path), "--show", "5"])
    assert result.exit_code == 0, result.output
    assert "backend rules, pd conventions" in result.output
    micro = next(line for line in result.output.splitlines() if line.startswith("micro"))
    assert float(micro.split()[3]) >= 0.5, result.output   # F1 column


PAGES = ROOT.parent / "shared" / "eval" / "pages_dev"


def _pages_report(halves: str):
    gold = [g for h in halves for g in evaluate.load_gold(PAGES / f"gold-{h}.jsonl")]
    results = {Path(i.doc_id).name: process_document(read_document(i))
               for i in find_inputs([str(PAGES / "texts")]) if Path(i.doc_id).name[0] in halves}
    return evaluate.score_documents(gold, results)


@pytest.mark.skipif(not PAGES.exists(), reason="pages_dev not present (../shared/eval)")
@pytest.mark.parametrize("halves,floor", [("ac", 0.83), ("bd", 0.80)])
def test_real_pages_stay_above_their_floor(halves, floor):
    """Real local-news articles from 30 provinces; b- and d- were never used to tune the recognizers."""
    report = _pages_report(halves)
    assert report.scores["coarse"].f1 >= floor, report.table()


def test_gold_in_traditional_script_matches_the_simplified_outputs():
    # kg reads traditional script as simplified; the scorer compares names and posts in one script.
    from kg.corpus import require_opencc
    from kg.model import Document
    text = "黑河市委書記、市人大常委會主任韓立新出席會議。"
    gold = [{"doc": "t.txt", "entities": [{"name": "韓立新", "type": "Person"}],
             "relations": [{"rel": "holdsPost", "head": "韓立新", "tail": "黑河市委書記"}]}]
    doc = Document("t.txt", "t.txt", require_opencc().convert(text))
    report = evaluate.score_documents(gold, {"t.txt": process_document(doc)})
    assert report.scores["rel:holdsPost"].tp == 1 and report.scores["strict:Person"].tp == 1
