"""Four dated articles for the tables and queries of time (tests/test_time.py, tests/test_report.py).

A program piloted in a township of 盐湖区 (January); an appointment notice that appoints one deputy
district head and removes another (March); a later article naming the appointee in the post (June);
the program spread to 永济市 (September).
"""
from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "a1.txt": ("2024-01-15", "盐湖区安邑街道试点“红色物业”，推动物业服务与基层治理融合。"),
    "a2.txt": ("2024-03-05", "3月4日，盐湖区第十届人大常委会第十五次会议召开。"
                             "会议决定任命张建国为盐湖区人民政府副区长；免去李明华的盐湖区人民政府副区长职务。"),
    "a3.txt": ("2024-06-10", "盐湖区人民政府副区长张建国到安邑街道调研。"),
    "a4.txt": ("2024-09-20", "永济市推广“红色物业”经验，在全市社区全面推行。"),
}


def write_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    rows = ["path,date,newspaper"]
    for name, (date, text) in ARTICLES.items():
        (corpus / name).write_text(text + "\n", encoding="utf-8")
        rows.append(f"{name},{date},运城晚报")
    (corpus / "kg-metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return corpus
